"""Who said it: names, titles, pronouns and descriptions read off the words around a verb or a quote.

Speakers are names without job titles ("NATO Secretary General Jens Stoltenberg" → "Jens
Stoltenberg"); a pronoun or a description is returned as such ("how"), for `attribution` to resolve.
"""

from __future__ import annotations

import functools
import re

from ..cache import cached_json, digest
from ..text import stop_words
from .quotes import MASK

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Job titles and honorifics dropped from the front of a name ("NATO Secretary General Jens Stoltenberg").
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "president",
    "vice", "prime", "minister", "secretary", "general", "foreign", "defence", "defense", "home", "health",
    "deputy", "chancellor", "mayor", "governor", "senator", "sen", "rep", "congressman", "congresswoman",
    "mp", "councillor", "cllr", "leader", "chief", "executive", "director", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "king", "queen", "prince", "princess", "pope",
    "judge", "justice", "inspector", "detective", "sergeant", "constable", "officer", "commander",
    "colonel", "captain", "admiral", "ambassador", "envoy", "commissioner", "boss", "manager", "coach",
    "opposition", "shadow", "supreme", "premier", "head",
}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "your", "my", "this", "that",
                "these", "those", "some", "many", "several", "two", "three"}
AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "would", "will",
               "could", "may", "might", "did", "does", "do", "not", "never", "also", "then", "later",
                "once", "again", "today", "yesterday", "earlier", "previously", "just", "only", "already",
                "reportedly", "tonight", "repeatedly", "now", "still", "since", "first", "widely", "publicly",
                "privately"}
_NAME_CONNECTORS = {"of", "for", "and", "&"}
FUNCTION_WORDS = {"and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
                   "which", "who", "than", "into", "about", "over", "after", "before"}
_PREPOSITIONS = FUNCTION_WORDS - {"and", "or", "but", "that", "which", "who", "than"}
PASSIVE = {"was", "were", "is", "are", "be", "been", "being"}
# A time phrase between a subject and its verb: "The senator on Saturday said", "Ministers last week described".
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
               "year", "night", "morning", "afternoon", "evening", "weekend"}
