"""Every notebook in notebooks/ runs as a user opens it, is committed without outputs, and keeps the house rules.

The notebooks run once per session, in the report run (`report_run` in conftest.py), which the
report tests read too.
"""

import ast
import re

import nbformat
import pytest
from conftest import BASELINES, DEMO_CORPUS, ROOT, SAMPLE

from toneanalysis.report import build
from toneanalysis.report.corpus import CORPUS_PARAMETERS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ids = [p.name for p in NOTEBOOKS]


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def python_of(cell):
    """The cell's Python, less IPython magics and shell escapes."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in cell.source.splitlines())


def is_corpus(path):
    return build.notebook_flag(path, "corpus")


def parameters_cell(path):
    [cell] = [c for c in code_cells(path) if "parameters" in c.metadata.get("tags", [])]
    return cell


def test_there_are_notebooks():
    assert "01-tone-through-the-piece.ipynb" in ids
    # The package's notebooks are these files (in the repository, through the symlink).
    assert sorted(p.resolve() for p in build.NOTEBOOKS.glob("*.ipynb")) == [p.resolve() for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_committed_without_outputs(path):
    # What `nbstripout --verify` checks (ids are the authors' to choose, as with --keep-id).
    for cell in code_cells(path):
        assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: run nbstripout on it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_house_rules(path):
    """Notebooks import the module and define no functions; the theme is set once, at the top;
    a `parameters` cell names what papermill passes (`toneanalysis report` sets all three)."""
    cells = code_cells(path)
    trees = [ast.parse(python_of(c)) for c in cells]
    defined = [n.name for t in trees for n in ast.walk(t) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                            ast.ClassDef))]
    assert defined == [], f"{path.name} defines {defined}: move them into toneanalysis/"
    themed = [i for i, c in enumerate(cells) if "set_theme(" in c.source]
    assert len(themed) == 1 and themed[0] <= 1, f"{path.name}: call sns.set_theme once, at the top"
    assert any("import toneanalysis" in c.source or "from toneanalysis" in c.source for c in cells)
    assigned = {t.id for n in ast.parse(parameters_cell(path).source).body if isinstance(n, ast.Assign)
                for t in n.targets}
    for name in CORPUS_PARAMETERS if is_corpus(path) else build.PARAMETERS:  # what `toneanalysis report` passes
        assert name in assigned, f"{path.name}: the parameters cell does not set {name}"
    assert nbformat.read(path, as_version=4).metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_defaults_are_what_the_report_run_passes(path):
    """A notebook's own defaults, resolved from its folder as JupyterLab's kernel does, are the bundled
    article, the three baselines and the default lexicon: the paths the session's report run passes.

    The parameters cell holds literal assignments only, so papermill's cell injected after it replaces
    every default and nothing computed from them is left behind.
    """
    values = {}
    for statement in ast.parse(parameters_cell(path).source).body:
        assert isinstance(statement, ast.Assign), f"{path.name}: the parameters cell only assigns literals"
        [target] = statement.targets
        values[target.id] = ast.literal_eval(statement.value)
    folder = path.parent  # the kernel's cwd, in JupyterLab and in the report
    if is_corpus(path):  # the demo corpus, its manifest, no folder to keep tables in
        assert (folder / values["corpus_path"]).resolve() == DEMO_CORPUS.resolve()
        assert values["manifest_path"] is None and values["out_path"] is None and values["lexicon_path"] is None
        return
    assert (folder / values["article_path"]).resolve() == SAMPLE.resolve()
    assert sorted((folder / p).resolve() for p in values["baseline_paths"]) == [p.resolve() for p in BASELINES]
    assert values["lexicon_path"] is None


# Why the report run stands in for opening each notebook in JupyterLab and running all cells with its
# own defaults, rather than a second run of all three with nbclient: it is the same code in the same
# kernel (`python3`, this environment's Python), in the same cwd (the notebook's folder), on the same
# files (the defaults resolve to the paths the run passes: test above). What differs is papermill's
# injected-parameters cell, which sets those same paths as absolute ones, and the one hostile paragraph
# appended to the article, which only adds a paragraph and must not break a notebook either. Running
# the notebooks a second time would double the slowest part of the suite and check nothing more.
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_runs_as_a_user_opens_it(path, request):
    report_run = request.getfixturevalue("corpus_report_run" if is_corpus(path) else "report_run")
    if report_run.error:
        where = "" if report_run.error.startswith(f"{path.name}:") else "another notebook of the report failed: "
        pytest.fail(where + report_run.error)
    assert path.name in report_run.notebooks, f"{path.name} did not run in the report"
    notebook = report_run.notebooks[path.name]
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in cells if c.source.strip()), f"{path.name}: not every cell ran"
    shown = [o for c in cells for o in c.outputs]
    assert [o for o in shown if o.output_type == "error"] == []
    if path.name.startswith("01-"):
        charts = [o for o in shown if o.get("data", {}).get("text/html", "").startswith("<svg ")]  # plots.chart
        html = "".join(o.get("data", {}).get("text/html", "") for o in shown)
        assert len(charts) == 2 and 'class="ta-hit' in html and "background-color" in html



# Issue 13: untrusted text (article, lexicon, file names) reaches Markdown only through the escaping
# helper (`md`), and a table only through `styled`; a number only through a numeric format spec.
_NUMERIC_SPEC = re.compile(r"^[<>=^]?[+\- ]?#?0?\d*[,_]?(\.\d+)?[bdeEfFgGnoxX%]$|^[<>=^]?[+\- ]?\d*[,_](\.\d+)?$")
_HELPERS = {"markdown_text", "md"}


def _safe_markdown(node) -> bool:
    """Whether an expression can only produce escaped text, literals or formatted numbers."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return all(_safe_markdown(v) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        spec = node.format_spec
        if spec is not None:
            return (isinstance(spec, ast.JoinedStr) and len(spec.values) == 1
                    and isinstance(spec.values[0], ast.Constant) and bool(_NUMERIC_SPEC.match(spec.values[0].value)))
        return node.conversion == -1 and _safe_markdown(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in _HELPERS
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
        [argument] = node.args
        return (isinstance(node.func.value, ast.Constant) and isinstance(argument, (ast.GeneratorExp, ast.ListComp))
                and _safe_markdown(argument.elt))
    if isinstance(node, ast.IfExp):
        return _safe_markdown(node.body) and _safe_markdown(node.orelse)
    if isinstance(node, ast.BoolOp):
        return all(_safe_markdown(v) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _safe_markdown(node.left) and _safe_markdown(node.right)
    return False


def untrusted_output(source: str) -> list[str]:
    """What in a notebook cell builds Markdown or a Styler other than through the escaping helpers."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Markdown"
                and not all(_safe_markdown(a) for a in node.args)):
            problems.append(f"Markdown({ast.unparse(node.args[0])[:80]}…)")
        if isinstance(node, ast.Attribute) and node.attr == "style":
            problems.append(f"{ast.unparse(node)[:80]}: a Styler, not through styled(…)")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                and not isinstance(node.func.value, ast.Constant)):
            problems.append(f"{ast.unparse(node)[:80]}: .format() on a Styler resets escaping")
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(a.name in ("escape", "html") for a in node.names):
            problems.append("html.escape: use md() for Markdown (HTML-escaping is not Markdown-escaping)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("HTML", "Latex"):
            problems.append(f"{node.func.id}(…): build HTML in the package, not in a notebook")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_untrusted_text_only_through_the_escaping_helpers(path):
    problems = [p for cell in code_cells(path) for p in untrusted_output(python_of(cell))]
    assert problems == [], f"{path.name}: {problems}"


def test_the_escaping_check_catches_what_it_should():
    bad = ['display(Markdown(f"## {piece.headline}"))', 'display(Markdown(f"{escape(t)}"))',
           'df.style.format(escape="html").format({"tone": "{:+.3f}"})', 'Markdown(f"{n!r}")',
           'Markdown(f"{name:>10}")', 'Markdown("a" + text)', 'Markdown(", ".join(names))', 'Markdown(text)',
           "from html import escape"]
    good = ['Markdown(f"## {md(piece.headline)} {n:,} {x:+.3f} {s:.0%}")', 'Markdown("plain")',
            'Markdown(f"{md(a) or \'none\'}" + ", ".join(f"**{md(t)}** ({a:,})" for t, a in rows))',
            'styled(df, {"tone": "{:+.3f}"}).hide(axis="index")']
    assert all(untrusted_output(code) for code in bad)
    assert [untrusted_output(code) for code in good] == [[]] * len(good)
