"""compare(), distinctive_terms(), align_paragraphs(), arcs and their charts."""

import math

import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES, ROOT, SAMPLE

import toneanalysis as ta
from toneanalysis.measure import comparison
from toneanalysis.measure.comparison import arcs, cliffs_delta

BASELINES = sorted((ROOT / "data" / "baseline").glob("wire_*_putin_pyongyang.txt"))
PAIRS = FIXTURES / "pairs"
NEGATIVE_EVENTS = ["rail_strike", "energy_bonus", "council_ltn"]
PARAGRAPH_MEASURES = [
    "tone", "vader_compound", "textblob_polarity", "negative_share", "subjectivity",
    "loaded_terms_per_1000_words", "loaded_weight_per_1000_words", "attribution_per_1000_words",
]


def body_count(path) -> int:
    return sum(b.role == "paragraph" for b in ta.load_article(path).blocks)


@pytest.fixture(scope="module")
def sample_vs_wire():
    return ta.compare(SAMPLE, BASELINES).set_index("measure")


@pytest.fixture(scope="module")
def pairs():
    return {
        event: ta.compare(PAIRS / f"{event}_loaded.txt", PAIRS / f"{event}_plain.txt").set_index("measure")
        for event in [*NEGATIVE_EVENTS, "channel_swim"]
    }


# --- the table ----------------------------------------------------------------------------------

def test_table_has_one_row_per_measure_with_documented_columns(sample_vs_wire):
    table = sample_vs_wire.reset_index()
    assert list(table.columns) == comparison.COLUMNS
    assert table["measure"].is_unique
    assert set(PARAGRAPH_MEASURES + ["headline_tone", "caption_tone"]) <= set(table["measure"])


def test_several_baselines_pool_their_paragraphs(sample_vs_wire):
    row = sample_vs_wire.loc["tone"]
    assert row["n_baseline"] == sum(body_count(p) for p in BASELINES)
    assert row["n_article"] == body_count(SAMPLE)
    assert row["n_baseline_pieces"] == 3
    table = ta.compare(SAMPLE, BASELINES, n_boot=200, n_perm=200)
    assert table.attrs["baseline_sources"] == [str(p) for p in BASELINES]
    assert table.attrs["effect_size"].startswith("Cliff's delta")


def test_baseline_as_path_article_or_text_gives_the_same_numbers():
    text = BASELINES[0].read_text(encoding="utf-8")
    by_path = ta.compare(SAMPLE, str(BASELINES[0]), n_boot=200, n_perm=200)
    by_article = ta.compare(ta.load_article(SAMPLE), ta.load_article(BASELINES[0]), n_boot=200, n_perm=200)
    by_text = ta.compare(SAMPLE, text, n_boot=200, n_perm=200)
    columns = ["article", "baseline", "ci_low", "ci_high", "p_value", "n_article", "n_baseline"]
    pd.testing.assert_frame_equal(by_path[columns], by_article[columns])
    pd.testing.assert_frame_equal(by_path[columns], by_text[columns])


def test_sample_is_more_loaded_than_the_wire_and_the_interval_excludes_zero(sample_vs_wire):
    for measure in ("loaded_terms_per_1000_words", "loaded_weight_per_1000_words"):
        row = sample_vs_wire.loc[measure]
        assert row["article"] > 3 * row["baseline"]
        assert row["ci_low"] > 0, f"{measure}: {row['ci_low']:.2f}..{row['ci_high']:.2f}"
        assert row["p_value"] < 0.01
        assert row["effect_size"] > 0


def test_sample_headline_is_darker_and_its_attribution_sparser(sample_vs_wire):
    headline = sample_vs_wire.loc["headline_tone"]
    assert headline["article"] < 0 < headline["baseline"]
    assert headline["n_article"] == 1 and headline["n_baseline"] == 3
    assert math.isnan(headline["p_value"]) and math.isnan(headline["ci_low"])
    # The wire attributes with "said" throughout; the tabloid less often.
    attribution = sample_vs_wire.loc["attribution_per_1000_words"]
    assert attribution["article"] < attribution["baseline"]
    # The baselines have no captions: the caption row says so rather than inventing a value.
    captions = sample_vs_wire.loc["caption_tone"]
    assert captions["n_article"] > 0 and captions["n_baseline"] == 0 and math.isnan(captions["difference"])


