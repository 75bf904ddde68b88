"""Fit `loaded_p` (toneanalysis/analyse/loaded.py) on the BABE development sentences, leave-one-topic-out.

    .venv/bin/python benchmarks/fit_loaded_p.py [DATA] [--write]   # DATA as for validate.py

Target: the experts' label (Biased = 1, Non-biased = 0). Model: L2-regularised logistic regression
(scikit-learn, C = 1, no feature scaling: the features are on 0..~2.5 scales already) on the
features of `toneanalysis.analyse.loaded.features`, word-weighted over a text's sentences as the
paragraph table aggregates. Honest figures: leave-one-topic-out (11 folds), so no topic is both
fitted and scored. `--write` puts the coefficients fitted on all sentences into loaded.py;
tests/test_validation.py fails when the shipped ones drift more than 0.05 from a refit.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
C = 1.0
LOADED_PY = Path(__file__).resolve().parent.parent / "toneanalysis" / "analyse" / "loaded.py"


def sentence_features(texts, *, lexicon=None) -> pd.DataFrame:
    """One row per text: `loaded_p`'s features, word-weighted over its sentences."""
    from toneanalysis import lexicon as lexicon_module
    from toneanalysis.analyse.engine import parse, sentence_loading, sentence_scores
    from toneanalysis.analyse.loaded import FEATURES, features
    from toneanalysis.analyse.verbs import reports_speech

    lex = lexicon_module.load_lexicon(lexicon)
    rows = []
    for parsed in parse(texts, lex):
        if not parsed.sentences:
            rows.append([0.0] * len(FEATURES))
            continue
        _, grouped = sentence_loading(parsed, lex)
        values = np.array([features(sc.sentiment, g, s.n_words, reports_speech(parsed.normal, s.start, s.end),
                                    s.rated_max)
                           for s, sc, g in zip(parsed.sentences, sentence_scores(parsed, lex), grouped)])
        weights = np.array([max(s.n_words, 1) for s in parsed.sentences], dtype=float)
        rows.append(weights @ values / weights.sum())
    return pd.DataFrame(rows, columns=list(FEATURES))


def fit(features: pd.DataFrame, labels) -> tuple[float, dict]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=1000).fit(features.to_numpy(), np.asarray(labels, dtype=int))
    return float(model.intercept_[0]), dict(zip(features.columns, model.coef_[0].tolist()))


def probability(features: pd.DataFrame, intercept: float, coefficients: dict) -> np.ndarray:
    z = intercept + features[list(coefficients)].to_numpy() @ np.array(list(coefficients.values()))
    return 1 / (1 + np.exp(-z))


def shipped_probability(features: pd.DataFrame) -> np.ndarray:
    from toneanalysis.analyse.loaded import COEFFICIENTS, INTERCEPT

    return probability(features, INTERCEPT, COEFFICIENTS)


def cross_validated(features: pd.DataFrame, labels, topics) -> np.ndarray:
    """Out-of-fold `loaded_p` of every sentence: each topic scored by a model fitted on the others."""
    labels, topics = np.asarray(labels, dtype=int), np.asarray(topics)
    out = np.full(len(labels), np.nan)
    for topic in sorted(set(topics)):
        test = topics == topic
        intercept, coefficients = fit(features[~test], labels[~test])
        out[test] = probability(features[test], intercept, coefficients)
    return out


def main(argv: list[str] | None = None) -> int:
    from loaded_eval import BABE_FILE, auc, load_babe
    from validate import DEFAULT_DATA

    from toneanalysis.analyse.loaded import COEFFICIENTS, FEATURES, INTERCEPT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="write the coefficients into analyse/loaded.py")
    args = parser.parse_args(argv)
    path = args.data / BABE_FILE
    if not path.is_file():
        print(f"fit_loaded_p: {path} not found; nothing to fit.")
        return 0
    babe = load_babe(path)
    features = sentence_features(babe["text"].tolist())
    labels, topics = babe["biased"].to_numpy(), babe["topic"].to_numpy()
    print(f"{len(babe)} sentences ({labels.sum()} Biased), {len(set(topics))} topics; leave-one-topic-out")
    print("\nOut-of-sample AUC by feature set (the last row is the shipped form):")
    hits = ("charged", "hedge", "amplifier", "scare_quotes")
    sentence = ("vader_intensity", "subjectivity", "length", "attributed")
    subsets = [("charged",), hits, ("vader_intensity", "subjectivity"), hits + sentence[:2], hits + sentence[:3],
               hits + sentence, FEATURES]
    for subset in subsets:
        print(f"  {' + '.join(subset)}: {auc(cross_validated(features[list(subset)], labels, topics), labels):.3f}")
    intercept, coefficients = fit(features, labels)
    folds = [fit(features[topics != t], labels[topics != t]) for t in sorted(set(topics))]
    print("\nCoefficients on all sentences [range over the 11 training folds] vs shipped:")
    print(f"  {'intercept':16s} {intercept:+.3f}  [{min(f[0] for f in folds):+.3f} .. {max(f[0] for f in folds):+.3f}]"
          f"  shipped {INTERCEPT:+.3f}")
    for name in FEATURES:
        values = [f[1][name] for f in folds]
        print(f"  {name:16s} {coefficients[name]:+.3f}  [{min(values):+.3f} .. {max(values):+.3f}]"
              f"  shipped {COEFFICIENTS[name]:+.3f}")
    print(f"\nIn-sample AUC (optimistic): {auc(probability(features, intercept, coefficients), labels):.3f}")
    block = (f"INTERCEPT = {intercept:.3f}\nCOEFFICIENTS = {{\n"
             + "".join(f'    "{name}": {coefficients[name]:.3f},\n' for name in FEATURES) + "}")
    if args.write:
        source = LOADED_PY.read_text(encoding="utf-8")
        updated, count = re.subn(r"^INTERCEPT = .*?\nCOEFFICIENTS = \{\n.*?^\}", block, source, count=1,
                                 flags=re.M | re.S)
        if count != 1:
            raise SystemExit(f"fit_loaded_p: no INTERCEPT/COEFFICIENTS block in {LOADED_PY}")
        LOADED_PY.write_text(updated, encoding="utf-8")
        print(f"\nwrote to {LOADED_PY}:\n{block}")
    else:
        print(f"\nFor toneanalysis/analyse/loaded.py (or rerun with --write):\n{block}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
