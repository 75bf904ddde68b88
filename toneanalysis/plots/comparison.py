"""Charts for the comparison with wire copy: arcs on a common scale, distinctive terms.

Axes-level, seaborn style: each function takes its table (from `arcs` or `distinctive_terms`,
which need the article and its baselines, so there is no one-article shortcut), draws on `ax` (a
new one when None), passes extra keyword arguments on to the matplotlib call that draws the data,
and returns the Axes; the theme is the notebook's business. matplotlib is imported inside
`common.axes`, so `import toneanalysis` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .common import NEGATIVE, axes, plain, table, whole
from .hover import describe, tip, tips
from .tooltips import shortened

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ARTICLE_COLOUR = NEGATIVE    # the red end of the diverging tone palette: the piece under test
BASELINE_COLOUR = "#4d4d4d"  # grey: the neutral reference
ARCS = "the frame from arcs(article, baselines)"
TERMS = "the frame from distinctive_terms(article, baselines)"

MEASURE_LABELS = {
    "tone": "tone (-1..1)",
    "loaded_weight": "loaded-term weight",
    "loaded_per_1000_words": "loaded weight per 1,000 words",
}


def plot_arc(arcs: pd.DataFrame, *, measure: str = "tone", window: int = 3, ax: Axes | None = None,
             **kwargs: Any) -> Axes:
    """One measure along each piece (0-100% of its words): the article in red, each baseline in grey.

    `arcs` is the frame from `toneanalysis.measure.arcs(article, baselines)`; `measure` one of its
    columns (`tone`, `loaded_weight`, `loaded_per_1000_words`). Dots are paragraphs, lines their
    centred rolling mean over `window` paragraphs (1: join the dots), so the shape shows through the
    paragraph-to-paragraph noise. `kwargs` go to `ax.scatter` of each piece's paragraph dots
    (overriding the defaults, e.g. `s`, `alpha`).

    >>> from toneanalysis.measure import arcs
    >>> ax = plot_arc(arcs("Calm day.\\n\\nA fine, happy result.", "A result."), measure="tone")
    >>> ax.get_xlabel()
    'position in the piece (% of words)'
    """
    arcs = table(arcs, ["side", "source", "position_pct", measure], "plot_arc", ARCS)
    window = whole(window, "window", "plot_arc")
    ax = axes(ax)
    # Baselines share a colour (they are one reference) and differ by line style, so the legend tells them apart.
    styles = iter(["-", "--", ":", "-."] * (1 + arcs["source"].nunique() // 4))
    for (side, source), piece in arcs.groupby(["side", "source"], sort=False):
        piece = piece.sort_values("position_pct")
        article = side == "article"
        colour = ARTICLE_COLOUR if article else BASELINE_COLOUR
        dots = {"s": 16 if article else 9, "color": colour, "alpha": 0.8 if article else 0.5,
                "zorder": 3 if article else 2}
        name = str(source).rsplit("/", 1)[-1]
        points = ax.scatter(piece["position_pct"], piece[measure], **{**dots, **kwargs})
        tips(points, [f"{side}: {name} · paragraph {number} ({row.position_pct:.0f}% in) · "
                      f"{MEASURE_LABELS.get(measure, measure)} {getattr(row, measure):+.2f}"
                      + (f"\n{shortened(row.text)}" if "text" in piece else "")
                      for number, row in enumerate(piece.itertuples(), start=1)])
        smooth = piece[measure].rolling(window, center=True, min_periods=1).mean()
        ax.plot(piece["position_pct"], smooth, linewidth=2.2 if article else 1.2, alpha=1 if article else 0.6,
                color=colour, linestyle="-" if article else next(styles),
                label=plain(f"{side}: {str(source).rsplit('/', 1)[-1]}"), zorder=3 if article else 2)
    if measure == "tone":
        ax.axhline(0, color="black", linewidth=0.8, zorder=1)
    ax.set_xlim(0, 100)
    ax.set_xlabel("position in the piece (% of words)")
    ax.set_ylabel(MEASURE_LABELS.get(measure, measure))
    ax.legend(fontsize="small", frameon=False)
    pieces = arcs.groupby(["side", "source"], sort=False).ngroups
    describe(ax, f"{MEASURE_LABELS.get(measure, measure).capitalize()} of each paragraph by its place in its piece "
                 f"(0–100% of its words), for the article (red) and {pieces - 1} baseline piece(s) (grey), each "
                 f"with a rolling mean over {window} paragraphs. Hover a dot for its paragraph.")
    return ax


def plot_distinctive_terms(terms: pd.DataFrame, *, top: int = 12, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """The `top` terms on each side by z-score, as horizontal bars (article side red, baseline side grey).

    `terms` is the frame from `distinctive_terms`. The dashed lines mark |z| = 1.96. `kwargs` go
    to `ax.barh` (`color` replaces the side colours).

    >>> from toneanalysis.measure import distinctive_terms
    >>> t = distinctive_terms("The tyrants met. The tyrants smiled.", "The leaders met. The leaders smiled.")
    >>> [label.get_text() for label in plot_distinctive_terms(t, top=1).get_yticklabels()]
    ['tyrants', 'leaders']
    """
    terms = table(terms, ["term", "z"], "plot_distinctive_terms", TERMS)
    top = whole(top, "top", "plot_distinctive_terms")
    ordered = terms.sort_values("z", ascending=False)
    shown = pd.concat([ordered[ordered["z"] > 0].head(top), ordered[ordered["z"] < 0].tail(top)])
    ax = axes(ax)
    positions = list(range(len(shown)))
    colours = [ARTICLE_COLOUR if z > 0 else BASELINE_COLOUR for z in shown["z"]]
    bars = ax.barh(positions, shown["z"], **{"color": colours, **kwargs})
    for bar, row in zip(bars, shown.itertuples()):
        counts = (f" · {row.count_article} in the article, {row.count_baseline} in the baseline"
                  if hasattr(row, "count_article") and hasattr(row, "count_baseline") else "")
        tip(bar, f"{row.term} · z {row.z:+.2f} ({'article' if row.z > 0 else 'baseline'} side){counts}")
    ax.set_yticks(positions, plain(shown["term"]))
    ax.invert_yaxis()  # the most article-like term at the top
    for line in (-1.96, 1.96):
        ax.axvline(line, color="black", linewidth=0.8, linestyle="--")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("z-score of the log-odds ratio (> 0: article, < 0: baseline)")
    article, baseline = shown[shown["z"] > 0]["term"].tolist(), shown[shown["z"] < 0]["term"].tolist()
    describe(ax, f"Bars of z-scores: the {len(article)} terms most typical of the article"
                 + (f" (first {article[0]})" if article else "") + f" and the {len(baseline)} most typical of the "
                 "baseline" + (f" (first {baseline[-1]})" if baseline else "") + "; dashed lines at |z| = 1.96. "
                 "Hover a bar for its term and counts.")
    return ax
