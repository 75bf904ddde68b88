"""The surface forms a lexicon term matches: its inflections, a phrase's verb forms and plurals,
a verb + particle phrase written around a pronoun object, and the exception phrases an entry cites."""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from .errors import ToneAnalysisError

# A verb + particle phrase whose object, when it is a pronoun, must stand between the two ("watered it
# down", never "watered down it"): without these forms the matcher missed every such use.
SEPARABLE_PARTICLES = frozenset(["up", "down", "out", "off", "away", "aside", "apart", "through", "back"])
OBJECT_PRONOUNS = ("it", "them", "him", "her", "us", "me", "you", "this", "that", "these", "those")


def _inflections(word: str, upos: str | None = None) -> set[str]:
    from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas

    forms = {f for group in getAllInflections(word, upos=upos).values() for f in group}
    if not forms and word.isalpha() and not getAllLemmas(word):
        # A word lemminflect does not know is a noun ("bromance"), or a verb by its suffix ("demonize").
        kind = "VERB" if re.search(r"(?:[iy][sz]e|ify)$", word) else "NOUN"
        forms = {f for group in getAllInflectionsOOV(word, kind).values() for f in group}
    if upos != "VERB" and word.endswith("ist") and not any(f.endswith("s") for f in forms):
        forms.add(word + "s")  # lemminflect knows "fascist" only as an adjective; the label has a plural
    return forms | {word}


def expand(term: str) -> list[str]:
    """Every surface form a lexicon term matches.

    A single word gives its inflections. A phrase inflects its first word as a verb ("lash out" →
    "lashed out", "spark fury" → "sparked fury") and takes the plural of its last word, the head of
    most English compounds ("witch hunt" → "witch hunts"); noun phrases whose first word reads as a
    verb carry exceptions in the lexicon ("attack dog" excepts "attacked dog"). A hyphenated word
    inflects like its last part ("right-winger" → "right-wingers", "rubber-stamp" →
    "rubber-stamped"); spaCy splits
    "so-called" into the same tokens in the lexicon and in the text.

    >>> sorted(expand("tyrant"))
    ['tyrant', 'tyrants']
    >>> "lashed out" in expand("lash out")
    True
    >>> "witch hunts" in expand("witch hunt") and "witch hunted" not in expand("witch hunt")
    True
    >>> expand("anti-vaxxer")
    ['anti-vaxxer', 'anti-vaxxers']
    >>> sorted(expand("demonize")), expand("fascist")
    (['demonize', 'demonized', 'demonizes', 'demonizing'], ['fascist', 'fascists'])

    A verb with a particle (`SEPARABLE_PARTICLES`) also matches with a pronoun object between them:

    >>> "watered it down" in expand("water down"), "brushing them off" in expand("brush off")
    (True, True)
    """
    from lemminflect import getAllInflections

    words = term.split()
    if len(words) == 1:
        head, hyphen, last = words[0].rpartition("-")
        if hyphen and last.isalpha():
            # A hyphenated compound inflects like its last part: "hard-liner" → "hard-liners",
            # "rubber-stamp" → "rubber-stamped", "flip-flop" → "flip-flopping".
            return sorted({words[0]} | {f"{head}-{form}" for form in _inflections(last)})
        return sorted(_inflections(words[0]))
    first = {f for group in getAllInflections(words[0], upos="VERB").values() for f in group} | {words[0]}
    last = _inflections(words[-1], upos="NOUN")
    forms = {" ".join([head, *words[1:-1], tail]) for head in first for tail in last}
    if len(words) == 2 and words[1] in SEPARABLE_PARTICLES:
        forms |= {f"{head} {pronoun} {words[1]}" for head in first for pronoun in OBJECT_PRONOUNS}
    return sorted(forms)


def split_object(term: str, written: str) -> tuple[str, str]:
    """(`written` without its pronoun object, the object with its own case) for a verb + particle
    term written apart ("Watered it down" → ("Watered down", "it")); ("written", "") otherwise.

    >>> split_object("water down", "watered it down"), split_object("water down", "watered down")
    (('watered down', 'it'), ('watered down', ''))
    """
    t_words, w_words = term.split(), written.split()
    if (len(t_words) == 2 and t_words[1] in SEPARABLE_PARTICLES and len(w_words) == 3
            and w_words[1].lower() in OBJECT_PRONOUNS and w_words[2].lower() == t_words[1]):
        return f"{w_words[0]} {w_words[2]}", w_words[1]
    return written, ""


