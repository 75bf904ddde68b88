"""Axes-level charts of the paragraph table and the loaded-term hits, seaborn style.

Each function takes the DataFrame that `score_paragraphs` or `find_loaded_terms` returns, draws on
`ax` (a new figure's Axes when None) and returns the Axes, so charts combine into any layout.
The library never calls `sns.set_theme`: notebooks set the look once. matplotlib and seaborn are
imported inside the functions, so `import toneanalysis` (and the CLI's `score`) stays light.

>>> import toneanalysis as ta
>>> from toneanalysis import plots
>>> article = ta.article_from_text("Tyrants meet\\n\\nThe tyrant smiled.\\n\\nThe two leaders met.")
>>> ax = plots.plot_tone_arc(ta.score_paragraphs(article), ta.find_loaded_terms(article))
>>> ax.get_xlabel()
'position in the piece (share of words)'
"""

from __future__ import annotations

import pandas as pd

TONE_COLUMNS = ("vader_compound", "textblob_polarity", "tone")
LABELS = {"vader_compound": "VADER compound", "textblob_polarity": "TextBlob polarity", "tone": "tone"}
# Roles a reader meets outside the running text: marked on their own rather than joined into the line.
ROLE_MARKERS = {"headline": "*", "caption": "s"}
DIVERGING_CMAP = "RdBu"  # red for negative, blue for positive, white at 0
DISPLAY_NAMES = {"vader_compound": "VADER", "textblob_polarity": "TextBlob", "textblob_subjectivity": "subjectivity",
                 "loaded_count": "loaded", "loaded_weight": "weight", "loaded_terms": "loaded terms"}
FRAMING_COLOURS = {"negative": "#b2182b", "positive": "#2166ac", "mixed": "#636363"}


def category_colours() -> dict[str, tuple]:
    """One fixed colour per lexicon category, so a category looks the same in every chart and article."""
    import seaborn as sns

    from ..lexicon import CATEGORIES

    return dict(zip(CATEGORIES, sns.color_palette("tab10", n_colors=len(CATEGORIES))))


def _axes(ax):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    return ax


def hit_positions(paragraphs: pd.DataFrame, hits: pd.DataFrame) -> pd.Series:
    """Where each hit falls in the piece, on the same 0..1 scale as `position`.

    A block spans `n_words / total` of the piece around its `position`; a hit sits inside that span
    in proportion to its character offset, so two hits in one long paragraph do not share a point.
    """
    total = paragraphs["n_words"].sum()
    blocks = paragraphs.set_index("block")
    span = blocks["n_words"] / total if total else blocks["n_words"] * 0.0
    start = blocks["position"] - span / 2
    length = blocks["text"].str.len().clip(lower=1)
    b = hits["block"]
    share = (hits["start"] + hits["end"]) / 2 / length.reindex(b).to_numpy()
    return pd.Series(start.reindex(b).to_numpy() + share.to_numpy() * span.reindex(b).to_numpy(), index=hits.index)


def _spread(xs: list[float], gap: float) -> list[float]:
    """Label x positions at least `gap` apart, in order, centred on the points they label."""
    out: list[float] = []
    for x in xs:
        out.append(max(x, out[-1] + gap) if out else x)
    if out:
        shift = (sum(out) - sum(xs)) / len(out)
        out = [x - shift for x in out]
    return out


def plot_tone_arc(paragraphs: pd.DataFrame, hits: pd.DataFrame | None = None, *, ax=None,
                  columns=TONE_COLUMNS, smooth: int = 5, label_hits: bool = True):
    """The tone arc: each measure per block in reading order (x = `position`), a smoothed line, hits.

    Paragraphs are dots joined by a rolling mean over `smooth` paragraphs (centred; 0 or 1 for no
    line). The headline (star) and captions (squares) are marked but left out of the line: they
    are written apart from the running text and placed by the page layout. Loaded-term hits are
    ticks along the foot of the chart where they fall (red negative, blue positive, grey mixed
    framing), labelled with the words as written.
    """
    import seaborn as sns

    ax = _axes(ax)
    rows = paragraphs.sort_values("position")
    body = rows[rows["role"] == "paragraph"]
    colours = dict(zip(columns, sns.color_palette(n_colors=len(columns))))
    for column in columns:
        colour = colours[column]
        main = column == "tone"
        ax.plot(body["position"], body[column], "o", color=colour, alpha=0.55 if main else 0.35,
                markersize=5 if main else 4, label=f"{LABELS.get(column, column)} per paragraph")
        if smooth and smooth > 1 and len(body) > 1:
            line = body[column].rolling(smooth, center=True, min_periods=1).mean()
            ax.plot(body["position"], line, "-", color=colour, linewidth=2.6 if main else 1.4,
                    alpha=1 if main else 0.8, label=f"{LABELS.get(column, column)}, rolling mean of {smooth}")
        for role, marker in ROLE_MARKERS.items():
            others = rows[rows["role"] == role]
            ax.plot(others["position"], others[column], marker, color=colour, markersize=11 if role == "headline" else 7,
                    markerfacecolor="none" if role == "caption" else colour, markeredgewidth=1.4, linestyle="none")
    for role, marker in ROLE_MARKERS.items():  # one legend entry per role, whatever the measure
        if (rows["role"] == role).any():
            ax.plot([], [], marker, color="0.35", markerfacecolor="none" if role == "caption" else "0.35",
                    markersize=9 if role == "headline" else 7, linestyle="none", label=role)
    ax.axhline(0, color="0.4", linewidth=0.8, zorder=0)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the piece (share of words)")
    ax.set_ylabel("score (−1 negative … +1 positive)")
    if hits is not None and len(hits):
        _draw_hits(ax, paragraphs, hits, label=label_hits)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize="small", ncols=3, frameon=False)
    return ax


