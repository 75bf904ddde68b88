"""The inner steps, run once per text: the sentence split and the lexicon match (`parse`), then VADER,
TextBlob and `tone` per sentence (`sentence_scores`), then the paragraph's scores (`aggregate`).

Every path runs these on typography-normalised text: the analysed article (one article), and
`score_texts`/`score_folder`/Dask (a corpus), so a paragraph scores the same whichever way it came.
Paragraph scores are word-weighted means of sentence scores (VADER's compound saturates on long text).
"""

from __future__ import annotations

import math
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..lexicon import Lexicon
from ..text import count_words, nlp, normalise, sentence_spans
from .sentiment import SentenceSentiment, sentence_sentiment
from .tone import tone_score

SENTIMENT_COLUMNS = list(SentenceSentiment._fields)
SCORE_COLUMNS = [
    "n_words", "n_sentences", *SENTIMENT_COLUMNS, "tone",
    "loaded_count", "loaded_weight", "loaded_per_100_words", "loaded_terms",
]


class Sentence(NamedTuple):
    start: int
    end: int
    n_words: int


class Hit(NamedTuple):
    entry: int      # row of the lexicon's entries
    start: int
    end: int
    sentence: int   # index of the sentence within its text


class Parsed(NamedTuple):
    """One text split into sentences, with its loaded-term hits (offsets into the text)."""

    text: str
    normal: str     # `text.normalise(text)`: what was split, matched and scored
    sentences: list[Sentence]
    hits: list[Hit]


class Scored(NamedTuple):
    """One sentence's sentiment and tone."""

    sentiment: SentenceSentiment
    tone: float


_ENTRY_WEIGHTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def entry_weights(lex: Lexicon) -> tuple[list[float], list[float]]:
    """(weight, weight signed by framing) of each lexicon entry as plain floats, once per lexicon:
    looking them up in the entries DataFrame per hit cost more than the matching itself."""
    cached = _ENTRY_WEIGHTS.get(lex)
    if cached is None:
        sign = {"positive": 1.0, "negative": -1.0}  # mixed: 0
        weights = [float(w) for w in lex.entries["weight"].tolist()]
        signed = [w * sign.get(f, 0.0) for w, f in zip(weights, lex.entries["framing"].tolist())]
        cached = _ENTRY_WEIGHTS[lex] = (weights, signed)
    return cached


def parse(texts: Iterable[str], lex: Lexicon, *, batch_size: int = 256) -> Iterator[Parsed]:
    """Split each text into sentences and find its loaded terms, lazily and in order (memory stays flat)."""
    texts = iter(texts)
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
        matches = lex.match(doc)
        sentences, hits = [], []
        for index, (start, end) in enumerate(spans):
            sentences.append(Sentence(start, end, count_words(normal[start:end])))
            hits.extend(Hit(entry, s, e, index) for entry, s, e in matches if start <= s < end)
        yield Parsed(original, normal, sentences, hits)


def sentence_scores(parsed: Parsed, lex: Lexicon) -> list[Scored]:
    """VADER, TextBlob and `tone` for each sentence of a parsed text."""
    _, signed_weights = entry_weights(lex)
    normal = parsed.normal
    signed = [0.0] * len(parsed.sentences)
    for hit in parsed.hits:
        signed[hit.sentence] += signed_weights[hit.entry]
    out = []
    for sentence, loaded in zip(parsed.sentences, signed):
        scores = sentence_sentiment(normal[sentence.start:sentence.end])
        out.append(Scored(scores, tone_score(scores, loaded, sentence.n_words)))
    return out


def aggregate(parsed: Parsed, scored: list[Scored], lex: Lexicon) -> dict:
    """Paragraph-level score columns: word-weighted means of the sentence scores, and hit counts."""
    sentences = parsed.sentences
    # Words never straddle a sentence boundary, so the sentence counts (on normalised text, where
    # "Russia’s" is one word as "Russia's" is) add up to the paragraph's.
    n_words = sum(s.n_words for s in sentences)
    row = {"n_words": n_words, "n_sentences": len(sentences)}
    if len(scored) == 1:  # most paragraphs: the mean is the sentence's own score, exactly
        row.update(zip(SENTIMENT_COLUMNS, scored[0].sentiment), tone=scored[0].tone)
    elif scored:
        # Plain Python: paragraphs have a few sentences, too few for numpy's per-call overhead to pay.
        weights = [max(s.n_words, 1) for s in sentences]
        total = sum(weights)
        for i, column in enumerate(SENTIMENT_COLUMNS):
            row[column] = sum(w * s.sentiment[i] for w, s in zip(weights, scored)) / total
        row["tone"] = sum(w * s.tone for w, s in zip(weights, scored)) / total
    else:
        row.update({c: math.nan for c in SENTIMENT_COLUMNS}, tone=math.nan)
    weights, _ = entry_weights(lex)
    row["loaded_count"] = len(parsed.hits)
    row["loaded_weight"] = float(sum(weights[h.entry] for h in parsed.hits))
    row["loaded_per_100_words"] = 100 * len(parsed.hits) / n_words if n_words else math.nan
    row["loaded_terms"] = "; ".join(parsed.text[h.start:h.end] for h in parsed.hits)
    return row


def score_rows(texts: Iterable[str], lex: Lexicon) -> Iterator[dict]:
    """The paragraph score columns of each text, lazily: the corpus path (`score_texts`, workers)."""
    for parsed in parse(texts, lex):
        yield aggregate(parsed, sentence_scores(parsed, lex), lex)
