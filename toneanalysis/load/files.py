"""Articles from files: the bytes decoded (UTF-8, else cp1252/latin-1), then read as HTML or as text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from ..errors import ToneAnalysisError
from .article import Article
from .html import article_from_html
from .plain import article_from_text
from .url import fetch, is_url


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise ToneAnalysisError(f"{source}: the file is empty")
    sample = data[:8192]
    if b"\x00" in sample:
        raise ToneAnalysisError(f"{source}: this is a binary file (it contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Windows-1252 first: its curly quotes and dashes sit where latin-1 has control codes.
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text[:8192]) // 50):
        raise ToneAnalysisError(
            f"{source}: this looks like a binary file ({controls} control characters), not an article")
    return text


def _looks_like_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head and "</" in head)


def load_article(path: str | Path, *, headline: bool | None = None, **fields) -> Article:
    """Read an article from a file: plain text (UTF-8, or cp1252/latin-1) or an HTML page, or from an
    http(s) URL (`url.fetch`). Keyword arguments (`outlet=`, `authors=`, `date=`, `modified=`, `url=`,
    `language=`, `title=`) are metadata; they win over the page's or the text header's.

    Raises `ToneAnalysisError` for a missing, empty or binary file, or one with no article text.
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
    if not file.exists():
        raise ToneAnalysisError(f"{file}: no such file")
    if file.is_dir():
        raise ToneAnalysisError(f"{file}: is a folder, not an article file")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ToneAnalysisError(f"{file}: cannot be read ({error.strerror})") from None
    text = _decode(data, str(file))
    if _looks_like_html(file, text):
        article = article_from_html(text, source=str(file), headline=headline, **fields)
    else:
        article = article_from_text(text, source=str(file), headline=headline, **fields)
    return _has_text(article, file)


def _has_text(article: Article, name) -> Article:
    if not article.scored_blocks():
        counts = pd.Series([b.role for b in article.blocks]).value_counts().to_dict()
        raise ToneAnalysisError(f"{name}: no article text found, only {counts or 'blank lines'}")
    return article
