"""Fit the rated-word model (toneanalysis/analyse/rated.py) and measure it out of sample.

    .venv/bin/python benchmarks/word_model.py [DATA] [--write]   # ~30 s; DATA as for validate.py

Issue 12's item 2 (a systematic class that generalises): a small logistic model (scikit-learn, C = 1)
over the describing words of BABE dev that no lexicon match covers (an adjective in pattern's lexicon,
a -ous/-less/-ist/-ly word or a hyphenated compound), with `rated.FEATURES` as the engine computes
them and no word's identity. It is fitted leave-one-topic-out; its probability threshold is chosen
inside each training set by the word F1 of lexicon hits plus model words there, then applied to the
held-out topic: the every-hit figures with and without the model's words are out of sample. The
shipped model is fitted on all of BABE dev, its threshold chosen there by the same rule; BASIL is
scored with it (nothing fitted on BASIL). `--write` puts the coefficients and the threshold into
rated.py; tests/test_validation.py fails when the shipped ones drift from a refit. Rated words are in
`loaded_p`'s charged group, so run benchmarks/fit_loaded_p.py --write after this one; both models'
out-of-sample effect on `loaded_p`'s AUC is printed here (`loaded_p_out_of_fold`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loaded_eval import BABE_FILE, BASIL_DIR, basil_gold, hits_of, load_babe, load_basil, prf, words_in

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.01)  # 1.01: no model word at all
# Word F1 is flat over a range of thresholds (0.457-0.460 from 0.2 to 0.3 on all of BABE dev): within
# this much of the best, the highest threshold is chosen, since fewer words marked is fewer false
# positives a reader sees, and PTC's precision target counts every hit.
F1_TOLERANCE = 0.005
RATED_PY = Path(__file__).resolve().parent.parent / "toneanalysis" / "analyse" / "rated.py"


def write_model(intercept: float, coefficients, threshold: float) -> str:
    """Put the fitted numbers into analyse/rated.py; returns the block written."""
    from toneanalysis.analyse.rated import FEATURES

    block = (f"INTERCEPT = {intercept:.2f}\nCOEFFICIENTS = {{\n"
             + "".join(f'    "{n}": {c:.2f},\n' for n, c in zip(FEATURES, coefficients))
             + f"}}\nTHRESHOLD = {threshold:g}")
    source = RATED_PY.read_text(encoding="utf-8")
    updated, count = re.subn(r"^INTERCEPT = .*?\nCOEFFICIENTS = \{\n.*?^\}\nTHRESHOLD = .*?$", block, source,
                             count=1, flags=re.M | re.S)
    if count != 1:
        raise SystemExit(f"word_model: no INTERCEPT/COEFFICIENTS/THRESHOLD block in {RATED_PY}")
    RATED_PY.write_text(updated, encoding="utf-8")
    return block


def word_rows(texts: list[str]) -> tuple[list[tuple[int, str, int, int]], np.ndarray, list[set]]:
    """((text index, word, start, end), features, words of the lexicon's hits per text) of each word the
    model could mark: `analyse/rated.py`'s features as the engine computes them, around the sentence's
    hits and cues (the rated words already found are left out)."""
    from toneanalysis.analyse.engine import match_span, parse, rated_entry
    from toneanalysis.analyse.rated import word_features
    from toneanalysis.lexicon import load_lexicon

    lex = load_lexicon(None)
    rated = rated_entry(lex)
    keys, rows, base = [], [], []
    for i, parsed in enumerate(parse(texts, lex)):
        lexicon_hits = [h for h in parsed.hits if h.entry < rated]
        base.append(words_in(parsed.text, [(h.start, h.end) for h in lexicon_hits]))
        for index, sentence in enumerate(parsed.sentences):
            # As the engine does: rated words are chosen around each whole match ("claims that"), though
            # a hit marks only its loaded words ("claims").
            spans = [(s - sentence.start, e - sentence.start)
                     for s, e in (match_span(h, parsed.normal, lex) for h in (*lexicon_hits, *parsed.cues)
                                  if h.sentence == index)]
            for s, e, values in word_features(parsed.normal[sentence.start:sentence.end], spans):
                a, b = sentence.start + s, sentence.start + e
                keys.append((i, parsed.text[a:b].lower(), a, b))
                rows.append(values)
    return keys, np.array(rows), base


def with_words(base: list[set], keys, chosen) -> list[set]:
    out = [set(b) for b in base]
    for (i, word, *_), keep in zip(keys, chosen):
        if keep:
            out[i].add(word)
    return out


def choose_threshold(f1) -> float:
    """The highest of `THRESHOLDS` whose word F1 (`f1(threshold)`) is within `F1_TOLERANCE` of the best."""
    scores = {t: f1(t) for t in THRESHOLDS}
    best = max(scores.values())
    return max(t for t, score in scores.items() if score >= best - F1_TOLERANCE)


def fit_all(keys, x, y, base, gold):
    """(model fitted on every word, threshold chosen on all of BABE dev by word F1): what ships."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=3000).fit(x, y)
    fitted = model.predict_proba(x)[:, 1]
    return model, choose_threshold(lambda t: prf(with_words(base, keys, fitted >= t), gold)["f1"])


def babe_rows(path: Path):
    """(babe, keys, features, labels, lexicon-hit words) of BABE dev."""
    babe = load_babe(path)
    keys, x, base = word_rows(babe["text"].tolist())
    gold = babe["words"].tolist()
    return babe, keys, x, np.array([word in gold[i] for i, word, *_ in keys]), base


def cross_validated(babe, keys, x, y, base):
    """(words of lexicon hits + model words per sentence, each topic's words by a model fitted on the
    other topics at a threshold chosen there; the out-of-fold probabilities; the threshold per topic;
    the out-of-fold probabilities without the word's place in its sentence, as `rated.scan`'s `best`
    reads them)."""
    from sklearn.linear_model import LogisticRegression

    from toneanalysis.analyse.rated import FEATURES

    gold, topics = babe["words"].tolist(), babe["topic"].to_numpy()
    word_topic = topics[[i for i, *_ in keys]]
    unplaced = x.copy()
    unplaced[:, [FEATURES.index(f) for f in ("near_hit", "quoted", "first_word")]] = 0.0
    out_of_fold, out_of_fold_unplaced, chosen = np.zeros(len(y)), np.zeros(len(y)), {}
    for topic in sorted(set(topics)):
        train, train_texts = word_topic != topic, np.flatnonzero(topics != topic)
        model = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train])
        p = model.predict_proba(x)[:, 1]
        out_of_fold[~train] = p[~train]
        out_of_fold_unplaced[~train] = model.predict_proba(unplaced[~train])[:, 1]

        def f1(threshold, p=p, train=train, train_texts=train_texts):
            words = with_words(base, keys, train & (p >= threshold))
            return prf([words[i] for i in train_texts], [gold[i] for i in train_texts])["f1"]
        chosen[topic] = choose_threshold(f1)
    predicted = with_words(base, keys, out_of_fold >= np.array([chosen[t] for t in word_topic]))
    return predicted, out_of_fold, chosen, out_of_fold_unplaced


