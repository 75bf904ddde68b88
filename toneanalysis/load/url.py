"""Articles from URLs: the page fetched with httpx (redirects followed, timeouts, a size cap, the charset
from the headers), then read as any HTML page. Every failure is a one-line `ToneAnalysisError`."""

from __future__ import annotations

import re

from ..errors import ToneAnalysisError

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 10 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)


def is_url(text: str) -> bool:
    """Whether a string is an http(s) URL (one line, no spaces).

    >>> is_url("https://example.org/news/story"), is_url("data/raw/piece.txt")
    (True, False)
    """
    return isinstance(text, str) and bool(_URL.match(text.strip()))


def _charset(data: bytes, header: str | None) -> str:
    for name in (header, *(m.decode("ascii", "replace") for m in _META_CHARSET.findall(data[:4096]))):
        if name:
            try:
                "".encode(name)
                return name
            except LookupError:
                continue
    return "utf-8"


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> tuple[str, str]:
    """(HTML text, final URL after redirects) of a page; `timeout` and `max_bytes` default to `TIMEOUT`
    and `MAX_BYTES`. The charset is the Content-Type header's, else the page's <meta>, else UTF-8."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    # httpx is imported when a URL is fetched: nothing else needs it at start-up.
    import httpx

    url = url.strip()
    try:
        client = httpx.Client(follow_redirects=True, timeout=timeout, max_redirects=10,
                              headers={"User-Agent": "toneanalysis (+https://pypi.org/project/toneanalysis/)"})
        with client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise ToneAnalysisError(f"{url}: HTTP error {response.status_code} {response.reason_phrase}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in HTML_TYPES:
                raise ToneAnalysisError(f"{url}: not an HTML page (content type {kind})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ToneAnalysisError(f"{url}: the page is larger than the {max_bytes:,}-byte limit")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ToneAnalysisError(f"{url}: the page is larger than the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            final = str(response.url)
            charset = response.charset_encoding
    except httpx.TimeoutException:
        raise ToneAnalysisError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise ToneAnalysisError(f"{url}: too many redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise ToneAnalysisError(f"{url}: cannot be fetched ({type(error).__name__}: {error})") from None
    data = b"".join(chunks)
    if not data.strip():
        raise ToneAnalysisError(f"{url}: the page is empty")
    return data.decode(_charset(data, charset), errors="replace"), final
