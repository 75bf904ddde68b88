"""The loaded-term lexicon: loading, validation, inflection, and one compiled matcher.

The default lexicon ships in the package (`lexicons/loaded_terms.csv`, written for this project,
MIT licence; see docs/LEXICON.md). Each entry has a `term`, `category`, `weight`, `framing`,
a `neutral` alternative and optional `exceptions` (phrases in which the term is innocent,
such as "tax regime"). Terms written as a lemma match every inflection (tyrant/tyrants,
slam/slammed); a term written in one form ("claimed") matches only that form.

Matching runs one spaCy `PhraseMatcher` over lower-cased tokens of the typography-normalised
text, so its cost does not grow with the number of entries.
"""

from __future__ import annotations

import csv
import decimal
import functools
import io
import itertools
import numbers
import os
import re
import stat
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pandas as pd

from .cache import cached_json, digest
from .errors import ToneAnalysisError
from .forms import FORMS_SOURCE, exception_phrases, expand, hyphenated, phrase_sets, phrase_sets_text
from .text import nlp, normalise

COLUMNS = ("term", "category", "weight", "framing", "neutral", "exceptions", "source")
REQUIRED = ("term", "category", "weight", "framing")
CATEGORIES = (
    "name_calling", "emotive_adjective", "loaded_noun", "loaded_verb", "loaded_metaphor",
    "exaggeration", "doubt_verb", "puffery", "scare_phrase",
)
FRAMINGS = ("negative", "positive", "mixed")


class Lexicon:
    """Validated lexicon entries (a DataFrame, `entries`) and their compiled matcher.

    Build one with `load_lexicon`; combine with `extend`.
    """

    def __init__(self, entries: pd.DataFrame, *, source: str = "<lexicon>"):
        self.entries = entries.reset_index(drop=True)
        self.source = source
        self._matcher = None

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        counts = self.entries["category"].value_counts().to_dict()
        return f"Lexicon({len(self)} entries from {self.source}, {counts})"

    def extend(self, other) -> Lexicon:
        """A new lexicon with `other`'s entries added; an entry for a term already present replaces it."""
        extra = other if isinstance(other, Lexicon) else load_lexicon(other)
        keep = ~self.entries["term"].isin(set(extra.entries["term"]))
        merged = pd.concat([self.entries[keep], extra.entries], ignore_index=True)
        return Lexicon(merged, source=f"{self.source} + {extra.source}")

    def __getstate__(self) -> dict:
        # A compiled spaCy matcher refers to string hashes of this process's vocabulary, which another
        # process does not know (KeyError E018 on its first match): a pickled lexicon compiles anew.
        return {**self.__dict__, "_matcher": None}

    @property
    def matcher(self):
        if self._matcher is None:
            self._matcher = self._compile()
        return self._matcher

    def _compile(self):
        from spacy.matcher import PhraseMatcher

        strings = nlp().vocab.strings
        matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
        patterns = cached_json("lexicon-patterns", self._patterns_key(), self._patterns, valid=_valid_patterns)
        for key, forms in patterns:
            # A pattern as the LOWER ids of its tokens, which PhraseMatcher.add takes in place of a Doc:
            # a Doc per form (16,000 of them) made a lexeme for each new word, most of a start-up's cost.
            matcher.add(key, [[strings.add(token.lower()) for token in tokens] for tokens in forms])
        return matcher

    def _patterns_key(self) -> str:
        from importlib.metadata import version

        # The patterns depend on the terms and exceptions, on how this module and `forms` expand them (their
        # source: any change to it is a new key) and on how spaCy tokenises and lemminflect inflects.
        return digest(_SOURCE_DIGEST, version("spacy"), version("lemminflect"), phrase_sets_text(),
                      *self.entries["term"], *self.entries["exceptions"])

    def _patterns(self) -> list[tuple[str, list[list[str]]]]:
        """(matcher key, the token texts of each of its forms): `T<row>` for a term's forms, `X<row>` for
        the forms of its exception phrases."""
        # A form belongs to the entry written that way ("crook" vs "crooked"); else to the first entry.
        owner = {term: i for i, term in zip(self.entries.index, self.entries["term"])}
        expanded = [(i, expand(term)) for i, term in zip(self.entries.index, self.entries["term"])]
        for i, term_forms in expanded:
            for form in term_forms:
                owner.setdefault(form, i)
        # An open compound is also written hyphenated ("bean counter", "bean-counters"); that spelling
        # belongs to its entry only where no entry writes it or expands to it.
        for i, term_forms in expanded:
            for form in hyphenated(term_forms):
                owner.setdefault(form, i)
        keys, forms = [], []
        for form, i in sorted(owner.items(), key=lambda item: item[1]):
            keys.append(f"T{i}")
            forms.append(form)
        sets = phrase_sets()
        for i, term, exceptions in zip(self.entries.index, self.entries["term"], self.entries["exceptions"]):
            for phrase in exception_phrases(term, exceptions, sets):
                phrase_forms = expand(phrase)
                for form in phrase_forms + hyphenated(phrase_forms):
                    keys.append(f"X{i}")
                    forms.append(form)
        docs = nlp().tokenizer.pipe(forms, batch_size=1000)
        tokens = ((key, [t.text for t in doc]) for key, doc in zip(keys, docs))
        return [(key, [words for _, words in group]) for key, group in itertools.groupby(tokens, key=lambda p: p[0])]

    def match(self, doc) -> list[tuple[int, int, int]]:
        """(entry index, start char, end char) of each loaded term in a spaCy Doc, longest match first.

        Overlapping matches keep the longest ("axis of evil" over "evil"); a match inside one of
        its entry's exception phrases ("tax regime") is dropped.
        """
        strings = doc.vocab.strings
        found, excluded = [], []
        for key, start, end in self.matcher(doc):
            label = strings[key]
            (excluded if label[0] == "X" else found).append((int(label[1:]), start, end))
        if excluded:
            found = [
                (entry, s, e) for entry, s, e in found
                if not any(x == entry and xs <= s and e <= xe for x, xs, xe in excluded)
            ]
        found.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        kept, last_end = [], -1
        for entry, s, e in found:
            if s >= last_end:
                kept.append((entry, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
                last_end = e
        return kept


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

_SOURCE_DIGEST = digest(Path(__file__).read_text(encoding="utf-8"), FORMS_SOURCE)


def _valid_patterns(data) -> bool:
    return isinstance(data, list) and all(
        isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], list)
        and all(isinstance(words, list) and all(isinstance(w, str) for w in words) for words in p[1]) for p in data)


