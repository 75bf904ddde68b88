"""Issue 12, item 3, per entry: would turning the entries experts rarely mark into cues help? Measured, not
shipped (docs/VALIDATION.md, section 3). Read by path, never copied.

    .venv/bin/python benchmarks/entry_demotion.py [DATA]

The rule is the kind rule of v0.6 and v0.7 applied to single entries: an entry with at least 5 hits whose
BABE word precision is below half the every-hit F1 stops being a hit. Chosen leave-one-topic-out (each
topic's hits lose the entries its ten training topics reject), so the BABE figure is out of sample; the
rated words are the shipped model's in every row (in-sample), so compare the rows with each other. On
BASIL the entries rejected on all of BABE dev are dropped, with and without a veto from the LOOK half
(an entry with a LOOK hit inside an expert span stays); MEASURE is printed once per row and chose
nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import basil_misses as bm
import lexicon_round as lr
import loaded_eval as le
import numpy as np
import pandas as pd

MIN_HITS = 5
GRID = [(n, f) for n in (3, 5, 8) for f in (0.5, 0.75, 1.0)]  # (minimum hits, share of F1): sensitivity


def entry_hits(texts, lex) -> list[list[tuple[int, int, int]]]:
    """(entry, start, end) of each hit; pseudo entries (scare quotes, rated words) have rows >= len(lex)."""
    from toneanalysis.analyse.engine import parse

    return [[(h.entry, h.start, h.end) for h in p.hits] for p in parse(texts, lex)]


def words(texts, hits, drop=frozenset()) -> list[set]:
    return [le.words_in(t, [h[1:] for h in row if h[0] not in drop]) for t, row in zip(texts, hits)]


def rejected(texts, hits, gold, rows, n_entries, min_hits=MIN_HITS, share=0.5) -> set[int]:
    """Entries of `rows`' hits with at least `min_hits` hits and word precision below `share` x F1."""
    f1 = le.prf(words([texts[i] for i in rows], [hits[i] for i in rows]), [gold[i] for i in rows])["f1"]
    stats = pd.DataFrame([(h[0], len(w := le.words_in(texts[i], [h[1:]])), len(w & gold[i]))
                          for i in rows for h in hits[i] if h[0] < n_entries], columns=["entry", "w", "g"])
    by = stats.groupby("entry").agg(n=("w", "size"), w=("w", "sum"), g=("g", "sum"))
    return set(by.index[(by["n"] >= min_hits) & (by["g"] / by["w"] < share * f1)])


def babe_lines(data: lr.Data, lex) -> tuple[list[str], set[int]]:
    texts, gold, topics, n = data.b_texts, data.b_gold, data.topics, len(lex.entries)
    hits = entry_hits(texts, lex)
    lines = ["| rule (minimum hits, precision below share x F1) | BABE P | R | F1 | entries rejected per fold |",
             "|---|---|---|---|---|"]
    m = le.prf(words(texts, hits), gold)
    lines.append(f"| none (every hit, as shipped) | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | 0 |")
    for min_hits, share in GRID:
        predicted, sizes = [None] * len(texts), []
        for t in sorted(set(topics)):
            drop = rejected(texts, hits, gold, np.flatnonzero(topics != t), n, min_hits, share)
            sizes.append(len(drop))
            for i in np.flatnonzero(topics == t):
                predicted[i] = words([texts[i]], [hits[i]], drop)[0]
        m = le.prf(predicted, gold)
        mark = "**" if (min_hits, share) == (MIN_HITS, 0.5) else ""
        lines.append(f"| {mark}{min_hits}, {share:g}{mark} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | "
                     f"{min(sizes)}-{max(sizes)} |")
    return lines, rejected(texts, hits, gold, np.arange(len(texts)), n)


def basil_lines(data: lr.Data, lex, drop: set[int]) -> list[str]:
    hits = entry_hits(data.texts, lex)
    look_hits = [(h[0], any(h[1] < e and s < h[2] for s, e, _ in data.gold_spans[i]))
                 for i in data.look for h in hits[i] if h[0] in drop]
    veto = {entry for entry, inside in look_hits if inside}
    gold = [le.words_in(t, [(s, e) for s, e, _ in g]) for t, g in zip(data.texts, data.gold_spans)]
    lines = ["| BASIL dev | entries dropped | LOOK span recall | MEASURE span recall | word P | word F1 | "
             "hits inside a span |", "|---|---|---|---|---|---|---|"]
    for name, dropped in (("shipped", set()), ("rejected on all of BABE dev dropped", drop),
                          ("the same, unless a LOOK hit is inside a span", drop - veto)):
        found = [[h[1:] for h in row if h[0] not in dropped] for row in hits]
        look, measure = (bm.span_recall(found, data.gold_spans, np.isin(np.arange(len(found)), rows))[0]
                         for rows in (data.look, data.measure))
        m = le.prf([le.words_in(t, f) for t, f in zip(data.texts, found)], gold)
        inside = [any(a < e and s < b for s, e, _ in data.gold_spans[i]) for i, row in enumerate(found) for a, b in row]
        lines.append(f"| {name} | {len(dropped)} | {look:.3f} | {measure:.3f} | {m['p']:.3f} | {m['f1']:.3f} | "
                     f"{np.mean(inside):.3f} |")
    return lines


def report(path: Path) -> str:
    from toneanalysis.lexicon import default_lexicon

    if not ((path / le.BABE_FILE).is_file() and (path / le.BASIL_DIR / "articles").is_dir()):
        return f"entry demotion: {path / le.BABE_FILE} or {path / le.BASIL_DIR} not found, skipped."
    data, lex = lr.Data(path), default_lexicon()
    babe, drop = babe_lines(data, lex)
    cats = lex.entries.loc[sorted(drop), "category"].value_counts()
    return "\n".join(["BABE dev, leave-one-topic-out (shipped rated words in every row):", "", *babe, "",
                      f"Rejected on all of BABE dev by the bold rule: {len(drop)} entries "
                      f"({', '.join(f'{c} {k}' for k, c in cats.items())})", "", *basil_lines(data, lex, drop)])


def main(argv: list[str] | None = None) -> int:
    return bm.print_report(report, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
