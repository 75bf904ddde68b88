"""Compare a piece with neutral (wire) reporting of the same event: how much more loaded, and is it noise?

`compare(article, baselines)` gives one row per measure (`measures.MEASURES`, defined once there):
the article's value, the baselines', their difference with a seeded bootstrap 95% interval,
Cliff's delta over paragraphs, and a permutation p-value. Body paragraphs are the unit: a
20-paragraph piece gives wide intervals, and the table shows them. Several baselines pool their
paragraphs (`n_baseline_pieces`, and `attrs["baseline_sources"]`).

Caveat the table cannot show: paragraphs of one piece are not independent draws (one writer, one
story), so the intervals and p-values are a lower bound on the real uncertainty, not an upper one.
"""

from __future__ import annotations

import math
import numbers
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..analyse import AnalysedArticle, analyse, analyse_baselines, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..errors import ToneAnalysisError
from ..lexicon import LexiconLike
from .measures import MEASURES, Measure, body, ratio, role_tone, unit_values

COLUMNS = [
    "measure", "description", "unit", "article", "baseline", "difference", "effect_size",
    "ci_low", "ci_high", "p_value", "n_article", "n_baseline", "n_baseline_pieces",
]


class _Side(NamedTuple):
    paragraphs: pd.DataFrame   # body paragraphs of every piece on this side, pooled
    tables: list[pd.DataFrame]  # each piece's whole paragraph table
    sources: list[str]


def _side(analysed: list[AnalysedArticle]) -> _Side:
    tables = [score_paragraphs(a) for a in analysed]
    pooled = pd.concat([body(t) for t in tables], ignore_index=True)
    return _Side(pooled, tables, [a.source for a in analysed])


def cliffs_delta(a, b) -> float:
    """Cliff's delta: P(a > b) - P(a < b) over all pairs, in -1..1 (0: the two overlap completely).

    >>> cliffs_delta([3, 4, 5], [1, 2, 3])
    0.8888888888888888
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if not len(a) or not len(b):
        return math.nan
    diff = np.sign(a[:, None] - b[None, :])
    return float(diff.mean())


def resampled_ratio(measure: Measure, values: tuple[np.ndarray, np.ndarray], index: np.ndarray) -> np.ndarray:
    """The measure on each row of resampled row numbers `index` (shape n_samples x n), from the
    (numerator, denominator) of each unit: paragraphs here, articles or events in a corpus."""
    numerator, denominator = values
    totals = denominator[index].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(totals > 0, measure.scale * numerator[index].sum(axis=1) / totals, np.nan)


def _per_unit(values: tuple[np.ndarray, np.ndarray], measure: Measure) -> np.ndarray:
    """Each paragraph's own value of the measure (for Cliff's delta); NaN where it has no denominator."""
    numerator, denominator = values
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, measure.scale * numerator / denominator, np.nan)


def _interval(measure, a, b, *, n_boot, rng, confidence) -> tuple[float, float]:
    """Percentile bootstrap interval of the difference: each side's paragraphs resampled on their own."""
    n_a, n_b = len(a[0]), len(b[0])
    differences = (resampled_ratio(measure, a, rng.integers(0, n_a, size=(n_boot, n_a)))
                   - resampled_ratio(measure, b, rng.integers(0, n_b, size=(n_boot, n_b))))
    return percentile_interval(differences, n_boot=n_boot, confidence=confidence)


def percentile_interval(differences: np.ndarray, *, n_boot: int, confidence: float) -> tuple[float, float]:
    """Percentile interval of bootstrap `differences`; NaNs when over a tenth of the resamples are undefined."""
    differences = differences[~np.isnan(differences)]
    # A ratio can be undefined in a resample (no words, no hits); too many of those and there is no interval.
    if len(differences) < 0.9 * n_boot:
        return math.nan, math.nan
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(differences, [tail, 100 - tail])
    return float(low), float(high)


def excludes_zero(ci_low, ci_high):
    """Whether an interval lies wholly on one side of zero (numbers, or columns of them); no interval
    (NaN ends: too few defined resamples) excludes nothing.

    >>> nan = float("nan")
    >>> excludes_zero(0.2, 1.5), excludes_zero(-0.1, 0.3), excludes_zero(-0.4, -0.1), excludes_zero(nan, nan)
    (True, False, True, False)
    """
    return (ci_low > 0) | (ci_high < 0)


