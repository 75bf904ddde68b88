"""Seconds for the report step on the bundled article: input checks, one kernel for every notebook
(start-up and imports included), each notebook's execution, nbconvert rendering, writing the file.

    .venv/bin/python benchmarks/report_time.py [--repeats 3] [--baselines]

`--baselines` adds the three wire accounts in data/baseline/, and so the comparison notebook, as
`make report` does. Prints one line per run (wall seconds, and the CPU seconds of this process and
every kernel and worker it started, which say what a quiet machine would take when others share the
cores), the best, and each notebook's time in the first run.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from toneanalysis.report.build import build_report, report_notebooks

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data/raw/thesun_putin_kim_2024-06-18.txt"


def _cpu_seconds() -> float:
    """User + system CPU of this process and its finished descendants (kernels, workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baselines", action="store_true", help="with the wire baselines (as make report)")
    args = parser.parse_args()
    baselines = sorted((ROOT / "data/baseline").glob("*.txt")) if args.baselines else []
    names = [p.name for p in report_notebooks(baselines=baselines)]
    print(f"{ARTICLE.name}, {len(baselines)} baselines, notebooks {', '.join(names)}; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    times, steps = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.repeats):
            log: list[tuple[float, str]] = []
            cpu = _cpu_seconds()
            started = time.perf_counter()
            build_report(ARTICLE, baselines=baselines, output=Path(folder) / "report.html",
                         progress=lambda message, log=log: log.append((time.perf_counter(), message)))
            times.append(time.perf_counter() - started)
            print(f"run {run + 1}: {times[-1]:.1f} s wall, {_cpu_seconds() - cpu:.1f} s CPU (all processes), "
                  f"load average {os.getloadavg()[0]:.1f}")
            if run == 0:
                steps = [message for _, message in log if " done in " in message]
    print(f"best: {min(times):.1f} s (target < 20 s)")
    for message in steps:
        print("  " + message)


if __name__ == "__main__":
    main()
