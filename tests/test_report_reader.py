"""The report as a reader gets it (issue 14, items 1 and 2): the headline once, a summary whose every
figure is the API's, a table of contents whose links land, no path, no code, no index column, text
left-aligned, the same bytes from the same inputs, and nothing wider than a 1024 or 1280 px window.

Checked on the bundled article (the session's report run) and on a piece written for this test;
the summary's figures against the API in test_report_figures.py, on both.
"""

import re
from html.parser import HTMLParser

import pytest
from conftest import ROOT, page_fit

import toneanalysis as ta
from toneanalysis.analyse import source_labels
from toneanalysis.report import build
from toneanalysis.report import page as layout

pytestmark = pytest.mark.slow

# A piece and a wire account of the same (invented) event, written for this test: one paragraph an item.
PIECE = "\n\n".join([
    'Fury as council bosses slam shut Harbourside Bridge in shameless stitch-up',
    'Furious commuters were left stranded last night after town hall chiefs sneakily shut Harbourside '
    "Bridge with just two days' notice.",
    'The shock closure, branded a "total disaster" by traders, means a 40-minute detour for thousands of '
    'drivers every morning.',
    'Council leader Mark Ellery insisted the bridge was unsafe. "We had no choice once the engineers '
    'reported cracks," he said.',
    'But furious shopkeeper Dana Kirk slammed the decision. "They have known for years and did nothing," '
    'she told reporters.',
    'Critics claim the town hall bungled the repairs and wasted millions on a vanity project across the '
    'river.',
    'The bridge will stay closed until the spring, officials admitted, leaving the high street facing '
    'chaos at Christmas.',
]) + "\n"
WIRE = "\n\n".join([
    'Council closes Harbourside Bridge for repairs',
    'The town council closed Harbourside Bridge on Tuesday after an inspection found cracks in two of its'
    ' supports, it said.',
    'Drivers face a detour of about 40 minutes while the bridge is shut. The council said it expects to '
    'reopen it in the spring.',
    '"We had no choice once the engineers reported cracks," council leader Mark Ellery said.',
    'Dana Kirk, who runs a shop near the bridge, said the council had known about the problem for years.',
    'The council said repairs would cost about 3 million pounds and that a temporary bus service would '
    'run from next week.',
]) + "\n"


