"""The HTML report: rendered once per session (`report_run` in conftest.py, in this process, as the
command runs it; the wheel test runs the command itself), then read as a reader gets it."""

import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import BASELINES, CHROMIUM, ROOT, SAMPLE

import toneanalysis as ta
from toneanalysis.report import build as report


@pytest.fixture(scope="session")
def rendered(report_ran):
    """The session's report run (conftest.py): (article, html, stderr)."""
    return report_ran.article, report_ran.html, report_ran.stderr


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.slow
def test_progress_is_shown_step_by_step(rendered):
    _, _, stderr = rendered
    names = [p.name for p in report.report_notebooks(baselines=BASELINES)]
    total = len(names)
    lines = stderr.strip().splitlines()
    assert lines[0].startswith("toneanalysis report: checking") and "3 baseline(s)" in lines[0]
    assert lines[-1] == "toneanalysis report: rendering HTML"  # run_report; build_report then says "wrote"
    running = [f"toneanalysis report: [{n}/{total}] running {name}" for n, name in enumerate(names, start=1)]
    done = [f"toneanalysis report: [{n}/{total}] {name} done in " for n, name in enumerate(names, start=1)]
    at = {line: i for i, line in enumerate(lines)}
    for start, end in zip(running, done):
        [finished] = [i for i, line in enumerate(lines) if line.startswith(end)]
        assert start in at and at[start] < finished
    # "running" when a notebook starts: never more running at once than the workers (one per core).
    busy = 0
    for line in lines:
        busy += (line in running) - any(line.startswith(end) for end in done)
        assert busy <= min(os.cpu_count() or 1, total)
    assert "Traceback" not in stderr and "WARNING" not in stderr


def test_progress_says_running_when_a_notebook_starts():
    """The notebooks share one kernel, in turn: each is announced when it starts, after the one before is done."""
    class Kernel:
        def run(self, path, parameters):
            said.append(f"kernel runs {path.name}")
            return nbformat.v4.new_notebook()

    said = []
    paths = [Path(f"0{n}-x.ipynb") for n in (1, 2, 3)]
    executed = report.run_notebooks(paths, [{}] * 3, kernel=Kernel(), progress=said.append)
    assert len(executed) == 3
    assert [re.sub(r" in [\d.]+ s$", "", line) for line in said] == [
        "[1/3] running 01-x.ipynb", "kernel runs 01-x.ipynb", "[1/3] 01-x.ipynb done",
        "[2/3] running 02-x.ipynb", "kernel runs 02-x.ipynb", "[2/3] 02-x.ipynb done",
        "[3/3] running 03-x.ipynb", "kernel runs 03-x.ipynb", "[3/3] 03-x.ipynb done"]


@pytest.mark.slow
def test_charts_are_embedded_and_nothing_is_fetched(rendered):
    _, html, _ = rendered
    page = Page(html)
    images = [attrs.get("src", "") for tag, attrs in page.tags if tag == "img"]
    assert all(src.startswith("data:image/png;base64,") for src in images)
    charts = [attrs for tag, attrs in page.tags if tag == "svg"]  # inline SVG (plots.chart), each named
    assert len(charts) >= 2 and all(attrs.get("role") == "img" and attrs.get("aria-label") for attrs in charts)
    assert [tag for tag, _ in page.tags if tag in ("script", "link", "iframe")] == []
    assert not re.search(r"<script\b", html, re.I)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)


@pytest.mark.slow
def test_code_is_hidden(rendered):
    _, html, _ = rendered
    classes = " ".join(attrs.get("class", "") for _, attrs in Page(html).tags).split()
    assert "jp-OutputArea" in classes
    # Markdown cells render inside a jp-InputArea; code would be in an editor with a prompt.
    assert not {"jp-InputArea-editor", "jp-InputPrompt", "jp-OutputPrompt", "hl-ipython3"} & set(classes)
    for source in ["plot_tone_arc(", "sns.set_theme", "import toneanalysis", "load_lexicon("]:
        assert source not in html


