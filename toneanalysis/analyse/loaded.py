"""`loaded_p`: the probability that a sentence uses loaded language, from a small logistic model.

    loaded_p = 1 / (1 + exp(-(INTERCEPT + sum(COEFFICIENTS[f] * feature f))))

with the features of `features()`, each readable on its own:

- `charged`: log(1 + weight of the sentence's hits in the charged categories: name calling, emotive
  adjectives, loaded nouns, loaded verbs, metaphors, scare phrases) and rated words (`analyse/rated.py`);
- `hedge`: log(1 + weight of its doubt-verb hits: "claimed", "so-called", "insists");
- `amplifier`: log(1 + weight of its exaggeration and puffery hits: "massive", "very", "iconic");
- `scare_quotes`: log(1 + weight of its scare-quote hits: quotation marks around a plain word or
  short phrase that no lexicon entry covers, see `engine.SCARE_QUOTE`);
- `rated_max`: the highest probability the rated-word model (`analyse/rated.py`) gives a word of the
  sentence that no match covers, from the word's own features and the sentence's, whether or not it
  reaches the model's threshold (`rated.scan`): "another miserable day" has no hit, but "miserable"
  scores 0.2 where "another day" scores nothing above 0.05. It reads the whole sentence, quotations
  included;
- `vader_intensity`: |VADER compound| of the sentence;
- `subjectivity`: TextBlob's (pattern's) subjectivity of the sentence;
- `length`: log of its word count. Its coefficient is negative: given its hits, a longer sentence
  is less likely loaded, so the model reads loading as a density;
- `attributed`: 1 when the sentence reports speech with a neutral verb ("said", "told", "according
  to": `verbs.reports_speech`, the forms of `verbs.NEUTRAL_VERBS` other than base forms), else 0.
  Negative: a sentence that attributes what it says reads as reporting, not as the outlet's view.

The four hit groups read the outlet's own words: a lexicon or rated-word hit inside a quotation that
is someone's words (left open, longer than four words, or given a speaker by the voice analysis's
rules: `engine.spoken_quotes`) is the speaker's and is left out (`engine.sentence_loading`; the hit
is still found, with its voice). Experts label a sentence whose only hits are such quoted words
Biased no more often than one with none. Inside the writer's own scare quotes (his 'Axis of Evil'
ally) a hit counts, as does the scare quote itself.

A paragraph's `loaded_p` is the word-weighted mean of its sentences', like `tone`.

The coefficients were fitted by `benchmarks/fit_loaded_p.py` (L2-regularised logistic regression,
scikit-learn, C = 1) on the expert labels (Biased / Non-biased) of the BABE development sentences
(Spinde et al. 2021; 2,300 sentences of 11 topics, read in place, never copied); its agreement
figures in docs/VALIDATION.md are leave-one-topic-out, not in-sample.
`toneanalysis.loaded_p_features(article)` gives every sentence's features; a feature's contribution
to the log-odds is its value times its coefficient.
"""

from __future__ import annotations

import math

FEATURES = ("charged", "hedge", "amplifier", "scare_quotes", "rated_max", "vader_intensity", "subjectivity",
            "length", "attributed")
# Which feature a lexicon category's hit weight goes to; the scare-quote hit has its own.
GROUP_OF_CATEGORY = {
    "name_calling": 0, "emotive_adjective": 0, "loaded_noun": 0, "loaded_verb": 0, "loaded_metaphor": 0,
    "scare_phrase": 0, "doubt_verb": 1, "exaggeration": 2, "puffery": 2, "scare_quote": 3,
    # Rated words (analyse/rated.py) since v0.6: leave-one-topic-out AUC 0.787 -> 0.795 (word_model.py).
    "rated_word": 0,
}
N_GROUPS = 4

# Fitted by benchmarks/fit_loaded_p.py (logistic regression on BABE dev, target = Biased).
INTERCEPT = 1.749
COEFFICIENTS = {
    "charged": 1.670,
    "hedge": 1.308,
    "amplifier": 0.879,
    "scare_quotes": 1.689,
    "rated_max": 1.778,
    "vader_intensity": -0.292,
    "subjectivity": 0.607,
    "length": -0.926,
    "attributed": -0.905,
}

_WEIGHTS = tuple(COEFFICIENTS[name] for name in FEATURES)


def features(sentiment, group_weights, n_words: int, attributed: bool, rated_max: float) -> tuple[float, ...]:
    """The inputs of `loaded_p` for one sentence, in the order of `FEATURES`: `group_weights` is the
    sentence's hit weight summed per group (charged, hedge, amplifier, scare quotes), `attributed`
    whether it reports speech with a neutral verb (`verbs.reports_speech`), `rated_max` the best
    word's p (`rated.scan`)."""
    charged, hedge, amplifier, scare = group_weights
    return (math.log1p(charged), math.log1p(hedge), math.log1p(amplifier), math.log1p(scare), rated_max,
            abs(sentiment.vader_compound), sentiment.textblob_subjectivity, math.log(max(n_words, 1)),
            float(attributed))


def probability(values) -> float:
    """`loaded_p` from a sentence's feature values (in `FEATURES` order).

    >>> round(probability((0.0,) * len(FEATURES)), 3) == round(1 / (1 + math.exp(-INTERCEPT)), 3)
    True
    """
    z = INTERCEPT + sum(c * v for c, v in zip(_WEIGHTS, values))
    return 1.0 / (1.0 + math.exp(-z))


def loaded_p(sentiment, group_weights, n_words: int, attributed: bool, rated_max: float) -> float:
    """The probability that a sentence is loaded, from its sentiment, its hit weight per group, its length,
    whether it reports speech with a neutral verb and its best rated-word p.

    >>> from toneanalysis.analyse.sentiment import SentenceSentiment
    >>> plain = SentenceSentiment(0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    >>> loaded_p(plain, (3.0, 0.0, 0.0, 0.0), 12, False, 0.0) > loaded_p(plain, (0.0, 0.0, 0.0, 0.0), 12, False, 0.0)
    True
    """
    charged, hedge, amplifier, scare = group_weights
    (c_charged, c_hedge, c_amplifier, c_scare, c_rated, c_vader, c_subjectivity, c_length,
     c_attributed) = _WEIGHTS
    z = (INTERCEPT + c_charged * math.log1p(charged) + c_hedge * math.log1p(hedge)
         + c_amplifier * math.log1p(amplifier) + c_scare * math.log1p(scare) + c_rated * rated_max
         + c_vader * abs(sentiment.vader_compound) + c_subjectivity * sentiment.textblob_subjectivity
         + c_length * math.log(max(n_words, 1)) + (c_attributed if attributed else 0.0))
    return 1.0 / (1.0 + math.exp(-z))
