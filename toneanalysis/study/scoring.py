"""Score a corpus once: the article table (one row per article), and its paragraph and hit tables.

`score_corpus(source, out=FOLDER)` reads the corpus (`sources.read_corpus`), scores each article
the way a single piece is scored (`analyse`; the rows of `score_paragraphs` and `find_loaded_terms`,
`tables.paragraph_columns` and `hit_rows`; its measures from `measure.measures`, the one definition,
`pieces_measures`), a few articles to a table, on `n_jobs` processes through the streaming
pool of `corpus.ordered_map`, and keeps the tables in memory or, with `out=`, as Parquet parts
written batch by batch (`store.Store`): memory holds one batch, an interrupted run resumes, and an
article whose text (file bytes) and lexicon were scored before is not scored again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .. import lexicon as lexicon_module
from ..analyse import analyse
from ..analyse.tables import HIT_COLUMNS, PARAGRAPH_COLUMNS, hit_rows, paragraph_columns, paragraph_frame
from ..corpus import chunked, ordered_map, resolve_jobs, worker_lexicon
from ..errors import ToneAnalysisError
from ..load import article_from_text, load_article
from ..load.url import is_url
from ..measure.measures import BODY, MEASURES, pieces_measures
from .sources import PROBLEM_COLUMNS, CorpusSource, read_corpus
from .store import Store

SCHEMA = "toneanalysis-corpus-1"  # part of every content hash: a change of what is stored rescores all
# Libraries whose answers are part of a score (sentences, sentiment, word forms and frequencies).
SCORING_LIBRARIES = ("spacy", "vaderSentiment", "textblob", "lemminflect", "wordfreq")
MEASURE_COLUMNS = [m.name for m in MEASURES] + ["headline_tone", "caption_tone", "n_paragraphs", "n_words",
                                                "loaded_count"]
KEYS = ["article", "content_hash"]
ARTICLES_PER_TASK = 8  # the smallest task; a task's tables cost ~4 ms to make whatever its size
MOST_ARTICLES_PER_TASK = 64
BATCH = 256  # articles per Parquet part

_FINGERPRINTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# Metadata a page gives of itself (`load.metadata`), filling what the manifest leaves out.
PAGE_METADATA = ("outlet", "date", "url")


def lexicon_fingerprint(lex: lexicon_module.Lexicon) -> str:
    """A digest of the lexicon's entries: the same entries, the same fingerprint, wherever they came from."""
    cached = _FINGERPRINTS.get(lex)
    if cached is None:
        data = lex.entries.to_csv(index=False).encode("utf-8")
        cached = _FINGERPRINTS[lex] = hashlib.sha256(data).hexdigest()
    return cached


@functools.cache
def code_fingerprint() -> str:
    """A digest of the code that scores: the package's own sources (its models' coefficients are in
    them) and the versions of `SCORING_LIBRARIES`. A refitted model or a changed rule gives other
    numbers for the same text, so a stored scoring made by other code is not reused."""
    return sources_fingerprint(Path(__file__).resolve().parent.parent)


