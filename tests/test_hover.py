"""Charts that tell more on hover without script: each point of the tone arc names its paragraph, each
bar of the term charts its term; every chart says what it shows; hostile text stays text."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import pytest

import toneanalysis as ta
from toneanalysis import plots
from toneanalysis.report.defuse import sanitise

LEX = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "thugs": {"category": "name_calling", "weight": 2, "framing": "negative", "neutral": "<b>men</b>"},
    "brutal": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "harsh"},
    "heroic": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": "brave"},
}
# Written for these tests: four body paragraphs, each recognisable by its first words.
STORY = """Ferry strike ends

Alder harbour reopened on Monday after the tyrant of the port board gave way to the crews.

Brindle workers said the brutal shifts had to end, and the board agreed to shorter rotas.

Corran families cheered the heroic crews as the first boat left at noon.

Dunmore officials said timetables would be back to normal by Friday.
"""
HOSTILE = ("Strike ends\n\nThe tyrant wrote <script>alert(1)</script> on the board.\n\n"
           'The thugs typed "><img src=x onerror=alert(1)> and ]]> and </title><script>alert(2)</script> here.\n')


class Titles(HTMLParser):
    """Each SVG <title>'s text (as a browser's parser decodes it), with the element that holds it."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.stack, self.titles, self.tags = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "title":
            self.titles.append([self.stack[-1] if self.stack else None, ""])
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.titles[-1][1] += data


def arc_chart(text, **options):
    piece = ta.analyse(text, lexicon=LEX)
    fig, ax = plt.subplots(figsize=(8, 4))
    plots.plot_tone_arc(piece, ax=ax, **options)
    ax.set_title("Tone through the piece")
    return piece, plots.chart(fig)


def test_each_point_of_the_arc_names_its_paragraph_in_order():
    piece, shown = arc_chart(STORY)
    body = ta.score_paragraphs(piece).query("role == 'paragraph'").sort_values("position")
    said = [text for _, text in Titles(shown.html).titles if text.startswith("Paragraph ")]
    # Three measures, one dot each per paragraph, drawn measure by measure in reading order.
    assert len(said) == 3 * len(body) == 12
    for k, (text, row) in enumerate(zip(said[-4:], body.itertuples()), start=1):
        assert text.startswith(f"Paragraph {k} (block {row.block}) · ")
        assert row.text[:20] in text and f"tone {row.tone:+.2f}" in text
    assert "Loaded: tyrant" in said[-4] and "Loaded" not in said[-1]
    assert [t for _, t in Titles(shown.html).titles if t.startswith("Headline")]


def test_the_chart_says_what_it_shows():
    _, shown = arc_chart(STORY)
    page = Titles(shown.html)
    [svg] = [attrs for tag, attrs in page.tags if tag == "svg"]
    assert svg["role"] == "img" and svg["aria-label"] == shown.alt == page.titles[0][1]
    assert shown.alt.startswith("Tone through the piece: 4 paragraphs in reading order")
    assert "Hover a dot" in shown.alt
    _, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    ax.set(title="T", xlabel="when", ylabel="how much")
    assert plots.chart(ax.figure).alt == "T: x: when; y: how much."  # a chart that describes nothing itself


def test_term_bars_name_their_term_and_category():
    piece = ta.analyse(STORY + "\nThe tyrant and the tyrant left.\n", lexicon=LEX)
    fig, (left, right) = plt.subplots(1, 2)
    plots.plot_loaded_categories(piece, ax=left)
    plots.plot_loaded_weights(piece, ax=right)
    said = [text for _, text in Titles(plots.chart(fig).html).titles]
    assert "tyrant · name calling · weight 3 · 3× (summed weight 9) · neutral: leader · as written: tyrant" in said
    assert "heroic · puffery · weight 1 · 1× (summed weight 1) · neutral: brave · as written: heroic" in said
    assert "name calling: 3 hits, summed weight 9 · terms: tyrant" in said


@pytest.mark.parametrize("label_hits", [True, False])
def test_hits_name_their_term_and_voice(label_hits):
    # The ticks along the foot, and the labels above them when drawn.
    _, shown = arc_chart('Strike ends\n\nThe tyrant left. "Brutal," said Anna Reyes.\n', label_hits=label_hits)
    said = [text for _, text in Titles(shown.html).titles if text.startswith("“")]
    assert said == ["“tyrant” · name calling · weight 3 · negative · editorial · neutral: leader",
                    "“Brutal” (brutal) · emotive adjective · weight 2 · negative · quoted: Anna Reyes · neutral: harsh",
                    ] * (2 if label_hits else 1)


