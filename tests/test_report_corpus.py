"""The corpus report as a reader gets it, as an article's is (issue 14 for issue 11's page): the title once,
a summary first whose every figure is the API's, contents whose links land, "Method and limits" last,
no path, no code, no index column, no snake_case header, the same bytes from the same inputs, nothing
wider than a 1024 or 1280 px window, and hostile outlet and file names shown as the text they are.

Checked on the demo corpus (with one outlet renamed to markup: `corpus_report_run`) and on a small
corpus written here: three outlets on three events, every pair compared, one named in markup, one
file named in markup, and a manifest row naming a file that is not there.
"""

import functools
import re
import warnings

import nbformat
import pytest
from conftest import CHROMIUM, HOSTILE_OUTLET, page_fit
from test_report_reader import Page

import toneanalysis as ta
from toneanalysis.measure import excludes_zero
from toneanalysis.plots.corpus import measure_text
from toneanalysis.report import build, page
from toneanalysis.report import corpus as corpus_report

SMALL_OUTLET = 'The "Daily" <b>Blast</b> & [x](javascript:alert(1)) $x$'
SMALL_FILE = "blast <i>x<i> [a](https:evil.example) $x$.txt"  # no "/": a file name
EVENTS = {
    "bridge": ("Council shuts Harbourside Bridge", [
        "The council closed Harbourside Bridge on Tuesday after engineers found cracks, it said.",
        '"We had no choice," council leader Mark Ellery said.']),
    "school": ("Councillors vote on Brook Lane school", [
        "Councillors voted on Monday to close Brook Lane primary school next summer, the council said.",
        "Parents said the decision would mean longer journeys for about 200 children."]),
    "fares": ("Northline raises fares", [
        "Northline said on Friday that fares would rise by 4 percent from March.",
        "The operator said the rise would pay for new trains on the coast line."]),
}
LOADED = {
    "bridge": ["Furious commuters slammed the shameless stitch-up as town hall bosses sneakily shut the bridge.",
               "Critics claim the council bungled the repairs in a scandal that left the high street in chaos."],
    "school": ["Heartless councillors axed the beloved school in a brutal vote that left parents seething.",
               "Furious families slammed the shameless decision as a betrayal of their children."],
    "fares": ["Greedy rail bosses slapped commuters with a shock fare hike in a shameless cash grab.",
              "Furious passengers blasted the outrageous rise as a scandal."],
}


def _write_small(folder):
    """Three outlets (a wire, a loaded one named in markup, one between) on three events, one a month."""
    rows = ["file,outlet,date,event"]
    for n, (event, (headline, plain)) in enumerate(EVENTS.items(), start=1):
        pieces = {"wire": ("Wire", plain), "blast": (SMALL_OUTLET, LOADED[event]),
                  "ledger": ("Ledger", [plain[0], LOADED[event][1]])}
        for key, (outlet, paragraphs) in pieces.items():
            name = SMALL_FILE if (key, event) == ("blast", "school") else f"{key}_{event}.txt"
            (folder / name).write_text("\n\n".join([headline, *paragraphs]) + "\n", encoding="utf-8")
            rows.append(",".join('"' + value.replace('"', '""') + '"'
                                 for value in [name, outlet, f"2024-0{n}-1{n}", event]))
    rows.append("gone.txt,Wire,2024-04-01,bridge")  # no such file: skipped, and listed
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small corpus and its report, run twice (same inputs): (folder, [html, html])."""
    folder = tmp_path_factory.mktemp("small corpus") / "local news"
    folder.mkdir()
    _write_small(folder)
    runs = [corpus_report.run_corpus_report(folder, by="outlet", reference=None, progress=None).html
            for _ in range(2)]
    return folder, runs


@pytest.fixture(scope="module", params=["demo", "small"])
def report(request):
    """(corpus folder, reference, html) for each of the two corpora."""
    if request.param == "demo":
        ran = request.getfixturevalue("corpus_report_run")
        assert not ran.error, ran.error
        return ran.article, "Central Wire", ran.html
    folder, runs = request.getfixturevalue("small")
    return folder, None, runs[0]


@functools.cache  # two tests read it for each corpus
def _api(folder, reference):
    """What the notebook's figures are read from, with its own parameters (2,000 resamples, seed 0)."""
    with warnings.catch_warnings():  # the small corpus's missing file: warned of, and listed on the page
        warnings.simplefilter("ignore", UserWarning)
        corpus = ta.score_corpus(folder, errors="skip")
    return corpus, ta.compare_groups(corpus, "outlet", reference=reference, n_boot=2000, n_perm=2000, seed=0)