def test_paragraph_rows_are_consistent(sample_vs_wire):
    rows = sample_vs_wire.loc[PARAGRAPH_MEASURES]
    assert np.allclose(rows["difference"], rows["article"] - rows["baseline"])
    assert (rows["ci_low"] <= rows["difference"]).all() and (rows["difference"] <= rows["ci_high"]).all()
    assert rows["p_value"].between(0, 1).all()
    assert rows["effect_size"].between(-1, 1).all()


def test_values_match_the_paragraph_table():
    paragraphs = ta.score_paragraphs(ta.load_article(SAMPLE))
    body = paragraphs[paragraphs["role"] == "paragraph"]
    table = ta.compare(SAMPLE, BASELINES[0], n_boot=200, n_perm=200).set_index("measure")
    words = body["n_words"].to_numpy()
    # Means over paragraphs are weighted by words, so a short line cannot weigh like a long paragraph.
    assert table.loc["tone", "article"] == pytest.approx(np.average(body["tone"], weights=words))
    assert table.loc["tone", "article"] != pytest.approx(body["tone"].mean(), abs=1e-4)  # the weighting matters here
    assert table.loc["loaded_weight_per_1000_words", "article"] == pytest.approx(
        1000 * body["loaded_weight"].sum() / words.sum())
    # Negative on tone's own scale: below its neutral band, not VADER's +-0.05.
    assert table.loc["negative_share", "article"] == pytest.approx(np.average(body["tone"] < -0.00625, weights=words))
    headline = paragraphs.loc[paragraphs["role"] == "headline", "tone"].iloc[0]
    assert table.loc["headline_tone", "article"] == pytest.approx(headline)
    # The same numbers as the single-article measures: one definition.
    measures = ta.piece_measures(SAMPLE)
    for name in ["tone", "negative_share", "loaded_weight_per_1000_words", "attribution_per_1000_words",
                 "own_voice_share", "headline_tone", "caption_tone"]:
        assert table.loc[name, "article"] == pytest.approx(measures[name], nan_ok=True), name


# --- the four pairs of texts --------------------------------------------------------------------

@pytest.mark.parametrize("event", [*NEGATIVE_EVENTS, "channel_swim"])
def test_loaded_version_carries_more_loaded_weight(pairs, event):
    row = pairs[event].loc["loaded_weight_per_1000_words"]
    assert row["difference"] > 0
    # Ten or eleven paragraphs a side: enough here, because the plain versions carry (almost) none.
    assert row["ci_low"] > 0, f"{event}: {row['ci_low']:.1f}..{row['ci_high']:.1f}"


@pytest.mark.parametrize("event", NEGATIVE_EVENTS)
def test_negative_loaded_versions_have_lower_tone(pairs, event):
    table = pairs[event]
    assert table.loc["tone", "difference"] < 0
    assert table.loc["headline_tone", "difference"] < 0


def test_puffery_has_higher_tone(pairs):
    table = pairs["channel_swim"]
    assert table.loc["tone", "difference"] > 0
    assert table.loc["headline_tone", "difference"] > 0
    assert table.loc["vader_compound", "difference"] > 0


def test_plain_versions_attribute_more(pairs):
    # The plain versions say "said"; the loaded ones "fumed", "blasted", "claimed", "gushed".
    for event, table in pairs.items():
        assert table.loc["attribution_per_1000_words", "difference"] < 0, event


# --- honesty of the statistics ------------------------------------------------------------------

