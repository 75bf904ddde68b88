"""What every chart shares: the Axes to draw on, the check of the table it is given, the palette.

matplotlib is imported inside `axes`, so importing the plots package (and `import toneanalysis`)
stays light until a chart is drawn.

>>> import pandas as pd
>>> table(pd.DataFrame({"a": [1]}), ["a", "b"], "plot_x", "the frame from x()")
Traceback (most recent call last):
...
toneanalysis.errors.ToneAnalysisError: plot_x: expected the frame from x(), got a DataFrame without the column 'b'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..analyse import AnalysedArticle
from ..errors import ToneAnalysisError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

DIVERGING_CMAP = "RdBu"  # red for negative tone, blue for positive, white at 0
NEGATIVE = "#b2182b"     # the red end of DIVERGING_CMAP
POSITIVE = "#2166ac"     # its blue end
MIXED = "#636363"        # grey: neither
FRAMING_COLOURS = {"negative": NEGATIVE, "positive": POSITIVE, "mixed": MIXED}

ANALYSED = "an analysed article from ta.analyse()"
PARAGRAPHS = "the paragraph table from score_paragraphs()"
HITS = "the hit table from find_loaded_terms()"


def axes(ax: Axes | None, size: tuple[float, float] | None = None) -> Axes:
    """`ax`, or the Axes of a new figure (`size` in inches; matplotlib's default when None)."""
    from matplotlib.axes import Axes

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    elif not isinstance(ax, Axes):
        raise ToneAnalysisError(f"ax: expected a matplotlib Axes (or None for a new figure), got {given(ax)}")
    return ax


def given(value) -> str:
    """How an error names the value it was given."""
    return "None" if value is None else type(value).__name__


def table(frame, columns: Sequence[str], what: str, expected: str,
          build: Callable[[AnalysedArticle], pd.DataFrame] | None = None) -> pd.DataFrame:
    """`frame` when it is a DataFrame with `columns`; an analysed article made into one by `build`
    when that is given; otherwise a ToneAnalysisError from `what` naming `expected` and what came.

    Checked here, so a wrong argument reads as such rather than as a KeyError deep in pandas.
    """
    if build is not None:
        expected = f"{expected} (or {ANALYSED})"
        if isinstance(frame, AnalysedArticle):
            frame = build(frame)
    if not isinstance(frame, pd.DataFrame):
        raise ToneAnalysisError(f"{what}: expected {expected}, got {given(frame)}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise ToneAnalysisError(f"{what}: expected {expected}, got a DataFrame without the column"
                                f"{'s' if len(missing) > 1 else ''} {names}")
    return frame


def whole(value, name: str, what: str, least: int = 1) -> int:
    """`value` when it is a whole number of at least `least`, else a ToneAnalysisError."""
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise ToneAnalysisError(f"{what}: {name} must be a whole number of at least {least}, got {value!r}")
    return value


def plain(labels):
    """Text from an article, a lexicon or a file name as matplotlib shows it: `$` is a dollar sign, never
    the start of mathtext (`wire_$\\frac{$_c.txt` would otherwise stop the drawing). A str or an iterable.

    >>> plain("wire_$\\\\frac{$_c.txt"), plain(["a$b"])
    ('wire_\\\\$\\\\frac{\\\\$_c.txt', ['a\\\\$b'])
    """
    if isinstance(labels, str):
        return labels.replace("$", r"\$")
    return [plain(str(label)) for label in labels]