def rated_max_out_of_fold(parsed, keys, unplaced) -> np.ndarray:
    """Each text's `rated_max` (`loaded.FEATURES`) from out-of-fold word probabilities: the best word's
    per sentence, word-weighted over the text's sentences as `fit_loaded_p.sentence_features` does
    (`parsed`: the texts as `engine.parse` gives them)."""
    sentences = [p.sentences for p in parsed]
    best = [np.zeros(len(s)) for s in sentences]
    for (i, _, start, _), p in zip(keys, unplaced):
        k = next(k for k, s in enumerate(sentences[i]) if s.start <= start < s.end)
        best[i][k] = max(best[i][k], p)
    out = np.zeros(len(sentences))
    for i, (s, b) in enumerate(zip(sentences, best)):
        if s:
            weights = np.array([max(x.n_words, 1) for x in s], dtype=float)
            out[i] = weights @ b / weights.sum()
    return out


def loaded_p_out_of_fold(babe, keys, out_of_fold, chosen, unplaced) -> tuple[float, float]:
    """`loaded_p`'s leave-one-topic-out AUC (fit_loaded_p.py's folds) without rated words, and with each
    topic's rated words from the word model fitted on the other topics, put in the charged group as
    the engine puts them (a text's count added to its charged weight; BABE's texts are single
    sentences, mostly), and its `rated_max` from the same models. The shipped rated words were fitted
    on these sentences, so fit_loaded_p.py's own figure, which reads them, is a little optimistic;
    this one is out of sample for both models."""
    import fit_loaded_p
    from loaded_eval import auc

    from toneanalysis.analyse import engine, loaded
    from toneanalysis.lexicon import load_lexicon

    group = loaded.GROUP_OF_CATEGORY.pop("rated_word")
    engine._ENTRY_WEIGHTS.clear()  # entry groups are cached per lexicon
    try:
        features = fit_loaded_p.sentence_features(babe["text"].tolist())
    finally:
        loaded.GROUP_OF_CATEGORY["rated_word"] = group
        engine._ENTRY_WEIGHTS.clear()
    topics, labels = babe["topic"].to_numpy(), babe["biased"].to_numpy()
    lex = load_lexicon(None)
    parsed = list(engine.parse(babe["text"].tolist(), lex))
    spoken = [p.spoken for p in parsed]
    count = np.zeros(len(babe))
    for (i, _, start, _), p in zip(keys, out_of_fold):
        # As the engine does: a rated word inside someone's quoted words is not in `loaded_p`.
        count[i] += p >= chosen[topics[i]] and not engine.in_quotes(start, spoken[i])
    with_rated = features.assign(charged=np.log1p(np.expm1(features["charged"]) + count),
                                 rated_max=rated_max_out_of_fold(parsed, keys, unplaced))
    lexicon_only = features.drop(columns="rated_max")
    return tuple(auc(fit_loaded_p.cross_validated(f, labels, topics), labels) for f in (lexicon_only, with_rated))


