"""Where a piece's loaded terms fall (`measure.where`): the one definition behind the tone arc's ticks
and the reports' "by third" and "first half" sentences, on texts written for the test."""

import pytest

import toneanalysis as ta
from toneanalysis import plots

# Three paragraphs of five words each: each is one third of the piece.
EVEN = "A tyrant spoke to them.\n\nThe talks went on today.\n\nThe shameless, brutal tyrant left."


def test_each_hit_counts_in_the_share_of_the_piece_it_falls_in():
    parts = ta.loaded_by_part(EVEN, 3)
    assert parts["hits"].tolist() == [1, 0, 3]
    assert parts["loaded_weight"].tolist() == [3.0, 0.0, 8.0]
    assert parts["start"].tolist() == pytest.approx([0, 1 / 3, 2 / 3])
    assert parts["end"].tolist() == pytest.approx([1 / 3, 2 / 3, 1])
    halves = ta.loaded_by_part(EVEN, 2)
    assert halves["hits"].tolist() == [1, 3]


def test_the_parts_add_up_to_the_piece_and_agree_with_the_arc():
    piece = ta.analyse("Tyrants meet\n\nThe brutal regime hit out at critics.\n\nOfficials met on Tuesday.\n\n"
                       "A caption: the despot arrives\n\nThe cronies cheered the sham vote.")
    hits = ta.find_loaded_terms(piece)
    where = plots.hit_positions(ta.score_paragraphs(piece), hits)
    for n in (1, 2, 3, 7):
        parts = ta.loaded_by_part(piece, n)
        assert parts["hits"].sum() == len(hits) and parts["loaded_weight"].sum() == pytest.approx(hits["weight"].sum())
        assert parts["hits"].tolist() == [int(((where >= a) & ((where < b) | (b == 1))).sum())
                                          for a, b in zip(parts["start"], parts["end"])]


def test_no_hits_gives_empty_parts_and_a_bad_count_is_named():
    parts = ta.loaded_by_part("The council met on Tuesday.\n\nIt agreed the budget.", 4)
    assert parts["hits"].tolist() == [0, 0, 0, 0] and parts["loaded_weight"].tolist() == [0.0] * 4
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(ta.ToneAnalysisError, match="parts must be a whole number"):
            ta.loaded_by_part(EVEN, bad)
