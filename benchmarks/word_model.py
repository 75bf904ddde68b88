"""Would a word-level model add the expert-marked words the lexicon misses? A check, not shipped.

    .venv/bin/python benchmarks/word_model.py [DATA]      # ~1 min; DATA as for validate.py

Issue 12's item 2 (a systematic class that generalises): a small logistic model (scikit-learn, C = 1)
over the words of BABE dev that no hit covers, with features from the lexicons shipped with the
packages and from the sentence, no word's identity: |VADER valence|, pattern's polarity, subjectivity
and adjective sense, suffixes (-ous/-less, -ist, -ly, -ed/-ing), hyphen, capital, word length, the
sentence's hits, a hit within two words, inside quotation marks, sentence length. It is fitted
leave-one-topic-out; its probability threshold is chosen inside each training set by the word F1 of
hits plus model words there, then applied to the held-out topic. BASIL is scored by the model fitted
on all of BABE dev at the median of the folds' thresholds (nothing fitted on BASIL). It prints the
every-hit figures with and without the model's words, out of sample.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loaded_eval import BABE_FILE, BASIL_DIR, WORD, basil_gold, hits_of, load_babe, load_basil, prf, words_in

FEATURES = ("vader_valence", "pattern_polarity", "pattern_subjectivity", "pattern_adjective", "suffix_ous_less",
            "suffix_ist", "suffix_ly", "suffix_ed_ing", "hyphenated", "capitalised", "word_length",
            "sentence_hits", "near_hit", "quoted", "sentence_length")
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.01)  # 1.01: no model word at all


def word_rows(texts: list[str], hits) -> tuple[list[tuple[int, str, int, int]], np.ndarray]:
    """((text index, word, start, end), features) of each word no hit covers, stop words and short
    words apart."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from textblob.en import sentiment as pattern

    from toneanalysis.analyse.sentiment import vader

    valence = vader().lexicon
    keys, rows = [], []
    for i, (text, row) in enumerate(zip(texts, hits)):
        spans = [h[:2] for h in row if h[4]]
        tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
        covered = [any(a < e and s < b for a, b in spans) for s, e, _ in tokens]
        for k, (s, e, word) in enumerate(tokens):
            low = word.lower()
            if covered[k] or low in STOP_WORDS or len(low) < 3 or low.isdigit():
                continue
            senses = np.array(list(pattern.get(low, {}).values()) or [(0.0, 0.0, 0.0)], dtype=float)
            rows.append((abs(valence.get(low, 0.0)), float(np.abs(senses[:, 0]).mean()), float(senses[:, 1].mean()),
                         float("JJ" in pattern.get(low, {})), float(low.endswith(("ous", "less"))),
                         float(low.endswith("ist")), float(low.endswith("ly")), float(low.endswith(("ed", "ing"))),
                         float("-" in low), float(word[:1].isupper()), np.log(len(low)), np.log1p(len(spans)),
                         float(any(covered[j] for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(tokens))),
                         float(text[:s].count('"') % 2 == 1 or text[max(0, s - 1):s] in ("'", "\u2018", "\u201c")),
                         np.log(len(tokens))))
            keys.append((i, low, s, e))
    return keys, np.array(rows)


def with_words(base: list[set], keys, chosen) -> list[set]:
    out = [set(b) for b in base]
    for (i, word, *_), keep in zip(keys, chosen):
        if keep:
            out[i].add(word)
    return out


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from validate import DEFAULT_DATA

    data = Path(argv[0]) if argv else DEFAULT_DATA
    if not (data / BABE_FILE).is_file():
        print(f"word_model: {data / BABE_FILE} not found, skipped.")
        return 0
    babe = load_babe(data / BABE_FILE)
    texts, gold, topics = babe["text"].tolist(), babe["words"].tolist(), babe["topic"].to_numpy()
    hits = hits_of(texts)
    base = [words_in(t, [h[:2] for h in row if h[4]]) for t, row in zip(texts, hits)]
    keys, x = word_rows(texts, hits)
    y = np.array([word in gold[i] for i, word, *_ in keys])
    word_topic = topics[[i for i, *_ in keys]]
    out_of_fold, chosen = np.zeros(len(y)), {}
    for topic in sorted(set(topics)):
        train, train_texts = word_topic != topic, np.flatnonzero(topics != topic)
        p = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train]).predict_proba(x)[:, 1]
        out_of_fold[~train] = p[~train]

        def f1(threshold, p=p, train=train, train_texts=train_texts):
            words = with_words(base, keys, train & (p >= threshold))
            return prf([words[i] for i in train_texts], [gold[i] for i in train_texts])["f1"]
        chosen[topic] = max(THRESHOLDS, key=f1)
    predicted = with_words(base, keys, out_of_fold >= np.array([chosen[t] for t in word_topic]))
    print(f"BABE dev, {len(y)} words no hit covers ({y.sum()} marked by the experts), leave-one-topic-out; "
          f"thresholds chosen per fold: {sorted(chosen.values())}\n")
    print("| words predicted | precision | recall | F1 | words marked |\n|---|---|---|---|---|")
    for name, words in (("toolkit hits", base), ("toolkit hits + model words (out of sample)", predicted)):
        m = prf(words, gold)
        print(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['predicted']} |")
    from sklearn.metrics import roc_auc_score

    print(f"\nWord AUC of the model, out of fold: {roc_auc_score(y, out_of_fold):.3f}")
    model = LogisticRegression(C=1.0, max_iter=3000).fit(x, y)
    print("Coefficients on all of BABE dev: " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, model.coef_[0]))
          + f", intercept {model.intercept_[0]:+.2f}")
    if (data / BASIL_DIR / "articles").is_dir():
        threshold = float(np.median(list(chosen.values())))
        sentences, spans = load_basil(data / BASIL_DIR)
        b_texts = sentences["text"].tolist()
        b_hits = hits_of(b_texts)
        gold_spans = basil_gold(sentences, spans)
        b_keys, b_x = word_rows(b_texts, b_hits)
        added = [[] for _ in b_texts]
        for (i, _, s, e), keep in zip(b_keys, model.predict_proba(b_x)[:, 1] >= threshold):
            if keep:
                added[i].append((s, e))
        none = [[] for _ in b_texts]
        for name, extra in (("toolkit hits", none), (f"+ model words (threshold {threshold:g})", added)):
            found = [[h[:2] for h in row if h[4]] + more for row, more in zip(b_hits, extra)]
            covered = [any(a < e and s < b for a, b in found[i]) for i, g in enumerate(gold_spans) for s, e, _ in g]
            print(f"BASIL dev span recall, {name}: {np.mean(covered):.3f} ({sum(map(len, extra))} model words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
