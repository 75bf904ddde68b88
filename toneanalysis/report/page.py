"""An article's report as a reader gets it: the notebooks' outputs arranged as one document.

The page opens with the piece's headline (the output of the summary notebook's cell tagged
`report-title`), then the summary (the first notebook), a table of contents, each notebook as a
section, and "Method and limits" (`method.md`) at the end. Cells tagged `report-hide` run (a later
cell may need what they compute) but are left out: the notebooks' notes for whoever opens them in
JupyterLab (how to run them, which functions they call) and each notebook's own heading of the
piece, which the page shows once. Headings move one level down under the page's own `<h1>`, a
notebook's "NN · " number is dropped, and every heading gets an id of its own for the contents to
link to (nbconvert derives ids from the heading's text, so two sections called alike would share one).

A corpus's report is one notebook (04) arranged the same way by another `Layout`: its own method
file, its headings as written (the notebook's sections are `##` already), and the contents before
the cell tagged `report-contents` (the first after its summary), since there is no second notebook
to put them in front of.
"""

from __future__ import annotations

import re
import urllib.parse
from importlib import resources
from typing import NamedTuple

HIDE, TITLE, CONTENTS_HERE = "report-hide", "report-title", "report-contents"
METHOD = resources.files(__package__).joinpath("method.md")
CORPUS_METHOD = resources.files(__package__).joinpath("method-corpus.md")
CONTENTS = "## Contents"


class Layout(NamedTuple):
    """How `arrange` makes a page of notebooks: the "Method and limits" file at the end, and how
    many levels each notebook heading moves down (1: a notebook's `#` becomes a section's `##`)."""

    method: object = METHOD
    demote: int = 1


ARTICLE = Layout()
CORPUS = Layout(CORPUS_METHOD, demote=0)

_HEADING_LINE = re.compile(r"^(#{1,5})(?=\s)", re.M)
_NUMBER = re.compile(r"^(#+\s+)\d\d\s+·\s+", re.M)
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", [])


def _demoted(markdown: str, levels: int = 1) -> str:
    return _NUMBER.sub(r"\1", _HEADING_LINE.sub("#" * levels + r"\1", markdown))


def _promoted(markdown: str) -> str:
    return re.sub(r"^#+(?=\s)", "#", markdown.lstrip(), count=1)


def _rewritten(cell, change):
    if cell.cell_type == "markdown":
        cell.source = change(cell.source)
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/markdown" in data:
            data["text/markdown"] = change(data["text/markdown"])
    return cell


def arrange(notebooks: list, layout: Layout = ARTICLE) -> list:
    """The cells of the page, from copies of the executed notebooks (the summary first), in order,
    each with a unique id: the title first, hidden cells left out, headings as the module's note
    says, the contents before the cell tagged `report-contents` (else after the first notebook) and
    the method (`layout.method`) at the end."""
    import nbformat  # here, not at the top: importing it costs seconds (jsonschema), and `import toneanalysis` must not

    def contents():
        return nbformat.v4.new_markdown_cell(CONTENTS, id="contents")

    placed = any(CONTENTS_HERE in _tags(cell) for notebook in notebooks for cell in notebook.cells)
    titles, cells = [], []
    for number, notebook in enumerate(notebooks, start=1):
        for index, cell in enumerate(notebook.cells):
            if CONTENTS_HERE in _tags(cell):
                cells.append(contents())
            if HIDE in _tags(cell):
                continue
            cell["id"] = f"nb{number}-{index}"  # notebooks number their cells alike; ids must be unique
            if TITLE in _tags(cell):
                titles.append(_rewritten(cell, _promoted))
            else:
                cells.append(_rewritten(cell, lambda text: _demoted(text, layout.demote)))
        if number == 1 and len(notebooks) > 1 and not placed:
            cells.append(contents())
    cells.append(nbformat.v4.new_markdown_cell(layout.method.read_text(encoding="utf-8"), id="method"))
    return titles + cells


def _slug(old: str, taken: set) -> str:
    words = re.sub(r"[^\w]+", "-", urllib.parse.unquote(old).lower()).strip("-")[:48].strip("-") or "section"
    slug, n = words, 1
    while slug in taken:
        n += 1
        slug = f"{words}-{n}"
    taken.add(slug)
    return slug


def with_contents(body: str) -> str:
    """The rendered page with one id per heading, and the contents (every `<h2>` and `<h3>` after the
    "Contents" heading) listed under that heading, linked."""
    taken: set = set()
    found = []

    def unique(match) -> str:
        level, old, inner = match.groups()
        slug, link = _slug(old, taken), f'href="#{old}"'
        # nbconvert writes the anchor's pilcrow as a character reference; BeautifulSoup, when it runs, as "¶".
        text = _TAG.sub("", inner.replace(link, "")).replace("&#182;", "").replace("¶", "").strip()
        found.append((int(level), slug, text))
        inner = inner.replace(link, f'href="#{slug}"')
        return f'<h{level} id="{slug}">{inner}</h{level}>'

    body = _HEADING.sub(unique, body)
    at = [i for i, (_, slug, text) in enumerate(found) if text == CONTENTS.lstrip("# ")]
    if not at:
        return body
    entries, open_sub = [], False
    for level, slug, text in found[at[0] + 1:]:
        if level == 2:
            entries.append(("</ul></li>" if open_sub else "</li>") if entries else "")
            entries.append(f'<li><a href="#{slug}">{text}</a>')
            open_sub = False
        elif level == 3 and entries:
            entries.append("" if open_sub else "<ul>")
            entries.append(f'<li><a href="#{slug}">{text}</a></li>')
            open_sub = True
    if entries:
        entries.append("</ul></li>" if open_sub else "</li>")
    listing = f'<ul class="ta-contents">{"".join(entries)}</ul>'
    contents_slug = found[at[0]][1]
    heading = re.search(rf'<h2 id="{contents_slug}">.*?</h2>', body, re.S)
    return body[:heading.end()] + listing + body[heading.end():]