def sources_fingerprint(package: Path) -> str:
    """`code_fingerprint` of the package in a folder."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in SCORING_LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.hexdigest()


def content_hash(item: dict, fingerprint: str) -> str:
    """What identifies a scoring: the file's bytes (or the text), the lexicon, the code that scores
    (`code_fingerprint`) and the stored schema."""
    digest = hashlib.sha256(f"{SCHEMA}\0{fingerprint}\0{code_fingerprint()}\0".encode())
    if isinstance(item.get("path"), str) and is_url(item["path"]):
        # A page is fetched once, when it is scored: its address (and the lexicon) identify the scoring.
        digest.update(b"url\0" + item["path"].encode("utf-8"))
    elif isinstance(item.get("path"), str):
        try:
            with open(item["path"], "rb") as file:
                digest.update(b"file\0" + file.read())
        except OSError as error:
            digest.update(f"unreadable\0{item['path']}\0{error}".encode())
    else:
        digest.update(b"text\0" + item["text"].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _analysed(item: dict, lex):
    if isinstance(item.get("path"), str):
        return analyse(load_article(item["path"]), lexicon=lex)
    return analyse(article_from_text(item["text"], source=item["article"]), lexicon=lex)


def score_items(items: list[dict], lex=None) -> tuple[list[dict], pd.DataFrame, pd.DataFrame, list[dict]]:
    """Score a few articles (a task of the pool): their rows of the article table, and their paragraph
    and hit tables, keyed; a problem with one is reported, naming it, not raised.

    The articles' paragraph columns are stacked and made one table, whose measures are computed
    piece by piece (`pieces_measures`): a DataFrame per article cost more than scoring it.
    """
    lex = worker_lexicon(lex)
    rows, stacked, sizes, hits, problems = [], {}, [], [], []
    for item in items:
        try:
            analysed = _analysed(item, lex)
            columns = paragraph_columns(analysed)
            found = hit_rows(analysed)
        except ToneAnalysisError as error:
            problems.append({"article": item["article"], "origin": item["origin"], "problem": str(error)})
            continue
        except Exception as error:  # anything else (a page that trips the HTML parser...): named, not fatal
            problems.append({"article": item["article"], "origin": item["origin"],
                             "problem": f"{type(error).__name__}: {error}"})
            continue
        key = (item["article"], item["content_hash"])
        n = len(columns["block"])
        # The article table carries the metadata (the manifest's, filled from the page's): the paragraph
        # and hit tables carry the article's key instead of a copy that could disagree with it.
        for name, values in {KEYS[0]: [key[0]] * n, KEYS[1]: [key[1]] * n, **columns}.items():
            stacked.setdefault(name, []).extend(values)
        sizes.append(n)
        hits += [(*key, *hit) for hit in found]
        meta = analysed.article.metadata
        body_loaded = sum(c for c, role in zip(columns["loaded_count"], columns["role"]) if role == BODY)
        page = {f"page_{name}": getattr(meta, name) for name in PAGE_METADATA}
        rows.append(({"article": key[0], "content_hash": key[1], "headline": analysed.headline},
                     {"loaded_count": int(body_loaded), **page}))
    hit_table = pd.DataFrame(hits, columns=KEYS + HIT_COLUMNS)
    if not rows:
        return [], pd.DataFrame(columns=KEYS + PARAGRAPH_COLUMNS), hit_table, problems
    paragraphs = paragraph_frame(stacked)
    measures = pieces_measures(paragraphs, sizes)
    articles = [{**head, **values, **tail} for (head, tail), values in zip(rows, measures)]
    return articles, paragraphs, hit_table, problems


def task_size(n_articles: int, workers: int, batch_size: int) -> int:
    """Articles per task: ARTICLES_PER_TASK doubled, up to MOST_ARTICLES_PER_TASK, while every worker
    still gets four tasks or more (so the pool stays balanced), and never more than a batch. Making a
    task's tables has a fixed cost (the DataFrames, the measures' columns): on one core, 8-article
    tasks paid it 38 times for 300 articles, a few per cent of the run."""
    size = ARTICLES_PER_TASK
    while size < MOST_ARTICLES_PER_TASK and size * 2 * workers * 4 <= n_articles:
        size *= 2
    return min(size, batch_size)


def _page_dates(values: pd.Series) -> pd.Series:
    """Page dates ("2025-03-04T09:30:00+01:00") as the manifest's are read: naive datetimes, NaT if none."""
    parsed = pd.to_datetime(values.astype("string"), errors="coerce", format="mixed", utc=True)
    return parsed.dt.tz_localize(None).astype("datetime64[ns]")


