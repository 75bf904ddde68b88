"""Where a report goes, checked before anything runs: the page, a PDF of it, or a folder to put it in.

Light to import (no analysis): the command checks `-o` before it starts a report's kernel.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ToneAnalysisError

# What `-o` may name: the report is one HTML page, or that page printed to PDF.
HTML_SUFFIXES = (".html", ".htm")
OUTPUT_SUFFIXES = (*HTML_SUFFIXES, ".pdf")


def report_target(article, output=None) -> Path:
    """Where the report on `article` goes: `output`, or `<article name>.html` inside it when it is a
    folder (an existing one, or a name ending in a slash); by default `reports/<article name>.html`.

    A name ending in .pdf gets the page printed to PDF (`pdf.write_pdf`); any other suffix than
    .html, .htm or .pdf is refused (`ToneAnalysisError` naming it), before any notebook runs.
    """
    name = f"{Path(article).stem}.html"
    if output is None:
        return Path("reports") / name
    text = os.fspath(output)
    target = Path(text)
    if target.is_dir() or text.endswith(("/", os.sep)):
        return target / name
    if target.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ToneAnalysisError(
            f"{target}: the report is one HTML page: name it .html, .htm or .pdf, or give a folder to write it in")
    return target


def writable(target: Path) -> Path:
    """`target`, once its folder exists (made if need be) and it is not itself a folder."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ToneAnalysisError(f"{target}: cannot make its folder ({error.strerror or error})") from None
    if target.is_dir():
        raise ToneAnalysisError(f"{target}: is a folder")
    return target
