"""The lexicon's compiled patterns are cached on disk: the same matches, and never a wrong one."""

import json

import pytest
from conftest import SAMPLE

import toneanalysis as ta
from toneanalysis import cache
from toneanalysis.lexicon import Lexicon

SMALL = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "lash out": {"category": "loaded_verb", "weight": 2, "framing": "negative", "neutral": "criticise"},
    "regime": {"category": "loaded_noun", "weight": 2, "framing": "negative", "neutral": "government",
               "exceptions": "tax regime"},
}
TEXT = "The tyrants lashed out at the regime. The new tax regime starts in May, tyrant-free."


def hits(lexicon, text=TEXT):
    return ta.find_loaded_terms(text, lexicon=Lexicon(lexicon.entries))[["start", "end", "term"]].values.tolist()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TONEANALYSIS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_compile_reads_the_cache_and_matches_the_same(folder):
    lexicon = ta.load_lexicon(SMALL)
    first = hits(lexicon)
    [written] = folder.glob("lexicon-patterns-*.json")
    assert hits(lexicon) == first == [[4, 11, "tyrant"], [12, 22, "lash out"], [30, 36, "regime"],
                                      [72, 78, "tyrant"]]
    assert written.stat().st_size > 0 and list(folder.glob("*.partial")) == []


def test_the_default_lexicon_matches_the_same_from_the_cache(folder):
    default = ta.default_lexicon()
    cold = hits(default, SAMPLE.read_text(encoding="utf-8"))
    assert list(folder.glob("lexicon-patterns-*.json"))
    assert hits(default, SAMPLE.read_text(encoding="utf-8")) == cold and len(cold) > 20


def test_other_entries_are_another_cache_file(folder):
    hits(ta.load_lexicon(SMALL))
    hits(ta.load_lexicon({**SMALL, "snarling": {"category": "emotive_adjective", "weight": 2,
                                                 "framing": "negative", "neutral": "smiling"}}))
    assert len(list(folder.glob("lexicon-patterns-*.json"))) == 2


@pytest.mark.parametrize("damage", ["not json", "[1, 2, 3]", '[["T0", ["a"], []]]', ""])
def test_a_damaged_cache_file_is_recomputed(folder, damage):
    lexicon = ta.load_lexicon(SMALL)
    expected = hits(lexicon)
    [written] = folder.glob("lexicon-patterns-*.json")
    written.write_text(damage, encoding="utf-8")
    assert hits(lexicon) == expected
    assert json.loads(written.read_text(encoding="utf-8"))  # written again, whole


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TONEANALYSIS_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.cache_dir() is None
    assert hits(ta.load_lexicon(SMALL))[0] == [4, 11, "tyrant"]
    assert list(tmp_path.rglob("*.json")) == []


