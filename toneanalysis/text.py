"""Typography normalisation that keeps offsets; the one sentence splitter, word counter and tokeniser.

Normalisation maps one character to one character, so an offset into the normalised text is
the same offset into the original: scores are computed on the normalised text, highlights are
drawn on the original. Every part of the package that needs sentences, words or tokens takes them
from here, so "the same sentence" and "a word" mean one thing throughout.
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

    An opening quotation mark that the sentencizer leaves at the end of a sentence (`He left. "It
    is over," she said.`) starts the next sentence instead. Pass the Doc's `text` when it is at
    hand: spaCy rebuilds `Doc.text` from the tokens on every access, several per cent of scoring time.
    """
    text = doc.text if text is None else text
    spans = []
    carry = None  # where a sentence starts when the previous one ended on its opening mark
    for sent in doc.sents:
        start, end = sent.start_char if carry is None else carry, sent.end_char
        carry = None
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 1 and text[end - 1] in "\"'" and text[end - 2].isspace():
            carry = end - 1
            end -= 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if end > start:
            spans.append((start, end))
    if carry is not None:
        spans.append((carry, carry + 1))
    return spans


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences offline.

    >>> split_sentences("Putin landed. He was met by Kim.")
    ['Putin landed.', 'He was met by Kim.']
    >>> split_sentences('He left. "It is over," she said.')
    ['He left.', '"It is over," she said.']
    """
    normal = normalise(text)
    return [text[a:b] for a, b in sentence_spans(nlp()(normal), normal)]


def word_runs(text: str) -> list[list[str]]:
    """The tokeniser for counting terms: runs of lower-cased word tokens (spaCy's tokenizer on the
    normalised text); punctuation, numbers and clitics ("'s", "n't") end a run, so a bigram never
    spans them.

    >>> word_runs("Putin's visit, in 2024: the tyrants met.")
    [['putin'], ['visit'], ['in'], ['the', 'tyrants', 'met']]
    """
    runs, run = [], []
    for token in nlp().tokenizer(normalise(text).lower()):
        if any(ch.isalpha() for ch in token.text) and not token.is_punct and not token.text.startswith("'"):
            run.append(token.text)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (lower case), made a frozenset once: the speaker rules ask for
    them for every capitalised word near a verb or quote, and copying the set cost 3 us a time."""
    return frozenset(nlp().Defaults.stop_words)


def content_words(text: str) -> list[str]:
    """The words of `word_runs` less stop words: what similarity between paragraphs is measured on.

    >>> content_words("The tyrants met in Pyongyang.")
    ['tyrants', 'met', 'pyongyang']
    """
    stops = stop_words()
    return [w for run in word_runs(text) for w in run if w not in stops]
