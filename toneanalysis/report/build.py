"""The HTML report: run the notebooks on an article with papermill, render them into one HTML file.

Every `NN-*.ipynb` of the notebooks shipped with the package (the repository's `notebooks/`, package
data) runs in order, all in one kernel (`kernel.py`), with the same parameters (`article_path`,
`baseline_paths`, `lexicon_path`, as absolute paths); a notebook whose metadata says
`"toneanalysis": {"needs_baselines": true}` runs only when baselines are given. The notebooks call
the package's functions, so the report shows what a user sees in JupyterLab. The HTML is self-
contained: code hidden, charts as inline SVG with hover titles (`plots.chart`), and no scripts at all (nbconvert's lab
template otherwise loads require.js, MathJax and mermaid from a CDN). Article text is untrusted:
besides each notebook's own escaping, the page is defused (`defuse`: no scripts, handlers or fetched
URLs survive) and carries a Content-Security-Policy that forbids scripts and every fetch but data:
images.

    toneanalysis report ARTICLE [--baseline FILE ...] [--lexicon CSV] [-o OUT.html|FOLDER]

`run_report` runs the notebooks and renders the page (the executed notebooks and the HTML, for
whoever wants both); `build_report` checks where the page goes, then does that and writes it.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import ToneAnalysisError
from ..lexicon import load_lexicon
from ..load import load_article
from ..load.url import is_url
from .escape import terminal_text
from .kernel import KERNEL, NOTEBOOKS, Kernel, lighter_imports
from .pdf import browser, write_pdf
from .render import prepare, render_html
from .target import report_target, writable

# What every report notebook's `parameters` cell sets; papermill overrides them all.
PARAMETERS = ("article_path", "baseline_paths", "lexicon_path")

_NUMBERED = re.compile(r"^(\d\d)-.+\.ipynb$")


class Report(NamedTuple):
    """A report run: the notebooks that ran (paths, in order), their executed copies, and the page."""

    paths: list
    notebooks: list
    html: str


def notebook_flag(path: Path, name: str) -> bool:
    """A flag of a notebook's own `toneanalysis` metadata (`needs_baselines`, `corpus`)."""
    try:
        metadata = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError) as error:
        raise ToneAnalysisError(f"{Path(path).name}: not a readable notebook ({error})") from None
    return bool(metadata.get("toneanalysis", {}).get(name, False))


def needs_baselines(path: Path) -> bool:
    """Whether a notebook compares the article with baselines: its own metadata says so."""
    return notebook_flag(path, "needs_baselines")


def numbered_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every `NN-*.ipynb` of `folder`, in order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NUMBERED.match(p.name))


