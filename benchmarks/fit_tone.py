"""Fit the coefficients of `tone` on the NYT editorial sentences, and estimate its agreement out of sample.

    .venv/bin/python benchmarks/fit_tone.py [DATA] [--write]   # DATA as for validate.py (default ../shared/eval)

`--write` puts the fitted coefficients into toneanalysis/analyse/tone.py (refit whenever the lexicon or the
sentiment features change; tests/test_validation.py fails when they drift by more than 0.01).

Target: the mean human rating / 4 (so `tone` reads as a predicted rating on -4..4, divided by 4).
Model: least squares without intercept on the features of `toneanalysis.analyse.tone.features`, taken per
sentence and word-weighted per snippet exactly as `score_texts` aggregates `tone`. Honest figures:
5-fold GroupKFold, grouped by editorial, so no editorial is both fitted and scored. The
coefficients printed at the end are fitted on all 5,190 sentences; they are what tone.py ships.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import DEFAULT_DATA, NYT_FILE, agreement, load_nyt

N_SPLITS = 5
TONE_PY = Path(__file__).resolve().parent.parent / "toneanalysis" / "analyse" / "tone.py"


def snippet_features(texts, *, lexicon=None) -> pd.DataFrame:
    """One row per text: the tone features, word-weighted over its sentences as `score_texts` does."""
    from toneanalysis import lexicon as lexicon_module
    from toneanalysis.analyse.engine import parse, sentence_loading, sentence_scores
    from toneanalysis.analyse.tone import FEATURES, features

    lex = lexicon_module.load_lexicon(lexicon)
    rows = []
    for parsed in parse(texts, lex):
        per_sentence, _ = sentence_loading(parsed, lex)  # hits and cues, signed by framing
        if not parsed.sentences:
            rows.append([math.nan] * len(FEATURES))
            continue
        scored = sentence_scores(parsed, lex)
        values = np.array([features(sc.sentiment, w, s.n_words)
                           for s, sc, w in zip(parsed.sentences, scored, per_sentence)])
        weights = np.array([max(s.n_words, 1) for s in parsed.sentences], dtype=float)
        rows.append(weights @ values / weights.sum())
    return pd.DataFrame(rows, columns=list(FEATURES))


def predict(features: pd.DataFrame, coefficients: dict) -> np.ndarray:
    return np.clip(features[list(coefficients)].to_numpy() @ np.array(list(coefficients.values())), -1, 1)


def check_matches_toolkit(features: pd.DataFrame, tone) -> None:
    """The features here, with the shipped coefficients, must give score_texts' `tone` (else the fit
    fits something else)."""
    from toneanalysis.analyse.tone import COEFFICIENTS

    gap = np.abs(predict(features, COEFFICIENTS) - np.asarray(tone, dtype=float))
    if not np.nanmax(gap) < 1e-9:
        raise SystemExit(f"fit_tone: features disagree with score_texts' tone (max gap {np.nanmax(gap):.3g})")


def fit(features: pd.DataFrame, ratings) -> dict:
    """Least-squares coefficients, no intercept, for target = rating / 4."""
    coef, *_ = np.linalg.lstsq(features.to_numpy(), np.asarray(ratings, dtype=float) / 4, rcond=None)
    return dict(zip(features.columns, coef.tolist()))


def cross_validated(features: pd.DataFrame, ratings, editorials, *, n_splits: int = N_SPLITS) -> np.ndarray:
    """Out-of-fold tone for every sentence: each fold scored by coefficients fitted on the other editorials."""
    from sklearn.model_selection import GroupKFold

    ratings = np.asarray(ratings, dtype=float)
    out = np.full(len(features), np.nan)
    for train, test in GroupKFold(n_splits=n_splits).split(features, ratings, groups=editorials):
        coefficients = fit(features.iloc[train], ratings[train])
        out[test] = predict(features.iloc[test], coefficients)
    return out


def main(argv: list[str] | None = None) -> int:
    from toneanalysis.analyse.tone import COEFFICIENTS, FEATURES, NEUTRAL_BAND

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="write the coefficients into toneanalysis/analyse/tone.py")
    args = parser.parse_args(argv)
    path = args.data / NYT_FILE
    if not path.is_file():
        print(f"fit_tone: {path} not found; nothing to fit. Pass the eval folder as an argument.")
        return 0
    nyt = load_nyt(path)
    features = snippet_features(nyt["text"].tolist())
    ratings, editorials = nyt["rating"].to_numpy(), nyt["editorial"].to_numpy()

    print(f"{len(nyt)} sentences, {len(set(editorials))} editorials; target rating/4; "
          f"{N_SPLITS}-fold GroupKFold by editorial; neutral band ±{NEUTRAL_BAND:g}")
    print("\nOut-of-sample agreement by feature set (subsets of tone.FEATURES; the last row is the shipped form):")
    print("| features | r sentence | F1 sentence | r editorial | F1 editorial |\n|---|---|---|---|---|")
    subsets = [FEATURES[:1], FEATURES[:2], FEATURES[:4], ("vader_compound", "textblob_polarity", "loaded"), FEATURES]
    for subset in subsets:
        a = agreement(cross_validated(features[list(subset)], ratings, editorials), ratings, editorials, NEUTRAL_BAND)
        print(f"| {' + '.join(subset)} | {a['r_sentence']:.3f} | {a['f1_sentence']:.3f} | "
              f"{a['r_editorial']:.3f} | {a['f1_editorial']:.3f} |")
    print("\nSensitivity of the shipped form's F1 to the neutral band (the band itself is fixed a priori):")
    out_of_sample = cross_validated(features, ratings, editorials)
    for band in (0.0, NEUTRAL_BAND, 2 * NEUTRAL_BAND, 4 * NEUTRAL_BAND):
        a = agreement(out_of_sample, ratings, editorials, band)
        print(f"  band ±{band:g}: F1 sentence {a['f1_sentence']:.3f}, F1 editorial {a['f1_editorial']:.3f}")

    coefficients = fit(features, ratings)
    fold_coefficients = []
    from sklearn.model_selection import GroupKFold

    for train, _ in GroupKFold(n_splits=N_SPLITS).split(features, ratings, groups=editorials):
        fold_coefficients.append(fit(features.iloc[train], ratings[train]))
    print("\nCoefficients fitted on all sentences (fold range in brackets) vs shipped in tone.py:")
    for name in FEATURES:
        low = min(c[name] for c in fold_coefficients)
        high = max(c[name] for c in fold_coefficients)
        print(f"  {name:18s} {coefficients[name]:+.3f}  [{low:+.3f} .. {high:+.3f}]  shipped {COEFFICIENTS[name]:+.3f}")
    in_sample = agreement(predict(features, coefficients), ratings, editorials, NEUTRAL_BAND)
    print(f"\nIn-sample (optimistic, for comparison only): r sentence {in_sample['r_sentence']:.3f}, "
          f"r editorial {in_sample['r_editorial']:.3f}")
    block = "COEFFICIENTS = {\n" + "".join(f'    "{name}": {coefficients[name]:.3f},\n' for name in FEATURES) + "}"
    if args.write:
        source = TONE_PY.read_text(encoding="utf-8")
        updated, count = re.subn(r"^COEFFICIENTS = \{\n.*?^\}", block, source, count=1, flags=re.M | re.S)
        if count != 1:
            raise SystemExit(f"fit_tone: no COEFFICIENTS block found in {TONE_PY}")
        TONE_PY.write_text(updated, encoding="utf-8")
        print(f"\nwrote to {TONE_PY}:\n{block}")
    else:
        print(f"\nFor toneanalysis/analyse/tone.py (or rerun with --write):\n{block}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
