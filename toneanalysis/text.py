"""Typography normalisation that keeps offsets, and offline sentence splitting.

Normalisation maps one character to one character, so an offset into the normalised text is
the same offset into the original: scores are computed on the normalised text, highlights are
drawn on the original.
"""

from __future__ import annotations

import functools
import re

# VADER and the lexicon matcher only know ASCII quotes and hyphens: `his ‘Axis of Evil’ ally`
# scores 0.0 in VADER, `his 'Axis of Evil' ally` -0.66.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00ad": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u2026": ".",
        "\t": " ", "\r": " ", "\n": " ", "\x0b": " ", "\x0c": " ",
        "\u2028": " ", "\u2029": " ", "\x85": " ", "\x1c": " ", "\x1d": " ", "\x1e": " ",
    }
)


def normalise(text: str) -> str:
    """Return `text` with typographic quotes, apostrophes, dashes and spaces made ASCII.

    The result has exactly the length of `text`, so offsets carry over.

    >>> normalise("his \u2018Axis of Evil\u2019 ally \u2013 Russia\u2019s")
    "his 'Axis of Evil' ally - Russia's"
    """
    return text.translate(_TYPOGRAPHY)


_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Number of words (letters/digits, with inner apostrophes and hyphens) in `text`."""
    return len(_WORD.findall(text))


@functools.lru_cache(maxsize=1)
def nlp():
    """A blank English spaCy pipeline with the rule-based sentencizer: no model, no download."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def sentence_spans(doc, text: str | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of a spaCy Doc's sentences, whitespace trimmed.

    Pass the Doc's `text` when it is at hand: spaCy rebuilds `Doc.text` from the tokens on every
    access, several per cent of scoring time.
    """
    text = doc.text if text is None else text
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences offline.

    >>> split_sentences("Putin landed. He was met by Kim.")
    ['Putin landed.', 'He was met by Kim.']
    """
    normal = normalise(text)
    return [text[a:b] for a, b in sentence_spans(nlp()(normal), normal)]
