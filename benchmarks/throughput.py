"""Paragraphs per second: `score_texts` end to end against its raw parts on the same texts.

The raw parts are what any VADER + TextBlob pipeline must do: split sentences (spaCy's
sentencizer), VADER per sentence with one analyzer, TextBlob per sentence. The ratio says how much
the toolkit's normalisation, lexicon matching and table building cost on top. Also times a
10,000-entry lexicon against the default one (one compiled matcher, so the cost should barely move).

    .venv/bin/python benchmarks/throughput.py [--paragraphs 6000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import string
import time
from pathlib import Path

import toneanalysis as ta
from toneanalysis.sentiment import textblob, vader
from toneanalysis.text import nlp, normalise

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[str]:
    texts = [b.text for b in ta.load_article(ROOT / "data/raw/thesun_putin_kim_2024-06-18.txt").scored_blocks()]
    for path in sorted((ROOT / "data/baseline").glob("*.txt")):
        texts += [b.text for b in ta.load_article(path).scored_blocks()]
    return [texts[i % len(texts)] for i in range(n)]


def raw_parts(texts: list[str]) -> None:
    analyzer, blob = vader(), textblob()
    for doc in nlp().pipe(texts, batch_size=256):
        for sentence in doc.sents:
            analyzer.polarity_scores(sentence.text)
            blob.analyze(sentence.text)


def big_lexicon(size: int) -> ta.Lexicon:
    rng = random.Random(0)
    entries = ta.default_lexicon().entries.to_dict("records")
    while len(entries) < size:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 10)))
        phrase = word if rng.random() < 0.7 else f"{word} {rng.choice(['attack', 'plan', 'man', 'war'])}"
        entries.append({"term": phrase, "category": "loaded_noun", "weight": 1, "framing": "negative",
                        "neutral": "thing", "exceptions": ""})
    seen, unique = set(), []
    for entry in entries:
        if entry["term"] not in seen:
            seen.add(entry["term"])
            unique.append(entry)
    return ta.load_lexicon(unique)


def best_rate(run, texts, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=6000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.paragraphs)
    normal = [normalise(t) for t in texts]
    default = ta.default_lexicon()
    large = big_lexicon(10_000)
    start = time.perf_counter()
    large.matcher  # compile once, outside the timed runs
    compile_seconds = time.perf_counter() - start
    ta.score_texts(texts[:50]), ta.score_texts(texts[:50], lexicon=large)  # warm caches

    raw = best_rate(raw_parts, normal, args.repeats)
    toolkit = best_rate(lambda t: ta.score_texts(t, lexicon=default), texts, args.repeats)
    toolkit_large = best_rate(lambda t: ta.score_texts(t, lexicon=large), texts, args.repeats)
    print(f"paragraphs: {len(texts)} (sample + baseline paragraphs, repeated), best of {args.repeats}, one core")
    print(f"raw parts (spaCy sentencizer + VADER + TextBlob): {raw:8.0f} paragraphs/s")
    print(f"score_texts, default lexicon ({len(default)} entries): {toolkit:8.0f} paragraphs/s"
          f"  ratio {toolkit / raw:.3f} of raw")
    print(f"score_texts, {len(large)}-entry lexicon:        {toolkit_large:8.0f} paragraphs/s"
          f"  cost +{100 * (toolkit / toolkit_large - 1):.1f}% vs default (compiled once in {compile_seconds:.1f} s)")


if __name__ == "__main__":
    main()