def _permutation_p(measure, a, b, observed, *, n_perm, rng) -> float:
    """Two-sided permutation p-value: shuffle which side each paragraph belongs to, recompute the measure."""
    if math.isnan(observed):
        return math.nan
    pooled = (np.concatenate([a[0], b[0]]), np.concatenate([a[1], b[1]]))
    n_a, n = len(a[0]), len(pooled[0])
    order = np.argsort(rng.random((n_perm, n)), axis=1)
    differences = resampled_ratio(measure, pooled, order[:, :n_a]) - resampled_ratio(measure, pooled, order[:, n_a:])
    return permutation_p_value(differences, observed)


def permutation_p_value(differences: np.ndarray, observed: float) -> float:
    """Two-sided p-value of `observed` among the permuted `differences` (NaNs left out), (extreme + 1) / (n + 1)."""
    differences = differences[~np.isnan(differences)]
    if not len(differences) or math.isnan(observed):
        return math.nan
    # The 1e-12 keeps ties with the observed difference (floating-point noise) counted as extreme.
    extreme = np.sum(np.abs(differences) >= abs(observed) - 1e-12)
    return float((extreme + 1) / (len(differences) + 1))


def _piece_row(name, description, unit, article_values, baseline_values, n_pieces) -> dict:
    article_values = [v for v in article_values if not math.isnan(v)]
    baseline_values = [v for v in baseline_values if not math.isnan(v)]
    article_value = float(np.mean(article_values)) if article_values else math.nan
    baseline_value = float(np.mean(baseline_values)) if baseline_values else math.nan
    return {
        "measure": name, "description": description, "unit": unit,
        "article": article_value, "baseline": baseline_value, "difference": article_value - baseline_value,
        "effect_size": math.nan, "ci_low": math.nan, "ci_high": math.nan, "p_value": math.nan,
        "n_article": len(article_values), "n_baseline": len(baseline_values), "n_baseline_pieces": n_pieces,
    }


def check_count(name: str, value, *, who: str = "compare") -> int:
    """`value` as an int when it is a whole number of at least 100 (resamples, shuffles), else an error."""
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 100:
        raise ToneAnalysisError(f"{who}: {name} must be a whole number of at least 100, got {value!r}")
    return int(value)


