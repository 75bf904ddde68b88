"""Compare groups of articles (outlets) in a scored corpus, with the article (and the event) as the unit.

Paragraphs of one piece are not independent draws; articles are closer to it. Every measure of a
group is its ratio of sums over the group's articles (`measures.article_sums`): the measure of the
group's pooled body paragraphs, as `compare` pools several baselines. Intervals are percentile
bootstraps that resample **articles** with all their paragraphs (a clustered bootstrap), and the
permutation test shuffles group labels between **articles**.

With an event column, the design is **paired**: only events both groups covered count, each
event's articles of a group are pooled, and the bootstrap resamples **events** (both groups' pieces
of an event together), the permutation test swaps the two groups' labels within each event. An
outlet that covers more violent events is then not called more negative for it. `p_holm` corrects
the p-values for every comparison of the table (Holm 1979).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import ToneAnalysisError
from ..measure.comparison import check_count, cliffs_delta, percentile_interval, permutation_p_value, resampled_ratio
from ..measure.measures import BY_NAME, MEASURES, Measure, article_sums, ratio
from .scoring import Corpus

CorpusLike = Corpus | pd.DataFrame

COLUMNS = ["measure", "group", "reference", "design", "value_group", "value_reference", "difference",
           "effect_size", "ci_low", "ci_high", "p_value", "p_holm", "n_group", "n_reference", "n_events"]
SUMMARY_COLUMNS = ["group", "period", "measure", "value", "ci_low", "ci_high", "n_articles"]
CHUNK = 250  # resamples drawn at once: memory stays at CHUNK x articles, however many resamples


def article_table(corpus: CorpusLike) -> pd.DataFrame:
    """The article table of a `Corpus` (its `articles`), or the table itself."""
    table = getattr(corpus, "articles", corpus)
    if not isinstance(table, pd.DataFrame) or "n_words" not in table:
        raise ToneAnalysisError("expected a scored corpus (score_corpus) or its article table (one row per "
                                f"article with the measures and n_words), got {type(corpus).__name__}")
    return table


def holm(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (NaNs stay NaN and do not count as tests).

    >>> holm([0.01, 0.04, 0.03, float("nan")]).round(2).tolist()
    [0.03, 0.06, 0.06, nan]
    """
    p = np.asarray(p_values, dtype=float)
    adjusted = np.full_like(p, np.nan)
    valid = np.flatnonzero(~np.isnan(p))
    order = valid[np.argsort(p[valid], kind="stable")]
    m, running = len(order), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def _measures(names) -> list[Measure]:
    if names is None:
        return list(MEASURES)
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        raise ToneAnalysisError(f"unknown measure {unknown[0]!r}: choose from {', '.join(BY_NAME)}")
    return [BY_NAME[n] for n in names]


def _bootstrap(measure, a, b, *, n_boot, rng, paired: bool) -> np.ndarray:
    """Bootstrap differences group - reference; paired: one draw of units (events) for both sides."""
    n_a, n_b = len(a[0]), len(b[0])
    out = []
    for start in range(0, n_boot, CHUNK):
        size = min(CHUNK, n_boot - start)
        index_a = rng.integers(0, n_a, size=(size, n_a))
        index_b = index_a if paired else rng.integers(0, n_b, size=(size, n_b))
        out.append(resampled_ratio(measure, a, index_a) - resampled_ratio(measure, b, index_b))
    return np.concatenate(out)


def _permuted(measure, a, b, *, n_perm, rng, paired: bool) -> np.ndarray:
    """Differences under the null: labels shuffled over units, or swapped within each event (paired)."""
    out = []
    for start in range(0, n_perm, CHUNK):
        size = min(CHUNK, n_perm - start)
        if paired:
            swap = rng.random((size, len(a[0]))) < 0.5
            sums = [np.where(swap, y, x) for x, y in zip(a + b, b + a)]  # numerators and denominators
            with np.errstate(divide="ignore", invalid="ignore"):
                g = measure.scale * sums[0].sum(axis=1) / sums[1].sum(axis=1)
                r = measure.scale * sums[2].sum(axis=1) / sums[3].sum(axis=1)
            out.append(g - r)
        else:
            pooled = (np.concatenate([a[0], b[0]]), np.concatenate([a[1], b[1]]))
            order = np.argsort(rng.random((size, len(pooled[0]))), axis=1)
            out.append(resampled_ratio(measure, pooled, order[:, :len(a[0])])
                       - resampled_ratio(measure, pooled, order[:, len(a[0]):]))
    return np.concatenate(out)


