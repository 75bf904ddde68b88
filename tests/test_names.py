"""Names are never loaded terms (issue 14): an outlet, person, place or organisation whose name is made
of lexicon words is not a hit; a loaded word that opens a sentence, or a Title Case headline, still is."""

import pytest

import toneanalysis as ta

# Words some names are made of, as entries, so that each case below is decided by the name rule alone.
LEXICON = ta.default_lexicon().extend({
    "storm": {"category": "loaded_noun", "weight": 2, "framing": "negative", "neutral": "dispute"},
    "liberty": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": "freedom"},
})


def terms(text):
    return ta.find_loaded_terms(text, lexicon=LEXICON)["term"].tolist()


@pytest.mark.parametrize("text", [
    "Ministers cut the budget, according to figures seen by The Daily Blast.",
    "Storm Ciarán battered the coast overnight.",
    "Residents stayed indoors as Storm Ciarán moved north.",
    "Voters in Hadley backed the Liberty Party on Thursday.",
    "Judge Savage adjourned the hearing until May.",
    "The hearing was adjourned by Judge Savage until May.",
    "Savage adjourned the hearing. Judge Savage gave no reason.",
    "She was on Fenmoor's Magnificent Mile when it happened.",
])
def test_a_name_made_of_loaded_words_is_not_a_hit(text):
    assert terms(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Brutal cuts hit the town.", ["brutal"]),
    ('She said: "Brutal cuts are coming."', ["brutal"]),
    ("Tyrant Putin's Snarling Grin", ["tyrant", "snarling grin"]),
    ("Tyrant Putin has met Kim again.", ["tyrant"]),
    ("He praised his 'Axis of Evil' ally.", ["axis of evil"]),
    ("The minister blamed the Deep State.", ["deep state"]),
    ("He wrote that Crooked Kemal had won again.", ["crooked"]),
    ("The plan rested on Marxist ideas.", ["marxist"]),
    ("MONSTER waves lashed the pier.", ["monster"]),
    ("The storm of criticism grew.", ["storm of criticism"]),
])
def test_loaded_words_written_with_a_capital_still_count(text, expected):
    # Rated words (analyse/rated.py) apart: beside "monster", the model rates "lashed".
    assert [t for t in terms(text) if t != "rated word"] == expected


def test_the_name_and_the_loaded_verb_in_one_sentence():
    # The outlet's name goes; its verb stays.
    hits = ta.find_loaded_terms("The Daily Blast slammed the plan.", lexicon=LEXICON)
    assert hits["text"].tolist() == ["slammed"]


def test_the_neutral_rewrite_leaves_a_name_alone():
    text = "According to figures seen by The Daily Blast, the council slammed the plan."
    rewritten = ta.neutral_rewrite(text)["rewritten"].iloc[0]
    assert "The Daily Blast" in rewritten and "slammed" not in rewritten


def test_the_corpus_path_drops_names_too():
    texts = ["Costs rose, according to figures seen by The Daily Blast.", "Costs rose, the council's critics blast."]
    assert ta.score_texts(texts)["loaded_count"].tolist() == [0, 1]
