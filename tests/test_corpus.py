"""Corpus scale on one machine: parallel score_texts, streaming input, score_folder, the folder CLI."""

import itertools
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from conftest import FIXTURES, ROOT, SAMPLE

import toneanalysis as ta
from toneanalysis import corpus

ARTICLES = [SAMPLE, *sorted((ROOT / "data/baseline").glob("*.txt")), *sorted(FIXTURES.glob("scraped_*.txt"))]
CUSTOM = {"pyongyang": {"category": "loaded_noun", "weight": 2, "framing": "negative", "neutral": "the capital"}}


@pytest.fixture(scope="module")
def paragraphs(sample):
    return [b.text for b in sample.scored_blocks()]


@pytest.fixture
def folder(tmp_path):
    for path in ARTICLES[:5]:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_parallel_scores_equal_one_core(paragraphs):
    texts = pd.Series([*paragraphs, None, "", *paragraphs[:7]], index=range(100, 100 + len(paragraphs) + 9))
    one = ta.score_texts(texts)
    pd.testing.assert_frame_equal(ta.score_texts(texts, n_jobs=2, chunk_size=5), one)
    pd.testing.assert_frame_equal(ta.score_texts(iter(texts.tolist()), n_jobs=-1, chunk_size=7),
                                  one.reset_index(drop=True))


def test_a_lexicon_passed_in_reaches_the_workers(paragraphs):
    custom = ta.load_lexicon(CUSTOM)
    parallel = ta.score_texts(paragraphs, lexicon=custom, n_jobs=2, chunk_size=4)
    assert parallel["loaded_terms"].str.contains("Pyongyang").sum() >= 2  # not in the default lexicon
    pd.testing.assert_frame_equal(parallel, ta.score_texts(paragraphs, lexicon=custom))


@pytest.mark.slow  # a spawned pool imports the package afresh in each worker
def test_spawned_workers_get_a_working_lexicon():
    # macOS and Windows start workers by spawn, so the lexicon is pickled; a compiled spaCy matcher
    # does not survive that (its string hashes are unknown in the new process).
    code = f"""
import multiprocessing, pandas as pd, toneanalysis as ta
multiprocessing.set_start_method("spawn")
custom = ta.load_lexicon({CUSTOM!r})
texts = ["Putin flew to Pyongyang.", "Tyrants met.", "A calm day."] * 4
one = ta.score_texts(texts, lexicon=custom)  # compiles the matcher before the pool starts
pd.testing.assert_frame_equal(ta.score_texts(texts, lexicon=custom, n_jobs=2, chunk_size=3), one)
pd.testing.assert_frame_equal(ta.score_texts(texts, n_jobs=2, chunk_size=3), ta.score_texts(texts))
print(one["loaded_count"].sum())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "4"


def test_input_is_consumed_lazily_with_bounded_chunks_in_flight(paragraphs):
    drawn = 0

    def texts():
        nonlocal drawn
        for text in itertools.islice(itertools.cycle(paragraphs), 100_000):
            drawn += 1
            yield text

    for n_jobs in (1, 2):
        drawn = 0
        rows = corpus.score_rows(texts(), ta.load_lexicon(), n_jobs=n_jobs, chunk_size=5)
        next(rows)
        workers = corpus.resolve_jobs(n_jobs)
        in_flight = 1 if workers == 1 else workers * corpus.IN_FLIGHT_PER_WORKER + 1
        assert drawn <= 5 * in_flight
        rows.close()


def test_bad_items_are_named_in_parallel_too():
    with pytest.raises(ta.ToneAnalysisError, match="item 3"):
        ta.score_texts(["a", "b", "c", 4, "e"], n_jobs=2, chunk_size=2)


@pytest.mark.parametrize("bad", [0, 1.5, "2", True])
def test_n_jobs_must_be_a_non_zero_integer(bad):
    with pytest.raises(ta.ToneAnalysisError, match="n_jobs"):
        ta.score_texts(["a"], n_jobs=bad)


def test_resolve_jobs():
    cores = corpus.resolve_jobs(-1)
    assert cores >= 1 and corpus.resolve_jobs(3) == 3 and corpus.resolve_jobs(-2) == max(1, cores - 1)


def test_progress_bar_on_request_only(paragraphs, capsys):
    ta.score_texts(paragraphs[:3])
    assert capsys.readouterr().err == ""
    ta.score_texts(paragraphs[:3], progress=True)
    assert "3/3" in capsys.readouterr().err


def test_score_folder_is_score_paragraphs_per_file(folder):
    table = ta.score_folder(folder, pattern="*.txt")
    names = sorted(p.name for p in ARTICLES[:5])
    assert table.columns[0] == "file" and sorted(set(table["file"])) == names
    expected = pd.concat([ta.score_paragraphs(ta.load_article(folder / n)).assign(file=n) for n in names],
                         ignore_index=True)
    pd.testing.assert_frame_equal(table, expected[table.columns])
    pd.testing.assert_frame_equal(ta.score_folder(folder, n_jobs=2), table)


def test_score_folder_names_an_unreadable_file(folder):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ta.ToneAnalysisError, match=r"broken\.txt.*binary"):
        ta.score_folder(folder, n_jobs=2)
    with pytest.warns(UserWarning, match="skipped 1 of 6"):
        table = ta.score_folder(folder, errors="skip")
    assert list(table.attrs["skipped"]) == ["broken.txt"] and "broken.txt" not in set(table["file"])


def test_score_folder_bad_arguments(tmp_path):
    with pytest.raises(ta.ToneAnalysisError, match="no such folder"):
        ta.score_folder(tmp_path / "missing")
    with pytest.raises(ta.ToneAnalysisError, match="no files match"):
        ta.score_folder(tmp_path, pattern="*.txt")
    with pytest.raises(ta.ToneAnalysisError, match="errors"):
        ta.score_folder(tmp_path, errors="ignore")


def test_cli_scores_a_folder_with_jobs_and_a_progress_bar(folder, cli):
    done = cli("score", folder, "--jobs", "2", "--format", "csv")
    assert done.returncode == 0, done.stderr
    header = done.stdout.splitlines()[0]
    assert header.startswith("file,block,role")
    assert "5/5" in done.stderr  # tqdm's bar, on stderr, off stdout
    table = pd.read_csv(pd.io.common.StringIO(done.stdout))
    assert len(table) == len(ta.score_folder(folder))


def test_sentence_spans_trim_whitespace_and_skip_empty_sentences():
    from toneanalysis.text import nlp, sentence_spans

    text = "  Lead space.  Two  spaces.\tTab. "
    spans = sentence_spans(nlp()(text), text)
    assert [text[a:b] for a, b in spans] == ["Lead space.", "Two  spaces.", "Tab."]
    for empty in ["", "   "]:
        assert sentence_spans(nlp()(empty), empty) == []


def test_an_unexpected_failure_names_the_file_too(folder, monkeypatch):
    import toneanalysis.corpus

    real = toneanalysis.corpus.score_paragraphs

    def fragile(article, **kwargs):
        if article.source.endswith("wire_a_putin_pyongyang.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, **kwargs)

    monkeypatch.setattr(toneanalysis.corpus, "score_paragraphs", fragile)
    with pytest.raises(ta.ToneAnalysisError, match=r"wire_a_putin_pyongyang\.txt: RecursionError"):
        ta.score_folder(folder)
    with pytest.warns(UserWarning, match="skipped 1 of 5"):
        table = ta.score_folder(folder, errors="skip")
    assert "RecursionError" in table.attrs["skipped"]["wire_a_putin_pyongyang.txt"]
