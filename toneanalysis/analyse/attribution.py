"""Whose words: each quotation attributed to a speaker or left a scare quote, and each attribution verb
with its speaker.

Rule-based and offline. Quote-attribution libraries either need a parsed spaCy model (textacy's
`direct_quotations`) that cannot be downloaded here, or are not for English news, so the rules
follow news-writing conventions:

- A paragraph that ends inside an open “ continues into the next paragraph that opens with “.
- `kind` is `direct` when the quote is attributed, `scare` when it is not (the writer's own marks,
  and always after "so-called"). Attribution, in this order: a reporting verb right after the quote
  (`," Kirby said` / `," said ... John Kirby`), one before it ending in a colon (`Kuleba said: “`),
  then the nearest speech verb earlier in the same sentence with a subject (`Priya Lal said the
  figures were ‘deeply worrying’`, `what he called “the lonely bromance”`), or an agent after a
  passive one (`described as ‘lonely bromance’ by Ukraine's foreign minister`). These rules read
  one paragraph (`quoted.py`); the engine asks them too, so a scare-quote hit is never a source's words.
- A pronoun becomes the nearest named speaker (the subject of an earlier speech verb in the
  sentence, else the last one named before it); a description ("Ukraine's foreign minister")
  becomes a name when the article pairs the two elsewhere ("Ukraine's Foreign Minister Dmytro Kuleba").
- A span's voice (`voice_of`) is `quoted` inside an attributed quote, `scare_quote` inside a scare
  quote, `editorial` otherwise: the outlet's own words.

All positions are computed on `text.normalise(block.text)`, which keeps offsets, so they index the
block's original text.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from ..text import normalise
from .descriptions import Pairings
from .quoted import AND_BUT, Prepared, prepare, sentence_start, speaker_of, verb_speaker, verbs_in
from .quotes import OPEN_DOUBLE
from .speakers import strip_titles

VOICES = ("editorial", "quoted", "scare_quote")


class Quote(NamedTuple):
    block: int
    start: int
    end: int
    kind: str
    speaker: str
    continued: bool


class Verb(NamedTuple):
    block: int
    start: int
    end: int
    lemma: str
    kind: str
    speaker: str


def _resolve_pronoun(t: Prepared, pos: int, verbs_named, last_named: str | None) -> str | None:
    """A name for a pronoun: a named subject earlier in the same sentence, else the last named speaker."""
    sentence = sentence_start(t, pos)
    earlier = [name for p, name in verbs_named if sentence <= p < pos]
    return earlier[-1] if earlier else last_named


def _resolve_description(description: str, pairings: Pairings) -> str | None:
    """The name the article pairs with a description, from the first block that pairs them
    (`descriptions`); `pairings` is built once per article: a long article is not searched whole
    for every description."""
    name = pairings.resolve(description)
    if name:
        run = strip_titles(name.split())
        if run:
            return " ".join(run)
    return None


def attribute(blocks, sentences, verb_table, normals=None) -> tuple[list[Quote], list[Verb]]:
    """Quotes and attribution verbs of an article's scored `blocks`, in reading order (offsets into each
    block's text). `sentences` holds each block's sentence spans; `verb_table` is `verbs.table_for(lexicon)`;
    `normals` each block's `normalise(text)` when the caller has them (the parse made them), else made here.
    """
    table, pattern = verb_table
    normals = [normalise(b.text) for b in blocks] if normals is None else normals
    pairs = None
    resolved: dict[str, str | None] = {}
    quotes: list[Quote] = []
    verbs_out: list[Verb] = []
    last_named: str | None = None
    open_speaker: str | None = None  # speaker of a quote still open at the end of the last paragraph

    def finish(found, t, pos, verbs_named):
        nonlocal pairs
        speaker, how = found
        if how == "pronoun":
            speaker = _resolve_pronoun(t, pos, verbs_named, last_named) or speaker
        elif how == "description":
            pairs = Pairings("\x00".join(normals)) if pairs is None else pairs
            if speaker not in resolved:  # the same description ("the spokesman") is looked up once
                resolved[speaker] = _resolve_description(speaker, pairs)
            speaker = resolved[speaker] or speaker
            how = "name" if speaker != found[0] else how
        return speaker, how

    for block, spans, normal in zip(blocks, sentences, normals):
        t = prepare(block.text, spans, normal)
        verbs = verbs_in(t, table, pattern)
        verbs_named: list[tuple[int, str]] = []  # named subjects of speech verbs, for pronouns
        verbs_found: list[tuple[int, tuple[str, str]]] = []  # every subject found, for "and said"
        events = []  # (position, "verb"|"quote", item) in reading order
        events += [(v[0], "verb", v) for v in verbs]
        events += [(s, "quote", (s, e, closed)) for s, e, closed in t.spans]
        continuing = open_speaker is not None and block.text.lstrip()[:1] in ('"', *OPEN_DOUBLE)
        if block.role == "paragraph":
            open_speaker = open_speaker if continuing else None
            still_open = bool(t.spans) and not t.spans[-1][2]
        first_char = len(block.text) - len(block.text.lstrip())
        for _, what, item in sorted(events, key=lambda e: e[0]):
            if what == "verb":
                v_start, v_end, lemma, kind, tag = item
                found = verb_speaker(t, v_start, v_end, lemma, tag)
                if found is None and AND_BUT.search(t.masked[:v_start]):
                    # "The South's military said ... but said some were wounded": the same subject.
                    earlier = [f for p, f in verbs_found if sentence_start(t, v_start) <= p < v_start]
                    found = earlier[-1] if earlier else None
                speaker = ""
                if found:
                    speaker, how = finish(found, t, v_start, verbs_named)
                    verbs_found.append((v_start, (speaker, how)))
                    if how == "name":
                        verbs_named.append((v_start, speaker))
                        last_named = speaker
                if kind != "speech":
                    verbs_out.append(Verb(block.index, v_start, v_end, lemma, kind, speaker))
                continue
            start, end, closed = item
            continued = continuing and start == first_char + 1
            if continued:
                found = (open_speaker, "name") if open_speaker else None
            else:
                previous = quotes[-1] if quotes and quotes[-1].block == block.index else None
                found = speaker_of(t, start, end, closed, verbs, verb_table,
                                   (previous.end, previous.speaker) if previous and previous.kind == "direct" else None)
            kind, speaker = "scare", ""
            if found and found[0]:
                kind = "direct"
                speaker, how = finish(found, t, start, verbs_named)
                if how == "name":
                    last_named = speaker
            quotes.append(Quote(block.index, start, end, kind, speaker, continued))
            if not closed and block.role == "paragraph":
                open_speaker = speaker or None
        if block.role == "paragraph" and not still_open:
            open_speaker = None
    return quotes, verbs_out


def voice_lookup(quotes: list[Quote]):
    """A function (block, start) -> (voice, speaker) for spans of the article whose `quotes` these are:
    `quoted` inside an attributed quote, `scare_quote` inside a scare quote, else `editorial`.

    `quotes` are in reading order and do not overlap (as `attribute` returns them), so each lookup is
    a binary search: a long article with many quotes costs no more per hit than a short one.
    """
    keys = [(q.block, q.start) for q in quotes]

    def voice_of(block: int, start: int) -> tuple[str, str]:
        i = bisect.bisect_right(keys, (block, start)) - 1
        if i >= 0:
            q = quotes[i]
            if q.block == block and q.start <= start < q.end:
                return ("quoted", q.speaker) if q.kind == "direct" else ("scare_quote", "")
        return "editorial", ""

    return voice_of
