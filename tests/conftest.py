import contextlib
import dataclasses
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "thesun_putin_kim_2024-06-18.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample():
    import toneanalysis as ta

    return ta.load_article(SAMPLE)


# The report every slow report and notebook test reads: the bundled article plus one hostile paragraph,
# with the wire baselines. Markup in article text must reach the page as text.
BASELINES = sorted((ROOT / "data" / "baseline").glob("*.txt"))
HOSTILE = "A tyrant wrote <script>alert(1)</script> and <img src=x onerror=alert(1)> in this line."


@dataclasses.dataclass
class ReportRun:
    """One in-process `toneanalysis report` run: what it was given, what it made and what it printed."""

    article: Path
    baselines: list
    notebooks: dict  # file name -> executed notebook, in the order they ran
    html: str
    stderr: str
    error: str | None = None  # a failing notebook's one-line message


@contextlib.contextmanager
def _stderr_into(path):
    """Everything written to stderr, by this process (sys.stderr) and by the kernels it starts (fd 2), into `path`."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "w", encoding="utf-8", buffering=1) as file:
        os.dup2(file.fileno(), 2)
        try:
            with contextlib.redirect_stderr(file):
                yield
        finally:
            file.flush()
            os.dup2(saved, 2)
            os.close(saved)


@pytest.fixture(scope="session")
def report_run(tmp_path_factory):
    """The report, run once per session in this process, as `toneanalysis report` runs it (stderr as the
    command prints it). A failing notebook does not fail the fixture: `report_run.error` has its message,
    for the tests that read the run to report."""
    from toneanalysis import ToneAnalysisError
    from toneanalysis.report import build

    folder = tmp_path_factory.mktemp("report")
    article = folder / "article.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8") + "\n\n" + HOSTILE + "\n", encoding="utf-8")
    log = folder / "stderr.txt"
    with _stderr_into(log):
        try:
            done = build.run_report(article, baselines=BASELINES)
        except ToneAnalysisError as error:
            done = error
    stderr = log.read_text(encoding="utf-8")
    if isinstance(done, ToneAnalysisError):
        return ReportRun(article, BASELINES, {}, "", stderr, error=str(done))
    return ReportRun(article, BASELINES, {p.name: nb for p, nb in zip(done.paths, done.notebooks)}, done.html, stderr)


# The corpus report (notebook 04) on the demo corpus, with one outlet renamed to markup: the name must
# reach the page as text.
DEMO_CORPUS = ROOT / "data" / "corpus"
HOSTILE_OUTLET = "Daily <script>alert(1)</script>Clarion"


@pytest.fixture(scope="session")
def demo_corpus():
    """The demo corpus, scored once per session (in memory)."""
    import toneanalysis as ta

    return ta.score_corpus(DEMO_CORPUS)


@pytest.fixture(scope="session")
def corpus_report_run(tmp_path_factory):
    """The corpus report, run once per session in this process; `error` holds a failing notebook's message."""
    import shutil

    from toneanalysis import ToneAnalysisError
    from toneanalysis.report import corpus

    folder = tmp_path_factory.mktemp("corpus") / "demo"
    shutil.copytree(DEMO_CORPUS, folder)
    manifest = folder / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("Daily Clarion", HOSTILE_OUTLET), encoding="utf-8")
    log = folder.parent / "stderr.txt"
    with _stderr_into(log):
        try:
            done = corpus.run_corpus_report(folder, by="outlet", reference="Central Wire")
        except ToneAnalysisError as error:
            done = error
    stderr = log.read_text(encoding="utf-8")
    if isinstance(done, ToneAnalysisError):
        return ReportRun(folder, [], {}, "", stderr, error=str(done))
    return ReportRun(folder, [], {p.name: nb for p, nb in zip(done.paths, done.notebooks)}, done.html, stderr)


@pytest.fixture(scope="session")
def report_ran(report_run):
    """`report_run`, for a test that needs it to have succeeded."""
    if report_run.error:
        pytest.fail(f"the report run failed: {report_run.error}\n{report_run.stderr[-2000:]}")
    return report_run


@dataclasses.dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    """`toneanalysis ARGS...` run in this process (`cli.main`), as a subprocess result would read.

    One test (`test_cli.py::test_the_installed_command_runs`) starts the real command in a process of
    its own; the rest need no fresh interpreter, and each cold start costs seconds of imports.
    """
    from toneanalysis import cli as command

    def run(*args) -> Ran:
        capsys.readouterr()
        try:
            code = command.main([str(a) for a in args])
        except SystemExit as stop:  # argparse's own usage errors
            code = stop.code
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


