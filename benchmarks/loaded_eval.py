"""Loaded language against expert labels on real news: BABE (sentences, biased words) and BASIL
(articles, lexical-bias spans). Read by path from the eval folder, never copied into the repository.

    .venv/bin/python benchmarks/loaded_eval.py [DATA]      # also part of `make validate`

- BABE dev (2,300 sentences, 11 topics): word P/R/F1 of the hits `find_loaded_terms` returns against
  the experts' `biased_words` (micro over (sentence, word) pairs), beside every match (hits and cues);
  sentence AUC of `loaded_weight` and `loaded_p`. What is fitted on these sentences is scored
  leave-one-topic-out: `loaded_p` (fit_loaded_p.py), the rated-word model and its threshold
  (word_model.py), a benchmark-only minimum weight, and the scare-quote length rule.
- BASIL dev (150 articles, 50 events): share of expert lexical-bias (`lex`) spans that contain a hit
  (span recall) and word P/R/F1 against their words. Nothing is fitted on BASIL.

Baselines, same run and words: every word VADER's lexicon rates (|VADER|), and words TextBlob's
(pattern's) lexicon gives subjectivity >= 0.5 (thresholds fixed in advance); for sentence AUC,
|VADER compound| and the count of those subjective words.
"""

from __future__ import annotations

import ast
import csv
import functools
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

BABE_FILE = Path("babe_dev/babe_dev_topics.csv")
BASIL_DIR = Path("basil_dev")
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")
SUBJECTIVE = 0.5  # TextBlob/pattern subjectivity at or above which a word counts as subjective


# --- data -------------------------------------------------------------------------------------

