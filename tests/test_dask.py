"""Scoring on a dask.distributed cluster gives exactly the in-process scores; dask stays optional."""


import pandas as pd
import pytest
from conftest import DEMO_CORPUS

import toneanalysis as ta

CUSTOM = {"pyongyang": {"category": "loaded_noun", "weight": 2, "framing": "negative", "neutral": "the capital"}}


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    # Two worker processes: the lexicon and the scorer really cross a process boundary.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def texts(sample):
    return [b.text for b in sample.scored_blocks()] + ["", "Tyrants met."]


@pytest.mark.slow  # a local cluster of worker processes
def test_bag_on_a_cluster_equals_score_texts(client, texts):
    import dask.bag as db

    from toneanalysis.dask import score_dask

    # The custom lexicon first, on fresh workers: had a worker compiled the default lexicon before,
    # its vocabulary would know the matcher's keys and hide a wrongly shipped (compiled) matcher.
    custom = ta.load_lexicon(CUSTOM)
    ta.score_texts(["Pyongyang."], lexicon=custom)  # a compiled matcher must not be what is shipped
    rows = score_dask(db.from_sequence(texts, npartitions=3), lexicon=custom).compute()
    assert sum("Pyongyang" in r["loaded_terms"] for r in rows) >= 2  # a term only the custom lexicon has
    pd.testing.assert_frame_equal(pd.DataFrame(rows), ta.score_texts(texts, lexicon=custom))
    rows = score_dask(db.from_sequence(texts, npartitions=4)).compute()
    assert len(rows) == len(texts)
    pd.testing.assert_frame_equal(pd.DataFrame(rows), ta.score_texts(texts))


@pytest.mark.slow
def test_dataframe_on_a_cluster_equals_score_texts(client, texts):
    import dask.dataframe as dd

    from toneanalysis.dask import score_dask

    frame = pd.DataFrame({"body": texts + [None], "n": range(len(texts) + 1)}, index=range(50, 51 + len(texts)))
    scores = score_dask(dd.from_pandas(frame, npartitions=4), column="body").compute()
    pd.testing.assert_frame_equal(scores, ta.score_texts(frame["body"]), check_index_type=False)


def test_bad_input_is_named():
    from toneanalysis.dask import score_dask

    with pytest.raises(ta.ToneAnalysisError, match="for pandas use score_texts"):
        score_dask(pd.Series(["a"]))


@pytest.mark.slow
def test_the_article_table_on_a_cluster_equals_score_corpus(client, demo_corpus):
    import dask.dataframe as dd

    from toneanalysis.dask import corpus_dask

    # The demo corpus as a table: text and metadata columns, keyed by file name.
    items = demo_corpus.articles[["article", "outlet", "event", "date"]].rename(columns={"article": "id"})
    items["text"] = [(DEMO_CORPUS / name).read_text(encoding="utf-8") for name in items["id"]]
    local = ta.score_corpus(items)
    distributed = corpus_dask(dd.from_pandas(items, npartitions=4)).compute()
    distributed = distributed.sort_values("article").reset_index(drop=True)
    local_articles = local.articles.sort_values("article").reset_index(drop=True)
    # Row origins name the partition's rows, not the whole table's; everything else is the same (text
    # columns may come back as object or as pandas strings, as Dask converts them).
    pd.testing.assert_frame_equal(distributed.drop(columns="origin"), local_articles.drop(columns="origin"),
                                  check_dtype=False, check_exact=True)
    assert ta.compare_groups(distributed, reference="Central Wire", n_boot=200, n_perm=200).equals(
        ta.compare_groups(local, reference="Central Wire", n_boot=200, n_perm=200))
    # The measures are those of the files themselves.
    by_file = demo_corpus.articles.set_index("article")
    assert distributed.set_index("article")["tone"].to_dict() == pytest.approx(by_file["tone"].to_dict())
