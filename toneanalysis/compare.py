"""Compare a piece with neutral (wire) reporting of the same event: how much more loaded, and is it noise?

`compare(article, baseline)` gives one row per measure: the article's value, the baseline's, their
difference with a seeded bootstrap 95% interval, Cliff's delta over paragraphs, and a permutation
p-value. Body paragraphs are the unit: a 20-paragraph piece gives wide intervals, and the table shows
them. Several baselines pool their paragraphs (`n_baseline_pieces`, and `attrs["baseline_sources"]`).

Caveat the table cannot show: paragraphs of one piece are not independent draws (one writer, one
story), so the intervals and p-values are a lower bound on the real uncertainty, not an upper one.
"""

from __future__ import annotations

import functools
import math
import numbers
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import lexicon as lexicon_module
from .article import Article, article_from_text, load_article
from .errors import ToneAnalysisError
from .scoring import score_paragraphs
from .text import nlp, normalise

# Neutral attribution, as wire style guides use it: "said" above all. Verbs that colour the source
# ("claimed", "insisted", "admitted", "slammed", "fumed") are deliberately absent; they are loaded
# terms. Every inflection counts (say/says/said/saying); `report` and `state` count only as
# "reported"/"stated", because "report(s)" and "state" are far more often nouns ("state media").
ATTRIBUTION_VERBS = ("say", "tell", "add", "ask", "announce", "confirm", "write", "report", "state")
ATTRIBUTION_PAST_ONLY = ("report", "state")
ATTRIBUTION_PHRASES = ("according to",)

# A paragraph is negative when its tone is below -0.05, VADER's conventional neutral band.
NEGATIVE_BELOW = -0.05

COLUMNS = [
    "measure", "description", "unit", "article", "baseline", "difference", "effect_size",
    "ci_low", "ci_high", "p_value", "n_article", "n_baseline", "n_baseline_pieces",
]

_FILE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".md", ".text")


def as_article(item, *, what: str = "article") -> Article:
    """An `Article` from an Article, a file path (str or Path), or a string of text.

    A string with no line break that names an existing file, or ends like a file name, is read as a
    path; anything else is article text.

    >>> as_article("Plain text, one paragraph.").blocks[0].role
    'paragraph'
    """
    if isinstance(item, Article):
        return item
    if isinstance(item, Path):
        return load_article(item)
    if isinstance(item, str):
        if not item.strip():
            raise ToneAnalysisError(f"{what}: the text is empty")
        if "\n" not in item and len(item) < 4096:
            candidate = Path(item.strip())
            if candidate.is_file() or candidate.is_dir():
                return load_article(candidate)
            if candidate.suffix.lower() in _FILE_SUFFIXES:
                raise ToneAnalysisError(f"{what}: {item}: no such file")
        return article_from_text(item)
    raise ToneAnalysisError(
        f"{what}: expected an Article, a file path or a str of text, got {type(item).__name__}"
    )


def as_articles(baseline, *, what: str = "baseline") -> list[Article]:
    """One or several baselines (Article, path or text, or a list/tuple of them) as a list of Articles."""
    items = list(baseline) if isinstance(baseline, (list, tuple)) else [baseline]
    if not items:
        raise ToneAnalysisError(f"{what}: the list is empty; give at least one article, path or text")
    return [as_article(item, what=f"{what} {i}" if len(items) > 1 else what) for i, item in enumerate(items)]


@functools.lru_cache(maxsize=1)
def _attribution_matcher():
    from lemminflect import getAllInflections
    from spacy.matcher import PhraseMatcher

    pipeline = nlp()
    forms: set[str] = set(ATTRIBUTION_PHRASES)
    for verb in ATTRIBUTION_VERBS:
        inflections = getAllInflections(verb, upos="VERB")
        if verb in ATTRIBUTION_PAST_ONLY:
            forms |= set(inflections.get("VBD", ())) | set(inflections.get("VBN", ()))
        else:
            forms |= {f for group in inflections.values() for f in group} | {verb}
    matcher = PhraseMatcher(pipeline.vocab, attr="LOWER")
    matcher.add("ATTRIBUTION", list(pipeline.tokenizer.pipe(sorted(forms))))
    return matcher


