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
  passive one (`described as ‘lonely bromance’ by Ukraine's foreign minister`).
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
import re
from typing import NamedTuple

from ..text import normalise
from .descriptions import Pairings
from .quotes import OPEN_DOUBLE, mask, quote_spans
from .speakers import (
    AUXILIARIES,
    FUNCTION_WORDS,
    NOT_VERB_BEFORE,
    PASSIVE,
    PRONOUNS,
    last_word,
    speaker_after,
    strip_titles,
    subject_before,
    word_tokens,
)
from .verbs import NAMING_VERBS

VOICES = ("editorial", "quoted", "scare_quote")
# Compiled once: the rules run for every verb and quote of a corpus.
_BY = re.compile(r"[^\w\u25a1]*by\s+(.*)", re.S)
_SO_CALLED = re.compile(r"so[\s\-]called\s*$", re.I)
_STOP = re.compile(r"[.!?](?:\s|$)")
_LEADING = re.compile(r"^[\s,;]+")
_AND_BUT = re.compile(r"\b(?:and|but)\s+$")


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


class _Text(NamedTuple):
    block: object
    normal: str
    masked: str
    spans: list[tuple[int, int, bool]]
    sentence_starts: list[int]


def _prepare(block, sentences: list[tuple[int, int]], normal: str) -> _Text:
    """One block made ready for the rules: its quotes, the text with them masked, and the writer's
    sentences: the package's sentences (`text.sentence_spans`) less the breaks inside a quotation,
    which are the speaker's. `normal` is `normalise(block.text)`, which the parse already made."""
    spans = quote_spans(block.text, normal)
    starts = {0} | {s for s, _ in sentences if not any(a < s < b for a, b, _ in spans)}
    return _Text(block, normal, mask(normal, spans) if spans else normal, spans, sorted(starts))


def _sentence_start(t: _Text, pos: int) -> int:
    """The start of the writer's sentence holding `pos` (>= 0; `sentence_starts` is sorted and holds 0)."""
    return t.sentence_starts[bisect.bisect_right(t.sentence_starts, pos) - 1]


def _sentence_end(t: _Text, pos: int) -> int:
    i = bisect.bisect_right(t.sentence_starts, pos)
    return t.sentence_starts[i] if i < len(t.sentence_starts) else len(t.normal)


def _verbs_in(t: _Text, table: dict, pattern: re.Pattern) -> list[tuple[int, int, str, str, str]]:
    """(start, end, lemma, kind, tag) of attribution verbs outside quotes."""
    out = []
    for m in pattern.finditer(t.masked):
        form = " ".join(m.group(0).lower().split())
        lemma, kind, tag = table[form]
        previous = last_word(t.masked[_sentence_start(t, m.start()):m.start()]).lower()
        if lemma != "according to":
            if previous in NOT_VERB_BEFORE or previous.endswith("'s"):
                continue  # "the claims", "Russia's claims", "to say"
            if tag in ("VB", "VBP") and not (previous in PRONOUNS or previous.endswith("s")):
                continue  # a bare form after a singular noun is a noun ("the dictatorship state")
        out.append((m.start(), m.end(), lemma, kind, tag))
    return out


def _agent(text: str) -> tuple[str, str] | None:
    by = _BY.match(text)
    return speaker_after(by.group(1)) if by else None


