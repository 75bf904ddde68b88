"""Analyse once: a notebook's worth of views of one analysed article runs each inner step once."""

import gc
import weakref
from collections import Counter

import pytest
from conftest import ROOT

import toneanalysis as ta
from toneanalysis.analyse import analysed as analysed_module
from toneanalysis.lexicon import Lexicon

WIRES = sorted((ROOT / "data" / "baseline").glob("wire_*_putin_pyongyang.txt"))


def notebook_03(piece, wires):
    """The views notebooks 01-03 build of one piece (and its baselines)."""
    ta.score_paragraphs(piece)
    ta.find_loaded_terms(piece)
    ta.score_sentences(piece)
    ta.find_quotes(piece)
    ta.reporting_verbs(piece)
    ta.voice_summary(piece)
    ta.piece_measures(piece)
    ta.actor_tone(piece)
    rewrite = ta.neutral_rewrite(piece)
    ta.rewrite_summary(rewrite)
    ta.highlight_html(piece)
    ta.compare(piece, wires, n_boot=100, n_perm=100)
    ta.arcs(piece, wires)
    ta.align_paragraphs(piece, wires)
    return rewrite


@pytest.fixture
def counted(monkeypatch):
    """Counts of the inner steps: the sentence split, the sentiment of each block, the quote analysis,
    and the texts the lexicon matcher ran on."""
    calls = Counter()
    matched = Counter()

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    for name in ("parse", "sentence_scores", "attribute"):
        monkeypatch.setattr(analysed_module, name, counting(name, getattr(analysed_module, name)))
    real_match = Lexicon.match

    def match(self, doc):
        matched[doc.text] += 1
        return real_match(self, doc)

    monkeypatch.setattr(Lexicon, "match", match)
    monkeypatch.setattr(analysed_module, "_RECENT", type(analysed_module._RECENT)())  # no analysis from before
    return calls, matched


def test_each_inner_step_runs_once(sample, counted):
    calls, matched = counted
    piece = ta.analyse(sample)
    wires = ta.analyse_baselines(WIRES)
    rewrite = notebook_03(piece, wires)
    pieces = [piece, *wires]
    assert calls["parse"] == len(pieces)          # one sentence split (and match) per article
    assert calls["attribute"] == len(pieces)      # one quote analysis per article
    assert calls["sentence_scores"] == sum(len(p.scored_blocks) for p in pieces)  # once per block
    # The matcher ran on each block of each article once, and on the rewritten text of each block the
    # neutral rewrite changed (a new text, scored as such), nothing else.
    changed = int((rewrite["n_replaced"] > 0).sum())
    assert 0 < changed < len(piece.scored_blocks)
    assert sum(matched.values()) == sum(len(p.scored_blocks) for p in pieces) + changed


def test_the_same_file_read_again_shares_its_analysis_until_it_changes(tmp_path, counted):
    # Notebooks that each analyse the same file (a report's, run in one kernel) analyse it once.
    calls, _ = counted
    path = tmp_path / "piece.txt"
    path.write_text("Council approves budget\n\nThe tyrant council slammed residents.\n", encoding="utf-8")
    first = ta.analyse(str(path))
    ta.score_paragraphs(str(path))
    assert ta.analyse(path) is first and calls["parse"] == 1
    assert ta.find_loaded_terms(str(path))["term"].tolist() == ["tyrant", "slam"]
    path.write_text("Council approves budget\n\nThe council criticised residents.\n", encoding="utf-8")
    assert ta.analyse(str(path)) is not first  # edited: read as another article, analysed anew
    assert ta.find_loaded_terms(str(path))["term"].tolist() == []
    assert calls["parse"] == 2
    small = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
    assert ta.analyse(str(path), lexicon=small) is not ta.analyse(str(path))
    # A lexicon read from a file is kept by load_lexicon, and so are its analyses; one made from a dict
    # for each call is not kept alive by them.
    csv = tmp_path / "small.csv"
    csv.write_text("term,category,weight,framing,neutral\ntyrant,name_calling,3,negative,leader\n", encoding="utf-8")
    assert ta.analyse(str(path), lexicon=str(csv)) is ta.analyse(str(path), lexicon=ta.load_lexicon(csv))
    made = ta.analyse(str(path), lexicon=small)
    assert ta.analyse(str(path), lexicon=made.lexicon) is not made
    gone = weakref.ref(made.lexicon)
    del made
    gc.collect()
    assert gone() is None


def test_a_different_lexicon_is_a_different_analysis(sample):
    piece = ta.analyse(sample)
    assert ta.analyse(piece) is piece and ta.analyse(piece, lexicon=piece.lexicon) is piece
    small = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
    other = ta.analyse(piece, lexicon=small)
    assert other is not piece and other.article is piece.article
    # Scare quotes around plain words and rated words (analyse/rated.py) are hits whatever the lexicon;
    # the sample's one plain quoted word, "concern", is the US's (it "voiced" it), not a scare quote.
    assert set(ta.find_loaded_terms(other)["term"]) == {"tyrant", "rated word"}
    assert set(ta.find_loaded_terms(piece, lexicon=small)["term"]) == {"tyrant", "rated word"}
    written = "The council\u2019s \u2018reforms\u2019 closed the library."
    assert set(ta.find_loaded_terms(written, lexicon=small)["term"]) == {"scare quotes"}