@pytest.mark.slow
def test_a_reader_sees_the_numbers_the_module_gives(rendered):
    article, html, _ = rendered
    piece = ta.load_article(article)
    hits = ta.find_loaded_terms(piece)
    page = Page(html)
    text = "".join(page.text)
    assert piece.headline in text
    marks = [attrs for tag, attrs in page.tags if tag == "mark" and "ta-hit" in attrs.get("class", "")]
    assert len(marks) == len(hits) > 10
    assert f"<strong>{len(hits)} loaded-term hits</strong>" in html
    assert "snarling grin" in text and "Axis of Evil" in text
    # Where the loading sits, as notebooks 01 and 02 say it, is `loaded_by_part`'s.
    thirds, halves = ta.loaded_by_part(piece, 3)["hits"], ta.loaded_by_part(piece, 2)["loaded_weight"]
    text = " ".join(text.split())
    assert (f"Loaded terms by third of the piece: {thirds[0]:,} in the first, {thirds[1]:,} in the middle, "
            f"{thirds[2]:,} in the last.") in text
    assert f"puts {halves[0]:g} of its loaded weight in its first half and {halves[1]:g} in its second" in text
    assert thirds.sum() == len(hits) and halves.sum() == pytest.approx(hits["weight"].sum())


@pytest.mark.slow
def test_untrusted_article_text_stays_text(rendered):
    _, html, _ = rendered
    page = Page(html)
    assert "<script>alert(1)</script>" in "".join(page.text)
    assert "<img src=x onerror=alert(1)>" in "".join(page.text)
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert all(attrs.get("src", "").startswith("data:") for tag, attrs in page.tags if tag == "img")


