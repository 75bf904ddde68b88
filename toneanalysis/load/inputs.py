"""The one way in: what a user passes as an article (or a baseline) becomes an `Article` here.

Policy, the same for every public function that takes an article or baselines:

1. an `Article` is used as it is, and an analysed article gives the `Article` it holds (`.article`);
2. a `pathlib.Path` is a file to load (`load_article`);
3. a `str` that is an http(s) URL is the page there (fetched, `url.fetch`); a `str` with no line
   break that names an existing file is that file;
4. a `str` that looks like a path but names no file is an error that names it (a folder: an error
   saying so), not a one-paragraph article: no line break, and either a file suffix (`.txt`,
   `.html`, `.htm`, `.xhtml`, `.md`, `.text`) or a path separator with no space in it (`data/raw/piece`);
5. any other `str` is the article's text (`article_from_text`); a blank one is an error;
6. anything else is an error naming what was given.

Baselines are one of the above or a list/tuple of them (`analyse.analyse_baselines`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ToneAnalysisError
from .article import Article
from .files import load_article
from .plain import article_from_text
from .url import is_url

FILE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".md", ".text")
_SEPARATORS = {"/", os.sep} | ({os.altsep} if os.altsep else set())
_LONGEST_PATH = 4096


def looks_like_path(text: str) -> bool:
    """Whether a string reads as a file path rather than as article text (rule 4 above).

    >>> looks_like_path("data/raw/piece.txt"), looks_like_path("The 24/7 news cycle rolls on.")
    (True, False)
    """
    if "\n" in text or "\r" in text or len(text) >= _LONGEST_PATH:
        return False
    name = text.strip()
    if name.lower().endswith(FILE_SUFFIXES):
        return True
    return any(sep in name for sep in _SEPARATORS) and not any(ch.isspace() for ch in name)


def as_article(article: Article | str | os.PathLike, *, what: str = "article") -> Article:
    """An `Article` from an Article, a file path (str or Path), a URL or a string of text (see the policy above).

    >>> as_article("Plain text, one paragraph.").blocks[0].role
    'paragraph'
    >>> as_article("no/such/piece.txt")
    Traceback (most recent call last):
    ...
    toneanalysis.errors.ToneAnalysisError: article: no/such/piece.txt: no such file
    """
    if isinstance(article, Article):
        return article
    if isinstance(getattr(article, "article", None), Article):  # an analysed article (`analyse`)
        return article.article
    if isinstance(article, Path):
        return load_article(article)
    if isinstance(article, str):
        if not article.strip():
            raise ToneAnalysisError(f"{what}: the text is empty")
        if is_url(article):
            return load_article(article.strip())
        if "\n" not in article and len(article) < _LONGEST_PATH:
            candidate = Path(article.strip())
            try:
                is_file, is_dir = candidate.is_file(), candidate.is_dir()
            except (OSError, ValueError):  # a name too long for the file system, or with a NUL in it
                is_file = is_dir = False
            if is_file:
                return load_article(candidate)
            if is_dir and looks_like_path(article):
                raise ToneAnalysisError(f"{what}: {article.strip()}: is a folder, not an article file")
        if looks_like_path(article):
            raise ToneAnalysisError(f"{what}: {article.strip()}: no such file")
        return article_from_text(article)
    raise ToneAnalysisError(
        f"{what}: expected an Article, a file path or a str of text, got {type(article).__name__}")
