"""Charts for the comparison with wire copy: arcs on a common scale, distinctive terms.

Axes-level, seaborn style: each function takes its data, draws on `ax` (a new one when None) and
returns it; the theme is the notebook's business. matplotlib is imported inside the functions so
`import toneanalysis` stays light.
"""

from __future__ import annotations

import pandas as pd

from ..errors import ToneAnalysisError

ARTICLE_COLOUR = "#b2182b"   # the red end of the diverging tone palette: the piece under test
BASELINE_COLOUR = "#4d4d4d"  # grey: the neutral reference

_LABELS = {
    "tone": "tone (-1..1)",
    "loaded_weight": "loaded-term weight",
    "loaded_per_1000_words": "loaded weight per 1,000 words",
}


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
    return ax


def plot_arc(arcs: pd.DataFrame, *, measure: str = "tone", window: int = 3, ax=None):
    """One measure along each piece (0-100% of its words): the article in red, each baseline in grey.

    `arcs` is the frame from `toneanalysis.compare.arcs(article, baseline)`; `measure` one of its
    columns (`tone`, `loaded_weight`, `loaded_per_1000_words`). Dots are paragraphs, lines their
    centred rolling mean over `window` paragraphs (1: join the dots), so the shape shows through the
    paragraph-to-paragraph noise.

    >>> from toneanalysis.compare import arcs
    >>> ax = plot_arc(arcs("Calm day.\\n\\nA fine, happy result.", "A result."), measure="tone")
    >>> ax.get_xlabel()
    'position in the piece (% of words)'
    """
    required = {"side", "source", "position_pct", measure}
    if not isinstance(arcs, pd.DataFrame) or not required <= set(arcs.columns):
        raise ToneAnalysisError(
            f"plot_arc: expected the frame from compare.arcs() with columns {sorted(required)}"
        )
    if not isinstance(window, int) or window < 1:
        raise ToneAnalysisError(f"plot_arc: window must be a whole number of at least 1, got {window!r}")
    ax = _axes(ax)
    # Baselines share a colour (they are one reference) and differ by line style, so the legend tells them apart.
    styles = iter(["-", "--", ":", "-."] * (1 + arcs["source"].nunique() // 4))
    for (side, source), piece in arcs.groupby(["side", "source"], sort=False):
        piece = piece.sort_values("position_pct")
        article = side == "article"
        style = "-" if article else next(styles)
        colour = ARTICLE_COLOUR if article else BASELINE_COLOUR
        label = f"{side}: {str(source).rsplit('/', 1)[-1]}"
        smooth = piece[measure].rolling(window, center=True, min_periods=1).mean()
        ax.scatter(piece["position_pct"], piece[measure], s=16 if article else 9, color=colour,
                   alpha=0.8 if article else 0.5, zorder=3 if article else 2)
        ax.plot(piece["position_pct"], smooth, linewidth=2.2 if article else 1.2, alpha=1 if article else 0.6,
                color=colour, linestyle=style, label=label, zorder=3 if article else 2)
    if measure == "tone":
        ax.axhline(0, color="black", linewidth=0.8, zorder=1)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the piece (% of words)")
    ax.set_ylabel(_LABELS.get(measure, measure))
    ax.legend(fontsize="small", frameon=False)
    return ax


def plot_distinctive_terms(terms: pd.DataFrame, *, top: int = 12, ax=None):
    """The `top` terms on each side by z-score, as horizontal bars (article side red, baseline side grey).

    `terms` is the frame from `distinctive_terms`. The dashed lines mark |z| = 1.96.

    >>> from toneanalysis.distinctive import distinctive_terms
    >>> t = distinctive_terms("The tyrants met. The tyrants smiled.", "The leaders met. The leaders smiled.")
    >>> [label.get_text() for label in plot_distinctive_terms(t, top=1).get_yticklabels()]
    ['tyrants', 'leaders']
    """
    if not isinstance(terms, pd.DataFrame) or not {"term", "z"} <= set(terms.columns):
        raise ToneAnalysisError("plot_distinctive_terms: expected the frame from distinctive_terms()")
    if not isinstance(top, int) or top < 1:
        raise ToneAnalysisError(f"plot_distinctive_terms: top must be a whole number of at least 1, got {top!r}")
    ordered = terms.sort_values("z", ascending=False)
    article_side = ordered[ordered["z"] > 0].head(top)
    baseline_side = ordered[ordered["z"] < 0].tail(top)
    shown = pd.concat([article_side, baseline_side])
    ax = _axes(ax)
    positions = list(range(len(shown)))
    colours = [ARTICLE_COLOUR if z > 0 else BASELINE_COLOUR for z in shown["z"]]
    ax.barh(positions, shown["z"], color=colours)
    ax.set_yticks(positions, shown["term"])
    ax.invert_yaxis()  # the most article-like term at the top
    for line in (-1.96, 1.96):
        ax.axvline(line, color="black", linewidth=0.8, linestyle="--")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("z-score of the log-odds ratio (> 0: article, < 0: baseline)")
    return ax