def test_same_seed_same_table_other_seed_other_interval():
    first = ta.compare(SAMPLE, BASELINES, n_boot=300, n_perm=300, seed=7)
    again = ta.compare(SAMPLE, BASELINES, n_boot=300, n_perm=300, seed=7)
    other = ta.compare(SAMPLE, BASELINES, n_boot=300, n_perm=300, seed=8)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_series_equal(first["article"], other["article"])
    assert not np.allclose(first["ci_low"].dropna(), other["ci_low"].dropna())


def test_a_piece_against_itself_shows_no_difference():
    table = ta.compare(PAIRS / "rail_strike_loaded.txt", PAIRS / "rail_strike_loaded.txt",
                       n_boot=500, n_perm=500).set_index("measure")
    rows = table.loc[PARAGRAPH_MEASURES]
    assert (rows["difference"].abs() < 1e-12).all()
    assert (rows["effect_size"].abs() < 1e-12).all()
    assert (rows["ci_low"] <= 0).all() and (rows["ci_high"] >= 0).all()
    assert (rows["p_value"] > 0.5).all()


def width(table, measure):
    row = table.set_index("measure").loc[measure]
    return row["ci_high"] - row["ci_low"]


def test_interval_narrows_as_the_same_paragraphs_repeat():
    # The same paragraphs four times over: same values, four times the sample, about half the width.
    text = (PAIRS / "energy_bonus_loaded.txt").read_text(encoding="utf-8")
    headline, body = text.split("\n", 1)
    once = ta.compare(text, PAIRS / "energy_bonus_plain.txt", n_boot=2000, n_perm=200)
    four = ta.compare(headline + ("\n\n" + body.strip()) * 4, PAIRS / "energy_bonus_plain.txt", n_boot=2000, n_perm=200)
    for measure in ("tone", "loaded_weight_per_1000_words"):
        assert once.set_index("measure").loc[measure, "article"] == pytest.approx(
            four.set_index("measure").loc[measure, "article"])
        assert width(four, measure) < 0.8 * width(once, measure)


def test_interval_widens_with_fewer_paragraphs():
    sample = ta.load_article(SAMPLE)
    body = [b.text for b in sample.blocks if b.role == "paragraph"]
    short = "\n\n".join(body[:8])
    full = ta.compare(sample, BASELINES, n_boot=2000, n_perm=200)
    few = ta.compare(short, BASELINES, n_boot=2000, n_perm=200)
    assert few.set_index("measure").loc["tone", "n_article"] == 8
    for measure in ("tone", "subjectivity", "loaded_weight_per_1000_words"):
        assert width(few, measure) > width(full, measure), measure


def test_cliffs_delta():
    assert cliffs_delta([1, 2, 3], [1, 2, 3]) == 0
    assert cliffs_delta([4, 5], [1, 2, 3]) == 1
    assert cliffs_delta([1], [2, 3]) == -1
    assert cliffs_delta([1, 3], [2]) == 0
    assert math.isnan(cliffs_delta([], [1]))


# --- attribution verbs --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kirby said it.", 1),
    ("She says so, he told reporters and they are saying it.", 3),
    ("According to KCNA, the agency reported that the minister added a point.", 3),
    ("He asked, she wrote, officials confirmed and the Kremlin announced.", 4),
    # Nouns and other words that only look like attribution do not count.
    ("State media carried the reports; Saidi sayings.", 0),
    ("He slammed, fumed, blasted and claimed.", 0),
    # Inside a quotation the verbs are the speaker's, not the writer's attribution.
    ('"I said no and I told them so," Kirby said.', 1),
])
def test_neutral_attribution_verbs_per_paragraph(text, expected):
    # The attribution rate counts the neutral verbs of `reporting_verbs`: one list, one detector.
    table = ta.score_paragraphs(text)
    verbs = ta.reporting_verbs(text)
    assert table["attributions"].sum() == expected == (verbs["kind"] == "neutral").sum()


# --- voice --------------------------------------------------------------------------------------

