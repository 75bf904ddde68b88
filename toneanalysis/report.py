"""The HTML report: run the notebooks on an article with papermill, render them into one HTML file.

Every `notebooks/NN-*.ipynb` runs in order with the same parameters (`article_path`,
`baseline_paths`, `lexicon_path`, as absolute paths); notebooks numbered in `NEEDS_BASELINES` run only when baselines
are given. The notebooks call the package's functions, so the report shows what a user sees in
JupyterLab. The HTML is self-contained: code hidden, charts embedded as PNG data URIs, and no
scripts at all (nbconvert's lab template otherwise loads require.js, MathJax and mermaid from a CDN).
Article text is untrusted: besides each notebook's own escaping, the page is defused (`defuse`: no
scripts, handlers or fetched URLs survive) and carries a Content-Security-Policy that forbids scripts
and every fetch but data: images.

    toneanalysis report ARTICLE [--baseline FILE ...] [--lexicon CSV] [-o OUT.html]
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
from html.parser import HTMLParser
from collections.abc import Callable, Sequence
from pathlib import Path

from .article import load_article
from .errors import ToneAnalysisError
from .lexicon import load_lexicon

# The package is installed editable from the repository, which holds the notebooks.
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
# Notebook numbers that compare the article with baselines: skipped when none are given.
NEEDS_BASELINES = {"02"}
# Resolved by jupyter_client to the Python running this code (the project's .venv): its
# kernelspec says `python`, which jupyter_client replaces with sys.executable.
KERNEL = "python3"

# What every report notebook's `parameters` cell sets; papermill overrides them all.
PARAMETERS = ("article_path", "baseline_paths", "lexicon_path")

_NUMBERED = re.compile(r"^(\d\d)-.+\.ipynb$")

# The lab template, with every block that writes a <script> emptied: nothing is fetched, nothing runs.
TEMPLATE_NAME = "toneanalysis-report.html.j2"
TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_javascript scoped -%}{%- endblock data_javascript -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
{%- block extra_css -%}
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<style type="text/css">
  main { max-width: 1100px; margin: 0 auto; }
  .jp-Cell { padding: 2px 0; }
</style>
{%- endblock extra_css -%}
"""
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


