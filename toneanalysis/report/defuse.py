"""Defuse a rendered report: whatever could run code or fetch a resource is taken out.

Notebook outputs are HTML written by notebook code around untrusted article text; one output that
forgets to escape (a Styler, a Markdown f-string) must not make the report run the article.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements that run or fetch something; a report has no business with any of them. The first
# group's content goes too (a script's text is code, not something to show).
_DROPPED_WITH_CONTENT = {"script", "iframe", "object", "applet", "frameset", "noscript"}
_DROPPED = _DROPPED_WITH_CONTENT | {"embed", "base", "link", "frame"}
_URL_ATTRIBUTES = {"src", "href", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background"}


def _safe_url(tag: str, name: str, value: str | None) -> bool:
    url = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
    if name == "href" and tag == "a":  # a link is followed only if the reader clicks it
        return url.startswith(("#", "http:", "https:", "mailto:")) or not re.match(r"^[a-z][a-z0-9+.-]*:", url)
    return url.startswith("data:image/")


def _harmless(tag: str, attrs) -> bool:
    if tag in _DROPPED:
        return False
    if tag == "meta":  # charset, viewport, content type and our CSP; never a refresh
        http_equiv = dict(attrs).get("http-equiv")
        return http_equiv is None or http_equiv.lower() in ("content-security-policy", "content-type")
    if tag == "img":  # an image that would be fetched is left out rather than shown broken
        return _safe_url(tag, "src", dict(attrs).get("src"))
    return True


def _clean(tag: str, attrs) -> bool:
    return not any(n.startswith("on") or (n in _URL_ATTRIBUTES and not _safe_url(tag, n, v)) for n, v in attrs)


class _Defuser(HTMLParser):
    """Re-emits HTML as it came, except what could run or fetch: scripts and frames are dropped,
    `on*` handlers removed, URLs kept only when they are anchors, data: images or plain links.

    Notebook outputs are HTML written by notebook code around untrusted article text; one output that
    forgets to escape (a Styler, a Markdown f-string) must not make the report run the article.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skipping = 0

    def _start(self, tag, attrs, closing):
        if not _harmless(tag, attrs):
            self.skipping += tag in _DROPPED_WITH_CONTENT and closing == ""
            return
        if self.skipping:
            return
        if _clean(tag, attrs):
            self.out.append(self.get_starttag_text())
        else:
            kept = [n if v is None else f'{n}="{html.escape(v, quote=True)}"' for n, v in attrs
                    if not n.startswith("on") and (n not in _URL_ATTRIBUTES or _safe_url(tag, n, v))]
            self.out.append(f"<{tag}{''.join(' ' + a for a in kept)}{closing}>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, " /")

    def handle_endtag(self, tag):
        if tag in _DROPPED_WITH_CONTENT and self.skipping:
            self.skipping -= 1
        elif tag not in _DROPPED and not self.skipping:
            self.out.append(f"</{tag}>")

    def _text(self, text):
        if not self.skipping:
            self.out.append(text)

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")

    def handle_comment(self, data):
        self._text(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._text(f"<!{decl}>")

    def handle_pi(self, data):
        self._text(f"<?{data}>")

    def unknown_decl(self, data):
        self._text(f"<![{data}]>")


def defuse(document: str) -> str:
    """`document` with everything that could run code or fetch a resource taken out (see `_Defuser`).

    >>> defuse('<p onclick="x()">a <script>alert(1)</script><img src=x onerror=alert(1)>b</p>')
    '<p>a b</p>'
    """
    parser = _Defuser()
    parser.feed(document)
    parser.close()
    return "".join(parser.out)
