"""The neutral rewrite: replacements, whose words are rewritten, and the tone before and after."""

import pandas as pd
import pytest

import toneanalysis as ta
from toneanalysis.measure.rewrite import replacement, rewrite_block

LEXICON = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "slam": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "criticise"},
    "axis of evil": {"category": "loaded_metaphor", "weight": 3, "framing": "negative", "neutral": "alliance"},
    "hugely": {"category": "exaggeration", "weight": 1, "framing": "mixed", "neutral": ""},
    "disgraceful": {"category": "emotive_adjective", "weight": 3, "framing": "negative", "neutral": "criticised"},
}


@pytest.mark.parametrize("term, neutral, written, expected", [
    ("tyrant", "leader", "tyrants", "leaders"),
    ("tyrant", "leader", "Tyrant", "Leader"),
    ("slam", "criticise", "slammed", "criticised"),
    ("slam", "criticise", "slams", "criticises"),
    ("axis of evil", "alliance", "Axis of Evil", "Alliance"),
    ("hugely", "", "Hugely", ""),
])
def test_replacement_keeps_inflection_and_first_letter(term, neutral, written, expected):
    assert replacement(term, neutral, written) == expected


def test_empty_neutral_drops_the_word_and_tidies():
    assert rewrite_block("It was hugely popular.", [(7, 13, "hugely", "")])[0] == "It was popular."
    assert rewrite_block("Hugely popular, it sold.", [(0, 6, "hugely", "")])[0] == "Popular, it sold."
    assert rewrite_block("It grew hugely.", [(8, 14, "hugely", "")])[0] == "It grew."


def test_a_becomes_an_and_scare_quotes_go_with_the_term():
    text = "He joined a \u2018tyrant\u2019 club and an axis of evil."
    axis = text.index("axis")
    hits = [(13, 19, "tyrant", "elected leader"), (axis, axis + len("axis of evil"), "axis of evil", "pact")]
    rewritten, notes = rewrite_block(text, hits, quotes=[(13, 19)])
    assert rewritten == "He joined an elected leader club and a pact."
    assert notes == ["tyrant \u2192 elected leader", "axis of evil \u2192 pact"]


def test_only_the_outlets_words_are_rewritten_by_default():
    text = ("The tyrant slammed the plan.\n\n"
            "\u201cHe is a tyrant,\u201d Kirby said.\n\nVoters fear the \u2018tyrant\u2019.")
    table = ta.neutral_rewrite(text, lexicon=LEXICON)
    assert table["rewritten"].tolist() == ["The leader criticised the plan.", "\u201cHe is a tyrant,\u201d Kirby said.",
                                           "Voters fear the leader."]
    assert table["n_replaced"].tolist() == [2, 0, 1]
    everything = ta.neutral_rewrite(text, lexicon=LEXICON, voices=("editorial", "quoted", "scare_quote"))
    assert "tyrant" not in everything["rewritten"].iloc[1]


def test_tone_columns_are_the_scores_of_both_texts():
    text = "The tyrant slammed the disgraceful plan.\n\nThe talks ended."
    table = ta.neutral_rewrite(text, lexicon=LEXICON)
    before = ta.score_paragraphs(text, lexicon=LEXICON)
    after = ta.score_texts(table["rewritten"], lexicon=LEXICON)
    assert table["tone"].tolist() == pytest.approx(before["tone"].tolist())
    assert table["tone_rewritten"].tolist() == pytest.approx(after["tone"].tolist())
    assert table["tone_change"].tolist() == pytest.approx((table["tone_rewritten"] - table["tone"]).tolist())
    assert table["tone_change"].iloc[0] > 0  # less negative without the loaded words
    assert table["tone_change"].iloc[1] == 0
    assert table["text"].tolist() == before["text"].tolist()


def test_sample_rewrite(sample):
    table = ta.neutral_rewrite(sample).set_index("block")
    hits = ta.find_loaded_terms(sample)
    own = hits[hits["voice"].isin(["editorial", "scare_quote"])]
    rated = own["term"] == "rated word"  # no alternative in the lexicon: kept, and said so
    assert rated.any() and table["n_replaced"].sum() == len(own) - rated.sum()
    assert table["replacements"].str.count("kept: no alternative in the lexicon").sum() == rated.sum()
    grin = table.loc[hits.loc[hits["text"] == "snarling grin", "block"].iloc[0]]
    assert "snarling grin" in grin["text"] and "snarling grin" not in grin["rewritten"]
    # Blocks whose only hits are a source's words (a quoted fragment's scare-quote hit is the source's too).
    quoted = hits.groupby("block")["voice"].agg(lambda v: set(v) == {"quoted"})
    bromance = table.loc[quoted[quoted].index]
    assert len(bromance)
    assert bromance["text"].tolist() == bromance["rewritten"].tolist()  # the source's words stay
    summary = ta.rewrite_summary(table)
    assert summary.n_replaced == len(own) - rated.sum()
    assert summary.tone < summary.tone_rewritten  # the piece is less negative in neutral words
    # The piece's tone is the one `piece_measures` gives; the rewrite removes part of it, not all:
    # the events reported stay negative in neutral words.
    assert summary.tone == pytest.approx(ta.piece_measures(sample)["tone"])
    assert 0 < summary.word_choice_share < 1