def report_notebooks(*, baselines: Sequence = (), folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks a report runs, in order: every `NN-*.ipynb`, less `NEEDS_BASELINES` without baselines."""
    found = sorted(p for p in Path(folder).glob("*.ipynb") if _NUMBERED.match(p.name))
    return [p for p in found if baselines or _NUMBERED.match(p.name).group(1) not in NEEDS_BASELINES]


def check_inputs(article, baselines: Sequence = (), lexicon=None) -> dict:
    """Read every input once before any kernel starts; `ToneAnalysisError` names the bad one.

    Returns the notebook parameters: absolute paths, since notebooks run with cwd = notebooks/.
    """
    load_article(article)
    for path in baselines:
        load_article(path)
    if lexicon is not None:
        load_lexicon(lexicon)
    return {
        "article_path": str(Path(article).resolve()),
        "baseline_paths": [str(Path(p).resolve()) for p in baselines],
        "lexicon_path": None if lexicon is None else str(Path(lexicon).resolve()),
    }


def notebook_parameters(path: Path, values: dict) -> dict:
    """The parameters to pass `path`: `values`, once its `parameters` cell is seen to declare them all.

    A notebook that does not declare one is refused: it would run on its own default article, and
    the report would silently describe the wrong piece.
    """
    import papermill

    declared = papermill.inspect_notebook(str(path))
    missing = [name for name in PARAMETERS if name not in declared]
    if missing:
        raise ToneAnalysisError(
            f"{Path(path).name}: its 'parameters' cell does not set {', '.join(missing)} "
            f"(report notebooks take {', '.join(PARAMETERS)})"
        )
    return dict(values)


def run_notebook(path: Path, parameters: dict, *, kernel_name: str = KERNEL):
    """Execute one notebook with papermill, the kernel in the notebook's folder; the executed
    notebook, or a one-line `ToneAnalysisError` naming the cell that failed."""
    import papermill

    try:
        return papermill.execute_notebook(
            str(path), None, parameters=parameters, kernel_name=kernel_name,
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            # The kernel's cwd, as nbclient sets it; papermill's own `cwd=` would os.chdir the
            # whole process, which notebooks running side by side in threads cannot share.
            resources={"metadata": {"path": str(Path(path).resolve().parent)}},
            # The kernel logs to our stderr: a warning that local TCP is unencrypted, and an error when
            # it is interrupted at shutdown. A failing cell surfaces through papermill instead.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except papermill.PapermillExecutionError as error:
        raise ToneAnalysisError(
            f"{Path(path).name}: cell {error.exec_count} failed: {error.ename}: {error.evalue}"
        ) from None


def _timed_run(path: Path, parameters: dict):
    started = time.perf_counter()
    return run_notebook(path, parameters), time.perf_counter() - started


def run_notebooks(paths: Sequence[Path], parameters: Sequence[dict], *, jobs: int | None = None,
                  progress: Callable[[str], None] = lambda message: None) -> list:
    """Execute notebooks (each with its parameters), each in a fresh kernel as in JupyterLab, `jobs`
    at a time (default: one per core); the executed notebooks in order.

    A notebook's time is mostly its kernel's start-up, imports and lexicon, on one core, so two at once
    nearly halve the wall time on two cores. Threads, not processes: the work is in the kernels, and
    a spawned worker would spend seconds importing papermill again. nbclient runs one event loop per
    thread.
    """
    import concurrent.futures

    total = len(paths)
    jobs = max(1, min(jobs or os.cpu_count() or 1, total))
    results = [None] * total
    with concurrent.futures.ThreadPoolExecutor(jobs, thread_name_prefix="notebook") as pool:
        futures = {}
        for number, path in enumerate(paths, start=1):
            progress(f"[{number}/{total}] running {path.name}")
            futures[pool.submit(_timed_run, path, parameters[number - 1])] = number
        try:
            for future in concurrent.futures.as_completed(futures):
                number = futures[future]
                results[number - 1], seconds = future.result()
                progress(f"[{number}/{total}] {paths[number - 1].name} done in {seconds:.1f} s")
        except BaseException:
            for future in futures:
                future.cancel()  # those not started; running ones finish and shut their kernels down
            raise
    return results


def _without_stderr(notebook):
    """Warnings a kernel printed are for the author, not the reader: drop stderr streams."""
    for cell in notebook.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return notebook


def render_html(notebooks: Sequence, *, title: str = "toneanalysis report") -> str:
    """One HTML page from executed notebooks, in order: outputs only, images embedded, no scripts."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook(metadata={**notebooks[0].metadata, "title": title})
    for number, notebook in enumerate(notebooks, start=1):
        for index, cell in enumerate(_without_stderr(notebook).cells):
            cell["id"] = f"nb{number}-{index}"  # notebooks number their cells alike; ids must be unique
            merged.cells.append(cell)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({TEMPLATE_NAME: TEMPLATE})],
        template_file=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        require_js_url="",
        mathjax_url="",
    )
    body, _ = exporter.from_notebook_node(merged)
    return defuse(body)


def _stderr(message: str) -> None:
    print(f"toneanalysis report: {message}", file=sys.stderr, flush=True)


def build_report(article, *, baselines: Sequence = (), lexicon=None, output=None,
                 progress: Callable[[str], None] | None = _stderr, folder: Path = NOTEBOOKS,
                 jobs: int | None = None) -> Path:
    """Run the report notebooks on `article` and write one self-contained HTML file; return its path.

    `output` defaults to `reports/<article name>.html` in the current folder. Bad inputs raise
    `ToneAnalysisError` before any notebook runs; a failing notebook raises one naming the cell.
    `jobs` notebooks run at once (default: one per core).
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    say(f"checking {article}" + (f" and {len(baselines)} baseline(s)" if baselines else ""))
    parameters = check_inputs(article, baselines, lexicon)
    notebooks = report_notebooks(baselines=baselines, folder=folder)
    if not notebooks:
        raise ToneAnalysisError(f"no notebooks named NN-*.ipynb in {folder}")
    per_notebook = [notebook_parameters(path, parameters) for path in notebooks]
    executed = run_notebooks(notebooks, per_notebook, jobs=jobs, progress=say)
    say("rendering HTML")
    title = f"toneanalysis report: {Path(article).name}"
    html = render_html(executed, title=title)
    target = Path(output) if output is not None else Path("reports") / f"{Path(article).stem}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    say(f"wrote {target} ({len(html.encode()) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return target
