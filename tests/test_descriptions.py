"""The name an article pairs with a description: the index built once per article (`Pairings`)
gives what the two whole-article searches give, and the speakers come out the same."""

import pytest

import toneanalysis as ta
from toneanalysis.analyse import attribution
from toneanalysis.analyse.descriptions import Pairings, search

JOINED = "\x00".join([
    "The city's chief planner, Ada Rook, said the tower was 'a scar'. Ms Rook spoke after the vote.",
    "Harbour Board Chair Sunil Varma said nothing. Tom Beck,  the  harbour master, was blunt.",
    "The harbour master, Gwen Hale, disagreed; the mayor,\nJoan Pike of Leeds, said later: 'Wait.'",
    "A spokesman for the firm said it was 'reviewing'. The Spokesman Kit Moss denied it. xmayor Lee Park",
    "McDonald Smith, mayor of the town, and Dr. Eve Stone, the city's chief planner, met. Odd ones: "
    "the mayor , Ray Dunn; the mayor,Ray Dunn; planner A Bo; the deputy mayor Ola Ng.",
])
DESCRIPTIONS = ["the city's chief planner", "the harbour master", "the mayor", "the spokesman", "mayor",
                "harbour board chair", "the deputy mayor", "chief planner", "planner", "The Spokesman",
                "the firm", "nobody here", "the mayor, of leeds", "the  harbour master", "a spokesman"]


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_the_index_finds_what_the_whole_article_searches_find(description):
    assert Pairings(JOINED).resolve(description) == search(description, JOINED)


def test_the_fast_path_gives_the_same_speakers(monkeypatch):
    text = ("The harbour master, Gwen Hale, spoke first.\n\n"
            '"The plan is a scandal," the harbour master said.\n\n'
            "The city's chief planner Ada Rook disagreed.\n\n"
            '"It is overdue," the chief planner said, and the mayor called it "a mess".\n\n'
            "Joan Pike, the mayor, left early.")
    fast = ta.find_quotes(ta.analyse(text))
    monkeypatch.setattr(attribution, "_resolve_description",
                        lambda d, pairings: (lambda name: " ".join(attribution.strip_titles(name.split()))
                                             if name else None)(search(d, pairings.joined)))
    slow = ta.find_quotes(ta.analyse(text))
    assert list(fast["speaker"]) == list(slow["speaker"]) == ["Gwen Hale", "Ada Rook", "Joan Pike"]
