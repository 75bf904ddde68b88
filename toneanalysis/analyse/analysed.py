"""The analysed article: an `Article` and a lexicon, with each inner step computed once, on first use.

Every table, measure, chart and report of one article is a view of an `AnalysedArticle`, so a
number reads the same wherever it is shown, and a notebook that builds ten views of a piece
splits its sentences, matches its lexicon and finds its quotes once each:

- `parsed`: the sentence split and the lexicon match of each scored block (`engine.parse`);
- `scores`: VADER, TextBlob and `tone` per sentence (only when a view needs sentiment);
- `attribution`: the quotes and attribution verbs, with their speakers (`attribution.attribute`);
- `hit_voices`: the voice (and speaker) of each loaded-term hit.

Build one with `analyse(article, lexicon=...)`; every public function that takes an article takes
one (and builds it when given an `Article`, a path or text).
"""

from __future__ import annotations

import collections
import functools
import os
import threading
from pathlib import PurePath

from ..errors import ToneAnalysisError
from ..lexicon import Lexicon, LexiconLike, default_lexicon, load_lexicon
from ..load import Article, Block, as_article
from .attribution import Quote, Verb, attribute, voice_lookup
from .engine import Parsed, Scored, parse, sentence_scores
from .verbs import table_for


class AnalysedArticle:
    """An article with its analysis, computed once per step on first use (see the module docstring).

    `article` is the `Article`, `lexicon` the `Lexicon` its hits come from. The attributes below
    are the raw results; the public tables (`score_paragraphs`, `find_loaded_terms`, ...) are views.
    """

    def __init__(self, article: Article, lexicon: Lexicon):
        self.article = article
        self.lexicon = lexicon

    def __repr__(self) -> str:
        done = [name for name in ("parsed", "scores", "attribution") if name in self.__dict__]
        return (f"AnalysedArticle(source={self.article.source!r}, blocks={len(self.article.blocks)}, "
                f"lexicon={self.lexicon.source!r}, computed={done})")

    @property
    def source(self) -> str:
        return self.article.source

    @property
    def headline(self) -> str | None:
        return self.article.headline

    @functools.cached_property
    def scored_blocks(self) -> tuple[Block, ...]:
        return tuple(self.article.scored_blocks())

    @functools.cached_property
    def parsed(self) -> tuple[Parsed, ...]:
        return tuple(parse((b.text for b in self.scored_blocks), self.lexicon))

    @functools.cached_property
    def scores(self) -> tuple[list[Scored], ...]:
        return tuple(sentence_scores(p, self.lexicon) for p in self.parsed)

    @functools.cached_property
    def attribution(self) -> tuple[list[Quote], list[Verb]]:
        sentences = [[(s.start, s.end) for s in p.sentences] for p in self.parsed]
        return attribute(self.scored_blocks, sentences, table_for(self.lexicon), [p.normal for p in self.parsed])

    @property
    def quotes(self) -> list[Quote]:
        return self.attribution[0]

    @property
    def verbs(self) -> list[Verb]:
        return self.attribution[1]

    @functools.cached_property
    def hit_voices(self) -> tuple[list[tuple[str, str]], ...]:
        """Per scored block, (voice, speaker) of each of its hits, in the order of `parsed[i].hits`."""
        voice_of = voice_lookup(self.quotes)
        return tuple([voice_of(block.index, hit.start) for hit in parsed.hits]
                     for block, parsed in zip(self.scored_blocks, self.parsed))


# What every function that takes an article takes (see `load.inputs` for how a string is read).
ArticleLike = AnalysedArticle | Article | str | os.PathLike


def analyse(article: ArticleLike, *, lexicon: LexiconLike = None, what: str = "article") -> AnalysedArticle:
    """The article analysed with `lexicon` (a `Lexicon`, a CSV path, a dict or DataFrame; None: the
    default), from an `AnalysedArticle`, an `Article`, a file path or a string of text
    (`load.as_article` says how a string is read).

    An `AnalysedArticle` comes back as it is when `lexicon` is None or its own lexicon; with another
    lexicon, its article is analysed again with that one. The same file or text read again, unchanged,
    with the default lexicon or one read from a file gives the analysis already made (among the last
    `RECENT_SIZE`), so notebooks that each start from a path share one. `what` names the argument in
    errors.

    >>> a = analyse("The tyrant smiled.")
    >>> analyse(a) is a, [a.scored_blocks[0].text[h.start:h.end] for h in a.parsed[0].hits]
    (True, ['tyrant'])
    """
    if isinstance(article, AnalysedArticle):
        if lexicon is None or lexicon is article.lexicon:
            return article
        lex = load_lexicon(lexicon)
        return article if lex is article.lexicon else _analysed(article.article, lex, exact=True)
    return _analysed(as_article(article, what=what), load_lexicon(lexicon), exact=isinstance(article, Article))


