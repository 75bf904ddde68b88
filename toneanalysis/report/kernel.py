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

from pathlib import Path

from ..errors import ToneAnalysisError

# Resolved by jupyter_client to the Python running this code (the project's .venv): its
# kernelspec says `python`, which jupyter_client replaces with sys.executable.
KERNEL = "python3"

# Imported while this process prepares the notebooks: the kernel would import them in the first
# notebook's first cell anyway, and meanwhile this process has its own work to do.
WARM_UP = "import matplotlib.pyplot, seaborn, pandas, toneanalysis, toneanalysis.plots"


class Kernel:
    """One kernel for several notebooks, its cwd `folder`; use as a context manager (shut down on exit)."""

    def __init__(self, folder: Path, *, kernel_name: str = KERNEL):
        import nbclient
        import nbformat

        self.client = nbclient.NotebookClient(
            nbformat.v4.new_notebook(), kernel_name=kernel_name, timeout=None, shutdown_kernel="immediate",
            resources={"metadata": {"path": str(Path(folder).resolve())}},
            # The kernel logs to our stderr: a warning that local TCP is unencrypted, and an error when
            # it is interrupted at shutdown. A failing cell surfaces as a ToneAnalysisError instead.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
        self.ready = False

    def start(self) -> Kernel:
        """Start the kernel process; return at once, without waiting for it to be ready."""
        self.client.km = self.client.create_kernel_manager()
        self.client.start_new_kernel()
        return self

    def _wait(self) -> None:
        if not self.ready:
            if self.client.km is None:
                self.start()
            self.client.start_new_kernel_client()
            self.client.kc.execute(WARM_UP, silent=True, store_history=False)
            self.ready = True

    def run(self, path: Path, parameters: dict):
        """`path` executed with `parameters` in this kernel (after the notebooks run before it): the
        executed notebook, or a one-line `ToneAnalysisError` naming the notebook and the cell."""
        import nbclient.exceptions
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        notebook = load_notebook_node(str(path))
        if parameters:  # as papermill: no parameters, no injected cell
            notebook = parameterize_notebook(notebook, parameters, kernel_name=self.client.kernel_name)
        self._wait()
        self.client.nb = notebook
        number = 0
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            number += 1
            try:
                self.client.execute_cell(cell, index, execution_count=number)
            except nbclient.exceptions.CellExecutionError as error:
                raise ToneAnalysisError(
                    f"{Path(path).name}: cell {number} failed: {error.ename}: {error.evalue}") from None
        return notebook

    def shutdown(self) -> None:
        if self.client.km is not None:
            self.client._cleanup_kernel()  # the client's channels and the kernel process, at once

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
