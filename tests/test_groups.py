"""Outlets compared with the article and the event as the unit: pooled values, clustered and paired intervals, Holm."""

import numpy as np
import pandas as pd
import pytest

import toneanalysis as ta
from toneanalysis.measure.measures import MEASURES, measure_value
from toneanalysis.study.groups import by_period, compare_groups, holm
from toneanalysis.study.terms import group_terms


@pytest.fixture(scope="module")
def demo(demo_corpus):
    return demo_corpus


def articles(rows):
    """An article table from (article, outlet, event, tone, n_words) rows; the other measures 0."""
    table = pd.DataFrame(rows, columns=["article", "outlet", "event", "tone", "n_words"])
    for measure in MEASURES:
        if measure.name not in table:
            table[measure.name] = 0.0
    table["loaded_count"] = 0
    return table


def test_a_group_is_its_articles_pooled_paragraphs(demo):
    table = compare_groups(demo, reference="Central Wire", event=None, n_boot=200, n_perm=200)
    paragraphs = demo.paragraphs.merge(demo.articles[["article", "outlet"]], on="article")
    for measure in MEASURES:
        row = table[(table["measure"] == measure.name) & (table["group"] == "Daily Clarion")].iloc[0]
        pooled = measure_value(measure.name, paragraphs[paragraphs["outlet"] == "Daily Clarion"])
        assert row["value_group"] == pytest.approx(pooled, nan_ok=True), measure.name
    assert set(table["reference"]) == {"Central Wire"} and set(table["group"]) == {"Daily Clarion", "Morning Ledger"}


def test_the_paired_design_is_not_fooled_by_which_events_an_outlet_covers():
    # Both outlets tell eight events identically; A also covers six violent events that B leaves alone.
    rng = np.random.default_rng(1)
    rows = []
    for e in range(8):
        tone = rng.normal(0, 0.05)
        rows += [(f"a{e}", "A", f"e{e}", tone, 500), (f"b{e}", "B", f"e{e}", tone + rng.normal(0, 0.005), 500)]
    rows += [(f"a-violent{e}", "A", f"violent{e}", -0.4, 500) for e in range(6)]
    table = articles(rows)
    independent = compare_groups(table, event=None, measures=["tone"], n_boot=500, n_perm=500).iloc[0]
    paired = compare_groups(table, measures=["tone"], n_boot=500, n_perm=500).iloc[0]
    assert independent["ci_high"] < 0 and independent["p_value"] < 0.05  # A looks far more negative...
    assert paired["design"] == "paired by event" and paired["n_events"] == 8 and paired["n_group"] == 8
    assert paired["ci_low"] < 0 < paired["ci_high"] and abs(paired["difference"]) < 0.01  # ...on its own events, not
    assert paired["p_value"] > 0.05


def test_intervals_resample_articles_not_paragraphs():
    # Two long articles per outlet: however many words, two articles cannot pin a difference down.
    few = articles([("a1", "A", None, -0.30, 5000), ("a2", "A", None, 0.10, 5000),
                    ("b1", "B", None, -0.10, 5000), ("b2", "B", None, 0.20, 5000)])
    many = articles([(f"{o}{i}", o, None, t + (0.01 if i % 2 else -0.01), 500)
                     for o, t in (("A", -0.10), ("B", 0.05)) for i in range(20)])
    wide = compare_groups(few, event=None, measures=["tone"], n_boot=1000, n_perm=1000).iloc[0]
    narrow = compare_groups(many, event=None, measures=["tone"], n_boot=1000, n_perm=1000).iloc[0]
    assert wide["ci_high"] - wide["ci_low"] > 0.25 and wide["p_value"] > 0.3
    assert narrow["ci_high"] < 0 and narrow["p_value"] < 0.01


def test_holm_covers_every_comparison(demo):
    table = compare_groups(demo, n_boot=200, n_perm=200)
    assert len(table) == 3 * len(MEASURES)  # all pairs of three outlets
    assert np.allclose(table["p_holm"], holm(table["p_value"]), equal_nan=True)
    valid = table["p_value"].notna()
    assert (table.loc[valid, "p_holm"] >= table.loc[valid, "p_value"]).all()
    assert holm([0.01, 0.02, 0.03]).tolist() == pytest.approx([0.03, 0.04, 0.04])


def test_seeded_and_independent_of_row_order(demo):
    one = compare_groups(demo, reference="Central Wire", n_boot=200, n_perm=200, seed=3)
    shuffled = demo.articles.sample(frac=1, random_state=0)
    assert one.equals(compare_groups(shuffled, reference="Central Wire", n_boot=200, n_perm=200, seed=3))


def test_wrong_questions_are_named(demo):
    with pytest.raises(ta.ToneAnalysisError, match=r"reference 'Reuters' is not a group.*Central Wire"):
        compare_groups(demo, reference="Reuters")
    with pytest.raises(ta.ToneAnalysisError, match="no column 'paper'"):
        compare_groups(demo, by="paper")
    with pytest.raises(ta.ToneAnalysisError, match="no event column 'story'"):
        compare_groups(demo, event="story")
    with pytest.raises(ta.ToneAnalysisError, match="1 group"):
        compare_groups(demo.articles[demo.articles["outlet"] == "Central Wire"])
    with pytest.raises(ta.ToneAnalysisError, match="expected a scored corpus"):
        compare_groups([1, 2, 3])


def test_by_period_pools_each_month(demo):
    table = by_period(demo, measures=["loaded_terms_per_1000_words"], n_boot=200)
    june = table[(table["group"] == "Daily Clarion") & (table["period"] == "2024-06")].iloc[0]
    rows = demo.articles[(demo.articles["outlet"] == "Daily Clarion") & (demo.articles["date"].dt.month == 6)]
    assert june["n_articles"] == len(rows) == 2
    assert june["value"] == pytest.approx(1000 * rows["loaded_count"].sum() / rows["n_words"].sum())
    assert june["ci_low"] <= june["value"] <= june["ci_high"]
    assert sorted(table["period"].unique()) == ["2024-03", "2024-04", "2024-05", "2024-06"]


def test_group_terms_count_the_groups_pooled_paragraphs(demo):
    terms = group_terms(demo, group="Daily Clarion", reference="Central Wire", min_count=2).set_index("term")
    # "shameless" is the Clarion's three times and the wire's never; "said" is the wire's word.
    assert terms.loc["shameless", ["count_group", "count_reference"]].tolist() == [3, 0]
    assert terms.loc["shameless", "z"] > 0 > terms.loc["said", "z"]
    rest = group_terms(demo, group="Daily Clarion", min_count=2).set_index("term")
    assert rest.loc["said", "count_reference"] > terms.loc["said", "count_reference"]  # the Ledger counts too
    assert rest.attrs["reference"] == "the rest"
    with pytest.raises(ta.ToneAnalysisError, match="'Reuters' is not a group"):
        group_terms(demo, group="Reuters")
