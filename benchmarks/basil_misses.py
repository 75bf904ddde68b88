"""BASIL's lexical-bias spans that no hit covers, counted by kind (never listed), and the two choices of
issue 12's fourth round that were made by grouped cross-validation: what a quotation with a speaker
counts as, and which kinds of v0.6 lexicon entries stay. Read by path, never copied.

    .venv/bin/python benchmarks/basil_misses.py [DATA]      # also the end of `make validate`

- Misses by kind: span length, part of speech of one-word spans (TextBlob's pattern tagger), inside
  quotation marks or not, and which of our classes came close (a cue, a match the name rule or an
  exception dropped, a span word whose lemma or hyphen part is an entry, a short quotation with a
  speaker).
- Partial quotes: a short quotation in a sentence with a speech verb (`engine.short_quotes`, spoken)
  counted as a hit, for 1..4 words, on BABE (every-hit word F1, chosen leave-one-topic-out) and
  BASIL (span recall and word F1; the length chosen on 45 of 50 events, measured on the other 5).
- v0.6 kinds: each kind's BABE word precision (the `source` kind of the entries), and in how many
  leave-one-topic-out training sets it exceeds half the every-hit F1 there.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import loaded_eval as le
import numpy as np

MAX_WORDS = 4
FOLDS = 10  # BASIL: 50 events in folds of 5, chosen on 45


def _spans_overlap(a: int, b: int, s: int, e: int) -> bool:
    return a < e and s < b


def partial_quotes(texts: list[str]) -> list[list[tuple[int, int, int]]]:
    """(start, end, words) of each short quotation with a speaker in each text (not a hit today)."""
    from toneanalysis.analyse.engine import parse, short_quotes
    from toneanalysis.lexicon import default_lexicon

    out = []
    for parsed in parse(texts, default_lexicon()):
        matches = [(h.entry, h.start, h.end) for h in (*parsed.hits, *parsed.cues)]
        sentences = [(s.start, s.end) for s in parsed.sentences]
        out.append([(a, b, len(le.WORD.findall(parsed.normal[a:b])))
                    for a, b, spoken in short_quotes(parsed.text, parsed.normal, matches, sentences) if spoken])
    return out


def miss_counts(texts, hits, gold_spans) -> collections.Counter:
    """Counts of BASIL spans by kind (no span's words are kept)."""
    from lemminflect import getAllLemmas
    from textblob.en.taggers import PatternTagger

    from toneanalysis.analyse.names import drop_names
    from toneanalysis.lexicon import default_lexicon
    from toneanalysis.text import nlp, normalise, sentence_spans

    lex = default_lexicon()
    terms = set(lex.entries["term"])
    tagger = PatternTagger()
    quotes = partial_quotes(texts)
    counts: collections.Counter = collections.Counter()
    for text, row, spans, spoken in zip(texts, hits, gold_spans, quotes):
        if not spans:
            continue
        normal = normalise(text)
        doc = nlp()(normal)
        raw = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for key, s, e in lex.matcher(doc)
               if doc.vocab.strings[key][0] == "T"]
        kept = lex.match(doc)
        named = drop_names(normal, sentence_spans(doc, normal), kept)
        tags = None
        for s, e, quoted in spans:
            words = le.WORD.findall(text[s:e])
            where = "inside quotes" if quoted else "outside quotes"
            if any(h[4] and _spans_overlap(h[0], h[1], s, e) for h in row):
                counts[f"covered, {where}"] += 1
                continue
            counts[f"missed, {where}"] += 1
            counts[f"missed, {min(len(words), MAX_WORDS)}{'+' if len(words) >= MAX_WORDS else ''} word(s)"] += 1
            if len(words) == 1:
                tags = tags or {w.lower(): t for w, t in tagger.tag(text)}
                counts[f"missed one-word spans, tagged {tags.get(words[0].lower(), '?')[:2]}"] += 1
            if any(not h[4] and _spans_overlap(h[0], h[1], s, e) for h in row):
                counts["came close: a cue covers it"] += 1
            if (any(_spans_overlap(a, b, s, e) for a, b in raw)
                    and not any(_spans_overlap(a, b, s, e) for _, a, b in kept)):
                counts["came close: an exception dropped the match"] += 1
            if (any(_spans_overlap(a, b, s, e) for _, a, b in kept)
                    and not any(_spans_overlap(a, b, s, e) for _, a, b in named)):
                counts["came close: the name rule dropped the match"] += 1
            lemmas = {lemma for w in words for part in {w.lower(), *w.lower().split("-")}
                      for group in getAllLemmas(part).values() for lemma in group} | {w.lower() for w in words}
            if lemmas & terms:
                counts["came close: a span word's lemma or hyphen part is an entry"] += 1
            if any(_spans_overlap(a, b, s, e) for a, b, _ in spoken):
                counts["came close: inside a short quotation with a speaker"] += 1
    return counts


