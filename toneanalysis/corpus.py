"""Corpus scale on one machine: score texts or a folder of articles on every core, streaming.

Input is consumed lazily in chunks and at most a few chunks per worker are in flight, so memory
holds the results plus a bounded window of input, however large the corpus. Workers run exactly
the in-process code (`analyse.engine.score_rows`, `score_paragraphs`), so the scores are
identical to `n_jobs=1`; results come back in input order.

>>> import toneanalysis as ta
>>> ta.score_texts(["Tyrants met.", "A calm meeting."], n_jobs=2)["loaded_count"].tolist()
[1, 0]
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from . import lexicon as lexicon_module
from .analyse import score_paragraphs
from .analyse.engine import SCORE_COLUMNS
from .analyse.engine import score_rows as engine_rows
from .analyse.sentiment import sentence_sentiment
from .analyse.verbs import table_for
from .errors import ToneAnalysisError
from .load import load_article
from .load.limits import check_paragraph
from .text import nlp

CHUNK_SIZE = 256  # texts per task: large enough that pickling is noise, small enough to balance
FILES_PER_TASK = 8
IN_FLIGHT_PER_WORKER = 2  # one chunk being scored, one queued, so no worker waits for the parent


def resolve_jobs(n_jobs: int) -> int:
    """Number of worker processes for `n_jobs` (joblib convention: -1 all cores, -2 all but one)."""
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0:
        raise ToneAnalysisError(f"n_jobs must be a non-zero integer (-1 for every core), got {n_jobs!r}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items, taken lazily from `items`."""
    if not isinstance(size, int) or size < 1:
        raise ToneAnalysisError(f"chunk_size must be a positive integer, got {size!r}")
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --- worker side -----------------------------------------------------------------------------
# Each worker process holds its own lexicon (compiled once, in the initializer).

_worker_lexicon = None


def _warm(lex) -> None:
    """Load what scoring needs (matcher, sentencizer, VADER and TextBlob lexicons, the attribution
    verbs, ~2 s cold).

    Called in the parent before the pool starts, so forked workers inherit it all for free;
    workers started by spawn/forkserver pay it once each, in the initializer.
    """
    _ = lex.matcher  # compiled on first use
    table_for(lex)
    nlp()
    sentence_sentiment("A good start.")


def portable(lex: lexicon_module.Lexicon):
    """The lexicon as another process should receive it: `None` for the default one (each process
    loads its own), else the lexicon, which pickles without its compiled matcher (`Lexicon.__getstate__`)."""
    default = lexicon_module.default_lexicon
    if default.cache_info().currsize and lex is default():  # never loads the default just to compare
        return None
    return lex


def _init_worker(lex) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon_module.default_lexicon() if lex is None else lex
    _warm(_worker_lexicon)


def worker_lexicon(lex=None):
    """`lex`, or in a worker process of `ordered_map` (where a task gets no lexicon), the worker's own."""
    return _worker_lexicon if lex is None else lex


def _score_chunk(texts: list[str], lex=None) -> list[dict]:
    return list(engine_rows(texts, _worker_lexicon if lex is None else lex))


def _score_files(task: tuple[Path, list[str], str], lex=None) -> tuple[pd.DataFrame | None, list[tuple[str, str]]]:
    """Score a few files; return their paragraph rows and (file, problem) for each one that failed."""
    folder, names, errors = task
    lex = _worker_lexicon if lex is None else lex
    frames, failed = [], []
    for name in names:
        try:
            table = score_paragraphs(load_article(folder / name), lexicon=lex)
        except ToneAnalysisError as error:  # load_article's own message names the file
            if errors == "raise":
                raise
            failed.append((name, str(error)))
            continue
        except Exception as error:  # anything else (a page that trips the HTML parser...): name the file
            problem = f"{folder / name}: {type(error).__name__}: {error}"
            if errors == "raise":
                raise ToneAnalysisError(problem) from error
            failed.append((name, problem))
            continue
        table.insert(0, "file", name)
        frames.append(table)
    return (pd.concat(frames, ignore_index=True) if frames else None), failed