def _draw_hits(ax, paragraphs: pd.DataFrame, hits: pd.DataFrame, *, label: bool) -> None:
    from matplotlib.transforms import blended_transform_factory

    xs = hit_positions(paragraphs, hits)
    strip = blended_transform_factory(ax.transData, ax.transAxes)  # x in data, y in axes fraction
    colours = hits["framing"].map(FRAMING_COLOURS).fillna("#636363")
    for framing, colour in FRAMING_COLOURS.items():
        where = (hits["framing"] == framing).to_numpy()
        if where.any():
            ax.plot(xs[where], [0.015] * int(where.sum()), "|", color=colour, markersize=14, markeredgewidth=2,
                    transform=strip, label=f"loaded term ({framing})")
    if not label:
        return
    order = xs.sort_values()
    label_xs = _spread(order.tolist(), gap=0.018)
    for (index, x), lx in zip(order.items(), label_xs):
        ax.annotate(hits.at[index, "text"], xy=(x, 0.04), xycoords=strip, xytext=(lx, 0.07), textcoords=strip,
                    rotation=90, ha="center", va="bottom", fontsize=8, color=colours[index], parse_math=False,
                    arrowprops={"arrowstyle": "-", "color": colours[index], "linewidth": 0.6},
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})


def plot_loaded_categories(hits: pd.DataFrame, *, ax=None, weighted: bool = False):
    """Loaded-term hits per lexicon category (or their summed weight), largest first, counts on the bars."""
    ax = _axes(ax)
    value = "weight" if weighted else "count"
    if weighted:
        totals = hits.groupby("category")["weight"].sum()
    else:
        totals = hits.groupby("category").size()
    totals = totals.sort_values()
    labels = [c.replace("_", " ") for c in totals.index]
    colours = category_colours()
    ax.barh(labels, totals.to_numpy(), color=[colours.get(c, "0.5") for c in totals.index])
    for y, v in enumerate(totals.to_numpy()):
        ax.annotate(f"{v:g}", xy=(v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlabel("summed weight of hits" if weighted else "hits")
    ax.set_ylabel("category")
    ax.set_title(f"Loaded terms by category ({value})")
    return ax


def plot_loaded_weights(hits: pd.DataFrame, *, ax=None, top: int = 15):
    """The `top` lexicon terms by summed weight (weight × occurrences), coloured by category."""
    ax = _axes(ax)
    totals = (hits.groupby(["term", "category"], as_index=False)
              .agg(weight=("weight", "sum"), hits=("weight", "size"))
              .sort_values(["weight", "term"], ascending=[False, True]).head(top))
    categories = sorted(totals["category"].unique())
    colours = category_colours()
    ax.barh(totals["term"], totals["weight"], color=[colours.get(c, "0.5") for c in totals["category"]])
    ax.invert_yaxis()  # heaviest at the top
    for y, (w, n) in enumerate(zip(totals["weight"], totals["hits"])):
        ax.annotate(f"{w:g}" + (f" ({n}×)" if n > 1 else ""), xy=(w, y), xytext=(3, 0),
                    textcoords="offset points", va="center", fontsize=9)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=colours.get(c, "0.5"), label=c.replace("_", " ")) for c in categories],
              loc="lower right", fontsize="small", title="category")
    ax.set_xlabel("summed weight (weight × occurrences)")
    ax.set_ylabel("lexicon term")
    ax.set_title("Loaded terms by weight")
    return ax


def style_paragraphs(paragraphs: pd.DataFrame, *, columns=None, precision: int = 2):
    """The paragraph table as a pandas Styler: tone scores on a diverging scale centred on 0.

    Scores run from red (−1) through white (0) to blue (+1); subjectivity and loaded weight on
    sequential scales from 0. Headers are shortened for reading (`DISPLAY_NAMES`) and long text is
    cut; the values are those of the DataFrame. Cells are HTML-escaped (article text is untrusted).
    """
    columns = list(columns or ["block", "role", "position", "text", "tone", "vader_compound", "textblob_polarity",
                               "textblob_subjectivity", "loaded_count", "loaded_weight", "loaded_terms"])
    table = paragraphs[columns].copy()
    if "text" in table:
        table["text"] = table["text"].where(table["text"].str.len() <= 140, table["text"].str[:137] + "…")
    diverging = [c for c in ("tone", "vader_compound", "textblob_polarity") if c in table]
    # escape: the text columns are the article's, untrusted; a Styler writes cells as raw HTML otherwise.
    styler = table.style.format(precision=precision, escape="html").hide(axis="index")
    styler = styler.background_gradient(cmap=DIVERGING_CMAP, vmin=-1, vmax=1, subset=diverging)
    if "textblob_subjectivity" in table:
        styler = styler.background_gradient(cmap="Purples", vmin=0, vmax=1, subset=["textblob_subjectivity"])
    if "loaded_weight" in table:
        styler = styler.background_gradient(cmap="Reds", vmin=0, subset=["loaded_weight"])
    left = [c for c in ("text", "loaded_terms") if c in table]
    styler = styler.set_properties(subset=left, **{"text-align": "left"})
    if "text" in table:
        styler = styler.set_table_styles({"text": [{"selector": "td", "props": "min-width: 24em"}]}, overwrite=False)
    return styler.relabel_index([DISPLAY_NAMES.get(c, c) for c in columns], axis="columns")