def _summary(html):
    text = Page(html).plain()
    return text[text.index("Summary"):text.index("Contents")]


# The layout, without a kernel: where the contents go, what the corpus layout leaves as it is.

def _notebook(*cells):
    notebook = nbformat.v4.new_notebook()
    for source, tags in cells:
        cell = nbformat.v4.new_markdown_cell(source)
        cell.metadata["tags"] = tags
        notebook.cells.append(cell)
    return notebook


def test_the_contents_go_before_the_cell_tagged_for_them_and_headings_stay_as_written():
    one = _notebook(("# 04 · Outlets", ["report-hide"]), ("## Title", ["report-title"]), ("## Summary", []),
                    ("## Skipped\n### Detail", ["report-contents"]), ("## Table", []))
    cells = page.arrange([one], page.CORPUS)
    sources = [c.source for c in cells]
    assert sources[:5] == ["# Title", "## Summary", page.CONTENTS, "## Skipped\n### Detail", "## Table"]
    assert sources[-1] == page.CORPUS_METHOD.read_text(encoding="utf-8") and "# 04" not in " ".join(sources)
    assert len({c["id"] for c in cells}) == len(cells)


def test_the_article_layout_is_unchanged_contents_after_the_first_notebook():
    first, second = _notebook(("# 00 · Summary", [])), _notebook(("# 01 · Tone\n## Part", []))
    sources = [c.source for c in page.arrange([first, second])]
    assert sources == ["## Summary", page.CONTENTS, "## Tone\n### Part", page.METHOD.read_text(encoding="utf-8")]


# The pages.

@pytest.mark.slow
def test_the_same_inputs_give_the_same_bytes(small):
    _, runs = small
    assert runs[0] == runs[1]


@pytest.mark.slow
def test_the_title_once_then_the_summary_then_the_contents_and_the_method_last(report):
    folder, _, html = report
    headings = [(tag, text.replace("¶", "").strip()) for tag, _, text in Page(html).tags if tag in ("h1", "h2", "h3")]
    assert headings[0] == ("h1", f"Outlets compared: {folder.name}")
    assert [tag for tag, _ in headings].count("h1") == 1
    assert headings[1] == ("h2", "Summary") and headings[2] == ("h2", "Contents")
    assert headings[-1] == ("h2", "Method and limits")
    sections = [text for tag, text in headings if tag == "h2"]
    for section in ["What could not be scored", "The article table", "The groups compared", "Over time",
                    "Distinctive terms", "Terms by group: the scatter"]:
        assert section in sections
    assert "Outlets across a corpus" not in Page(html).plain()  # the notebook's own heading is the notebook's


@pytest.mark.slow
def test_the_contents_link_to_every_section_and_ids_are_unique(report):
    _, _, html = report
    tags = Page(html).tags
    ids = [attrs["id"] for _, attrs, _ in tags if "id" in attrs]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    contents = re.search(r'<ul class="ta-contents">(.*?)</ul>\s*</div>', html, re.S).group(1)
    links = re.findall(r'<a href="#([^"]+)">', contents)
    sections = [attrs["id"] for tag, attrs, _ in tags if tag in ("h2", "h3") and "id" in attrs]
    assert links == sections[sections.index("contents") + 1:] and len(links) >= 7


