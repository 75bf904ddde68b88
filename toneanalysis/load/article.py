"""`Article` and `Block`: a loaded article, its blocks in reading order, each with a role and a reason.

Every input line ends up somewhere: each non-blank line is a block with a role and a reason;
`Article.lines()` accounts for every line, blank ones included. Nothing is dropped unannounced.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from .limits import check_paragraph, max_paragraph_chars
from .roles import SCORED_ROLES


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
        return self.role in SCORED_ROLES


@dataclasses.dataclass(frozen=True)
class Metadata:
    """Where an article comes from: read from the page (`metadata.page_metadata`), a text file's header
    or keyword arguments. Every field may be None; `authors` is a tuple of names."""

    outlet: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    modified: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None


@dataclasses.dataclass(frozen=True)
class Article:
    """A scraped article: its blocks in reading order, where it came from, and its input lines.

    A file's `encoding` says how its bytes were read (`utf-8`, `utf-8-sig`, `cp1251 (declared)`,
    `cp1252 (detected)`, `utf-8 and cp1252, line by line`); `repaired_lines` lists the lines that had
    to be decoded otherwise than the rest (a warning said so when it was loaded). Every scored block is
    at most `limits.max_paragraph_chars()` long (else `ToneAnalysisError` naming its line).
    """

    blocks: tuple[Block, ...]
    source: str = "<string>"
    raw_lines: tuple[str, ...] = ()
    metadata: Metadata = Metadata()
    encoding: str | None = None
    repaired_lines: tuple[int, ...] = ()

    def __post_init__(self):
        limit = None  # read from the environment once per article, not once per block
        for block in self.blocks:
            if block.scored:
                limit = max_paragraph_chars() if limit is None else limit
                if len(block.text) > limit:
                    where = self.source if block.line is None else f"{self.source}, line {block.line}"
                    check_paragraph(block.text, where)

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
        """One row per input line: its block and role, `blank` for empty lines, and for a page's source
        lines on which no block starts, `markup`."""
        by_line = {}
        for b in self.blocks:  # a line split in two (caption and its credit) is listed by its first block
            if b.line is not None:
                by_line.setdefault(b.line, b)
        rows = []
        for number, raw in enumerate(self.raw_lines, start=1):
            block = by_line.get(number)
            if block is None and raw.strip():  # a page's source line: tags, or the rest of an earlier element
                rows.append((number, raw, pd.NA, "markup", "no block starts on this line (markup, or a block's rest)"))
            elif block is None:
                rows.append((number, raw, pd.NA, "blank", "empty line"))
            else:
                rows.append((number, raw, block.index, block.role, block.reason))
        return pd.DataFrame(rows, columns=["line", "raw", "block", "role", "reason"]).astype({"block": "Int64"})

    def __repr__(self) -> str:
        counts = pd.Series([b.role for b in self.blocks]).value_counts().to_dict() if self.blocks else {}
        return f"Article(source={self.source!r}, blocks={len(self.blocks)}, roles={counts})"
