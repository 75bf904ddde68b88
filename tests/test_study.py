"""A corpus in, scored once: folders with manifests, tables with bad rows, the article table, Parquet that resumes."""

import json
import math
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

import toneanalysis as ta
from toneanalysis.analyse.tables import METADATA_COLUMNS
from toneanalysis.study import read_basil, read_corpus, score_corpus
from toneanalysis.study import scoring as scoring_module
from toneanalysis.study.scoring import MEASURE_COLUMNS
from toneanalysis.study.store import Store

DEMO = ROOT / "data" / "corpus"
LOADED = "Fury as bosses axe jobs\n\nShameless bosses axed the jobs in a brutal blow.\n\nThe union said it would talk."
PLAIN = "Company cuts jobs\n\nThe company cut 600 jobs, it said.\n\nThe union said it would seek talks."


def write_folder(tmp_path, manifest: str | None):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(LOADED)
    (folder / "b.txt").write_text(PLAIN)
    (folder / "c.txt").write_text(PLAIN.replace("600", "700"))
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest)
    return folder


def test_folder_with_manifest_keeps_extra_columns_and_lists_what_it_cannot_match(tmp_path):
    folder = write_folder(tmp_path, "file,outlet,date,event,desk\na.txt,Clarion,2024-01-02,e1,news\n"
                                    "b.txt,Wire,2024-01-02,e1,wire\nmissing.txt,Wire,2024-01-03,e2,wire\n")
    found = read_corpus(folder)
    items = found.items.set_index("article")
    assert list(items.index) == ["a.txt", "b.txt", "c.txt"]  # c.txt is not in the manifest: kept, not dropped
    assert items.loc["a.txt", "desk"] == "news" and pd.isna(items.loc["c.txt", "outlet"])
    assert items.loc["b.txt", "date"] == pd.Timestamp("2024-01-02")
    assert found.problems["origin"].tolist() == [f"{folder / 'manifest.csv'} line 4"]
    assert "missing.txt" in found.problems["problem"].iloc[0]


def test_bad_rows_raise_naming_file_and_row_or_are_skipped_and_listed(tmp_path):
    table = tmp_path / "pieces.csv"
    pd.DataFrame({"id": ["p1", "p2", "p3", "p4"], "outlet": ["A", "B", "A", "B"],
                  "date": ["2024-01-01", "2024-01-02", "not a date", "2024-02-01"],
                  "text": [LOADED, "", PLAIN, PLAIN]}).to_csv(table, index=False)
    with pytest.raises(ta.ToneAnalysisError, match=r"pieces.csv row 2: no text in 'text' \(and 1 more"):
        score_corpus(table)
    with pytest.warns(UserWarning, match="skipped 2 bad rows"):
        corpus = score_corpus(table, errors="skip")
    assert corpus.articles["article"].tolist() == ["p1", "p4"]
    assert corpus.skipped[["article", "origin"]].values.tolist() == [
        ["p2", f"{table} row 2"], ["p3", f"{table} row 3"]]
    assert "'not a date' is not a date" in corpus.skipped["problem"].iloc[1]


def test_an_unreadable_file_is_reported_by_name(tmp_path):
    folder = write_folder(tmp_path, None)
    (folder / "d.txt").write_bytes(b"\x00\x01binary")
    with pytest.warns(UserWarning, match="skipped 1 bad rows"):
        corpus = score_corpus(folder, errors="skip")
    assert corpus.skipped["article"].tolist() == ["d.txt"] and "binary" in corpus.skipped["problem"].iloc[0]
    assert len(corpus.articles) == 3


@pytest.mark.parametrize("kind", ["frame", "jsonl", "parquet"])
def test_tables_of_every_kind_give_the_same_article_table(tmp_path, kind):
    frame = pd.DataFrame({"id": ["x", "y"], "outlet": ["A", "B"], "text": [LOADED, PLAIN]})
    source = frame
    if kind == "jsonl":
        source = tmp_path / "c.jsonl"
        frame.to_json(source, orient="records", lines=True)
    elif kind == "parquet":
        source = tmp_path / "c.parquet"
        frame.to_parquet(source)
    articles = score_corpus(source).articles
    assert articles["article"].tolist() == ["x", "y"] and articles["outlet"].tolist() == ["A", "B"]
    assert articles["loaded_count"].tolist() == [3, 0]


