"""toneanalysis: tone and loaded language in news writing, paragraph by paragraph.

The pipeline, as the subpackages name it: `load` (a file, page or string becomes an `Article`) →
`analyse` (sentences, sentiment, tone, loaded terms and quotes, computed once: `AnalysedArticle`) →
`measure` (each measure defined once; the comparison with wire copy) → `plots` and `report`.

>>> import toneanalysis as ta
>>> article = ta.analyse("Tyrants meet\\n\\nThe two leaders met in Pyongyang.")
>>> ta.score_paragraphs(article)["role"].tolist()
['headline', 'paragraph']
"""

from importlib.metadata import PackageNotFoundError, version

from .analyse import (
    AnalysedArticle,
    actor_tone,
    analyse,
    analyse_baselines,
    default_actors,
    find_loaded_terms,
    find_quotes,
    loaded_p_features,
    reporting_verbs,
    score_paragraphs,
    score_sentences,
)
from .corpus import score_folder, score_texts
from .errors import DecodingWarning, ToneAnalysisError
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .load import Article, Block, article_from_html, article_from_text, as_article, load_article
from .measure import (
    RewriteSummary,
    VoiceSummary,
    align_paragraphs,
    arcs,
    compare,
    distinctive_terms,
    neutral_rewrite,
    piece_measures,
    rewrite_summary,
    voice_summary,
)
from .report import Highlighted, highlight_html, highlighted
from .study import Corpus, by_period, compare_groups, group_summary, group_terms, read_corpus, score_corpus
from .text import normalise, split_sentences

try:
    __version__ = version("toneanalysis")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AnalysedArticle", "Article", "Block", "Corpus", "DecodingWarning", "Highlighted", "Lexicon", "RewriteSummary",
    "ToneAnalysisError",
    "VoiceSummary", "actor_tone", "align_paragraphs", "analyse", "analyse_baselines", "arcs", "article_from_html",
    "article_from_text", "as_article", "by_period", "compare", "compare_groups", "default_actors", "default_lexicon",
    "distinctive_terms", "find_loaded_terms", "find_quotes", "group_summary", "group_terms", "highlight_html",
    "highlighted", "load_article", "load_lexicon", "loaded_p_features", "neutral_rewrite", "normalise",
    "piece_measures", "read_corpus",
    "reporting_verbs", "rewrite_summary", "score_corpus", "score_folder", "score_paragraphs", "score_sentences",
    "score_texts", "split_sentences", "voice_summary",
]
