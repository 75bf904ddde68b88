"""What was made faster gives what the plain way gives: the verb pattern, the corpus's measures."""

import re

import pandas as pd
import pytest

import toneanalysis as ta
from toneanalysis.analyse import verbs
from toneanalysis.measure.measures import pieces_measures, table_measures

TEXT = ("Kirby said the talks failed, hitting out at critics; Kuleba claimed, and later claims, they worked. "
        "According to aides, she had lashed   out, he hit out at them and they were hitting back. "
        "The saying goes: sayings said say-so. Officials told reporters; the tellers stated.")


def test_the_verb_pattern_finds_what_the_alternation_of_its_forms_finds():
    table, pattern = verbs.verb_table()
    forms = sorted([*table, "According to"], key=len, reverse=True)
    plain = re.compile(r"(?<![\w'\-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
                       + r")(?![\w\-])")
    every_form = " ".join(forms) + " " + " ".join(f"{f}x {f}-y x{f}" for f in forms)
    for text in (TEXT, every_form):
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)] and found
    assert [m.group(0) for m in pattern.finditer(TEXT)][:4] == ["said", "hitting out", "claimed", "claims"]


@pytest.mark.parametrize("lexicon", [None, {"tyrant": {"category": "name_calling", "weight": 3,
                                                        "framing": "negative", "neutral": "leader"}}])
def test_measures_of_stacked_tables_are_each_piece_s_own(lexicon):
    pieces = ["Tyrants meet\n\nThe tyrant smiled, he said.\n\nThe two leaders met.",
              "A calm day\n\nNothing happened. The 'reform' stalled.",
              "One line, a tyrant in it."]
    tables = [ta.score_paragraphs(p, lexicon=lexicon) for p in pieces]
    stacked = pieces_measures(pd.concat(tables, ignore_index=True), [len(t) for t in tables])
    for own, table in zip(stacked, tables):
        expected = table_measures(table)
        assert own.keys() == expected.keys()
        assert all(own[k] == expected[k] or (own[k] != own[k] and expected[k] != expected[k]) for k in own)
    assert stacked[0]["n_paragraphs"] == 2 and stacked[2]["n_words"] == 6