def _fill_from_pages(articles: pd.DataFrame) -> pd.DataFrame:
    """The manifest's outlet, date and URL, and the page's own (`Article.metadata`) where it gives none."""
    for name in PAGE_METADATA:
        page = articles.pop(f"page_{name}")
        if name == "date":
            page = _page_dates(page)
            articles[name] = articles[name].fillna(page) if name in articles else page
            continue
        if name in articles:
            given = articles[name]
            filled = given.where(given.notna() & (given.astype(str).str.strip() != ""), page)
        else:
            filled = page
        # Missing is None however the table was kept (Parquet reads an empty text column back as NA).
        articles[name] = filled.astype(object).where(filled.notna(), None)
    return articles


class Corpus:
    """A scored corpus: `articles` (one row per article: `article`, `content_hash`, `origin`,
    metadata, `headline`, the measures), `paragraphs` and `hits` (keyed by `article`,
    `content_hash`), `skipped` (articles not scored: `article`, `origin`, `problem`), and where it
    is kept (`folder`, or None). `n_scored` were scored by this run, `n_reused` read from the folder.
    """

    def __init__(self, articles: pd.DataFrame, *, paragraphs=None, hits=None, store: Store | None = None,
                 skipped: pd.DataFrame | None = None, n_scored: int = 0, n_reused: int = 0, metadata=()):
        self.articles = articles
        self._tables = {"paragraphs": paragraphs, "hits": hits}
        self.store = store
        self.skipped = skipped if skipped is not None else pd.DataFrame(columns=PROBLEM_COLUMNS)
        self.n_scored, self.n_reused = n_scored, n_reused
        self.metadata = list(metadata)

    @property
    def folder(self):
        return None if self.store is None else self.store.folder

    def __repr__(self) -> str:
        return (f"Corpus({len(self.articles)} articles: {self.n_scored} scored, {self.n_reused} reused; "
                f"{len(self.skipped)} skipped; folder={str(self.folder) if self.folder else None})")

    def _table(self, name: str) -> pd.DataFrame:
        table = self._tables[name]
        if table is None:  # kept on disk: read on demand
            table = self.store.read(name, hashes=self.articles["content_hash"])
        keys = self.articles[KEYS]
        # The current keys (a file renamed, a text repeated under two keys): joined by content.
        table = table.drop(columns="article").merge(keys, on="content_hash", how="inner")
        return table[KEYS + [c for c in table.columns if c not in KEYS]]

    @property
    def paragraphs(self) -> pd.DataFrame:
        return self._table("paragraphs")

    @property
    def hits(self) -> pd.DataFrame:
        return self._table("hits")


def _batches(results: Iterator, size: int) -> Iterator[tuple[list, list, list, list, int]]:
    rows, paragraphs, hits, problems, done = [], [], [], [], 0
    for task, (r, p, h, q) in results:
        rows += r
        paragraphs.append(p)
        hits.append(h)
        problems += q
        done += len(task)
        if len(rows) >= size:
            yield rows, paragraphs, hits, problems, done
            rows, paragraphs, hits, problems, done = [], [], [], [], 0
    yield rows, paragraphs, hits, problems, done


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    # A task without hits has an empty table, whose untyped columns would make the others' object.
    return pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)


def _progress(enabled: bool, total: int):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", dynamic_ncols=True)