def _per_unit(sums) -> np.ndarray:
    numerator, denominator = sums
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def _event_sums(measure, rows: pd.DataFrame, event: str, events) -> tuple[np.ndarray, np.ndarray]:
    """Each event's pooled (numerator, denominator) of a group's articles, in the order of `events`."""
    numerator, denominator = article_sums(measure, rows)
    sums = pd.DataFrame({"e": rows[event].to_numpy(), "n": numerator, "d": denominator}).groupby("e").sum()
    sums = sums.reindex(events)
    return sums["n"].to_numpy(dtype=float), sums["d"].to_numpy(dtype=float)


def _pairs(groups: list, reference) -> list[tuple]:
    if reference is None:
        return list(itertools.combinations(groups, 2))
    if reference not in groups:
        raise ToneAnalysisError(f"reference {reference!r} is not a group; the groups are {groups}")
    return [(g, reference) for g in groups if g != reference]


def compare_groups(corpus: CorpusLike, by: str = "outlet", *, reference: object = None,
                   measures: Sequence[str] | None = None, event: str | None = "auto",
                   n_boot: int = 2000, n_perm: int = 2000, seed: int = 0, confidence: float = 0.95) -> pd.DataFrame:
    """Each group of `by` against `reference` (a group's name), or every pair of groups when it is None.

    `corpus` is a `Corpus` or its article table. `event="auto"` pairs by an `event` column when there
    is one; name another column, or None for independent groups. One row per (measure, comparison):
    `value_group`, `value_reference` (pooled over the articles compared, or over the shared events
    when paired), `difference` (group - reference), `effect_size` (Cliff's delta over article values;
    paired: the share of events where the group is higher minus the share where it is lower),
    `ci_low`/`ci_high` (percentile bootstrap of articles, or of events when paired), `p_value`
    (permutation, two-sided), `p_holm` (Holm-adjusted over every row), `n_group`, `n_reference`
    (articles), `n_events` (shared events, paired only). Articles with no `by` value are left out
    and counted in `attrs["ungrouped"]`.
    """
    n_boot, n_perm = check_count("n_boot", n_boot, who="compare_groups"), check_count("n_perm", n_perm,
                                                                                     who="compare_groups")
    table = article_table(corpus)
    if by not in table:
        raise ToneAnalysisError(f"compare_groups: no column {by!r} to group by (columns: {list(table.columns)})")
    if event == "auto":
        event = "event" if "event" in table and by != "event" else None
    if event is not None and event not in table:
        raise ToneAnalysisError(f"compare_groups: no event column {event!r} (columns: {list(table.columns)})")
    grouped = table[table[by].notna()].sort_values(["article"], kind="stable")
    groups = sorted(grouped[by].unique().tolist(), key=str)
    if len(groups) < 2:
        raise ToneAnalysisError(f"compare_groups: {by!r} has {len(groups)} group(s) ({groups}); need two to compare")
    rng = np.random.default_rng(seed)
    rows = []
    for group, ref in _pairs(groups, reference):
        g_rows, r_rows = grouped[grouped[by] == group], grouped[grouped[by] == ref]
        if event is not None:
            shared = sorted(set(g_rows[event].dropna()) & set(r_rows[event].dropna()), key=str)
            g_rows, r_rows = g_rows[g_rows[event].isin(shared)], r_rows[r_rows[event].isin(shared)]
        for measure in _measures(measures):
            if event is not None:
                a, b = _event_sums(measure, g_rows, event, shared), _event_sums(measure, r_rows, event, shared)
                signs = np.sign(_per_unit(a) - _per_unit(b))
                effect = float(np.mean(signs[~np.isnan(signs)])) if (~np.isnan(signs)).any() else math.nan
            else:
                a, b = article_sums(measure, g_rows), article_sums(measure, r_rows)
                effect = cliffs_delta(_per_unit(a), _per_unit(b))
            value_g, value_r = ratio(measure, *a), ratio(measure, *b)
            difference = value_g - value_r
            paired = event is not None
            if len(a[0]) and len(b[0]):
                low, high = percentile_interval(_bootstrap(measure, a, b, n_boot=n_boot, rng=rng, paired=paired),
                                                n_boot=n_boot, confidence=confidence)
                p = permutation_p_value(_permuted(measure, a, b, n_perm=n_perm, rng=rng, paired=paired), difference)
            else:
                low = high = p = math.nan
            rows.append({"measure": measure.name, "group": group, "reference": ref,
                         "design": f"paired by {event}" if paired else "articles",
                         "value_group": value_g, "value_reference": value_r, "difference": difference,
                         "effect_size": effect, "ci_low": low, "ci_high": high, "p_value": p,
                         "n_group": len(g_rows), "n_reference": len(r_rows),
                         "n_events": len(shared) if paired else math.nan})
    result = pd.DataFrame(rows, columns=COLUMNS)
    result["p_holm"] = holm(result["p_value"])
    result.attrs.update(by=by, reference=reference, event=event, ungrouped=int(table[by].isna().sum()),
                        interval=f"percentile bootstrap {confidence:.0%} over {'events' if event else 'articles'}, "
                                 f"{n_boot} resamples, seed {seed}")
    return result


