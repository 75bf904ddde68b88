"""One definition per measure of a piece: its tone, rates per 1,000 words, voice shares, attribution.

Every number that describes a whole piece is computed here, and the notebooks, `compare`, the
rewrite summary, the command line and the report all read it here.

Scope: a piece's measures are over its **body** (blocks with the role `paragraph`). The headline and
the captions have measures of their own (`headline_tone`, `caption_tone`): wire copy has no
captions to compare with, and a headline's words are always the outlet's.

Each body measure is a ratio of two sums over the body paragraphs, `scale * sum(numerator) /
sum(denominator)`, so a mean over paragraphs of different length is weighted by words (a two-word
line weighs what two words weigh), and `compare` resamples paragraphs and recomputes the same ratio.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..analyse import analyse, find_loaded_terms, find_quotes, reporting_verbs, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..analyse.tone import NEUTRAL_BAND
from ..errors import ToneAnalysisError
from ..lexicon import LexiconLike

BODY = "paragraph"


class Measure(NamedTuple):
    name: str
    description: str
    numerator: str                 # a column of the paragraph table, or one derived in `unit_values`
    denominator: str = "n_words"
    scale: float = 1.0


MEASURES = (
    Measure("tone", "word-weighted mean tone of the body (-1..1)", "tone"),
    Measure("vader_compound", "word-weighted mean VADER compound of the body", "vader_compound"),
    Measure("textblob_polarity", "word-weighted mean TextBlob polarity of the body", "textblob_polarity"),
    Measure("subjectivity", "word-weighted mean TextBlob subjectivity of the body (0..1)", "textblob_subjectivity"),
    Measure("loaded_p", "word-weighted mean loaded-language probability of the body's sentences (0..1)", "loaded_p"),
    Measure("negative_share", f"share of the body's words in paragraphs with tone below -{NEUTRAL_BAND:g} "
            "(tone's neutral band)", "negative"),
    Measure("loaded_terms_per_1000_words", "loaded terms per 1,000 words", "loaded_count", scale=1000.0),
    Measure("loaded_weight_per_1000_words", "loaded-term weight per 1,000 words", "loaded_weight", scale=1000.0),
    Measure("attribution_per_1000_words", "neutral attribution verbs (said, told, according to...) per 1,000 words",
            "attributions", scale=1000.0),
    Measure("own_voice_share", "share of loaded terms in the outlet's own voice (its text and scare quotes)",
            "loaded_own_voice", "loaded_count"),
    Measure("quoted_share", "share of loaded terms inside attributed quotes", "loaded_quoted", "loaded_count"),
)
BY_NAME = {m.name: m for m in MEASURES}
# Word-weighted means: a paragraph's value times its words. The rest are counts already.
_WEIGHTED = {"tone", "vader_compound", "textblob_polarity", "textblob_subjectivity", "loaded_p", "negative"}


def body(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The body rows of a paragraph table (`score_paragraphs`)."""
    return paragraphs[paragraphs["role"] == BODY].reset_index(drop=True)


def unit_values(measure: Measure, paragraphs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(numerator, denominator) of `measure` for each row of a paragraph table, as floats.

    A word-weighted column is multiplied by the row's words; a paragraph with no words (so no
    score) adds nothing to either sum.
    """
    words = paragraphs["n_words"].to_numpy(dtype=float)
    column = measure.numerator
    if column == "negative":
        values = (paragraphs["tone"].to_numpy(dtype=float) < -NEUTRAL_BAND).astype(float)
    elif column == "loaded_own_voice":
        values = (paragraphs["loaded_editorial"] + paragraphs["loaded_scare_quote"]).to_numpy(dtype=float)
    else:
        values = paragraphs[column].to_numpy(dtype=float)
    if column in _WEIGHTED:
        values = np.where(words > 0, np.nan_to_num(values) * words, 0.0)
    denominator = words if measure.denominator == "n_words" else paragraphs[measure.denominator].to_numpy(dtype=float)
    return values, denominator


def ratio(measure: Measure, numerator, denominator) -> float:
    """`measure.scale * sum(numerator) / sum(denominator)`; NaN when there is nothing to divide by."""
    total = float(np.sum(denominator))
    return measure.scale * float(np.sum(numerator)) / total if total else math.nan


def measure_value(name: str, paragraphs: pd.DataFrame) -> float:
    """One body measure of a paragraph table (the rows of other roles are left out)."""
    if name not in BY_NAME:
        raise ToneAnalysisError(f"unknown measure {name!r}: choose from {', '.join(BY_NAME)}")
    measure = BY_NAME[name]
    return ratio(measure, *unit_values(measure, body(paragraphs)))


def role_tone(paragraphs: pd.DataFrame, role: str) -> float:
    """Word-weighted mean tone of the blocks with `role` (the headline, the captions); NaN if none."""
    roles = paragraphs["role"].to_numpy(dtype=object)
    return _rows_ratio(BY_NAME["tone"], unit_values(BY_NAME["tone"], paragraphs), roles == role)


def _rows_ratio(measure: Measure, units: tuple[np.ndarray, np.ndarray], chosen: np.ndarray) -> float:
    """`ratio` of `measure` over the rows `chosen` (a boolean mask) of its `unit_values`."""
    numerator, denominator = units
    return ratio(measure, numerator[chosen], denominator[chosen])


def piece_measures(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.Series:
    """Every measure of one piece (see the module docstring), by name: the body measures of
    `MEASURES`, then `headline_tone`, `caption_tone`, and the sizes `n_paragraphs` and `n_words` (body).

    >>> m = piece_measures("Tyrants meet\\n\\nThe tyrant smiled, he said.\\n\\nThe two leaders met.")
    >>> float(round(m["loaded_terms_per_1000_words"], 1)), int(m["n_words"])
    (111.1, 9)
    """
    analysed = analyse(article, lexicon=lexicon)
    return pd.Series(table_measures(score_paragraphs(analysed)), name=analysed.source, dtype=float)


def table_measures(paragraphs: pd.DataFrame) -> dict:
    """`piece_measures` of one piece's paragraph table, as a dict (what the corpus's article table holds)."""
    return pieces_measures(paragraphs, [len(paragraphs)])[0]


def pieces_measures(paragraphs: pd.DataFrame, sizes) -> list[dict]:
    """`table_measures` of several pieces at once: `paragraphs` holds their paragraph tables one after
    another, `sizes` the number of rows of each. Each value is the one `table_measures` gives the
    piece's own table (the same rows summed in the same order); a corpus computes its article table
    this way, without a DataFrame per article."""
    roles = paragraphs["role"].to_numpy(dtype=object)
    words = paragraphs["n_words"].to_numpy()
    units = {m: unit_values(m, paragraphs) for m in MEASURES}
    tone = BY_NAME["tone"]
    out, start = [], 0
    for size in sizes:
        rows = slice(start, start + size)
        start += size
        piece = {m: (numerator[rows], denominator[rows]) for m, (numerator, denominator) in units.items()}
        role = roles[rows]
        main = role == BODY
        values = {m.name: _rows_ratio(m, piece[m], main) for m in MEASURES}
        values["headline_tone"] = _rows_ratio(tone, piece[tone], role == "headline")
        values["caption_tone"] = _rows_ratio(tone, piece[tone], role == "caption")
        values["n_paragraphs"] = int(main.sum())
        values["n_words"] = int(words[rows][main].sum())
        out.append(values)
    return out


# The denominators of MEASURES, as columns of an article table (body sums), so that several pieces'
# measures pool as their ratios of sums without their paragraph tables.
DENOMINATORS = ("n_words", "loaded_count")


def article_sums(measure: Measure, articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(numerator, denominator) of `measure` for each row of an article table (one row per piece).

    The denominator is the piece's body sum (`n_words` or `loaded_count` column), the numerator the
    measure times it over its scale, so `ratio` over several pieces is the measure of their pooled
    body paragraphs: the same number as `measure_value` on their paragraph tables together, which
    is what resampling articles with their paragraphs (a clustered bootstrap) recomputes.
    """
    denominator = articles[measure.denominator].to_numpy(dtype=float)
    values = articles[measure.name].to_numpy(dtype=float)
    numerator = np.where(denominator > 0, np.nan_to_num(values) * denominator / measure.scale, 0.0)
    return numerator, denominator