@pytest.mark.slow
def test_no_path_no_code_no_index_column_no_snake_case_header(report):
    folder, _, html = report
    text = Page(html).plain()
    assert str(folder.parent) not in html and str(folder.parent) not in text
    for code in ["papermill", "report-hide", "reader_table", "compare_groups", "score_corpus", "import ", "ipynb",
                 "`", "p_holm", "ci_low", "value_group", "own_voice_share", "n_events", "_per_1000_"]:
        assert code not in text, code
    assert not re.search(r"\bta\.[a-z]", text)
    assert not re.search(r"<tbody>\s*<tr>\s*<th", html) and "row_heading" not in html
    headers = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)]
    assert headers and not [h for h in headers if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", h)]
    # Every table's words are set left by the Styler (reader_table).
    tables = re.findall(r"<table id=\"T_(\w+)\">", html)
    assert len(tables) >= 4
    for uuid in tables:
        assert "text-align: left" in " ".join(re.findall(rf"#T_{uuid}[^{{]*\{{[^}}]*\}}", html)), uuid


def _sentence(row, paired):
    """What the summary says of one row: the API's figures, each written as the report writes a figure
    of its measure (`measure_text`, whose doctests say how)."""
    m = row.measure
    if row.difference != row.difference:  # a side without loaded terms: the other side's share
        value = row.value_group if row.value_group == row.value_group else row.value_reference
        return f"{measure_text(m, value, signed=False)} for "
    interval = ("too few articles for an interval" if row.ci_low != row.ci_low  # too few shared events
                else f"95% interval {measure_text(m, row.ci_low)} to {measure_text(m, row.ci_high)}")
    figures = (f"{measure_text(m, row.difference)} ({measure_text(m, row.value_group, signed=False)} against "
               f"{measure_text(m, row.value_reference, signed=False)}; {interval}")
    counts = f"Holm-corrected p = {row.p_holm:.3f}; {row.n_group} and {row.n_reference} articles"
    events = f", {int(row.n_events)} shared events)" if paired else ")"
    return f"{row.group} against {row.reference}: {figures}", counts + events


@pytest.mark.slow
def test_every_figure_of_the_summary_is_the_apis(report):
    folder, reference, html = report
    corpus, table = _api(folder, reference)
    summary = _summary(html)
    assert f"{len(corpus.articles)} articles scored, {len(corpus.skipped)} skipped" in summary
    paired = table.attrs["event"] is not None
    assert ("Paired by event" in summary) is paired
    rows = table[table["measure"].isin(["loaded_weight_per_1000_words", "own_voice_share", "tone"])]
    assert len(rows) >= 6
    for row in rows.itertuples():
        expected = _sentence(row, paired)
        for part in ([expected] if isinstance(expected, str) else expected):
            assert part in summary, (part, summary)
    clear = rows[excludes_zero(rows["ci_low"], rows["ci_high"])]
    for row in clear.itertuples():
        assert f"{row.group} against {row.reference} on " in summary.split("Intervals that exclude zero:")[1]


@pytest.mark.slow
def test_hostile_outlet_and_file_names_show_as_written(report):
    folder, _, html = report
    text = Page(html).plain()
    outlet = HOSTILE_OUTLET if folder.name == "demo" else SMALL_OUTLET
    assert outlet in text and f"{outlet} against" in _summary(html)
    assert "<script" not in html and "<b>Blast" not in html and 'href="javascript' not in html.lower()
    if folder.name != "demo":
        assert SMALL_FILE in text and "<i>x" not in html


@pytest.mark.slow
def test_a_row_that_could_not_be_scored_is_listed_not_hidden(small):
    folder, runs = small
    assert "1 skipped" in _summary(runs[0])
    section = runs[0][runs[0].index('id="what-could-not-be-scored"'):runs[0].index('id="the-article-table"')]
    listed = Page(f"<body>{section}</body>").plain()
    assert "gone.txt" in listed and f"{folder.name}/manifest.csv line" in listed


@pytest.mark.slow
def test_hovering_a_chart_names_the_group_its_value_and_interval_or_the_term_and_its_counts(report):
    folder, reference, html = report
    corpus, table = _api(folder, reference)
    tips = [re.sub(r"\s+", " ", t) for t in re.findall(r"<title>(.*?)</title>", html, re.S)]
    shown = [Page(f"<body>{t}</body>").plain() for t in tips]  # as the browser shows a tooltip: entities read
    for row in table[table["measure"] == "loaded_weight_per_1000_words"].itertuples():
        assert (f"{row.group} against {row.reference}, loaded-term weight per 1,000 words: {row.difference:+.1f} "
                f"(95% interval {row.ci_low:+.1f} to {row.ci_high:+.1f}); {row.value_group:.1f} against "
                f"{row.value_reference:.1f}") in shown
    ranked = table[table["measure"] == "loaded_weight_per_1000_words"].sort_values("difference", ascending=False)
    first = ranked.iloc[0]
    group, other = (first.group, first.reference) if first.difference >= 0 else (first.reference, first.group)
    terms = ta.group_terms(corpus, "outlet", group=group, reference=other, min_count=2)
    top = terms.iloc[0]
    assert any(t.startswith(f"{top.term}: used {top.count_group:g}× in {group} (") and
               f"{top.count_reference:g}× in {other}" in t for t in shown)
    charts = re.findall(r'<svg [^>]*class="ta-chart"[^>]*>', html)
    assert len(charts) >= 3 and all('aria-label="' in c for c in charts)


@pytest.mark.slow
@pytest.mark.parametrize("width", [1024, 1280])
def test_nothing_is_wider_than_the_window(report, tmp_path, chromium, width):
    _, _, html = report
    found = page_fit(chromium, html, tmp_path, width)
    assert found["viewport"] > width - 40
    assert found["wide"] == [] and found["opened"] == [] and found["page"] <= found["viewport"]
    assert found["right"] == [] and found["charts"] >= 3


@pytest.mark.slow
def test_a_pdf_output_is_a_pdf_printed_from_the_page(small, tmp_path, monkeypatch):
    # `-o corpus.pdf` prints the page (as an article's report does), not HTML under a .pdf name.
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (make test installs it)")
    _, runs = small
    monkeypatch.setattr(corpus_report, "run_corpus_report", lambda *a, **k: build.Report([], [], runs[0]))
    written = corpus_report.build_corpus_report("local news", output=tmp_path / "corpus.pdf", progress=None)
    assert written.read_bytes().startswith(b"%PDF-")


def test_the_papermill_hints_name_parameters_the_notebook_has():
    # The hints in the notebook's note and the README, pasted from notebooks/: every -p/-y names a
    # parameter of the notebook's `parameters` cell, and a path resolves from there.
    import shlex

    import papermill
    import yaml
    from conftest import ROOT

    notebook = ROOT / "notebooks" / "04-outlets-across-a-corpus.ipynb"
    declared = papermill.inspect_notebook(str(notebook))
    note = nbformat.read(notebook, as_version=4).cells[0].source
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (note, readme):
        commands = re.findall(r"`(papermill 04-outlets-across-a-corpus\.ipynb [^`]+)`", text)
        extras = re.findall(r"`(-y '[^`]+')`", text)
        assert commands and len(extras) >= 2, text[:200]
        checked = 0
        for command in commands + extras:
            words = shlex.split(command) + [""]
            for i, flag in enumerate(words):
                if flag == "-p":
                    name, value = words[i + 1], words[i + 2]
                    assert name in declared, name
                    if name.endswith("_path"):
                        assert (notebook.parent / value).exists(), value
                    checked += 1
                elif flag == "-y":
                    assert set(yaml.safe_load(words[i + 1])) <= set(declared), words[i + 1]
                    checked += 1
        assert checked >= 4
