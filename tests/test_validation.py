"""The validation benchmarks: their measures on data with known answers, a clean exit without data,
and the shipped `tone` coefficients against a refit (when the evaluation data is present)."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT

import toneanalysis as ta
from toneanalysis.analyse import tone

sys.path.insert(0, str(ROOT / "benchmarks"))
import fit_tone
import validate

NYT = validate.DEFAULT_DATA / validate.NYT_FILE


def test_no_data_is_a_message_and_exit_0(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks/validate.py"), str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "no evaluation data" in done.stdout and done.stderr == ""


def test_load_nyt_reads_latin1_crlf_and_groups_editorials(tmp_path):
    path = tmp_path / "nyt.txt"
    path.write_bytes("1_1\t0.4\tA caf\xe9 opened.\r\n1_2\t-1.5\tIt was ''awful''.\r\n12_1\t0\tNo change.\r\n"
                     .encode("latin-1"))
    nyt = validate.load_nyt(path)
    assert nyt["editorial"].tolist() == ["1", "1", "12"]
    assert nyt["rating"].tolist() == [0.4, -1.5, 0.0]
    assert nyt["text"].tolist() == ["A caf\xe9 opened.", "It was ''awful''.", "No change."]


def test_agreement_and_classes():
    ratings = np.array([2.0, -1.0, 0.0, 1.0, -3.0, 0.5])
    editorials = np.array(["a", "a", "b", "b", "c", "c"])
    perfect = validate.agreement(ratings / 4, ratings, editorials, band=0.01)
    assert perfect["r_sentence"] == pytest.approx(1) and perfect["f1_sentence"] == pytest.approx(1)
    assert perfect["r_editorial"] == pytest.approx(1) and perfect["n_editorials"] == 3
    flipped = validate.agreement(-ratings, ratings, editorials, band=0.01)
    assert flipped["r_sentence"] == pytest.approx(-1) and flipped["f1_sentence"] < 0.3
    assert validate.three_class([0.2, 0.05, -0.04, -0.3], 0.05).tolist() == [1, 0, 0, -1]


def test_pairwise_counts_ties_apart():
    shares = validate.pairwise([3, 1, 0, 0], [1, 1, 0, 2])
    assert shares == {"n": 4, "higher": 0.25, "tie": 0.5, "lower": 0.25}
    assert validate.removed_words("an award - winning film", "an award film") == ["-", "winning"]


def test_fit_recovers_known_coefficients_and_cross_validates_by_group():
    rng = np.random.default_rng(0)
    features = pd.DataFrame(rng.normal(size=(400, 2)), columns=["a", "b"])
    ratings = 4 * (0.3 * features["a"] - 0.1 * features["b"]) + rng.normal(scale=0.01, size=400)
    assert fit_tone.fit(features, ratings) == pytest.approx({"a": 0.3, "b": -0.1}, abs=0.005)
    out = fit_tone.cross_validated(features, ratings, np.repeat(np.arange(40), 10))
    assert not np.isnan(out).any() and np.corrcoef(out, ratings)[0, 1] > 0.99


def test_fit_features_are_what_score_texts_computes():
    texts = ["The tyrants met.", "A wonderful, happy day. Then the brutal regime slammed critics.",
             "Taxes rose.", ""]
    fit_tone.check_matches_toolkit(fit_tone.snippet_features(texts), ta.score_texts(texts)["tone"])


def test_neutral_sentence_scores_zero():
    assert ta.score_texts(["The committee met on Tuesday."])["tone"].iloc[0] == 0


@pytest.mark.skipif(not NYT.is_file(), reason=f"evaluation data absent ({NYT})")
def test_shipped_coefficients_are_the_fit():
    nyt = validate.load_nyt(NYT)
    refit = fit_tone.fit(fit_tone.snippet_features(nyt["text"].tolist()), nyt["rating"])
    # Fails when the lexicon or the sentiment features change: rerun benchmarks/fit_tone.py.
    assert refit == pytest.approx(tone.COEFFICIENTS, abs=0.01)


BABE = validate.DEFAULT_DATA / "babe_dev" / "babe_dev_topics.csv"


def test_word_scores_and_min_weight_cross_validation():
    import loaded_eval

    assert loaded_eval.prf([{"a", "b"}, set()], [{"a"}, {"c"}]) == pytest.approx(
        {"p": 0.5, "r": 0.5, "f1": 0.5, "predicted": 2, "gold": 2})
    assert loaded_eval.words_in("The sham inquiry met.", [(4, 8)]) == {"sham"}
    hits = [("a sham", [(2, 6, 3.0, "loaded_noun")]), ("a very", [(2, 6, 0.5, "exaggeration")])] * 2
    predicted, chosen = loaded_eval.cross_validated_min_weight(hits, [{"sham"}, set()] * 2, ["x", "x", "y", "y"])
    assert predicted == [{"sham"}, set()] * 2 and min(chosen) > 0.5


@pytest.mark.skipif(not BABE.is_file(), reason=f"evaluation data absent ({BABE})")
def test_shipped_loaded_p_coefficients_are_the_fit():
    import fit_loaded_p
    import loaded_eval

    from toneanalysis.analyse import loaded

    babe = loaded_eval.load_babe(BABE)
    intercept, coefficients = fit_loaded_p.fit(fit_loaded_p.sentence_features(babe["text"].tolist()), babe["biased"])
    # Fails when the lexicon or the features change: rerun benchmarks/fit_loaded_p.py --write.
    assert coefficients == pytest.approx(loaded.COEFFICIENTS, abs=0.05)
    assert intercept == pytest.approx(loaded.INTERCEPT, abs=0.05)


@pytest.mark.skipif(not BABE.is_file(), reason=f"evaluation data absent ({BABE})")
def test_shipped_rated_word_model_is_the_fit():
    import word_model

    from toneanalysis.analyse import rated

    babe, keys, x, y, base = word_model.babe_rows(BABE)
    model, threshold = word_model.fit_all(keys, x, y, base, babe["words"].tolist())
    # Fails when the lexicon or the features change: rerun benchmarks/word_model.py --write.
    assert dict(zip(rated.FEATURES, model.coef_[0])) == pytest.approx(rated.COEFFICIENTS, abs=0.05)
    assert model.intercept_[0] == pytest.approx(rated.INTERCEPT, abs=0.05) and threshold == rated.THRESHOLD


def test_instruction_benchmark_child_imports_the_package_it_is_given(tmp_path):
    """benchmarks/instructions.py compares versions by running each in a child with that version's
    package first on PYTHONPATH; a child run from the checkout imported the checkout's package
    instead, and compared the code with itself. Here the child gets a copy of HEAD's package from git."""
    import json

    import instructions

    package = instructions.package_at("HEAD", tmp_path / "rev")
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps(["Tyrants met.", "The council met on Tuesday."]), encoding="utf-8")
    done = instructions.run_child(package, texts, 0)
    assert done.returncode == 0, done.stderr[-1000:]
    assert instructions.imported(done) == package.resolve() != ROOT.resolve()