def test_own_voice_share_counts_running_text_and_scare_quotes_not_sources(sample):
    table = ta.compare(sample, BASELINES[0], n_boot=200, n_perm=200).set_index("measure")
    hits = ta.find_loaded_terms(sample)
    body = hits[hits["role"] == "paragraph"]
    assert set(body["voice"]) == {"editorial", "quoted", "scare_quote"}  # a case where the definition matters
    expected = body["voice"].isin(["editorial", "scare_quote"]).mean()
    assert table.loc["own_voice_share", "article"] == pytest.approx(expected)
    assert table.loc["own_voice_share", "article"] == pytest.approx(ta.voice_summary(sample).own_voice_share)


def test_own_voice_share_of_a_text_quoting_all_its_loaded_words():
    quoted = ('Rail row\n\n"This is a shameful betrayal," Unite said.\n\n'
              'The union called the offer "an insult", its leader said.')
    plain = "Rail talks\n\nThe union said the offer was too low.\n\nTalks will resume on Monday, it said."
    table = ta.compare(quoted, plain, n_boot=200, n_perm=200).set_index("measure")
    assert table.loc["loaded_terms_per_1000_words", "article"] > 0
    assert table.loc["own_voice_share", "article"] == 0


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("baseline, message", [
    ([], "empty"),
    ("no/such/wire.txt", "no such file"),
    (42, "int"),
    ("   ", "empty"),
])
def test_bad_baselines_are_named(baseline, message):
    with pytest.raises(ta.ToneAnalysisError, match=message):
        ta.compare(SAMPLE, baseline)


def test_bad_options_are_named():
    with pytest.raises(ta.ToneAnalysisError, match="n_boot"):
        ta.compare(SAMPLE, BASELINES[0], n_boot=10)
    with pytest.raises(ta.ToneAnalysisError, match="confidence"):
        ta.compare(SAMPLE, BASELINES[0], confidence=95)
    with pytest.raises(ta.ToneAnalysisError, match="no body paragraphs"):
        ta.compare("Only a headline\n\nAdvertisement", BASELINES[0])
    with pytest.raises(ta.ToneAnalysisError, match="min_count"):
        ta.distinctive_terms(SAMPLE, BASELINES, min_count=0)
    with pytest.raises(ta.ToneAnalysisError, match="prior"):
        ta.distinctive_terms(SAMPLE, BASELINES, prior=-1)
    with pytest.raises(ta.ToneAnalysisError, match="threshold"):
        ta.align_paragraphs(SAMPLE, BASELINES, threshold=2)


def test_baselines_read_paths_and_keep_articles_and_analyses():
    article = ta.load_article(SAMPLE)
    analysed = ta.analyse(BASELINES[2])
    got = ta.analyse_baselines([article, BASELINES[0], str(BASELINES[1]), analysed])
    assert got[0].article is article and got[3] is analysed
    assert [a.source for a in got[1:3]] == [str(BASELINES[0]), str(BASELINES[1])]


# --- distinctive terms --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_terms():
    return ta.distinctive_terms(SAMPLE, BASELINES)


def test_distinctive_terms_of_the_sample(sample_terms):
    assert list(sample_terms.columns) == ["term", "ngram", "count_article", "count_baseline", "log_odds", "z"]
    assert sample_terms["z"].is_monotonic_decreasing
    tyrants = sample_terms.set_index("term").loc["tyrants"]
    assert tyrants["count_article"] >= 2 and tyrants["count_baseline"] == 0 and tyrants["z"] > 0
    # Among the top 20 article-side terms, counting ties (short texts give many equal z-scores).
    assert tyrants["z"] >= sample_terms["z"].iloc[19]
    # The wire's "said" is the most baseline-side term.
    assert sample_terms["term"].iloc[-1] == "said"
    assert {"lonely bromance", "new world"} <= set(sample_terms["term"])
    assert (sample_terms["count_article"] + sample_terms["count_baseline"] >= 2).all()


