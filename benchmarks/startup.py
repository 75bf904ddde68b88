"""Whole-process time of `toneanalysis score` and `toneanalysis report`, against the bare import of
their dependencies, run in pairs so that the machine's load falls on both sides alike.

    .venv/bin/python benchmarks/startup.py [--runs N] [--report-runs M]

Prints medians (wall seconds, and CPU seconds of the command and every process it starts: what a
quiet machine would take, when others share the cores) and the ratios the project aims at: `score`
on one article at most 1.25x `python -c "import textblob, vaderSentiment, spacy, pandas"`, and
`report` with the three wire baselines at most 3x one `score`. The lexicon cache
(`TONEANALYSIS_CACHE`) is warmed first, as it is after the first run on an installation, and so is
the package's bytecode (pip compiles it on install; a source tree under PYTHONDONTWRITEBYTECODE=1
would recompile it in every run).

`score` freezes the garbage collector once its imports are done (`cli.main`), which also spares it
the collection of the imports' objects at exit that the bare import still pays; so the imports
followed by `gc.freeze()` are timed too, as the like-for-like reference for what `score` adds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "raw" / "thesun_putin_kim_2024-06-18.txt"
BASELINES = sorted((ROOT / "data" / "baseline").glob("*.txt"))
BIN = Path(sys.executable).parent


CPU: dict[str, list[float]] = {}  # what was run -> CPU seconds of each run


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished children and theirs (a kernel, say)
    return used.ru_utime + used.ru_stime


def wall(command: list[str], env: dict | None = None, *, name: str | None = None) -> float:
    """Wall seconds of one run of `command`; its CPU seconds go to `CPU[name]` (default: its second word)."""
    cpu, started = _children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - started
    CPU.setdefault(name or command[1], []).append(_children_cpu() - cpu)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--report-runs", type=int, default=2)
    args = parser.parse_args()
    imports = [sys.executable, "-c", "import textblob, vaderSentiment, spacy, pandas"]
    frozen = [sys.executable, "-c", "import textblob, vaderSentiment, spacy, pandas, gc; gc.freeze()"]
    score = [str(BIN / "toneanalysis"), "score", str(ARTICLE), "--format", "csv"]
    # Warms the lexicon cache and the file system, and writes the package's bytecode.
    wall(score, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, name="warm-up")
    bare, bare_frozen, scored = [], [], []
    for _ in range(args.runs):
        bare.append(wall(imports, name="imports"))
        scored.append(wall(score))
        bare_frozen.append(wall(frozen, name="frozen"))
    with tempfile.TemporaryDirectory() as folder:
        report = [str(BIN / "toneanalysis"), "report", str(ARTICLE), "--baseline", *map(str, BASELINES),
                  "-o", str(Path(folder) / "r.html")]
        reported = []
        for _ in range(args.report_runs):
            reported.append(wall(report))
            scored.append(wall(score))
    b, s, r = statistics.median(bare), statistics.median(scored), statistics.median(reported)
    f = statistics.median(bare_frozen)
    cb, cf, cs, cr = (statistics.median(CPU[name]) for name in ("imports", "frozen", "score", "report"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"medians of {args.runs} / {args.report_runs} runs")
    print(f"  import textblob, vaderSentiment, spacy, pandas  {b:6.2f} s          (CPU {cb:5.2f} s)")
    print(f"    the same, then gc.freeze() as score does      {f:6.2f} s          (CPU {cf:5.2f} s)")
    print(f"  toneanalysis score ARTICLE                      {s:6.2f} s   {s / b:.2f}x the imports (target <= 1.25), "
          f"{s / f:.2f}x with gc.freeze()   (CPU {cs:5.2f} s, {cs / cb:.2f}x)")
    print(f"  toneanalysis report ARTICLE + 3 baselines       {r:6.2f} s   {r / s:.2f}x one score (target <= 3)"
          f"   (CPU {cr:5.2f} s, {cr / cs:.2f}x)")


if __name__ == "__main__":
    main()
