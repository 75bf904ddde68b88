"""Where in a piece its loaded terms fall: each hit's place on the 0..1 scale of `position`, and the
piece cut into equal shares of its words with the hits and weight in each.

One definition for the tone arc's ticks (`plots.plot_tone_arc`), notebook 01's "loaded terms by
third" and notebook 02's "loaded weight in the first half": every block the paragraph table scores
(headline and captions too, where they stand in reading order), as the arc draws them.

>>> import toneanalysis as ta
>>> piece = ta.analyse("A tyrant spoke to them.\\n\\nThe talks went on today.\\n\\nThe shameless, brutal tyrant left.")
>>> loaded_by_part(piece, 3)[["part", "hits", "loaded_weight"]].to_dict("list")
{'part': [1, 2, 3], 'hits': [1, 0, 3], 'loaded_weight': [3.0, 0.0, 8.0]}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analyse import analyse, find_loaded_terms, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..errors import ToneAnalysisError
from ..lexicon import LexiconLike


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


def loaded_by_part(article: ArticleLike, parts: int = 3, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """The piece in `parts` equal shares of its words, in order: `part` (1..parts), `start` and
    `end` (shares of the piece), `hits` (the loaded-term hits whose `hit_positions` fall in it) and
    their `loaded_weight`. A hit on a boundary counts in the later part; the last part ends at 1."""
    if isinstance(parts, bool) or not isinstance(parts, (int, np.integer)) or parts < 1:
        raise ToneAnalysisError(f"loaded_by_part: parts must be a whole number of at least 1, got {parts!r}")
    analysed = analyse(article, lexicon=lexicon)
    hits = find_loaded_terms(analysed)
    where = hit_positions(score_paragraphs(analysed), hits)
    part = np.minimum((where.to_numpy() * parts).astype(int), parts - 1) if len(hits) else np.zeros(0, int)
    counts = np.bincount(part, minlength=parts)
    weights = np.bincount(part, weights=hits["weight"].to_numpy(dtype=float), minlength=parts)
    edges = np.arange(parts + 1) / parts
    return pd.DataFrame({"part": np.arange(1, parts + 1), "start": edges[:-1], "end": edges[1:],
                         "hits": counts, "loaded_weight": weights})
