"""Page furniture inside an article: one input line or element split into the blocks a reader sees
(a caption and its credit, a wire dateline and its paragraph), and HTML elements a page marks as
byline, time stamp, dateline, kicker or standfirst. The text rules are in `roles`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bs4 is imported where a page is read (html.py says why)
    from bs4 import Tag

from . import roles
from .article import Block


def split_line(index: int, role: str, reason: str, raw: str, start: int, end: int, line: int | None) -> list[Block]:
    """The block(s) of one line whose text is `raw[start:end]`: a caption followed by a credit on the
    same line gives a caption and a `credit`; a paragraph opening with a wire dateline gives a
    `dateline` and the paragraph. Offsets stay offsets into `raw`."""
    if role == "paragraph" and (cut := roles.dateline_end(raw[start:end])) is not None:
        return [Block(index, "dateline", raw[start:start + cut].strip(), "wire dateline opening a paragraph",
                      line=line, raw=raw, raw_start=start),
                Block(index + 1, role, raw[start + cut:end], reason, line=line, raw=raw, raw_start=start + cut)]
    block = Block(index, role, raw[start:end], reason, line=line, raw=raw, raw_start=start)
    if role != "caption":
        return [block]
    rest = raw[end:]
    credit = rest.strip().strip("()[]").strip()
    if not credit or roles.credit_reason(credit) is None:  # a shortcode's closing tag is not a credit
        return [block]
    offset = end + rest.index(credit)
    return [block, Block(index + 1, "credit", credit, "credit after a caption, on its line", line=line, raw=raw,
                         raw_start=offset)]


def split_blocks(blocks: list[Block]) -> list[Block]:
    """`split_line` over blocks built from elements (HTML), renumbered in reading order."""
    out: list[Block] = []
    for b in blocks:
        if b.role == "paragraph":
            out.extend(split_line(len(out), b.role, b.reason, b.raw, b.raw_start, b.raw_start + len(b.text), b.line))
        else:
            out.append(b)
    return [Block(i, b.role, b.text, b.reason, b.line, b.raw, b.raw_start) for i, b in enumerate(out)]


def _marks(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:^|[\s_-])(?:{pattern})(?:$|[\s_-])", re.I)


_BYLINE_CLASS = _marks(r"by-?line|by-?lines|author|authors|author-name|contributors?|writer|article-author|credit-name")
_TIME_CLASS = _marks(r"date|dates|time|timestamp|time-stamp|published|updated|pubdate|date-?published|posted-on")
_DATELINE_CLASS = _marks(r"dateline")
_KICKER_CLASS = _marks(r"kicker|eyebrow|overline|flag|rubric|section-label|category-label|label-kicker|cat-links|"
                       r"entry-categories|post-categories|category")
_STANDFIRST_CLASS = _marks(r"standfirst|dek|sub-?title|sub-?head|sub-?headline|strap|strapline|article-summary|"
                           r"summary|description|intro-text|lead-text|excerpt")
_LONGEST = {"byline": 200, "timestamp": 120, "dateline": 80, "kicker": 60, "standfirst": 600}
_NEVER = {"script", "style", "nav", "aside", "form", "footer", "article", "main", "body", "h1", "img", "figure",
          "figcaption", "ul", "ol", "table", "section"}


def _text(node) -> str:
    from bs4 import Tag

    return re.sub(r"\s+", " ", node.get_text("") if isinstance(node, Tag) else str(node)).strip()


def _kind(tag: Tag) -> tuple[str, str] | None:
    classes = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    itemprop, rel = tag.get("itemprop") or "", " ".join(tag.get("rel") or [])
    if tag.name == "time" or itemprop in ("datePublished", "dateModified", "dateCreated"):
        return "timestamp", f"<{tag.name}> marked as a date"
    if _DATELINE_CLASS.search(classes):
        return "dateline", "element marked as a dateline"
    if itemprop == "author" or rel == "author" or _BYLINE_CLASS.search(classes):
        return "byline", "element marked as the byline"
    if _TIME_CLASS.search(classes):
        return "timestamp", "element marked as a date"
    if _KICKER_CLASS.search(classes):
        return "kicker", "element marked as a kicker (the label above a headline)"
    if _STANDFIRST_CLASS.search(classes) or itemprop in ("description", "alternativeHeadline"):
        return "standfirst", "element marked as the standfirst"
    return None


def marked_blocks(tag: Tag) -> list[tuple[str, str, str]] | None:
    """(role, text, reason) for an element the page marks as furniture, or None to read it as usual.
    A byline holding a <time> gives the byline and then the time stamp."""
    if tag.name in _NEVER:
        return None
    kind = _kind(tag)  # cheap, so first: most elements are no furniture
    if kind is None or tag.find(["h1", "figure", "img", "article"]) is not None:
        return None
    role, reason = kind
    text = _text(tag)
    if not text or len(text) > _LONGEST[role] or (role != "standfirst" and len(tag.find_all("p")) > 1):
        return None
    if role == "standfirst" and len(tag.find_all("p")) > 2:
        return None
    inner = [t for t in tag.find_all(True) if t is not tag and _kind(t) and _kind(t)[0] != role]
    if role == "byline" and inner:
        parts = []
        for t in inner:
            inner_role, inner_reason = _kind(t)
            parts.append((inner_role, _text(t), inner_reason))
            t.extract()
        return ([(role, _text(tag), reason)] if _text(tag) else []) + [p for p in parts if p[1]]
    return [(role, text, reason)]