# --- parent side -----------------------------------------------------------------------------

def ordered_map(function: Callable, tasks: Iterable, lex, *, n_jobs: int) -> Iterator[tuple]:
    """(task, `function(task)`) for each task, in order, on `n_jobs` worker processes (in-process for 1).

    Tasks are drawn from `tasks` only as workers free up: at most IN_FLIGHT_PER_WORKER per worker.
    """
    workers = resolve_jobs(n_jobs)
    if workers == 1:
        for task in tasks:
            yield task, function(task, lex)
        return
    tasks = iter(tasks)
    _warm(lex)
    # Forked workers inherit the warm lexicon as it is; spawned ones (macOS, Windows) get it portable.
    shipped = lex if multiprocessing.get_start_method() == "fork" else portable(lex)
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(shipped,)) as pool:
        pending: deque = deque()
        try:
            for task in itertools.islice(tasks, workers * IN_FLIGHT_PER_WORKER):
                pending.append((task, pool.submit(function, task)))
            while pending:
                task, future = pending.popleft()
                result = future.result()
                for new in itertools.islice(tasks, 1):
                    pending.append((new, pool.submit(function, new)))
                yield task, result
        finally:
            for _, future in pending:  # an error or an abandoned generator: drop queued work
                future.cancel()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(*, enabled: bool, total: int | None, unit: str):
    """A tqdm bar on stderr counting finished items (not submitted ones), or a bar that does nothing."""
    if not enabled:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=unit, dynamic_ncols=True)


def score_rows(texts: Iterable[str], lex, *, n_jobs: int = 1, chunk_size: int = CHUNK_SIZE,
               progress: bool = False, total: int | None = None) -> Iterator[dict]:
    """The score columns of each text as a dict, lazily and in order (the engine of `score_texts`)."""
    bar = _progress_bar(enabled=progress, total=total, unit="text")
    try:
        for _, rows in ordered_map(_score_chunk, chunked(texts, chunk_size), lex, n_jobs=n_jobs):
            bar.update(len(rows))
            yield from rows
    finally:
        bar.close()


