"""VADER and TextBlob per sentence, with one analyzer of each reused for every call.

A new `SentimentIntensityAnalyzer()` re-reads its lexicon (~170x slower than reusing one), and
VADER's compound saturates on long text, so the package scores sentences and aggregates.
"""

from __future__ import annotations

import functools
from typing import NamedTuple


class SentenceSentiment(NamedTuple):
    vader_compound: float
    vader_pos: float
    vader_neg: float
    vader_neu: float
    textblob_polarity: float
    textblob_subjectivity: float


@functools.lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def textblob():
    """TextBlob's pattern sentiment function: `text -> (polarity, subjectivity)`.

    It is what `TextBlob(text).sentiment` and `PatternAnalyzer.analyze` compute, and needs no NLTK
    data; calling it directly skips the namedtuple class `analyze` builds on every call, which
    cost more than the scoring itself.
    """
    from textblob.en import sentiment

    return sentiment


def sentence_sentiment(sentence: str) -> SentenceSentiment:
    """VADER and TextBlob scores of one (typography-normalised) sentence.

    >>> sentence_sentiment("his 'Axis of Evil' ally").vader_compound
    -0.6597
    """
    v = vader().polarity_scores(sentence)
    polarity, subjectivity = textblob()(sentence)
    return SentenceSentiment(v["compound"], v["pos"], v["neg"], v["neu"], float(polarity), float(subjectivity))
