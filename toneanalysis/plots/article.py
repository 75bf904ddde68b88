"""Axes-level charts of the paragraph table and the loaded-term hits, seaborn style.

Each chart takes the table that `score_paragraphs` or `find_loaded_terms` returns, or the analysed
article (`ta.analyse`) and builds the table itself; it draws on `ax` (a new figure's Axes when
None), passes extra keyword arguments on to the matplotlib call that draws the data, and returns
the Axes, so charts combine into any layout. The library never calls `sns.set_theme`: notebooks
set the look once. matplotlib and seaborn are imported inside the functions, so
`import toneanalysis` (and the CLI's `score`) stays light.

>>> import toneanalysis as ta
>>> from toneanalysis import plots
>>> article = ta.analyse("Tyrants meet\\n\\nThe tyrant smiled.\\n\\nThe two leaders met.")
>>> ax = plots.plot_tone_arc(article)
>>> ax.get_xlabel()
'position in the piece (share of words)'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..analyse import AnalysedArticle, find_loaded_terms, score_paragraphs
from ..analyse.engine import SCARE_QUOTE
from ..analyse.rated import RATED_WORD
from ..errors import ToneAnalysisError
from ..lexicon import CATEGORIES
from ..measure import where
from ..report.escape import styled
from .common import DIVERGING_CMAP, FRAMING_COLOURS, HITS, MIXED, PARAGRAPHS, axes, plain, table, whole
from .hover import describe, tip, tips
from .tooltips import LABELS, TONE_COLUMNS, hit_tip, paragraph_tip, term_tip

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from pandas.io.formats.style import Styler

# Roles a reader meets outside the running text: marked on their own rather than joined into the line.
ROLE_MARKERS = {"headline": "*", "caption": "s"}
DISPLAY_NAMES = {"vader_compound": "VADER", "textblob_polarity": "TextBlob", "textblob_subjectivity": "subjectivity",
                 "loaded_count": "loaded", "loaded_weight": "weight", "loaded_terms": "loaded terms"}
STYLED_COLUMNS = ("block", "role", "position", "text", "tone", "vader_compound", "textblob_polarity",
                  "textblob_subjectivity", "loaded_count", "loaded_weight", "loaded_terms")
PARAGRAPH_COLUMNS = ("block", "role", "position", "n_words", "text")
HIT_COLUMNS = ("block", "start", "end", "text", "framing")


def category_colours() -> dict[str, tuple]:
    """One fixed colour per lexicon category (and the scare-quote hit's), so a category looks the same in
    every chart and article."""
    import seaborn as sns

    categories = (*CATEGORIES, SCARE_QUOTE["category"])
    colours = dict(zip(categories, sns.color_palette("tab10", n_colors=len(categories))))
    colours[RATED_WORD["category"]] = sns.color_palette("tab20")[15]  # light grey: tab10 has ten colours
    return colours


def hit_positions(paragraphs: pd.DataFrame, hits: pd.DataFrame) -> pd.Series:
    """Where each hit falls in the piece, on the same 0..1 scale as `position`.

    `measure.where.hit_positions` (its one definition), with the tables checked first.
    """
    paragraphs = table(paragraphs, PARAGRAPH_COLUMNS, "hit_positions", PARAGRAPHS)
    return where.hit_positions(paragraphs, _hits(hits, paragraphs, "hit_positions"))


def _hits(hits, paragraphs: pd.DataFrame, what: str) -> pd.DataFrame:
    hits = table(hits, HIT_COLUMNS, what, HITS)
    # Hits of another article would land nowhere (NaN) rather than fail: say so instead.
    stray = sorted(set(hits["block"]) - set(paragraphs["block"]))
    if stray:
        raise ToneAnalysisError(f"{what}: the hits name blocks {stray[:5]} that the paragraph table lacks "
                                f"(are they from another article?)")
    return hits


def _spread(xs: list[float], gap: float) -> list[float]:
    """Label x positions at least `gap` apart, in order, centred on the points they label."""
    out: list[float] = []
    for x in xs:
        out.append(max(x, out[-1] + gap) if out else x)
    if out:
        shift = (sum(out) - sum(xs)) / len(out)
        out = [x - shift for x in out]
    return out


def plot_tone_arc(paragraphs: pd.DataFrame | AnalysedArticle, hits: pd.DataFrame | None = None, *,
                  ax: Axes | None = None, columns: Sequence[str] = TONE_COLUMNS, smooth: int = 5,
                  label_hits: bool = True, **kwargs: Any) -> Axes:
    """The tone arc: each measure per block in reading order (x = `position`), a smoothed line, hits.

    `paragraphs` is `score_paragraphs`' table, `hits` `find_loaded_terms`' (None: no hits); given
    an analysed article, the function builds both (hits included). Paragraphs are dots joined by a
    rolling mean over `smooth` paragraphs (centred; 0 or 1 for no line). The headline (star) and
    captions (squares) are marked but left out of the line: they are written apart from the
    running text and placed by the page layout. Loaded-term hits are ticks along the foot of the
    chart where they fall (red negative, blue positive, grey mixed framing), labelled with the
    words as written. `kwargs` go to `ax.plot` of each measure's per-paragraph dots (overriding
    the defaults, e.g. `alpha`, `markersize`). Drawn through `plots.chart`, every dot tells its
    paragraph on hover (number, scores, the start of its text, its loaded terms), every hit label
    its term.

    >>> import toneanalysis as ta
    >>> ax = plot_tone_arc(ta.analyse("The tyrant smiled.\\n\\nThe leaders met."), alpha=0.3)
    >>> [line.get_alpha() for line in ax.get_lines() if line.get_label() == "tone per paragraph"]
    [0.3]
    """
    what = "plot_tone_arc"
    if isinstance(paragraphs, AnalysedArticle) and hits is None:
        hits = find_loaded_terms(paragraphs)
    columns = list(columns)
    paragraphs = table(paragraphs, [*PARAGRAPH_COLUMNS, *columns], what, PARAGRAPHS, build=score_paragraphs)
    hits = None if hits is None else _hits(hits, paragraphs, what)
    smooth = whole(smooth, "smooth", what, least=0)
    ax = axes(ax)
    _draw_measures(ax, paragraphs.sort_values("position"), columns, smooth, kwargs)
    _frame_arc(ax)
    if hits is not None and len(hits):
        _draw_hits(ax, paragraphs, hits, label=label_hits)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize="small", ncols=3, frameon=False)
    describe(ax, _arc_description(paragraphs, hits, columns))
    return ax


def _arc_description(paragraphs: pd.DataFrame, hits: pd.DataFrame | None, columns: list[str]) -> str:
    body = paragraphs[paragraphs["role"] == "paragraph"].sort_values("position").reset_index(drop=True)
    measures = ", ".join(LABELS.get(c, c) for c in columns)
    said = f"{len(body)} paragraphs in reading order, scored by {measures} from −1 to +1."
    if "tone" in body and body["tone"].notna().any():
        low, high = body["tone"].idxmin(), body["tone"].idxmax()
        said += (f" Tone runs from {body.at[low, 'tone']:+.2f} (paragraph {low + 1}) to "
                 f"{body.at[high, 'tone']:+.2f} (paragraph {high + 1}).")
    if hits is not None:
        said += f" {len(hits)} loaded terms are marked along the foot."
    return said + " Hover a dot for its paragraph."


def _draw_measures(ax, rows: pd.DataFrame, columns: list[str], smooth: int, kwargs: dict) -> None:
    import seaborn as sns

    body = rows[rows["role"] == "paragraph"]
    said = {role: [paragraph_tip(row, number, columns=columns)
                   for number, row in enumerate(rows[rows["role"] == role].itertuples(), start=1)]
            for role in ("paragraph", *ROLE_MARKERS)}
    for column, colour in zip(columns, sns.color_palette(n_colors=len(columns))):
        main = column == "tone"
        name = LABELS.get(column, column)
        dots = {"color": colour, "alpha": 0.55 if main else 0.35, "markersize": 5 if main else 4,
                "linestyle": "none", "label": f"{name} per paragraph"}
        tips(ax.plot(body["position"], body[column], "o", **{**dots, **kwargs})[0], said["paragraph"])
        if smooth > 1 and len(body) > 1:
            line = body[column].rolling(smooth, center=True, min_periods=1).mean()
            ax.plot(body["position"], line, "-", color=colour, linewidth=2.6 if main else 1.4,
                    alpha=1 if main else 0.8, label=f"{name}, rolling mean of {smooth}")
        for role, marker in ROLE_MARKERS.items():
            others = rows[rows["role"] == role]
            line, = ax.plot(others["position"], others[column], marker, color=colour,
                            markersize=11 if role == "headline" else 7,
                            markerfacecolor="none" if role == "caption" else colour, markeredgewidth=1.4,
                            linestyle="none")
            tips(line, said[role])
    for role, marker in ROLE_MARKERS.items():  # one legend entry per role, whatever the measure
        if (rows["role"] == role).any():
            ax.plot([], [], marker, color="0.35", markerfacecolor="none" if role == "caption" else "0.35",
                    markersize=9 if role == "headline" else 7, linestyle="none", label=role)


def _frame_arc(ax) -> None:
    ax.axhline(0, color="0.4", linewidth=0.8, zorder=0)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the piece (share of words)")
    ax.set_ylabel("score (−1 negative … +1 positive)")


def _draw_hits(ax, paragraphs: pd.DataFrame, hits: pd.DataFrame, *, label: bool) -> None:
    from matplotlib.transforms import blended_transform_factory

    xs = hit_positions(paragraphs, hits)
    strip = blended_transform_factory(ax.transData, ax.transAxes)  # x in data, y in axes fraction
    for framing, colour in FRAMING_COLOURS.items():
        where = (hits["framing"] == framing).to_numpy()
        if where.any():
            ticks, = ax.plot(xs[where], [0.015] * int(where.sum()), "|", color=colour, markersize=14,
                             markeredgewidth=2, transform=strip, label=f"loaded term ({framing})")
            tips(ticks, [hit_tip(hit) for _, hit in hits[where].iterrows()])
    if label:
        _label_hits(ax, hits, xs, strip)


def _label_hits(ax, hits: pd.DataFrame, xs: pd.Series, strip) -> None:
    colours = hits["framing"].map(FRAMING_COLOURS).fillna(MIXED)
    order = xs.sort_values()
    for (index, x), lx in zip(order.items(), _spread(order.tolist(), gap=0.018)):
        # A plain leader line, not an annotation's arrow: the arrow is clipped to the label's box by
        # Bézier splitting at every draw, a third of this chart's time, for a line that ends there anyway.
        ax.plot([x, lx], [0.04, 0.07], color=colours[index], linewidth=0.6, transform=strip)
        label = ax.text(lx, 0.07, plain(hits.at[index, "text"]), transform=strip, rotation=90, ha="center",
                        va="bottom", fontsize=8, color=colours[index], parse_math=False,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                              "alpha": 0.7})
        tip(label, hit_tip(hits.loc[index]))


def plot_loaded_categories(hits: pd.DataFrame | AnalysedArticle, *, ax: Axes | None = None,
                           weighted: bool = False, **kwargs: Any) -> Axes:
    """Loaded-term hits per lexicon category (or their summed weight), largest first, counts on the bars.

    `hits` is `find_loaded_terms`' table or an analysed article; `kwargs` go to `ax.barh`
    (`color` replaces the category colours).

    >>> import toneanalysis as ta
    >>> ax = plot_loaded_categories(ta.analyse("The tyrant met a tyrant."))
    >>> [(t.get_text(), float(bar.get_width())) for t, bar in zip(ax.get_yticklabels(), ax.patches)]
    [('name calling', 2.0)]
    """
    hits = table(hits, ["category", "weight"], "plot_loaded_categories", HITS, build=find_loaded_terms)
    ax = axes(ax)
    grouped = hits.groupby("category")
    totals = (grouped["weight"].sum() if weighted else grouped.size()).sort_values()
    labels = plain(c.replace("_", " ") for c in totals.index)
    colours = category_colours()
    bars = ax.barh(labels, totals.to_numpy(dtype=float),
                   **{"color": [colours.get(c, "0.5") for c in totals.index], **kwargs})
    terms = hits.groupby("category")["term"].agg(lambda t: ", ".join(t.value_counts().index[:8])) \
        if "term" in hits else {}
    for bar, category in zip(bars, totals.index):
        tip(bar, f"{category.replace('_', ' ')}: {grouped.size()[category]} hits, summed weight "
                 f"{grouped['weight'].sum()[category]:g}" + (f" · terms: {terms[category]}" if len(terms) else ""))
    for y, v in enumerate(totals.to_numpy()):
        ax.annotate(f"{v:g}", xy=(v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlabel("summed weight of hits" if weighted else "hits")
    ax.set_ylabel("category")
    ax.set_title(f"Loaded terms by category ({'weight' if weighted else 'count'})")
    describe(ax, f"{'Summed weight' if weighted else 'Number'} of loaded-term hits in each of {len(totals)} "
                 "lexicon categories, largest first" + (f": {totals.index[-1].replace('_', ' ')} "
                                                         f"{totals.iloc[-1]:g}." if len(totals) else "."))
    return ax


def plot_loaded_weights(hits: pd.DataFrame | AnalysedArticle, *, ax: Axes | None = None, top: int = 15,
                        **kwargs: Any) -> Axes:
    """The `top` lexicon terms by summed weight (weight × occurrences), coloured by category.

    `hits` is `find_loaded_terms`' table or an analysed article; `kwargs` go to `ax.barh`
    (`color` replaces the category colours).
    """
    what = "plot_loaded_weights"
    hits = table(hits, ["term", "category", "weight"], what, HITS, build=find_loaded_terms)
    top = whole(top, "top", what)
    ax = axes(ax)
    totals = (hits.groupby(["term", "category"], as_index=False)
              .agg(weight=("weight", "sum"), hits=("weight", "size"), each=("weight", "first"))
              .sort_values(["weight", "term"], ascending=[False, True]).head(top))
    colours = category_colours()
    bars = ax.barh(plain(totals["term"]), totals["weight"],
                   **{"color": [colours.get(c, "0.5") for c in totals["category"]], **kwargs})
    for bar, row in zip(bars, totals.itertuples()):
        tip(bar, term_tip(row, hits[hits["term"] == row.term]))
    ax.invert_yaxis()  # heaviest at the top
    for y, (w, n) in enumerate(zip(totals["weight"], totals["hits"])):
        ax.annotate(f"{w:g}" + (f" ({n}×)" if n > 1 else ""), xy=(w, y), xytext=(3, 0),
                    textcoords="offset points", va="center", fontsize=9)
    _category_legend(ax, sorted(totals["category"].unique()), colours)
    ax.set_xlabel("summed weight (weight × occurrences)")
    ax.set_ylabel("lexicon term")
    ax.set_title("Loaded terms by weight")
    describe(ax, f"The {len(totals)} heaviest lexicon terms by summed weight, heaviest at the top"
                 + (f": {totals['term'].iloc[0]} ({totals['weight'].iloc[0]:g})." if len(totals) else ".")
                 + " Hover a bar for its term.")
    return ax


def _category_legend(ax, categories: list[str], colours: dict) -> None:
    from matplotlib.patches import Patch

    if categories:
        ax.legend(handles=[Patch(color=colours.get(c, "0.5"), label=plain(c.replace("_", " "))) for c in categories],
                  loc="lower right", fontsize="small", title="category")


def style_paragraphs(paragraphs: pd.DataFrame | AnalysedArticle, *, columns: Sequence[str] | None = None,
                     precision: int = 2) -> Styler:
    """The paragraph table (or an analysed article's) as a pandas Styler: tone scores on a diverging
    scale centred on 0.

    Scores run from red (−1) through white (0) to blue (+1); subjectivity and loaded weight on
    sequential scales from 0. Headers are shortened for reading (`DISPLAY_NAMES`) and long text is
    cut; the values are those of the DataFrame. Cells are HTML-escaped (article text is untrusted).
    """
    columns = list(columns or STYLED_COLUMNS)
    paragraphs = table(paragraphs, columns, "style_paragraphs", PARAGRAPHS, build=score_paragraphs)
    shown = paragraphs[columns].copy()
    if "text" in shown:
        shown["text"] = shown["text"].where(shown["text"].str.len() <= 140, shown["text"].str[:137] + "…")
    diverging = [c for c in ("tone", "vader_compound", "textblob_polarity") if c in shown]
    # Every cell escaped (the text columns are the article's, untrusted), through the one helper.
    number = f"{{:.{precision}f}}"
    styler = styled(shown, {c: number for c in shown.columns if pd.api.types.is_float_dtype(shown[c])}).hide(
        axis="index")
    styler = styler.background_gradient(cmap=DIVERGING_CMAP, vmin=-1, vmax=1, subset=diverging)
    if "textblob_subjectivity" in shown:
        styler = styler.background_gradient(cmap="Purples", vmin=0, vmax=1, subset=["textblob_subjectivity"])
    if "loaded_weight" in shown:
        styler = styler.background_gradient(cmap="Reds", vmin=0, subset=["loaded_weight"])
    left = [c for c in ("text", "loaded_terms") if c in shown]
    styler = styler.set_properties(subset=left, **{"text-align": "left"})
    if "text" in shown:
        styler = styler.set_table_styles({"text": [{"selector": "td", "props": "min-width: 24em"}]}, overwrite=False)
    return styler.relabel_index([DISPLAY_NAMES.get(c, c) for c in columns], axis="columns")
