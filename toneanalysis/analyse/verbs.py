"""The verbs that attribute speech: one list of neutral attribution verbs, colouring verbs, speech verbs.

`NEUTRAL_VERBS` is the package's one list of neutral attribution ("said", "told", "according to"):
the attribution rate (`measure.measures`) counts the neutral verbs found with it. Each lemma matches
every inflection (lemminflect); "according to" only as written.
"""

from __future__ import annotations

import functools
import re
import weakref
from pathlib import Path

from ..cache import cached_json, digest
from ..lexicon import Lexicon

# Attribution a reporter uses when not taking a view of the speaker.
NEUTRAL_VERBS = ("say", "tell", "add", "state", "according to", "report", "note", "explain", "ask",
                 "reply", "write", "announce", "confirm")
# Verbs that cast doubt on, or colour, what was said. The lexicon's `doubt_verb` entries join these.
COLOURING_VERBS = ("claim", "admit", "insist", "boast", "blast", "slam", "concede", "allege", "brag",
                   "confess", "fume", "rage", "rant", "gloat", "moan", "whine", "snap", "sneer", "scoff",
                   "bleat", "gush", "rave", "bemoan", "grumble", "splutter", "seethe", "hit out", "lash out")
# Verbs that attribute words to a speaker but say what was done with them (urged, warned, called):
# used to find speakers, not counted as attribution style.
SPEECH_VERBS = ("urge", "warn", "call", "describe", "brand", "dub", "label", "promise", "pledge", "vow",
                "thank", "praise", "condemn", "criticise", "criticize", "accuse", "voice", "argue",
                "suggest", "predict", "demand", "hail", "threaten", "declare", "stress", "reveal",
                "recall", "respond", "tweet", "quip", "joke", "dismiss", "deny", "mutter", "shout",
                "scream", "whisper", "exclaim", "continue", "agree", "maintain", "acknowledge",
                "remark", "retort", "complain", "lament", "term", "speak", "hit back", "chant", "decry", "refer",
                "quote", "deride")
# Naming verbs: "a campaign called ‘X’" names a thing, so these need a named or pronoun subject.
NAMING_VERBS = {"call", "describe", "brand", "dub", "label", "term"}
PARTICLES = {"out", "up", "off", "back", "down", "on", "in"}


def _forms(lemma: str) -> dict[str, str]:
    """Surface form → tag for a verb lemma or phrase (first word inflected: "lashed out")."""
    from lemminflect import getAllInflections

    first, *rest = lemma.split()
    tail = " ".join(rest)
    inflections = getAllInflections(first, upos="VERB") or {"VB": (first,)}
    out = {}
    # A form that is several tags ("hit", "put") is taken for the past tense, the reporter's tense.
    for tag in sorted(inflections, key=lambda tag: tag not in ("VBD", "VBN")):
        for form in inflections[tag]:
            out.setdefault(f"{form} {tail}".strip(), tag)
    out.setdefault(lemma, "VB")
    return out


def _forms_table(extra_colouring: tuple[str, ...]) -> dict[str, list[str]]:
    """form → [lemma, kind, tag] for every attribution verb, the colouring ones with `extra_colouring`."""
    table: dict[str, list[str]] = {}
    for kind, lemmas in (("colouring", (*COLOURING_VERBS, *extra_colouring)), ("neutral", NEUTRAL_VERBS),
                         ("speech", SPEECH_VERBS)):
        for lemma in lemmas:
            for form, tag in _forms(lemma).items():
                table.setdefault(form, [lemma, kind, tag])
    # "according to" is a preposition phrase, not a verb: only its one form counts.
    return {f: v for f, v in table.items() if v[0] != "according to" or f == "according to"}


