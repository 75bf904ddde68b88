"""One figure, one definition: every number the report prints about the piece is the number the API gives."""

import re
from html.parser import HTMLParser

import pytest

import toneanalysis as ta

pytestmark = pytest.mark.slow


class Text(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(html)

    def handle_data(self, data):
        self.parts.append(data)


@pytest.fixture(scope="module")
def page(report_ran):
    return re.sub(r"\s+", " ", "".join(Text(report_ran.html).parts))


@pytest.fixture(scope="module")
def api(report_ran):
    piece = ta.analyse(report_ran.article)
    wires = ta.analyse_baselines(report_ran.baselines)
    return {
        "measures": ta.piece_measures(piece),
        # The notebook's own parameters: 2,000 resamples, seed 0.
        "table": ta.compare(piece, wires, n_boot=2000, seed=0).set_index("measure"),
        "voice": ta.voice_summary(piece),
        "rewrite": ta.rewrite_summary(ta.neutral_rewrite(piece)),
        "hits": ta.find_loaded_terms(piece),
    }


def test_the_piece_measures_in_the_report_are_the_api_values(page, api):
    m, table, voice, rewrite, hits = api["measures"], api["table"], api["voice"], api["rewrite"], api["hits"]
    body = hits[hits["role"] == "paragraph"]
    printed = [
        # 01: the piece
        f"The body's tone (word-weighted mean) is {m['tone']:+.3f} and the headline's is {m['headline_tone']:+.3f}",
        f"There are {len(hits)} loaded-term hits, {len(body)} of them in the body's {int(m['n_words']):,} words: "
        f"{m['loaded_terms_per_1000_words']:.1f} per 1,000 words, a loaded weight of "
        f"{m['loaded_weight_per_1000_words']:.1f} per 1,000 words",
        # 02: against the wire
        f"The piece carries {m['loaded_weight_per_1000_words']:.1f} loaded-term weight per 1,000 words against "
        f"{table.loc['loaded_weight_per_1000_words', 'baseline']:.1f}",
        f"Its body tone (word-weighted) is {m['tone']:+.3f} against {table.loc['tone', 'baseline']:+.3f}",
        f"its headline scores {m['headline_tone']:+.3f}",
        f"It attributes with neutral verbs (\"said\", \"told\", \"according to\") "
        f"{m['attribution_per_1000_words']:.1f} times per 1,000 words",
        # 03: whose words
        f"{voice.own_voice_share:.0%} of the loaded terms in the body of this piece "
        f"({voice.loaded_editorial + voice.loaded_scare_quote} of {voice.n_loaded})",
        f"The body's tone (word-weighted) goes from {rewrite.tone:+.3f} to {rewrite.tone_rewritten:+.3f}",
        f"word choice accounts for {rewrite.word_choice_share:.0%} of its tone",
    ]
    missing = [sentence for sentence in printed if sentence not in page]
    assert missing == [], missing


def test_every_path_gives_the_piece_one_tone(api):
    # The comparison, the rewrite summary and the measures are one definition, not three.
    m, table, rewrite, voice = api["measures"], api["table"], api["rewrite"], api["voice"]
    assert table.loc["tone", "article"] == pytest.approx(m["tone"]) == pytest.approx(rewrite.tone)
    assert table.loc["own_voice_share", "article"] == pytest.approx(m["own_voice_share"])
    assert voice.own_voice_share == pytest.approx(m["own_voice_share"])
    assert table.loc["headline_tone", "article"] == pytest.approx(m["headline_tone"])
