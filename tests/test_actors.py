"""Tone per actor: mentions, sentences, and the loaded words that describe each actor."""

import pytest

import toneanalysis as ta

LEXICON = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "snarling grin": {"category": "emotive_adjective", "weight": 3, "framing": "negative", "neutral": "expression"},
    "heroic": {"category": "puffery", "weight": 2, "framing": "positive", "neutral": "successful"},
}
ACTORS = {"Putin": ["Putin", "Vladimir Putin", "Vlad"], "Kim": ["Kim", "Kim Jong-un"]}


def test_loaded_words_describe_the_nearest_actor_in_the_same_clause():
    text = ("Tyrant Kim met Putin. Putin\u2019s snarling grin was everywhere. "
            "Kim, 40, and Putin, 71, are tyrants according to critics of the two men.")
    table = ta.actor_tone(text, ACTORS, lexicon=LEXICON).set_index("actor")
    assert table.loc["Kim", "describing_terms"] == "Tyrant"
    assert table.loc["Putin", "describing_terms"] == "snarling grin"  # "tyrants" is past a comma, "Tyrant" nearer Kim
    assert table.loc["Putin", "describing_weight"] == 3
    assert table.loc["Putin", "n_mentions"] == 3
    assert table.loc["Putin", "n_sentences"] == 3
    assert table.loc["Kim", "n_sentences"] == 2


def test_window_limits_how_far_a_word_reaches():
    text = "The tyrant said yesterday that in the end Kim would come."
    far = ta.actor_tone(text, {"Kim": ["Kim"]}, lexicon=LEXICON)
    assert far["n_describing"].tolist() == [0]
    assert far["loaded_in_sentences"].tolist() == [1]
    near = ta.actor_tone(text, {"Kim": ["Kim"]}, lexicon=LEXICON, window=10)
    assert near["describing_terms"].tolist() == ["tyrant"]


def test_tone_is_the_mean_of_the_mentioning_sentences():
    text = "Kim smiled warmly at the heroic crowd. The weather was grey. Kim was furious and bitter."
    table = ta.actor_tone(text, {"Kim": ["Kim"]}, lexicon=LEXICON)
    sentences = ta.score_sentences(text, lexicon=LEXICON)
    expected = sentences.loc[[0, 2], "tone"]
    assert table["tone_mean"].iloc[0] == pytest.approx(expected.mean())
    assert table["tone_min"].iloc[0] == pytest.approx(expected.min())
    assert table["n_sentences"].iloc[0] == 2


def test_aliases_match_case_insensitively_and_longest_first():
    text = "VLADIMIR Putin landed. Kim Jong-un waited for Vlad."
    table = ta.actor_tone(text, ACTORS, lexicon=LEXICON).set_index("actor")
    assert table.loc["Putin", "n_mentions"] == 2
    assert table.loc["Kim", "n_mentions"] == 1


def test_default_actors_group_names(sample):
    actors = ta.default_actors(sample, top=6)
    assert {"Putin", "Kim"} <= set(actors)
    assert "Vladimir Putin" in actors["Putin"]
    assert "Kim Jong-un" in actors["Kim"]
    assert not any("Tyrants" in alias for aliases in actors.values() for alias in aliases)
    assert len(actors) == 6


def test_sample_actor_tone(sample):
    table = ta.actor_tone(sample, ACTORS).set_index("actor")
    kim = table.loc["Kim", "describing_terms"].split("; ")
    putin = table.loc["Putin", "describing_terms"].split("; ")
    assert "Tyrants" in kim and "Axis of Evil" in kim
    assert "snarling grin" in putin and "snarling grin" not in kim
    assert table.loc["Putin", "n_sentences"] > table.loc["Kim", "n_sentences"]
    # The tone of the sentences that name Kim, found here by a plain search of the sentence table.
    sentences = ta.score_sentences(sample)
    naming = sentences[sentences["text"].str.contains(r"\bKim\b", case=False)]
    assert table.loc["Kim", "n_sentences"] == len(naming)
    assert table.loc["Kim", "tone_mean"] == pytest.approx(naming["tone"].mean())
    assert table.loc["Kim", "tone_min"] == pytest.approx(naming["tone"].min())


def test_an_article_that_names_no_one_has_no_actors():
    table = ta.actor_tone("the council met on tuesday. the vote was close.", lexicon=LEXICON)
    assert table.empty and list(table.columns) == list(ta.actor_tone("Kim came.", lexicon=LEXICON).columns)


def test_emphatic_capitals_are_not_names():
    text = ("Storm Hilda hit Porthcarrow. The MONSTER waves hit Porthcarrow again. "
            "VLADIMIR Putin watched. Putin left. The US said nothing.")
    actors = ta.default_actors(text, top=10)
    assert "Monster" not in actors and "MONSTER" not in actors
    assert {"Porthcarrow", "Putin", "US"} <= set(actors)


def test_default_is_used_when_no_actors_given(sample):
    table = ta.actor_tone(sample, top=3)
    assert len(table) == 3
    assert table["actor"].iloc[0] == "Putin"


@pytest.mark.parametrize("actors, message", [
    ({}, "non-empty dict"), (["Putin"], "non-empty dict"), ({"Putin": [3]}, "aliases of 'Putin'"),
])
def test_bad_actors(actors, message):
    with pytest.raises(ta.ToneAnalysisError, match=message):
        ta.actor_tone("Putin came.", actors, lexicon=LEXICON)


def test_bad_window_and_top():
    with pytest.raises(ta.ToneAnalysisError, match="window"):
        ta.actor_tone("Putin came.", {"Putin": ["Putin"]}, lexicon=LEXICON, window=-1)
    with pytest.raises(ta.ToneAnalysisError, match="top"):
        ta.default_actors("Putin came.", top=0)


PLACES = {
    "vowed": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "said"},
    "arrogant": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "confident"},
    "reckless": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "risky"},
}


def test_a_verb_belongs_to_its_subject_not_to_the_place_before_it():
    text = "Angry residents in Fenmoor vowed to fight on. Later the Fenmoor council vowed to listen."
    table = ta.actor_tone(text, {"Fenmoor": ["Fenmoor"]}, lexicon=PLACES)
    assert table["describing_terms"].tolist() == ["vowed"]  # the second: "the Fenmoor council vowed"
    assert table["n_describing"].tolist() == [1]


def test_a_speakers_words_do_not_describe_someone_outside_the_quote():
    text = 'Mayor Lin Ode said "the plan is reckless" as Tom Reddy listened. The arrogant Reddy left.'
    table = ta.actor_tone(text, {"Reddy": ["Tom Reddy", "Reddy"], "Ode": ["Lin Ode"]}, lexicon=PLACES)
    described = dict(zip(table["actor"], table["describing_terms"]))
    assert described == {"Reddy": "arrogant", "Ode": ""}


def test_places_are_marked_as_places():
    text = ("Flooding hit homes in Marsby overnight. Crews from Delton drove to Marsby at dawn. "
            "Delton sent pumps, and Delton's mayor thanked them. Water in Marsby fell by noon.")
    kinds = dict(zip(*ta.actor_tone(text, {"Marsby": ["Marsby"], "Delton": ["Delton"]}, lexicon=PLACES)[
        ["actor", "kind"]].T.values))
    assert kinds == {"Marsby": "place", "Delton": "name"}
