"""Corpus scale on one machine: time and peak memory of `score_folder` on 1,000 and 10,000 articles.

Articles are synthesised from the project's own paragraphs (the bundled article, the wire
baselines, the test fixtures): each gets a headline and 8-20 paragraphs drawn at random (seeded),
and is written to a temporary folder. Each run is a fresh process, so its peak memory is its own:
the whole process tree (scoring process plus workers) sampled every 50 ms with psutil as PSS, the
proportional set size (forked workers share the parent's pages; summing their RSS would count those
pages once per process); the peak RSS of the parent and of the largest worker (getrusage); and the
result table's own size, which necessarily grows with the corpus.

    .venv/bin/python benchmarks/corpus_scale.py [--articles 1000 10000] [--jobs 1 -1]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_paragraphs() -> list[str]:
    import toneanalysis as ta

    files = [ROOT / "data/raw/thesun_putin_kim_2024-06-18.txt", *sorted((ROOT / "data/baseline").glob("*.txt")),
             *sorted((ROOT / "tests/fixtures").glob("scraped_*.txt")),
             *sorted((ROOT / "tests/fixtures/pairs").glob("*.txt"))]
    paragraphs = []
    for path in files:
        paragraphs += [b.text for b in ta.load_article(path).blocks if b.role == "paragraph"]
    return paragraphs


def write_articles(folder: Path, n: int, paragraphs: list[str], *, seed: int = 0) -> int:
    """Write `n` synthetic articles into `folder`; return the number of paragraphs written."""
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        body = rng.sample(paragraphs, rng.randint(8, 20))
        total += len(body)
        (folder / f"article_{i:05d}.txt").write_text(f"Synthetic article {i} for the scale benchmark\n\n"
                                                    + "\n\n".join(body) + "\n", encoding="utf-8")
    return total


def tree_pss() -> int:
    """Bytes of memory held by this process and its children, shared pages split between them."""
    import psutil

    total = 0
    me = psutil.Process()
    for process in (me, *me.children(recursive=True)):
        with contextlib.suppress(psutil.Error):  # a worker that just exited
            total += process.memory_full_info().pss
    return total


def child_run(folder: str, n_jobs: int) -> None:
    """One measured run (in a fresh process): print its figures as JSON."""
    import resource

    import toneanalysis as ta

    peak, stop = [tree_pss()], threading.Event()

    def sample():
        while not stop.wait(0.05):
            peak[0] = max(peak[0], tree_pss())

    ta.score_texts(["Warm-up."])  # load lexicon and analysers outside the timing, as any session would
    start_pss = tree_pss()
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    start = time.perf_counter()
    table = ta.score_folder(folder, n_jobs=n_jobs)
    seconds = time.perf_counter() - start
    stop.set()
    watcher.join()
    print(json.dumps({
        "rows": len(table), "files": int(table["file"].nunique()), "seconds": seconds,
        "start_pss_mb": start_pss / 2**20, "peak_tree_pss_mb": max(peak[0], tree_pss()) / 2**20,
        "parent_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest_worker_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "table_mb": table.memory_usage(deep=True).sum() / 2**20,
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, -1])
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_run(args.child[0], int(args.child[1]))
        return
    from throughput import control_speedup  # same folder

    paragraphs = source_paragraphs()
    print(f"source: {len(paragraphs)} distinct paragraphs; each article = headline + 8-20 of them")
    print(f"load average {os.getloadavg()[0]:.1f}; control: a busy loop on 2 processes gets "
          f"{control_speedup(2):.2f}x right now\n")
    print("| articles | scored blocks | jobs | seconds | blocks/s | speed-up | peak PSS, all processes (MB) "
          "| parent max RSS (MB) | largest worker max RSS (MB) | result table (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in args.articles:
        with tempfile.TemporaryDirectory(prefix="toneanalysis-scale-") as folder:
            write_articles(Path(folder), n, paragraphs)
            baseline = None
            for jobs in args.jobs:
                done = subprocess.run([sys.executable, __file__, "--child", folder, str(jobs)],
                                      capture_output=True, text=True, check=True)
                r = json.loads(done.stdout.strip().splitlines()[-1])
                rows = r["rows"]
                baseline = baseline or r["seconds"]
                print(f"| {n} | {rows} | {jobs} | {r['seconds']:.1f} | {rows / r['seconds']:.0f} | "
                      f"{baseline / r['seconds']:.2f}x | {r['peak_tree_pss_mb']:.0f} | {r['parent_maxrss_mb']:.0f} | "
                      f"{r['largest_worker_maxrss_mb']:.0f} | {r['table_mb']:.1f} |", flush=True)
                assert r["files"] == n, (r["files"], n)
    print(f"\nload average {os.getloadavg()[0]:.1f}; control now {control_speedup(2):.2f}x")


if __name__ == "__main__":
    main()