# Words a phrase carries for its sense, not for its loading: "claims that" (the verb, not the noun),
# "flood of" (not a literal flood), "scramble to", "prey on". A hit marks the words before them; the
# rewrite still replaces the whole match ("claims that" → "says that"). On BABE dev the words a hit
# marked that experts left unmarked included 31 "of", 23 "that", 11 "to" and 8 "on"; leaving them out
# of what a hit marks: word F1 0.457 → 0.462 (docs/VALIDATION.md §3, benchmarks/span_edges.py). Since
# v0.8 also the determiner or pronoun that shows a present-tense verb starting a clause ("claims the
# flats are", "claims he"), where "claims" alone would be the noun as often as the verb.
CONTEXT_WORDS = frozenset(["that", "of", "to", "on", "the", "a", "an", "his", "her", "its", "their", "he", "she", "it",
                           "they", "we", "there", "this", "these"])


def has_context(term: str) -> bool:
    """Whether a lexicon term ends with a context word (`CONTEXT_WORDS`) after a loaded word.

    >>> has_context("claims that"), has_context("flood of"), has_context("that"), has_context("flood")
    (True, True, False, False)
    """
    words = term.split()
    return len(words) > 1 and words[-1].lower() in CONTEXT_WORDS


def loaded_end(text: str, start: int, end: int) -> int:
    """The end of the loaded words of a match of a term that `has_context`: before its last word, when
    that word is a context word (else `end`).

    >>> text = "She claims that it rained."
    >>> text[4:loaded_end(text, 4, 15)]
    'claims'
    """
    head, _, last = text[start:end].rstrip().rpartition(" ")
    return start + len(head.rstrip()) if head.strip() and last.lower() in CONTEXT_WORDS else end


def match_end(term: str, text: str, end: int) -> int:
    """The end of a whole match from the end of its loaded words (`loaded_end`): over the context word
    that follows, for a term that `has_context` (else `end`).

    >>> text = "She claims that it rained."
    >>> text[4:match_end("claims that", text, 10)]
    'claims that'
    """
    if has_context(term):
        found = re.match(r"\s+(\w+)\b", text[end:])
        if found and found.group(1).lower() == term.split()[-1].lower():
            return end + found.end()
    return end


def phrase_sets_text() -> str:
    return resources.files(__package__).joinpath("lexicons/phrase_sets.csv").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def phrase_sets() -> dict[str, tuple[str, ...]]:
    """The named phrase sets an exception can cite as `@name` (`lexicons/phrase_sets.csv`).

    `@belligerents` in the exceptions of "at war with" excepts "at war with germany", "at war with the
    taliban" and every other phrase of the set after the term, in each of the term's forms: one list
    kept once, not copied into each war metaphor.

    >>> "the taliban" in phrase_sets()["belligerents"]
    True
    """
    sets: dict[str, list[str]] = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(phrase_sets_text())), start=2):
        name, phrase = (row.get("set") or "").strip(), " ".join((row.get("phrase") or "").lower().split())
        if not name or not phrase:
            column = "set" if not name else "phrase"
            raise ToneAnalysisError(f"lexicon phrase_sets.csv, row {number}, column '{column}': empty")
        sets.setdefault(name, []).append(phrase)
    return {name: tuple(phrases) for name, phrases in sets.items()}


def exception_phrases(term: str, exceptions: str, sets: Mapping[str, tuple[str, ...]]) -> list[str]:
    """An entry's exception phrases, with each `@set` written out as the term followed by each phrase of the set."""
    phrases = []
    for phrase in filter(None, (p.strip() for p in exceptions.split(";"))):
        if phrase.startswith("@"):
            phrases.extend(f"{term} {member}" for member in sets[phrase[1:]])
        else:
            phrases.append(phrase)
    return phrases


def hyphenated(forms: list[str]) -> list[str]:
    """The hyphenated spelling of each two-word form: "bean counters" → "bean-counters"."""
    return [form.replace(" ", "-") for form in forms if form.count(" ") == 1 and "-" not in form]


FORMS_SOURCE = Path(__file__).read_text(encoding="utf-8")
