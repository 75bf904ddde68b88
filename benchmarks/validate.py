"""Validation against human judgement: NYT editorial sentences (tone) and Wikipedia pairs (loaded language).

    .venv/bin/python benchmarks/validate.py [DATA]      # or: make validate

DATA is the folder of public evaluation sets (default: ../shared/eval from the repository root),
read in place and never copied into the repository. A missing set is reported and skipped; with
none present the script says so and exits 0.

1. NYT editorial sentences (Hutto & Gilbert 2014): Pearson r against the mean human rating and
   3-class weighted F1 (class = sign of the human mean; a score is neutral within +-band), per
   sentence and averaged per editorial. `tone` is shown twice: with the shipped coefficients (fitted
   on this very data, so in-sample and optimistic) and 5-fold cross-validated grouped by editorial
   (out of sample: the honest figure), see benchmarks/fit_tone.py.
2. Wiki Neutrality Corpus pairs (Pryzant et al. 2020): share of pairs in which the biased (pre)
   sentence gets the higher `loaded_weight`, ties apart, train and test files separately. The text
   is lower-cased and tokenised ("award - winning", "do n't") and is scored as given.
3. BABE dev sentences and BASIL dev articles (expert labels on real news): word-level P/R/F1 of the
   hits, sentence AUC of `loaded_p` (leave-one-topic-out) and BASIL span recall, each beside the
   |VADER| and subjective-word baselines of the same run; see benchmarks/loaded_eval.py.
4. BASIL dev by half (benchmarks/lexicon_round.py): lexicon v0.7 was written after reading the LOOK
   half's misses for their kinds, so its span recall is out of sample only on the MEASURE half; the
   table is the kinds of its `ROUND`, the latest round (`--round` there prints an earlier one's).
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
NYT_FILE = Path("nyt/nytEditorialSnippets_GroundTruth.txt")
WNC_FILE = "wnc/baselines_test_data_{side}.{split}"
VADER_BAND = 0.05  # Hutto & Gilbert's neutral band for VADER's compound; used for TextBlob too


# --- NYT editorial sentences ------------------------------------------------------------------

def load_nyt(path: Path) -> pd.DataFrame:
    """id, editorial, rating (mean human rating, -4..4), text; the file is latin-1, CRLF, tab-separated."""
    frame = pd.read_csv(path, sep="\t", header=None, names=["id", "rating", "text"], encoding="latin-1",
                        quoting=csv.QUOTE_NONE, dtype={"id": str, "text": str})
    frame["text"] = frame["text"].str.rstrip("\r")
    frame.insert(1, "editorial", frame["id"].str.split("_").str[0])
    return frame


def three_class(scores, band: float) -> np.ndarray:
    """-1, 0, +1: negative below -band, positive above +band, neutral in between."""
    scores = np.asarray(scores, dtype=float)
    return np.where(scores > band, 1, np.where(scores < -band, -1, 0))


def agreement(scores, ratings, editorials, band: float) -> dict:
    """Pearson r and weighted 3-class F1 against the human means, per sentence and per editorial."""
    from scipy.stats import pearsonr
    from sklearn.metrics import f1_score

    frame = pd.DataFrame({"score": np.asarray(scores, dtype=float), "rating": np.asarray(ratings, dtype=float),
                          "editorial": np.asarray(editorials)})
    per_editorial = frame.groupby("editorial")[["score", "rating"]].mean()
    out = {}
    for level, table in (("sentence", frame), ("editorial", per_editorial)):
        out[f"r_{level}"] = pearsonr(table["score"], table["rating"])[0]
        out[f"f1_{level}"] = f1_score(np.sign(table["rating"]).astype(int), three_class(table["score"], band),
                                      average="weighted")
    out["n_sentences"], out["n_editorials"] = len(frame), len(per_editorial)
    return out


def nyt_scores(nyt: pd.DataFrame) -> dict[str, tuple[np.ndarray, float]]:
    """Each score to compare, with its neutral band: raw VADER/TextBlob, the toolkit's columns, tone."""
    import fit_tone

    import toneanalysis as ta
    from toneanalysis.analyse.sentiment import textblob, vader
    from toneanalysis.analyse.tone import NEUTRAL_BAND

    texts = nyt["text"].tolist()
    table = ta.score_texts(texts)
    # Out-of-fold tone: the shipped model form, each editorial scored by coefficients fitted without it.
    features = fit_tone.snippet_features(texts)
    fit_tone.check_matches_toolkit(features, table["tone"].to_numpy())
    out_of_sample = fit_tone.cross_validated(features, nyt["rating"].to_numpy(), nyt["editorial"].to_numpy())
    return {
        "VADER compound, raw 3.3.2 on the whole text": (
            np.array([vader().polarity_scores(t)["compound"] for t in texts]), VADER_BAND),
        "TextBlob polarity, raw on the whole text": (
            np.array([textblob()(t)[0] for t in texts], dtype=float), VADER_BAND),
        "`vader_compound` (score_texts)": (table["vader_compound"].to_numpy(), VADER_BAND),
        "`textblob_polarity` (score_texts)": (table["textblob_polarity"].to_numpy(), VADER_BAND),
        "`tone` (score_texts), shipped coefficients: in-sample": (table["tone"].to_numpy(), NEUTRAL_BAND),
        "`tone`, 5-fold grouped CV: **out of sample**": (out_of_sample, NEUTRAL_BAND),
    }