class VoiceSummary(NamedTuple):
    """Whose words the loaded language of the body is, and how speech is attributed.

    Counts are over the body; `own_voice_share` and `quoted_share` are `piece_measures`' (the
    outlet's own voice is its running text plus scare quotes: it chose to print the words, and no
    one else is on record saying them); `own_voice_weight_share` is the same by lexicon weight;
    `colouring_share` is colouring verbs over all attribution verbs. Shares are NaN when there is
    nothing to divide.
    """

    n_loaded: int
    loaded_editorial: int
    loaded_quoted: int
    loaded_scare_quote: int
    own_voice_share: float
    own_voice_weight_share: float
    quoted_share: float
    quotes_direct: int
    quotes_scare: int
    verbs_neutral: int
    verbs_colouring: int
    colouring_share: float

    @property
    def loaded_own_voice(self) -> int:
        """Loaded terms in the outlet's own voice: its running text and its scare quotes."""
        return self.loaded_editorial + self.loaded_scare_quote

    def to_series(self) -> pd.Series:
        return pd.Series(self._asdict(), dtype=object)


def _share(part: float, whole: float) -> float:
    return float(part / whole) if whole else math.nan


def voice_summary(article: ArticleLike, *, lexicon: LexiconLike = None) -> VoiceSummary:
    """Loaded terms by voice, quotes by kind, attribution verbs by kind, in the body of one article.

    >>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative",
    ...                       "neutral": "leader"}}
    >>> s = voice_summary('The tyrant arrived. "He is a tyrant," Kuleba claimed.', lexicon=lexicon)
    >>> (s.loaded_editorial, s.loaded_quoted, s.own_voice_share, s.verbs_colouring)
    (1, 1, 0.5, 1)
    """
    a = analyse(article, lexicon=lexicon)
    paragraphs = score_paragraphs(a)
    hits = find_loaded_terms(a)
    hits = hits[hits["role"] == BODY]
    quotes = find_quotes(a)
    quotes = quotes[quotes["role"] == BODY]
    verbs = reporting_verbs(a)
    verbs = verbs[verbs["role"] == BODY]
    counts = hits["voice"].value_counts()
    own = hits["voice"].isin(["editorial", "scare_quote"])
    n_neutral = int((verbs["kind"] == "neutral").sum())
    n_colouring = int((verbs["kind"] == "colouring").sum())
    return VoiceSummary(
        n_loaded=len(hits),
        loaded_editorial=int(counts.get("editorial", 0)),
        loaded_quoted=int(counts.get("quoted", 0)),
        loaded_scare_quote=int(counts.get("scare_quote", 0)),
        own_voice_share=measure_value("own_voice_share", paragraphs),
        own_voice_weight_share=_share(hits.loc[own, "weight"].sum(), hits["weight"].sum()),
        quoted_share=measure_value("quoted_share", paragraphs),
        quotes_direct=int((quotes["kind"] == "direct").sum()),
        quotes_scare=int((quotes["kind"] == "scare").sum()),
        verbs_neutral=n_neutral,
        verbs_colouring=n_colouring,
        colouring_share=_share(n_colouring, n_neutral + n_colouring),
    )
