"""A scored corpus kept on disk: the article, paragraph and hit tables as numbered Parquet parts.

    FOLDER/paragraphs/part-000000.parquet   one row per scored block, with `article`, `content_hash`
    FOLDER/hits/part-000000.parquet         one row per loaded-term hit, the same keys
    FOLDER/articles/part-000000.parquet     one row per article: keys, metadata, measures

A batch of articles is written as one part of each table, each file written under a temporary name
and renamed into place, the article part last: a part number with an article part is complete, one
without (a run interrupted mid-batch) is removed when the folder is opened again. So a run that
stops loses at most the batch it was writing, and the next run scores only what no complete part
holds (by `content_hash`: the text and the lexicon). Every part is a plain Parquet file:
`pd.read_parquet(FOLDER / "articles")`, or in DuckDB
`SELECT outlet, avg(tone) FROM read_parquet('FOLDER/articles/*.parquet', union_by_name=true) GROUP BY outlet`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from ..errors import ToneAnalysisError

TABLES = ("paragraphs", "hits", "articles")  # in the order a batch is written: articles last
_PART = re.compile(r"^part-(\d{6})\.parquet$")


def parquet_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every object column as strings, so that no part has a column of nulls
    (Parquet's null type) where another has text."""
    objects = [c for c in frame.columns if frame[c].dtype == object]
    if not objects:
        return frame
    return frame.assign(**{c: frame[c].astype("string") for c in objects})


class Store:
    """The folder of one scored corpus (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ToneAnalysisError(f"{self.folder}: is a file; out= names a folder to keep the tables in")
        try:
            for table in TABLES:
                (self.folder / table).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ToneAnalysisError(f"{self.folder}: cannot make the folder ({error.strerror or error})") from None
        self.removed = self._clean()

    def parts(self, table: str) -> dict[int, Path]:
        found = {}
        for path in (self.folder / table).iterdir():
            match = _PART.match(path.name)
            if match:
                found[int(match.group(1))] = path
        return dict(sorted(found.items()))

    def _clean(self) -> list[Path]:
        """Remove what an interrupted run left: temporary files, and parts whose batch has no article part."""
        complete = set(self.parts("articles"))
        removed = []
        for table in TABLES:
            for path in (self.folder / table).glob("*.tmp"):
                path.unlink()
                removed.append(path)
            for number, path in self.parts(table).items():
                if number not in complete:
                    path.unlink()
                    removed.append(path)
        return removed

    def hashes(self) -> set[str]:
        """The content hashes of the articles stored in complete parts."""
        found: set[str] = set()
        for path in self.parts("articles").values():
            found.update(pd.read_parquet(path, columns=["content_hash"])["content_hash"].astype(str))
        return found

    def write(self, tables: dict[str, pd.DataFrame]) -> int:
        """Write one batch (a frame per table) as the next part number; return the number."""
        numbers = [n for t in TABLES for n in self.parts(t)]
        number = max(numbers, default=-1) + 1
        for table in TABLES:
            target = self.folder / table / f"part-{number:06d}.parquet"
            temporary = target.with_suffix(".tmp")
            parquet_ready(tables[table]).to_parquet(temporary, index=False)
            os.replace(temporary, target)
        return number

    def read(self, table: str, *, hashes=None, columns=None) -> pd.DataFrame:
        """One table, part by part (types may differ between parts: pandas reconciles them), limited
        to the articles with the given content hashes."""
        frames = []
        wanted = None if hashes is None else set(hashes)
        for path in self.parts(table).values():
            frame = pd.read_parquet(path, columns=columns)
            if wanted is not None:
                frame = frame[frame["content_hash"].astype(str).isin(wanted)]
            frames.append(frame)
        frames = [f for f in frames if len(f)] or frames[:1]
        if not frames:
            return pd.DataFrame(columns=columns or [])
        return pd.concat(frames, ignore_index=True)