# The analyses of the last few articles, by article (its every block, as read now) and lexicon object:
# notebooks that each analyse the same file with the same lexicon (a report's, or a user's notebook
# run again) share one analysis instead of splitting, matching and attributing it again. An edited
# file reads as another Article, and so is analysed anew; an analysis is never changed once computed.
_RECENT: collections.OrderedDict = collections.OrderedDict()
RECENT_SIZE = 16


_RECENT_LOCK = threading.Lock()  # threads (a Dask scheduler's) may analyse at once


def _kept(lexicon: Lexicon) -> bool:
    """Whether `lexicon` lives on anyway: the default one, or one `load_lexicon` keeps for its file.
    Only their analyses are remembered, so a lexicon made afresh for each call (from a dict or a
    DataFrame) is not kept alive, with its matcher, by the analyses made with it."""
    if lexicon is default_lexicon():
        return True
    try:
        return isinstance(lexicon.source, str) and os.path.isfile(lexicon.source) and \
            load_lexicon(lexicon.source) is lexicon
    except ToneAnalysisError:  # the file changed into something unreadable since
        return False


def _analysed(article: Article, lexicon: Lexicon, *, exact: bool = False) -> AnalysedArticle:
    """The recent analysis of `article` with `lexicon`, else a new one; `exact`: only one of this very
    `Article` object (an `Article` given keeps being the analysis's `.article`)."""
    if not _kept(lexicon):
        return AnalysedArticle(article, lexicon)
    key = (article, id(lexicon))  # the Lexicon is held by its analysis, so its id is not reused meanwhile
    with _RECENT_LOCK:
        found = _RECENT.get(key)
        if found is not None and found.lexicon is lexicon and (found.article is article or not exact):
            _RECENT.move_to_end(key)
            return found
        analysed = _RECENT[key] = AnalysedArticle(article, lexicon)
        while len(_RECENT) > RECENT_SIZE:
            _RECENT.popitem(last=False)
        return analysed


def analyse_baselines(baselines: ArticleLike | list | tuple, *, lexicon: LexiconLike = None
                      ) -> list[AnalysedArticle]:
    """Baselines (one article as `analyse` takes it, or a list/tuple of them), each analysed with `lexicon`."""
    items = list(baselines) if isinstance(baselines, (list, tuple)) else [baselines]
    if not items:
        raise ToneAnalysisError("baselines: the list is empty; give at least one article, path or text")
    return [analyse(item, lexicon=lexicon, what=f"baselines[{i}]" if len(items) > 1 else "baselines")
            for i, item in enumerate(items)]


def source_labels(articles, *, reserved: tuple[str, ...] = ("this piece",)) -> list[str]:
    """One distinct label per article, for a table or chart: its file name (`wire.txt`), with as many
    of its folders as it takes to tell it from another of the same name (`d1/wire.txt`), never one of
    `reserved`. Two articles never share a label, so no row of a table keyed by them overwrites another.

    >>> import toneanalysis as ta
    >>> source_labels([ta.article_from_text("A.", source="d1/wire.txt"),
    ...                ta.article_from_text("B.", source="d2/wire.txt"),
    ...                ta.article_from_text("C.", source="x/this piece")])
    ['d1/wire.txt', 'd2/wire.txt', 'this piece (x/this piece)']
    """
    sources = [getattr(a, "source", str(a)) for a in articles]
    parts = [PurePath(s).parts or (s,) for s in sources]
    depth = [1] * len(sources)
    while True:
        labels = ["/".join(p[-d:]) for p, d in zip(parts, depth)]
        clashes = [i for i, label in enumerate(labels) if labels.count(label) > 1 and depth[i] < len(parts[i])]
        if not clashes:
            break
        for i in clashes:
            depth[i] += 1
    seen: dict[str, int] = {}
    out = []
    for label, source in zip(labels, sources):
        if label in reserved:
            label = f"{label} ({source})"
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} [{seen[label]}]")
    return out