def with_partial(texts, hits, quotes, n: int) -> list[list[tuple[int, int]]]:
    return [[h[:2] for h in row if h[4]] + [(a, b) for a, b, k in q if k <= n] for row, q in zip(hits, quotes)]


def span_recall(found, gold_spans, keep=None) -> tuple[float, int]:
    covered = [any(_spans_overlap(a, b, s, e) for a, b in found[i]) for i, g in enumerate(gold_spans)
               for s, e, _ in g if keep is None or keep[i]]
    return float(np.mean(covered)), int(sum(covered))


def best_n(sets: dict, gold: list, rows) -> int:
    """The n whose word F1 over `rows` is highest (the shorter on a tie)."""
    return max(sets, key=lambda n: (le.prf([sets[n][i] for i in rows], [gold[i] for i in rows])["f1"], -n))


def partial_quote_lines(babe, b_hits, texts, hits, gold_spans, events) -> list[str]:
    b_texts, b_gold, topics = babe["text"].tolist(), babe["words"].tolist(), babe["topic"].to_numpy()
    b_quotes, quotes = partial_quotes(b_texts), partial_quotes(texts)
    gold = [le.words_in(t, [(s, e) for s, e, _ in g]) for t, g in zip(texts, gold_spans)]
    b_sets = {n: [le.words_in(t, f) for t, f in zip(b_texts, with_partial(b_texts, b_hits, b_quotes, n))]
              for n in range(MAX_WORDS + 1)}
    found = {n: with_partial(texts, hits, quotes, n) for n in range(MAX_WORDS + 1)}
    sets = {n: [le.words_in(t, f) for t, f in zip(texts, found[n])] for n in found}
    lines = ["Partial quotes (a quotation of 1..n words in a sentence with a speech verb) counted as hits:", "",
             "| n | BABE every-hit P | R | F1 | BASIL span recall | BASIL word F1 |", "|---|---|---|---|---|---|"]
    for n in found:
        m, w = le.prf(b_sets[n], b_gold), le.prf(sets[n], gold)
        name = "0 (shipped: nothing)" if n == 0 else str(n)
        lines.append(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | "
                     f"{span_recall(found[n], gold_spans)[0]:.3f} | {w['f1']:.3f} |")
    chosen = [best_n(b_sets, b_gold, np.flatnonzero(topics != topic)) for topic in sorted(set(topics))]
    folds = np.array_split(np.random.default_rng(0).permutation(sorted(set(events))), FOLDS)
    basil_chosen, pooled = [], [None] * len(texts)
    for fold in folds:
        train = np.flatnonzero(~np.isin(events, fold))
        best = best_n(sets, gold, train)
        basil_chosen.append(best)
        for i in np.flatnonzero(np.isin(events, fold)):
            pooled[i] = found[best][i]
    lines += ["", f"n chosen by BABE every-hit F1 in each leave-one-topic-out training set: "
              f"{dict(collections.Counter(chosen))} (n: folds)",
              f"n chosen by BASIL word F1 on 45 events, {FOLDS} folds: {dict(collections.Counter(basil_chosen))}; "
              f"pooled out-of-fold BASIL span recall {span_recall(pooled, gold_spans)[0]:.3f}"]
    return lines


