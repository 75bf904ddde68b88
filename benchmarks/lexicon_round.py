"""Issue 12's v0.7 lexicon round, measured blind: BASIL dev's 50 events are split once, in advance, into
LOOK (even positions of the sorted event ids) and MEASURE (odd positions). Misses were inspected by kind
in LOOK only; kinds were kept or dropped on BABE and LOOK only; MEASURE is read for one number, the span
recall before and after, which is the honest estimate of the round's gain. Read by path, never copied.

    .venv/bin/python benchmarks/lexicon_round.py [DATA]              # recall by half, kinds table
    .venv/bin/python benchmarks/lexicon_round.py [DATA] --look-kinds # LOOK misses counted by kind

The kind rule, fixed before any v0.7 entry was written: a kind (the `v0.7 own (KIND)` of its entries'
`source`) stays when (a) its BABE word precision exceeds half the every-hit F1 of the other hits in at
least 9 of 11 leave-one-topic-out training sets (fewer than 5 BABE hits: kept on its own grounds), and
(b) adding it to the lexicon without v0.7 raises LOOK span recall and lowers BABE every-hit word
precision by no more than 0.005.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import basil_misses as bm
import loaded_eval as le
import numpy as np
import pandas as pd

ROUND = "v0.7"
MIN_PASSES = 9  # of 11 leave-one-topic-out training sets
MIN_HITS = 5
MAX_PRECISION_DROP = 0.005
DROPPED = Path(__file__).resolve().parent / "lexicon_v07_dropped.csv"


def split_events(events) -> tuple[list[str], list[str]]:
    """(LOOK, MEASURE): the sorted distinct event ids at even and at odd positions."""
    ordered = sorted(set(events))
    return ordered[0::2], ordered[1::2]


def kind_of(source: str) -> str | None:
    return bm.kind_of(source, ROUND)


def without_round(entries: pd.DataFrame, keep_kind: str | None = None) -> pd.DataFrame:
    """The lexicon without this round's entries, except those of `keep_kind`."""
    kinds = entries["source"].map(kind_of)
    return entries[kinds.isna() | (kinds == keep_kind)].reset_index(drop=True)


def span_recall(hits, gold_spans, rows) -> float:
    """Share of the spans of `rows` that a hit covers (`hits`: {row: `le.hits_of` tuples})."""
    keep = np.isin(np.arange(len(gold_spans)), rows)
    found = [[h[:2] for h in hits.get(i, ()) if h[4]] for i in range(len(gold_spans))]
    return bm.span_recall(found, gold_spans, keep)[0]


def every_hit_words(texts, hits) -> list[set]:
    return [le.words_in(t, [h[:2] for h in row if h[4]]) for t, row in zip(texts, hits)]


class Data:
    """BABE dev and BASIL dev, loaded once, with the LOOK and MEASURE sentence rows."""

    def __init__(self, data: Path):
        babe = le.load_babe(data / le.BABE_FILE)
        self.b_texts, self.b_gold, self.topics = babe["text"].tolist(), babe["words"].tolist(), babe["topic"].to_numpy()
        sentences, spans = le.load_basil(data / le.BASIL_DIR)
        self.texts = sentences["text"].tolist()
        self.gold_spans = le.basil_gold(sentences, spans)
        look, measure = split_events(sentences["event"])
        events = sentences["event"].to_numpy()
        self.look = np.flatnonzero(np.isin(events, look))
        self.measure = np.flatnonzero(np.isin(events, measure))

    def scores(self, lexicon, measure: bool = False) -> dict:
        """BABE every-hit word P/R/F1 and LOOK span recall (and MEASURE's, only when asked) for a lexicon."""
        b_hits = le.hits_of(self.b_texts, lexicon)
        m = le.prf(every_hit_words(self.b_texts, b_hits), self.b_gold)
        rows = np.concatenate([self.look, self.measure]) if measure else self.look
        hits = dict(zip(rows, le.hits_of([self.texts[i] for i in rows], lexicon)))
        out = {"babe_p": m["p"], "babe_r": m["r"], "babe_f1": m["f1"], "look": span_recall(hits, self.gold_spans,
                                                                                          self.look)}
        if measure:
            out["measure"] = span_recall(hits, self.gold_spans, self.measure)
        return out


def kind_passes(data: Data, lexicon) -> dict[str, tuple[int, float, int]]:
    """Rule (a) for each kind of this round (`basil_misses.kind_passes`, the rule v0.6 used)."""
    return bm.kind_passes(data.b_texts, data.b_gold, data.topics, lexicon, ROUND)


