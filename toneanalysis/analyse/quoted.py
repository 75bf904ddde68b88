"""Whether a quotation has a speaker, by the rules of news writing read off its own paragraph (block):
a reporting verb right after it, one before it ending in a colon, a speech verb earlier in its sentence
with a subject (or its clause's, after "and" or a comma and a participle), the agent of a passive one,
"according to", or an attributed quotation just before it. `attribution.attribute` runs these over an
article and resolves the speakers; the engine asks `attributed` of one paragraph, to tell a source's
partial quote from the writer's scare quote. Offsets are into `text.normalise(block.text)`.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .quotes import mask, quote_spans
from .speakers import (
    AUXILIARIES,
    FUNCTION_WORDS,
    NOT_VERB_BEFORE,
    PASSIVE,
    PRONOUNS,
    first_subject,
    last_word,
    speaker_after,
    subject_before,
    word_tokens,
)
from .verbs import NAMING_VERBS

# Compiled once: the rules run for every verb and quote of a corpus.
_BY = re.compile(r"[^\w\u25a1]*by\s+(.*)", re.S)
_SO_CALLED = re.compile(r"so[\s\-]called\s*$", re.I)
_STOP = re.compile(r"[.!?](?:\s|$)")
_LEADING = re.compile(r"^[\s,;]+")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)
_NOT_BE = AUXILIARIES - PASSIVE
AND_BUT = re.compile(r"\b(?:and|but)\s+$")


class Prepared(NamedTuple):
    normal: str
    masked: str
    spans: list[tuple[int, int, bool]]
    sentence_starts: list[int]


def prepare(text: str, sentences: list[tuple[int, int]], normal: str, spans=None) -> Prepared:
    """One block's text made ready for the rules: its quotes (`spans`, when already found), the text
    with them masked, and the writer's sentences: the package's sentences (`text.sentence_spans`) less
    the breaks inside a quotation, which are the speaker's. `normal` is `normalise(text)`, which the
    parse already made."""
    spans = quote_spans(text, normal) if spans is None else spans
    starts = {0} | {s for s, _ in sentences if not any(a < s < b for a, b, _ in spans)}
    return Prepared(normal, mask(normal, spans) if spans else normal, spans, sorted(starts))


def sentence_start(t: Prepared, pos: int) -> int:
    """The start of the writer's sentence holding `pos` (>= 0; `sentence_starts` is sorted and holds 0)."""
    return t.sentence_starts[bisect.bisect_right(t.sentence_starts, pos) - 1]


def sentence_end(t: Prepared, pos: int) -> int:
    i = bisect.bisect_right(t.sentence_starts, pos)
    return t.sentence_starts[i] if i < len(t.sentence_starts) else len(t.normal)


