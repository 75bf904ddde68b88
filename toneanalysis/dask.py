"""Scoring beyond one machine: `score_texts` on a Dask DataFrame, Series or bag, partition by partition.

Each partition is scored by `score_texts` on whichever worker holds it, so the scores are exactly
those of the in-process path. Needs the optional dependencies (`pip install toneanalysis[dask]`);
this module is the only one that imports dask, and `import toneanalysis` does not import it.

    import dask.dataframe as dd
    from dask.distributed import Client
    from toneanalysis.dask import score_dask

    client = Client("scheduler-address:8786")        # or LocalCluster() on one machine
    articles = dd.read_parquet("corpus/*.parquet")
    scores = score_dask(articles, column="body")     # lazy: a Dask DataFrame, same index and partitions
    articles.join(scores).to_parquet("scored/")      # or scores.compute() for a pandas DataFrame

    table = corpus_dask(articles, text_column="body", id_column="id")  # the article table of score_corpus
    ta.compare_groups(table.compute(), by="outlet")                     # compared as in-process
"""

from __future__ import annotations

import functools
import sys

import pandas as pd

from . import lexicon as lexicon_module
from .corpus import portable, score_texts
from .errors import ToneAnalysisError
from .study import score_corpus


@functools.lru_cache(maxsize=1)
def score_meta() -> pd.DataFrame:
    """An empty frame with the columns and dtypes `score_texts` returns (Dask's `meta`).

    Taken from a real call rather than written out, so it follows any column the scorer gains.
    """
    return score_texts(["A short text."]).iloc[:0]


def _score_partition(texts: pd.Series, lexicon, meta: pd.DataFrame) -> pd.DataFrame:
    if len(texts) == 0:
        return meta.set_axis(texts.index[:0])
    return score_texts(texts, lexicon=lexicon)


def _score_bag_partition(texts, lexicon) -> list[dict]:
    return score_texts(list(texts), lexicon=lexicon).to_dict("records")


def score_dask(data, column: str = "text", *, lexicon=None):
    """Score each text of a Dask DataFrame column, Series or bag of strings, lazily.

    A DataFrame (scores `data[column]`) or Series gives a Dask DataFrame of the `score_texts`
    columns with the same index and partitions, ready to `join` back; a bag gives a bag of dicts,
    one per text. A `lexicon` (Lexicon, CSV path, dict...) is loaded here, once, and shipped to
    the workers as one shared graph key; by default each worker uses its own default lexicon.
    """
    import dask
    import dask.bag

    lex = None if lexicon is None else dask.delayed(portable(lexicon_module.load_lexicon(lexicon)), pure=False)
    if isinstance(data, dask.bag.Bag):
        return data.map_partitions(_score_bag_partition, lex)
    # Not imported here: dask.dataframe needs pyarrow, and a caller holding a Dask DataFrame has imported it.
    dd = sys.modules.get("dask.dataframe")
    if dd is not None and isinstance(data, dd.DataFrame):
        if column not in data.columns:
            raise ToneAnalysisError(f"score_dask: no column {column!r}; the columns are {list(data.columns)}")
        data = data[column]
    if dd is None or not isinstance(data, dd.Series):
        raise ToneAnalysisError(
            f"score_dask takes a Dask DataFrame, Series or bag, got {type(data).__name__}; for pandas use score_texts")
    meta = score_meta().copy()
    return data.map_partitions(_score_partition, lex, meta, meta=meta)


def _article_partition(frame: pd.DataFrame, text_column: str, id_column: str | None, lexicon,
                       meta: pd.DataFrame) -> pd.DataFrame:
    if len(frame) == 0:
        return meta
    if id_column is None:  # the Dask index is the key: unique across partitions, unlike row numbers
        frame = frame.assign(id=frame.index.astype(str))
    articles = score_corpus(frame, text_column=text_column, id_column=id_column or "id", lexicon=lexicon).articles
    return articles.astype(meta.dtypes.to_dict())


def corpus_dask(data, *, text_column: str = "text", id_column: str | None = None, lexicon=None):
    """The article table of `score_corpus` from a Dask DataFrame (a text column and metadata), lazily,
    partition by partition: each partition is scored by `score_corpus` on the worker that holds it.

    The key (`article`) is `id_column` (default: an `id` column when there is one), else the Dask
    index as text (unique across partitions, where row numbers are not). `compare_groups` takes
    the computed result as it takes `score_corpus(...).articles`. A bad row raises, naming its key.
    """
    dd = sys.modules.get("dask.dataframe")
    if dd is None or not isinstance(data, dd.DataFrame):
        raise ToneAnalysisError(f"corpus_dask takes a Dask DataFrame, got {type(data).__name__}; "
                                "for pandas use score_corpus")
    if text_column not in data.columns:
        raise ToneAnalysisError(f"corpus_dask: no column {text_column!r}; the columns are {list(data.columns)}")
    import dask

    if id_column is None and "id" in data.columns:  # as score_corpus keys a table
        id_column = "id"
    lex = None if lexicon is None else dask.delayed(portable(lexicon_module.load_lexicon(lexicon)), pure=False)
    # Dask's `meta`: the table of a one-article corpus with these columns, emptied.
    sample = data._meta.iloc[:0].reindex([0]).assign(**{text_column: "A short text."})
    if id_column is None:
        sample = sample.assign(id="0")
    meta = score_corpus(sample, text_column=text_column, id_column=id_column or "id",
                        lexicon=None if lexicon is None else lexicon_module.load_lexicon(lexicon)).articles.iloc[:0]
    return data.map_partitions(_article_partition, text_column, id_column, lex, meta, meta=meta)