def kind_of(source: str, round_: str) -> str | None:
    """The kind of a lexicon entry of round `round_` ("v0.6"), from its `source` ("v0.6 own (KIND)")."""
    m = re.match(rf"{re.escape(round_)} [^(]*\((.*)\)", source)
    return re.sub(r"; UK spelling", "", m.group(1)) if m else None


def kind_passes(texts, gold, topics, lexicon, round_: str) -> dict[str, tuple[int, float, int]]:
    """The kind rule of v0.6 and v0.7 on BABE, for each kind of round `round_`: (hits, word precision,
    leave-one-topic-out training sets where that precision exceeds half the every-hit F1 of the hits
    of other rounds)."""
    from toneanalysis.analyse.engine import parse

    kind = {i: k for i, source in enumerate(lexicon.entries["source"]) if (k := kind_of(source, round_))}
    rows = [[(h.start, h.end, kind.get(h.entry)) for h in parsed.hits] for parsed in parse(texts, lexicon)]
    base = [le.words_in(t, [(a, b) for a, b, k in row if k is None]) for t, row in zip(texts, rows)]
    folds = [np.flatnonzero(topics != t) for t in sorted(set(topics))]
    out = {}
    for k in sorted(set(kind.values())):
        own = [le.words_in(t, [(a, b) for a, b, kk in row if kk == k]) for t, row in zip(texts, rows)]
        n = sum(kk == k for row in rows for *_, kk in row)
        passes = sum(le.prf([own[i] for i in tr], [gold[i] for i in tr])["p"]
                     > le.prf([base[i] for i in tr], [gold[i] for i in tr])["f1"] / 2 for tr in folds)
        out[k] = (n, le.prf(own, gold)["p"], passes)
    return out


def kind_lines(babe) -> list[str]:
    """BABE word precision of the v0.6 entries' hits by their kind (the `source` column), and in how many
    leave-one-topic-out training sets it exceeds half the every-hit F1 there."""
    from toneanalysis.lexicon import default_lexicon

    passes = kind_passes(babe["text"].tolist(), babe["words"].tolist(), babe["topic"].to_numpy(),
                         default_lexicon(), "v0.6")
    lines = ["v0.6 entries by kind on BABE dev (kinds with fewer than 5 hits are kept on their own grounds):", "",
             "| kind | hits | word precision | training sets where precision > F1/2 |", "|---|---|---|---|"]
    lines += [f"| {k} | {n} | {p:.3f} | {m}/11 |" for k, (n, p, m) in passes.items() if n]
    silent = sum(not n for n, _, _ in passes.values())
    return [*lines, f"| {silent} kinds with no hit on BABE dev | 0 | | |"]


def report(data: Path) -> str:
    babe_path, basil = data / le.BABE_FILE, data / le.BASIL_DIR
    if not (babe_path.is_file() and (basil / "articles").is_dir()):
        return f"BASIL misses: {babe_path} or {basil} not found, skipped."
    sentences, spans = le.load_basil(basil)
    texts = sentences["text"].tolist()
    hits, gold_spans = le.hits_of(texts), le.basil_gold(sentences, spans)
    counts = miss_counts(texts, hits, gold_spans)
    lines = ["BASIL dev lexical-bias spans by kind (counts only; no span is listed):", "",
             "| kind | spans |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items())]
    babe = le.load_babe(babe_path)
    b_hits = le.hits_of(babe["text"].tolist())
    lines += ["", *partial_quote_lines(babe, b_hits, texts, hits, gold_spans, sentences["event"].to_numpy())]
    lines += ["", *kind_lines(babe)]
    return "\n".join(lines)


def print_report(report_of, argv: list[str] | None) -> int:
    """Print `report_of(DATA)` for a benchmark's command line (DATA as for validate.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validate import DEFAULT_DATA

    print(report_of(Path(argv[0]) if argv else DEFAULT_DATA))
    return 0


def main(argv: list[str] | None = None) -> int:
    return print_report(report, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