def test_an_unwritable_cache_is_only_slower(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("TONEANALYSIS_CACHE", str(blocker / "cache"))  # a folder under a file: cannot be made
    assert hits(ta.load_lexicon(SMALL))[0] == [4, 11, "tyrant"]


def test_the_verb_table_read_from_the_cache_is_the_one_computed(folder):
    from toneanalysis.analyse import verbs

    lexicon = ta.load_lexicon({**SMALL, "opined": {"category": "doubt_verb", "weight": 1, "framing": "negative",
                                                   "neutral": "said"}})
    computed = verbs.verb_table(verbs.lexicon_doubt_verbs(lexicon))
    written = verbs.table_for(lexicon)
    assert list(folder.glob("verb-table-*.json"))
    from_cache = verbs.table_for(Lexicon(lexicon.entries))  # a new Lexicon object: read from disk
    assert from_cache[0] == written[0] == computed[0] and from_cache[1].pattern == computed[1].pattern
    assert from_cache[0]["opines"][:2] == ("opine", "colouring")


def test_the_cached_dictionary_words_answer_as_lemminflect_does(folder):
    from lemminflect import getAllLemmas

    from toneanalysis.analyse import speakers

    speakers.dictionary_words.cache_clear()
    words = ["Shopkeeper", "Residents", "ran", "Local", "the", "Kuleba", "bromance", "Zelensky", "xqzt", "Officials"]
    assert [speakers._common_word(w) for w in words] == [
        bool(getAllLemmas(w.lower())) and w.lower() not in speakers.TITLE_WORDS for w in words]
    assert list(folder.glob("lemminflect-words-*.json"))
    speakers.dictionary_words.cache_clear()  # read back from the file
    assert [speakers._common_word(w) for w in words] == [True, True, True, True, False, False, False, False,
                                                          False, True]


def test_the_cached_inflections_answer_as_lemminflect_does(folder):
    from lemminflect import getAllInflections, getInflection

    from toneanalysis.measure import inflections

    def answers():
        inflections._table.cache_clear()
        inflections.all_inflections.cache_clear()
        inflections.inflection.cache_clear()
        # Term words and neutral words of the default lexicon, and words of neither (asked of lemminflect).
        return ([inflections.all_inflections(w) for w in ("tyrant", "slam", "hit", "xqzt")],
                [inflections.inflection(w, tag) for w in ("leader", "criticise", "heavy", "xqzt")
                 for tag in ("NNS", "VBD", "VBZ", "JJR")])

    expected = ([getAllInflections(w) for w in ("tyrant", "slam", "hit", "xqzt")],
                [getInflection(w, tag=tag) for w in ("leader", "criticise", "heavy", "xqzt")
                 for tag in ("NNS", "VBD", "VBZ", "JJR")])
    assert answers() == expected
    assert list(folder.glob("rewrite-inflections-*.json"))
    assert answers() == expected  # read back from the file
    assert expected[0][0]["NNS"] == ("tyrants",) and expected[1][5] == ("criticised",)


def test_the_cached_pattern_lexicon_is_the_one_textblob_reads(folder, monkeypatch):
    from textblob import _text
    from textblob import en as pattern_en

    from toneanalysis.measure import grammar

    fresh = _text.Lexicon(path=pattern_en.lexicon.path)  # an empty one: _preload fills it from the cache
    grammar._preload(fresh)
    written = list(folder.glob("pattern-lexicon-*.json"))
    assert written
    again = _text.Lexicon(path=pattern_en.lexicon.path)
    grammar._preload(again)  # read back from the file
    reference = _text.Lexicon(path=pattern_en.lexicon.path)
    reference.load()
    assert dict(dict.items(again)) == dict(dict.items(fresh)) == dict(dict.items(reference))
    assert again["losses"] == "NNS" and again["brutal"] == "JJ"
    # The tagger reads the lexicon it was given: tags with the cached one are textblob's own.
    text = "The council suffered heavy losses in a brutal war of words"
    monkeypatch.setattr(pattern_en.parser, "lexicon", reference)
    expected = pattern_en.tag(text)
    monkeypatch.setattr(pattern_en.parser, "lexicon", again)
    assert pattern_en.tag(text) == expected
    assert ("losses", "NNS") in expected and ("brutal", "JJ") in expected


def test_each_kind_keeps_its_most_recently_used_files(folder):
    # New keys (new lexicons, new versions) would pile up: each kind keeps its KEEP latest, and a file
    # read again counts as used.
    import os

    def stored():
        return sorted(p.name for p in folder.glob("kind-*.json"))

    cache.cached_json("kind", "first", lambda: [1], valid=lambda d: d == [1])
    for number in range(cache.KEEP - 1):
        cache.cached_json("kind", f"k{number:02d}", lambda: [0], valid=lambda d: True)
    assert len(stored()) == cache.KEEP
    old = (folder / "kind-first.json").stat().st_mtime - 100
    for path in folder.glob("kind-*.json"):
        os.utime(path, (old, old))  # all equally old ...
    assert cache.cached_json("kind", "first", lambda: [2], valid=lambda d: d == [1]) == [1]  # ... but one read
    cache.cached_json("other", "x", lambda: [0], valid=lambda d: True)
    cache.cached_json("kind", "new", lambda: [3], valid=lambda d: True)
    assert len(stored()) == cache.KEEP and "kind-first.json" in stored() and "kind-new.json" in stored()
    assert (folder / "other-x.json").exists()  # another kind is not touched
    (folder / "kind-stale.json.123.partial").write_text("[", encoding="utf-8")
    os.utime(folder / "kind-stale.json.123.partial", (old - 7200, old - 7200))
    cache.cached_json("kind", "newer", lambda: [4], valid=lambda d: True)
    assert not (folder / "kind-stale.json.123.partial").exists() and len(stored()) == cache.KEEP