def _fail(source: str, row: int | None, column: str | None, problem: str):
    where = source
    if row is not None:
        where += f", row {row}"
    if column is not None:
        where += f", column '{column}'"
    raise ToneAnalysisError(f"lexicon {where}: {problem}")


def _validate(records: list[dict], source: str, *, first_row: int) -> pd.DataFrame:
    rows = []
    seen: dict[str, int] = {}
    for number, record in enumerate(records, start=first_row):
        if not isinstance(record, Mapping):
            _fail(source, number, None, f"expected a dict of fields, got {type(record).__name__} {record!r:.40}")
        missing = [c for c in REQUIRED if c not in record]
        if missing:
            _fail(source, number, missing[0], "missing")
        cells = {c: record.get(c) for c in COLUMNS}
        for column in ("term", "category", "framing", "neutral", "exceptions", "source"):
            value = cells[column]
            if value is None or (isinstance(value, float) and value != value):
                value = ""
            if not isinstance(value, str):
                _fail(source, number, column, f"expected text, got {value!r}")
            if "\n" in value or "\r" in value:
                _fail(source, number, column, "has a line break in it (a quotation mark left open?)")
            cells[column] = value.strip()
        term = normalise(cells["term"]).lower()
        term = " ".join(term.split())
        if not term:
            _fail(source, number, "term", "empty")
        if cells["category"] not in CATEGORIES:
            _fail(source, number, "category", f"{cells['category']!r} is not one of {', '.join(CATEGORIES)}")
        if cells["framing"] not in FRAMINGS:
            _fail(source, number, "framing", f"{cells['framing']!r} is not one of {', '.join(FRAMINGS)}")
        weight = cells["weight"]
        if isinstance(weight, str):
            if not _NUMBER.fullmatch(weight.strip()):  # float() would also read "1_0" (as 10) and "nan"
                _fail(source, number, "weight", f"{weight!r} is not a number")
            weight = float(weight.strip())
        if isinstance(weight, decimal.Decimal) and weight.is_finite():
            weight = float(weight)
        if isinstance(weight, bool) or not isinstance(weight, numbers.Real) or not 0 < float(weight) <= 10:
            _fail(source, number, "weight", f"{weight!r} is not a number in (0, 10]")
        if not cells["neutral"] and cells["category"] != "exaggeration":
            _fail(source, number, "neutral", "empty (only an exaggeration may have no neutral alternative)")
        unknown = [p for p in (q.strip() for q in cells["exceptions"].split(";"))
                   if p.startswith("@") and p[1:] not in phrase_sets()]
        if unknown:
            _fail(source, number, "exceptions",
                  f"{unknown[0]!r} names no phrase set (known: {', '.join('@' + n for n in phrase_sets())})")
        if term in seen:
            _fail(source, number, "term", f"{term!r} repeats row {seen[term]}")
        seen[term] = number
        rows.append({**cells, "term": term, "weight": float(weight)})
    if not rows:
        _fail(source, None, None, "has no entries")
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _read_csv(text: str, source: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        _fail(source, 1, repeated[0], "appears twice in the header")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        _fail(source, 1, missing[0], f"missing from the header (found {header})")
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        _fail(source, 1, unknown[0], f"unknown column (expected {', '.join(COLUMNS)})")
    records = []
    for number, record in enumerate(reader, start=2):
        if None in record:
            _fail(source, number, None, f"has {len(header) + len(record[None])} fields, the header has {len(header)}")
        records.append({k: v for k, v in record.items() if v is not None})
    return records


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (cached)."""
    text = resources.files("toneanalysis").joinpath("lexicons/loaded_terms.csv").read_text(encoding="utf-8")
    return Lexicon(_validate(_read_csv(text, "loaded_terms.csv"), "loaded_terms.csv", first_row=2),
                   source="toneanalysis default")


def _file_info(path: Path) -> os.stat_result:
    """`path`'s stat, once it is seen to be a regular file (not a folder, pipe or device)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ToneAnalysisError(f"lexicon {path}: no such file") from None
    except OSError as error:
        raise ToneAnalysisError(f"lexicon {path}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ToneAnalysisError(f"lexicon {path}: is a folder, not a lexicon CSV")
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "not a regular file"
        raise ToneAnalysisError(f"lexicon {path}: is {kind}, not a lexicon CSV")
    return info


@functools.lru_cache(maxsize=16)
def _lexicon_file(path: str, mtime_ns: int, size: int) -> Lexicon:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ToneAnalysisError(f"lexicon {path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise ToneAnalysisError(f"lexicon {path}: cannot be read ({error.strerror or error})") from None
    return Lexicon(_validate(_read_csv(text, path), path, first_row=2), source=path)


def load_lexicon(source: LexiconLike = None) -> Lexicon:
    """Load a lexicon from a CSV path, a DataFrame, a list of records, or a dict.

    A dict maps a term to its fields: ``{"jackboot": {"category": "loaded_metaphor", "weight": 3,
    "framing": "negative", "neutral": "force"}}``. `None` gives the default lexicon. To add entries to
    the default rather than replace it: ``default_lexicon().extend(...)``.
    Errors name the row and the column.
    """
    if source is None:
        return default_lexicon()
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, (str, Path)):
        path = Path(source)
        info = _file_info(path)
        # The same file unchanged gives the same Lexicon, so its matcher is compiled once.
        return _lexicon_file(str(path), info.st_mtime_ns, info.st_size)
    if isinstance(source, pd.DataFrame):
        return Lexicon(_validate(source.to_dict("records"), "<DataFrame>", first_row=0), source="<DataFrame>")
    if isinstance(source, Mapping):
        records = []
        for term, fields in source.items():
            if not isinstance(fields, Mapping):
                raise ToneAnalysisError(f"lexicon <dict>, term {term!r}: expected a dict of fields, got {fields!r}")
            records.append({**fields, "term": term})
        return Lexicon(_validate(records, "<dict>", first_row=1), source="<dict>")
    if isinstance(source, list):
        return Lexicon(_validate(source, "<list>", first_row=1), source="<list>")
    raise ToneAnalysisError(f"lexicon: cannot read a {type(source).__name__}; give a CSV path, DataFrame or dict")


# What a `lexicon=` argument takes: a Lexicon, a CSV path, a DataFrame, records, a dict, or None (the default).
LexiconLike = Lexicon | str | Path | pd.DataFrame | list | Mapping | None
