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
    """VADER's `SentimentIntensityAnalyzer`, whose `polarity_scores` skips the emoji pass when the text
    has no emoji (`_analyzer`): the same scores, ~15% less of VADER's time."""
    return _analyzer()


def _analyzer():
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

    class Analyzer(SentimentIntensityAnalyzer):
        def __init__(self):
            super().__init__()
            # VADER compares one character at a time with its emoji table: only one-character keys match.
            self.emoji_chars = frozenset(key for key in self.emojis if len(key) == 1)

        def polarity_scores(self, text):
            """`SentimentIntensityAnalyzer.polarity_scores` (vaderSentiment 3.3.2, MIT licence) when the
            text has an emoji. Without one, its character-by-character emoji pass (a string built by
            `+=`, ~15% of its time on news sentences) returns `text.strip()`, so this starts from there;
            the rest is its body as written. tests/test_scoring.py compares the two."""
            if not isinstance(text, str) or not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                if item.lower() in BOOSTER_DICT:
                    sentiments.append(valence)
                    continue
                if (i < len(words_and_emoticons) - 1 and item.lower() == "kind" and
                        words_and_emoticons[i + 1].lower() == "of"):
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return Analyzer()


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