class Page(HTMLParser):
    """The page's elements (tag, attributes, text inside) and its text, as a reader's browser parses them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.open = [], [], []
        self.feed(html[html.index("<body"):])  # what the window shows, not the <head>'s CSS

    def handle_starttag(self, tag, attrs):
        self.tags.append([tag, dict(attrs), ""])
        if tag not in ("img", "br", "meta", "col", "hr", "input", "link"):
            self.open.append(self.tags[-1])

    def handle_endtag(self, tag):
        while self.open and self.open[-1][0] != tag:
            self.open.pop()
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for element in self.open:
            element[2] += data

    def all(self, tag):
        return [(attrs, text) for t, attrs, text in self.tags if t == tag]

    def plain(self):
        return re.sub(r"\s+", " ", "".join(self.text))


@pytest.fixture(scope="session")
def new_piece(tmp_path_factory):
    """The report on the piece written here, against its wire account, run twice (same inputs)."""
    folder = tmp_path_factory.mktemp("new piece")
    article, wire = folder / "harbourside.txt", folder / "wire" / "harbourside_wire.txt"
    wire.parent.mkdir()
    article.write_text(PIECE, encoding="utf-8")
    wire.write_text(WIRE, encoding="utf-8")
    runs = [build.run_report(article, baselines=[wire], progress=None) for _ in range(2)]
    return article, [wire], runs


@pytest.fixture(scope="module", params=["bundled", "new"])
def report(request, new_piece):
    """(article, baselines, html) for each of the two pieces."""
    if request.param == "bundled":
        ran = request.getfixturevalue("report_ran")
        return ran.article, ran.baselines, ran.html
    article, baselines, runs = new_piece
    return article, baselines, runs[0].html


def test_the_same_inputs_give_the_same_bytes(new_piece):
    _, _, runs = new_piece
    assert runs[0].html == runs[1].html


def test_the_headline_is_shown_once_as_the_title_and_the_summary_comes_first(report):
    article, _, html = report
    page = Page(html)
    headline = ta.load_article(article).headline
    headings = [(tag, text.replace("¶", "").strip()) for tag, _, text in page.tags if tag in ("h1", "h2", "h3")]
    assert headings[0] == ("h1", headline)
    assert [text for _, text in headings].count(headline) == 1
    assert headings[1] == ("h2", "Summary") and headings[2] == ("h2", "Contents")
    assert headings[-1] == ("h2", "Method and limits")
    assert [tag for tag, text in headings].count("h1") == 1


def test_the_contents_link_to_every_section_and_ids_are_unique(report):
    _, _, html = report
    page = Page(html)
    ids = [attrs["id"] for _, attrs, _ in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    contents = re.search(r'<ul class="ta-contents">(.*?)</ul>\s*</div>', html, re.S).group(1)
    links = re.findall(r'<a href="#([^"]+)">', contents)
    sections = [attrs["id"] for tag, attrs, _ in page.tags if tag in ("h2", "h3") and "id" in attrs]
    after = sections[sections.index("contents") + 1:]
    assert links == after and len(links) >= 10


def test_no_path_no_code_no_index_column(report):
    article, baselines, html = report
    text = Page(html).plain()
    for path in [article, *baselines]:
        assert str(path.parent) not in html and str(path.parent) not in text
    assert article.name in text
    for label in source_labels(ta.analyse_baselines(baselines)):
        assert label in text
    for code in ["papermill", "report-hide", "reader_table", "actor_tone(", "import toneanalysis", "ipynb", "`"]:
        assert code not in text, code
    assert not re.search(r"\bta\.[a-z]", text)
    # A Styler with its index shown, or a DataFrame's own HTML, puts a <th> at the start of every body row.
    assert not re.search(r"<tbody>\s*<tr>\s*<th", html) and "row_heading" not in html
    assert not re.search(r"<th[^>]*>\s*[a-z]+_[a-z_]+\s*</th>", html), "a snake_case column header"


def test_text_columns_are_left_aligned(report):
    _, _, html = report
    # Every table's text columns (paragraph, quoted text, terms...) are set left by the Styler.
    tables = re.findall(r"<table id=\"T_(\w+)\">", html)
    assert len(tables) >= 7
    for uuid in tables:
        rules = " ".join(re.findall(rf"#T_{uuid}[^{{]*\{{[^}}]*\}}", html))
        assert "text-align: left" in rules, uuid


@pytest.mark.parametrize("width", [1024, 1280])
def test_nothing_is_wider_than_the_window_and_words_read_from_the_left(report, tmp_path, chromium, width):
    _, _, html = report
    found = page_fit(chromium, html, tmp_path, width)
    assert found["viewport"] > width - 40  # a scroll bar's width less, no more
    assert found["tables"] >= 7 and found["charts"] >= 5
    assert found["wide"] == [] and found["opened"] == [] and found["page"] <= found["viewport"]
    assert found["right"] == []


def test_the_notebooks_show_their_notes_in_jupyterlab_not_in_the_report():
    # What the report hides is still in every notebook, for whoever opens it.
    import nbformat

    for path in build.report_notebooks(baselines=["w.txt"]):
        hidden = [c for c in nbformat.read(path, as_version=4).cells
                  if layout.HIDE in c.metadata.get("tags", [])]
        assert any("papermill" in c.source for c in hidden), path.name
    assert (ROOT / "notebooks" / "00-summary.ipynb").is_file()


def test_without_wire_copy_the_summary_says_so(new_piece):
    # The summary's other branch: the piece's own figures, no interval, no "nan" from an absent comparison.
    article, _, _ = new_piece
    summary = build.NOTEBOOKS / "00-summary.ipynb"
    executed = build.run_notebook(summary, build.check_inputs(article))
    shown = " ".join(o.get("data", {}).get("text/markdown", "") for c in executed.cells for o in c.get("outputs", []))
    m = ta.piece_measures(ta.analyse(article))
    assert "no wire copy given to compare with" in shown and "interval" not in shown
    assert f"{m['loaded_weight_per_1000_words']:.1f}" in shown and f"{m['tone']:+.3f}" in shown
    outputs = [o.get("data", {}) for c in executed.cells for o in c.get("outputs", [])]
    charts = sum("image/png" in data or 'class="ta-chart"' in "".join(data.get("text/html", "")) for data in outputs)
    assert "nan" not in shown.lower() and charts == 1
