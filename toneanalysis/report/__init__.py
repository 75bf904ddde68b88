"""Report: the article as highlighted HTML, and the notebooks rendered into one self-contained HTML page."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# Imported on first use, as the package's names are (see toneanalysis/__init__.py): `report.kernel`
# must be importable without the analysis the rest of the report needs.
_HOME = {"build_report": ".build", "Highlighted": ".highlight", "highlight_html": ".highlight",
         "highlighted": ".highlight"}

__all__ = ["Highlighted", "build_report", "highlight_html", "highlighted"]


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .build import build_report
    from .highlight import Highlighted, highlight_html, highlighted
