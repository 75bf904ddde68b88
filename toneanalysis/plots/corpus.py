"""Charts for a corpus: each group's difference from its reference with its interval, a measure by
period, and the distinctive-term scatter (group against reference, terms labelled, static).

Axes-level like the others: the table first (`compare_groups`, `by_period`, `group_terms`), `ax`
by keyword only, extra keywords to the matplotlib call that draws the data, the Axes returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..measure.measures import BY_NAME
from .common import MIXED, NEGATIVE, POSITIVE, axes, table, whole
from .hover import describe, tips

if TYPE_CHECKING:
    from matplotlib.axes import Axes

COMPARISON = "the comparison table from compare_groups()"
PERIODS = "the period table from by_period()"
TERMS = "the term table from group_terms()"


def _plain(text) -> str:
    """Text as matplotlib should show it: a "$" in an outlet's name or a term is not mathtext."""
    return str(text).replace("$", r"\$")


def _label(measure: str) -> str:
    """A measure as a reader reads it: its description (`measure.measures`), else its name in words."""
    return BY_NAME[measure].description if measure in BY_NAME else measure.replace("_", " ")


def measure_text(measure: str, value: float, *, signed: bool = True) -> str:
    """A value (or a difference, `signed`) of `measure` as the report writes it: a share in percent
    (a difference in points), a rate per 1,000 words to one decimal, a mean tone to three. A value
    that is not zero is never written as one ("-0 points" beside "excludes zero" would contradict
    it): it gets up to two more decimals.

    >>> [measure_text("own_voice_share", 0.25), measure_text("own_voice_share", 0.25, signed=False),
    ...  measure_text("tone", -0.0412), measure_text("loaded_weight_per_1000_words", 12.345)]
    ['+25 points', '25%', '-0.041', '+12.3']
    >>> measure_text("own_voice_share", -0.004), measure_text("tone", 0.0), measure_text("tone", 1e-9)
    ('-0.4 points', '+0.000', '+0.00000')
    """
    if value != value:  # NaN: nothing to compare (no loaded term on a side)
        return "–"
    share = measure.endswith("_share")
    number, decimals = (value * 100, 0) if share else (value, 1 if "per_1000" in measure else 3)
    sign = "+" if signed else ""
    text = format(number, f"{sign}.{decimals}f")
    for more in (1, 2):
        if number == 0 or any(c in "123456789" for c in text):
            break
        text = format(number, f"{sign}.{decimals + more}f")
    return f"{text} points" if share and signed else f"{text}%" if share else text