def load_babe(path: Path) -> pd.DataFrame:
    """text, topic, biased (bool), words (set of lower-case biased-word tokens); 'No agreement' rows dropped."""
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", keep_default_na=False)
    frame = frame[frame["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    frame["biased"] = frame["label_bias"] == "Biased"
    frame["words"] = [{w.lower() for phrase in ast.literal_eval(cell or "[]") for w in WORD.findall(phrase)}
                      for cell in frame["biased_words"]]
    return frame[["text", "topic", "outlet", "biased", "words"]]


def load_basil(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentences: event, article, source, sentence, text; spans: event, article, sentence, start, end, quote)."""
    sentences, spans = [], []
    for path in sorted((folder / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        flat = [s for paragraph in article["body-paragraphs"] for s in paragraph]
        event = article["triplet-uuid"]
        for i, text in enumerate(flat):
            sentences.append((event, path.stem, article["source"], i, text))
        annotation = folder / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if annotation.is_file():
            for span in json.loads(annotation.read_text(encoding="utf-8"))["phrase-level-annotations"]:
                if span.get("bias") == "lex":
                    spans.append((event, path.stem, int(span["id"][1:]), int(span["start"]), int(span["end"]),
                                  span.get("quote") == "yes"))
    return (pd.DataFrame(sentences, columns=["event", "article", "source", "sentence", "text"]),
            pd.DataFrame(spans, columns=["event", "article", "sentence", "start", "end", "quote"]))


# --- word sets --------------------------------------------------------------------------------

def words_in(text: str, spans) -> set[str]:
    """Lower-case word tokens of `text` that overlap any (start, end) span."""
    return {m.group(0).lower() for m in WORD.finditer(text) if any(m.start() < e and s < m.end() for s, e in spans)}


def prf(predicted: list[set], gold: list[set]) -> dict:
    """Micro precision, recall, F1 over (item, word) pairs."""
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_p, n_g = sum(map(len, predicted)), sum(map(len, gold))
    precision = tp / n_p if n_p else 0.0
    recall = tp / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "predicted": n_p, "gold": n_g}


@functools.lru_cache(maxsize=1)
def baseline_words() -> tuple[frozenset, frozenset]:
    """(every word VADER's lexicon rates, words pattern's lexicon gives subjectivity >= SUBJECTIVE)."""
    from textblob.en import sentiment as pattern

    from toneanalysis.analyse.sentiment import vader

    vader_words = frozenset(w for w in vader().lexicon if WORD.fullmatch(w))
    subjective = frozenset(w for w, senses in pattern.items()
                           if WORD.fullmatch(w) and np.mean([s[1] for s in senses.values()]) >= SUBJECTIVE)
    return vader_words, subjective


def baseline_sets(text: str) -> tuple[set, set]:
    vader_words, subjective = baseline_words()
    tokens = {m.group(0).lower() for m in WORD.finditer(text)}
    return tokens & vader_words, tokens & subjective


def hits_of(texts: list[str], lexicon=None) -> list[list[tuple[int, int, float, str, bool]]]:
    """(start, end, weight, category, is a hit) of each match in each text, hits and cues (offsets into
    the text as given; a cue is a match lighter than a hit, `engine.MIN_HIT_WEIGHT`)."""
    from toneanalysis.analyse.engine import PSEUDO_ENTRIES, entry_weights, parse
    from toneanalysis.lexicon import load_lexicon

    lex = load_lexicon(lexicon)
    weights, *_ = entry_weights(lex)
    categories = [*lex.entries["category"].tolist(), *(p["category"] for p in PSEUDO_ENTRIES)]
    return [sorted([(h.start, h.end, weights[h.entry], categories[h.entry], True) for h in p.hits]
                   + [(h.start, h.end, weights[h.entry], categories[h.entry], False) for h in p.cues])
            for p in parse(texts, lex)]


def quoted_words(text: str, hit) -> int:
    return len(WORD.findall(text[hit[0]:hit[1]]))


def precision_classes(hits):
    """(name, keep(hit, text)) for the precision-by-weight table: entries by weight, rated words, scare
    quotes by length."""
    pseudo = ("scare_quote", "rated_word")
    weights = sorted({h[2] for row in hits for h in row if h[3] not in pseudo})
    classes = [(f"lexicon entries of weight {w:g}", lambda h, t, w=w: h[3] not in pseudo and h[2] == w)
               for w in weights]
    return [*classes, ("rated words (analyse/rated.py; fitted here, in-sample)", lambda h, t: h[3] == "rated_word"),
            ("scare quotes around one word", lambda h, t: h[3] == "scare_quote" and quoted_words(t, h) == 1),
            ("scare quotes around 2-4 words", lambda h, t: h[3] == "scare_quote" and quoted_words(t, h) > 1)]


def scare_quote_length_by_fold(texts, hits, gold, topics) -> list[int]:
    """For each leave-one-topic-out training set, the longest scare quote (1..4 words) that is a hit, chosen
    by the word F1 of every hit with it, as the minimum weight is: how `SCARE_QUOTE_HIT_WORDS` is set.
    (Until v0.7 it was chosen by the word precision of scare-quote hits alone; with the verbs of the voice
    analysis that rule picks 2 words, which lowers every hit's F1 by 0.004.)"""
    def kept(t, row, n):
        return words_in(t, [h[:2] for h in row if (h[4] and h[3] != "scare_quote")
                            or (h[3] == "scare_quote" and quoted_words(t, h) <= n)])
    words = {n: [kept(t, row, n) for t, row in zip(texts, hits)] for n in range(1, 5)}
    train_sets = [np.flatnonzero(np.asarray(topics) != topic) for topic in sorted(set(topics))]
    return [max(words, key=lambda n, tr=tr: prf([words[n][i] for i in tr], [gold[i] for i in tr])["f1"])
            for tr in train_sets]


def auc(scores, labels) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(np.asarray(labels, dtype=bool), np.asarray(scores, dtype=float)))


# --- BABE -------------------------------------------------------------------------------------

MIN_WEIGHTS = (0.5, 1.0, 2.0, 3.0)


def cross_validated_min_weight(hits, gold, topics) -> tuple[list[set], list[float]]:
    """Word sets of hits at or above a minimum weight chosen, for each held-out topic, by word F1 on
    the other topics; the chosen minimum per topic is returned too."""
    texts_words = {}
    for w in MIN_WEIGHTS:
        texts_words[w] = [words_in(t, [(s, e) for s, e, x, *_ in h if x >= w]) for t, h in hits]
    topics = np.asarray(topics)
    predicted: list[set] = [set()] * len(gold)
    chosen = []
    for topic in sorted(set(topics)):
        train = np.flatnonzero(topics != topic)
        best = max(MIN_WEIGHTS, key=lambda w: prf([texts_words[w][i] for i in train], [gold[i] for i in train])["f1"])
        chosen.append(best)
        for i in np.flatnonzero(topics == topic):
            predicted[i] = texts_words[best][i]
    return predicted, chosen


VALENCES = (1.5, 2.0, 2.5, 3.0)


def uncovered_vader_report(texts, gold, covered) -> list[str]:
    """Word precision of the words VADER's lexicon rates at |valence| >= a threshold that no hit covers:
    whether a systematic `emotive` class from VADER would add words experts mark (issue 12, coverage by
    kind). A class helps micro word F1 only if its precision exceeds about half the F1 it joins."""
    from toneanalysis.analyse.sentiment import vader

    valence = vader().lexicon
    lines = ["Words VADER's lexicon rates that no hit covers (candidates for a systematic `emotive` class):", "",
             "| abs(valence) at least | words marked | word precision |", "|---|---|---|"]
    for threshold in VALENCES:
        predicted = [{m.group(0).lower() for m in WORD.finditer(t)
                      if abs(valence.get(m.group(0).lower(), 0.0)) >= threshold} - c for t, c in zip(texts, covered)]
        m = prf(predicted, gold)
        lines.append(f"| {threshold:g} | {m['predicted']} | {m['p']:.3f} |")
    return lines


def babe_report(path: Path) -> str:
    import fit_loaded_p

    babe = load_babe(path)
    texts, gold = babe["text"].tolist(), babe["words"].tolist()
    hits = hits_of(texts)
    every_hit = [words_in(t, [h[:2] for h in row if h[4]]) for t, row in zip(texts, hits)]
    every_match = [words_in(t, [h[:2] for h in row]) for t, row in zip(texts, hits)]
    cv_words, chosen = cross_validated_min_weight(list(zip(texts, hits)), gold, babe["topic"])
    vader_sets, subjective_sets = zip(*(baseline_sets(t) for t in texts))
    lines = [f"BABE dev: {len(babe)} sentences ({int(babe['biased'].sum())} Biased), {babe['topic'].nunique()} topics "
             f"({path}); word-level against the experts' biased words, micro over (sentence, word)", "",
             "| words predicted | precision | recall | F1 | words marked |", "|---|---|---|---|---|"]
    import word_model

    _, word_keys, *word_data = word_model.babe_rows(path)
    out_of_sample, word_out_of_fold, thresholds, unplaced = word_model.cross_validated(babe, word_keys, *word_data)
    rows = [("**toolkit hits, every hit `find_loaded_terms` returns, the rated-word model fitted leave-one-topic-out "
             f"(thresholds {sorted(set(thresholds.values()))}): out of sample**", out_of_sample),
            ("toolkit hits as shipped (the rated-word model fitted on these sentences: in-sample)", every_hit),
            ("every match: hits and cues", every_match),
            (f"every match at a minimum weight chosen leave-one-topic-out (chosen: {sorted(set(chosen))})", cv_words),
            ("baseline: every word VADER's lexicon rates (|VADER|)", list(vader_sets)),
            (f"baseline: subjective words (pattern subjectivity >= {SUBJECTIVE})", list(subjective_sets))]
    for name, predicted in rows:
        m = prf(predicted, gold)
        lines.append(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['predicted']} |")

    lines += ["", "Word precision of the matches by class (what a weight is worth on expert labels; a class "
              "raises micro word F1 only if its precision exceeds about half the F1 it joins):", "",
              "| matches | hit or cue | number | word precision |", "|---|---|---|---|"]
    for name, keep in precision_classes(hits):
        kept = [[h for h in row if keep(h, t)] for t, row in zip(texts, hits)]
        m = prf([words_in(t, [h[:2] for h in row]) for t, row in zip(texts, kept)], gold)
        kinds = {"hit" if h[4] else "cue" for row in kept for h in row}
        lines.append(f"| {name} | {' and '.join(sorted(kinds, reverse=True))} | {sum(map(len, kept))} | {m['p']:.3f} |")
    lengths = scare_quote_length_by_fold(texts, hits, gold, babe["topic"])
    lines += ["", "Longest scare quote that is a hit, chosen by the word F1 of every hit in each "
              f"leave-one-topic-out training set: {dict(sorted(pd.Series(lengths).value_counts().items()))} "
              "(words: folds)"]

    lines += ["", *uncovered_vader_report(texts, gold, every_hit)]
    features = fit_loaded_p.sentence_features(texts)
    out_of_fold = fit_loaded_p.cross_validated(features, babe["biased"].to_numpy(), babe["topic"].to_numpy())
    from toneanalysis.analyse.sentiment import vader

    lexicon_only, both_out = word_model.loaded_p_out_of_fold(babe, word_keys, word_out_of_fold, thresholds, unplaced)
    weight = [sum(h[2] for h in row if h[4]) for row in hits]
    per_topic = pd.DataFrame({"topic": babe["topic"], "y": babe["biased"], "p": out_of_fold})
    topic_aucs = [auc(g["p"], g["y"]) for _, g in per_topic.groupby("topic") if g["y"].nunique() == 2]
    lines += ["", "Sentence AUC, Biased vs Non-biased:", "", "| score | AUC |", "|---|---|",
              "| **`loaded_p`, leave-one-topic-out, its rated words and `rated_max` from the word model fitted "
              f"leave-one-topic-out too (both out of sample: the headline)** | **{both_out:.3f}** |",
              "| `loaded_p`, leave-one-topic-out, the shipped rated words and `rated_max` (their model fitted on "
              f"these sentences: optimistic) | {auc(out_of_fold, babe['biased']):.3f} |",
              f"| `loaded_p`, leave-one-topic-out, lexicon matches only (no rated words) | {lexicon_only:.3f} |",
              f"| `loaded_p`, shipped coefficients (in-sample, optimistic) | "
              f"{auc(fit_loaded_p.shipped_probability(features), babe['biased']):.3f} |",
              f"| `loaded_weight` (sum of hit weights; nothing fitted) | {auc(weight, babe['biased']):.3f} |",
              f"| baseline: abs(VADER compound) | "
              f"{auc([abs(vader().polarity_scores(t)['compound']) for t in texts], babe['biased']):.3f} |",
              f"| baseline: subjective word count | {auc([len(s) for s in subjective_sets], babe['biased']):.3f} |",
              "", f"`loaded_p` AUC per held-out topic (the shipped rated words): min {min(topic_aucs):.3f}, "
              f"median {np.median(topic_aucs):.3f}, "
              f"max {max(topic_aucs):.3f} ({len(topic_aucs)} topics)"]
    return "\n".join(lines)


# --- BASIL ------------------------------------------------------------------------------------

def basil_gold(sentences: pd.DataFrame, spans: pd.DataFrame) -> list[list[tuple[int, int, bool]]]:
    """(start, end, inside a quote) of the lexical-bias spans of each sentence of `load_basil`."""
    key = {(a, s): i for i, (a, s) in enumerate(zip(sentences["article"], sentences["sentence"]))}
    gold_spans: list[list] = [[] for _ in range(len(sentences))]
    for row in spans.itertuples():
        i = key.get((row.article, row.sentence))
        if i is not None:
            gold_spans[i].append((row.start, row.end, row.quote))
    return gold_spans


def basil_report(folder: Path) -> str:
    sentences, spans = load_basil(folder)
    texts = sentences["text"].tolist()
    hits = hits_of(texts)
    gold_spans = basil_gold(sentences, spans)
    gold = [words_in(t, [(s, e) for s, e, _ in g]) for t, g in zip(texts, gold_spans)]
    predicted = {"**toolkit hits**": [[h[:2] for h in row if h[4]] for row in hits],
                 "every match: hits and cues": [[h[:2] for h in row] for row in hits]}
    vader_words, subjective = baseline_words()
    for name, vocabulary in (("baseline: |VADER| lexicon words", vader_words),
                             (f"baseline: subjective words (>= {SUBJECTIVE})", subjective)):
        predicted[name] = [[m.span() for m in WORD.finditer(t) if m.group(0).lower() in vocabulary] for t in texts]
    n_spans = sum(map(len, gold_spans))
    n_quoted = sum(q for g in gold_spans for *_, q in g)
    lines = [f"BASIL dev: {sentences['article'].nunique()} articles, {sentences['event'].nunique()} events, "
             f"{len(texts)} sentences, {n_spans} lexical-bias spans ({n_quoted} inside quotes) ({folder}); "
             "nothing fitted on it, but half its events were read for lexicon v0.7's kinds: the MEASURE half "
             "(benchmarks/lexicon_round.py, the end of `make validate`) is the out-of-sample figure", "",
             "| predicted | span recall | span recall, outside quotes | word precision | word recall | word F1 |",
             "|---|---|---|---|---|---|"]
    for name, found in predicted.items():
        covered = [[any(a < e and s < b for a, b in found[i]) for s, e, _ in g] for i, g in enumerate(gold_spans)]
        flat = [c for row in covered for c in row]
        outside = [c for row, g in zip(covered, gold_spans) for c, (*_, q) in zip(row, g) if not q]
        m = prf([words_in(t, f) for t, f in zip(texts, found)], gold)
        lines.append(f"| {name} | {np.mean(flat):.3f} | {np.mean(outside):.3f} | {m['p']:.3f} | {m['r']:.3f} | "
                     f"{m['f1']:.3f} |")
    lines += ["", "Spans are sparse (the salient cases, not every loaded word): "
              "word precision against them is a floor."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validate import DEFAULT_DATA

    data = Path(argv[0]) if argv else DEFAULT_DATA
    print(report(data))
    return 0


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAIRS = FIXTURES / "minimal_pairs.tsv"
# Written in batches on new events, each before the lexicon change it was measured against, and
# measured once then (docs/VALIDATION.md §3, "Minimal pairs on new events"): A before v0.8, C after
# v0.8's first kinds (written from A's misses), D after all of v0.8 (nothing written from it, but
# `rated_max` was added after reading its misses), E after `rated_max`; F and G after E, by two
# writers who never saw the lexicon, before v0.9 (whose entries came from D's, F's and G's misses);
# H after v0.9, by a third such writer; I and J after v0.10's first group (written from H's misses),
# K and L after all of v0.10 (its second group from I's and J's misses), by four more.
BLIND_PAIRS = FIXTURES / "minimal_pairs_blind.tsv"


def read_pairs(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)


def pair_scores(pairs: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(loaded member's, plain member's) score of each pair, by score: the toolkit's two and the baselines."""
    import toneanalysis as ta
    from toneanalysis.analyse.sentiment import vader

    loaded, plain = ta.score_texts(pairs["loaded"]), ta.score_texts(pairs["plain"])

    def vader_abs(texts):
        return [abs(vader().polarity_scores(t)["compound"]) for t in texts]

    scores = {
        "`loaded_p`": (loaded["loaded_p"], plain["loaded_p"]),
        "`loaded_weight`": (loaded["loaded_weight"], plain["loaded_weight"]),
        "baseline: abs(VADER compound)": (vader_abs(pairs["loaded"]), vader_abs(pairs["plain"])),
        "baseline: subjective word count": ([len(baseline_sets(t)[1]) for t in pairs["loaded"]],
                                            [len(baseline_sets(t)[1]) for t in pairs["plain"]]),
    }
    return {name: (np.asarray(a, dtype=float), np.asarray(b, dtype=float)) for name, (a, b) in scores.items()}


def higher_share(loaded: np.ndarray, plain: np.ndarray) -> float:
    """The measure: the share of pairs whose loaded member scores strictly higher (a tie is a miss)."""
    return float(np.mean(loaded > plain))


def blind_pair_shares(path: Path = BLIND_PAIRS) -> dict[str, dict[str, float]]:
    """{batch: {score: share of pairs whose loaded member scores higher}} of the blind batches."""
    pairs = read_pairs(path)
    return {batch: {name: higher_share(a, b) for name, (a, b) in pair_scores(group.reset_index(drop=True)).items()}
            for batch, group in pairs.groupby("batch", sort=True)}


def pairs_report(path: Path = PAIRS) -> str:
    """Our own loaded/plain minimal pairs (invented events, written for the tests): share of pairs whose
    loaded member scores higher, ties apart. They were written to cover the kinds issue 12 lists, so
    they check coverage; they are not a held-out measure. The blind batches follow, by batch."""
    pairs = read_pairs(path)
    lines = [f"Minimal pairs written for this project ({len(pairs)} pairs, {pairs['kind'].nunique()} kinds; "
             f"{path.name}): coverage check, not held out", "",
             "| score | loaded higher | tie | loaded lower |", "|---|---|---|---|"]
    for name, (a, b) in pair_scores(pairs).items():
        lines.append(f"| {name} | {higher_share(a, b):.1%} | {np.mean(a == b):.1%} | {np.mean(a < b):.1%} |")
    if BLIND_PAIRS.is_file():
        shares = blind_pair_shares()
        names = list(next(iter(shares.values())))
        lines += ["", f"Minimal pairs on new events ({BLIND_PAIRS.name}), loaded member higher, by batch "
                  "(each written before the change it was first measured against, from F on by writers who never saw "
                  "the lexicon: `BLIND_PAIRS` and docs/VALIDATION.md §3 say which change)", "",
                  "| batch | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        lines += [f"| {batch} | " + " | ".join(f"{row[n]:.1%}" for n in names) + " |" for batch, row in shares.items()]
    return "\n".join(lines)


def report(data: Path) -> str:
    sections = [pairs_report()] if PAIRS.is_file() else []
    if (data / BABE_FILE).is_file():
        sections.append(babe_report(data / BABE_FILE))
    else:
        sections.append(f"BABE: {data / BABE_FILE} not found, skipped.")
    if (data / BASIL_DIR / "articles").is_dir():
        sections.append(basil_report(data / BASIL_DIR))
        import basil_misses

        sections.append(basil_misses.report(data))
    else:
        sections.append(f"BASIL: {data / BASIL_DIR} not found, skipped.")
    return "\n\n".join(sections)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