def article_files(folder, pattern: str = "*") -> list[str]:
    """Names (relative to `folder`, sorted) of the entries matching `pattern` that are not folders; hidden
    ones are left out. Pipes, devices, dangling symlinks and symlink loops are listed too, so that
    scoring names each as skipped (or fails on it) instead of passing over it in silence."""
    root = Path(folder)
    if not root.is_dir():
        raise ToneAnalysisError(f"{root}: no such folder" if not root.exists() else f"{root}: is a file, not a folder")
    if not pattern or Path(pattern).is_absolute() or ".." in Path(pattern).parts:
        raise ToneAnalysisError(f"pattern {pattern!r}: a pattern relative to the folder is needed ('*.txt', "
                                f"'**/*.html'), not an absolute path or one leading out of {root}")
    try:
        found = list(root.glob(pattern))
    except (ValueError, NotImplementedError, OSError) as error:
        raise ToneAnalysisError(f"pattern {pattern!r}: {error}") from None
    names = sorted(
        str(p.relative_to(root)) for p in found
        if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    if not names:
        raise ToneAnalysisError(f"{root}: no files match {pattern!r}")
    return names


def score_folder(folder: str | os.PathLike, *, pattern: str = "*", n_jobs: int = 1, progress: bool = False,
                 lexicon: lexicon_module.LexiconLike = None,
                 errors: str = "raise") -> pd.DataFrame:
    """Score every article file in a folder: one row per scored block, with a `file` column first.

    The columns after `file` are those of `score_paragraphs`. `pattern` is a glob relative to the
    folder (`"*.txt"`, `"**/*.html"` to recurse); hidden files are skipped; files are read in
    sorted order. `n_jobs=-1` uses every core. A file that cannot be scored (missing, empty,
    binary, no article text) raises `ToneAnalysisError` naming it, unless `errors="skip"`: then it
    is left out, a warning says how many were, and `table.attrs["skipped"]` maps each skipped file
    to the reason, so a long run is not lost to one bad file and no file vanishes unannounced.
    """
    if errors not in ("raise", "skip"):
        raise ToneAnalysisError(f"errors must be 'raise' or 'skip', got {errors!r}")
    root = Path(folder)
    names = article_files(root, pattern)
    lex = lexicon_module.load_lexicon(lexicon)
    tasks = ((root, chunk, errors) for chunk in chunked(names, FILES_PER_TASK))
    frames, skipped = [], {}
    bar = _progress_bar(enabled=progress, total=len(names), unit="file")
    try:
        for (_, chunk, _), (frame, failed) in ordered_map(_score_files, tasks, lex, n_jobs=n_jobs):
            bar.update(len(chunk))
            if frame is not None:
                frames.append(frame)
            skipped.update(failed)
    finally:
        bar.close()
    if not frames:
        raise ToneAnalysisError(f"{root}: none of the {len(names)} files matching {pattern!r} could be scored")
    table = pd.concat(frames, ignore_index=True)
    table.attrs["skipped"] = skipped
    if skipped:
        warnings.warn(f"score_folder: skipped {len(skipped)} of {len(names)} files that could not be scored "
                      f"(see table.attrs['skipped']), first: {next(iter(skipped.values()))}", stacklevel=2)
    return table


def _checked_texts(texts) -> Iterator[str]:
    for i, text in enumerate(texts):
        if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA or text is pd.NaT:
            yield ""
        elif isinstance(text, str):
            check_paragraph(text, f"score_texts: item {i}")
            yield text
        else:
            raise ToneAnalysisError(f"score_texts: item {i} is a {type(text).__name__} ({text!r:.60}), not text")


def score_texts(texts: Iterable[str | None], *, lexicon: lexicon_module.LexiconLike = None, n_jobs: int = 1,
                progress: bool = False, chunk_size: int = CHUNK_SIZE) -> pd.DataFrame:
    """The paragraph score columns for each text of a list or pandas Series (a corpus column).

    Each text is scored as one paragraph. None/NaN score as empty (zero words, NaN sentiment);
    anything else that is not a str raises `ToneAnalysisError` naming the item. A Series keeps its index.
    Any iterable of texts works (a generator is consumed lazily, `chunk_size` texts at a time);
    `n_jobs=-1` scores on every core with the same results; `progress=True` shows a tqdm bar on stderr.

    >>> score_texts(["Tyrants met.", None])[["n_words", "loaded_count"]].to_dict("records")
    [{'n_words': 2, 'loaded_count': 1}, {'n_words': 0, 'loaded_count': 0}]
    """
    if isinstance(texts, str):
        raise ToneAnalysisError("score_texts takes a list or Series of texts; for one text use score_paragraphs")
    if isinstance(texts, (bytes, bytearray, memoryview)):
        raise ToneAnalysisError("score_texts takes a list or Series of texts (str), got bytes: decode them first, "
                                "or use load_article for a file")
    if isinstance(texts, pd.DataFrame):
        column = str(next(iter(texts.columns), "text"))
        raise ToneAnalysisError("score_texts takes a list or Series of texts, got a DataFrame (it would score its "
                                f"column names): pass one column, e.g. frame[{column!r}]")
    if texts is None or isinstance(texts, (Mapping, set, frozenset)) or not isinstance(texts, Iterable):
        raise ToneAnalysisError(f"score_texts takes a list or Series of texts, got {type(texts).__name__}")
    lex = lexicon_module.load_lexicon(lexicon)
    index = texts.index if isinstance(texts, pd.Series) else None
    total = len(texts) if hasattr(texts, "__len__") else None
    rows = list(score_rows(_checked_texts(texts), lex, n_jobs=n_jobs, chunk_size=chunk_size, progress=progress,
                           total=total))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS, index=index)