def group_summary(corpus: CorpusLike, by: str = "outlet", *, period: str | None = None, date_column: str = "date",
                  measures: Sequence[str] | None = None, n_boot: int = 2000, seed: int = 0,
                  confidence: float = 0.95) -> pd.DataFrame:
    """Each measure per group (and per `period` of `date_column`: "M" months, "Q", "Y", "W"...), pooled
    over its articles, with a bootstrap interval over articles. Columns: `group`, `period` (empty
    without one), `measure`, `value`, `ci_low`, `ci_high`, `n_articles`. Undated articles are left out
    of a period table and counted in `attrs["undated"]`."""
    n_boot = check_count("n_boot", n_boot, who="group_summary")
    table = article_table(corpus)
    for column in [by] + ([date_column] if period else []):
        if column not in table:
            raise ToneAnalysisError(f"group_summary: no column {column!r} (columns: {list(table.columns)})")
    table = table[table[by].notna()].sort_values("article", kind="stable")
    undated = 0
    if period:
        dates = pd.to_datetime(table[date_column], errors="coerce")
        undated = int(dates.isna().sum())
        table = table[dates.notna()].assign(_period=dates[dates.notna()].dt.to_period(period).astype(str))
    else:
        table = table.assign(_period="")
    rng = np.random.default_rng(seed)
    rows = []
    for (group, when), part in table.groupby([by, "_period"], sort=True):
        for measure in _measures(measures):
            sums = article_sums(measure, part)
            n = len(part)
            draws = np.concatenate([resampled_ratio(measure, sums, rng.integers(0, n, size=(min(CHUNK, n_boot - s), n)))
                                    for s in range(0, n_boot, CHUNK)])
            low, high = percentile_interval(draws, n_boot=n_boot, confidence=confidence) if n > 1 else (math.nan,) * 2
            rows.append({"group": group, "period": when, "measure": measure.name, "value": ratio(measure, *sums),
                         "ci_low": low, "ci_high": high, "n_articles": n})
    result = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    result.attrs.update(by=by, period=period, undated=undated)
    return result


def by_period(corpus: CorpusLike, by: str = "outlet", *, period: str = "M", **options) -> pd.DataFrame:
    """`group_summary` by `period` (default months): each measure per group and period, with intervals."""
    return group_summary(corpus, by, period=period, **options)
