"""Articles from files: a regular file of at most `limits.max_file_bytes()`, its bytes decoded (`decode`),
then read as HTML or as text."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

import pandas as pd

from ..errors import ToneAnalysisError
from .article import Article
from .decode import decode
from .html import article_from_html
from .limits import max_file_bytes
from .plain import article_from_text
from .url import fetch, is_url


def _looks_like_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head and "</" in head)


_KINDS = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def read_bytes(file: Path) -> bytes:
    """A regular file's bytes, refused by type (pipe, device, socket: reading could hang or never end)
    and by size (over `limits.max_file_bytes()`), before anything is read."""
    try:
        info = file.stat()
    except FileNotFoundError:
        if file.is_symlink():
            raise ToneAnalysisError(f"{file}: a symbolic link to a file that does not exist") from None
        raise ToneAnalysisError(f"{file}: no such file") from None
    except OSError as error:  # a symlink loop, a name too long, a folder we may not enter
        raise ToneAnalysisError(f"{file}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ToneAnalysisError(f"{file}: is a folder, not an article file")
    kind = next((name for test, name in _KINDS if test(info.st_mode)), None)
    if kind is not None or not stat.S_ISREG(info.st_mode):
        raise ToneAnalysisError(f"{file}: is {kind or 'not a regular file'}, not an article file")
    limit = max_file_bytes()
    if info.st_size > limit:
        raise ToneAnalysisError(f"{file}: {info.st_size:,} bytes, over the limit of {limit:,} for an article "
                                "(TONEANALYSIS_MAX_FILE_BYTES)")
    try:
        with open(file, "rb", opener=lambda path, flags: os.open(path, flags | getattr(os, "O_NONBLOCK", 0))) as f:
            data = f.read(limit + 1)
    except OSError as error:
        raise ToneAnalysisError(f"{file}: cannot be read ({error.strerror or error})") from None
    if len(data) > limit:  # grew while we looked
        raise ToneAnalysisError(f"{file}: over the limit of {limit:,} bytes for an article "
                                "(TONEANALYSIS_MAX_FILE_BYTES)")
    return data


def load_article(path: str | Path, *, headline: bool | None = None, encoding: str | None = None,
                 **fields) -> Article:
    """Read an article from a file: plain text or an HTML page, in any encoding `decode` reads, or from
    an http(s) URL (`url.fetch`).

    `encoding` is a charset the caller knows (an HTTP header's); otherwise a byte-order mark, a declared
    charset, UTF-8 or detection decide, and `article.encoding` says which. Other keyword arguments
    (`outlet=`, `authors=`, `date=`, `modified=`, `url=`, `language=`, `title=`) are metadata; they win
    over the page's or the text header's. Raises `ToneAnalysisError` for a missing, empty, binary,
    special (pipe, device) or too large file, or one with no article text.
    """
    if isinstance(path, str) and is_url(path):
        html, final = fetch(path)
        article = article_from_html(html, source=path.strip(), headline=headline, **fields)
        if article.metadata.url is None:  # no canonical URL on the page: where it was fetched from
            article = dataclasses.replace(article, metadata=dataclasses.replace(article.metadata, url=final))
        return _has_text(article, path.strip())
    if not isinstance(path, (str, Path)):
        raise ToneAnalysisError(f"load_article takes a file path (str or Path), got {type(path).__name__}")
    file = Path(path)
    decoded = decode(read_bytes(file), str(file), encoding=encoding)
    text = decoded.text
    if _looks_like_html(file, text):
        article = article_from_html(text, source=str(file), headline=headline, **fields)
    else:
        article = article_from_text(text, source=str(file), headline=headline, **fields)
    article = _has_text(article, file)
    return dataclasses.replace(article, encoding=decoded.encoding, repaired_lines=decoded.repaired_lines)


def _has_text(article: Article, name) -> Article:
    if not article.scored_blocks():
        counts = pd.Series([b.role for b in article.blocks]).value_counts().to_dict()
        raise ToneAnalysisError(f"{name}: no article text found, only {counts or 'blank lines'}")
    return article