def test_entry_demotion_rejects_only_entries_with_enough_unmarked_hits():
    import entry_demotion

    # Entry 0: five hits, never marked; entry 1: five hits, always marked; entry 2: two unmarked hits
    # (too few to judge); entry 9 is a pseudo entry (a rated word), never judged.
    texts = [f"The {w} vote." for w in ["bad"] * 5 + ["vile"] * 5 + ["odd"] * 2 + ["grim"] * 5]
    hits = [[(0, 4, 7)]] * 5 + [[(1, 4, 8)]] * 5 + [[(2, 4, 7)]] * 2 + [[(9, 4, 8)]] * 5
    gold = [set()] * 5 + [{"vile"}] * 5 + [set()] * 2 + [set()] * 5
    rows = np.arange(len(texts))
    assert entry_demotion.rejected(texts, hits, gold, rows, n_entries=3) == {0}
    assert entry_demotion.rejected(texts, hits, gold, rows, n_entries=3, min_hits=2) == {0, 2}
    assert entry_demotion.words(texts, hits, drop={0})[0] == set()


def test_span_edges_leave_out_only_the_context_words_at_a_hits_ends():
    import span_edges

    from toneanalysis.forms import CONTEXT_WORDS

    text = "She claims that a flood of leaks came out."
    claims = text.index("claims")
    flood = text.index("flood")
    assert text[slice(*span_edges.trimmed(text, claims, claims + 11, CONTEXT_WORDS))] == "claims"
    assert text[slice(*span_edges.trimmed(text, flood, flood + 8, CONTEXT_WORDS))] == "flood"
    # A one-word hit and a context word inside a hit are kept; a hit of context words alone keeps one.
    assert span_edges.trimmed(text, flood, flood + 5, CONTEXT_WORDS) == (flood, flood + 5)
    inner = "a wave of anger"
    assert span_edges.trimmed(inner, 2, len(inner), CONTEXT_WORDS) == (2, len(inner))
    assert inner[slice(*span_edges.trimmed(inner, 7, 9, CONTEXT_WORDS))] == "of"


# The share of each blind batch's pairs whose loaded member `loaded_p` scores higher, when the batch
# was added (docs/VALIDATION.md §3): a change that loses more than a pair or two of a batch fails.
BLIND_FLOORS = {"A": 0.94, "C": 0.92, "D": 0.86, "E": 0.92, "F": 0.95, "G": 0.95, "H": 0.95,
                "I": 0.87, "J": 0.96, "K": 0.93, "L": 0.92,
                "M": 0.89, "N": 0.95, "O": 0.95, "P": 0.93, "Q": 0.81, "R": 0.78}


def test_blind_minimal_pairs_keep_the_shares_they_were_added_with():
    import loaded_eval

    shares = loaded_eval.blind_pair_shares()
    assert set(shares) == set(BLIND_FLOORS)
    for batch, floor in BLIND_FLOORS.items():
        assert shares[batch]["`loaded_p`"] >= floor, (batch, shares[batch])
    # The measure counts a tie as a miss: two equal scores are not "the loaded member scores higher".
    assert loaded_eval.higher_share(np.array([1.0, 2.0]), np.array([1.0, 1.0])) == 0.5