def test_the_article_table_is_piece_measures_and_the_tables_carry_the_key(demo_corpus):
    corpus = demo_corpus
    assert len(corpus.articles) == 15 and corpus.skipped.empty
    assert set(corpus.articles["outlet"]) == {"Daily Clarion", "Morning Ledger", "Central Wire"}
    row = corpus.articles.set_index("article").loc["clarion_budget.txt"]
    expected = ta.piece_measures(DEMO / "clarion_budget.txt")
    for name, value in expected.items():
        assert (math.isnan(value) and math.isnan(row[name])) or row[name] == pytest.approx(value), name
    paragraphs = corpus.paragraphs[corpus.paragraphs["article"] == "clarion_budget.txt"]
    # The same table, keyed by the article; its metadata is in the article table, once.
    single = ta.score_paragraphs(DEMO / "clarion_budget.txt").drop(columns=METADATA_COLUMNS)
    assert paragraphs.drop(columns=["article", "content_hash"]).reset_index(drop=True).equals(single)
    hits = corpus.hits[corpus.hits["article"] == "clarion_budget.txt"]
    assert hits["term"].tolist() == ta.find_loaded_terms(DEMO / "clarion_budget.txt")["term"].tolist()
    assert row["loaded_count"] == len(hits[hits["role"] == "paragraph"])


def test_parquet_resumes_and_nothing_is_scored_twice(tmp_path, monkeypatch):
    folder = write_folder(tmp_path, None)
    out = tmp_path / "scored"
    first = score_corpus(folder, out=out, batch_size=1)
    assert (first.n_scored, first.n_reused) == (3, 0)
    assert len(Store(out).parts("articles")) == 3
    again = score_corpus(folder, out=out)
    assert (again.n_scored, again.n_reused) == (0, 3)
    assert again.articles.equals(first.articles)
    assert again.paragraphs.equals(first.paragraphs) and again.hits.equals(first.hits)
    # A changed file is scored again; the others are not.
    (folder / "b.txt").write_text(LOADED.replace("jobs in", "posts in"))
    changed = score_corpus(folder, out=out)
    assert (changed.n_scored, changed.n_reused) == (1, 2)
    assert changed.articles.set_index("article").loc["b.txt", "loaded_count"] == 3
    # Another lexicon is another scoring.
    lexicon = {"union": {"category": "loaded_noun", "weight": 1, "framing": "negative", "neutral": "union"}}
    assert score_corpus(folder, out=out, lexicon=lexicon).n_scored == 3


def test_a_scoring_made_by_other_code_is_not_reused(tmp_path, monkeypatch):
    # A refitted loaded_p or a changed rule gives other numbers for the same file: stored rows made
    # by other code (another version of the package or of a scoring library) must not be mixed in.
    folder = write_folder(tmp_path, None)
    out = tmp_path / "scored"
    assert score_corpus(folder, out=out).n_scored == 3
    assert score_corpus(folder, out=out).n_reused == 3
    monkeypatch.setattr(scoring_module, "code_fingerprint", lambda: "another version")
    upgraded = score_corpus(folder, out=out)
    assert (upgraded.n_scored, upgraded.n_reused) == (3, 0)


