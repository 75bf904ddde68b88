"""Main content: trafilatura decides which text of a page is the article; the decision is mapped back
onto the page's own blocks, so every visible text stays a block with a role and a reason.

- `MainText.of(html)`: trafilatura's main text of the page (None when it finds none), as word shingles.
- `main_root`: the element the walker reads as the article: the usual candidate (`<article>`,
  `<main>`, ...) when it holds the main text, else the smallest element holding the main text and
  the page's first `<h1>`.
- `refine`: body paragraphs trafilatura left out become `boilerplate` ("outside the article text");
  headlines, standfirsts, captions and credits, which extractors drop, keep their roles; a short
  capitalised label right above the headline is a `kicker`; a page whose body is only in JSON-LD
  `articleBody` gets its paragraphs from there.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from . import roles
from .article import Block

OUTSIDE = "outside the article text"
_WORD = re.compile(r"\w+")
_SHINGLE = 3
_LEAVES = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "td"]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class MainText:
    """The page's main text as trafilatura extracts it, for asking whether a block is part of it."""

    def __init__(self, text: str):
        self.text = text
        words = _words(text)
        self.joined = " " + " ".join(words) + " "
        self.lines = {" ".join(_words(line)) for line in text.splitlines()}
        self.shingles = {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
        self.n_words = len(words)

    @classmethod
    def of(cls, html: str) -> MainText | None:
        # trafilatura (and lxml under it) is imported when a page is read, not at `import toneanalysis`.
        import trafilatura

        try:
            text = trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False,
                                       deduplicate=False, favor_precision=False)
        except Exception:  # a page trafilatura cannot parse: the walker's own reading stands)
            return None
        return cls(text) if text and len(_words(text)) >= 5 else None

    def covers(self, text: str) -> bool:
        """Whether most of `text` is in the main text (word 3-grams; a short text as a whole)."""
        words = _words(text)
        if not words:
            return False
        if len(words) < _SHINGLE:  # a word or two: a line of the main text of its own (not a tag list's "Weather")
            return " ".join(words) in self.lines
        if len(words) < _SHINGLE + 1:
            return " " + " ".join(words) + " " in self.joined
        grams = [tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]
        return sum(g in self.shingles for g in grams) >= 0.5 * len(grams)


def holds_main_text(main: MainText | None, text: str) -> bool:
    """Whether an element the walker would drop as furniture holds article text: twenty words or more,
    mostly in trafilatura's main text (a page wrapped in one <form>, a body div whose class says "share")."""
    return main is not None and len(_words(text)) >= 20 and main.covers(text)


def _lowest_common_ancestor(tags: list[Tag]) -> Tag | None:
    if not tags:
        return None
    common = None
    for tag in tags:
        chain = [tag, *tag.parents]
        if common is None:
            common = chain
        else:
            ids = {id(t) for t in chain}
            common = [t for t in common if id(t) in ids]
    return common[0] if common else None


def main_root(soup: BeautifulSoup, main: MainText | None, candidate: Tag) -> Tag:
    """The element to read as the article body (see the module docstring)."""
    if main is None:
        return candidate
    leaves = [t for t in soup.find_all(_LEAVES) if t.find(_LEAVES) is None and main.covers(t.get_text(" "))]
    if not leaves:
        return candidate
    inside = sum(1 for t in leaves if t is candidate or candidate in t.parents)
    if candidate.name not in ("body", "[document]") and inside >= 0.8 * len(leaves):
        return candidate
    h1 = soup.find("h1")
    root = _lowest_common_ancestor(leaves + ([h1] if h1 is not None else []))
    return root if isinstance(root, Tag) else candidate


def refine(blocks: list[Block], main: MainText | None, ld: dict) -> list[Block]:
    """The walker's blocks with trafilatura's decision applied (see the module docstring). `ld` is the
    page's JSON-LD article: its `articleBody` is used when the page shows no body text of its own."""
    body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    out = list(blocks)
    heads = [i for i, b in enumerate(out) if b.role == "headline"]
    if heads and heads[0] > 0:
        before = out[heads[0] - 1]
        if before.role in ("paragraph", "boilerplate") and len(before.text.split()) <= 5 \
                and (why := roles.kicker_reason(before.text, out[heads[0]].text)) is not None:
            out[heads[0] - 1] = Block(before.index, "kicker", before.text, why, before.line, before.raw)
    for i, b in enumerate(out):
        if b.role == "paragraph" and main is not None and not main.covers(b.text):
            out[i] = Block(b.index, "boilerplate", b.text, OUTSIDE, b.line, b.raw, b.raw_start)
    if body and not any(b.role == "paragraph" for b in out):
        if isinstance(ld.get("headline"), str) and out and out[0].reason == "the page's <title>":
            out[0] = Block(0, "headline", ld["headline"].strip(), "JSON-LD headline (the page has no <h1>)",
                           out[0].line, ld["headline"].strip())
        for text in (t.strip() for t in re.split(r"\n+", body)):
            if text:
                out.append(Block(len(out), "paragraph", text, "JSON-LD articleBody (the page shows no body text)",
                                 raw=text))
    return [Block(i, b.role, b.text, b.reason, b.line, b.raw, b.raw_start) for i, b in enumerate(out)]
