"""A corpus of articles from several outlets: read it, score it once (kept as Parquet), compare the groups.

`sources` (a folder with a manifest, or a table, becomes a list of articles; bad rows are listed)
→ `scoring` (`score_corpus`: the article, paragraph and hit tables; `store` keeps them on disk) →
`groups` (`compare_groups`, `by_period`: articles and events as the resampled units) and `terms`
(distinctive terms of a group).
"""

from .groups import by_period, compare_groups, group_summary, holm
from .scoring import Corpus, score_corpus
from .sources import CorpusInput, read_basil, read_corpus
from .terms import group_terms

__all__ = [
    "Corpus", "CorpusInput", "by_period", "compare_groups", "group_summary", "group_terms", "holm", "read_basil",
    "read_corpus", "score_corpus",
]
