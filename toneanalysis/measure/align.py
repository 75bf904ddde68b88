"""Pair each paragraph of a piece with the baseline paragraph that reports the same fact.

"Same fact, different words": once paragraphs are paired, the difference in tone and loaded terms
within a pair is the writer's choice of words, not a choice of facts. Pairing is by TF-IDF cosine
similarity of content words (scikit-learn), fitted on the paragraphs of both sides together so that
words every paragraph shares ("Putin", "North Korea") count for little and the specific ones
("limousine", "Yakutsk") for much.
"""

from __future__ import annotations

import math

import pandas as pd

from ..analyse import analyse, analyse_baselines, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..errors import ToneAnalysisError
from ..lexicon import LexiconLike
from ..text import content_words

COLUMNS = [
    "article_block", "article_text", "matched", "baseline_source", "baseline_block", "baseline_text", "similarity",
    "tone_article", "tone_baseline", "tone_difference", "loaded_article", "loaded_baseline", "loaded_difference",
    "loaded_terms_article", "loaded_terms_baseline",
]


def align_paragraphs(article: ArticleLike, baselines: ArticleLike | list | tuple, *, threshold: float = 0.2,
                     lexicon: LexiconLike = None, roles: tuple[str, ...] = ("paragraph",)) -> pd.DataFrame:
    """For each paragraph of `article`, the most similar baseline paragraph, with tone and loaded terms side by side.

    `article` and `baselines` are analysed articles, Articles, file paths or strings; `baselines` may be
    a list (all their paragraphs are candidates). Similarity is the TF-IDF cosine (0..1) of content words; below
    `threshold` the paragraph is unmatched (`matched` False, baseline columns empty): the baseline
    does not report that fact, or reports it too differently to tell. Several article paragraphs may
    pair with the same baseline paragraph (a tabloid often splits one wire paragraph in two).

    Columns: `article_block`, `article_text`, `matched`, `baseline_source`, `baseline_block`,
    `baseline_text`, `similarity`, `tone_article`, `tone_baseline`, `tone_difference` (article -
    baseline), `loaded_article`, `loaded_baseline`, `loaded_difference` (loaded-term weight of the
    paragraph), `loaded_terms_article`, `loaded_terms_baseline` (the terms as written).

    >>> piece = "Tyrant lands in Pyongyang for talks.\\n\\nThe pair swapped a limousine as a gift."
    >>> wire = "Putin gave Kim a limousine as a gift.\\n\\nPutin arrived in Pyongyang for talks."
    >>> align_paragraphs(piece, wire, roles=("headline", "paragraph"))["baseline_block"].tolist()
    [1, 0]
    """
    if not 0 <= threshold <= 1:
        raise ToneAnalysisError(f"align_paragraphs: threshold must be between 0 and 1, got {threshold!r}")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    left = score_paragraphs(analyse(article, lexicon=lexicon))
    left = left[left["role"].isin(roles)].reset_index(drop=True)
    frames = []
    for a in analyse_baselines(baselines, lexicon=lexicon):
        scored = score_paragraphs(a)  # its `source` column names the baseline
        frames.append(scored[scored["role"].isin(roles)])
    right = pd.concat(frames, ignore_index=True)
    if left.empty or right.empty:
        side = "article" if left.empty else "baseline"
        raise ToneAnalysisError(f"align_paragraphs: the {side} has no blocks with the roles {tuple(roles)}")
    # sublinear_tf: a word said twice in a paragraph is not twice the evidence of the same fact.
    vectorizer = TfidfVectorizer(tokenizer=content_words, lowercase=False, token_pattern=None, sublinear_tf=True)
    vectors = vectorizer.fit_transform([*left["text"], *right["text"]])
    similarity = cosine_similarity(vectors[: len(left)], vectors[len(left):])
    best = similarity.argmax(axis=1)
    rows = []
    for i, j in enumerate(best):
        a, score = left.iloc[i], float(similarity[i, j])
        matched = score >= threshold and score > 0
        b = right.iloc[j] if matched else None
        tone_b = float(b["tone"]) if matched else math.nan
        loaded_b = float(b["loaded_weight"]) if matched else math.nan
        rows.append({
            "article_block": int(a["block"]), "article_text": a["text"], "matched": matched,
            "baseline_source": b["source"] if matched else None,
            "baseline_block": int(b["block"]) if matched else pd.NA,
            "baseline_text": b["text"] if matched else None,
            "similarity": score,
            "tone_article": float(a["tone"]), "tone_baseline": tone_b, "tone_difference": float(a["tone"]) - tone_b,
            "loaded_article": float(a["loaded_weight"]), "loaded_baseline": loaded_b,
            "loaded_difference": float(a["loaded_weight"]) - loaded_b,
            "loaded_terms_article": a["loaded_terms"], "loaded_terms_baseline": b["loaded_terms"] if matched else None,
        })
    return pd.DataFrame(rows, columns=COLUMNS).astype({"baseline_block": "Int64"})
