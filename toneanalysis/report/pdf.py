"""The report as a PDF: the same offline HTML page, printed by headless Chromium (print-to-PDF).

Chromium is the browser the tests already open the report in (Debian's `chromium`); it runs here
with no network, no profile of the user's and a page that can run no script (the report's CSP).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ToneAnalysisError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120  # seconds: a large report prints in a few


def browser() -> str:
    """The headless browser that prints PDFs: `$TONEANALYSIS_CHROMIUM`, else the first on PATH."""
    chosen = os.environ.get("TONEANALYSIS_CHROMIUM")
    found = chosen if chosen and shutil.which(chosen) else next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        raise ToneAnalysisError("writing a PDF needs Chromium (`chromium` on PATH, or TONEANALYSIS_CHROMIUM); "
                                "write the report as .html instead")
    return found


def write_pdf(html: str, target: Path) -> Path:
    """Print the page `html` to the PDF file `target`."""
    command = browser()
    with tempfile.TemporaryDirectory(prefix="toneanalysis-pdf-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        printed = Path(folder) / "report.pdf"
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={Path(folder) / 'profile'}",
                 "--no-pdf-header-footer", f"--print-to-pdf={printed}"]
        try:
            done = subprocess.run([command, *flags, page.as_uri()], capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ToneAnalysisError(f"{target}: Chromium did not print the PDF within {TIMEOUT} s") from None
        if not printed.is_file() or printed.read_bytes()[:5] != b"%PDF-":
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ToneAnalysisError(f"{target}: Chromium could not print the PDF (exit {done.returncode}: {last})")
        shutil.move(str(printed), target)
    return target
