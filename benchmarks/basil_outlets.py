"""The outlets of BASIL dev, scored by toneanalysis, beside the experts' lexical-bias spans (docs/VALIDATION.md).

BASIL (Fan et al. 2019): 50 events, each told by Fox News, The New York Times and HuffPost, with
experts' phrase-level marks; `bias = lex` marks loaded wording. Read by path, never copied:

    .venv/bin/python benchmarks/basil_outlets.py ../shared/eval/basil_dev [--n-boot 2000]

Prints, per outlet, the toolkit's loaded terms and weight per 1,000 words (pooled over its articles,
interval resampling articles) and the experts' lexical spans per 1,000 words (the same, from the
annotations); then each pair of outlets paired by event (`compare_groups`: differences within each
event, events resampled, Holm over the table) for the toolkit and, by the same resampling, for the
experts; then whether the two order the outlets alike, per event and overall. Exits 0 with a
message when the data is absent.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import toneanalysis as ta
from toneanalysis.study import read_basil

MEASURES = ["loaded_terms_per_1000_words", "loaded_weight_per_1000_words", "tone", "own_voice_share"]


def load(folder: Path) -> pd.DataFrame:
    """`read_basil`'s table, with each article's body words (BASIL's own sentences, split on
    whitespace) and the experts' lexical spans (all, and outside quotes)."""
    table = read_basil(folder)
    extra = []
    for path in sorted((folder / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        annotations = json.loads((folder / "annotations" / path.parent.name / f"{path.stem}_ann.json")
                                 .read_text(encoding="utf-8"))
        spans = [a for a in annotations["phrase-level-annotations"] if a.get("bias") == "lex"]
        extra.append({"id": path.stem,
                      "expert_words": sum(len(" ".join(s).split()) for s in article["body-paragraphs"] if s),
                      "expert_lex": len(spans),
                      "expert_lex_unquoted": sum(1 for a in spans if a.get("quote") != "yes")})
    return table.merge(pd.DataFrame(extra), on="id")


def ratio_interval(num, den, *, n_boot, rng, index=None):
    """Pooled ratio x 1,000 and its percentile 95% interval, resampling units (rows)."""
    num, den = np.asarray(num, float), np.asarray(den, float)
    value = 1000 * num.sum() / den.sum()
    draws = rng.integers(0, len(num), size=(n_boot, len(num))) if index is None else index
    boot = 1000 * num[draws].sum(axis=1) / den[draws].sum(axis=1)
    return value, *np.percentile(boot, [2.5, 97.5])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("../shared/eval/basil_dev"))
    parser.add_argument("--n-boot", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not (args.folder / "articles").is_dir():
        print(f"{args.folder}: no BASIL data here (see ../shared/eval/README.md); nothing to measure")
        return 0
    items = load(args.folder)
    started = time.perf_counter()
    corpus = ta.score_corpus(items.drop(columns=["expert_words", "expert_lex", "expert_lex_unquoted"]), n_jobs=-1)
    seconds = time.perf_counter() - started
    table = corpus.articles.merge(items[["id", "expert_words", "expert_lex", "expert_lex_unquoted"]],
                                  left_on="article", right_on="id")
    print(f"# BASIL dev: {len(table)} articles, {table['event'].nunique()} events, scored in {seconds:.1f} s "
          f"({len(corpus.skipped)} skipped); toolkit words {int(table['n_words'].sum()):,}, "
          f"BASIL body words {int(table['expert_words'].sum()):,}")
    rng = np.random.default_rng(args.seed)

    print("\n## Per outlet (pooled over its 50 articles; 95% interval resampling articles)")
    summary = ta.group_summary(corpus, "outlet", measures=MEASURES, n_boot=args.n_boot, seed=args.seed)
    rows = []
    for outlet, part in table.groupby("outlet"):
        lex = ratio_interval(part["expert_lex"], part["expert_words"], n_boot=args.n_boot, rng=rng)
        unquoted = ratio_interval(part["expert_lex_unquoted"], part["expert_words"], n_boot=args.n_boot, rng=rng)
        mine = summary[summary["group"] == outlet].set_index("measure")
        rows.append({"outlet": outlet, "articles": len(part),
                     "toolkit loaded/1000w": f"{mine.loc['loaded_terms_per_1000_words', 'value']:.2f} "
                                             f"[{mine.loc['loaded_terms_per_1000_words', 'ci_low']:.2f}, "
                                             f"{mine.loc['loaded_terms_per_1000_words', 'ci_high']:.2f}]",
                     "toolkit weight/1000w": f"{mine.loc['loaded_weight_per_1000_words', 'value']:.2f} "
                                             f"[{mine.loc['loaded_weight_per_1000_words', 'ci_low']:.2f}, "
                                             f"{mine.loc['loaded_weight_per_1000_words', 'ci_high']:.2f}]",
                     "toolkit tone": f"{mine.loc['tone', 'value']:+.3f} [{mine.loc['tone', 'ci_low']:+.3f}, "
                                     f"{mine.loc['tone', 'ci_high']:+.3f}]",
                     "experts lex/1000w": f"{lex[0]:.2f} [{lex[1]:.2f}, {lex[2]:.2f}]",
                     "experts lex unquoted/1000w": f"{unquoted[0]:.2f} [{unquoted[1]:.2f}, {unquoted[2]:.2f}]"})
    print(pd.DataFrame(rows).to_string(index=False))

    print("\n## Pairs of outlets, paired by event (difference A - B; 95% interval resampling events)")
    comparison = ta.compare_groups(corpus, "outlet", event="event", measures=MEASURES[:2], n_boot=args.n_boot,
                                   n_perm=args.n_boot, seed=args.seed)
    pairs = []
    for a, b in itertools.combinations(sorted(table["outlet"].unique()), 2):
        left = table[table["outlet"] == a].set_index("event")
        right = table[table["outlet"] == b].set_index("event")
        events = sorted(set(left.index) & set(right.index))
        left, right = left.loc[events], right.loc[events]
        index = rng.integers(0, len(events), size=(args.n_boot, len(events)))
        expert = [ratio_interval(side["expert_lex"], side["expert_words"], n_boot=args.n_boot, rng=rng, index=index)
                  for side in (left, right)]
        boot = []
        for side in (left, right):
            num, den = side["expert_lex"].to_numpy(float), side["expert_words"].to_numpy(float)
            boot.append(1000 * num[index].sum(axis=1) / den[index].sum(axis=1))
        low, high = np.percentile(boot[0] - boot[1], [2.5, 97.5])
        mine = comparison[(comparison["group"] == a) & (comparison["reference"] == b)].set_index("measure")
        toolkit_rate = (left["loaded_terms_per_1000_words"] - right["loaded_terms_per_1000_words"]).to_numpy()
        expert_rate = (1000 * (left["expert_lex"] / left["expert_words"]
                               - right["expert_lex"] / right["expert_words"])).to_numpy()
        both = (toolkit_rate != 0) & (expert_rate != 0)
        agree = np.sign(toolkit_rate[both]) == np.sign(expert_rate[both])
        row = mine.loc["loaded_terms_per_1000_words"]
        weight = mine.loc["loaded_weight_per_1000_words"]
        pairs.append({"pair": f"{a} - {b}", "events": len(events),
                      "toolkit loaded/1000w": f"{row.difference:+.2f} [{row.ci_low:+.2f}, {row.ci_high:+.2f}] "
                                              f"p_holm {row.p_holm:.3f}",
                      "toolkit weight/1000w": f"{weight.difference:+.2f} [{weight.ci_low:+.2f}, "
                                              f"{weight.ci_high:+.2f}] p_holm {weight.p_holm:.3f}",
                      "experts lex/1000w": f"{expert[0][0] - expert[1][0]:+.2f} [{low:+.2f}, {high:+.2f}]",
                      "events same sign": f"{int(agree.sum())}/{int(both.sum())}"})
    print(pd.DataFrame(pairs).to_string(index=False))

    print("\n## Article level (150 articles)")
    rho = table[["loaded_terms_per_1000_words", "loaded_weight_per_1000_words"]].corrwith(
        1000 * table["expert_lex"] / table["expert_words"], method="spearman")
    print(f"Spearman rho with the experts' lexical spans per 1,000 words: loaded terms {rho.iloc[0]:.3f}, "
          f"loaded weight {rho.iloc[1]:.3f}")
    within = []
    for _, event in table.groupby("event"):
        if len(event) == 3:
            within.append(event["loaded_terms_per_1000_words"].rank().corr(
                (event["expert_lex"] / event["expert_words"]).rank()))
    within = np.array([w for w in within if not np.isnan(w)])
    print(f"Within events (outlets ranked by each, 3 per event): mean Spearman {within.mean():+.3f} over "
          f"{len(within)} events without ties in either")
    return 0


if __name__ == "__main__":
    sys.exit(main())
