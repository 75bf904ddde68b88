"""Analyse: an article's sentences, sentiment, tone, loaded-term hits and quotes, computed once
(`AnalysedArticle`), and the tables that are views of them."""

from .actors import actor_tone, default_actors
from .analysed import AnalysedArticle, analyse, analyse_baselines, source_labels
from .tables import (
    find_loaded_terms,
    find_quotes,
    loaded_p_features,
    reporting_verbs,
    score_paragraphs,
    score_sentences,
)

__all__ = ["AnalysedArticle", "actor_tone", "analyse", "analyse_baselines", "default_actors", "find_loaded_terms",
           "find_quotes", "loaded_p_features", "reporting_verbs", "score_paragraphs", "score_sentences",
           "source_labels"]
