"""The inner steps, run once per text: the sentence split and the lexicon match (`parse`), then VADER,
TextBlob and `tone` per sentence (`sentence_scores`), then the paragraph's scores (`aggregate`).

Every path runs these on typography-normalised text: the analysed article (one article), and
`score_texts`/`score_folder`/Dask (a corpus), so a paragraph scores the same whichever way it came.
Paragraph scores are word-weighted means of sentence scores (VADER's compound saturates on long text).
"""

from __future__ import annotations

import math
import re
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..forms import has_context, loaded_end, match_end
from ..lexicon import Lexicon, default_lexicon
from ..text import count_words, nlp, normalise, sentence_spans
from .loaded import GROUP_OF_CATEGORY, N_GROUPS, loaded_p
from .names import drop_names
from .quoted import attributed
from .quotes import quote_spans
from .rated import RATED_WORDS, scan
from .sentiment import SentenceSentiment, sentence_sentiment
from .tone import tone_score
from .verbs import reports_speech, table_for

SENTIMENT_COLUMNS = list(SentenceSentiment._fields)
SCORE_COLUMNS = [
    "n_words", "n_sentences", *SENTIMENT_COLUMNS, "tone", "loaded_p",
    "loaded_count", "loaded_weight", "loaded_per_100_words", "loaded_terms",
]

# The hit of a scare quote: quotation marks, with no lexicon term inside, around one to
# SCARE_QUOTE_WORDS words that are not all capitalised (a title or a name). Its entry index is one past
# the lexicon's rows (`scare_entry`); its weight was measured on expert labels (docs/VALIDATION.md).
SCARE_QUOTE = {"term": "scare quotes", "category": "scare_quote", "weight": 0.5, "framing": "mixed",
               "neutral": "the words without quotation marks"}
SCARE_QUOTE_WORDS = 4
# Nouns that mention a quotation rather than use it ("the word ‘reforms’"): like a speaker, they make
# a short quotation spoken, not a scare quote (`spoken_quotes`).
MENTION = re.compile(r"\b(?:[Ww]ords?|[Pp]hrase|[Ss]logan)\b")
# What a hit is (chosen on BABE dev, leave-one-topic-out, docs/VALIDATION.md §3): an entry of weight at
# least MIN_HIT_WEIGHT, or a scare quote around at most SCARE_QUOTE_HIT_WORDS words. Lighter matches
# (the generic intensifiers, `crisis`, longer quoted phrases) are cues: they still feed `loaded_p` and
# `tone` (an intensifier raises a sentence's amplifier), but experts rarely mark their words (word
# precision 0.04 and 0.07 on BABE dev), so they are not shown, counted or rewritten as loaded terms.
MIN_HIT_WEIGHT = 1.0
SCARE_QUOTE_HIT_WORDS = 1
_TITLE_WORDS = frozenset(["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"])
_OPENING_MARK = re.compile(r"(?<!\w)[\"']")


class Sentence(NamedTuple):
    start: int
    end: int
    n_words: int
    rated_max: float = 0.0  # the best rated-word p of a word no match covers (`rated.scan`): `loaded_p` reads it


class Hit(NamedTuple):
    entry: int      # row of the lexicon's entries
    start: int
    end: int
    sentence: int   # index of the sentence within its text


class Parsed(NamedTuple):
    """One text split into sentences, with its loaded-term hits and its cues (offsets into the text)."""

    text: str
    normal: str     # `text.normalise(text)`: what was split, matched and scored
    sentences: list[Sentence]
    hits: list[Hit]
    cues: list[Hit]  # matches lighter than a hit (`MIN_HIT_WEIGHT`): features of `loaded_p` and `tone` only
    spoken: list[tuple[int, int]]  # quotations that are someone's words (`spoken_quotes`)


class Scored(NamedTuple):
    """One sentence's sentiment, tone and loaded-language probability."""

    sentiment: SentenceSentiment
    tone: float
    loaded_p: float


_ENTRY_WEIGHTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CONTEXT_ENTRIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def scare_entry(lex: Lexicon) -> int:
    """The entry index of a scare-quote hit: one past the lexicon's own rows."""
    return len(lex.entries)


def rated_entry(lex: Lexicon) -> int:
    """The entry index of the first rated-word hit (`analyse/rated.py`; one per framing from there on):
    two past the lexicon's own rows."""
    return len(lex.entries) + 1


PSEUDO_ENTRIES = (SCARE_QUOTE, *RATED_WORDS)  # the hits without a lexicon row, in entry order