def compare(article: ArticleLike, baselines: ArticleLike | list | tuple, *, lexicon: LexiconLike = None,
            n_boot: int = 2000, n_perm: int = 2000, seed: int = 0,
            confidence: float = 0.95) -> pd.DataFrame:
    """How much more loaded `article` is than `baselines` (one piece or several), measure by measure.

    `article` and each baseline may be an analysed article, an `Article`, a file path (text or HTML)
    or a string of text; `baselines` may be a list of them, whose body paragraphs are pooled.

    One row per measure, columns:

    - `measure`, `description`, `unit` (`paragraph`: computed over body paragraphs; `headline`/`caption`);
    - `article`, `baseline`, `difference` (article - baseline): the values `piece_measures` gives
      (for several baselines, the measure of their pooled body);
    - `effect_size`: Cliff's delta over paragraph values (-1..1; ±0.147/0.33/0.474 are the usual
      small/medium/large marks); for rates, each paragraph's own rate;
    - `ci_low`, `ci_high`: percentile bootstrap interval (`confidence`, default 95%) of the
      difference, resampling each side's paragraphs (`n_boot` resamples, seeded by `seed`); every
      measure is recomputed as its ratio of sums in each resample;
    - `p_value`: two-sided permutation test (`n_perm` shuffles of paragraphs between the sides);
    - `n_article`, `n_baseline` (units), `n_baseline_pieces`.

    Measures: those of `measures.MEASURES`, then `headline_tone` and `caption_tone`: one number per
    piece (a mean over a side's pieces), so no interval, effect size or p-value.
    `attrs["baseline_sources"]` lists the baselines.

    >>> lex = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
    >>> piece = "Tyrants meet\\n\\nThe tyrant smiled.\\n\\nThe tyrant said nothing.\\n\\nThey met, he said."
    >>> wire = "Leaders meet\\n\\nThe leader smiled.\\n\\nThe leader said nothing.\\n\\nThey met, he said."
    >>> table = compare(piece, wire, lexicon=lex, n_boot=200, n_perm=200).set_index("measure")
    >>> table.loc["loaded_terms_per_1000_words", ["article", "baseline"]].round(1).tolist()
    [181.8, 0.0]
    """
    n_boot, n_perm = check_count("n_boot", n_boot), check_count("n_perm", n_perm)
    if not 0 < confidence < 1:
        raise ToneAnalysisError(f"compare: confidence must be between 0 and 1, got {confidence!r}")
    article_side = _side([analyse(article, lexicon=lexicon)])
    baseline_side = _side(analyse_baselines(baselines, lexicon=lexicon))
    for label, side in (("article", article_side), ("baseline", baseline_side)):
        if side.paragraphs.empty:
            raise ToneAnalysisError(f"compare: the {label} has no body paragraphs to compare ({side.sources})")
    rng = np.random.default_rng(seed)
    n_pieces = len(baseline_side.sources)
    a_rows, b_rows = article_side.paragraphs, baseline_side.paragraphs
    rows = []
    for measure in MEASURES:
        a, b = unit_values(measure, a_rows), unit_values(measure, b_rows)
        article_value, baseline_value = ratio(measure, *a), ratio(measure, *b)
        difference = article_value - baseline_value
        low, high = _interval(measure, a, b, n_boot=n_boot, rng=rng, confidence=confidence)
        rows.append({
            "measure": measure.name, "description": measure.description, "unit": "paragraph",
            "article": article_value, "baseline": baseline_value, "difference": difference,
            "effect_size": cliffs_delta(_per_unit(a, measure), _per_unit(b, measure)),
            "ci_low": low, "ci_high": high,
            "p_value": _permutation_p(measure, a, b, difference, n_perm=n_perm, rng=rng),
            "n_article": len(a_rows), "n_baseline": len(b_rows), "n_baseline_pieces": n_pieces,
        })
    for role, name, description in (("headline", "headline_tone", "tone of the headline (mean over pieces)"),
                                    ("caption", "caption_tone",
                                     "word-weighted tone of the captions (mean over pieces)")):
        rows.append(_piece_row(name, description, role, [role_tone(t, role) for t in article_side.tables],
                               [role_tone(t, role) for t in baseline_side.tables], n_pieces))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table.attrs["baseline_sources"] = baseline_side.sources
    table.attrs["article_source"] = article_side.sources[0]
    table.attrs["effect_size"] = "Cliff's delta over paragraphs"
    table.attrs["interval"] = f"percentile bootstrap {confidence:.0%}, {n_boot} resamples, seed {seed}"
    return table


def arcs(article: ArticleLike, baselines: ArticleLike | list | tuple, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """Tone and loaded weight along each piece, on a common 0-100% scale, for plotting arcs.

    One row per body paragraph: `side` (`article`/`baseline`), `source`, `block`, `position_pct`
    (`score_paragraphs`' `position` as a %: the paragraph's midpoint through the piece's scored words,
    headline and captions included, so pieces of any length line up), `tone`, `loaded_weight`,
    `loaded_per_1000_words`, `text`.

    >>> arcs("Headline\\n\\nB one.\\n\\nC two.", "Wire one.")[["side", "position_pct"]].values.tolist()
    [['article', 40.0], ['article', 80.0], ['baseline', 50.0]]
    """
    frames = []
    sides = (("article", [analyse(article, lexicon=lexicon)]),
             ("baseline", analyse_baselines(baselines, lexicon=lexicon)))
    for side, pieces in sides:
        for a in pieces:
            main = body(score_paragraphs(a))
            words = main["n_words"].to_numpy(dtype=float)
            with np.errstate(divide="ignore", invalid="ignore"):
                rate = np.where(words > 0, 1000 * main["loaded_weight"].to_numpy(dtype=float) / words, np.nan)
            frames.append(pd.DataFrame({
                "side": side, "source": a.source, "block": main["block"], "position_pct": 100 * main["position"],
                "tone": main["tone"], "loaded_weight": main["loaded_weight"], "loaded_per_1000_words": rate,
                "text": main["text"],
            }))
    return pd.concat(frames, ignore_index=True)
