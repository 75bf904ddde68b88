"""Where an article comes from: outlet, authors, dates, URL, language and title.

From a page: JSON-LD (`NewsArticle` and its kin), Open Graph and `<meta>` tags, `<link rel=canonical>`,
`<time>`, `<html lang>`, and htmldate when the page marks no date. From a text file: a header of
`Key: value` lines at the top (see `text_header`). Keyword arguments win over both (`merge`).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bs4 is imported where a page is read (html.py says why)
    from bs4 import BeautifulSoup, Tag

from ..errors import ToneAnalysisError
from .article import Metadata

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                 "blogposting", "liveblogposting", "socialmediaposting", "webpage", "reviewnewsarticle",
                 "backgroundnewsarticle", "report", "techarticle", "scholarlyarticle"}
FIELDS = tuple(f.name for f in dataclasses.fields(Metadata))
# Header keys of a text file, and the field each one fills.
HEADER_KEYS = {"title": "title", "headline": "title", "outlet": "outlet", "source": "outlet", "site": "outlet",
               "publication": "outlet", "author": "authors", "authors": "authors", "by": "authors",
               "byline": "authors", "date": "date", "published": "date", "modified": "modified",
               "updated": "modified", "url": "url", "link": "url", "canonical": "url", "language": "language",
               "lang": "language"}
_HEADER_LINE = re.compile(r"^([A-Za-z]+)\s*:\s*(\S.*)$")


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [n.strip() for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", value) if n.strip()]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, (list, tuple)):
        return [n for v in value for n in _names(v)]
    return []


def _objects(data):
    """Every dict in a JSON-LD document (its `@graph`s and nested values included)."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _objects(value)
    elif isinstance(data, list):
        for value in data:
            yield from _objects(value)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", ())
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def json_ld_article(soup: BeautifulSoup) -> dict:
    """The page's JSON-LD article object (the first of an article type with a headline or body), or {}."""
    found = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            data = json.loads(script.string or script.get_text() or "null")
        except ValueError:  # broken JSON-LD is common; the page's other metadata still counts
            continue
        found += [o for o in _objects(data) if _types(o) & ARTICLE_TYPES and ("headline" in o or "articleBody" in o)]
    news = [o for o in found if _types(o) - {"webpage"}]
    return (news or found or [{}])[0]


def _metas(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta> with content, by its property, name or itemprop (the first of each), read once."""
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = (tag.get("content") or "").strip()
        for key in ("property", "name", "itemprop"):
            if content and tag.get(key):
                found.setdefault(tag[key].strip().lower(), content)
    return found


def _meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[name.lower()] for name in names if name.lower() in metas), None)


def _text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    return str(value).strip() or None


def _htmldate(html: str) -> str | None:
    # htmldate is imported when a page marks no date at all: it is not what most pages need.
    import htmldate

    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate's own parsing errors: a page with no date has none)
        return None


_JOB = re.compile(r"\b(?:reporter|editor|correspondent|writer|staff|chief|senior|political|news|desk|columnist|"
                  r"contributor|producer|agencies|agency|in|for)\b", re.I)


def byline_names(byline: str) -> list[str]:
    """The people a byline names, without "By" and job titles.

    >>> byline_names("By Kev Brannigan and Ama Owusu, Chief Reporters")
    ['Kev Brannigan', 'Ama Owusu']
    """
    text = re.sub(r"^(?:\w+\s+)?by:?\s+", "", byline.strip(), flags=re.I)
    text = re.split(r"\s*(?:\||–|—|\s-\s)\s*", text)[0]
    parts = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", text) if p.strip()]
    return [p for p in parts if p[:1].isupper() and not _JOB.search(p) and len(p.split()) <= 4]


def page_metadata(soup: BeautifulSoup, html: str, bylines: list[str] = ()) -> Metadata:
    """The page's own metadata (JSON-LD first, then Open Graph and <meta>, then the markup; `bylines`
    are the texts of the page's byline blocks, for authors the page names nowhere else)."""
    from bs4 import Tag

    ld = json_ld_article(soup)
    metas = _metas(soup)
    publisher = ld.get("publisher")
    time_tag = soup.find("time", attrs={"datetime": True})
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True})
    html_tag = soup.find("html")
    authors = _names(ld.get("author")) or _names(_meta(metas, "author", "article:author", "parsely-author",
                                                       "sailthru.author", "dc.creator") or "")
    authors = [a for a in authors if not a.startswith(("http://", "https://", "@"))]  # profile links, handles
    if not authors:
        authors = [_text_of(t) for t in soup.select('[rel~=author], [itemprop=author]') if _text_of(t)][:3]
    if not authors:
        authors = [name for line in bylines for name in byline_names(line)]
    date = (_text(ld.get("datePublished")) or _meta(metas, "article:published_time", "og:published_time",
            "datePublished", "pubdate", "publish-date", "date", "dc.date", "sailthru.date", "parsely-pub-date")
            or (time_tag["datetime"].strip() if time_tag else None))
    return Metadata(
        outlet=(_text(publisher) if publisher else None) or _meta(metas, "og:site_name", "application-name"),
        authors=tuple(dict.fromkeys(authors)),
        date=date or _htmldate(html),
        modified=_text(ld.get("dateModified")) or _meta(metas, "article:modified_time", "og:updated_time",
                                                        "dateModified", "last-modified"),
        url=(canonical["href"].strip() if canonical else None) or _meta(metas, "og:url") or _text(ld.get("url")),
        language=(html_tag.get("lang") if isinstance(html_tag, Tag) and html_tag.get("lang") else None)
        or _text(ld.get("inLanguage")) or _meta(metas, "og:locale", "language", "content-language"),
        title=_text(ld.get("headline")) or _meta(metas, "og:title", "twitter:title")
        or (soup.title.get_text(strip=True) if soup.title else None) or None,
    )


def _text_of(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ")).strip().removeprefix("By ").strip()


def text_header(lines: list[str]) -> tuple[dict, int]:
    """A text file's metadata header: `Key: value` lines at the very top (keys such as Outlet, Author,
    Date, URL, Title, Language; see `HEADER_KEYS`), ended by a `---` line, or by a blank line when
    there are two or more. Returns the fields and how many lines (separator included) it takes.

    >>> text_header(["Outlet: The Fenmoor Gazette", "Date: 2025-03-03", "", "Headline"])
    ({'outlet': 'The Fenmoor Gazette', 'date': '2025-03-03'}, 2)
    """
    fields: dict = {}
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "---" and fields:
            return fields, n + 1
        if not stripped:
            return (fields, n) if len(fields) >= 2 else ({}, 0)
        match = _HEADER_LINE.match(stripped)
        if not match or match.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        field = HEADER_KEYS[match.group(1).lower()]
        fields[field] = _names(match.group(2)) if field == "authors" else match.group(2).strip()
    return {}, 0


def merge(base: Metadata | dict | None = None, **fields) -> Metadata:
    """Metadata from `base` with `fields` (keyword arguments, None ignored) written over it."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ToneAnalysisError(f"unknown metadata field(s) {unknown}; known: {', '.join(FIELDS)}")
    values = dataclasses.asdict(base) if isinstance(base, Metadata) else dict(base or {})
    for name, value in fields.items():
        if value is None:
            continue
        if name == "authors":
            value = tuple(_names(value)) if isinstance(value, str) else tuple(value)
        elif isinstance(value, (datetime.date, datetime.datetime)):
            value = value.isoformat()
        values[name] = value if name == "authors" else str(value)
    values["authors"] = tuple(values.get("authors") or ())
    return Metadata(**values)