@pytest.mark.slow
def test_report_opens_in_headless_chromium(rendered, tmp_path, chromium):
    article, html, _ = rendered
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    chromium.get(page.as_uri())
    body = chromium.find_element("tag name", "body").text
    shot = tmp_path / "report.png"
    chromium.save_screenshot(str(shot))
    images = chromium.execute_script(
        "return Array.from(document.querySelectorAll('svg.ta-chart'))"
        ".map(s => [s.childElementCount > 0, s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
    # Wide tables scroll inside their output; none is cut off at the page edge.
    clipped = chromium.execute_script(
        "return Array.from(document.querySelectorAll('.jp-OutputArea-output, .jp-RenderedHTMLCommon'))"
        ".filter(e => e.scrollWidth > e.clientWidth + 2"
        " && !['auto', 'scroll'].includes(getComputedStyle(e).overflowX))"
        ".map(e => e.scrollWidth - e.clientWidth)")
    logs = chromium.get_log("browser")
    assert ta.load_article(article).headline in body
    assert "<script>alert(1)</script>" in body
    assert images and all(done and w > 300 and h > 200 for done, w, h in images)  # every chart drawn
    png = shot.read_bytes()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and width >= 1000 and height >= 1000 and len(png) > 50_000
    assert [entry for entry in logs if entry["level"] in ("SEVERE", "WARNING")] == []
    assert clipped == []
    keep = ROOT / "reports" / "test-screenshot.png"
    if keep.parent.is_dir():
        shutil.copy(shot, keep)  # for a person to look at; reports/ is not committed


def test_unreadable_article_is_one_line_and_runs_nothing(tmp_path, cli):
    missing = cli("report", tmp_path / "nope.txt", "-o", tmp_path / "r.html")
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines()[-1] == f"toneanalysis: error: {tmp_path / 'nope.txt'}: no such file"
    assert "running" not in missing.stderr and not (tmp_path / "r.html").exists()
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    bad_baseline = cli("report", SAMPLE, "--baseline", binary, "-o", tmp_path / "r.html")
    assert bad_baseline.returncode == 2 and "binary" in bad_baseline.stderr and "Traceback" not in bad_baseline.stderr
    bad_lexicon = tmp_path / "lex.csv"
    bad_lexicon.write_text("term,category,weight,framing,neutral\nthug,insult,3,negative,man\n")
    lexicon = cli("report", SAMPLE, "--lexicon", bad_lexicon, "-o", tmp_path / "r.html")
    assert lexicon.returncode == 2 and "row 2, column 'category'" in lexicon.stderr


def test_output_is_checked_before_any_notebook_runs(tmp_path, cli):
    wrong = cli("report", SAMPLE, "-o", tmp_path / "report.docx")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert wrong.stderr.strip().splitlines()[-1].startswith(f"toneanalysis: error: {tmp_path / 'report.docx'}: ")
    assert ".html" in wrong.stderr and "checking" not in wrong.stderr and "running" not in wrong.stderr
    assert not (tmp_path / "report.docx").exists()
    (tmp_path / "file").write_text("")
    under_a_file = cli("report", SAMPLE, "-o", tmp_path / "file" / "r.html")
    assert under_a_file.returncode == 2 and "running" not in under_a_file.stderr
    assert f"toneanalysis: error: {tmp_path / 'file' / 'r.html'}: cannot make its folder" in under_a_file.stderr


def test_where_the_report_goes(tmp_path):
    assert report.report_target("a/piece.txt") == Path("reports") / "piece.html"
    assert report.report_target("a/piece.txt", tmp_path) == tmp_path / "piece.html"  # an existing folder
    assert report.report_target("piece.html", f"{tmp_path / 'new'}/") == tmp_path / "new" / "piece.html"
    assert report.report_target("piece.txt", tmp_path / "out.HTM") == tmp_path / "out.HTM"
    for name in ["out.docx", "out", "out.html.txt"]:
        with pytest.raises(ta.ToneAnalysisError, match=rf"^{re.escape(str(tmp_path / name))}: .*\.html"):
            report.report_target("piece.txt", tmp_path / name)


def test_report_into_a_folder_is_named_after_the_article(tmp_path, monkeypatch):
    ran = []

    def fake_run(paths, parameters, **options):  # the notebooks' run is the session fixture's to test
        ran.extend(paths)
        return [nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {p.name}")]) for p in paths]

    monkeypatch.setattr(report, "run_notebooks", fake_run)
    said = []
    written = report.build_report(SAMPLE, output=tmp_path, progress=said.append)
    assert written == tmp_path / f"{SAMPLE.stem}.html" and written.is_file()
    assert ran and "01-tone-through-the-piece.ipynb" in written.read_text(encoding="utf-8")
    assert said[-1].startswith(f"wrote {written} (")


def test_notebook_order_and_baseline_rule(tmp_path):
    for name in ["03-c.ipynb", "01-a.ipynb", "scratch.ipynb", "1-x.ipynb"]:
        (tmp_path / name).write_text("{}")
    # A notebook's own metadata says it compares with baselines.
    (tmp_path / "02-b.ipynb").write_text('{"metadata": {"toneanalysis": {"needs_baselines": true}}}')
    assert [p.name for p in report.report_notebooks(folder=tmp_path)] == ["01-a.ipynb", "03-c.ipynb"]
    assert [p.name for p in report.report_notebooks(baselines=["w.txt"], folder=tmp_path)] == [
        "01-a.ipynb", "02-b.ipynb", "03-c.ipynb"]
    # The real folder: every numbered notebook, in order.
    real = report.report_notebooks(baselines=BASELINES)
    assert real[0].name == "00-summary.ipynb" and real == sorted(real)  # the summary first
    assert {p.name for p in real if report.needs_baselines(p)} == {"02-compare-with-wire.ipynb"}


def _notebook(*sources):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def test_kernel_is_this_environment_and_failures_are_one_line(tmp_path):
    good = tmp_path / "01-where.ipynb"
    nbformat.write(_notebook("import sys\nprint(sys.executable)"), good)
    executed = report.run_notebook(good, {})
    [output] = executed.cells[-1].outputs
    assert Path(output["text"].strip()) == Path(sys.executable)  # the project's .venv, not another Python
    bad = tmp_path / "01-bad.ipynb"
    nbformat.write(_notebook("x = 1", "raise ValueError('boom')"), bad)
    with pytest.raises(ta.ToneAnalysisError, match=r"^01-bad\.ipynb: cell 2 failed: ValueError: boom$"):
        report.run_notebook(bad, {})


def test_notebooks_share_one_kernel_and_a_failure_names_its_notebook_and_cell(tmp_path):
    # The second notebook sees what the first defined (one kernel); its failing cell is counted
    # among its own code cells, as papermill would count them in a kernel of its own.
    nbformat.write(_notebook("shared = 41"), tmp_path / "01-a.ipynb")
    nbformat.write(_notebook("assert shared == 41", "raise ValueError('late')"), tmp_path / "02-b.ipynb")
    paths = [tmp_path / "01-a.ipynb", tmp_path / "02-b.ipynb"]
    with pytest.raises(ta.ToneAnalysisError, match=r"^02-b\.ipynb: cell 2 failed: ValueError: late$"):
        report.run_notebooks(paths, [{}, {}])


def test_render_drops_scripts_from_any_output():
    nb = _notebook("x")
    nb.cells[0].outputs = [
        nbformat.v4.new_output("display_data", {"application/javascript": "alert(1)", "text/plain": "js"}),
        nbformat.v4.new_output("display_data", {"text/html": '<p>ok</p><script src="https://cdn.example/x.js"></script>'}),
        nbformat.v4.new_output("stream", name="stderr", text="DeprecationWarning: noise"),
    ]
    html = report.render_html([nb], title="t")
    assert "<p>ok</p>" in html and "alert(1)" not in html and "cdn.example" not in html
    assert "<script" not in html and "noise" not in html


def test_a_notebook_without_the_parameters_is_refused_before_running(tmp_path):
    nb = _notebook("article_path = 'x.txt'")  # one of three
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, tmp_path / "01-old.ipynb")
    with pytest.raises(ta.ToneAnalysisError, match=r"^01-old\.ipynb: .* does not set baseline_paths, lexicon_path \("):
        report.build_report(SAMPLE, folder=tmp_path, output=tmp_path / "r.html", progress=None)
    assert not (tmp_path / "r.html").exists()


def test_a_pdf_is_printed_by_chromium(tmp_path, monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (make test installs it)")

    def fake_run(paths, parameters, **options):  # the notebooks' run is the session fixture's to test
        cell = nbformat.v4.new_markdown_cell("# Tyrants meet\n\nThe summary comes first.")
        return [nbformat.v4.new_notebook(cells=[cell]) for _ in paths]

    monkeypatch.setattr(report, "run_notebooks", fake_run)
    written = report.build_report(SAMPLE, output=tmp_path / "piece.pdf", progress=None)
    data = written.read_bytes()
    assert written == tmp_path / "piece.pdf" and data[:5] == b"%PDF-"
    assert b"/Type /Page" in data.replace(b"/Type/", b"/Type /")  # at least one printed page


def test_no_browser_no_pdf_and_nothing_runs(tmp_path, monkeypatch, cli):
    monkeypatch.setenv("TONEANALYSIS_CHROMIUM", "no-such-browser")
    monkeypatch.setenv("PATH", str(tmp_path))
    done = cli("report", SAMPLE, "-o", tmp_path / "piece.pdf")
    assert done.returncode == 2 and "writing a PDF needs Chromium" in done.stderr and "running" not in done.stderr


def test_tables_render_the_same_bytes_in_every_run(monkeypatch):
    # pandas gives every Styler a random id; the report's tables take one from their content and their
    # place among the tables a kernel styles, so a fresh kernel (a fresh count) gives the same bytes.
    import itertools

    from toneanalysis.plots import style_paragraphs
    from toneanalysis.report import escape

    frame = pd.DataFrame({"text": ["<b>a</b>", "b"], "tone": [0.1, -0.2]})
    piece = ta.analyse("Tyrants meet\n\nThe tyrant smiled.")
    runs = []
    for _ in range(2):
        monkeypatch.setattr(escape, "_TABLES", itertools.count())  # as in a new kernel
        runs.append(escape.styled(frame, {"tone": "{:+.2f}"}).to_html() + style_paragraphs(piece).to_html())
    assert runs[0] == runs[1] and "T_" in runs[0] and "&lt;b&gt;" in runs[0]
    assert escape.styled(frame).to_html() != runs[0]  # the next table has an id of its own


class Structure(HTMLParser):
    """A page as its elements (attributes sorted, classes as a set) and its text: what a browser builds,
    whatever the spacing and quoting of the markup."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.items = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted((k, " ".join(sorted((v or "").split())) if k == "class" else v)
                                       for k, v in attrs)))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", data.strip()))


@pytest.mark.slow
def test_the_page_is_nbconvert_s_page_without_its_soup_pass(report_ran, monkeypatch):
    # The exporter skips HTMLExporter's BeautifulSoup pass when there is no <img>: the page a browser
    # builds must be the same as HTMLExporter's, contents list included.
    from nbconvert import HTMLExporter

    from toneanalysis.report import render

    notebooks = list(report_ran.notebooks.values())
    ours = render.render_html(notebooks, title="t", document=True)
    monkeypatch.setattr(render, "_exporter", lambda embed: render.make_exporter(HTMLExporter, embed))
    theirs = render.render_html(notebooks, title="t", document=True)
    assert "<img" not in ours and 'class="ta-contents"' in ours
    assert Structure(ours).items == Structure(theirs).items


def test_an_image_without_alt_text_still_gets_nbconvert_s(monkeypatch):
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    nb = _notebook("x")
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", {"image/png": png, "text/plain": "a dot"})]
    html = report.render_html([nb], title="t")
    [img] = [attrs for tag, attrs in Page(html).tags if tag == "img"]
    assert img["src"].startswith("data:image/png;base64,") and img["alt"]
