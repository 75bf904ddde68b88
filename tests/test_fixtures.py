"""The cleaning rules against hand-written answer keys for scraped articles about other events."""

import csv

import pytest
from conftest import FIXTURES

import toneanalysis as ta

SCRAPED = sorted(p.stem for p in FIXTURES.glob("scraped_*.txt"))


def test_there_are_several_scraped_fixtures():
    assert len(SCRAPED) >= 4


@pytest.mark.parametrize("name", SCRAPED)
def test_roles_match_the_answer_key(name):
    article = ta.load_article(FIXTURES / f"{name}.txt")
    got = {}
    for b in article.blocks:  # a line's role is its first block's (a caption's credit on its line follows it)
        got.setdefault(b.line, (b.role, b.raw))
    with open(FIXTURES / f"{name}.roles.tsv", encoding="utf-8", newline="") as handle:
        key = [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if row and row[0].isdigit()]
    assert len(key) == len(got)
    wrong = [(int(n), role, got[int(n)][0], text) for n, role, text in key if got[int(n)][0] != role]
    assert wrong == []
    assert all(got[int(n)][1] == text for n, _, text in key)


def test_html_page_matches_what_a_reader_sees():
    article = ta.load_article(FIXTURES / "scraped_storm.html")
    with open(FIXTURES / "scraped_storm.html.expected.tsv", encoding="utf-8", newline="") as handle:
        expected = [tuple(row) for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)][1:]
    shown = ("headline", "paragraph", "caption", "credit")  # the key's roles; bylines and time stamps are furniture
    assert [(b.role, b.text) for b in article.blocks if b.role in shown] == expected
    furniture = " ".join(b.text for b in article.blocks if b.role == "boilerplate")
    assert "We use cookies" in furniture and "Most read" in furniture and "ADVERTISEMENT" in furniture
    assert "gtag" not in " ".join(b.text for b in article.blocks)  # scripts are code, not text


@pytest.mark.parametrize("name", ["cp1252_article", "latin1_article"])
def test_legacy_encodings_decode_exactly(name):
    raw = (FIXTURES / f"{name}.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    expected = (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8")
    with pytest.warns(ta.DecodingWarning, match=f"{name}.txt: not UTF-8 and no charset declared"):  # never silent
        article = ta.load_article(FIXTURES / f"{name}.txt")
    assert [b.raw for b in article.blocks] == [line for line in expected.splitlines() if line.strip()]