def verbs_in(t: Prepared, table: dict, pattern: re.Pattern, start: int = 0,
             end: int | None = None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, lemma, kind, tag) of attribution verbs outside quotes (those in [start, end))."""
    out = []
    for m in pattern.finditer(t.masked, start, len(t.masked) if end is None else end):
        form = " ".join(m.group(0).lower().split())
        lemma, kind, tag = table[form]
        previous = last_word(t.masked[sentence_start(t, m.start()):m.start()]).lower()
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


def verb_speaker(t: Prepared, start: int, end: int, lemma: str, tag: str, *, quote_end: int | None = None,
                  quote_start: int | None = None):
    """The speaker of one attribution verb: its subject, its agent if passive, or what follows it."""
    sentence = sentence_start(t, start)
    head = t.masked[sentence:start]
    words = word_tokens(head)
    after = t.masked[end:sentence_end(t, end)]
    if lemma == "according to":
        return speaker_after(after)
    if tag in ("VBN", "VBD") and _after_be(words):  # "was first reported", "has also been said"
        if lemma == "quote":
            return subject_before(head)  # "a council member was quoted as saying": the subject spoke
        return _agent(after) or (_agent(t.masked[quote_end + 1:]) if quote_end is not None else None)
    # A verb straight after a closing quote mark, or at the start, is inverted: `," said Kirby`.
    k = start
    while k > sentence and t.masked[k - 1] in " ,":
        k -= 1
    if not head.strip() or any(closed and b == k - 1 for _, b, closed in t.spans):
        return speaker_after(after)
    found = subject_before(head)
    if found is None and AND_BUT.search(head):
        found = first_subject(head)  # "Mr Trump defended the plan and said"
    # "a campaign called ‘Save Our Bus’" names a thing; "locals have branded", "campaigners called"
    # are people speaking (an auxiliary or a plural subject), and so is "the group called the
    # decision ‘a betrayal’": words between the verb and the quote are its object, so it is speech.
    spoken_of = quote_start is not None and bool(word_tokens(t.masked[end:quote_start - 1]))
    if (found and lemma in NAMING_VERBS and found[1] == "description" and not spoken_of
            and not (words and words[-1].lower() in ("has", "have", "had")) and not found[0].endswith("s")):
        return None
    return found


def _attribute(t: Prepared, start: int, end: int, closed: bool, verbs, table, pattern):
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
        according = _ACCORDING.search(tail)
        found = speaker_after(tail[according.end():]) if according else None
        if found:
            return found  # `is ‘X’, according to the ADL`
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
    sentence = sentence_start(t, start - 1)
    for v_start, v_end, lemma, _, tag in reversed([v for v in verbs if sentence <= v[0] < start - 1]):
        if tag == "VBG":
            head = masked[sentence:v_start]
            # A participle after a comma shares its clause's subject: "Mr Trump praised police, saying
            # ‘X’"; after "is"/"were" it is the verb ("the media are describing it as ‘X’"); any other
            # is not a speaker's verb ("a group demanding ‘X’").
            if not _after_be(word_tokens(head)[-3:]):
                found = first_subject(head) if head.rstrip().endswith(",") else None
                if found:
                    return found
                continue
        found = verb_speaker(t, v_start, v_end, lemma, tag, quote_end=end if closed else None, quote_start=start)
        if found:
            return found
    return None


def _follows(t: Prepared, previous_end: int, start: int) -> bool:
    """Whether the quote at `start` opens the sentence right after the one in which a quote ending at
    `previous_end` ends."""
    sentence = sentence_start(t, start - 1)
    return (not t.normal[sentence:start - 1].strip() and sentence > previous_end
            and sentence_end(t, previous_end) == sentence)


def _after_be(words: list[str]) -> bool:
    """Whether a verb after `words` follows a form of "be", past other auxiliaries and adverbs: a
    passive ("was first reported") or a progressive ("are now describing")."""
    i = len(words)
    while i and words[i - 1].lower() in _NOT_BE:
        i -= 1
    return i > 0 and words[i - 1].lower() in PASSIVE


def speaker_of(t: Prepared, start: int, end: int, closed: bool, verbs, verb_table, previous):
    """(speaker, how) of the quote at [start, end) within its block, or None for a scare quote.
    `previous`: (end, speaker) of the quote just before it in the block, if that one was attributed."""
    found = _attribute(t, start, end, closed, verbs, *verb_table)
    if found is None and previous is not None and _follows(t, previous[0], start):
        # `“A,” Marlowe said. “B.”`: a quote opening the sentence after an attributed one goes on in the
        # same voice.
        found = (previous[1], "name")
    return found


def attributed(text: str, normal: str, sentences, spans, verb_table, wanted=None) -> list[bool | None]:
    """For each quotation of one block (`spans`, its `quote_spans`), whether the voice analysis gives it
    a speaker, by `attribute`'s rules within the block. The engine asks it to tell a source's partial
    quote from the writer's scare quote (`engine.short_quotes`), so the scores and the report agree on
    whose words a short quotation is. A block read alone cannot know that it continues the last
    paragraph's open quotation; such a quotation is attributed only by what the block itself says.
    `wanted`: the indices of the quotations to decide (all if None); the rest are None. The rules run
    only for those and for the quotations they follow (`_follows`), and read verbs only in their
    sentences: most quotations in news are long, someone's words whoever said them.

    >>> text = "Ms Lal pledged ‘action’. The ‘reforms’ came."
    >>> from .verbs import verb_table
    >>> attributed(text, text, [(0, 22), (23, len(text))], quote_spans(text), verb_table())
    [True, False]
    """
    out: list[bool | None] = [None] * len(spans)
    wanted = range(len(spans)) if wanted is None else wanted
    if not wanted:
        return out
    t = prepare(text, sentences, normal, spans)
    needed: set[int] = set()
    for i in wanted:
        needed.add(i)
        # A quotation opening the sentence after an attributed one is in its voice: decide that one too.
        while i > 0 and i - 1 not in needed and _follows(t, spans[i - 1][1], spans[i][0]):
            i -= 1
            needed.add(i)
    order = sorted(needed)
    verbs = verbs_in(t, *verb_table, sentence_start(t, spans[order[0]][0] - 1), spans[order[-1]][0])
    speakers: dict[int, str] = {}
    for i in order:
        start, end, closed = spans[i]
        previous = (spans[i - 1][1], speakers[i - 1]) if speakers.get(i - 1) else None
        found = speaker_of(t, start, end, closed, verbs, verb_table, previous)
        speakers[i] = found[0] if found and found[0] else ""
    for i in wanted:
        out[i] = bool(speakers[i])
    return out
