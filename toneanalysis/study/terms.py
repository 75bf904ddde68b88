"""Distinctive terms of a group of a corpus against another (or the rest): `distinctive_terms` on the pooled texts.

A single piece has too few words for most terms to reach |z| > 1.96; a group of a corpus has the
counts. The counts are of the corpus's paragraph table (`text` of the blocks whose `role` is in
`roles`), with `measure.distinctive`'s tokens, stop words and log-odds with an informative prior.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..errors import ToneAnalysisError
from ..measure.distinctive import ROLES, log_odds_table, text_counts
from .scoring import Corpus

Z_MARK = 1.959964  # two-sided 95%


def group_terms(corpus: Corpus, by: str = "outlet", *, group: object, reference: object = None, min_count: int = 3,
                prior: float | Mapping = 500.0, roles: tuple[str, ...] = ROLES,
                stop_words: bool = False) -> pd.DataFrame:
    """Terms that separate `group` from `reference` (another group; None: every other article of the corpus).

    Columns: `term`, `ngram`, `count_group`, `count_reference`, `log_odds` (> 0 leans to the group),
    `z`, `per_1000_group`, `per_1000_reference` (uses per 1,000 counted terms of each side, for
    the scatter `plots.plot_term_scatter`), `significant` (|z| > 1.96). Sorted by `z`.
    """
    if not isinstance(corpus, Corpus):
        raise ToneAnalysisError(f"group_terms takes a scored corpus (score_corpus), got {type(corpus).__name__}")
    articles = corpus.articles
    if by not in articles:
        raise ToneAnalysisError(f"group_terms: no column {by!r} (columns: {list(articles.columns)})")
    groups = sorted(articles[by].dropna().unique().tolist(), key=str)
    for name in [group] + ([reference] if reference is not None else []):
        if name not in groups:
            raise ToneAnalysisError(f"group_terms: {name!r} is not a group of {by!r}; the groups are {groups}")
    paragraphs = corpus.paragraphs.merge(articles[["article", by]], on="article")
    paragraphs = paragraphs[paragraphs["role"].isin(roles)]
    mine = paragraphs[by] == group
    other = paragraphs[by] == reference if reference is not None else ~mine & paragraphs[by].notna()
    a_counts = text_counts(paragraphs.loc[mine, "text"], stop_words=stop_words)
    b_counts = text_counts(paragraphs.loc[other, "text"], stop_words=stop_words)
    table = log_odds_table(a_counts, b_counts, min_count=min_count, prior=prior, roles=roles,
                           names=("group", "reference"))
    n_a, n_b = sum(a_counts.values()), sum(b_counts.values())
    table["per_1000_group"] = 1000 * table["count_group"] / n_a
    table["per_1000_reference"] = 1000 * table["count_reference"] / n_b
    table["significant"] = table["z"].abs() > Z_MARK
    table.attrs.update(by=by, group=group, reference="the rest" if reference is None else reference)
    return table
