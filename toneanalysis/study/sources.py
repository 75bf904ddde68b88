"""A corpus in: a folder of article files (with an optional manifest), or a table with a text column.

`read_corpus(source)` lists what is to be scored, one row per article, before anything is scored:

- a **folder** (text or HTML files; `pattern` chooses them): the key is the file name relative to
  the folder (column `file`); a manifest CSV (`manifest=`, or `manifest.csv` in the folder when
  there is one) gives metadata by `file` (`outlet`, `date`, `event`, and any other column, kept as
  it is). A file the manifest does not list is kept, with empty metadata; a manifest row naming
  no file is a problem;
- a **table**: a DataFrame, or a `.csv`, `.jsonl`/`.ndjson` or `.parquet` file, with a text
  column (`text_column`); every other column is metadata. The key is `id_column` (default: an
  `id` column when there is one, else the row number, from 1).

Bad rows (no text, a file that is not there, a date that is not a date, a repeated key) are not
dropped: they are listed in `problems` (one row each: `article`, `origin` naming the file and row,
`problem`), and `score_corpus` raises on them or, with `errors="skip"`, skips them and says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..corpus import article_files
from ..errors import ToneAnalysisError
from ..load.url import is_url

MANIFEST = "manifest.csv"
TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
PROBLEM_COLUMNS = ["article", "origin", "problem"]


class CorpusInput(NamedTuple):
    """What `read_corpus` found: `items` (one row per article to score: `article` key, `origin`,
    `path` or `text`, then the metadata columns) and `problems` (rows that cannot be scored)."""

    items: pd.DataFrame
    problems: pd.DataFrame
    metadata: list[str]


def _blank(value) -> bool:
    """None, NaN, NA, NaT or a blank string: nothing there."""
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is something
        return False


def _read_table(path: Path) -> pd.DataFrame:
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ToneAnalysisError(f"{path}: a corpus file is .csv, .jsonl or .parquet (or give a folder)")
    if not path.is_file():
        raise ToneAnalysisError(f"{path}: no such file")
    try:
        if kind == "csv":
            return pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""])
        if kind == "jsonl":
            return pd.read_json(path, lines=True, dtype=False)
        return pd.read_parquet(path)
    except Exception as error:  # the parser's own message, with the file named
        raise ToneAnalysisError(f"{path}: cannot be read as {kind} ({type(error).__name__}: {error})") from None


def _check_dates(items: pd.DataFrame, problems: list[dict], date_column: str) -> pd.DataFrame:
    """Parse `date_column` (when present); a value that is there but is not a date is a problem."""
    if date_column not in items:
        return items
    raw = items[date_column]
    parsed = pd.to_datetime(raw.astype("string"), errors="coerce", format="mixed")
    bad = parsed.isna() & ~raw.map(_blank)
    for _, row in items[bad].iterrows():
        problems.append({"article": row["article"], "origin": row["origin"],
                         "problem": f"{date_column} {row[date_column]!r} is not a date"})
    items = items[~bad].copy()
    items[date_column] = parsed[~bad].astype("datetime64[ns]")
    return items


def _from_urls(urls: list) -> tuple[pd.DataFrame, list[dict]]:
    """A list of http(s) URLs: each page is an article, fetched when it is scored (`load.url`); an
    item that is not a URL, or repeats one above it, is a problem named by its place in the list."""
    problems: list[dict] = []
    kept: list[str] = []
    for number, url in enumerate(urls, start=1):
        where = f"URL list item {number}"
        if not isinstance(url, str) or not is_url(url):
            problems.append({"article": str(url), "origin": where, "problem": "is not an http(s) URL"})
        elif url.strip() in kept:
            problems.append({"article": url, "origin": where, "problem": "repeats a URL listed above it"})
        else:
            kept.append(url.strip())
    items = pd.DataFrame({"article": kept, "origin": kept, "path": kept, "url": kept})
    return items, problems


def _from_folder(root: Path, pattern: str, manifest) -> tuple[pd.DataFrame, list[dict]]:
    problems: list[dict] = []
    if manifest is None and (root / MANIFEST).is_file():
        manifest = root / MANIFEST
    manifest_path = Path(manifest) if manifest else None
    names = [n for n in article_files(root, pattern)
             if manifest_path is None or (root / n).resolve() != manifest_path.resolve()]
    items = pd.DataFrame({"article": names, "origin": [str(root / n) for n in names],
                          "path": [str(root / n) for n in names], "file": names})
    if manifest_path is None:
        return items, problems
    table = _read_table(manifest_path)
    if "file" not in table:
        raise ToneAnalysisError(f"{manifest_path}: a manifest needs a 'file' column (found {list(table.columns)})")
    table = table.assign(_row=range(2, len(table) + 2))  # CSV lines: the header is line 1
    known = set(names)
    # Only the rows that name no file are walked: `iterrows` over every row of a long manifest cost more than
    # reading it.
    unknown = [_blank(name) or name not in known for name in table["file"]]
    for _, row in table[unknown].iterrows():
        problems.append({"article": row["file"], "origin": f"{manifest_path} line {row['_row']}",
                         "problem": f"names {row['file']!r}, which is not a file of {root} matching {pattern!r}"})
    repeated = table[table["file"].duplicated(keep="first") & table["file"].isin(known)]
    for _, row in repeated.iterrows():
        problems.append({"article": row["file"], "origin": f"{manifest_path} line {row['_row']}",
                         "problem": "repeats a file listed above it (the first row is used)"})
    table = table.drop_duplicates("file").drop(columns="_row")
    return items.merge(table, on="file", how="left"), problems


def _from_table(table: pd.DataFrame, where: str, text_column: str, id_column) -> tuple[pd.DataFrame, list[dict]]:
    if text_column not in table:
        raise ToneAnalysisError(f"{where}: no text column {text_column!r} (columns: {list(table.columns)}); "
                                "name it with text_column=")
    if id_column is None and "id" in table:
        id_column = "id"
    if id_column is not None and id_column not in table:
        raise ToneAnalysisError(f"{where}: no id column {id_column!r} (columns: {list(table.columns)})")
    table = table.reset_index(drop=True)
    rows = pd.Series(range(1, len(table) + 1))
    keys = table[id_column].astype(str) if id_column else rows.astype(str)
    items = table.drop(columns=[text_column]).assign(
        article=keys.to_numpy(), origin=[f"{where} row {n}" for n in rows], text=table[text_column].to_numpy())
    problems: list[dict] = []
    bad = []
    for i, (key, origin, text) in enumerate(zip(items["article"], items["origin"], items["text"])):
        if _blank(text):
            problems.append({"article": key, "origin": origin, "problem": f"no text in {text_column!r}"})
            bad.append(i)
        elif not isinstance(text, str):
            problems.append({"article": key, "origin": origin,
                             "problem": f"{text_column!r} is a {type(text).__name__}, not text"})
            bad.append(i)
    repeated = items["article"].duplicated(keep="first")
    for i in items.index[repeated]:
        if i not in bad:
            problems.append({"article": items.at[i, "article"], "origin": items.at[i, "origin"],
                             "problem": f"repeats the key {items.at[i, 'article']!r} of a row above it"})
            bad.append(i)
    return items.drop(index=bad), problems


CorpusSource = pd.DataFrame | str | os.PathLike | list | tuple


def read_corpus(source: CorpusSource, *, text_column: str = "text", id_column: str | None = None,
                manifest: str | os.PathLike | bool | None = None,
                pattern: str = "*", date_column: str = "date") -> CorpusInput:
    """The articles of a corpus, listed (not scored): a folder, a DataFrame, or a CSV/JSONL/Parquet file.

    See the module docstring. `manifest=False` ignores a `manifest.csv` in the folder.

    >>> found = read_corpus(pd.DataFrame({"text": ["A calm day.", None], "outlet": ["A", "B"]}))
    >>> found.items[["article", "outlet"]].values.tolist(), found.problems["problem"].tolist()
    ([['1', 'A']], ["no text in 'text'"])
    """
    if isinstance(source, pd.DataFrame):
        items, problems = _from_table(source, "DataFrame", text_column, id_column)
    elif isinstance(source, (list, tuple)):
        items, problems = _from_urls(list(source))
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            items, problems = _from_folder(path, pattern, manifest)
        else:
            items, problems = _from_table(_read_table(path), str(path), text_column, id_column)
    else:
        raise ToneAnalysisError(f"a corpus is a folder, a DataFrame, a .csv/.jsonl/.parquet file or a list of "
                                f"URLs, got {type(source).__name__}")
    items = _check_dates(items, problems, date_column)
    first = ["article", "origin", "path", "text"]
    metadata = [c for c in items.columns if c not in first]
    items = items[[c for c in first if c in items] + metadata].reset_index(drop=True)
    return CorpusInput(items, pd.DataFrame(problems, columns=PROBLEM_COLUMNS), metadata)


BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def read_basil(folder: str | os.PathLike) -> pd.DataFrame:
    """A corpus table from BASIL's layout (Fan et al. 2019: `articles/YEAR/UUID_N.json`), read in place.

    One row per article: `id` (the file's stem), `outlet` (Fox News, New York Times, HuffPost),
    `event` (the triplet's uuid), `date`, `text` (the title, then each paragraph's sentences joined,
    one paragraph per block), ready for `score_corpus`. The annotations are not read here.
    """
    root = Path(folder)
    paths = sorted(root.glob("articles/*/*.json"))
    if not paths:
        raise ToneAnalysisError(f"{root}: no BASIL articles (articles/YEAR/*.json) here")
    rows = []
    for path in paths:
        try:
            item = json.loads(path.read_text(encoding="utf-8"))
            paragraphs = [" ".join(sentences) for sentences in item["body-paragraphs"] if sentences]
            rows.append({"id": path.stem, "outlet": BASIL_OUTLETS.get(item["source"].lower(), item["source"]),
                         "event": item["triplet-uuid"], "date": item["date"],
                         "text": item["title"].strip() + "\n\n" + "\n\n".join(paragraphs)})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise ToneAnalysisError(f"{path}: not a BASIL article ({type(error).__name__}: {error})") from None
    return pd.DataFrame(rows)