def test_hostile_text_is_a_tooltip_and_nothing_else():
    _, shown = arc_chart(HOSTILE)
    for html in (shown.html, sanitise(shown.html)):
        page = Titles(html)
        assert {tag for tag, _ in page.tags} <= {"svg", "g", "path", "text", "rect", "clippath", "defs", "title"}
        assert not any(name.startswith("on") or name.endswith("href") for _, attrs in page.tags for name in attrs)
        said = " ".join(text for _, text in page.titles)
        assert "<script>alert(1)</script>" in said and '"><img src=x onerror=alert(1)>' in said
        assert "]]> and </title><script>alert(2)</script>" in said
        assert "neutral: <b>men</b>" in said
    assert sanitise(shown.html).count("<title>") == shown.html.count("<title>")


def test_svg_is_plain_enough_for_the_sanitiser():
    _, shown = arc_chart(STORY)
    html = shown.html
    assert not re.search(r"<(use|image|foreignObject|script|style|metadata|a)\b", html)
    assert "href" not in html and "xmlns" not in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert ids and len(ids) == len(set(ids)) and all(re.fullmatch(r"c[0-9a-f]{8}-p[0-9a-f]+", i) for i in ids)
    assert set(re.findall(r"url\(#([^)]+)\)", html)) == set(ids)
    ET.fromstring(html)  # well-formed: explicit end tags, escaped text, in HTML and in XML alike


def test_the_same_figure_gives_the_same_bytes_and_charts_share_no_ids():
    first, second = arc_chart(STORY)[1], arc_chart(STORY)[1]
    assert first.html == second.html
    other = arc_chart(HOSTILE)[1]
    ids = lambda c: set(re.findall(r'\sid="([^"]+)"', c.html))
    assert not ids(first) & ids(other)


def test_a_chart_closes_its_figure_and_displays_as_html():
    fig, ax = plt.subplots()
    ax.bar(["a"], [1])
    shown = plots.chart(fig)
    assert not plt.fignum_exists(fig.number)
    assert shown._repr_html_() == str(shown) == shown.html and shown.html.startswith("<svg ")


@pytest.mark.parametrize("text", ["", "</title><script>x()</script>"])
def test_a_tip_on_a_lone_scatter_point(text):
    fig, ax = plt.subplots()
    plots.tips(ax.scatter([1], [2]), [text or "one"])
    assert (text or "one") in [t for _, t in Titles(plots.chart(fig).html).titles]


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # matplotlib's note that it draws a box
def test_control_characters_in_labels_and_tips_do_not_break_the_chart():
    # An outlet's name or a lexicon term is untrusted too: a terminal escape in it must not stop the drawing.
    fig, ax = plt.subplots()
    [bar] = ax.bar(["wire\x1b]0;x\x07"], [1])
    ax.set_title("Daily\x00 Blast")
    plots.tip(bar, "term\x1b[31m")
    html = plots.chart(fig).html
    ET.fromstring(html)
    assert "\x1b" not in html and "\x00" not in html and "term\ufffd[31m" in html and "wire\ufffd]0;x\ufffd" in html


@pytest.mark.slow
def test_the_report_arc_names_each_paragraph_and_the_article_has_its_legend(report_ran):
    # The report as `toneanalysis report` writes it (sanitised, in one page with the other notebooks).
    html = report_ran.html
    arc = next(part for part in html.split("<svg ")[1:] if 'aria-label="Tone through the piece' in part)
    said = [text for _, text in Titles("<svg " + arc.split("</svg>")[0] + "</svg>").titles
            if text.startswith("Paragraph ")]
    body = ta.score_paragraphs(ta.analyse(report_ran.article)).query("role == 'paragraph'").sort_values("position")
    assert len(said) == 3 * len(body)
    for k, (text, row) in enumerate(zip(said[-len(body):], body.itertuples()), start=1):
        assert text.startswith(f"Paragraph {k} (block {row.block}) · ") and " ".join(row.text[:30].split()) in text
    legend = html.split('<div class="ta-legend"', 1)[1].split("</div>", 1)[0]
    for mark in ("ta-own-voice", "ta-scare-quote", "ta-quoted"):
        assert mark in legend and f'class="ta-hit ta-negative {mark}"' in html
