"""`Article` and `Block`, and the ways in: a file (text or HTML), a string, an HTML string.

Every input line ends up somewhere: each non-blank line is a block with a role and a reason;
`Article.lines()` accounts for every line, blank ones included. Nothing is dropped unannounced.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from . import roles
from .errors import ToneAnalysisError
from .text import normalise


@dataclasses.dataclass(frozen=True)
class Block:
    """One line (text input) or element (HTML input) of an article.

    `text` is what a reader sees (a caption without its shortcode); `raw` is the input line exactly;
    `text` starts at `raw_start` in `raw`. Offsets reported by the package index into `text`.
    """

    index: int
    role: str
    text: str
    reason: str
    line: int | None = None
    raw: str = ""
    raw_start: int = 0

    @property
    def scored(self) -> bool:
        return self.role in roles.SCORED_ROLES

    @property
    def normalised(self) -> str:
        return normalise(self.text)


@dataclasses.dataclass(frozen=True)
class Article:
    """A scraped article: its blocks in reading order, where it came from, and its input lines."""

    blocks: tuple[Block, ...]
    source: str = "<string>"
    raw_lines: tuple[str, ...] = ()

    @property
    def headline(self) -> str | None:
        return next((b.text for b in self.blocks if b.role == "headline"), None)

    def scored_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.scored]

    def to_frame(self) -> pd.DataFrame:
        """One row per block: index, role, text, reason, line."""
        return pd.DataFrame(
            [(b.index, b.role, b.text, b.reason, b.line) for b in self.blocks],
            columns=["block", "role", "text", "reason", "line"],
        )

    def lines(self) -> pd.DataFrame:
        """One row per input line (text input): its block and role, or `blank` for empty lines."""
        by_line = {b.line: b for b in self.blocks if b.line is not None}
        rows = []
        for number, raw in enumerate(self.raw_lines, start=1):
            block = by_line.get(number)
            if block is None:
                rows.append((number, raw, pd.NA, "blank", "empty line"))
            else:
                rows.append((number, raw, block.index, block.role, block.reason))
        return pd.DataFrame(rows, columns=["line", "raw", "block", "role", "reason"]).astype({"block": "Int64"})

    def _repr_html_(self) -> str:
        from .highlight import highlight_html

        return highlight_html(self)

    def __repr__(self) -> str:
        counts = pd.Series([b.role for b in self.blocks]).value_counts().to_dict() if self.blocks else {}
        return f"Article(source={self.source!r}, blocks={len(self.blocks)}, roles={counts})"


def classify_lines(lines: list[str], *, headline: bool | None = None) -> list[Block]:
    """Give each non-blank line a role. `headline=None` lets the first line qualify by its shape."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    blocks: list[Block] = []
    previous_role = None
    previous_line = -2
    seen_text = False
    for i in content:
        raw = lines[i]
        stripped_start = len(raw) - len(raw.lstrip())
        text = raw.strip()
        role, reason, start, end = "paragraph", "body text", stripped_start, stripped_start + len(text)
        caption = roles.caption_parts(raw)
        if (why := roles.boilerplate_reason(text)) is not None:
            role, reason = "boilerplate", why
        elif (why := roles.credit_reason(text)) is not None:
            role, reason = "credit", why
        elif caption is not None:
            role, (start, end, reason) = "caption", caption
        elif previous_role == "credit" and previous_line == i - 1:
            role, reason = "caption", "directly follows a photo credit"
        elif i + 1 < len(lines) and roles.credit_reason(lines[i + 1]) and not text.endswith((".", "!", "?", '"')):
            role, reason = "caption", "directly above a photo credit, no final full stop"
        elif not seen_text and (headline or (headline is None and len(content) > 1 and roles.looks_like_headline(text))):
            role, reason = "headline", "first line, shaped as a headline"
        seen_text = seen_text or role in roles.SCORED_ROLES
        blocks.append(Block(len(blocks), role, raw[start:end], reason, line=i + 1, raw=raw, raw_start=start))
        previous_role, previous_line = role, i
    return blocks


def article_from_text(text: str, *, source: str = "<string>", headline: bool | None = None) -> Article:
    """Build an `Article` from plain text, one block per non-blank line.

    `headline=True` makes the first content line the headline, `False` never picks one, `None`
    (default) picks it when it is shaped like one (short, no final full stop, more lines follow).

    >>> a = article_from_text("Storm hits coast\\n\\nAdvertisement\\n\\nHomes were flooded.")
    >>> [(b.role, b.text) for b in a.blocks]
    [('headline', 'Storm hits coast'), ('boilerplate', 'Advertisement'), ('paragraph', 'Homes were flooded.')]
    """
    if not isinstance(text, str):
        raise ToneAnalysisError(f"{source}: expected text (str), got {type(text).__name__}")
    lines = text.splitlines()
    return Article(tuple(classify_lines(lines, headline=headline)), source=source, raw_lines=tuple(lines))


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
        raise ToneAnalysisError(f"{source}: this looks like a binary file ({controls} control characters), not an article")
    return text


def _looks_like_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head and "</" in head)


def load_article(path, *, headline: bool | None = None) -> Article:
    """Read an article from a file: plain text (UTF-8, or cp1252/latin-1) or an HTML page.

    Raises `ToneAnalysisError` for a missing, empty or binary file, or one with no article text.
    """
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
        from .html import article_from_html

        article = article_from_html(text, source=str(file))
    else:
        article = article_from_text(text, source=str(file), headline=headline)
    if not article.scored_blocks():
        counts = pd.Series([b.role for b in article.blocks]).value_counts().to_dict()
        raise ToneAnalysisError(f"{file}: no article text found, only {counts or 'blank lines'}")
    return article