def _trie(forms) -> str:
    """One regular expression for `forms`, as a trie of their characters (a space is `\\s+`): the same
    matches as their alternation longest first, but each position of a text is read once, not once
    per form (the alternation of 460 forms was a third of the attribution's time)."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def pattern(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + pattern(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Greedy: a longer form is tried before the one that ends here, as longest-first would.
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")
    return pattern(root)


def _compiled(table: dict[str, tuple[str, str, str]]) -> tuple[dict, re.Pattern]:
    # Lower case only ("the United States" is no verb), but for the phrase that opens many sentences.
    pattern = re.compile(r"(?<![\w'\-])" + _trie([*table, "According to"]) + r"(?![\w\-])")
    return table, pattern


@functools.lru_cache(maxsize=8)
def verb_table(extra_colouring: tuple[str, ...] = ()) -> tuple[dict, re.Pattern]:
    """form → (lemma, kind, tag) and one compiled pattern for every attribution verb."""
    return _compiled({f: tuple(v) for f, v in _forms_table(extra_colouring).items()})


def lexicon_doubt_verbs(lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon's `doubt_verb` entries that are verbs of saying ("claimed", "point out").

    The category also holds adverbs ("reportedly"), adjectives ("dubious", "supposed") and phrases
    ("it is claimed"); those are loaded terms, not attribution verbs, so they are left out here.
    """
    from lemminflect import getAllLemmas

    entries = lexicon.entries
    out = set()
    for term in entries.loc[entries["category"] == "doubt_verb", "term"]:
        words = term.split()
        if len(words) == 2 and words[1] == "that":
            words = words[:1]  # "asserted that"
        if len(words) > 2 or (len(words) == 2 and words[1] not in PARTICLES):
            continue
        lemmas = getAllLemmas(words[0])
        if "VERB" not in lemmas or "ADJ" in lemmas:
            continue
        out.add(" ".join([lemmas["VERB"][0], *words[1:]]))
    return tuple(sorted(out))


_SOURCE_DIGEST = digest(Path(__file__).read_text(encoding="utf-8"))
_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _reporting_forms() -> list[str]:
    """The forms of `NEUTRAL_VERBS` that report speech ("said", "says", "told", "noted", "according
    to"): not their base forms, which in news are mostly nouns or infinitives ("a report", "the state")."""
    return sorted({form for lemma in NEUTRAL_VERBS for form, tag in _forms(lemma).items()
                   if (tag not in ("VB", "VBP") and lemma != "according to") or form == "according to"})


@functools.lru_cache(maxsize=1)
def _reporting_pattern() -> re.Pattern:
    from importlib.metadata import version

    forms = cached_json("reporting-forms", digest(_SOURCE_DIGEST, version("lemminflect")), _reporting_forms,
                        valid=lambda data: isinstance(data, list) and all(isinstance(f, str) for f in data))
    return re.compile(r"(?<![\w'\-])" + _trie([*forms, "According to"]) + r"(?![\w\-])")


def reports_speech(normal: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `normal[start:end]` (typography-normalised text) reports speech with a neutral verb, the
    reporter's attribution that `loaded_p` reads as `attributed`.

    >>> reports_speech("The mayor said the bridge would close."), reports_speech("The report was late.")
    (True, False)
    """
    return _reporting_pattern().search(normal, start, len(normal) if end is None else end) is not None


def _valid_table(data) -> bool:
    return isinstance(data, dict) and all(
        isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v) for v in data.values())


def table_for(lexicon: Lexicon) -> tuple[dict, re.Pattern]:
    """The verb table with the lexicon's doubt verbs among the colouring ones, once per lexicon.

    Building it loads lemminflect's dictionaries (about half a second, more than a short article's
    whole analysis), and it depends only on the lexicon's doubt verbs, this module and lemminflect's
    version: so it is kept in the on-disk cache (`cache.py`) and read back by the next process.
    """
    cached = _TABLES.get(lexicon)
    if cached is None:
        from importlib.metadata import version

        entries = lexicon.entries
        doubt = entries.loc[entries["category"] == "doubt_verb", "term"].tolist()
        key = digest(_SOURCE_DIGEST, version("lemminflect"), *doubt)
        table = cached_json("verb-table", key, lambda: _forms_table(lexicon_doubt_verbs(lexicon)), valid=_valid_table)
        cached = _TABLES[lexicon] = _compiled({f: tuple(v) for f, v in table.items()})
    return cached
