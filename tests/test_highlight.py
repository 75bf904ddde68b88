"""Highlighted HTML: every hit marked where it is, the roles shown, and untrusted text kept inert."""

from html.parser import HTMLParser

import pytest

import toneanalysis as ta
from toneanalysis.report.highlight import VOICE_CLASSES, Highlighted, highlight_html, tone_colour

LEX = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "axis of evil": {"category": "loaded_metaphor", "weight": 3, "framing": "negative", "neutral": "allies"},
    "snarling": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "smiling"},
    "ardently": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": 'warmly"><script>x()</script>'},
}
HOSTILE = ("A tyrant wrote this\n\n"
           "The tyrant said <script>alert(1)</script> and <img src=x onerror=alert(1)> to the crowd.\n\n"
           "Protesters ardently shouted <b>no</b> &amp; left.\n")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser sees them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.marks, self._in_mark = [], [], [], False
        self.prose, self._in_ref = [], False  # the text without the hits' note numbers
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark" and "ta-hit" in dict(attrs).get("class", ""):
            self._in_mark = True
            self.marks.append(["", dict(attrs)])
        self._in_ref = self._in_ref or (tag == "sup" and "ta-ref" in dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False
        if tag == "sup":
            self._in_ref = False

    def handle_data(self, data):
        self.text.append(data)
        if not self._in_ref:
            self.prose.append(data)
        if self._in_mark:
            self.marks[-1][0] += data


def test_untrusted_text_is_shown_not_run():
    page = Elements(highlight_html(ta.article_from_text(HOSTILE), lexicon=LEX))
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "img" not in names
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    text = "".join(page.prose)  # rated words ("img", "src", "onerror") carry note numbers inside the payload
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "<b>no</b> &amp; left." in text
    # A lexicon's fields are untrusted too: the neutral alternative stays inside its attribute.
    [ardently] = [attrs for body, attrs in page.marks if body == "ardently"]
    assert ardently["title"] == 'puffery · weight 1 · neutral: warmly"><script>x()</script> · the outlet\'s own words'


def test_every_hit_is_marked_where_find_loaded_terms_puts_it(sample):
    hits = ta.find_loaded_terms(sample, lexicon=LEX)
    page = Elements(highlight_html(sample, lexicon=LEX))
    assert [body for body, _ in page.marks] == hits["text"].tolist()
    for (_, attrs), hit in zip(page.marks, hits.itertuples()):
        assert attrs["title"].startswith(
            f"{hit.category.replace('_', ' ')} · weight {hit.weight:g} · neutral: {hit.neutral} · ")
        assert f"ta-{hit.framing}" in attrs["class"]
        assert VOICE_CLASSES[hit.voice] in attrs["class"].split()
    notes = highlight_html(sample, lexicon=LEX).split('<ol class="ta-notes">')[1]
    assert notes.count("<li>") == len(hits)


def test_roles_are_shown():
    article = ta.article_from_text(
        "Tyrant flies in\n\nAdvertisement\n\nThe tyrant landed at dawn.\n\n"
        "Reuters\nThe tyrant waves on arrival[/caption]\n"
    )
    html = highlight_html(article, lexicon=LEX)
    assert '<h2 class="ta-block ta-headline"' in html
    assert '<p class="ta-block ta-caption"' in html and "waves on arrival" in html
    assert "[/caption]" not in html  # the reader's text, not the shortcode
    page = Elements(html)
    greyed = [attrs["class"] for tag, attrs in page.tags if "ta-unscored" in attrs.get("class", "")]
    assert len(greyed) == 2  # the ad marker and the photo credit
    assert "not scored" in html and "boilerplate" in html and "credit" in html
    hidden = highlight_html(article, lexicon=LEX, show_unscored=False)
    body = hidden.split("</style>")[1]
    assert "ta-unscored" not in body and "Advertisement" not in body


def test_paragraphs_are_tinted_by_tone():
    article = ta.article_from_text(
        "Tyrants\n\nThe snarling tyrant is a terrible, hateful man.\n\nA lovely, wonderful day.")
    tones = ta.score_paragraphs(article, lexicon=LEX)["tone"].tolist()
    assert tones[1] < 0 < tones[2]
    html = highlight_html(article, lexicon=LEX)
    assert f"background-color: {tone_colour(tones[1])}" in html and tone_colour(tones[1]).startswith("rgba(178, 24, 43")
    assert f"background-color: {tone_colour(tones[2])}" in html
    assert tone_colour(tones[2]).startswith("rgba(33, 102, 172")
    assert "background-color" not in highlight_html(article, lexicon=LEX, tint=False).split("</style>")[1]


def test_plain_string_and_self_contained():
    html = highlight_html("The tyrant smiled.", lexicon=LEX)
    assert html.startswith('<div class="ta-article">') and "<style>" in html
    assert "<script" not in html and "http" not in html and "<link" not in html


def test_renders_inline_in_jupyter(tmp_path, sample):
    shown = ta.highlighted(sample, lexicon=LEX)
    assert isinstance(shown, Highlighted) and shown._repr_html_() == str(shown) == highlight_html(sample, lexicon=LEX)
    shown.save(tmp_path / "a.html")
    assert (tmp_path / "a.html").read_text().startswith("<!DOCTYPE html>")
    # An analysed article highlights as the article it holds does.
    assert ta.highlighted(ta.analyse(sample, lexicon=LEX)).html == highlight_html(sample, lexicon=LEX)


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_bad_input_names_the_type(bad):
    with pytest.raises(ta.ToneAnalysisError, match=type(bad).__name__):
        highlight_html(bad)


# Written for these tests: one hit in each voice, and a named speaker.
VOICES = """Council vote

The tyrant of the planning board won the vote.

The board pushed its "heroic" plan through on Tuesday night.

"It is brutal," said Mira Okafor, who leads the residents' group.
"""
LEX_VOICES = {**LEX, "brutal": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "hard"},
              "heroic": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": "bold"}}


def test_each_hit_is_marked_with_its_voice_from_the_analysis():
    piece = ta.analyse(VOICES, lexicon=LEX_VOICES)
    hits = ta.find_loaded_terms(piece)
    assert {"editorial", "scare_quote", "quoted"} <= set(hits["voice"])  # the text has each voice
    page = Elements(highlight_html(piece))
    assert len(page.marks) == len(hits)
    for (body, attrs), hit in zip(page.marks, hits.itertuples()):
        assert body == hit.text
        voice = [c for c in attrs["class"].split() if c in VOICE_CLASSES.values()]
        assert voice == [VOICE_CLASSES[hit.voice]]
    [brutal] = [attrs["title"] for body, attrs in page.marks if body == "brutal"]
    assert brutal.endswith("quoted from Mira Okafor")


def test_the_legend_names_the_three_voices_with_their_counts():
    piece = ta.analyse(VOICES, lexicon=LEX_VOICES)
    counts = ta.find_loaded_terms(piece)["voice"].value_counts()
    html = highlight_html(piece)
    page = Elements(html)
    legend = html.split('<div class="ta-legend"', 1)[1].split("</div>", 1)[0]
    samples = [attrs["class"].split()[-1] for tag, attrs in page.tags if tag == "mark" and "ta-sample" in
               attrs["class"] and any(v in attrs["class"] for v in VOICE_CLASSES.values())]
    assert samples == list(VOICE_CLASSES.values())
    for voice in VOICE_CLASSES:
        assert f"({counts.get(voice, 0)})" in legend
    assert html.index("ta-legend") < html.index('class="ta-block')  # before the text it explains


@pytest.mark.slow
def test_the_three_voices_differ_in_the_browser_not_by_colour_alone(tmp_path, chromium):
    piece = ta.analyse(VOICES, lexicon=LEX_VOICES)
    page = tmp_path / "voices.html"
    ta.highlighted(piece).save(page)
    chromium.get(page.as_uri())
    styles = chromium.execute_script("""
        const look = e => { const s = getComputedStyle(e);
            return [s.borderBottomStyle, s.borderBottomWidth, s.fontStyle, s.fontWeight]; };
        const out = {};
        for (const c of ['ta-own-voice', 'ta-scare-quote', 'ta-quoted']) {
            out[c] = {hits: Array.from(document.querySelectorAll('mark.ta-hit.' + c)).map(look),
                      legend: Array.from(document.querySelectorAll('.ta-legend mark.' + c)).map(look)};
        }
        return out;""")
    looks = {c: {tuple(x) for x in v["hits"]} for c, v in styles.items()}
    assert all(len(v) == 1 for v in looks.values()), looks  # one look per voice, whatever the framing colour
    own, scare, quoted = (next(iter(looks[c])) for c in ("ta-own-voice", "ta-scare-quote", "ta-quoted"))
    assert (own[0], scare[0], quoted[0]) == ("solid", "dashed", "dotted")  # the line's style, not only its colour
    for c, v in styles.items():  # the legend's samples look as the hits they explain
        assert {tuple(x) for x in v["legend"]} == looks[c]
