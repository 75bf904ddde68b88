"""Instructions per paragraph of `score_texts`, this checkout against another revision, counted by
valgrind (callgrind): the same count for the same code and input whatever else the machine runs,
where CPU seconds on this shared machine move by 15-30% between fresh processes of the same code.

Issue 12's limit is throughput within 10% of its starting point (`b516bcd`, the default revision): a
ratio of at least 0.9. Runs of the same code differ by up to about 1% at the default size (when the
garbage collector runs), by 4% at --paragraphs 30 --runs 1: keep the default for a verdict.

    .venv/bin/python benchmarks/instructions.py [--against REV [REV ...]] [--paragraphs 300] [--runs 4]

Each side is run in fresh processes under `valgrind --tool=callgrind`, each revision's package taken
from git (`git archive REV toneanalysis`, first on PYTHONPATH) and a copy of this checkout's, on the
same paragraphs (this checkout's `benchmarks/throughput.py` corpus, written once to a JSON file).
A process loads everything and scores the paragraphs once (caches warm), then scores them `--runs`
more times; the same process with no extra run is subtracted, so start-up does not count. Each
valgrind process takes 1.5-2 minutes; two run at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys
import toneanalysis as ta
print("package:", ta.__file__, file=sys.stderr)
texts = json.load(open(sys.argv[1], encoding="utf-8"))
lex = ta.default_lexicon()
ta.score_texts(texts, lexicon=lex)  # warm: the matcher, the analyzers, every word's cached values
for _ in range(int(sys.argv[2])):
    ta.score_texts(texts, lexicon=lex)
"""


def run_child(package: Path, texts: Path, runs: int, wrapper: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """One child process scoring `texts` (1 + `runs` times) with the package in `package`, under `wrapper`
    (valgrind's command line); it names the package it imported on stderr."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(package)}
    # Run from the texts' folder: `python -c` puts the working directory first on sys.path, so from the
    # checkout's root every child would import the checkout's package, whatever PYTHONPATH says.
    return subprocess.run([*wrapper, sys.executable, "-c", CHILD, str(texts), str(runs)],
                          capture_output=True, text=True, env=env, cwd=texts.parent)


def imported(done: subprocess.CompletedProcess) -> Path | None:
    """The folder of the package a child imported, from its stderr."""
    line = next((line for line in done.stderr.splitlines() if line.startswith("package: ")), None)
    return Path(line.removeprefix("package: ")).resolve().parent.parent if line else None


def collected(package: Path, texts: Path, runs: int) -> int:
    """Instructions callgrind counts for one child process that imports the package in `package`."""
    done = run_child(package, texts, runs, ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"))
    lines = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode or not lines:
        raise SystemExit(f"valgrind run failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    if (loaded := imported(done)) != package.resolve():
        raise SystemExit(f"the child imported the package in {loaded}, not the one in {package}")
    return int(lines[-1].split()[-1])


def package_at(revision: str, folder: Path) -> Path:
    """The `toneanalysis` package as it was at `revision`, extracted under `folder`."""
    archive = subprocess.run(["git", "archive", revision, "toneanalysis"], cwd=ROOT, capture_output=True)
    if archive.returncode:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", nargs="+", default=["b516bcd"], help="git revisions to compare with")
    parser.add_argument("--paragraphs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=4, help="extra runs per process, after the warm one")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import corpus

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "toneanalysis"], cwd=ROOT).returncode
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.json"
        texts.write_text(json.dumps(corpus(args.paragraphs)), encoding="utf-8")
        # A copy of the checkout's package, so that editing the checkout while this runs changes nothing.
        shutil.copytree(ROOT / "toneanalysis", Path(tmp) / "this" / "toneanalysis",
                        ignore=shutil.ignore_patterns("__pycache__"))
        packages = {head + (" + uncommitted" if dirty else ""): Path(tmp) / "this"}
        packages.update({rev: package_at(rev, Path(tmp) / f"rev{i}") for i, rev in enumerate(args.against)})
        jobs = [(name, runs) for name in packages for runs in (0, args.runs)]
        with ThreadPoolExecutor(2) as pool:
            counts = dict(zip(jobs, pool.map(lambda job: collected(packages[job[0]], texts, job[1]), jobs)))
    per = {name: (counts[name, args.runs] - counts[name, 0]) / (args.runs * args.paragraphs) for name in packages}
    this = next(iter(packages))
    print(f"score_texts, {args.paragraphs} paragraphs x {args.runs} runs, instructions per paragraph (callgrind):")
    for name, value in per.items():
        ratio = "" if name == this else f"   this checkout's throughput / {name}: {value / per[this]:.3f}"
        print(f"  {name:>24}: {value:12,.0f}{ratio}")


if __name__ == "__main__":
    main()