def count_attributions(text: str) -> int:
    """Neutral attribution verbs ("said", "told", "according to", ...) in `text`, whole words, any inflection.

    >>> count_attributions("Kirby said it, she told reporters, and according to KCNA, it was stated.")
    4
    """
    doc = nlp().tokenizer(normalise(text))
    return len(_attribution_matcher()(doc))


class _Side(NamedTuple):
    paragraphs: pd.DataFrame   # body paragraphs: the per-paragraph measures
    headlines: pd.DataFrame
    captions: pd.DataFrame
    sources: list[str]


def _side(articles: list[Article], lex) -> _Side:
    frames = []
    for piece, art in enumerate(articles):
        scored = score_paragraphs(art, lexicon=lex)
        scored.insert(0, "piece", piece)
        scored.insert(1, "source", art.source)
        frames.append(scored)
    scored = pd.concat(frames, ignore_index=True)
    scored["attributions"] = [count_attributions(t) for t in scored["text"]]
    # The outlet's own voice is its running text and its scare quotes (as in `voice_summary`): nobody
    # else is on record with those words. A ratio of sums over the paragraphs, like the other rates.
    scored["loaded_own_voice"] = scored["loaded_editorial"] + scored["loaded_scare_quote"]
    by_role = {role: scored[scored["role"] == role].reset_index(drop=True) for role in ("paragraph", "headline", "caption")}
    return _Side(by_role["paragraph"], by_role["headline"], by_role["caption"], [a.source for a in articles])


class _Measure(NamedTuple):
    name: str
    description: str
    kind: str                 # "mean" of a column, or "ratio" of two column sums
    column: str
    denominator: str | None = None
    scale: float = 1.0


def _measures() -> list[_Measure]:
    rows = [
        _Measure("tone", "mean paragraph tone (-1..1)", "mean", "tone"),
        _Measure("vader_compound", "mean paragraph VADER compound", "mean", "vader_compound"),
        _Measure("textblob_polarity", "mean paragraph TextBlob polarity", "mean", "textblob_polarity"),
        _Measure("negative_share", f"share of paragraphs with tone below {NEGATIVE_BELOW}", "mean", "negative"),
        _Measure("subjectivity", "mean paragraph TextBlob subjectivity (0..1)", "mean", "textblob_subjectivity"),
        _Measure("loaded_terms_per_1000_words", "loaded terms per 1,000 words", "ratio", "loaded_count", "n_words", 1000.0),
        _Measure("loaded_weight_per_1000_words", "loaded-term weight per 1,000 words", "ratio", "loaded_weight", "n_words", 1000.0),
        _Measure("attribution_per_1000_words", "neutral attribution verbs (said, told, according to...) per 1,000 words",
                 "ratio", "attributions", "n_words", 1000.0),
    ]
    # Undefined in a resample with no hits: with a handful of hits a side there is often no interval.
    rows.append(_Measure("own_voice_loaded_share", "share of loaded terms in the outlet's own voice (not quoted)",
                         "ratio", "loaded_own_voice", "loaded_count"))
    return rows


def _statistic(measure: _Measure, frame: pd.DataFrame, index: np.ndarray | None = None) -> np.ndarray | float:
    """The measure on `frame`, or on each row of resampled row numbers `index` (shape n_samples x n)."""
    values = frame[measure.column].to_numpy(dtype=float)
    if measure.kind == "mean":
        return float(np.mean(values)) if index is None else values[index].mean(axis=1)
    denominators = frame[measure.denominator].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if index is None:
            total = denominators.sum()
            return measure.scale * values.sum() / total if total else math.nan
        totals = denominators[index].sum(axis=1)
        return np.where(totals > 0, measure.scale * values[index].sum(axis=1) / totals, np.nan)


def _per_unit(measure: _Measure, frame: pd.DataFrame) -> np.ndarray:
    """Each paragraph's own value of the measure (for Cliff's delta); NaN where it has no denominator."""
    values = frame[measure.column].to_numpy(dtype=float)
    if measure.kind == "mean":
        return values
    denominators = frame[measure.denominator].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominators > 0, measure.scale * values / denominators, np.nan)


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