_TIME_LEADS = {"on", "last", "this", "next", "in", "at", "late", "early", "that"}
_LY_NOUNS = {"family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "italy", "july", "bully"}
# Words before a verb form that make it a noun ("the claims", "a blast") or an infinitive ("to say").
NOT_VERB_BEFORE = DETERMINERS | {"to", "of", "in", "on", "for", "with", "by", "new", "no", "any",
                                   "such", "whose", "which", "what", "latest", "recent", "false", "wild"}

NAME_TOKEN = re.compile(r"^[A-Z][\w'\-]*$")
_WORD_TOKEN = re.compile(r"[^\s\u25a1\"]+")
_ENDS_IN_WORD = re.compile(r"\w$")
_APPOSITIVE = re.compile(r",\s*((?:[A-Z][\w'\-]*\s?)+)")


_NAME_ADJECTIVE = re.compile(r"-(?:owned|backed|led|based|born|run|funded|controlled|made|linked|style)$", re.I)


def strip_titles(tokens: list[str]) -> list[str]:
    """Drop job titles, acronyms, possessives and name-adjectives ("Japanese-owned") from the front of a name."""
    last_title = -1
    for i, token in enumerate(tokens[:-1]):
        bare = token.lower().rstrip(".")
        if (bare in TITLE_WORDS or token.endswith("'s") or (token.isupper() and len(token) > 1 and i == 0)
                or _NAME_ADJECTIVE.search(token)):
            last_title = i
    return tokens[last_title + 1:]


def _stop_word(token: str) -> bool:
    return token.lower() in stop_words() and not token.isupper()  # "The", "But"; not "US"


def _name_run(tokens: list[str]) -> list[str]:
    """The capitalised words that end `tokens` (a name), or []."""
    run: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        # "Cornwall Fire and Rescue Service", "Bank of England": a connector between capitalised words.
        bridge = token in _NAME_CONNECTORS and run and i > 0 and NAME_TOKEN.match(tokens[i - 1])
        if not (NAME_TOKEN.match(token) or bridge):
            break
        run.insert(0, token)
    while run and _stop_word(run[0]) and len(run) > 1:
        run.pop(0)  # "The US", "But Putin"
    if len(run) == 1 and _stop_word(run[0]):
        return []
    if len(run) >= 3 and len(run) == len(tokens) and _common_word(run[0]):
        run.pop(0)  # a common word capitalised only because it starts the sentence: "Shopkeeper Dev Patel"
    return run


def _common_word(token: str) -> bool:
    return token.lower() in dictionary_words() and token.lower() not in TITLE_WORDS


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The words `lemminflect.getAllLemmas` knows (gives lemmas for), kept in the on-disk cache
    (`cache.py`): loading lemminflect's dictionary costs half a second in every process that meets
    one sentence-initial name run, more than `toneanalysis score` on an article spends analysing it."""
    from importlib.metadata import version

    def compute() -> list[str]:
        # Its lemma dictionary and overrides, as `getAllLemmas` reads them (lemminflect has no public
        # list of its words); the cache key holds its version.
        from lemminflect.core.Lemmatizer import Lemmatizer

        lemmatizer = Lemmatizer()
        found = {w for table in (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
                 for w, lemmas in table.items() if lemmas}
        return sorted(found)

    words = cached_json("lemminflect-words", digest(version("lemminflect")), compute,
                        valid=lambda data: isinstance(data, list) and all(isinstance(w, str) for w in data))
    return frozenset(words)


def _subject_run(tokens: list[str]) -> list[str]:
    """The name that ends `tokens`, unless it is the object of a preposition ("director of the Fair Bills Campaign")."""
    run = _name_run(tokens)
    before = [t.lower() for t in tokens[:len(tokens) - len(run)]]
    if before and before[-1] in DETERMINERS:
        before.pop()
    if run and before and before[-1] in _PREPOSITIONS:
        return []
    return run


def word_tokens(text: str) -> list[str]:
    return _WORD_TOKEN.findall(text)


_NOT_WORD = frozenset(MASK + '"')


def last_word(text: str) -> str:
    """`word_tokens(text)[-1]`, or "" when there is none, read from the end: the rules ask it of every
    verb's sentence so far, and splitting all of it for its last word cost more than the rest of the test."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _NOT_WORD):
        end -= 1
    start = end
    while start and not (text[start - 1].isspace() or text[start - 1] in _NOT_WORD):
        start -= 1
    return text[start:end]


def _named(run: list[str], tokens: list[str] | None = None) -> tuple[str, str]:
    """A name run as a speaker: a name without its titles, or, when the run is only a title ("the MP",
    "the Mayor"), a description for the article to resolve ("Local MP Tom Reddy")."""
    if all(t.lower().rstrip(".") in TITLE_WORDS for t in run):
        before = tokens[:len(tokens) - len(run)] if tokens else []
        determiner = [before[-1]] if before and before[-1].lower() in DETERMINERS else []
        return " ".join(determiner + run), "description"
    return " ".join(strip_titles(run)), "name"


def _drop_time_or_aside(tokens: list[str]) -> bool:
    """Drop a time phrase ("on Saturday", "last week", "on Tuesday night") or a short aside in brackets
    ("(D)", "(R-Texas)") from the end of `tokens`, between a subject and its verb; whether one was."""
    n = 0
    while n < min(len(tokens), 2) and tokens[-1 - n].lower() in _TIME_WORDS:
        n += 1
    if n and len(tokens) > n and tokens[-1 - n].lower() in _TIME_LEADS:
        del tokens[-1 - n:]
        return True
    if tokens[-1].endswith(")"):
        near = range(len(tokens) - 1, max(len(tokens) - 5, -1), -1)
        opening = next((i for i in near if tokens[i].startswith("(")), None)
        if opening is not None:
            del tokens[opening:]
            return True
    return False


def subject_before(head: str) -> tuple[str, str] | None:
    """(speaker, how) for the subject that ends `head` (the text up to a verb): how is name/pronoun/description."""
    tokens = [t for t in head.split() if t]
    while tokens:
        if (tokens[-1].lower() in AUXILIARIES
                or (tokens[-1].islower() and tokens[-1].endswith("ly") and len(tokens[-1]) > 4
                    and tokens[-1] not in _LY_NOUNS)):
            tokens.pop()
        elif not _drop_time_or_aside(tokens):
            break
    if len(tokens) > 1 and tokens[-1].lower() == "who":
        # "led by Priya Nandakumar, who called ...": the relative clause's antecedent speaks, object
        # of a preposition or not.
        run = _name_run([tokens[-2].rstrip(",")] if len(tokens) == 2 else [*tokens[:-2], tokens[-2].rstrip(",")])
        return (_named(run) if run else None)
    if tokens and tokens[-1].endswith(","):
        # Appositions: "Jens Stoltenberg, the NATO secretary general, said", "The opposition's
        # spokesman, David Orme, said", "Dev Patel, 49, whose shop is in the zone, said": the
        # nearest comma-separated stretch that ends in a name or pronoun is the subject.
        tokens[-1] = tokens[-1][:-1]
        cuts = [len(tokens)] + [i + 1 for i in reversed(range(len(tokens) - 1)) if tokens[i].endswith(",")]
        stretches = [tokens[:cut] for cut in cuts]
        stretches = [st[:-1] + [st[-1].rstrip(",")] for st in stretches]
        named = [st for st in stretches if st[-1].lower() in PRONOUNS or _subject_run(st)]
        if not named and len(stretches) == 1:
            return None
        tokens = named[0] if named else stretches[-1]
    if not tokens or MASK in tokens[-1] or not _ENDS_IN_WORD.search(tokens[-1]):
        return None
    if tokens[-1].lower() in PRONOUNS:
        return tokens[-1], "pronoun"
    run = _subject_run(tokens)
    if run:
        return _named(run, tokens)
    if tokens[-1].lower() in FUNCTION_WORDS:
        return None  # "... of a loyal workforce and"
    description: list[str] = []
    for token in reversed(tokens):
        if (token.islower() and token.isalpha() and token not in DETERMINERS and token not in FUNCTION_WORDS
                and len(description) < 3):
            description.insert(0, token)
            continue
        if description and (token.lower() in DETERMINERS or token.endswith("'s")
                            or (NAME_TOKEN.match(token) and len(description) < 3 and token is not tokens[0])):
            description.insert(0, token)  # "the mayor", "Ukraine's foreign minister", "Union leaders"
        break
    if not description:
        return None
    if len(description) == 1 and not description[0].endswith("s"):
        return None  # a lone singular noun ("plan said") is more likely not a speaker
    return " ".join(description), "description"


def first_subject(head: str) -> tuple[str, str] | None:
    """(speaker, how) for the first name or pronoun in `head` that is followed by a lower-case word,
    the subject of a clause: "At a briefing, Mr Trump defended the plan and" → Trump, the speaker of
    a verb after "and" whose own subject is the first clause's."""
    tokens = [t.rstrip(",") for t in head.split() if t]
    for i, token in enumerate(tokens[:-1]):
        if not tokens[i + 1][:1].islower():
            continue
        if token.lower() in PRONOUNS:
            return token, "pronoun"
        run = _subject_run(tokens[:i + 1])
        if run:
            return _named(run, tokens[:i + 1])
    return None


def speaker_after(tail: str) -> tuple[str, str] | None:
    """(speaker, how) for the noun phrase that starts `tail` ("said the mayor, Joan Pike.")."""
    first = re.split(r"[.;:!?()]|,|\s(?:in|on|at|after|before|during|from|with|to|who|which|as|when)\s",
                     tail, maxsplit=1)[0]
    tokens = word_tokens(first)
    if not tokens:
        return None
    if tokens[0].lower() in PRONOUNS and len(tokens) == 1:
        return tokens[0], "pronoun"
    run = _name_run(tokens)
    if run and _named(run, tokens)[1] == "name":
        return _named(run, tokens)
    rest = tail[len(first):]
    appositive = _APPOSITIVE.match(rest)
    if appositive:
        named = _name_run(appositive.group(1).split())
        if named:
            return " ".join(strip_titles(named)), "name"
    if run:
        return _named(run, tokens)  # a title only: "said the MP"
    if len(tokens) <= 5 and (tokens[0].lower() in DETERMINERS or tokens[0].endswith("'s")):
        return " ".join(tokens), "description"
    if len(tokens) <= 3 and all(t.islower() and t.isalpha() for t in tokens) and tokens[-1].endswith("s"):
        return " ".join(tokens), "description"  # "according to aides", "by council officials"
    return None