def main(argv: list[str] | None = None) -> int:
    write = "--write" in (argv or [])
    argv = [a for a in (argv or []) if a != "--write"]
    from validate import DEFAULT_DATA

    data = Path(argv[0]) if argv else DEFAULT_DATA
    if not (data / BABE_FILE).is_file():
        print(f"word_model: {data / BABE_FILE} not found, skipped.")
        return 0
    babe, keys, x, y, base = babe_rows(data / BABE_FILE)
    gold = babe["words"].tolist()
    predicted, out_of_fold, chosen, unplaced = cross_validated(babe, keys, x, y, base)
    print(f"BABE dev, {len(y)} words no hit covers ({y.sum()} marked by the experts), leave-one-topic-out; "
          f"thresholds chosen per fold: {sorted(chosen.values())}\n")
    print("| words predicted | precision | recall | F1 | words marked |\n|---|---|---|---|---|")
    for name, words in (("lexicon hits", base), ("lexicon hits + model words (out of sample)", predicted)):
        m = prf(words, gold)
        print(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['predicted']} |")
    from sklearn.metrics import roc_auc_score

    print(f"\nWord AUC of the model, out of fold: {roc_auc_score(y, out_of_fold):.3f}")
    without, with_rated = loaded_p_out_of_fold(babe, keys, out_of_fold, chosen, unplaced)
    print(f"loaded_p leave-one-topic-out AUC: lexicon matches only {without:.3f}; with the rated words "
          f"(out of fold) in its charged group {with_rated:.3f}")
    from toneanalysis.analyse.rated import FEATURES

    model, shipped_threshold = fit_all(keys, x, y, base, gold)
    print("Coefficients on all of BABE dev: " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, model.coef_[0]))
          + f", intercept {model.intercept_[0]:+.2f}; threshold chosen on all of BABE dev {shipped_threshold:g}")
    if write:
        block = write_model(float(model.intercept_[0]), model.coef_[0], shipped_threshold)
        print("wrote to analyse/rated.py:\n" + block)
    if (data / BASIL_DIR / "articles").is_dir():
        threshold = shipped_threshold
        sentences, spans = load_basil(data / BASIL_DIR)
        b_texts = sentences["text"].tolist()
        b_hits = [[h for h in row if h[3] != "rated_word"] for row in hits_of(b_texts)]
        gold_spans = basil_gold(sentences, spans)
        b_keys, b_x, _ = word_rows(b_texts)
        added = [[] for _ in b_texts]
        for (i, _, s, e), keep in zip(b_keys, model.predict_proba(b_x)[:, 1] >= threshold):
            if keep:
                added[i].append((s, e))
        none = [[] for _ in b_texts]
        for name, extra in (("lexicon hits", none), (f"+ model words (threshold {threshold:g})", added)):
            found = [[h[:2] for h in row if h[4]] + more for row, more in zip(b_hits, extra)]
            covered = [any(a < e and s < b for a, b in found[i]) for i, g in enumerate(gold_spans) for s, e, _ in g]
            print(f"BASIL dev span recall, {name}: {np.mean(covered):.3f} ({sum(map(len, extra))} model words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
