"""What the words at the edges of multi-word hits cost the word-level figures. Read by path, never
copied.

    .venv/bin/python benchmarks/span_edges.py [DATA]

Some entries carry grammatical context so that they match only the loaded sense: "claims that" (the
verb, not the noun), "flood of" (not a literal flood), "scramble to", "prey on". A hit's span used
to cover the whole match, so the words it marked included "that", "of", "to", "on", which experts
seldom mark; now a hit marks the words before such a context word
(`forms.CONTEXT_WORDS`, `forms.loaded_end`), and the rewrite still replaces the whole match. This
prints BABE dev's every-hit word P/R/F1 (shipped rated words: in-sample, so compare the rows with each
other) and BASIL dev's span recall and word F1 with: the whole match (as before), the shipped hits,
and the shipped hits without any spaCy stop word at an edge (which also cuts the particle of "lash
out": measured, not shipped). The four context words were read off the lexicon's entry endings after
counting BABE's unmarked predicted words by whether they are stop words: a mild selection.
"""

from __future__ import annotations

import sys
from pathlib import Path

import loaded_eval as le


def trimmed(text: str, start: int, end: int, edge: frozenset) -> tuple[int, int]:
    """(start, end) of a hit without the `edge` words at either end (a one-word hit is kept whole)."""
    words = [(start + m.start(), start + m.end(), m.group(0).lower()) for m in le.WORD.finditer(text[start:end])]
    while len(words) > 1 and words[-1][2] in edge:
        words.pop()
    while len(words) > 1 and words[0][2] in edge:
        words.pop(0)
    return (words[0][0], words[-1][1]) if words else (start, end)


def marked(texts, hits, edge) -> list[list[tuple[int, int]]]:
    return [[trimmed(t, h[0], h[1], edge) if edge else h[:2] for h in row if h[4]] for t, row in zip(texts, hits)]


def whole_matches(texts) -> list[list[tuple[int, int]]]:
    """The hits' spans over their whole match, context word included (`engine.match_span`)."""
    from toneanalysis.analyse.engine import match_span, parse
    from toneanalysis.lexicon import load_lexicon

    lex = load_lexicon(None)
    return [[match_span(h, p.normal, lex) for h in p.hits] for p in parse(texts, lex)]


def main(argv: list[str]) -> int:
    import basil_misses as bm
    from spacy.lang.en.stop_words import STOP_WORDS
    from validate import DEFAULT_DATA

    data = Path(argv[0]) if argv else DEFAULT_DATA
    if not ((data / le.BABE_FILE).is_file() and (data / le.BASIL_DIR / "articles").is_dir()):
        print(f"span edges: {data / le.BABE_FILE} or {data / le.BASIL_DIR} not found, skipped.")
        return 0
    babe = le.load_babe(data / le.BABE_FILE)
    b_texts, b_gold = babe["text"].tolist(), babe["words"].tolist()
    b_hits = le.hits_of(b_texts)
    sentences, spans = le.load_basil(data / le.BASIL_DIR)
    s_texts = sentences["text"].tolist()
    s_gold_spans = le.basil_gold(sentences, spans)
    s_gold = [le.words_in(t, [g[:2] for g in row]) for t, row in zip(s_texts, s_gold_spans)]
    s_hits = le.hits_of(s_texts)
    print("| words a hit marks | BABE P | R | F1 | BASIL span recall | BASIL word F1 |")
    print("|---|---|---|---|---|---|")
    rows = (("the whole match, context word included (before)", whole_matches(b_texts), whole_matches(s_texts)),
            ("the loaded words: without that/of/to/on at the end (shipped)", marked(b_texts, b_hits, None),
             marked(s_texts, s_hits, None)),
            ("without any stop word at an edge (not shipped)", marked(b_texts, b_hits, frozenset(STOP_WORDS)),
             marked(s_texts, s_hits, frozenset(STOP_WORDS))))
    for name, b_found, found in rows:
        b = le.prf([le.words_in(t, row) for t, row in zip(b_texts, b_found)], b_gold)
        recall = bm.span_recall(found, s_gold_spans)[0]
        s = le.prf([le.words_in(t, row) for t, row in zip(s_texts, found)], s_gold)
        print(f"| {name} | {b['p']:.3f} | {b['r']:.3f} | {b['f1']:.3f} | {recall:.3f} | {s['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
