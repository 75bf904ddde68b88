"""An on-disk cache for work that depends only on its inputs: the lexicon's expanded patterns.

Compiling the default lexicon (every inflection of 1,915 terms, tokenised) costs about a second of
CPU at every start; the result depends only on the entries and on the versions of spaCy and
lemminflect, so it is computed once and kept in `~/.cache/toneanalysis` (or `$XDG_CACHE_HOME`).
`TONEANALYSIS_CACHE=/some/folder` moves the cache; `TONEANALYSIS_CACHE=off` turns it off. A cache
that cannot be read or written is only slower: the work is done again, never wrong.

Each kind of file (`name`) keeps its `KEEP` most recently used keys: a new version of the package or
of a lexicon makes a new key, and the old files would otherwise stay for ever.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

OFF = {"", "0", "off", "no", "false"}
# Files kept per kind: more lexicons than anyone switches between, and a bound on the folder (the
# default lexicon's patterns are ~1 MB).
KEEP = 32


def cache_dir() -> Path | None:
    """Where cached files go, or None when caching is off."""
    chosen = os.environ.get("TONEANALYSIS_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "toneanalysis"


def digest(*parts: str) -> str:
    """A short, stable key for the inputs of a cached result."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()[:24]


def cached_json(name: str, key: str, compute: Callable[[], object], *, valid: Callable[[object], bool]) -> object:
    """`compute()`'s JSON-able result, read from the cache file for `name` and `key` when one is there
    and `valid(data)` accepts it, else computed and written for the next process."""
    folder = cache_dir()
    path = None if folder is None else folder / f"{name}-{key}.json"
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if valid(data):
                _touch(path)
                return data
        except (OSError, ValueError):
            pass  # absent, unreadable or damaged: computed again below
    data = compute()
    if path is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            partial.write_text(json.dumps(data), encoding="utf-8")
            os.replace(partial, path)  # whole or not at all, whatever another process does at once
            _prune(folder, name)
        except OSError:
            pass
    return data


def _touch(path: Path) -> None:
    # A read marks the file as used, so that pruning (by modification time) keeps what is in use.
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(folder: Path, name: str, keep: int = KEEP) -> None:
    """Remove all but the `keep` most recently used files of kind `name` (and partial files of it
    a killed process left an hour ago or more)."""
    files = []
    for path in folder.glob(f"{name}-*.json*"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue  # removed meanwhile by another process
    whole = sorted((f for f in files if f[1].suffix == ".json"), reverse=True)
    newest = max((t for t, _ in files), default=0)
    stale = [p for t, p in files if p.suffix == ".partial" and t < newest - 3600]
    for path in [p for _, p in whole[keep:]] + stale:
        with contextlib.suppress(OSError):  # gone already, or not ours: only the folder's size is at stake
            path.unlink()