def _interval(measure, article, baseline, *, n_boot, rng, confidence) -> tuple[float, float]:
    """Percentile bootstrap interval of the difference: each side's paragraphs resampled on their own."""
    n_a, n_b = len(article), len(baseline)
    a = _statistic(measure, article, rng.integers(0, n_a, size=(n_boot, n_a)))
    b = _statistic(measure, baseline, rng.integers(0, n_b, size=(n_boot, n_b)))
    differences = a - b
    differences = differences[~np.isnan(differences)]
    # A ratio can be undefined in a resample (no words, no hits); too many of those and there is no interval.
    if len(differences) < 0.9 * n_boot:
        return math.nan, math.nan
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(differences, [tail, 100 - tail])
    return float(low), float(high)


def _permutation_p(measure, article, baseline, observed, *, n_perm, rng) -> float:
    """Two-sided permutation p-value: shuffle which side each paragraph belongs to, recompute the measure."""
    if math.isnan(observed):
        return math.nan
    pooled = pd.concat([article, baseline], ignore_index=True)
    n_a, n = len(article), len(pooled)
    order = np.argsort(rng.random((n_perm, n)), axis=1)
    differences = _statistic(measure, pooled, order[:, :n_a]) - _statistic(measure, pooled, order[:, n_a:])
    differences = differences[~np.isnan(differences)]
    if not len(differences):
        return math.nan
    # The 1e-12 keeps ties with the observed difference (floating-point noise) counted as extreme.
    extreme = np.sum(np.abs(differences) >= abs(observed) - 1e-12)
    return float((extreme + 1) / (len(differences) + 1))


def _piece_row(name, description, unit, article_values, baseline_values, n_pieces) -> dict:
    article_value = float(np.mean(article_values)) if len(article_values) else math.nan
    baseline_value = float(np.mean(baseline_values)) if len(baseline_values) else math.nan
    return {
        "measure": name, "description": description, "unit": unit,
        "article": article_value, "baseline": baseline_value, "difference": article_value - baseline_value,
        "effect_size": math.nan, "ci_low": math.nan, "ci_high": math.nan, "p_value": math.nan,
        "n_article": len(article_values), "n_baseline": len(baseline_values), "n_baseline_pieces": n_pieces,
    }


