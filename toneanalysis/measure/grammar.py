"""Grammar for the neutral rewrite: a replacement must stand where the loaded word stood.

Three checks, each a kind of breakage seen in rewrites: an adjective replaced by a noun ("snarling
grin" → "the leader grin"), a singular article left before a plural replacement ("a bloodbath" →
"a heavy losses"), and a phrasal verb's preposition left behind ("hit out at" → "criticised at").
Parts of speech come from TextBlob's offline `PatternTagger` (pattern's lexicon; no download).
"""

from __future__ import annotations

import functools
import re

from ..cache import cached_json, digest
from .inflections import inflection

PARTICLES = {"out", "back", "off", "up", "down"}
# Prepositions a phrasal verb takes that the plain verb replacing it does not ("lash out at X" → "criticise X").
TAKEN_WITH_PARTICLE = {"at", "against", "over", "about", "on"}
# A plain verb that needs its own preposition where the phrasal verb's went ("hit back at X" → "responded to X").
PREPOSITION_OF = {"respond": "to", "reply": "to", "react": "to"}
ADJECTIVE_LIKE = {"JJ", "JJR", "JJS", "VBN", "VBG"}
_NOT_PAST_AFTER = {"to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do", "does",
                   "did", "i", "we", "you", "they", "not", "never"}
_CONJUNCTIONS = {"and", "or", "but", "so", "yet", "while", "when", "before", "after", "because", "despite"}
_WORD = re.compile(r"[A-Za-z][\w'\-]*")


@functools.lru_cache(maxsize=1)
def tagger():
    from textblob.en import lexicon
    from textblob.en.taggers import PatternTagger

    _preload(lexicon)
    return PatternTagger()


def _preload(lexicon) -> None:
    """Fill pattern's word → tag lexicon (a dict that reads its 94,000-line file on first use, about a
    quarter of a second, more than the rewrite of a piece) from the on-disk cache (`cache.py`), keyed
    by TextBlob's version: the same dict, read as JSON. Left to load itself if it has already."""
    from importlib.metadata import version

    if dict.__len__(lexicon):
        return

    def compute() -> dict:
        lexicon.load()
        return dict(dict.items(lexicon))

    words = cached_json("pattern-lexicon", digest(version("textblob")), compute,
                        valid=lambda data: isinstance(data, dict) and len(data) > 1000)
    if not dict.__len__(lexicon):
        dict.update(lexicon, words)


@functools.lru_cache(maxsize=4096)
def tags(text: str) -> tuple[tuple[str, str], ...]:
    """(word, Penn tag) of each word of `text`."""
    return tuple((str(word), str(tag)) for word, tag in tagger().tag(text))


def _last_tag(words: str) -> str:
    tagged = tags(words)
    return tagged[-1][1] if tagged else ""


def same_kind(written: str, new: str, before: str, after: str) -> bool:
    """Whether `new` can stand where the one word `written` stands between `before` and `after`: a word used as an
    adjective (tagged so, or a participle before a noun: "snarling grin") is replaced by an adjective
    or a participle, not by a noun.

    >>> same_kind("snarling", "leader", "Putin's ", " grin")
    False
    >>> same_kind("brutal", "violent", "a ", " regime")
    True
    """
    words = _WORD.findall(written)
    if len(words) != 1:  # a phrase ("axis of evil") is judged whole by the lexicon's neutral, not word by word
        return True
    following = _WORD.findall(after)[:2]
    tagged = tags(" ".join(_WORD.findall(before)[-3:] + words + following))
    position = len(tagged) - len(following) - 1
    if position < 0:
        return True
    in_place = tagged[position][1]
    next_tag = tagged[position + 1][1] if position + 1 < len(tagged) else ""
    adjective = in_place in {"JJ", "JJR", "JJS"} or (in_place in {"VBG", "VBN"} and next_tag.startswith("NN"))
    return not adjective or _last_tag(new) in ADJECTIVE_LIKE


def reads_as_past(term: str, before: str) -> bool:
    """Whether a verb whose base and past forms are one word ("hit", "put") is past here: after a
    subject, not after "to", a modal or an auxiliary ("Reddy hit out", not "will hit out").

    >>> reads_as_past("hit out", "Local MP Tom Reddy "), reads_as_past("hit out", "They will ")
    (True, False)
    """
    first = term.split()[0]
    if first not in inflection(first, "VBD"):
        return False
    previous = _WORD.findall(before)[-1:]
    return bool(previous) and previous[0].lower() not in _NOT_PAST_AFTER


def is_plural(new: str) -> bool:
    """Whether a replacement's head is a plural noun ("heavy losses")."""
    return _last_tag(new) == "NNS"


# Quantifiers that stand where "a" + noun stood and take no article: "a deluge of" → "many".
_QUANTIFIERS = frozenset(["many", "much", "several", "numerous"])


def takes_no_article(new: str) -> bool:
    """Whether a replacement stands without "a"/"an" before it: a plural noun or a quantifier.

    >>> takes_no_article("heavy losses"), takes_no_article("many"), takes_no_article("leader")
    (True, True, False)
    """
    return is_plural(new) or new.split()[0].lower() in _QUANTIFIERS


_DETERMINER = r"(?:the|these|those|this|that|his|her|its|their|our|your|my|them|us|you|it)\b"
_OF_BEFORE_BARE_NOUN = re.compile(r"\s+of(?=\s+(?!" + _DETERMINER + r")\w)", re.I)


def quantifier_of(new: str, after: str) -> int:
    """How many characters of `after` go when a noun of quantity is replaced by a quantifier: the "of"
    before a bare noun ("a myriad of rules" → "many rules"), but not before a determiner ("many of
    the rules").

    >>> quantifier_of("many", " of rules"), quantifier_of("many", " of the rules"), quantifier_of("leader", " of men")
    (3, 0, 0)
    """
    if new.lower() not in _QUANTIFIERS:
        return 0
    m = _OF_BEFORE_BARE_NOUN.match(after)
    return m.end() if m else 0


def particle_preposition(term: str, new: str, after: str) -> int:
    """How many characters of `after` go with a phrasal verb replaced by a plain verb: the
    preposition it took ("hit out at the council" → "criticised the council"), else 0.

    >>> particle_preposition("hit out", "criticised", " at the council")
    3

    The caller then adds the plain verb's own preposition, if it needs one (`PREPOSITION_OF`).
    """
    words = term.split()
    if len(words) < 2 or words[-1] not in PARTICLES or len(new.split()) != 1:
        return 0
    m = re.match(r"\s+(\w+)(?=\s)", after)
    return m.end() if m and m.group(1).lower() in TAKEN_WITH_PARTICLE else 0


def separated_preposition(term: str, written: str, after: str) -> str:
    """" through" when a "through" verb written around its object is followed by a noun phrase: there
    "through" is a preposition the plain verb still needs ("rammed it through the Senate" → "passed
    it quickly through the Senate"); "" otherwise.

    >>> separated_preposition("ram through", "rammed it through", " the Senate.")
    ' through'
    >>> separated_preposition("ram through", "rammed it through", ".")
    ''
    """
    words = written.split()
    if term.split()[-1] != "through" or len(words) != len(term.split()) + 1:
        return ""
    m = re.match(r"\s+(\w+)", after)
    return " through" if m and m.group(1).lower() not in _CONJUNCTIONS else ""
