"""The limits on what is read, each with the environment variable that changes it.

- `max_file_bytes()`: the largest article file read, 20 MB by default (`TONEANALYSIS_MAX_FILE_BYTES`).
  A news article is tens of kilobytes; a bigger file is a mistake (a dump, a device) and is refused
  before it is read, by its size, not by running out of memory.
- `max_paragraph_chars()`: the longest paragraph (block) scored, 100,000 characters by default
  (`TONEANALYSIS_MAX_PARAGRAPH_CHARS`), well below spaCy's 1,000,000 (error E088). A longer one is
  refused with the line it is on: a file whose paragraphs are not on lines of their own.
"""

from __future__ import annotations

import os

from ..errors import ToneAnalysisError

MAX_FILE_BYTES = 20_000_000
MAX_PARAGRAPH_CHARS = 100_000
_SPACY_LIMIT = 1_000_000


def _setting(name: str, default: int, ceiling: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise ToneAnalysisError(f"{name}={value!r}: expected a whole number") from None
    if number <= 0 or (ceiling is not None and number > ceiling):
        raise ToneAnalysisError(f"{name}={value!r}: expected a number from 1 to {ceiling or 'any'}")
    return number


def max_file_bytes() -> int:
    """The largest article file read, in bytes (`TONEANALYSIS_MAX_FILE_BYTES`, default 20 MB)."""
    return _setting("TONEANALYSIS_MAX_FILE_BYTES", MAX_FILE_BYTES)


def max_paragraph_chars() -> int:
    """The longest block scored, in characters (`TONEANALYSIS_MAX_PARAGRAPH_CHARS`, default 100,000)."""
    return _setting("TONEANALYSIS_MAX_PARAGRAPH_CHARS", MAX_PARAGRAPH_CHARS, _SPACY_LIMIT - 1)


def check_paragraph(text: str, where: str) -> None:
    """`ToneAnalysisError` naming `where` when `text` is longer than `max_paragraph_chars()`."""
    limit = max_paragraph_chars()
    if len(text) > limit:
        raise ToneAnalysisError(
            f"{where}: a paragraph of {len(text):,} characters, over the limit of {limit:,} "
            "(TONEANALYSIS_MAX_PARAGRAPH_CHARS): put its paragraphs on lines of their own, or raise the limit")