def entry_weights(lex: Lexicon) -> tuple[list[float], list[float], list[int | None]]:
    """(weight, weight signed by framing, `loaded_p` feature group) of each lexicon entry, and of the
    scare-quote and rated-word hits last, as plain values, once per lexicon: looking them up in the
    entries DataFrame per hit cost more than the matching itself. A rated word is signed 0 (`tone`
    ignores it: it was fitted without them) and is in `loaded_p`'s charged group (`loaded.GROUP_OF_CATEGORY`)."""
    cached = _ENTRY_WEIGHTS.get(lex)
    if cached is None:
        sign = {"positive": 1.0, "negative": -1.0}  # mixed: 0
        weights = [float(w) for w in lex.entries["weight"].tolist()] + [float(p["weight"]) for p in PSEUDO_ENTRIES]
        framings = [*lex.entries["framing"].tolist(), *(p["framing"] for p in PSEUDO_ENTRIES)]
        signed = [w * sign.get(f, 0.0) for w, f in zip(weights, framings)]
        signed[rated_entry(lex):] = [0.0] * len(RATED_WORDS)
        categories = [*lex.entries["category"].tolist(), *(p["category"] for p in PSEUDO_ENTRIES)]
        groups = [GROUP_OF_CATEGORY.get(c) for c in categories]
        cached = _ENTRY_WEIGHTS[lex] = (weights, signed, groups)
    return cached


def context_entries(lex: Lexicon) -> frozenset[int]:
    """The entries whose term ends with a context word (`forms.has_context`: "claims that", "flood of"),
    once per lexicon: their hits mark the words before it."""
    cached = _CONTEXT_ENTRIES.get(lex)
    if cached is None:
        cached = _CONTEXT_ENTRIES[lex] = frozenset(i for i, term in enumerate(lex.entries["term"].tolist())
                                                   if has_context(term))
    return cached


def match_span(hit: Hit, normal: str, lex: Lexicon) -> tuple[int, int]:
    """(start, end) of a hit's whole match: its loaded words and, for an entry of `context_entries`,
    the context word after them ("claims that"), around which the rated words are chosen."""
    if hit.entry in context_entries(lex):
        return hit.start, match_end(lex.entries["term"].iat[hit.entry], normal, hit.end)
    return hit.start, hit.end


def short_quotes(text: str, normal: str, matches, sentences=None, quotes=None,
                 spoken=None, verbs=None) -> list[tuple[int, int, bool]]:
    """(start, end, spoken) of the quoted words of each short quotation in a text, marks excluded: a
    closed quotation of 1..SCARE_QUOTE_WORDS words, with a lower-case word among them other than the
    small words of a title ("Tippecanoe and Tyler, Too" is a name), no question or exclamation mark
    (speech), and no lexicon match inside (a quoted loaded term is already a hit of its own).
    `spoken`: it is among the text's `spoken_quotes`, someone's words, a partial quote, not the writer's:
    a scare quote is one that is not spoken (`scare_quotes`). `sentences`: (start, end) pairs of the
    text's sentences; `quotes`: its `quote_spans`, and `spoken` its `spoken_quotes`, when already found;
    `verbs`: the lexicon's `verbs.table_for` (the default lexicon's if not given)."""
    quotes = quote_spans(text, normal) if quotes is None else quotes
    spoken = set(spoken_quotes(normal, quotes, sentences, verbs)) if spoken is None else spoken
    out = []
    for start, end, closed in quotes:
        quoted = normal[start:end]
        words = quoted.split()
        if not (closed and 0 < len(words) <= SCARE_QUOTE_WORDS and "?" not in quoted and "!" not in quoted
                and any(w[:1].islower() and w.strip(".,;:").lower() not in _TITLE_WORDS for w in words)
                and not any(start <= s < end for _, s, _ in matches)):
            continue
        out.append((start, end, (start, end) in spoken))
    return out


def _mentioned(normal: str, start: int, end: int, sentences) -> bool:
    # Whether the sentence of the quotation at [start, end) has a noun that mentions it (`MENTION`).
    a, b = next(((a, b) for a, b in sentences or () if a <= start < b), (0, len(normal)))
    return bool(MENTION.search(normal, a, max(a, start - 1)) or MENTION.search(normal, min(end + 1, b), b))


