"""Names are never loaded terms: a lexicon hit that is part of a capitalised name is dropped.

English capitalises a word inside a sentence only when it is (part of) a name, so a hit written
with a capital is read as a name when

- it does not open its sentence (or a quotation, or a clause after a colon or dash) and a
  capitalised word stands before it, joined by a single space ("The Daily Blast", "Judge Savage",
  "Fenmoor's Magnificent Mile"), or a capitalised common word after it ("the Liberty Party", "the
  Freedom Act"; but "Crooked Kemal" is a word before a name);
- it opens its sentence and is the head of a weather, place or operation name before a capitalised
  word ("Storm Ciarán battered the coast"), or a job title ("Judge Savage");
- it is one word standing alone, and the same word is part of a name elsewhere in the text
  ("Savage ruled ... Judge Savage said").

A loaded phrase written in capitals as a whole, with nothing capitalised beside it ("his 'Axis of
Evil' ally", "the Deep State"), is a label, not a name, and still counts; so do a loaded word that
opens a sentence ("Brutal cuts ...", "Tyrant Putin has ..."), a capitalised label alone ("Marxist
ideas", "the vote was Rigged"), words in capitals for emphasis ("MONSTER waves"), and every
word of a Title Case headline ("Tyrant Putin's Snarling Grin").

The rules follow `actors.default_actors`' reading of proper names (a capital that opens a sentence
says nothing by itself; a word lemminflect knows, `speakers.dictionary_words`, is a common word; job
titles are `speakers.TITLE_WORDS`), applied to hits only, so their cost is paid for the few hits written with a capital.
"""

from __future__ import annotations

import re

from .speakers import TITLE_WORDS, dictionary_words

# Heads of names that precede the name proper: "Storm Ciarán", "Hurricane Katrina", "Operation Yellowhammer".
NAME_HEADS = frozenset({
    "storm", "hurricane", "typhoon", "cyclone", "tropical", "operation", "camp", "fort", "lake", "mount",
    "river", "port", "cape", "saint", "st", "bay", "glen", "castle", "house", "hotel", "club", "team",
}) | frozenset(TITLE_WORDS)
_WORD = re.compile(r"[^\W\d_][\w'\-]*")
_SMALL = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
                    "the", "to", "with", "vs", "via", "nor", "over", "up"})
_OPENERS = ".!?:;-"  # after these a capital opens a sentence or a clause, not a name


def capitalised(word: str) -> bool:
    """Written with a capital and not all in capitals ("Blast"; not "blast", "BLAST", "US")."""
    return word[:1].isupper() and not word.isupper()


def _common(word: str) -> bool:
    # lemminflect's words from the on-disk cache: its dictionary itself takes half a second to load.
    return word.lower() in dictionary_words()


def headline(sentence: str) -> bool:
    """Title Case: three or more words, and every word but the small words of a title capitalised."""
    words = _WORD.findall(sentence)
    return len(words) >= 3 and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _opens(normal: str, sentence_start: int, position: int) -> bool:
    before = normal[sentence_start:position].rstrip(" \"'([")
    return not before or before[-1] in _OPENERS


def _named_elsewhere(normal: str, spans, word: str, here: int) -> bool:
    """Whether `word` stands, capitalised, in a name elsewhere in the text ("Judge Savage")."""
    return any(m.start() != here and _name_at(normal, spans, m.start(), m.end(), elsewhere=False)
               for m in re.finditer(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", normal))


def _name_at(normal: str, spans, start: int, end: int, *, elsewhere: bool = True) -> bool:
    words = _WORD.findall(normal[start:end])
    if not words or not any(capitalised(w) for w in words):
        return False
    a, b = next(((a, b) for a, b in spans if a <= start < b), (0, len(normal)))
    if headline(normal[a:b]):
        return False
    before = re.search(r"([^\W\d_][\w'\-]*) $", normal[a:start])
    after = re.match(r" ([^\W\d_][\w'\-]*)", normal[end:b])
    after = after.group(1) if after and capitalised(after.group(1)) else None
    if len(words) == 1 and words[0].lower() in NAME_HEADS and after:
        return True  # "Storm Ciarán battered the coast", "as Hurricane Ida moved north"
    if not _opens(normal, a, start):
        if before and capitalised(before.group(1)) and before.group(1).lower() not in _SMALL:
            return True  # "The Daily Blast", "Judge Savage", "Fenmoor's Magnificent Mile"
        if after:
            # "the Liberty Party" is a name of common words; "Crooked Kemal" a word before a name.
            return _common(after.removesuffix("'s"))
    # One capitalised word alone ("Savage said", "Marxist ideas"): a name only where the text has it in one.
    return elsewhere and len(words) == 1 and _named_elsewhere(normal, spans, words[0], start)


def in_name(normal: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the hit `normal[start:end]` is (part of) a capitalised name; `spans` are the text's sentences."""
    return _name_at(normal, spans, start, end)


def drop_names(normal: str, spans: list[tuple[int, int]], matches: list) -> list:
    """`matches` ((entry, start, end) triples) less those inside a name (`in_name`)."""
    if not any(normal[s:e] != normal[s:e].lower() for _, s, e in matches):
        return matches  # nearly every hit is lower-case: nothing to read
    return [m for m in matches if not in_name(normal, spans, m[1], m[2])]