def kind_table(data: Data, lexicon) -> tuple[list[str], list[str]]:
    """(report lines, dropped kinds) by the rule fixed in advance."""
    from toneanalysis.lexicon import load_lexicon

    base_entries = without_round(lexicon.entries)
    base = data.scores(load_lexicon(base_entries))
    lines = [f"{ROUND} kinds: rule (a) BABE precision > F1/2 in >= {MIN_PASSES}/11 training sets (or < {MIN_HITS} "
             f"hits); (b) lexicon without {ROUND} plus the kind: LOOK recall up, BABE every-hit P down <= "
             f"{MAX_PRECISION_DROP}", f"lexicon without {ROUND}: BABE P {base['babe_p']:.4f} F1 {base['babe_f1']:.4f}, "
             f"LOOK recall {base['look']:.3f}", "",
             "| kind | entries | BABE hits | BABE P | sets > F1/2 | LOOK recall | BABE P change | kept |",
             "|---|---|---|---|---|---|---|---|"]
    dropped = []
    counts = lexicon.entries["source"].map(kind_of).value_counts()
    for k, (n, p, passes) in kind_passes(data, lexicon).items():
        with_kind = data.scores(load_lexicon(without_round(lexicon.entries, k)))
        rule_a = n < MIN_HITS or passes >= MIN_PASSES
        change = with_kind["babe_p"] - base["babe_p"]
        rule_b = with_kind["look"] > base["look"] and change >= -MAX_PRECISION_DROP
        verdict = "yes" if rule_a and rule_b else "no: " + ("(a)" if not rule_a else "") + ("(b)" if not rule_b else "")
        if not (rule_a and rule_b):
            dropped.append(k)
        lines.append(f"| {k} | {counts[k]} | {n} | {p:.3f} | {passes}/11 | {with_kind['look']:.3f} | {change:+.4f} | "
                     f"{verdict} |")
    return lines, dropped


def look_kinds(data: Data) -> collections.Counter:
    """LOOK misses of the shipped lexicon counted by kind: span length and the part of speech of each
    word of a missed span of up to three words (TextBlob's pattern tagger). MEASURE is never read."""
    from textblob.en.taggers import PatternTagger

    tagger = PatternTagger()
    rows = list(data.look)
    hits = dict(zip(rows, le.hits_of([data.texts[i] for i in rows])))
    counts: collections.Counter = collections.Counter()
    for i in rows:
        tags = None
        for s, e, _ in data.gold_spans[i]:
            if any(h[4] and h[0] < e and s < h[1] for h in hits[i]):
                counts["covered"] += 1
                continue
            words = le.WORD.findall(data.texts[i][s:e])
            counts[f"missed, {min(len(words), 4)}{'+' if len(words) >= 4 else ''} word(s)"] += 1
            if len(words) <= 3:
                tags = tags or {w.lower(): t for w, t in tagger.tag(data.texts[i])}
                pos = "+".join(tags.get(w.lower(), "?")[:2] for w in words)
                counts[f"missed, tags {pos}"] += 1
    return counts


def report(path: Path) -> str:
    from toneanalysis.lexicon import default_lexicon, load_lexicon

    if not ((path / le.BABE_FILE).is_file() and (path / le.BASIL_DIR / "articles").is_dir()):
        return f"lexicon round: {path / le.BABE_FILE} or {path / le.BASIL_DIR} not found, skipped."
    data = Data(path)
    lex = default_lexicon()
    before = data.scores(load_lexicon(without_round(lex.entries)), measure=True)
    after = data.scores(lex, measure=True)
    lines = [f"BASIL dev split by event: LOOK {len(data.look)} sentences, MEASURE {len(data.measure)} sentences "
             f"(25 events each; MEASURE never inspected)", "",
             "| lexicon | LOOK span recall | MEASURE span recall (honest) | BABE every-hit P | R | F1 |",
             "|---|---|---|---|---|---|"]
    for name, s in ((f"without {ROUND} entries", before), ("shipped", after)):
        lines.append(f"| {name} | {s['look']:.3f} | {s['measure']:.3f} | {s['babe_p']:.3f} | {s['babe_r']:.3f} | "
                     f"{s['babe_f1']:.3f} |")
    table, _ = kind_table(data, lex)
    return "\n".join([*lines, "", *table])


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validate import DEFAULT_DATA

    args = [a for a in (argv or []) if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_DATA
    if "--look-kinds" in (argv or []):
        for k, v in sorted(look_kinds(Data(path)).items(), key=lambda kv: -kv[1]):
            print(f"{v:4d}  {k}")
        return 0
    print(report(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
