"""toneanalysis: tone and loaded language in news writing, paragraph by paragraph.

The pipeline, as the subpackages name it: `load` (a file, page or string becomes an `Article`) →
`analyse` (sentences, sentiment, tone, loaded terms and quotes, computed once: `AnalysedArticle`) →
`measure` (each measure defined once; the comparison with wire copy) → `plots` and `report`.

>>> import toneanalysis as ta
>>> article = ta.analyse("Tyrants meet\\n\\nThe two leaders met in Pyongyang.")
>>> ta.score_paragraphs(article)["role"].tolist()
['headline', 'paragraph']
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

# Where each public name lives. They are imported on first use (PEP 562), not with the package: a
# command such as `toneanalysis report` can then start its kernel before pandas, spaCy and TextBlob
# are imported here, and `import toneanalysis` in a notebook costs nothing until the first call.
_HOMES = {
    ".analyse": ("AnalysedArticle", "actor_tone", "analyse", "analyse_baselines", "default_actors",
                 "find_loaded_terms", "find_quotes", "loaded_p_features", "reporting_verbs", "score_paragraphs",
                 "score_sentences"),
    ".corpus": ("score_folder", "score_texts"),
    ".errors": ("DecodingWarning", "ToneAnalysisError"),
    ".lexicon": ("Lexicon", "default_lexicon", "load_lexicon"),
    ".load": ("Article", "Block", "article_from_html", "article_from_text", "as_article", "load_article"),
    ".measure": ("RewriteSummary", "VoiceSummary", "align_paragraphs", "arcs", "compare", "distinctive_terms",
                 "loaded_by_part", "neutral_rewrite", "piece_measures", "rewrite_summary", "voice_summary"),
    ".report": ("Highlighted", "highlight_html", "highlighted"),
    ".study": ("Corpus", "by_period", "compare_groups", "group_summary", "group_terms", "read_corpus",
               "score_corpus"),
    ".text": ("normalise", "split_sentences"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "AnalysedArticle", "Article", "Block", "Corpus", "DecodingWarning", "Highlighted", "Lexicon", "RewriteSummary",
    "ToneAnalysisError", "VoiceSummary", "actor_tone", "align_paragraphs", "analyse", "analyse_baselines", "arcs",
    "article_from_html", "article_from_text", "as_article", "by_period", "compare", "compare_groups", "default_actors",
    "default_lexicon", "distinctive_terms", "find_loaded_terms", "find_quotes", "group_summary", "group_terms",
    "highlight_html", "highlighted", "load_article", "load_lexicon", "loaded_by_part", "loaded_p_features",
    "neutral_rewrite", "normalise", "piece_measures", "read_corpus", "reporting_verbs", "rewrite_summary",
    "score_corpus", "score_folder", "score_paragraphs", "score_sentences", "score_texts", "split_sentences",
    "voice_summary",
]

def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("toneanalysis")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":  # read from the installed metadata when asked: importlib.metadata is slow to import
        globals()[name] = value = _version()
        return value
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name], __name__), name)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package module, but a subpackage imported later (`toneanalysis.analyse`) does not replace
    the public function of the same name (`ta.analyse`), as the import system would when it binds a
    submodule to its parent; the eager imports used to put the function back at once."""

    def __setattr__(self, name: str, value) -> None:
        if name in _HOME and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # what type checkers and editors read: the same names, imported as usual
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
        loaded_by_part,
        neutral_rewrite,
        piece_measures,
        rewrite_summary,
        voice_summary,
    )
    from .report import Highlighted, highlight_html, highlighted
    from .study import Corpus, by_period, compare_groups, group_summary, group_terms, read_corpus, score_corpus
    from .text import normalise, split_sentences
