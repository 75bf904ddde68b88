"""Executed notebooks into one HTML page with nbconvert's lab template: outputs only, no scripts.

Rendering is on the report's critical path (it waits for the last notebook), so what can be done
before is: `prepare()` imports nbconvert and builds and warms the exporter while the kernel boots
(`build.run_report` calls it then), and the exporter skips nbconvert's BeautifulSoup pass over the
finished page where that pass does nothing for this page (see `_PageExporter`).
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Sequence
from importlib import resources

from . import page
from .defuse import defuse

PACKAGE = resources.files(__package__)
TEMPLATE_NAME = "toneanalysis-report.html.j2"
# nbconvert's exporters keep per-call state (registered filters, the notebook's metadata): one call at a time.
_LOCK = threading.Lock()


def _without_stderr(notebook):
    """Warnings a kernel printed are for the author, not the reader: drop stderr streams."""
    for cell in notebook.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return notebook


def _copy(notebook):
    # A JSON round trip: the same tree as copy.deepcopy, in a fraction of its time on NotebookNodes.
    import nbformat

    return nbformat.from_dict(json.loads(json.dumps(notebook)))


def _markdown_images(cells) -> bool:
    """Whether any markdown (a cell, or a cell's Markdown output) may show an image (`![](file)`, `<img>`).

    nbconvert inlines such images as data (the page fetches nothing) by parsing the whole page once
    more; charts are inline SVG and image outputs are inline already, so without one that is skipped.
    """
    texts = [cell.source for cell in cells if cell.cell_type == "markdown"]
    texts += [str(output.get("data", {}).get("text/markdown", "")) for cell in cells
              for output in cell.get("outputs", [])]
    return any("![" in text or "<img" in text for text in texts)


def _page_exporter():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        """HTMLExporter without its last step where the page has no `<img>`.

        That step parses the finished page with BeautifulSoup and writes it out again (about half
        of rendering) to give an `<img>` without alt text a placeholder and cells a `tabindex`.
        The sanitiser (`defuse`) drops `tabindex`, and charts are inline SVG with their own
        accessible names, so without an `<img>` the step changes nothing the reader gets. With one,
        HTMLExporter runs as it is. The filters registered are HTMLExporter's own, as it registers
        them (nbconvert is pinned; `tests/test_report.py` compares the two pages).
        """

        def from_notebook_node(self, nb, resources=None, **kw):
            language = nb.metadata.get("language_info", {})
            lexer = language.get("pygments_lexer", language.get("name", None))
            resources = self._init_resources(resources)
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            if "<img" in html:
                return super().from_notebook_node(nb, resources, **kw)
            return html, resources

    return PageExporter


def make_exporter(kind, embed_images: bool):
    """An exporter of class `kind` (an HTMLExporter) set up for the report's page."""
    import jinja2

    templates = {TEMPLATE_NAME: PACKAGE.joinpath("report.html.j2").read_text(encoding="utf-8"),
                 "toneanalysis-report.css": PACKAGE.joinpath("report.css").read_text(encoding="utf-8")}
    return kind(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader(templates)],
        template_file=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=embed_images,
        require_js_url="",
        mathjax_url="",
    )


@functools.cache
def _exporter(embed_images: bool):
    return make_exporter(_page_exporter(), embed_images)


def prepare() -> None:
    """Import nbconvert and have the page's template compiled, by rendering a page of two cells;
    the next `render_html` starts from there."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## A heading\n\nA paragraph with `code`.\n\n| a |\n|---|\n| 1 |"),
        nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<p>a</p>", "text/markdown": "**a**", "text/plain": "a"})]),
    ]
    render_html([notebook])


def render_html(notebooks: Sequence, *, title: str = "toneanalysis report",
                document: bool | page.Layout = False) -> str:
    """One HTML page from executed notebooks, in order: outputs only, images embedded, no scripts.

    `document=True` arranges an article's report for a reader (`page.py`: title, summary, contents,
    sections, method and limits), a `page.Layout` another kind (`page.CORPUS`); otherwise every cell
    is shown as it is. The notebooks are left as they are (the page is made from copies).
    """
    import nbformat

    copies = [_without_stderr(_copy(notebook)) for notebook in notebooks]
    merged = nbformat.v4.new_notebook(metadata={**notebooks[0].metadata, "title": title})
    if document:
        merged.cells = page.arrange(copies, document if isinstance(document, page.Layout) else page.ARTICLE)
    else:
        for number, notebook in enumerate(copies, start=1):
            for index, cell in enumerate(notebook.cells):
                cell["id"] = f"nb{number}-{index}"  # notebooks number their cells alike; ids must be unique
                merged.cells.append(cell)
    with _LOCK:
        body, _ = _exporter(_markdown_images(merged.cells)).from_notebook_node(merged)
    return defuse(page.with_contents(body) if document else body)