# Issue 13: a second, small report run on hostile input: an article, a lexicon and baseline file
# names written by an attacker. `tests/test_report_hostile.py` reads it, in Chromium too. The article
# names no one (lower case throughout), so notebook 03 takes its "no names" branch (item 9) as well.
# Its last paragraph is a chart tooltip's (issue 14): markup that would close an SVG <title> or a CDATA.
HOSTILE_ARTICLE = """[click me](javascript:alert(1)) **bold** tyrant <h1>shown</h1>

the tyrant wrote </td></tr></table><h1 style="color:red">x</h1> in a note to the thugs.
a <textarea> and <form><input name=q></form> and <a href="https://evil.example">win a prize</a> from the tyrant.
the regime put <style>body{display:none}</style> and <svg><style><img src=x onerror=alert(1)></style></svg> in it.
the thugs left <!--><img src=x onerror=alert(1)>--> and <!-- a --!><img src=x onerror=alert(1)> --> behind, a man said.
"these are thugs," the spokesman said of the regime's q&quot;uote&#x27;s and `backtick` $x$ \\frac{ claims.
the tyrant smiled [x](https:evil.example) at ![i](data:image/png;base64,aaaa) and www.evil.example today.
\x1b]0;retitled\x07 the thugs, the \u202eregime said, were \x9b31m angry.
the tyrant's tooltip: </title><script>alert(1)</script> then "><img src=x onerror=alert(1)> then ]]> in full.
"""
HOSTILE_BASELINE_NAMES = ["d1/wire.txt", "d2/wire.txt", "[X](https:evil.example).txt", "wire_$\\frac{$_c.txt",
                          "this piece.txt"]
HOSTILE_NEUTRALS = {"tyrant": '<a href="https://evil.example">leader</a>', "thugs": "</td></tr></table><h1>N</h1>",
                    "thug": "<textarea>"}


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory):
    """`run_report` on the hostile article, lexicon and baseline names: (folder, Report)."""
    import csv

    from toneanalysis.report import build

    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "evil <b>x<i> [a](https:evil.example) $x$.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    baselines = []
    for name, source in zip(HOSTILE_BASELINE_NAMES, BASELINES * 2):
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        baselines.append(path)
    lexicon = folder / "lexicon.csv"
    with open(ROOT / "toneanalysis" / "lexicons" / "loaded_terms.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    for row in rows[1:]:
        row[4] = HOSTILE_NEUTRALS.get(row[0], row[4])
    with open(lexicon, "w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    with _stderr_into(folder / "stderr.txt"):
        done = build.run_report(article, baselines=baselines, lexicon=lexicon)
    return folder, done


CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture
def chromium(tmp_path):
    """A headless Chromium (Debian's chromium + chromium-driver, which `make test` installs), offline,
    with a fresh profile and its console log kept; quit after the test."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (make test installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2400"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


# How a page fits a window, measured in the browser: what is wider than the window (an SVG element
# by its box: its scrollWidth is its glyphs' extent against a box of its own), what overflows once
# every <details> is opened (what a reader opens fits too), and which table cells that are not a
# number (or a dash for none) are not set left.
FIT_SCRIPT = """
    const viewport = document.documentElement.clientWidth;
    const overflowing = (e) => {
      const box = e.getBoundingClientRect();
      return (box.width > 0 && box.right > viewport + 1)
          || (!(e instanceof SVGElement) && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);
    };
    const wide = Array.from(document.body.querySelectorAll('*')).filter(overflowing)
      .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}/${e.clientWidth}`);
    document.querySelectorAll('details').forEach(d => d.open = true);
    const opened = Array.from(document.body.querySelectorAll('details *')).filter(overflowing)
      .map(e => e.tagName);
    const number = /^[-+−]?[0-9.,]+%?$|^[–-]$/;
    const right = Array.from(document.querySelectorAll('td')).filter(td => {
      const text = td.textContent.trim();
      return text && !number.test(text) && !['left', 'start'].includes(getComputedStyle(td).textAlign);
    }).map(td => td.textContent.trim().slice(0, 40));
    return {viewport, page: document.documentElement.scrollWidth, wide, opened, right,
            tables: document.querySelectorAll('table').length,
            charts: document.querySelectorAll('img, svg.ta-chart').length};"""


def page_fit(driver, html: str, folder: Path, width: int) -> dict:
    """`html` opened at `width` px in `driver` (the `chromium` fixture's): FIT_SCRIPT's measures."""
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    driver.set_window_size(width, 1200)
    driver.get(page.as_uri())
    return driver.execute_script(FIT_SCRIPT)
