"""Articles from HTML pages, with BeautifulSoup (the standard library's parser, which keeps line numbers).

The article body is the page's `<article>` (or `<main>`, or `[itemprop=articleBody]`, or `<body>`).
Headings, paragraphs, list items, quotes and figure captions become blocks; scripts, navigation,
ad slots, and text outside the body become `boilerplate` blocks, so nothing vanishes unannounced.
What a browser hides is not text: comments (an unclosed `<!--` hides the rest of the page), CDATA
sections, processing instructions. Two `<br>` in a row end a paragraph, as they do on the page. The
walk keeps its own stack, so a page nested thousands of elements deep reads like any other.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

# bs4 is imported in the functions that read a page (`article_from_html` says why).
if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

from . import extract, metadata, roles
from . import furniture as page_furniture
from .article import Article, Block
from .plain import split_lines

_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre", "dt", "dd", "td"}
_DROP_TAGS = {"script", "style", "noscript", "nav", "aside", "footer", "header", "form", "iframe", "svg",
              "button", "template", "select", "input", "object", "embed", "canvas"}
_DEBRIS_CLASS = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|promo|sponsor|newsletter|cookie|consent|share|social|related|"
    r"most-read|trending|outbrain|taboola|comments?|subscribe|paywall|byline-share|header|footer|masthead|"
    r"nav|navbar|menu|breadcrumbs?|sidebar)(?:$|[\s_-])",
    re.I,
)
_CODE_TAGS = {"script", "style", "noscript", "template", "svg", "select", "button", "input", "iframe", "object",
              "embed", "canvas", "nav"}
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline-photo|photographer", re.I)
_BR = "\ue000"  # a <br>, until the text is read: one is a space, two or more in a row end a paragraph
_PARAGRAPH_BREAK = re.compile(f"{_BR}\\s*{_BR}[{_BR}\\s]*")
_COMMENT_END = re.compile(r"--!?>")  # as a browser ends a comment


def _visible(text: str) -> str:
    """`text` with `<br>` read as a space."""
    return re.sub(r"\s+", " ", text.replace(_BR, " ")).strip()


def hide_comments(html: str) -> str:
    """`html` with its comments blanked as a browser hides them, newlines kept (line numbers hold);
    `<!-->` and `<!--->` are empty comments, `--!>` ends one too, and an unclosed `<!--` hides
    everything after it. One pass: each comment is searched for its own end only.

    >>> hide_comments("a<!-- x -->b<!-->c<!-- d --!>e<!-- f\\ng")
    'ab<!---->ce\\n'
    """
    out, position = [], 0
    while (start := html.find("<!--", position)) >= 0:
        out.append(html[position:start])
        empty = next((n for n in ("<!-->", "<!--->") if html.startswith(n, start)), None)
        if empty is not None:
            out.append("<!---->")
            position = start + len(empty)
            continue
        close = _COMMENT_END.search(html, start + 4)
        end = len(html) if close is None else close.end()
        out.append("\n" * html.count("\n", start, end))
        position = end
    out.append(html[position:])
    return "".join(out)


def _classes(tag: Tag) -> str:
    return " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")


def _text(node, separator: str = "") -> str:
    """Visible text of a node, whitespace collapsed. Page furniture is read with a space between its
    elements ("Home News", not "HomeNews"); article text without, so inline tags add no spaces."""
    from bs4 import Tag

    text = node.get_text(separator) if isinstance(node, Tag) else str(node)
    return re.sub(r"\s+", " ", text).strip()


def _root(soup: BeautifulSoup) -> Tag:
    for selector in ("article", "main", "[itemprop=articleBody]", "[role=main]", "body"):
        found = soup.select_one(selector)
        if found is not None and _text(found):
            return found
    return soup


class _Builder:
    def __init__(self):
        self.blocks: list[Block] = []
        self.main: extract.MainText | None = None  # trafilatura's main text of the page, when it found one

    def add(self, role: str, text: str, reason: str, line: int | None) -> None:
        text = _visible(text)
        if text:
            self.blocks.append(Block(len(self.blocks), role, text, reason, line=line, raw=text))

    def has_headline(self) -> bool:
        return any(b.role == "headline" for b in self.blocks)

    def add_text(self, text: str, line: int | None, *, tag: str) -> None:
        """Classify visible text with the same rules as a text line; `<br><br>` makes two paragraphs."""
        for piece in _PARAGRAPH_BREAK.split(text):
            if piece := _visible(piece):
                self._add_piece(piece, line, tag=tag)

    def _add_piece(self, text: str, line: int | None, *, tag: str) -> None:
        if (marked := roles.furniture_reason(text)) is not None and tag != "h1":
            self.add(marked[0], text.strip("()[]") if marked[0] == "credit" else text, marked[1], line)
        elif tag == "figcaption" and (split := roles.caption_credit_split(text)) is not None:
            self.add("caption", text[:split].rstrip(), "figure caption, followed by its photo credit", line)
            self.add("credit", text[split:], "credit at the end of a caption", line)
        elif (why := roles.boilerplate_reason(text)) is not None:
            self.add("boilerplate", text, why, line)
        elif (why := roles.credit_reason(text)) is not None:
            self.add("credit", text, why, line)
        elif tag == "figcaption" or (caption := roles.caption_parts(text)) is not None:
            if tag == "figcaption":
                caption = roles.caption_parts(text) or (0, len(text), "figure caption")
            start, end, reason = caption
            self.add("caption", text[start:end], reason if tag != "figcaption" else "figure caption", line)
            if end < len(text) and text[end:].strip():
                self.add("credit", text[end:].strip(" ()[]"), "credit at the end of a caption", line)
        elif tag == "h1" and not self.has_headline():
            self.add("headline", text, "the page's first <h1>", line)
        else:
            self.add("paragraph", text, f"<{tag}> in the article body", line)

    def walk_outside(self, node: Tag, root: Tag) -> None:
        """Page furniture around the article body is kept as boilerplate, in document order."""
        from bs4 import NavigableString, Tag
        from bs4.element import PreformattedString

        path = set(map(id, root.parents)) | {id(root)}  # the elements from the page down to the body
        stack = [iter([node])]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif child is root:
                self.walk(root)
            elif isinstance(child, Tag) and id(child) in path:
                stack.append(iter(child.children))
            elif isinstance(child, Tag) and (marked := page_furniture.marked_blocks(child)) is not None:
                for role, text, reason in marked:  # a byline or date around the article body
                    self.add(role, text, reason + ", outside the article body", child.sourceline)
            elif isinstance(child, Tag) and child.name not in ("script", "style") and (text := _text(child, " ")):
                self.add("boilerplate", text, f"<{child.name}> outside the article body", child.sourceline)
            elif (isinstance(child, NavigableString) and not isinstance(child, PreformattedString)
                  and (text := _text(child))):
                self.add("boilerplate", text, "text outside the article body",
                         getattr(child.parent, "sourceline", None))

    def walk(self, node: Tag) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import PreformattedString

        stack = [iter(node.children)]  # our own stack: no recursion limit on how deep a page nests
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if isinstance(child, PreformattedString):  # comments, CDATA, declarations: hidden on the page
                continue
            if isinstance(child, NavigableString):
                if text := _text(child):
                    self.add_text(text, getattr(child.parent, "sourceline", None), tag="text")
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            furniture = name in _DROP_TAGS or _DEBRIS_CLASS.search(_classes(child))
            if (marked := page_furniture.marked_blocks(child)) is not None:  # byline, time, kicker, standfirst
                for role, text, reason in marked:
                    self.add(role, text, reason, child.sourceline)
            elif furniture and child.find("h1") is not None and not self.has_headline():
                # An article's own <header> (or class="article-header") holds its headline: read it.
                stack.append(iter(child.children))
            elif furniture and name not in _CODE_TAGS and extract.holds_main_text(self.main, _text(child, " ")):
                # trafilatura reads it as the article: its tag or class name is no reason to drop it
                stack.append(iter(child.children))
            elif furniture:
                self.add("boilerplate", _text(child, " "),
                         f"<{name}> element ({_classes(child).strip() or 'page furniture'})",
                         child.sourceline)
            elif name == "figcaption":
                credits = [c for c in child.find_all(True) if _CREDIT_CLASS.search(_classes(c))]
                for credit in credits:
                    credit.extract()
                self.add_text(_text(child), child.sourceline, tag="figcaption")
                for credit in credits:
                    self.add("credit", _text(credit), "credit inside a figure caption", child.sourceline)
            elif name in _BLOCK_TAGS and not child.find(_BLOCK_TAGS - {"td"}):
                self.add_text(_text(child), child.sourceline, tag=name)
            elif _CREDIT_CLASS.search(_classes(child)) and len(_text(child)) < 100:
                self.add("credit", _text(child), "element marked as a credit", child.sourceline)
            else:
                stack.append(iter(child.children))


def article_from_html(html: str, *, source: str = "<html>", headline: bool | None = None, **fields) -> Article:
    """Build an `Article` from an HTML page or fragment; keyword arguments (`outlet=`, `date=`, ...)
    are metadata that win over the page's own (`metadata.page_metadata`).

    >>> a = article_from_html("<article><h1>Storm hits coast</h1><p>Homes were flooded.</p></article>")
    >>> [(b.role, b.text) for b in a.blocks]
    [('headline', 'Storm hits coast'), ('paragraph', 'Homes were flooded.')]
    """
    # Imported here, not with the module: bs4 (with soupsieve) costs ~80 ms, which `toneanalysis
    # score` on a text file would pay for nothing.
    from bs4 import BeautifulSoup
    from bs4.element import PreformattedString

    soup = BeautifulSoup(hide_comments(html), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with(_BR)
    for hidden in soup.find_all(string=lambda s: isinstance(s, PreformattedString)):
        hidden.extract()  # CDATA and the like: get_text would read CDATA as text
    main = extract.MainText.of(html)  # trafilatura's main text, mapped onto the page's blocks below
    root = extract.main_root(soup, main, _root(soup))
    builder = _Builder()
    builder.main = main
    title = soup.title.get_text(strip=True) if soup.title else ""
    builder.walk_outside(soup.body or soup, root)
    blocks = builder.blocks
    if title and not any(b.role == "headline" for b in blocks):
        blocks.insert(0, Block(0, "headline", title, "the page's <title>", line=soup.title.sourceline, raw=title))
    blocks = [Block(i, b.role, b.text, b.reason, b.line, b.raw, b.raw_start) for i, b in enumerate(blocks)]
    ld = metadata.json_ld_article(soup)
    blocks = page_furniture.split_blocks(extract.refine(blocks, main, ld, extract.headline_text(soup, main)))
    if headline is False:  # as for text: no block is the headline
        blocks = [Block(b.index, "paragraph", b.text, b.reason + ", headline=False", b.line, b.raw, b.raw_start)
                  if b.role == "headline" else b for b in blocks]
    return Article(tuple(blocks), source=source, raw_lines=tuple(split_lines(html)), metadata=metadata.merge(
        metadata.page_metadata(soup, html, [b.text for b in blocks if b.role == "byline"]), **fields))
