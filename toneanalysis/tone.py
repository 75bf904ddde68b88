"""The headline `tone` score: one number in -1..1 per sentence, averaged per paragraph.

tone = clip(A * VADER compound + B * TextBlob polarity + C * signed loaded weight / sqrt(words), -1, 1)

The loaded weight is signed by the entry's framing (negative -, positive +, mixed 0). The
coefficients were fitted by least squares on human ratings of New York Times editorial
sentences and checked out of sample; benchmarks/validate.py reproduces the fit and the figures
(docs/VALIDATION.md).
"""

from __future__ import annotations

import math

A_VADER = 0.5
B_TEXTBLOB = 0.3
C_LOADED = 0.1


def tone_score(sentiment, signed_loaded_weight: float, n_words: int) -> float:
    """Tone of one sentence from its VADER/TextBlob scores and its signed loaded-term weight."""
    loaded = signed_loaded_weight / math.sqrt(max(n_words, 1))
    value = A_VADER * sentiment.vader_compound + B_TEXTBLOB * sentiment.textblob_polarity + C_LOADED * loaded
    return max(-1.0, min(1.0, value))