def report_notebooks(*, baselines: Sequence = (), folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks an article's report runs, in order: every `NN-*.ipynb` but the corpus ones
    (metadata `corpus`), less those that need baselines when none are given."""
    return [p for p in numbered_notebooks(folder)
            if not notebook_flag(p, "corpus") and (baselines or not needs_baselines(p))]


def _absolute(article) -> str:
    """A file as an absolute path; a URL as it is (each notebook fetches the page again)."""
    return article.strip() if isinstance(article, str) and is_url(article) else str(Path(article).resolve())


def check_inputs(article, baselines: Sequence = (), lexicon=None) -> dict:
    """Read every input once before any kernel starts; `ToneAnalysisError` names the bad one.

    Returns the notebook parameters: absolute paths, since notebooks run with cwd = notebooks/.
    """
    for what, path in [("article", article), *(("baseline", p) for p in baselines)]:
        loaded = load_article(path)
        if not any(b.role == "paragraph" for b in loaded.blocks):  # captions only: no body to describe
            roles = sorted({b.role for b in loaded.scored_blocks()})
            raise ToneAnalysisError(f"{path}: the {what} has no body paragraph (only {', '.join(roles)}): "
                                    "a report describes a piece's body")
    if lexicon is not None:
        load_lexicon(lexicon)
    return {
        "article_path": _absolute(article),
        "baseline_paths": [_absolute(p) for p in baselines],
        "lexicon_path": None if lexicon is None else str(Path(lexicon).resolve()),
    }


def notebook_parameters(path: Path, values: dict, names: Sequence[str] = PARAMETERS) -> dict:
    """The parameters to pass `path`: `values`, once its `parameters` cell is seen to declare them all
    (`names`: those of an article's report by default).

    A notebook that does not declare one is refused: it would run on its own default article, and
    the report would silently describe the wrong piece.
    """
    import papermill

    declared = papermill.inspect_notebook(str(path))
    missing = [name for name in names if name not in declared]
    if missing:
        raise ToneAnalysisError(
            f"{Path(path).name}: its 'parameters' cell does not set {', '.join(missing)} "
            f"(report notebooks take {', '.join(names)})"
        )
    return dict(values)


def run_notebook(path: Path, parameters: dict, *, kernel_name: str = KERNEL):
    """Execute one notebook with papermill's parameters in a fresh kernel (cwd: the notebook's folder);
    the executed notebook, or a one-line `ToneAnalysisError` naming the cell that failed."""
    with Kernel(Path(path).parent, kernel_name=kernel_name) as kernel:
        return kernel.run(path, parameters)


def run_notebooks(paths: Sequence[Path], parameters: Sequence[dict], *, kernel: Kernel | None = None,
                  progress: Callable[[str], None] = lambda message: None) -> list:
    """Execute notebooks (each with its parameters) one after another in one kernel (`kernel`, or a
    new one in the first notebook's folder, shut down at the end); the executed notebooks in order.

    One kernel, as one JupyterLab session would run them in turn: its start-up and imports are most
    of a notebook's time, and are paid once (see `kernel.py`).
    """
    total = len(paths)
    own = kernel is None
    kernel = Kernel(Path(paths[0]).parent) if own else kernel
    try:
        results = []
        for number, (path, values) in enumerate(zip(paths, parameters), start=1):
            progress(f"[{number}/{total}] running {path.name}")
            started = time.perf_counter()
            results.append(kernel.run(path, values))
            progress(f"[{number}/{total}] {path.name} done in {time.perf_counter() - started:.1f} s")
        return results
    finally:
        if own:
            kernel.shutdown()


def stderr_progress(message: str) -> None:
    # One write per message: workers report from their threads.
    sys.stderr.write(terminal_text(f"toneanalysis report: {message}") + "\n")  # file names are untrusted
    sys.stderr.flush()


def run_report(article, *, baselines: Sequence = (), lexicon=None,
               progress: Callable[[str], None] | None = stderr_progress, folder: Path = NOTEBOOKS,
               kernel: Kernel | None = None) -> Report:
    """Run the report notebooks on `article` in one kernel and render them into one page; write nothing.

    Bad inputs raise `ToneAnalysisError` before any notebook runs (the kernel process boots meanwhile,
    and is shut down); a failing notebook raises one naming the cell. `kernel`: one already started
    in `folder` (the command starts it before its own imports), shut down here as a new one would be.
    """
    say = progress or (lambda message: None)
    lighter_imports()
    with (kernel or Kernel(folder)).start() as kernel:
        say(f"checking {article}" + (f" and {len(baselines)} baseline(s)" if baselines else ""))
        parameters = check_inputs(article, baselines, lexicon)
        notebooks = report_notebooks(baselines=baselines, folder=folder)
        if not notebooks:
            raise ToneAnalysisError(f"no notebooks named NN-*.ipynb in {folder}")
        per_notebook = [notebook_parameters(path, parameters) for path in notebooks]
        prepare()  # while the kernel boots: the page's renderer, ready for when the last notebook ends
        executed = run_notebooks(notebooks, per_notebook, kernel=kernel, progress=say)
    say("rendering HTML")
    html = render_html(executed, title=f"toneanalysis report: {Path(article).name}", document=True)
    return Report(notebooks, executed, html)


def build_report(article, *, baselines: Sequence = (), lexicon=None, output=None,
                 progress: Callable[[str], None] | None = stderr_progress, folder: Path = NOTEBOOKS,
                 kernel: Kernel | None = None) -> Path:
    """Run the report notebooks on `article` and write one self-contained HTML file; return its path.

    `output` is the file, or a folder to write `<article name>.html` in; it defaults to
    `reports/<article name>.html` in the current folder. A bad output name and bad inputs raise
    `ToneAnalysisError` before any notebook runs; a failing notebook raises one naming the cell.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    target = writable(report_target(article, output))
    if target.suffix.lower() == ".pdf":
        browser()  # before any notebook runs: no Chromium, no PDF
    html = run_report(article, baselines=baselines, lexicon=lexicon, progress=progress, folder=folder,
                      kernel=kernel).html
    if target.suffix.lower() == ".pdf":
        say("printing PDF")
        write_pdf(html, target)
    else:
        target.write_text(html, encoding="utf-8")
    say(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return target
