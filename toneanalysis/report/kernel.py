"""Run a report's notebooks one after another in one Jupyter kernel.

A notebook's time in a report is mostly its kernel's: start-up, importing pandas, spaCy and
matplotlib, loading the sentiment models. The analysis itself takes a fraction of a second. So the
notebooks of one report share one kernel, as a user's would who opens them in turn in one JupyterLab
session: one start-up, one set of imports, and each notebook then runs in a fraction of the time.
The kernel process is started before the inputs are checked (`Kernel.start`), so that it boots
while this process reads the files; it runs nothing until `Kernel.run`.

Each notebook is parameterized by papermill as `papermill -p` would (its injected-parameters cell
after the `parameters` cell), and a failing cell is named by its notebook and its place among that
notebook's code cells, as papermill counts them in a fresh kernel.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from ..errors import ToneAnalysisError

# Package data (pyproject.toml declares it). In the repository `notebooks` is a symlink to the
# top-level notebooks/, the one copy; a wheel carries the notebooks as regular files there.
PACKAGE = resources.files(__package__)


def _notebooks_folder() -> Path:
    packaged = Path(str(PACKAGE.joinpath("notebooks")))
    if packaged.is_dir():
        return packaged
    # A checkout made without symlinks (git writes the link as a one-line file): the real folder.
    checkout = Path(str(PACKAGE)).parent.parent / "notebooks"
    return checkout if checkout.is_dir() else packaged


NOTEBOOKS = _notebooks_folder()
# Resolved by jupyter_client to the Python running this code (the project's .venv): its
# kernelspec says `python`, which jupyter_client replaces with sys.executable.
KERNEL = "python3"

# Imported and loaded as the kernel boots (IPKernelApp.exec_lines run before it answers), while this
# process imports its own notebook machinery and reads the inputs: what the report notebooks import
# (the package's names load on first use, so its modules are named here), which the kernel would import in
# the first notebook's first cell anyway, and load the models (spaCy's sentencizer, VADER's and
# TextBlob's lexicons, with NLTK, which TextBlob imports; the default lexicon's matcher) in its first
# analysis. The collector is off meanwhile and what they made is then frozen: it lives as long as this
# short-lived, private kernel, and walking it at every full collection is time spent for nothing.
WARM_UP = ("import gc; gc.disable(); import matplotlib.pyplot, seaborn, pandas, toneanalysis.plots, "
           "toneanalysis.measure, toneanalysis.study, toneanalysis.report.highlight, toneanalysis.report.names, "
           "toneanalysis.report.tables; import toneanalysis; toneanalysis.score_texts(['A good start.']); "
           "gc.freeze(); gc.enable()")

# The kernel would log to our stderr: a warning that local TCP is unencrypted, and an error when it
# is interrupted at shutdown (a failing cell surfaces as a ToneAnalysisError instead); and it would
# keep its cells in the user's IPython history database (nbclient, too, keeps them in memory).
ARGUMENTS = ("--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:",
             f"--IPKernelApp.exec_lines={WARM_UP}")


def lighter_imports() -> None:
    """Keep jsonschema (which nbformat imports, and papermill, nbclient and nbconvert import nbformat)
    from loading `rfc3987_syntax`, when installed: it compiles a grammar as it is imported, about 2 s
    of CPU, to check the "iri" string format, which no notebook schema uses. Only when jsonschema is
    not imported yet; this process then lacks that one format check (jsonschema skips a format it
    has no checker for)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None in sys.modules: its import fails, as if absent


class Kernel:
    """One kernel for several notebooks, its cwd `folder`; use as a context manager (shut down on exit).

    The kernel process is started with jupyter_client alone: nbclient imports nbformat, and with it
    jsonschema, which takes seconds that the kernel can spend booting instead.
    """

    def __init__(self, folder: Path, *, kernel_name: str = KERNEL):
        self.folder, self.kernel_name = Path(folder).resolve(), kernel_name
        self.manager = self.client = None

    def start(self) -> Kernel:
        """Start the kernel process (unless it is running); return at once, without waiting for it to be ready."""
        if self.manager is not None:
            return self
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.manager = AsyncKernelManager(kernel_name=self.kernel_name)
        run_sync(self.manager.start_kernel)(cwd=str(self.folder), extra_arguments=list(ARGUMENTS))
        return self

    def _ready(self):
        """The notebook client on this kernel, once the kernel answers (with the imports under way)."""
        if self.client is None:
            import nbclient
            import nbformat

            if self.manager is None:
                self.start()
            self.client = nbclient.NotebookClient(nbformat.v4.new_notebook(), km=self.manager, timeout=None,
                                                  kernel_name=self.kernel_name)
            self.client.start_new_kernel_client()
        return self.client

    def run(self, path: Path, parameters: dict):
        """`path` executed with `parameters` in this kernel (after the notebooks run before it): the
        executed notebook, or a one-line `ToneAnalysisError` naming the notebook and the cell."""
        import nbclient.exceptions
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        notebook = load_notebook_node(str(path))
        if parameters:  # as papermill: no parameters, no injected cell
            notebook = parameterize_notebook(notebook, parameters, kernel_name=self.kernel_name)
        client = self._ready()
        client.nb = notebook
        number = 0
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            number += 1
            try:
                client.execute_cell(cell, index, execution_count=number)
            except nbclient.exceptions.CellExecutionError as error:
                raise ToneAnalysisError(
                    f"{Path(path).name}: cell {number} failed: {error.ename}: {error.evalue}") from None
        return notebook

    def shutdown(self) -> None:
        """Stop the client's channels and kill the kernel process (nothing of it is kept)."""
        from jupyter_core.utils import run_sync

        if self.client is not None and self.client.kc is not None:
            self.client.kc.stop_channels()
        if self.manager is not None:
            run_sync(self.manager.shutdown_kernel)(now=True)
        self.manager = self.client = None

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