def test_rewrite_summary_weights_by_words():
    # Body only (the headline has its own measure); each side weighted by its own words.
    table = pd.DataFrame({"role": ["headline", "paragraph", "paragraph"], "n_words": [4, 10, 30],
                          "n_words_rewritten": [4, 10, 30], "tone": [-0.9, -0.4, -0.2],
                          "tone_rewritten": [0.0, -0.2, -0.1], "n_replaced": [2, 1, 2]})
    summary = ta.rewrite_summary(table)
    assert summary.tone == pytest.approx(-0.25)          # (10 * -0.4 + 30 * -0.2) / 40
    assert summary.tone_rewritten == pytest.approx(-0.125)
    assert summary.tone_change == pytest.approx(0.125)
    assert summary.word_choice_share == pytest.approx(0.5)
    assert summary.n_replaced == 5
    shorter = ta.rewrite_summary(table.assign(n_words_rewritten=[4, 10, 10]))
    assert shorter.tone_rewritten == pytest.approx(-0.15)  # (10 * -0.2 + 10 * -0.1) / 20


def test_bad_input():
    with pytest.raises(ta.ToneAnalysisError, match="unknown voice 'outlet'"):
        ta.neutral_rewrite("The tyrant came.", lexicon=LEXICON, voices=("outlet",))
    with pytest.raises(ta.ToneAnalysisError, match="no column 'tone_rewritten'"):
        ta.rewrite_summary(pd.DataFrame({"role": ["paragraph"], "n_words": [1], "n_words_rewritten": [1],
                                         "tone": [0.1], "n_replaced": [0]}))
    with pytest.raises(ta.ToneAnalysisError, match="DataFrame"):
        ta.rewrite_summary([1, 2])


# --- grammar: a replacement stands where the loaded word stood (texts written for these tests) -----

GRAMMAR = {
    "hit out": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "criticise"},
    "lash out": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "criticise"},
    "bloodbath": {"category": "loaded_noun", "weight": 3, "framing": "negative", "neutral": "heavy losses"},
    "snarling": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "scowl"},
    "furious": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "angry"},
    "hit back": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "respond"},
    "water down": {"category": "loaded_verb", "weight": 1, "framing": "negative", "neutral": "weaken"},
    "ram through": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "pass quickly"},
    "deluge of": {"category": "loaded_metaphor", "weight": 2, "framing": "negative", "neutral": "many"},
    "plethora": {"category": "exaggeration", "weight": 1, "framing": "mixed", "neutral": "many"},
}


@pytest.mark.parametrize("text, rewritten", [
    # A phrasal verb takes its preposition with it; a base-and-past form after a subject reads as past.
    ("Councillor Ada Lowe hit out at the budget.", "Councillor Ada Lowe criticised the budget."),
    ("Residents will lash out at the plan.", "Residents will criticise the plan."),
    ("The unions lashed out against ministers.", "The unions criticised ministers."),
    ("The mayor hit back at critics.", "The mayor responded to critics."),  # "respond" takes its own "to"
    ("The mayor hit back.", "The mayor responded."),
    # The article agrees with a plural replacement.
    ("The vote was a bloodbath for the governing party.", "The vote was heavy losses for the governing party."),
    # ... and a sentence that opened with the article still opens with a capital; a quantifier takes none.
    ("A bloodbath followed the vote.", "Heavy losses followed the vote."),
    ("A deluge of complaints followed.", "Many complaints followed."),
    ("Then came a deluge of complaints.", "Then came many complaints."),
    # A one-word noun of quantity loses its "of" before a bare noun, not before a determiner.
    ("A plethora of rules apply.", "Many rules apply."),
    ("She broke a plethora of the rules.", "She broke many of the rules."),
    # An adjective is replaced by an adjective, or left and marked.
    ("A furious mayor left the room.", "An angry mayor left the room."),
    ("The snarling dog barked at the postman.", "The snarling dog barked at the postman."),
    # A pronoun object between a verb and its particle stays, after the verb; "through" before a noun
    # phrase is a preposition and stays too.
    ("Officials watered it down.", "Officials weakened it."),
    ("Watering them down was a mistake.", "Weakening them was a mistake."),
    ("Ministers rammed it through the Commons.", "Ministers passed it quickly through the Commons."),
    ("Ministers rammed it through and left.", "Ministers passed it quickly and left."),
])
def test_the_rewrite_keeps_grammar(text, rewritten):
    table = ta.neutral_rewrite(text, lexicon=GRAMMAR)
    assert table["rewritten"].iloc[0] == rewritten


def test_a_kept_term_is_marked_and_not_counted():
    table = ta.neutral_rewrite("The snarling dog met a furious cat.", lexicon=GRAMMAR)
    row = table.iloc[0]
    assert row["rewritten"] == "The snarling dog met an angry cat."
    assert row["n_replaced"] == 1
    assert row["replacements"] == "snarling (kept: 'scowl' is not an adjective); furious → angry"
