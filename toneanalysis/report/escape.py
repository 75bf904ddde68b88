"""The one way untrusted text (an article's, a lexicon's, a file name) reaches a page or a terminal.

Article text is written by strangers, lexicons and file names by users; the report is handed on.
Every such string goes through one of these before it is put into HTML, Markdown, a pandas
Styler or a terminal, and the notebook tests check that the notebooks do nothing else:

- `html_text` / `html_attr`: for HTML element content / attribute values;
- `markdown_text` (`md` in the notebooks): for Markdown, as the text reads, nothing more: every
  ASCII punctuation character becomes a character reference, so no `[link](…)`, `**bold**`,
  heading, code span, math (`$`), autolink or raw HTML can be formed, and whitespace (a newline in
  a `<title>`) is one space, as Markdown would show it anyway;
- `element_html(element)`: an XML element tree (a chart's SVG) as HTML markup, every text and
  attribute value through `html_text` / `html_attr` (a tooltip is article text);
- `styled(df, formats)`: a Styler whose every cell is HTML-escaped (`Styler.format` called once,
  with every column in it: a second `format` call resets the columns it names, escape and all);
- `terminal_text`: for a terminal, with control characters (ESC, BEL, C1, bidi overrides…) shown as
  `\\x1b`-style escapes instead of being sent.

>>> md("[click me](javascript:alert(1)) **bold**")
'&#91;click me&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#42;&#42;bold&#42;&#42;'
>>> terminal_text("a\\x1b]0;pwned\\x07b")
'a\\\\x1b]0;pwned\\\\x07b'
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import string

import pandas as pd

_PUNCTUATION = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}
_WHITESPACE = re.compile(r"\s+")
# C0 controls (but tab and newline), DEL, C1 controls, and the characters that reorder or hide text
# on a terminal: bidi embeddings, overrides and isolates, line/paragraph separators.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_CONTROLS_AND_LINES = re.compile(f"[\n\t]|{_CONTROLS.pattern}")


def html_text(value) -> str:
    """`value` as text inside an HTML element.

    >>> html_text("<b>Tom & Jerry</b>")
    '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;'
    """
    return html.escape(str(value), quote=True)


def html_attr(value) -> str:
    """`value` as an HTML attribute value (to be put between double quotes).

    >>> html_attr('x" onclick="y')
    'x&quot; onclick=&quot;y'
    """
    return html.escape(str(value), quote=True).replace("\n", "&#10;")


def markdown_text(value) -> str:
    """`value` as plain text inside Markdown (see the module's note): what a reader sees is `value`."""
    return _WHITESPACE.sub(" ", str(value)).strip().translate(_PUNCTUATION)


md = markdown_text

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


def _local(name: str) -> str:
    # ElementTree writes a namespaced name as {uri}local; HTML's parser puts <svg> content in its
    # namespace itself. A name is the program's, never the article's: anything else is refused.
    local = name.rsplit("}", 1)[-1]
    if not _NAME.fullmatch(local):
        raise ValueError(f"element_html: not an element or attribute name: {name!r}")
    return local


def element_html(element) -> str:
    """An `xml.etree` element and its children as HTML: names as their local part, text and
    attribute values escaped (`html_text`, `html_attr`), whitespace-only text left out, every
    element closed explicitly. Attributes in another namespace than the element's (`xlink:href`)
    are dropped.

    >>> import xml.etree.ElementTree as ET
    >>> title = ET.Element("title")
    >>> title.text = "</title><script>x()</script>"
    >>> element_html(title)
    '<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>'
    """
    parts: list[str] = []
    _write(element, parts)
    return "".join(parts)


def _write(element, parts: list[str]) -> None:
    tag = _local(element.tag)
    attributes = "".join(f' {_local(name)}="{html_attr(value)}"' for name, value in element.attrib.items()
                         if not name.startswith("{"))
    parts.append(f"<{tag}{attributes}>")
    if element.text and element.text.strip():
        parts.append(html_text(element.text))
    for child in element:
        _write(child, parts)
        if child.tail and child.tail.strip():
            parts.append(html_text(child.tail))
    parts.append(f"</{tag}>")


def styled(frame: pd.DataFrame, formats: dict | None = None, *, na_rep: str | None = None):
    """`frame.style` with every cell HTML-escaped, the columns in `formats` formatted by their spec.

    Chain anything but `.format` onto it (`.format` again would reset the columns it names).

    >>> html = styled(pd.DataFrame({"text": ["<i>x</i>"], "n": [0.5]}), {"n": "{:.2f}"}).to_html()
    >>> "&lt;i&gt;x&lt;/i&gt;" in html and "<i>" not in html and "0.50" in html
    True
    """
    formats = dict(formats or {})
    unknown = set(formats) - set(frame.columns)
    if unknown:
        raise KeyError(f"styled: no such columns {sorted(unknown)}")
    every = {column: formats.get(column) for column in frame.columns}
    return frame.style.format(every, escape="html", na_rep=na_rep).set_uuid(stable_id(frame))


_TABLES = itertools.count()


def stable_id(frame: pd.DataFrame) -> str:
    """An id for a table's HTML (a Styler's CSS selectors) that is the same in every run: the table's
    content and its place among the tables this process styled, where pandas would draw a random one,
    so the same inputs give a report of the same bytes."""
    digest = hashlib.sha1(f"{next(_TABLES)}|{list(frame.columns)}|{frame.shape}".encode())
    digest.update(pd.util.hash_pandas_object(frame.astype(str), index=True).to_numpy().tobytes())
    return digest.hexdigest()[:10]


# What JSON may carry as it is but a terminal would act on (C1 controls, bidirectional overrides):
# written as \u escapes, the same data.
_JSON_CONTROLS = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(text: str) -> str:
    r"""JSON text (`DataFrame.to_json`, whose own escaping covers C0 controls) with the rest of the
    characters a terminal acts on written as `\uXXXX`: the same JSON value, safe to print.

    >>> json_text('"a\u202eb"')
    '"a\\u202eb"'
    """
    return _JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_table(table: pd.DataFrame, form: str, out) -> None:
    """A table to `out` as `csv`, `json` (see `json_text`) or `table` text: CSV into a file or pipe is
    the data exactly; on a terminal its control characters are shown escaped, as in a text table."""
    if form == "csv":
        (terminal_frame(table) if out.isatty() else table).to_csv(out, index=False)
    elif form == "json":
        out.write(json_text(table.to_json(orient="records", force_ascii=False, indent=1)) + "\n")
    else:
        out.write(terminal_frame(table).to_string(index=False) + "\n")


def terminal_text(value, *, lines: bool = False) -> str:
    """`value` with every control character shown as an escape (`\\x1b`, `\\u202e`), so a terminal
    gets text only. `lines=True` keeps newlines and tabs (a message of several lines).
    """
    pattern = _CONTROLS if lines else _CONTROLS_AND_LINES
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))


def terminal_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with `terminal_text` applied to every text cell (for a table printed to a terminal)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: terminal_text(v) if isinstance(v, str) else v)
    return out
