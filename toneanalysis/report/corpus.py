"""The corpus report: the notebooks whose metadata says `"toneanalysis": {"corpus": true}` (04), run on a
corpus and rendered into one offline HTML page, as `build` does for an article.

    toneanalysis report CORPUS --by outlet [--reference NAME] [--event-column event] [-o OUT.html]

The inputs are checked before a kernel starts (the corpus is listed, not scored: a folder or table
that cannot be read, or a `by` column it does not have, is a one-line error); the notebook scores
it (reusing `out` when given), so the numbers on the page are those `score_corpus` and
`compare_groups` give in Python. The page is arranged for a reader as an article's is (`page.py`,
layout `page.CORPUS`: the title once, the summary, the contents, the sections, "Method and limits").
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import ToneAnalysisError
from ..lexicon import load_lexicon
from ..study import read_corpus
from . import page
from .build import (
    NOTEBOOKS,
    Report,
    notebook_flag,
    notebook_parameters,
    numbered_notebooks,
    render_html,
    report_target,
    run_notebooks,
    stderr_progress,
    writable,
)
from .kernel import Kernel, lighter_imports
from .pdf import browser, write_pdf
from .render import prepare

CORPUS_PARAMETERS = ("corpus_path", "manifest_path", "text_column", "by", "reference", "event_column",
                     "lexicon_path", "out_path")


def corpus_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of a corpus report, in order."""
    return [p for p in numbered_notebooks(folder) if notebook_flag(p, "corpus")]


def _absolute(path) -> str | None:
    return None if path is None else str(Path(path).resolve())


def check_corpus(corpus, *, by: str = "outlet", reference=None, event_column="auto", manifest=None,
                 text_column: str = "text", lexicon=None, out=None) -> dict:
    """List the corpus (no scoring) and check `by` (and `event_column`, `reference`) against its columns;
    return the notebook parameters (absolute paths: the notebooks run in notebooks/)."""
    if isinstance(corpus, (str, os.PathLike)) and not Path(corpus).exists():
        raise ToneAnalysisError(f"{corpus}: no such folder or file")
    found = read_corpus(corpus, text_column=text_column, manifest=manifest)
    columns = ["article", *found.metadata]
    if by not in columns:
        raise ToneAnalysisError(f"{corpus}: no column {by!r} to group by (the corpus has {', '.join(columns)})")
    if event_column not in (None, "auto") and event_column not in columns:
        raise ToneAnalysisError(f"{corpus}: no event column {event_column!r} (the corpus has {', '.join(columns)})")
    groups = set(found.items[by].dropna())
    if reference is not None and reference not in groups:
        names = ", ".join(map(str, sorted(groups, key=str)))
        raise ToneAnalysisError(f"{corpus}: {reference!r} is not a value of {by!r} ({names})")
    if lexicon is not None:
        load_lexicon(lexicon)
    return {"corpus_path": _absolute(corpus), "manifest_path": _absolute(manifest) if manifest else manifest,
            "text_column": text_column, "by": by, "reference": reference, "event_column": event_column,
            "lexicon_path": _absolute(lexicon), "out_path": _absolute(out)}


def run_corpus_report(corpus, *, progress: Callable[[str], None] | None = stderr_progress,
                      folder: Path = NOTEBOOKS, **options) -> Report:
    """Run the corpus notebooks on `corpus` and render them into one page; write nothing.

    `options` are `check_corpus`'s (`by`, `reference`, `event_column`, `manifest`, `text_column`,
    `lexicon`, `out`). Bad inputs raise `ToneAnalysisError` before any notebook runs; a failing
    notebook raises one naming the cell.
    """
    say = progress or (lambda message: None)
    lighter_imports()
    # The kernel boots (and imports) while the corpus is listed, as for an article's report.
    with Kernel(folder).start() as kernel:
        say(f"checking {corpus}")
        parameters = check_corpus(corpus, **options)
        notebooks = corpus_notebooks(folder)
        if not notebooks:
            raise ToneAnalysisError(f"no corpus notebooks (metadata toneanalysis.corpus) in {folder}")
        per_notebook = [notebook_parameters(path, parameters, CORPUS_PARAMETERS) for path in notebooks]
        prepare()  # the page's renderer, while the kernel boots
        executed = run_notebooks(notebooks, per_notebook, kernel=kernel, progress=say)
    say("rendering HTML")
    html = render_html(executed, title=f"toneanalysis corpus report: {Path(corpus).name}", document=page.CORPUS)
    return Report(notebooks, executed, html)


def build_corpus_report(corpus, *, output=None, progress: Callable[[str], None] | None = stderr_progress,
                        folder: Path = NOTEBOOKS, **options) -> Path:
    """Run the corpus notebooks on `corpus` (a folder, or a CSV/JSONL/Parquet file) and write one HTML
    page, or that page printed to PDF for a `.pdf` output; return its path. `output` as for an
    article's report (default `reports/<corpus name>.html`); `options` as `run_corpus_report`'s."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    target = writable(report_target(corpus, output))
    pdf = target.suffix.lower() == ".pdf"
    if pdf:
        browser()  # before any notebook runs: no Chromium, no PDF
    html = run_corpus_report(corpus, progress=progress, folder=folder, **options).html
    if pdf:
        say("printing PDF")
        write_pdf(html, target)
    else:
        target.write_text(html, encoding="utf-8")
    say(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return target