def score_corpus(source: CorpusSource, *, out: str | os.PathLike | None = None, text_column: str = "text",
                 id_column: str | None = None, manifest: str | os.PathLike | bool | None = None,
                 pattern: str = "*", lexicon: lexicon_module.LexiconLike = None, n_jobs: int = 1,
                 errors: str = "raise", progress: bool = False, batch_size: int = BATCH) -> Corpus:
    """Score every article of a corpus (a folder, a DataFrame, a CSV/JSONL/Parquet file; see
    `read_corpus`) into a `Corpus`: the article table, paragraph and hit tables, what was skipped.

    `out=FOLDER` keeps the tables there as Parquet, `batch_size` articles per part, and reuses what
    it holds (see `store`). A bad row (no text, unreadable file, bad date) raises `ToneAnalysisError`
    naming its file and row, unless `errors="skip"`: then `corpus.skipped` lists each one and a
    warning says how many. `n_jobs=-1` scores on every core; `progress=True` shows a bar on stderr.
    """
    if errors not in ("raise", "skip"):
        raise ToneAnalysisError(f"errors must be 'raise' or 'skip', got {errors!r}")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ToneAnalysisError(f"batch_size must be a positive whole number, got {batch_size!r}")
    found = read_corpus(source, text_column=text_column, id_column=id_column, manifest=manifest, pattern=pattern)
    problems = list(found.problems.to_dict("records"))

    def fail_on(new: list[dict]):
        if new and errors == "raise":
            first = new[0]
            raise ToneAnalysisError(f"{first['origin']}: {first['problem']}"
                                    + (f" (and {len(new) - 1} more bad rows)" if len(new) > 1 else "")
                                    + "; errors='skip' (--skip-errors) leaves them out and lists them")

    fail_on(problems)
    lex = lexicon_module.load_lexicon(lexicon)
    fingerprint = lexicon_fingerprint(lex)
    items = found.items.copy()
    items["content_hash"] = [content_hash(item, fingerprint) for item in items.to_dict("records")]
    store = None if out is None else Store(out)
    stored = store.hashes() if store else set()
    todo = items[~items["content_hash"].isin(stored)].drop_duplicates("content_hash")
    columns = [c for c in ("article", "origin", "path", "text", "content_hash") if c in todo]
    tasks = chunked(todo[columns].to_dict("records"), task_size(len(todo), resolve_jobs(n_jobs), batch_size))
    kept: dict[str, list] = {"articles": [], "paragraphs": [], "hits": []}
    metadata = items.drop(columns=[c for c in ("path", "text") if c in items])
    bar = _progress(progress, len(todo))
    n_scored = 0
    try:
        for rows, paragraphs, hits, new, done in _batches(ordered_map(score_items, tasks, lex, n_jobs=n_jobs),
                                                           batch_size):
            fail_on(new)
            problems += new
            n_scored += len(rows)
            if bar is not None:
                bar.update(done)
            if not rows:
                continue
            article_rows = pd.DataFrame(rows).merge(metadata.drop(columns="article"), on="content_hash", how="left")
            article_rows = article_rows.drop_duplicates("content_hash")
            tables = {"articles": article_rows, "paragraphs": _concat(paragraphs), "hits": _concat(hits)}
            if store:
                store.write(tables)
            else:
                for name, table in tables.items():
                    kept[name].append(table)
    finally:
        if bar is not None:
            bar.close()
    scored = ["content_hash", "headline", *MEASURE_COLUMNS, *(f"page_{name}" for name in PAGE_METADATA)]
    if store:
        measures = store.read("articles", columns=scored)
    else:
        measures = _concat(kept["articles"])[scored] if kept["articles"] else pd.DataFrame(columns=scored)
    failed = {p["origin"] for p in problems}
    articles = metadata[~metadata["origin"].isin(failed)].merge(
        measures.drop_duplicates("content_hash"), on="content_hash", how="inner")
    articles = _fill_from_pages(articles)
    articles = articles[KEYS + [c for c in articles.columns if c not in KEYS]].reset_index(drop=True)
    skipped = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    if len(skipped):
        warnings.warn(f"score_corpus: skipped {len(skipped)} bad rows (see corpus.skipped), first: "
                      f"{skipped['origin'].iloc[0]}: {skipped['problem'].iloc[0]}", stacklevel=2)
    if articles.empty:
        raise ToneAnalysisError(f"{source if not isinstance(source, pd.DataFrame) else 'DataFrame'}: "
                                f"no article could be scored ({len(skipped)} bad rows)")
    in_memory = {} if store else {name: _concat(kept[name]) if kept[name] else None for name in ("paragraphs", "hits")}
    return Corpus(articles, store=store, skipped=skipped, n_scored=n_scored,
                  n_reused=int(items["content_hash"].isin(stored).sum()), metadata=found.metadata, **in_memory)