def test_the_code_fingerprint_reads_the_package_sources(tmp_path):
    (tmp_path / "analyse").mkdir()
    (tmp_path / "analyse" / "loaded.py").write_text("INTERCEPT = 2.046\n")
    (tmp_path / "notes.txt").write_text("not code")
    before = scoring_module.sources_fingerprint(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code")
    assert scoring_module.sources_fingerprint(tmp_path) == before
    (tmp_path / "analyse" / "loaded.py").write_text("INTERCEPT = 2.047\n")
    assert scoring_module.sources_fingerprint(tmp_path) != before
    assert scoring_module.code_fingerprint() == scoring_module.sources_fingerprint(
        Path(scoring_module.__file__).resolve().parent.parent)


def test_an_interrupted_run_picks_up_where_it_stopped(tmp_path, monkeypatch):
    folder = write_folder(tmp_path, None)
    out = tmp_path / "scored"
    real = scoring_module.score_items
    calls = []

    def dies_on_the_second_task(items, lex=None):
        calls.append(len(items))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(items, lex)

    monkeypatch.setattr(scoring_module, "score_items", dies_on_the_second_task)
    monkeypatch.setattr(scoring_module, "ARTICLES_PER_TASK", 1)
    with pytest.raises(KeyboardInterrupt):
        score_corpus(folder, out=out, batch_size=1)
    monkeypatch.setattr(scoring_module, "score_items", real)
    # What the first run finished is kept; a part left half-written is removed on reopening.
    (out / "paragraphs" / "part-000099.parquet").write_bytes(b"half a batch")
    resumed = score_corpus(folder, out=out)
    assert (resumed.n_scored, resumed.n_reused) == (2, 1)
    assert not (out / "paragraphs" / "part-000099.parquet").exists()
    assert resumed.articles.drop(columns="content_hash").equals(
        score_corpus(folder).articles.drop(columns="content_hash"))


def test_the_parquet_folder_reads_back_with_pandas_and_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "scored"
    corpus = score_corpus(DEMO, out=out, batch_size=4)
    articles = pd.read_parquet(out / "articles")
    assert sorted(articles["article"]) == sorted(corpus.articles["article"])
    assert set(MEASURE_COLUMNS) <= set(articles.columns)
    query = (f"SELECT outlet, count(*) AS n, sum(loaded_count) AS hits "
             f"FROM read_parquet('{out}/articles/*.parquet', union_by_name=true) GROUP BY outlet ORDER BY outlet")
    rows = duckdb.sql(query).fetchall()
    expected = corpus.articles.groupby("outlet")["loaded_count"].agg(["count", "sum"])
    assert rows == [(o, int(n), int(s)) for o, (n, s) in expected.iterrows()]
    joined = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/hits/*.parquet') h JOIN "
                        f"read_parquet('{out}/articles/*.parquet', union_by_name=true) a USING (content_hash)")
    assert joined.fetchall() == [(len(corpus.hits),)]


def test_on_two_cores_the_tables_are_the_same(tmp_path):
    folder = write_folder(tmp_path, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        one = score_corpus(folder)
        two = score_corpus(folder, n_jobs=2, batch_size=2)
    assert one.articles.equals(two.articles) and one.paragraphs.equals(two.paragraphs)


def test_a_basil_layout_reads_as_a_table(tmp_path):
    # BASIL's layout with sentences written here: articles/YEAR/UUID_N.json, paragraphs as lists of sentences.
    for n, (source, words) in enumerate([("fox", "The shameless plan was a disaster."), ("NYT", "The plan failed.")]):
        folder = tmp_path / "articles" / "2012"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"e1_{n}.json").write_text(json.dumps({
            "source": source, "title": "A plan", "date": "2012-05-01", "triplet-uuid": "e1",
            "body-paragraphs": [[words, "It was voted down."], [], ["Officials said so."]]}))
    table = read_basil(tmp_path)
    assert table["outlet"].tolist() == ["Fox News", "New York Times"] and set(table["event"]) == {"e1"}
    assert table["text"].iloc[0] == ("A plan\n\nThe shameless plan was a disaster. It was voted down.\n\n"
                                     "Officials said so.")
    corpus = score_corpus(table)
    assert corpus.articles.set_index("article").loc["e1_0", "loaded_count"] == 2
    (tmp_path / "articles" / "2012" / "e1_1.json").write_text("{}")
    with pytest.raises(ta.ToneAnalysisError, match=r"e1_1\.json: not a BASIL article"):
        read_basil(tmp_path)


def test_the_page_fills_what_the_manifest_leaves_out(tmp_path):
    page = ("<html><head><meta property='og:site_name' content='Harbour Herald'>"
            "<meta property='article:published_time' content='2025-03-04'></head><body><article>"
            "<h1>Ferry fares rise</h1><p>The ferry company said fares would rise by a tenth.</p>"
            "<p>Passengers said the rise was steep.</p></article></body></html>")
    (tmp_path / "herald.html").write_text(page, encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Fares rise\n\nFares will rise, the company said.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\nherald.html,\nwire.txt,Central Wire\n", encoding="utf-8")
    articles = score_corpus(tmp_path).articles.set_index("article")
    assert articles.loc["herald.html", "outlet"] == "Harbour Herald"  # from the page: the manifest is blank
    assert articles.loc["wire.txt", "outlet"] == "Central Wire"       # the manifest's own
    assert articles.loc["herald.html", "date"] == pd.Timestamp("2025-03-04")