def spoken_quotes(normal: str, quotes, sentences=None, verbs=None) -> list[tuple[int, int]]:
    """(start, end) of each quotation (of `quotes`, `quote_spans`' triples) that is someone's words:
    one left open, one of more than SCARE_QUOTE_WORDS words, one the voice analysis gives a speaker
    (`quoted.attributed`, by the verbs of `verbs`, the lexicon's `verbs.table_for`: "Ms Lal
    pledged ‘action’"), or one a noun mentions (`MENTION`: "the word ‘reforms’"). The rest are the
    writer's own marks around a word or phrase, scare quotes, as the voice analysis calls them (his
    ‘Axis of Evil’ ally): one rule, so the report never shows a scare-quote hit inside a source's words.

    >>> text = 'His \u2018Axis of Evil\u2019 ally arrived. \u201cWe will win,\u201d he said.'
    >>> [text[a:b] for a, b in spoken_quotes(text, quote_spans(text), [(0, 32), (33, len(text))])]
    ['We will win,']
    """
    # Left open or long, a quotation is someone's words whoever said it: only the rest ask the voice
    # analysis (most quotations in news are long), and a noun is looked for only when it finds nobody.
    ask = [i for i, (start, end, closed) in enumerate(quotes)
           if closed and len(normal[start:end].split()) <= SCARE_QUOTE_WORDS]
    said = attributed(normal, normal, sentences or [], quotes, verbs or table_for(default_lexicon()), ask)
    return [(start, end) for (start, end, _), by in zip(quotes, said)
            if by is not False or _mentioned(normal, start, end, sentences)]


def scare_quotes(text: str, normal: str, matches, sentences=None, quotes=None,
                 spoken=None, verbs=None) -> list[tuple[int, int]]:
    """(start, end) of the quoted words of each scare quote in a text: a short quotation
    (`short_quotes`) that is nobody's words (`spoken_quotes`). A partial quote is nothing (measured as
    a hit class and not kept: docs/VALIDATION.md §3, "Quoted loaded language").

    >>> text = "The 'reforms' were cut, the \u2018brutal\u2019 plan says in \u201cThe Times\u201d."
    >>> brutal = text.index("brutal")
    >>> [text[a:b] for a, b in scare_quotes(text, normalise(text), [(0, brutal, brutal + 6)])]
    ['reforms']
    """
    return [(start, end) for start, end, said in short_quotes(text, normal, matches, sentences, quotes, spoken, verbs)
            if not said]


def parse(texts: Iterable[str], lex: Lexicon, *, batch_size: int = 256) -> Iterator[Parsed]:
    """Split each text into sentences and find its loaded terms, lazily and in order (memory stays flat)."""
    texts = iter(texts)
    weights, *_ = entry_weights(lex)
    scare, rated = scare_entry(lex), rated_entry(lex)
    context = context_entries(lex)
    pending: deque[tuple[str, str]] = deque()

    def normalised():
        for text in texts:
            normal = normalise(text)
            pending.append((text, normal))
            yield normal

    for doc in nlp().pipe(normalised(), batch_size=batch_size):
        # `normal` is doc.text: spaCy's Doc.text rebuilds the string from its tokens on every access.
        original, normal = pending.popleft()
        spans = sentence_spans(doc, normal)
        matches = drop_names(normal, spans, lex.match(doc))
        # Most apostrophes ("Russia's") follow a letter: no quote opens, and most paragraphs have none.
        quotes = quote_spans(original, normal) if _OPENING_MARK.search(normal) else []
        spoken = spoken_quotes(normal, quotes, spans, table_for(lex)) if quotes else []
        if quotes:
            quoted = [(scare, s, e) for s, e in scare_quotes(original, normal, matches, spans, quotes, set(spoken))]
            if quoted:
                matches = sorted(matches + quoted, key=lambda m: m[1])
        sentences, hits, cues = [], [], []
        for index, (start, end) in enumerate(spans):
            mine, matched = [], []
            for entry, s, e in matches:
                if start <= s < end:
                    # A scare quote is a hit by its length, not its weight (0.5, `loaded_p`'s feature value).
                    is_hit = (count_words(normal[s:e]) <= SCARE_QUOTE_HIT_WORDS if entry == scare
                              else weights[entry] >= MIN_HIT_WEIGHT)
                    # A hit marks its loaded words; the rated words are chosen around the whole match.
                    marked = loaded_end(normal, s, e) if entry in context else e
                    (mine if is_hit else cues).append(Hit(entry, s, marked, index))
                    matched.append((s - start, e - start))
            # Words the lexicon does not list, rated by `analyse/rated.py` around the sentence's matches.
            found, best = scan(normal[start:end], matched)
            sentences.append(Sentence(start, end, count_words(normal[start:end]), best))
            if found:
                named = drop_names(normal, [(start, end)], [(rated + d, start + s, start + e) for s, e, d in found])
                mine = sorted(mine + [Hit(entry, s, e, index) for entry, s, e in named], key=lambda h: h.start)
            hits.extend(mine)
        yield Parsed(original, normal, sentences, hits, cues, spoken)


