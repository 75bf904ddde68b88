"""Report: the article as highlighted HTML, and the notebooks rendered into one self-contained HTML page."""

from .build import build_report
from .highlight import Highlighted, highlight_html, highlighted

__all__ = ["Highlighted", "build_report", "highlight_html", "highlighted"]
