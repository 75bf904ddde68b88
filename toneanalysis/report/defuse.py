"""Defuse a rendered report with an allow-list sanitiser (`nh3`, the Ammonia HTML5 sanitiser).

Notebook outputs are HTML written by notebook code around untrusted article text. Every notebook
escapes that text (`escape.py`); this is the second line: whatever one output forgot to escape is
parsed as a browser parses it (HTML5, foreign content, comments and all) and re-serialised with only
the elements and attributes a report uses. No scripts, frames, forms, event handlers or fetched URLs
survive; images only as `data:image/` URIs; links only to `#anchors`. The page's own `<head>` (the
template's: CSS, the Content-Security-Policy, the escaped title) is kept as nbconvert wrote it.

Charts are inline SVG (`plots.chart`), so the shapes they are drawn with pass too: `svg`, `g`,
`path`, `text`, `rect`, `clipPath`, `defs`, and `title`, the tooltip. Nothing in SVG that runs,
fetches or refers elsewhere: no `script`, `foreignObject`, `use`, `image`, `a`, `animate`/`set`,
filters or patterns, no `href` of any kind; a `clip-path` may only name a local `#id`. nh3 (ammonia)
also drops an element that would change namespace when the page is parsed again (an HTML `<p>`
inside `<svg>`, `<svg>` inside `<math>`). It allows a name or not, whatever the namespace: so an
HTML `<title>` in the body is kept, as the inert hidden text it is, and a `<style>` inside `<svg>` is
what an HTML `<style>` already was (allowed: the tables' Stylers need it; the CSP stops any fetch).
"""

from __future__ import annotations

import re

import nh3

# What notebook outputs (Markdown, DataFrame and Styler tables, the highlighted article, charts)
# and nbconvert's lab template use. No form, input, button, textarea, select, math, iframe.
SVG_TAGS = {"svg", "g", "path", "text", "rect", "clipPath", "defs", "title"}
TAGS = SVG_TAGS | {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "main", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "style", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "style", "title", "lang", "dir", "data-mime-type", "data-jp-theme-light",
          "data-jp-theme-name"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "style": {"type"},
    "svg": {"viewBox", "width", "height", "role", "aria-label"},
    "g": {"transform", "clip-path"},
    "path": {"d", "transform", "clip-path"},
    "text": {"x", "y", "transform", "clip-path"},
    "rect": {"x", "y", "width", "height", "transform"},
}
_LOCAL_URL = re.compile(r"url\(#[A-Za-z0-9_-]+\)")
_BODY = re.compile(r"(<body\b[^>]*>)(.*)(</body>)", re.S | re.I)


def _attribute(tag: str, name: str, value: str) -> str | None:
    url = re.sub(r"[\s\x00-\x1f]", "", value).lower()
    if tag == "img" and name == "src":
        return value if url.startswith("data:image/") else None
    if tag == "a" and name == "href":
        return value if url.startswith("#") else None
    if name == "clip-path":
        return value if _LOCAL_URL.fullmatch(value.strip()) else None
    return value


def sanitise(fragment: str) -> str:
    """An HTML fragment with only the allowed elements and attributes (see the module's note).

    >>> sanitise('<p onclick="x()">a <script>alert(1)</script><img src=x onerror=alert(1)>b</p>')
    '<p>a <img>b</p>'
    >>> sanitise('<svg><style><img src=x onerror=alert(1)></style></svg><!--><img src=y onerror=z>-->')
    '<svg><style></style></svg><img><img>--&gt;'
    >>> sanitise('<svg><use href="https://x.example/a.svg#a"/><g clip-path="url(#c)"><title>a<b>b</title></g></svg>')
    '<svg><g clip-path="url(#c)"><title>a</title></g></svg>'
    """
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_attribute,
                     clean_content_tags={"script", "noscript", "iframe", "object", "textarea", "template",
                                         "xmp", "noembed", "noframes", "select"},
                     url_schemes={"data"}, link_rel=None, strip_comments=True)


def defuse(document: str) -> str:
    """A rendered page with its `<body>` sanitised (`sanitise`); a fragment is sanitised whole."""
    match = _BODY.search(document)
    if match is None:
        return sanitise(document)
    return document[: match.start(2)] + sanitise(match.group(2)) + document[match.end(2):]
