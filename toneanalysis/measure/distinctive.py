"""Words and phrases that most separate a piece from its baseline: "Fightin' Words" log-odds.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5: the log-odds
ratio of each term with an informative Dirichlet prior, divided by its standard error. The prior
shrinks rare terms towards the pooled rate, so a word used twice by one side and never by the other
does not outrank a word used ten times against two; the z-score says how sure the difference is.

The prior defaults to the pooled counts of both sides (the standard choice when no background corpus
is at hand); pass your own background counts as a mapping to use a reference corpus instead.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..analyse import analyse, analyse_baselines
from ..analyse.analysed import ArticleLike
from ..errors import ToneAnalysisError
from ..load import Article
from ..text import stop_words as english_stop_words
from ..text import word_runs

COLUMNS = ["term", "ngram", "count_article", "count_baseline", "log_odds", "z"]
ROLES = ("headline", "paragraph", "caption")


def term_counts(articles: list[Article], *, roles=ROLES, stop_words: bool = False) -> Counter:
    """Unigram and bigram counts over the scored blocks of `articles`.

    Stop words ("the", "of") are left out, and so are bigrams with a stop word in them ("the pair"),
    unless `stop_words=True`; a bigram never spans punctuation or a clitic ("Putin's visit").

    >>> from toneanalysis.load import article_from_text
    >>> sorted(term_counts([article_from_text("The pair of tyrants met. Tyrants, again.")]).items())
    [('met', 1), ('pair', 1), ('tyrants', 2), ('tyrants met', 1)]
    """
    return text_counts((block.text for art in articles for block in art.blocks if block.role in roles),
                       stop_words=stop_words)


def text_counts(texts, *, stop_words: bool = False) -> Counter:
    """Unigram and bigram counts over texts (blocks, paragraph-table rows), as `term_counts` counts them."""
    stops = english_stop_words()
    counts: Counter = Counter()
    for text in texts:
        for run in word_runs(text):
            counts.update(w for w in run if stop_words or w not in stops)
            counts.update(
                f"{a} {b}" for a, b in itertools.pairwise(run) if stop_words or not (a in stops or b in stops)
            )
    return counts


def distinctive_terms(article: ArticleLike, baselines: ArticleLike | list | tuple, *, min_count: int = 2,
                      prior: float | Mapping = 500.0,
                      roles: tuple[str, ...] = ROLES, stop_words: bool = False) -> pd.DataFrame:
    """Terms (unigrams and bigrams) that separate `article` from `baseline`, by log-odds with an informative prior.

    `article` and `baselines` are analysed articles, Articles, file paths or strings; `baselines` may
    be a list (pooled).
    Terms are spaCy tokens of the normalised, lower-cased text of the scored blocks (`roles`).
    Terms used fewer than `min_count` times over both sides are left out of the table (not of the
    totals). `prior` is the prior's total pseudo-count (alpha_0), spread over the terms by their
    pooled rate over both sides (larger: more shrinkage towards the pooled rate), or a mapping of
    term -> background count (a reference corpus; a term it lacks gets a pseudo-count of 0.01).

    Columns: `term`, `ngram` (1 or 2), `count_article`, `count_baseline`, `log_odds` (article vs
    baseline, natural log; > 0 leans to the article), `z` (log-odds over its standard error; |z| > 1.96
    is the usual mark). Sorted by `z`, article-side terms first.

    >>> piece = "Tyrants meet\\n\\nThe tyrants met. The tyrants smiled. The tyrants talked."
    >>> wire = "Leaders meet\\n\\nThe leaders met. The leaders smiled. The leaders talked."
    >>> distinctive_terms(piece, wire)["term"].iloc[0]
    'tyrants'
    """
    if not isinstance(min_count, int) or isinstance(min_count, bool) or min_count < 1:
        raise ToneAnalysisError(f"distinctive_terms: min_count must be a whole number of at least 1, got {min_count!r}")
    a_counts = term_counts([analyse(article).article], roles=roles, stop_words=stop_words)
    b_counts = term_counts([a.article for a in analyse_baselines(baselines)], roles=roles, stop_words=stop_words)
    return log_odds_table(a_counts, b_counts, min_count=min_count, prior=prior, roles=roles)


def log_odds_table(a_counts: Mapping, b_counts: Mapping, *, min_count: int = 2, prior: float | Mapping = 500.0,
                   roles: tuple[str, ...] = ROLES, names: tuple[str, str] = ("article", "baseline")) -> pd.DataFrame:
    """The log-odds table of `distinctive_terms` from two sides' term counts (`names` name the count columns)."""
    vocabulary = sorted(set(a_counts) | set(b_counts))
    if not vocabulary:
        raise ToneAnalysisError("distinctive_terms: no words on either side")
    y_a = np.array([a_counts.get(t, 0) for t in vocabulary], dtype=float)
    y_b = np.array([b_counts.get(t, 0) for t in vocabulary], dtype=float)
    if isinstance(prior, Mapping):
        background = np.array([float(prior.get(t, 0.0)) for t in vocabulary]) + 0.01
        alpha = background
    elif isinstance(prior, (int, float)) and not isinstance(prior, bool) and prior > 0:
        pooled = y_a + y_b
        alpha = float(prior) * pooled / pooled.sum()
    else:
        raise ToneAnalysisError(
            f"distinctive_terms: prior must be a positive number or a mapping of term counts, got {prior!r}"
        )
    alpha_0 = alpha.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    if n_a == 0 or n_b == 0:
        side = names[0] if n_a == 0 else names[1]
        raise ToneAnalysisError(f"distinctive_terms: the {side} has no words in the roles {tuple(roles)}")
    # Monroe et al. (2008), eq. 16 and 18.
    log_odds = (np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha))
                - np.log((y_b + alpha) / (n_b + alpha_0 - y_b - alpha)))
    variance = 1 / (y_a + alpha) + 1 / (y_b + alpha)
    z = log_odds / np.sqrt(variance)
    table = pd.DataFrame({
        "term": vocabulary,
        "ngram": [t.count(" ") + 1 for t in vocabulary],
        f"count_{names[0]}": y_a.astype(int),
        f"count_{names[1]}": y_b.astype(int),
        "log_odds": log_odds,
        "z": z,
    })
    total = table[f"count_{names[0]}"] + table[f"count_{names[1]}"]
    table = table[total >= min_count]
    # Ties in z are common in short texts (every 2-vs-0 term scores the same); more uses come first.
    table = table.assign(_total=total[total >= min_count])
    table = table.sort_values(["z", "_total", "term"], ascending=[False, False, True], ignore_index=True)
    return table.drop(columns="_total")
