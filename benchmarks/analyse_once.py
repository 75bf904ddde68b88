"""Time the views notebooks 01-03 build of one article: from one analysis, from the path given each call,
and analysed anew by each call.

    .venv/bin/python benchmarks/analyse_once.py [ARTICLE] [--repeat N]

Prints CPU seconds (process time, robust to other load) for the same sequence of views: with
`ta.analyse(article)` passed to every function; with the file's path passed to every function (each
reads the file again and finds its recent analysis, as a report's notebooks do); and with every
function analysing the article anew (the recent analyses forgotten before each call, as every
function did before the analysed article existed). Models and lexicon are warmed first, so the
figures are the analysis, not start-up.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import toneanalysis as ta
from toneanalysis.analyse import analysed

ROOT = Path(__file__).resolve().parent.parent
WIRES = sorted((ROOT / "data" / "baseline").glob("*.txt"))


def views(piece, wires, before=lambda: None) -> None:
    """The views, `before()` called ahead of each (to forget the recent analyses)."""
    steps = [lambda: ta.score_paragraphs(piece), lambda: ta.find_loaded_terms(piece),
             lambda: ta.score_sentences(piece), lambda: ta.find_quotes(piece), lambda: ta.reporting_verbs(piece),
             lambda: ta.voice_summary(piece), lambda: ta.piece_measures(piece), lambda: ta.actor_tone(piece),
             lambda: ta.rewrite_summary(ta.neutral_rewrite(piece)), lambda: ta.highlight_html(piece),
             *(lambda wire=wire: ta.voice_summary(wire) for wire in wires),
             lambda: ta.compare(piece, wires, n_boot=2000, seed=0), lambda: ta.arcs(piece, wires),
             lambda: ta.align_paragraphs(piece, wires)]
    for step in steps:
        before()
        step()


def cpu(function) -> float:
    started = time.process_time()
    function()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=ROOT / "data" / "raw" / "thesun_putin_kim_2024-06-18.txt")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path, wire_paths = str(args.article), [str(w) for w in WIRES]
    article = ta.load_article(path)
    wires = [ta.load_article(w) for w in WIRES]
    views(article, wires)  # warm: lexicon matcher, VADER, TextBlob, spaCy
    once = min(cpu(lambda: views(ta.analyse(article), ta.analyse_baselines(wires))) for _ in range(args.repeat))
    paths = min(cpu(lambda: views(path, wire_paths)) for _ in range(args.repeat))
    anew = min(cpu(lambda: views(article, wires, before=analysed._RECENT.clear)) for _ in range(args.repeat))
    print(f"{article.source}: the views of notebooks 01-03, best of {args.repeat}, CPU seconds")
    print(f"  one analysis passed around            {once:6.3f} s")
    print(f"  the path passed each time             {paths:6.3f} s  (each call reads the file, finds its analysis)")
    print(f"  analysed anew by each call            {anew:6.3f} s")
    print(f"  saved by analysing once               {anew - once:6.3f} s ({1 - once / anew:.0%})")


if __name__ == "__main__":
    main()
