"""Every notebook in notebooks/ runs as a user opens it, is committed without outputs, and keeps the house rules."""

import ast
import concurrent.futures
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

from toneanalysis.report import PARAMETERS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ids = [p.name for p in NOTEBOOKS]


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def python_of(cell):
    """The cell's Python, less IPython magics and shell escapes."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in cell.source.splitlines())


def test_there_are_notebooks():
    assert "01-tone-through-the-piece.ipynb" in ids


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_committed_without_outputs(path):
    for cell in code_cells(path):
        assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: run nbstripout on it"
    # The same check by the tool people run (ids are the authors' to choose).
    verify = subprocess.run([str(Path(sys.executable).parent / "nbstripout"), "--verify", "--keep-id", str(path)],
                            capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr


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
    [parameters] = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assigned = {t.id for n in ast.parse(parameters.source).body if isinstance(n, ast.Assign) for t in n.targets}
    for name in PARAMETERS:  # what `toneanalysis report` passes
        assert name in assigned, f"{path.name}: the parameters cell does not set {name}"
    assert nbformat.read(path, as_version=4).metadata["kernelspec"]["name"] == "python3"


def _execute(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except Exception as error:  # reported by the test of that notebook
        return error
    return notebook


@pytest.fixture(scope="module")
def executed():
    """Every notebook run with its own parameters, from its own folder, as JupyterLab runs it; one per
    core at a time (a notebook's time is its kernel's start-up and imports, on one core)."""
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        return dict(zip(ids, pool.map(_execute, NOTEBOOKS)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_runs_as_a_user_opens_it(path, executed):
    notebook = executed[path.name]
    if isinstance(notebook, Exception):
        pytest.fail(f"{path.name} failed: {str(notebook)[-2000:]}")
    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in shown if o.output_type == "error"] == []
    if path.name.startswith("01-"):
        charts = [o for o in shown if "image/png" in o.get("data", {})]
        html = "".join(o.get("data", {}).get("text/html", "") for o in shown)
        assert len(charts) == 2 and 'class="ta-hit' in html and "background-color" in html
