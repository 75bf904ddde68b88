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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bs4 is imported where a page is read (html.py says why)
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
    h1 = _headline_h1(soup, main)
    if candidate.name not in ("body", "[document]") and inside >= 0.8 * len(leaves):
        if h1 is None or h1 is candidate or candidate in h1.parents:
            return candidate
        leaves = [candidate]  # the body is there, its headline above it (a page <header> over an <article>)
    from bs4 import Tag

    root = _lowest_common_ancestor(leaves + ([h1] if h1 is not None else []))
    return root if isinstance(root, Tag) else candidate


def _headline_h1(soup: BeautifulSoup, main: MainText) -> Tag | None:
    """The <h1> that is the article's headline: one whose words are in the page's <title> or og:title,
    or in the main text; else the first <h1> (a site logo in an <h1> is passed over when another fits)."""
    titles = " ".join([soup.title.get_text(" ") if soup.title else ""]
                      + [m.get("content", "") for m in soup.find_all("meta", attrs={"property": "og:title"})])
    title = " " + " ".join(_words(titles)) + " "
    found = soup.find_all("h1")
    fits = [h1 for h1 in found if (words := " ".join(_words(h1.get_text(" "))))
            and (f" {words} " in title or main.covers(h1.get_text(" ")))]
    return max(fits, key=lambda h1: len(_words(h1.get_text(" ")))) if fits else (found[0] if found else None)


def headline_text(soup: BeautifulSoup, main: MainText | None) -> str | None:
    """The text of the <h1> that is the article's headline (`_headline_h1`), None without trafilatura's text."""
    h1 = _headline_h1(soup, main) if main is not None else None
    return re.sub(r"\s+", " ", h1.get_text()).strip() if h1 is not None else None


def refine(blocks: list[Block], main: MainText | None, ld: dict, headline: str | None = None) -> list[Block]:
    """The walker's blocks with trafilatura's decision applied (see the module docstring). `ld` is the
    page's JSON-LD article: its `articleBody` is used when the page shows no body text of its own.
    `headline` is the text of the <h1> that is the headline (`headline_text`), when the walker took another."""
    body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    out = list(blocks)
    first = next((i for i, b in enumerate(out) if b.role == "headline"), None)
    better = next((i for i, b in enumerate(out)
                   if headline and b.text == headline and b.reason.startswith("<h1>")), None)
    if first is not None and better is not None and out[first].text != headline:
        old, new = out[first], out[better]
        out[first] = Block(old.index, "boilerplate", old.text,
                           "an <h1> that is not the article's headline (a site name)", old.line, old.raw)
        out[better] = Block(new.index, "headline", new.text, "the <h1> that matches the page's title and text",
                            new.line, new.raw)
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
