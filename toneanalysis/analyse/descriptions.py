"""The name an article pairs with a description ("Ukraine's Foreign Minister Dmytro Kuleba",
"Dmytro Kuleba, Ukraine's foreign minister", "the mayor, Joan Pike"), for `attribution`.

`search` is the rule: two regular-expression searches of the whole article per description. An
article with many descriptions paid that scan for each (a fifth of the voice analysis), so
`Pairings` finds, once per article, every place where a name can follow a description or be
followed by one, and tries a description only there; `resolve` gives what `search` gives (tested
against it), and falls back to it for a description that is not plain words.
"""

from __future__ import annotations

import functools
import re

NAME = r"((?:[A-Z][\w'\-]+\s)*[A-Z][\w'\-]+)"
_NAME = re.compile(NAME)
# A name that a comma follows, as `search`'s `NAME,` finds it (leftmost start of the run).
_NAME_COMMA = re.compile(NAME + ",")
# Where a name can follow a description: the gap `,?\s+` before a capital and a word character.
_GAP = re.compile(r",?\s+(?=[A-Z][\w'\-])")
# Words without commas, one space apart: for these the places above are all the places (see `resolve`).
_PLAIN = re.compile(r"[^\s,]+(?: [^\s,]+)*")


def _wanted(description: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", description, flags=re.I)


def _said(wanted: str) -> str:
    return re.escape(wanted).replace(r"\ ", r"\s+")


def _choose(joined: str, before, after) -> str | None:
    """Of (start, name) with the description first and with the name first: the name in the earlier
    block; in the same block, the description first."""
    if before and after:
        same_or_earlier = joined.count("\x00", 0, before[0]) <= joined.count("\x00", 0, after[0])
        return (before if same_or_earlier else after)[1]
    return (before or after or (None, None))[1]


def search(description: str, joined: str) -> str | None:
    """The name paired with `description` in `joined` (the blocks' texts joined by NUL, which
    neither pattern crosses), or None."""
    said = _said(_wanted(description))
    before = re.search(rf"(?i:{said}),?\s+{NAME}", joined)
    after = re.search(rf"{NAME},\s+(?:the\s+)?(?i:{said})\b", joined)
    return _choose(joined, *((m.start(), m.group(1)) if m else None for m in (before, after)))


@functools.lru_cache(maxsize=1024)
def _patterns(wanted: str) -> tuple[re.Pattern, re.Pattern]:
    # Compiled once per description, not once per article: "the spokesman" recurs across a corpus.
    return (re.compile(rf",\s+(?:the\s+)?(?i:{_said(wanted)})\b"),
            re.compile(rf"(?i:{_said(wanted[::-1])})"))


class Pairings:
    """An article's places where a description and a name can meet, found once."""

    def __init__(self, joined: str):
        self.joined = joined
        self.reversed = joined[::-1]
        # Name first: (start of the name, its comma).
        self.name_first = [(m.start(), m.end() - 1) for m in _NAME_COMMA.finditer(joined)]
        # Description first: (start of the name, where the description must end: before `,?\s+`).
        self.name_after = [(m.end(), m.start()) for m in _GAP.finditer(joined)]

    def resolve(self, description: str) -> str | None:
        """What `search(description, joined)` returns, from the places found once.

        Name first: `search` returns the leftmost start of a name run whose comma is followed by the
        description, and each comma's run starts where `_NAME_COMMA` finds it. Description first: a
        plain description (words, one space apart) ends exactly where a name's gap starts, and read
        backwards from there it has one start; the leftmost start that the forward pattern matches
        is `search`'s.
        """
        wanted = _wanted(description)
        if not _PLAIN.fullmatch(wanted):
            return search(description, self.joined)
        tail, backwards = _patterns(wanted)
        joined, n = self.joined, len(self.joined)
        after = next(((start, joined[start:comma]) for start, comma in self.name_first
                      if tail.match(joined, comma)), None)
        before = None
        for name, end in self.name_after:
            found = backwards.match(self.reversed, n - end)
            if found and (before is None or n - found.end() < before[0]):
                before = (n - found.end(), _NAME.match(joined, name).group(1))
        return _choose(joined, before, after)
