"""The house shows its pipeline: load → analyse → measure → plots/report, each importing only below it."""

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "toneanalysis"
# Lower layers first; a module may import its own layer or lower ones, never a higher one.
LAYERS = [
    {"errors", "text", "cache"},
    {"lexicon", "forms"},
    {"load"},
    {"analyse"},
    {"measure", "corpus", "study"},
    {"plots", "report", "dask"},
    {"cli", "cli_corpus", "cli_commands", "__main__", "__init__"},
]
# Deliberate lazy imports of the package's own modules, each commented where it is made: the command
# parses its arguments (and a report starts its kernel) before it imports what the command needs.
LAZY = {("toneanalysis.cli", "toneanalysis.cli_commands"), ("toneanalysis.cli", "toneanalysis.cli_corpus"),
        ("toneanalysis.cli", "toneanalysis.report.kernel"),
        ("toneanalysis.cli", "toneanalysis.report.target"), ("toneanalysis.cli", "toneanalysis.report.escape"),
        ("toneanalysis.cli_corpus", "toneanalysis.report.escape"), ("toneanalysis.cli_corpus", "toneanalysis.study"),
        ("toneanalysis.cli_corpus", "toneanalysis.report.corpus")}
LONGEST_MODULE = 350


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path, path.name == "__init__.py"


def imports(name, path, is_package):
    """(imported module, imported names, at module level?) for each import of the package's own modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    # A package imports its names on first use (PEP 562); what `if TYPE_CHECKING:` imports says where
    # they come from, as module-level imports do.
    top |= {id(n) for node in tree.body if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
            for n in node.body}
    here = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(here[: len(here) - node.level + 1]) if node.level else ""
            if node.module is None:  # `from . import roles`: each name is a module
                for alias in node.names:
                    yield f"{base}.{alias.name}", [], id(node) in top
                continue
            target = f"{base}.{node.module}" if base else node.module
            if target.split(".")[0] == "toneanalysis":
                yield target, [a.name for a in node.names], id(node) in top
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "toneanalysis":
                    yield alias.name, [], id(node) in top


def layer(module):
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return next(i for i, names in enumerate(LAYERS) if top in names)


ALL = list(modules())


@pytest.mark.parametrize("name, path, is_package", ALL, ids=[m[0] for m in ALL])
def test_imports_go_down_the_pipeline_at_module_level(name, path, is_package):
    for target, names, at_top in imports(name, path, is_package):
        if not at_top:
            assert (name, target) in LAZY, f"{name} imports {target} inside a function"
        if name != "toneanalysis":
            assert layer(target) <= layer(name), f"{name} (layer {layer(name)}) imports {target} ({layer(target)})"
        if target != name:
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            assert not private, f"{name} takes private names {private} from {target}"


def test_no_import_circle():
    graph = {}
    for name, path, is_package in ALL:
        graph[name] = {t for t, names, _ in imports(name, path, is_package)}
        # `from .pkg import mod` names a submodule: an edge to it.
        graph[name] |= {f"{t}.{n}" for t, names, _ in imports(name, path, is_package) for n in names
                        if f"{t}.{n}" in {m for m, _, _ in ALL}}
    known = set(graph)
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if target not in known or target == node:
                continue
            if state.get(target) == "open":
                pytest.fail("import circle: " + " -> ".join(trail[trail.index(target):] + [target]))
            if target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


@pytest.mark.parametrize("name, path, is_package", ALL, ids=[m[0] for m in ALL])
def test_modules_are_small(name, path, is_package):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST_MODULE, f"{name} has {lines} lines: split it along a seam"


def test_one_definition_of_the_shared_helpers():
    # One axes helper, one sentence splitter, one tokeniser: defined once in the package.
    definitions = {}
    for name, path, _ in ALL:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                definitions.setdefault(node.name, []).append(name)
    shared = ("axes", "_axes", "sentence_spans", "split_sentences", "word_runs", "as_article", "_tokens", "_words")
    for helper in shared:
        assert len(definitions.get(helper, [])) <= 1, f"{helper} is defined in {definitions[helper]}"
    assert definitions["sentence_spans"] == ["toneanalysis.text"]


def test_start_up_stays_light(tmp_path):
    # `import toneanalysis` and `toneanalysis score` load no plotting, learning or cluster library;
    # the plots package itself imports matplotlib only when it draws. One process for every check.
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("term,category,weight,framing,neutral\ntyrant,name_calling,3,negative,leader\n")
    article = tmp_path / "a.txt"
    article.write_text("The tyrant smiled.\n")
    heavy = ("matplotlib", "seaborn", "sklearn", "dask", "distributed", "papermill", "nbconvert")
    code = (f"import sys; heavy = {heavy!r}\n"
            "loaded = lambda: sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
            "import toneanalysis, toneanalysis.plots; print(loaded())\n"
            "from toneanalysis.cli import main\n"
            f"rc = main(['score', {str(article)!r}, '--format', 'csv', '--lexicon', {str(lexicon)!r}])\n"
            # Scoring loads scikit-learn all the same: TextBlob imports nltk, which imports it.
            "print([m for m in loaded() if m.split('.')[0] != 'sklearn'], rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "[]" and lines[-1] == "[] 0", lines


def test_one_escaping_module():
    # Issue 13: untrusted text reaches HTML, Markdown and terminals through report/escape.py only.
    for name, path, _ in ALL:
        if name == "toneanalysis.report.escape":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module] * (node.level == 0)
                assert "html" not in modules, f"{name} imports html: escape through toneanalysis.report.escape"


def test_the_package_names_load_on_first_use_and_the_command_starts_light():
    # `import toneanalysis` and the command's own module import none of the analysis (so a report's
    # kernel starts first); every public name still resolves, to its home module's object, and a
    # subpackage imported later does not hide the function of the same name (`ta.analyse`).
    code = """
import sys, importlib
import toneanalysis.cli
light = not {"pandas", "spacy", "textblob", "toneanalysis.analyse"} & set(sys.modules)
import toneanalysis as ta
import toneanalysis.cli_commands  # imports the subpackage `toneanalysis.analyse` before `ta.analyse` is asked for
assert callable(ta.analyse) and ta.analyse.__module__ == "toneanalysis.analyse.analysed"
assert sorted(ta.__all__) == sorted(ta._HOME), set(ta.__all__) ^ set(ta._HOME)
for name in ta.__all__:
    home = importlib.import_module(ta._HOME[name], "toneanalysis")
    assert getattr(ta, name) is getattr(home, name), name
assert "analyse" in dir(ta) and ta.__version__
print(light)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"


def test_what_type_checkers_read_is_where_the_names_load_from():
    # toneanalysis/__init__.py names its public names three times (__all__, _HOMES, the TYPE_CHECKING
    # imports editors read); the first two are tested against each other above, this ties the third.
    import toneanalysis as ta

    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body
                 if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING")
    declared = {alias.name: f".{node.module}" for node in block.body if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    assert declared == ta._HOME