def sentence_loading(parsed: Parsed, lex: Lexicon) -> tuple[list[float], list[list[float]]]:
    """Per sentence: the weight of its hits and cues signed by framing (for `tone`), and their weight per
    `loaded_p` group. `loaded_p` reads the outlet's own words: a lexicon or rated-word match inside a
    quotation that is someone's words (`spoken_quotes`) is the speaker's, and is left out of its
    groups; inside the writer's own scare quotes it counts. `tone` counts every match, as it was fitted."""
    weights, signed_weights, groups = entry_weights(lex)
    signed = [0.0] * len(parsed.sentences)
    grouped = [[0.0] * N_GROUPS for _ in parsed.sentences]
    for hit in (*parsed.hits, *parsed.cues):
        signed[hit.sentence] += signed_weights[hit.entry]
        group = groups[hit.entry]
        if group is not None and not _speakers(hit, parsed.spoken):
            grouped[hit.sentence][group] += weights[hit.entry]
    return signed, grouped


def quoted_loading(parsed: Parsed, lex: Lexicon) -> list[float]:
    """Per sentence: the weight of the hits and cues that `sentence_loading` leaves out of `loaded_p`'s
    groups as the speaker's words (`spoken_quotes`), to explain a hit that `loaded_p` ignores."""
    weights, _, groups = entry_weights(lex)
    quoted = [0.0] * len(parsed.sentences)
    for hit in (*parsed.hits, *parsed.cues):
        if groups[hit.entry] is not None and _speakers(hit, parsed.spoken):
            quoted[hit.sentence] += weights[hit.entry]
    return quoted


def _speakers(hit: Hit, spoken) -> bool:
    # Whether a hit lies in someone's quoted words (`Parsed.spoken`); most paragraphs have none.
    return bool(spoken) and in_quotes(hit.start, spoken)


def in_quotes(position: int, quotes) -> bool:
    """Whether a text offset lies inside one of `quotes`, (start, end) pairs."""
    return any(start <= position < end for start, end in quotes)


def sentence_scores(parsed: Parsed, lex: Lexicon) -> list[Scored]:
    """VADER, TextBlob, `tone` and `loaded_p` for each sentence of a parsed text."""
    normal = parsed.normal
    signed, grouped = sentence_loading(parsed, lex)
    out = []
    for sentence, loaded, by_group in zip(parsed.sentences, signed, grouped):
        scores = sentence_sentiment(normal[sentence.start:sentence.end])
        out.append(Scored(scores, tone_score(scores, loaded, sentence.n_words),
                          loaded_p(scores, by_group, sentence.n_words,
                                   reports_speech(normal, sentence.start, sentence.end), sentence.rated_max)))
    return out


def aggregate(parsed: Parsed, scored: list[Scored], lex: Lexicon) -> dict:
    """Paragraph-level score columns: word-weighted means of the sentence scores, and hit counts."""
    sentences = parsed.sentences
    # Words never straddle a sentence boundary, so the sentence counts (on normalised text, where
    # "Russia’s" is one word as "Russia's" is) add up to the paragraph's.
    n_words = sum(s.n_words for s in sentences)
    row = {"n_words": n_words, "n_sentences": len(sentences)}
    if len(scored) == 1:  # most paragraphs: the mean is the sentence's own score, exactly
        row.update(zip(SENTIMENT_COLUMNS, scored[0].sentiment), tone=scored[0].tone, loaded_p=scored[0].loaded_p)
    elif scored:
        # Plain Python: paragraphs have a few sentences, too few for numpy's per-call overhead to pay.
        weights = [max(s.n_words, 1) for s in sentences]
        total = sum(weights)
        for i, column in enumerate(SENTIMENT_COLUMNS):
            row[column] = sum(w * s.sentiment[i] for w, s in zip(weights, scored)) / total
        row["tone"] = sum(w * s.tone for w, s in zip(weights, scored)) / total
        row["loaded_p"] = sum(w * s.loaded_p for w, s in zip(weights, scored)) / total
    else:
        row.update({c: math.nan for c in SENTIMENT_COLUMNS}, tone=math.nan, loaded_p=math.nan)
    weights, *_ = entry_weights(lex)
    row["loaded_count"] = len(parsed.hits)
    row["loaded_weight"] = float(sum(weights[h.entry] for h in parsed.hits))
    row["loaded_per_100_words"] = 100 * len(parsed.hits) / n_words if n_words else math.nan
    row["loaded_terms"] = "; ".join(parsed.text[h.start:h.end] for h in parsed.hits)
    return row


def score_rows(texts: Iterable[str], lex: Lexicon) -> Iterator[dict]:
    """The paragraph score columns of each text, lazily: the corpus path (`score_texts`, workers)."""
    for parsed in parse(texts, lex):
        yield aggregate(parsed, sentence_scores(parsed, lex), lex)