def compare(article, baseline, *, lexicon=None, n_boot: int = 2000, n_perm: int = 2000, seed: int = 0,
            confidence: float = 0.95) -> pd.DataFrame:
    """How much more loaded `article` is than `baseline` (one piece or several), measure by measure.

    `article` and each baseline may be an `Article`, a file path (text or HTML) or a string of text;
    `baseline` may be a list of them, whose body paragraphs are pooled.

    One row per measure, columns:

    - `measure`, `description`, `unit` (`paragraph`: computed over body paragraphs; `headline`/`caption`);
    - `article`, `baseline`, `difference` (article - baseline);
    - `effect_size`: Cliff's delta over paragraph values (-1..1; ±0.147/0.33/0.474 are the usual
      small/medium/large marks); for rates, each paragraph's own rate;
    - `ci_low`, `ci_high`: percentile bootstrap interval (`confidence`, default 95%) of the
      difference, resampling each side's paragraphs (`n_boot` resamples, seeded by `seed`); rates per
      1,000 words are recomputed as ratios of sums in each resample;
    - `p_value`: two-sided permutation test (`n_perm` shuffles of paragraphs between the sides);
    - `n_article`, `n_baseline` (units), `n_baseline_pieces`.

    Measures: `tone`, `vader_compound`, `textblob_polarity`, `negative_share`, `subjectivity`,
    `loaded_terms_per_1000_words`, `loaded_weight_per_1000_words`, `attribution_per_1000_words`,
    `own_voice_loaded_share` (its running text and scare quotes, not quoted sources), then
    `headline_tone` and `caption_tone`: one number per piece (a mean over a side's headlines or
    captions), so no interval, effect size or p-value. `attrs["baseline_sources"]` lists the baselines.

    >>> lex = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
    >>> piece = "Tyrants meet\\n\\nThe tyrant smiled.\\n\\nThe tyrant said nothing.\\n\\nThey met, he said."
    >>> wire = "Leaders meet\\n\\nThe leader smiled.\\n\\nThe leader said nothing.\\n\\nThey met, he said."
    >>> table = compare(piece, wire, lexicon=lex, n_boot=200, n_perm=200).set_index("measure")
    >>> table.loc["loaded_terms_per_1000_words", ["article", "baseline"]].round(1).tolist()
    [181.8, 0.0]
    """
    if not isinstance(n_boot, numbers.Integral) or isinstance(n_boot, bool) or n_boot < 100:
        raise ToneAnalysisError(f"compare: n_boot must be a whole number of at least 100, got {n_boot!r}")
    if not isinstance(n_perm, numbers.Integral) or isinstance(n_perm, bool) or n_perm < 100:
        raise ToneAnalysisError(f"compare: n_perm must be a whole number of at least 100, got {n_perm!r}")
    if not 0 < confidence < 1:
        raise ToneAnalysisError(f"compare: confidence must be between 0 and 1, got {confidence!r}")
    lex = lexicon_module.resolve(lexicon)
    article_side = _side([as_article(article)], lex)
    baseline_side = _side(as_articles(baseline), lex)
    for label, side in (("article", article_side), ("baseline", baseline_side)):
        if side.paragraphs.empty:
            raise ToneAnalysisError(f"compare: the {label} has no body paragraphs to compare ({side.sources})")
    for side in (article_side, baseline_side):
        side.paragraphs["negative"] = (side.paragraphs["tone"] < NEGATIVE_BELOW).astype(float)
    rng = np.random.default_rng(seed)
    n_boot, n_perm = int(n_boot), int(n_perm)
    n_pieces = len(baseline_side.sources)
    rows = []
    for measure in _measures():
        a, b = article_side.paragraphs, baseline_side.paragraphs
        article_value, baseline_value = _statistic(measure, a), _statistic(measure, b)
        difference = article_value - baseline_value
        low, high = _interval(measure, a, b, n_boot=n_boot, rng=rng, confidence=confidence)
        rows.append({
            "measure": measure.name, "description": measure.description, "unit": "paragraph",
            "article": article_value, "baseline": baseline_value, "difference": difference,
            "effect_size": cliffs_delta(_per_unit(measure, a), _per_unit(measure, b)),
            "ci_low": low, "ci_high": high,
            "p_value": _permutation_p(measure, a, b, difference, n_perm=n_perm, rng=rng),
            "n_article": len(a), "n_baseline": len(b), "n_baseline_pieces": n_pieces,
        })
    rows.append(_piece_row("headline_tone", "tone of the headline (mean over pieces)", "headline",
                           article_side.headlines["tone"].to_numpy(), baseline_side.headlines["tone"].to_numpy(), n_pieces))
    rows.append(_piece_row("caption_tone", "mean tone of the picture captions", "caption",
                           article_side.captions["tone"].to_numpy(), baseline_side.captions["tone"].to_numpy(), n_pieces))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table.attrs["baseline_sources"] = baseline_side.sources
    table.attrs["article_source"] = article_side.sources[0]
    table.attrs["effect_size"] = "Cliff's delta over paragraphs"
    table.attrs["interval"] = f"percentile bootstrap {confidence:.0%}, {n_boot} resamples, seed {seed}"
    return table


def arcs(article, baseline, *, lexicon=None) -> pd.DataFrame:
    """Tone and loaded weight along each piece, on a common 0-100% scale, for plotting arcs.

    One row per body paragraph: `side` (`article`/`baseline`), `source`, `block`, `position_pct`
    (`score_paragraphs`' `position` as a %: the paragraph's midpoint through the piece's scored words,
    headline and captions included, so pieces of any length line up), `tone`, `loaded_weight`,
    `loaded_per_1000_words`, `text`.

    >>> arcs("Headline\\n\\nB one.\\n\\nC two.", "Wire one.")[["side", "position_pct"]].values.tolist()
    [['article', 40.0], ['article', 80.0], ['baseline', 50.0]]
    """
    lex = lexicon_module.resolve(lexicon)
    frames = []
    for side, articles in (("article", [as_article(article)]), ("baseline", as_articles(baseline))):
        for art in articles:
            scored = score_paragraphs(art, lexicon=lex)
            body = scored[scored["role"] == "paragraph"].reset_index(drop=True)
            words = body["n_words"].to_numpy(dtype=float)
            with np.errstate(divide="ignore", invalid="ignore"):
                rate = np.where(words > 0, 1000 * body["loaded_weight"].to_numpy(dtype=float) / words, np.nan)
            frames.append(pd.DataFrame({
                "side": side, "source": art.source, "block": body["block"], "position_pct": 100 * body["position"],
                "tone": body["tone"], "loaded_weight": body["loaded_weight"], "loaded_per_1000_words": rate,
                "text": body["text"],
            }))
    return pd.concat(frames, ignore_index=True)