def plot_group_differences(comparison: pd.DataFrame, *, measure: str = "loaded_weight_per_1000_words",
                           ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Each comparison's difference (group - reference) in `measure` as a dot, its interval as a line.

    One row per comparison of `compare_groups`, top to bottom in the table's order; the line at 0
    is "no difference". `kwargs` go to `ax.scatter` of the dots.
    """
    comparison = table(comparison, ["measure", "group", "reference", "difference", "ci_low", "ci_high"],
                       "plot_group_differences", COMPARISON)
    rows = comparison[comparison["measure"] == measure].reset_index(drop=True)
    ax = axes(ax, (6.4, 0.6 + 0.5 * max(len(rows), 1)))
    positions = np.arange(len(rows), dtype=float)
    for y, (low, high) in zip(positions, zip(rows["ci_low"], rows["ci_high"])):
        ax.plot([low, high], [y, y], color=MIXED, linewidth=2, solid_capstyle="butt", zorder=2)
    colours = [NEGATIVE if d > 0 else POSITIVE for d in rows["difference"].fillna(0)]
    label = _label(measure)
    values = (rows[["value_group", "value_reference"]].to_numpy() if {"value_group", "value_reference"} <= set(rows)
              else np.full((len(rows), 2), np.nan))
    tips(ax.scatter(rows["difference"], positions, **{"color": colours, "s": 40, "zorder": 3, **kwargs}),
         [f"{r.group} against {r.reference}, {label}: {measure_text(measure, r.difference)} "
          f"(95% interval {measure_text(measure, r.ci_low)} to {measure_text(measure, r.ci_high)})"
          + (f"; {measure_text(measure, g, signed=False)} against {measure_text(measure, v, signed=False)}"
             if g == g and v == v else "")
          for r, (g, v) in zip(rows.itertuples(), values)])
    ax.axvline(0, color="black", linewidth=0.8)
    if not rows["difference"].notna().any():
        ax.text(0.5, 0.5, "nothing to compare:\na side has no value", transform=ax.transAxes, ha="center",
                va="center", fontsize="small", color=MIXED)
    ax.set_yticks(positions, [_plain(f"{g} vs {r}") for g, r in zip(rows["group"], rows["reference"])])
    ax.invert_yaxis()
    design = rows["design"].iloc[0] if "design" in rows and len(rows) else ""
    ax.set_xlabel(_plain(f"difference in {label}\n(95% interval; {design})"))
    describe(ax, f"The difference in {label} of {len(rows)} comparison(s) of a group with its "
                 "reference, each a dot with its 95% interval; 0 is no difference. Hover a dot for its figures.")
    return ax


def plot_by_period(summary: pd.DataFrame, *, measure: str = "loaded_weight_per_1000_words", ax: Axes | None = None,
                   **kwargs: Any) -> Axes:
    """`measure` per period, one line per group, its bootstrap interval shaded where there is one.

    `kwargs` go to `ax.plot` of each group's line.
    """
    summary = table(summary, ["group", "period", "measure", "value", "ci_low", "ci_high"], "plot_by_period", PERIODS)
    rows = summary[summary["measure"] == measure]
    periods = sorted(rows["period"].unique())
    x = {p: i for i, p in enumerate(periods)}
    ax = axes(ax, (7.5, 3.6))
    for group, part in rows.groupby("group", sort=True):
        part = part.sort_values("period")
        positions = [x[p] for p in part["period"]]
        line, = ax.plot(positions, part["value"], **{"marker": "o", "label": _plain(group), **kwargs})
        ax.fill_between(positions, part["ci_low"], part["ci_high"], color=line.get_color(), alpha=0.15, linewidth=0)
    ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right")
    ax.set_ylabel(_plain(_label(measure)))
    ax.legend(fontsize="small", frameon=False)
    describe(ax, f"{_label(measure).capitalize()} per period ({len(periods)} periods) for "
                 f"{rows['group'].nunique()} groups, with bootstrap intervals shaded.")
    return ax


def plot_term_scatter(terms: pd.DataFrame, *, top: int = 10, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Terms by their rate in the reference (x) and in the group (y), per 1,000 terms, on log scales;
    significant ones (|z| > 1.96) coloured by side (red: the group's, blue: the reference's), the
    `top` terms of each side by z labelled, significant or not.

    Terms off the diagonal are used more by one side; the further, the more. A term one side never
    uses sits on that side's floor (half the smallest rate shown). `kwargs` go to `ax.scatter`.
    """
    terms = table(terms, ["term", "z", "per_1000_group", "per_1000_reference"], "plot_term_scatter", TERMS)
    top = whole(top, "top", "plot_term_scatter")
    x, y = terms["per_1000_reference"].to_numpy(float), terms["per_1000_group"].to_numpy(float)
    positive = np.concatenate([x[x > 0], y[y > 0]])
    floor = positive.min() / 2 if len(positive) else 1.0
    x, y = np.where(x > 0, x, floor), np.where(y > 0, y, floor)
    z = terms["z"].to_numpy(float)
    group, reference = terms.attrs.get("group", "the group"), terms.attrs.get("reference", "the reference")
    counts_group = terms["count_group"] if "count_group" in terms else [float("nan")] * len(terms)
    counts_reference = terms["count_reference"] if "count_reference" in terms else [float("nan")] * len(terms)
    colours = np.where(z > 1.96, NEGATIVE, np.where(z < -1.96, POSITIVE, "#bdbdbd"))
    ax = axes(ax, (6.4, 6.4))
    tips(ax.scatter(x, y, **{"color": colours.tolist(), "s": 14, "alpha": 0.8, **kwargs}),
         [f"{t}: used {cg:g}× in {group} ({g:.2g} per 1,000 terms), {cr:g}× in {reference} ({r:.2g}) · z {zz:+.2f}"
          for t, zz, g, r, cg, cr in zip(terms["term"], terms["z"], terms["per_1000_group"],
                                         terms["per_1000_reference"], counts_group, counts_reference)])
    from matplotlib.ticker import FuncFormatter, NullFormatter

    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis.set_minor_formatter(NullFormatter())
    low, high = min(x.min(), y.min()) if len(x) else 0.5, max(x.max(), y.max()) if len(x) else 2
    ax.plot([low, high], [low, high], color="black", linewidth=0.8, linestyle="--", zorder=1)
    order = np.argsort(-z)
    labelled = [*order[:top], *order[::-1][:top]] if len(z) else []
    # The most distinctive of each side, significant or not (colour says). Terms of the same counts sit
    # on one point: one label lists them, rather than several printed over each other.
    at: dict[tuple, list[str]] = {}
    for i in dict.fromkeys(labelled):
        if z[i] != 0:
            at.setdefault((x[i], y[i]), []).append(str(terms["term"].iloc[i]))
    for (px, py), names in at.items():
        shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
        ax.annotate(_plain(shown), (px, py), fontsize=8, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel(_plain(f"{reference}: uses per 1,000 terms"))
    ax.set_ylabel(_plain(f"{group}: uses per 1,000 terms"))
    describe(ax, f"{len(terms)} terms by their rate in {reference} (x) and in {group} (y), log scales; "
                 f"{int((np.abs(z) > 1.96).sum())} differ significantly (coloured). Hover a point for its term.")
    return ax