def test_distinctive_terms_loaded_pair_puts_loaded_words_on_top():
    terms = ta.distinctive_terms(PAIRS / "rail_strike_loaded.txt", PAIRS / "rail_strike_plain.txt")
    top = set(terms.head(10)["term"])
    assert {"union barons", "barons"} & top
    assert "said" in set(terms.tail(3)["term"])


def test_distinctive_terms_follow_monroe_et_al():
    # Hand computation of eq. 16/18 for one term, prior from the pooled counts.
    piece = "tyrants met tyrants smiled leaders talked"
    wire = "leaders met leaders smiled leaders talked"
    terms = ta.distinctive_terms(piece, wire, min_count=1, prior=10.0).set_index("term")
    counts_a = {"tyrants": 2, "met": 1, "smiled": 1, "leaders": 1, "talked": 1,
                "tyrants met": 1, "met tyrants": 1, "tyrants smiled": 1, "smiled leaders": 1, "leaders talked": 1}
    counts_b = {"leaders": 3, "met": 1, "smiled": 1, "talked": 1,
                "leaders met": 1, "met leaders": 1, "leaders smiled": 1, "smiled leaders": 1, "leaders talked": 1}
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    pooled = {t: counts_a.get(t, 0) + counts_b.get(t, 0) for t in set(counts_a) | set(counts_b)}
    alpha = {t: 10.0 * c / sum(pooled.values()) for t, c in pooled.items()}
    a0 = sum(alpha.values())
    y_a, y_b, al = counts_a["tyrants"], 0, alpha["tyrants"]
    delta = math.log((y_a + al) / (n_a + a0 - y_a - al)) - math.log((y_b + al) / (n_b + a0 - y_b - al))
    z = delta / math.sqrt(1 / (y_a + al) + 1 / (y_b + al))
    assert terms.loc["tyrants", "log_odds"] == pytest.approx(delta)
    assert terms.loc["tyrants", "z"] == pytest.approx(z)
    assert terms.loc["leaders", "z"] < 0
    swapped = ta.distinctive_terms(wire, piece, min_count=1, prior=10.0).set_index("term")
    assert swapped.loc["tyrants", "z"] == pytest.approx(-z)


def test_distinctive_terms_accept_a_background_prior():
    background = {"said": 1000, "tyrants": 1, "leaders": 50}
    terms = ta.distinctive_terms(SAMPLE, BASELINES, prior=background)
    assert terms.set_index("term").loc["tyrants", "z"] > 0


# --- alignment ----------------------------------------------------------------------------------

# Written for this test: five facts told twice, in another order and other words, plus one paragraph
# the wire does not have.
ALIGN_PIECE = """Greedy bosses' bonanza sparks fury

Shameless water chiefs at Riverside Water pocketed bonuses of £2 million while sewage poured into the Avon.

Furious anglers say fish stocks in the river have collapsed since the spills began in March.

The disgraced firm was slapped with a record £9 million fine by the regulator last week.

Campaigners blasted the payouts as an insult to every family paying soaring water bills.

The company's chairman once sang in a boy band, it emerged.

Chief executive Paula Grant insisted the bonuses were linked to long-term performance targets."""

ALIGN_WIRE = """Riverside Water fined £9 million

The regulator fined Riverside Water £9 million last week, the largest penalty it has imposed.

Riverside Water paid its executives bonuses totalling £2 million in a year in which sewage was released into the Avon.

Chief executive Paula Grant said the bonuses were linked to long-term performance targets.

Anglers said fish stocks in the river had fallen since the spills began in March.

Campaigners said the payouts were unfair to families paying higher water bills."""