def nyt_report(path: Path) -> str:
    nyt = load_nyt(path)
    lines = [f"NYT editorial sentences: {len(nyt)} sentences, {nyt['editorial'].nunique()} editorials ({path})", "",
             "| score | neutral band | r sentence | F1 sentence | r editorial | F1 editorial |",
             "|---|---|---|---|---|---|"]
    for name, (scores, band) in nyt_scores(nyt).items():
        a = agreement(scores, nyt["rating"], nyt["editorial"], band)
        lines.append(f"| {name} | ±{band:g} | {a['r_sentence']:.3f} | {a['f1_sentence']:.3f} | "
                     f"{a['r_editorial']:.3f} | {a['f1_editorial']:.3f} |")
    lines += ["", "References: VADER paper r = 0.492, F1 0.55 (sentence level); one human rater r = 0.745, F1 0.65."]
    return "\n".join(lines)


# --- Wiki Neutrality Corpus pairs ---------------------------------------------------------------

def load_wnc(folder: Path, split: str) -> tuple[list[str], list[str]]:
    """The aligned (pre, post) sentences of one split; pre is the biased original."""
    pre = (folder / WNC_FILE.format(side="pre", split=split)).read_text(encoding="utf-8").splitlines()
    post = (folder / WNC_FILE.format(side="post", split=split)).read_text(encoding="utf-8").splitlines()
    if len(pre) != len(post):
        raise SystemExit(f"validate: {split}: {len(pre)} pre lines but {len(post)} post lines; not aligned")
    return pre, post


def pairwise(pre_scores, post_scores) -> dict:
    """Shares of pairs where the biased member scores higher, the same, or lower."""
    pre_scores, post_scores = np.asarray(pre_scores, dtype=float), np.asarray(post_scores, dtype=float)
    n = len(pre_scores)
    return {"n": n, "higher": float(np.mean(pre_scores > post_scores)),
            "tie": float(np.mean(pre_scores == post_scores)),
            "lower": float(np.mean(pre_scores < post_scores))}


def removed_words(pre: str, post: str) -> list[str]:
    """Tokens of the biased sentence that the neutralising edit took out (a multiset difference)."""
    left = collections.Counter(pre.split()) - collections.Counter(post.split())
    return sorted(left.elements())


def wnc_report(folder: Path) -> str:
    import toneanalysis as ta
    from toneanalysis.analyse.sentiment import vader

    lines = [f"Wiki Neutrality Corpus pairs ({folder / 'wnc'}), text lower-cased and tokenised, scored as given", "",
             "| file | pairs | score | biased higher | tie | biased lower |", "|---|---|---|---|---|---|"]
    misses = collections.Counter()
    for split in ("train", "test"):
        pre, post = load_wnc(folder, split)
        pre_table, post_table = ta.score_texts(pre), ta.score_texts(post)
        scores = {
            "`loaded_weight`": (pre_table["loaded_weight"], post_table["loaded_weight"]),
            "`loaded_count`": (pre_table["loaded_count"], post_table["loaded_count"]),
            "`loaded_p` (fitted on BABE, not on these pairs)": (pre_table["loaded_p"], post_table["loaded_p"]),
            "abs(VADER compound), raw": ([abs(vader().polarity_scores(t)["compound"]) for t in pre],
                                      [abs(vader().polarity_scores(t)["compound"]) for t in post]),
        }
        for name, (a, b) in scores.items():
            p = pairwise(a, b)
            lines.append(f"| {split} | {p['n']} | {name} | {p['higher']:.1%} | {p['tie']:.1%} | {p['lower']:.1%} |")
        missed = pre_table["loaded_weight"].to_numpy() <= post_table["loaded_weight"].to_numpy()
        for i in np.flatnonzero(missed):
            words = removed_words(pre[i], post[i])
            if len(words) == 1:
                misses[words[0]] += 1
    lines += ["",
              "References: MPQA strong-subjective word count 26.6% higher (67.6% ties); |VADER| 30.3% (55.6% ties).",
              "", "Most frequent single removed words in pairs the lexicon did not rank correctly (diagnostic only; "
              "never used to edit the lexicon):",
              ", ".join(f"{w} ({n})" for w, n in misses.most_common(30))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                        help=f"folder holding nyt/ and wnc/ (default: {DEFAULT_DATA})")
    args = parser.parse_args(argv)
    nyt_path = args.data / NYT_FILE
    wnc_present = all((args.data / WNC_FILE.format(side=s, split=p)).is_file()
                      for s in ("pre", "post") for p in ("train", "test"))
    import loaded_eval

    expert_present = (args.data / loaded_eval.BABE_FILE).is_file() or (args.data / loaded_eval.BASIL_DIR).is_dir()
    if not nyt_path.is_file() and not wnc_present and not expert_present:
        print(f"validate: no evaluation data in {args.data} (expected {NYT_FILE} and wnc/); nothing to do.\n"
              "Pass the folder as an argument: benchmarks/validate.py PATH/TO/eval")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # fit_tone, when run from elsewhere
    sections = []
    if nyt_path.is_file():
        sections.append(nyt_report(nyt_path))
    else:
        sections.append(f"NYT editorial sentences: {nyt_path} not found, skipped.")
    if wnc_present:
        sections.append(wnc_report(args.data))
    else:
        sections.append(f"Wiki Neutrality Corpus: {args.data / 'wnc'} incomplete or missing, skipped.")
    sections.append(loaded_eval.report(args.data))
    import lexicon_round  # BASIL by half: the MEASURE half is the out-of-sample figure since lexicon v0.7

    sections.append(lexicon_round.report(args.data))
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