def _verb_speaker(t: _Text, start: int, end: int, lemma: str, tag: str, *, quote_end: int | None = None,
                  quote_start: int | None = None):
    """The speaker of one attribution verb: its subject, its agent if passive, or what follows it."""
    sentence = _sentence_start(t, start)
    head = t.masked[sentence:start]
    words = word_tokens(head)
    after = t.masked[end:_sentence_end(t, end)]
    if lemma == "according to":
        return speaker_after(after)
    bare = [w.lower() for w in words]
    while bare and bare[-1] in AUXILIARIES - PASSIVE:
        bare.pop()  # "was first reported", "has also been said"
    if bare and bare[-1] in PASSIVE and tag in ("VBN", "VBD"):
        return _agent(after) or (_agent(t.masked[quote_end + 1:]) if quote_end is not None else None)
    # A verb straight after a closing quote mark, or at the start, is inverted: `," said Kirby`.
    k = start
    while k > sentence and t.masked[k - 1] in " ,":
        k -= 1
    if not head.strip() or any(closed and b == k - 1 for _, b, closed in t.spans):
        return speaker_after(after)
    found = subject_before(head)
    # "a campaign called ‘Save Our Bus’" names a thing; "locals have branded", "campaigners called"
    # are people speaking (an auxiliary or a plural subject), and so is "the group called the
    # decision ‘a betrayal’": words between the verb and the quote are its object, so it is speech.
    spoken_of = quote_start is not None and bool(word_tokens(t.masked[end:quote_start - 1]))
    if (found and lemma in NAMING_VERBS and found[1] == "description" and not spoken_of
            and not (words and words[-1].lower() in ("has", "have", "had")) and not found[0].endswith("s")):
        return None
    return found


def _attribute(t: _Text, start: int, end: int, closed: bool, verbs, table, pattern):
    """(speaker, how) attributing the quote at [start, end), or None for a scare quote."""
    normal, masked = t.normal, t.masked
    if _SO_CALLED.search(normal[:start - 1]):
        return None
    if closed:
        # Attribution right after the quote: `," Kirby said.` / `," said John Kirby.` / `”, it added.`
        next_quote = min([a - 1 for a, _, _ in t.spans if a - 1 > end] + [len(masked)])
        stop = _STOP.search(masked[end + 1:next_quote])
        tail = masked[end + 1:end + 1 + stop.start() if stop else next_quote]
        tail = _LEADING.sub(" ", tail)
        m = pattern.search(tail)
        first_word = word_tokens(tail)[:1]
        if m and not (first_word and first_word[0].lower() in FUNCTION_WORDS):
            lemma, _, tag = table[" ".join(m.group(0).lower().split())]
            if tag != "VBG" and not tail[:m.start()].strip():
                found = speaker_after(tail[m.end():])
                if found:
                    return found
            elif tag != "VBG" and len(word_tokens(tail[:m.start()])) <= 6 and "," not in tail[:m.start()]:
                found = subject_before(tail[:m.start()])
                if found and (lemma not in NAMING_VERBS or found[1] != "description"):
                    return found
    sentence = _sentence_start(t, start - 1)
    for v_start, v_end, lemma, _, tag in reversed([v for v in verbs if sentence <= v[0] < start - 1]):
        if tag == "VBG":
            continue
        found = _verb_speaker(t, v_start, v_end, lemma, tag, quote_end=end if closed else None, quote_start=start)
        if found:
            return found
    return None


def _follows(t: _Text, previous: Quote, start: int) -> bool:
    """Whether the quote at `start` opens the sentence right after the one in which `previous` ends."""
    sentence = _sentence_start(t, start - 1)
    return (not t.normal[sentence:start - 1].strip() and sentence > previous.end
            and _sentence_end(t, previous.end) == sentence)


def _resolve_pronoun(t: _Text, pos: int, verbs_named, last_named: str | None) -> str | None:
    """A name for a pronoun: a named subject earlier in the same sentence, else the last named speaker."""
    sentence = _sentence_start(t, pos)
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
        t = _prepare(block, spans, normal)
        verbs = _verbs_in(t, table, pattern)
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
                found = _verb_speaker(t, v_start, v_end, lemma, tag)
                if found is None and _AND_BUT.search(t.masked[:v_start]):
                    # "The South's military said ... but said some were wounded": the same subject.
                    earlier = [f for p, f in verbs_found if _sentence_start(t, v_start) <= p < v_start]
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
                found = _attribute(t, start, end, closed, verbs, table, pattern)
            previous = quotes[-1] if quotes and quotes[-1].block == block.index else None
            if found is None and previous is not None and previous.kind == "direct" and _follows(t, previous, start):
                # `“A,” Marlowe said. “B.”`: a quote opening the sentence after an attributed one goes on
                # in the same voice.
                found = (previous.speaker, "name")
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
