"""The headline `tone` score: one number in -1..1 per sentence, word-weighted mean per paragraph.

    tone = clip(sum(COEFFICIENTS[f] * feature f), -1, 1)

with the features of `features()`: VADER compound, TextBlob polarity, VADER's positive and
negative shares, and the sentence's loaded-term weight (signed by framing: negative -, positive +,
mixed 0) divided by the square root of its word count.

Scale: `tone` is a prediction of the mean human rating of the sentence on the -4..+4 scale of
Hutto & Gilbert's New York Times editorial sentences, divided by 4. So tone 0.25 reads "raters
would put this at about +1 of 4". Being a regression prediction, it is compressed: most
sentences fall within about +-0.3, and an extreme human rating gets a milder prediction.

No intercept: a sentence with no sentiment and no loaded words scores exactly 0. `NEUTRAL_BAND`
is the half-width below which a tone counts as neutral in the 3-class checks: half the 0.05 step
of the human means, on the tone scale.

The coefficients were fitted by least squares on those NYT sentences (5,190 sentences, 498
editorials); `benchmarks/fit_tone.py` reproduces them, and the NYT agreement figures for `tone`
in docs/VALIDATION.md are 5-fold cross-validated (grouped by editorial), not in-sample.
"""

from __future__ import annotations

import math

FEATURES = ("vader_compound", "textblob_polarity", "vader_pos", "vader_neg", "loaded")

# Fitted by benchmarks/fit_tone.py (least squares, no intercept, target = human mean rating / 4).
COEFFICIENTS = {
    "vader_compound": 0.127,
    "textblob_polarity": 0.094,
    "vader_pos": 0.096,
    "vader_neg": -0.474,
    "loaded": 0.188,
}

NEUTRAL_BAND = 0.05 / 2 / 4

_WEIGHTS = tuple(COEFFICIENTS[name] for name in FEATURES)  # in FEATURES order, as tone_score unpacks them


def features(sentiment, signed_loaded_weight: float, n_words: int) -> tuple[float, ...]:
    """The inputs of `tone` for one sentence, in the order of `FEATURES`."""
    loaded = signed_loaded_weight / math.sqrt(max(n_words, 1))
    return (sentiment.vader_compound, sentiment.textblob_polarity, sentiment.vader_pos, sentiment.vader_neg, loaded)


def tone_score(sentiment, signed_loaded_weight: float, n_words: int) -> float:
    """Tone of one sentence from its VADER/TextBlob scores and its signed loaded-term weight.

    >>> from toneanalysis.analyse.sentiment import SentenceSentiment
    >>> tone_score(SentenceSentiment(0.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0.0, 7)
    0.0
    """
    # Written out rather than zipped over features(): this runs once per sentence of every text.
    compound, polarity, pos, neg, loaded = _WEIGHTS
    value = (compound * sentiment.vader_compound + polarity * sentiment.textblob_polarity
             + pos * sentiment.vader_pos + neg * sentiment.vader_neg
             + loaded * (signed_loaded_weight / math.sqrt(max(n_words, 1))))
    return max(-1.0, min(1.0, value))
