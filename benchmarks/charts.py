"""Size and time of the report's charts as inline SVG with hover titles (`plots.chart`) against the
PNG data URI that matplotlib's inline backend embedded before (dpi 100, tight bounding box).

    .venv/bin/python benchmarks/charts.py [--runs N]

Each chart of notebooks 01-03 on the bundled article and the wire baselines is drawn afresh per run;
the two encodings of one figure are timed back to back, in alternating order, so that the machine's
load falls on both alike. Prints bytes per chart (SVG markup; PNG as base64, as the page carries it),
the median seconds of each and their ratio, then the totals.
"""

from __future__ import annotations

import argparse
import base64
import io
import statistics
import time
from pathlib import Path

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt
import seaborn as sns

import toneanalysis as ta
from toneanalysis import plots

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "raw" / "thesun_putin_kim_2024-06-18.txt"
BASELINES = sorted((ROOT / "data" / "baseline").glob("*.txt"))


def charts(piece, wires) -> dict:
    """The report's charts (as notebooks 01-03 draw them): name -> (figure size, drawing function)."""
    terms, arcs = ta.distinctive_terms(piece, wires), ta.arcs(piece, wires)
    return {
        "tone arc": ((12, 5.5), lambda ax: plots.plot_tone_arc(piece, ax=ax)),
        "loaded categories": ((5, 4.5), lambda ax: plots.plot_loaded_categories(piece, ax=ax)),
        "loaded weights": ((7, 4.5), lambda ax: plots.plot_loaded_weights(piece, ax=ax)),
        "distinctive terms": ((9, 7), lambda ax: plots.plot_distinctive_terms(terms, ax=ax)),
        "arcs vs wire": ((12, 4), lambda ax: plots.plot_arc(arcs, ax=ax)),
        "voice shares": ((7, 1.1), lambda ax: plots.plot_voice_shares(piece, ax=ax)),
        "reporting verbs": ((6, 3), lambda ax: plots.plot_reporting_verbs(piece, ax=ax)),
        "actor tone": ((6, 3), lambda ax: plots.plot_actor_tone(piece, ax=ax)),
        "tone change": ((9, 4), lambda ax: plots.plot_tone_change(piece, ax=ax)),
    }


def png(fig) -> tuple[int, float]:
    started = time.perf_counter()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return len(base64.b64encode(buffer.getvalue())), time.perf_counter() - started


def svg(fig) -> tuple[int, float]:
    started = time.perf_counter()
    shown = plots.chart(fig, close=False)
    return len(shown.html.encode("utf-8")), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sns.set_theme(style="whitegrid", rc={"figure.dpi": 100})
    piece, wires = ta.analyse(ARTICLE), ta.analyse_baselines(BASELINES)
    rows = []
    print(f"{'chart':18s} {'PNG (base64)':>13s} {'SVG':>9s} {'PNG s':>7s} {'SVG s':>7s} {'SVG/PNG time':>12s}")
    for name, (size, draw) in charts(piece, wires).items():
        sizes, times = {}, {"png": [], "svg": []}
        for run in range(args.runs):
            fig, ax = plt.subplots(figsize=size)
            draw(ax)
            for encode in (png, svg) if run % 2 == 0 else (svg, png):
                sizes[encode.__name__], seconds = encode(fig)
                times[encode.__name__].append(seconds)
            plt.close(fig)
        row = (sizes["png"], sizes["svg"], statistics.median(times["png"]), statistics.median(times["svg"]))
        rows.append(row)
        print(f"{name:18s} {row[0] / 1024:10.0f} KB {row[1] / 1024:6.0f} KB {row[2]:7.2f} {row[3]:7.2f} "
              f"{row[3] / row[2]:12.2f}")
    total = [sum(column) for column in zip(*rows)]
    print(f"{'total':18s} {total[0] / 1024:10.0f} KB {total[1] / 1024:6.0f} KB {total[2]:7.2f} {total[3]:7.2f} "
          f"{total[3] / total[2]:12.2f}")

if __name__ == "__main__":
    main()