def test_alignment_pairs_the_matching_paragraphs():
    aligned = ta.align_paragraphs(ALIGN_PIECE, ALIGN_WIRE)
    wire = ta.article_from_text(ALIGN_WIRE)
    wire_text = {b.index: b.text for b in wire.blocks}
    piece = ta.article_from_text(ALIGN_PIECE)
    expected = {1: 2, 2: 4, 3: 1, 4: 5, 5: None, 6: 3}  # piece block -> wire block
    got = dict(zip(aligned["article_block"], aligned["baseline_block"]))
    assert set(got) == set(expected)
    for piece_block, wire_block in expected.items():
        row = aligned.set_index("article_block").loc[piece_block]
        if wire_block is None:
            assert not row["matched"] and pd.isna(row["baseline_block"]), row["similarity"]
        else:
            assert row["matched"] and row["baseline_block"] == wire_block, piece.blocks[piece_block].text
            assert row["baseline_text"] == wire_text[wire_block]
    matched = aligned[aligned["matched"]]
    assert np.allclose(matched["tone_difference"], matched["tone_article"] - matched["tone_baseline"])
    assert np.allclose(matched["loaded_difference"], matched["loaded_article"] - matched["loaded_baseline"])
    assert (matched["similarity"] >= 0.2).all()


def test_alignment_of_the_sample_with_the_wire():
    aligned = ta.align_paragraphs(SAMPLE, BASELINES).set_index("article_block")
    by_text = {row.article_text[:30]: row for row in aligned.itertuples()}
    kirby = next(r for t, r in by_text.items() if t.startswith("National Security Council"))
    assert kirby.matched and "wire_c" in kirby.baseline_source and "Kirby" in kirby.baseline_text
    ushakov = next(r for t, r in by_text.items() if t.startswith("Mr Ushakov"))
    assert "documents" in ushakov.baseline_text
    # Same fact, different words: "brutal and illegal war" where the wire has "Russia's actions".
    brutal = next(r for t, r in by_text.items() if t.startswith("He thanked the country"))
    assert brutal.matched and "firmly supporting" in brutal.baseline_text
    assert "brutal" in brutal.loaded_terms_article and brutal.loaded_difference > 0
    # A quotation both sides carry is the same words on both sides: no difference to pin on the writer.
    bromance = next(r for t, r in by_text.items() if t.startswith("Ukraine’s Foreign Minister"))
    assert bromance.loaded_terms_article == bromance.loaded_terms_baseline == "lonely bromance"
    matched = aligned[aligned["matched"]]
    assert matched["loaded_difference"].sum() > 0
    assert aligned["matched"].mean() > 0.6


def test_a_higher_threshold_leaves_more_unmatched():
    loose = ta.align_paragraphs(SAMPLE, BASELINES, threshold=0.1)
    strict = ta.align_paragraphs(SAMPLE, BASELINES, threshold=0.5)
    assert strict["matched"].sum() < loose["matched"].sum()
    assert (loose["similarity"] == strict["similarity"]).all()


# --- arcs and charts ----------------------------------------------------------------------------

def test_arcs_put_pieces_on_a_common_scale():
    frame = arcs(SAMPLE, BASELINES)
    assert set(frame["side"]) == {"article", "baseline"}
    assert frame.groupby("source").ngroups == 4
    assert frame["position_pct"].between(0, 100).all()
    for _, piece in frame.groupby("source"):
        assert piece["position_pct"].is_monotonic_increasing
    assert frame.loc[frame["side"] == "article", "loaded_weight"].sum() > frame.loc[
        frame["side"] == "baseline", "loaded_weight"].sum()


def test_charts_draw_on_the_given_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from toneanalysis.plots import plot_arc, plot_distinctive_terms

    fig, (left, right) = plt.subplots(1, 2)
    assert plot_arc(arcs(SAMPLE, BASELINES), measure="loaded_weight", ax=left) is left
    assert len(left.get_lines()) == 4
    terms = ta.distinctive_terms(SAMPLE, BASELINES)
    assert plot_distinctive_terms(terms, top=5, ax=right) is right
    assert len(right.patches) == 10
    labels = [t.get_text() for t in right.get_yticklabels()]
    assert labels[:5] == terms["term"].head(5).tolist()
    with pytest.raises(ta.ToneAnalysisError):
        plot_arc(terms)
    plt.close(fig)
