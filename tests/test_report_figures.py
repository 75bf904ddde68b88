"""One figure, one definition: every number the report prints about the piece is the number the API gives."""

import re
from html.parser import HTMLParser

import pytest
from test_report_reader import Page, new_piece, report  # noqa: F401 (fixtures: the bundled piece and a new one)

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


def _summary(html):
    body = Page(html).plain()
    return body[body.index("Summary"):body.index("Contents")]


def test_every_figure_of_the_summary_is_the_api_value(report):  # noqa: F811 (the imported fixture)
    article, baselines, html = report
    piece = ta.analyse(article)
    wires = ta.analyse_baselines(baselines)
    m = ta.piece_measures(piece)
    voice = ta.voice_summary(piece)
    rows = ta.compare(piece, wires, n_boot=2000, seed=0).set_index("measure")  # 00-summary's parameters
    weight, own, tone = rows.loc["loaded_weight_per_1000_words"], rows.loc["own_voice_share"], rows.loc["tone"]
    summary = _summary(html)
    stated = [
        f"{article.name} · {int(m['n_paragraphs'])} body paragraphs, {int(m['n_words'])} words",
        f"compared with {len(wires)} wire account(s)",
        f"carries {m['loaded_weight_per_1000_words']:.1f} loaded-term weight per 1,000 words of its body "
        f"({m['loaded_terms_per_1000_words']:.1f} loaded terms per 1,000 words), against {weight.baseline:.1f} "
        f"in the wire copy: a difference of {weight.difference:+.1f} "
        f"(95% interval {weight.ci_low:+.1f} to {weight.ci_high:+.1f}",
        f"{voice.own_voice_share:.0%} of the loaded terms in its body "
        f"({voice.loaded_editorial + voice.loaded_scare_quote} of {voice.n_loaded}) are in the outlet's own voice",
        f"In the wire copy the share is {own.baseline:.0%}: a difference of {own.difference * 100:+.0f} points "
        f"(95% interval {own.ci_low * 100:+.0f} to {own.ci_high * 100:+.0f})" if own.baseline == own.baseline
        else "The wire copy has no loaded term to compare with",  # the new piece's wire account has none
        f"The body's tone is {m['tone']:+.3f}",
        f"against {tone.baseline:+.3f} in the wire copy: {tone.difference:+.3f} "
        f"(95% interval {tone.ci_low:+.3f} to {tone.ci_high:+.3f}",
        f"the headline's is {m['headline_tone']:+.3f}",
    ]
    missing = [sentence for sentence in stated if sentence not in summary]
    assert missing == [], (missing, summary)
    # Whether an interval excludes zero is said as the numbers say it.
    for row, words in [(weight, "Loaded language"), (tone, "Tone")]:
        finding = summary[summary.index(words):]
        excludes = row.ci_low > 0 or row.ci_high < 0
        assert ("which excludes zero" if excludes else "which includes zero") in finding[:600]
    # One overview chart, inside the summary (an inline SVG chart, or an image).
    part = html[html.index('id="summary"'):html.index('id="contents"')]
    assert part.count('class="ta-chart"') + part.count("<img ") == 1
