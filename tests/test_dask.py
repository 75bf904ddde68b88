"""Scoring on a dask.distributed cluster gives exactly the in-process scores; dask stays optional."""


import pandas as pd
import pytest

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
