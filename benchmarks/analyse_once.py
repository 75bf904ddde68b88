"""Time the views notebooks 01-03 build of one article: from one analysis, and from the article re-read each call.

    .venv/bin/python benchmarks/analyse_once.py [ARTICLE] [--repeat N]

Prints CPU seconds (process time, robust to other load) for the same sequence of views, once with
`ta.analyse(article)` passed to every function and once with the `Article` passed (every function
then analyses it again, as every function did before the analysed article existed). Models and
lexicon are warmed first, so the figures are the analysis, not start-up.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import toneanalysis as ta

ROOT = Path(__file__).resolve().parent.parent
WIRES = sorted((ROOT / "data" / "baseline").glob("*.txt"))


def views(piece, wires) -> None:
    ta.score_paragraphs(piece)
    ta.find_loaded_terms(piece)
    ta.score_sentences(piece)
    ta.find_quotes(piece)
    ta.reporting_verbs(piece)
    ta.voice_summary(piece)
    ta.piece_measures(piece)
    ta.actor_tone(piece)
    ta.rewrite_summary(ta.neutral_rewrite(piece))
    ta.highlight_html(piece)
    for wire in wires:
        ta.voice_summary(wire)
    ta.compare(piece, wires, n_boot=2000, seed=0)
    ta.arcs(piece, wires)
    ta.align_paragraphs(piece, wires)


def cpu(function) -> float:
    started = time.process_time()
    function()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=ROOT / "data" / "raw" / "thesun_putin_kim_2024-06-18.txt")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    article = ta.load_article(args.article)
    wires = [ta.load_article(w) for w in WIRES]
    views(article, wires)  # warm: lexicon matcher, VADER, TextBlob, spaCy
    once = min(cpu(lambda: views(ta.analyse(article), ta.analyse_baselines(wires))) for _ in range(args.repeat))
    again = min(cpu(lambda: views(article, wires)) for _ in range(args.repeat))
    print(f"{article.source}: the views of notebooks 01-03, best of {args.repeat}, CPU seconds")
    print(f"  one analysis passed around   {once:6.3f} s")
    print(f"  the Article passed each time {again:6.3f} s")
    print(f"  saved                        {again - once:6.3f} s ({1 - once / again:.0%})")


if __name__ == "__main__":
    main()
