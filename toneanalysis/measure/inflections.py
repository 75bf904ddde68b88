"""lemminflect's inflections of the words the neutral rewrite inflects, without loading lemminflect.

The rewrite inflects the words of lexicon terms and of their neutral alternatives. Loading
lemminflect's inflection dictionary costs about a third of a second in every process that rewrites
one piece (a report's whole rewrite takes less), so for the default lexicon's words the answers are
kept in the on-disk cache (`cache.py`), keyed by lemminflect's version and the lexicon's words. A
word outside that table (a custom lexicon's) is asked of lemminflect itself: the same answer, slower.
"""

from __future__ import annotations

import functools
from importlib.metadata import version

from ..cache import cached_json, digest
from ..lexicon import default_lexicon

# Every tag lemminflect inflects for: what the rewrite can ask of a neutral word.
TAGS = ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS")


def _lexicon_words() -> tuple[list[str], list[str]]:
    """The words of the default lexicon's terms, and of its neutral alternatives."""
    entries = default_lexicon().entries
    return tuple(sorted({w for text in entries[column].fillna("") for w in text.split()})
                 for column in ("term", "neutral"))


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    # What the rewrite asks: every inflection of a term's word (to read the form written), a neutral
    # word in the tag found there, and a term's first word in the past tense (`grammar.reads_as_past`).
    terms, neutrals = _lexicon_words()

    def compute() -> dict:
        from lemminflect import getAllInflections, getInflection

        tagged = {w: {"VBD": list(getInflection(w, tag="VBD"))} for w in terms}
        tagged.update({w: {tag: list(getInflection(w, tag=tag)) for tag in TAGS} for w in neutrals})
        return {"all": {w: {tag: list(forms) for tag, forms in getAllInflections(w).items()} for w in terms},
                "tagged": tagged}

    def valid(data) -> bool:
        return isinstance(data, dict) and set(data) == {"all", "tagged"} and set(data["all"]) == set(terms)

    key = digest(version("lemminflect"), *TAGS, *terms, "\0", *neutrals)
    return cached_json("rewrite-inflections", key, compute, valid=valid)


@functools.lru_cache(maxsize=4096)
def all_inflections(word: str) -> dict[str, tuple[str, ...]]:
    """`lemminflect.getAllInflections(word)`: tag → forms from its dictionary.

    >>> all_inflections("tyrant")["NNS"]
    ('tyrants',)
    """
    known = _table()["all"].get(word)
    if known is None:
        from lemminflect import getAllInflections

        return getAllInflections(word)
    return {tag: tuple(forms) for tag, forms in known.items()}


@functools.lru_cache(maxsize=4096)
def inflection(word: str, tag: str) -> tuple[str, ...]:
    """`lemminflect.getInflection(word, tag=tag)`: the forms of `word` for a Penn tag.

    >>> inflection("criticise", "VBD")
    ('criticised',)
    """
    known = _table()["tagged"].get(word, {}).get(tag)
    if known is None:
        from lemminflect import getInflection

        return getInflection(word, tag=tag)
    return tuple(known)
