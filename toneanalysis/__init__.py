"""toneanalysis: tone and loaded language in news writing, paragraph by paragraph.

>>> import toneanalysis as ta
>>> article = ta.article_from_text("Tyrants meet\\n\\nThe two leaders met in Pyongyang.")
>>> ta.score_paragraphs(article)["role"].tolist()
['headline', 'paragraph']
"""

from .actors import actor_tone, default_actors
from .align import align_paragraphs
from .article import Article, Block, article_from_text, load_article
from .compare import compare
from .corpus import score_folder
from .distinctive import distinctive_terms
from .errors import ToneAnalysisError
from .highlight import Highlighted, highlight_html, highlighted
from .html import article_from_html
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .rewrite import RewriteSummary, neutral_rewrite, rewrite_summary
from .scoring import find_loaded_terms, score_paragraphs, score_sentences, score_texts
from .text import normalise, split_sentences
from .voice import VoiceSummary, find_quotes, reporting_verbs, voice_summary

__version__ = "0.1.0"

__all__ = [
    "Article", "Block", "Highlighted", "Lexicon", "RewriteSummary", "ToneAnalysisError", "VoiceSummary",
    "actor_tone", "align_paragraphs", "article_from_html", "article_from_text", "compare", "default_actors",
    "default_lexicon", "distinctive_terms", "find_loaded_terms", "find_quotes", "highlight_html",
    "highlighted", "load_article", "load_lexicon", "neutral_rewrite", "normalise", "reporting_verbs",
    "rewrite_summary", "score_folder", "score_paragraphs", "score_sentences", "score_texts",
    "split_sentences", "voice_summary",
]
