"""Rated words: loaded words the lexicon does not list, found by a small logistic model over features
of the word and its sentence, with no word's identity in it:

    p = 1 / (1 + exp(-(INTERCEPT + sum(COEFFICIENTS[f] * feature f))))

and a word no lexicon match covers is a hit of its own (term "rated word", category `rated_word`)
when p >= THRESHOLD. Every word is a candidate (nouns and verbs too, since v0.6) except stop words,
words under three letters, words with a digit, a verb form VADER rates that is not a describing
word ("smiled"), and a capitalised word wordfreq lacks, a name ("Kuleba": names are never loaded
terms). A possessive is read as its noun ("peer's" as "peer"). The features (`word_features`), each
readable on its own:

- `vader_valence`: |valence| VADER's lexicon gives the word (0 when it has none); `in_vader`: it has one;
- `pattern_polarity`, `pattern_subjectivity`, `pattern_intensity`: mean |polarity|, subjectivity and
  intensity of the word's senses in pattern's lexicon (TextBlob's); `in_pattern`: it is there;
  `pattern_adjective`: it has an adjective sense there;
- `zipf`: the word's frequency in wordfreq's English list (`zipf`; rarer words are likelier loaded:
  the strongest feature), `unknown_frequency`: the list lacks it;
- `describing` (an adjective sense, a -ous/-less/-ist/-ly word or a hyphenated compound: v0.5's
  candidates), `suffix_ous_less`, `suffix_ist`, `suffix_ly`, `suffix_ed_ing`, `suffix_s`,
  `hyphenated`, `capitalised` (a name, mostly: negative), `word_length` (log letters): its shape;
- `sentence_hits` (log(1 + lexicon matches in the sentence, hits and cues)), `near_hit` (a match
  within two words: "very" before a word counts), `quoted` (inside quotation marks),
  `sentence_length` (log words, at least `MIN_SENTENCE_WORDS`; negative), `first_word` (the
  sentence's capitalised first word, whose capital is not a name's): its sentence.

The coefficients and the threshold were fitted by `benchmarks/word_model.py --write` on the words of
the BABE development sentences that no match covers (expert-marked or not; read in place, never
copied), the threshold the highest within 0.005 of the best word F1; docs/VALIDATION.md §3 gives
the leave-one-topic-out figures. A rated word has weight 1 (its word precision, about 0.3-0.45, is
nearest that class), framing by the sign of its VADER valence, else its pattern polarity (`mixed`
when neither rates it; `direction`), and no neutral alternative in the lexicon (`neutral_rewrite`
keeps it). It is shown and counted, and since v0.6 `loaded_p` reads it as a charged hit (refitted
so); `tone`, fitted on the lexicon's matches, ignores it. `explain(sentence)` gives each
candidate's p and every feature's share of it.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

from ..errors import ToneAnalysisError
from .sentiment import vader

FEATURES = ("vader_valence", "pattern_polarity", "pattern_subjectivity", "pattern_intensity", "pattern_adjective",
            "in_pattern", "in_vader", "describing", "suffix_ous_less", "suffix_ist", "suffix_ly", "suffix_ed_ing",
            "suffix_s", "hyphenated", "capitalised", "word_length", "zipf", "unknown_frequency",
            "sentence_hits", "near_hit", "quoted", "sentence_length", "first_word")

# Fitted by benchmarks/word_model.py (logistic regression on BABE dev's uncovered words, target = expert-marked).
INTERCEPT = 7.91
COEFFICIENTS = {
    "vader_valence": 0.60,
    "pattern_polarity": 0.29,
    "pattern_subjectivity": 0.11,
    "pattern_intensity": 0.41,
    "pattern_adjective": 0.09,
    "in_pattern": 0.30,
    "in_vader": -0.34,
    "describing": -0.23,
    "suffix_ous_less": 2.18,
    "suffix_ist": 0.67,
    "suffix_ly": 0.26,
    "suffix_ed_ing": -0.03,
    "suffix_s": -0.58,
    "hyphenated": -1.86,
    "capitalised": -2.01,
    "word_length": -1.09,
    "zipf": -1.25,
    "unknown_frequency": -1.70,
    "sentence_hits": 0.53,
    "near_hit": 0.70,
    "quoted": -0.58,
    "sentence_length": -1.23,
    "first_word": 0.07,
}
THRESHOLD = 0.3
# Sentence length counts from this many words: the model was fitted on news sentences (BABE's are
# mostly 20-40 words), and its negative length coefficient would mark plain words of short texts.
MIN_SENTENCE_WORDS = 20

RATED_WORD = {"term": "rated word", "category": "rated_word", "weight": 1.0, "framing": "mixed",
              "neutral": "(no alternative in the lexicon)"}
# One pseudo-entry per framing, in the order `direction` numbers them.
RATED_WORDS = tuple({**RATED_WORD, "framing": f} for f in ("negative", "positive", "mixed"))
_WORD = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")
_N_OWN = 18  # the first eighteen features are the word's own, the rest its sentence's
_SHAPES = ("ous", "less", "ist", "ly")  # the suffixes of describing words and labels


@functools.lru_cache(maxsize=1)
def _lexicons():
    from spacy.lang.en.stop_words import STOP_WORDS
    from textblob.en import sentiment as pattern

    return STOP_WORDS, vader().lexicon, pattern, _zipf_table()


def _zipf_table() -> dict[str, float]:
    """{word: Zipf frequency} from the English table wordfreq ships in its wheel (nothing downloads),
    read in wordfreq's documented "cBpack" format (gzipped msgpack: a header, then one list of words
    per centibel of frequency, the n-th list at -n cB, i.e. Zipf 9 - n/100) without importing
    wordfreq, whose import finds its data folder through `inspect.stack()` (0.1-0.25 s of start-up)."""
    import gzip
    from importlib.util import find_spec

    import msgpack

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ToneAnalysisError("rated words need the wordfreq package (pip install wordfreq)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    with gzip.open(path, "rb") as file:
        header, *buckets = msgpack.load(file, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ToneAnalysisError(f"{path}: not a wordfreq table this version reads (header {header!r})")
    return {word: 9 - index / 100 for index, bucket in enumerate(buckets) for word in bucket}


def zipf(word: str) -> float:
    """The word's Zipf frequency in wordfreq's English list (log10 of uses per billion words, about 1
    to 8: "the" 7.7, "senator" 4.6, "callous" 3.1), 0 when the list lacks it as one entry (most
    hyphenated compounds).

    >>> zipf("the") > zipf("senator") > zipf("callous") > 0 == zipf("far-left")
    True
    """
    return _lexicons()[3].get(word.lower(), 0.0)


@functools.lru_cache(maxsize=65536)
def _own_features(word: str) -> tuple[float, ...] | None:
    """The word's own features (`word` as written), or None for a word the model never marks."""
    stop, valence, pattern, _ = _lexicons()
    low = word.lower()
    # A possessive is its noun: "peer's" is as common as "peer", though wordfreq lists it far rarer.
    if low.endswith(("'s", "s'")):
        low = low[:-2] if low.endswith("'s") else low[:-1]
    if low in stop or len(low) < 3 or any(c.isdigit() for c in low):
        return None  # a number ("22-year-old") is not loaded, whatever its shape
    rated = pattern.get(low, {})
    senses = list(rated.values())  # (polarity, subjectivity, intensity) per sense
    n = len(senses) or 1
    adjective = "JJ" in rated
    describing = adjective or low.endswith(_SHAPES) or "-" in low
    if not describing and low.endswith(("ed", "ing")) and low in valence:
        return None  # a verb form VADER rates ("smiled", "hoping") reports an act or a feeling, as news does
    frequency = zipf(low)
    if not frequency and word[:1].isupper():
        return None  # a capitalised word wordfreq lacks is a name ("Kuleba"), and names are never loaded terms
    return (abs(valence.get(low, 0.0)), sum(abs(s[0]) for s in senses) / n, sum(s[1] for s in senses) / n,
            sum(s[2] for s in senses) / n, float(adjective), float(bool(senses)), float(low in valence),
            float(describing), float(low.endswith(("ous", "less"))),
            float(low.endswith("ist")), float(low.endswith("ly")), float(low.endswith(("ed", "ing"))),
            float(low.endswith("s")), float("-" in low), float(word[:1].isupper()), math.log(len(low)),
            frequency, float(frequency == 0))


def _context(sentence: str, matches: list[tuple[int, int]]):
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    covered = [any(a < e and s < b for a, b in matches) for s, e in tokens]
    return tokens, covered, math.log1p(len(matches)), math.log(max(len(tokens), MIN_SENTENCE_WORDS))


@functools.lru_cache(maxsize=65536)
def direction(word: str) -> int:
    """0 negative, 1 positive, 2 mixed: the sign of the word's VADER valence, else of its mean pattern
    polarity, else unknown (`RATED_WORDS`' order).

    >>> direction("dangerous"), direction("perfectly"), direction("malicious")  # "malicious": neither rates it
    (0, 1, 2)
    """
    _, valence, pattern, _ = _lexicons()
    low = word.lower()
    value = valence.get(low) or sum(s[0] for s in pattern.get(low, {}).values())
    return 2 if not value else int(value > 0)


def _near_quoted_first(sentence: str, tokens, covered, k: int) -> tuple[float, float, float]:
    near = any(covered[j] for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(tokens))
    s = tokens[k][0]
    quoted = sentence.count('"', 0, s) % 2 == 1 or sentence[s - 1:s] in ("'", '"')
    # A capital that only starts the sentence says nothing of a name: `first_word` offsets `capitalised`.
    return float(near), float(quoted), float(k == 0 and sentence[s:s + 1].isupper())


def word_features(sentence: str, matches: list[tuple[int, int]]) -> list[tuple[int, int, tuple[float, ...]]]:
    """(start, end, features in `FEATURES` order) of each word of `sentence` (typography-normalised)
    that no match covers and that the model could mark; `matches` are the (start, end) of the
    sentence's lexicon matches (hits and cues), into `sentence`.

    >>> [(s, e) for s, e, _ in word_features("A callous, hopeless plan.", [(2, 9)])]  # "a": a stop word
    [(11, 19), (20, 24)]
    """
    tokens, covered, hits, length = _context(sentence, matches)
    out = []
    for k, (s, e) in enumerate(tokens):
        own = None if covered[k] else _own_features(sentence[s:e])
        if own is not None:
            near, quoted, first = _near_quoted_first(sentence, tokens, covered, k)
            out.append((s, e, (*own, hits, near, quoted, length, first)))
    return out


def explain(sentence: str, matches: list[tuple[int, int]] = ()) -> list[dict]:
    """Why each candidate word of `sentence` is or is not a rated word: its word, p, whether
    p >= THRESHOLD, and each feature's contribution to the log-odds (value times coefficient), the
    way `loaded_p_features` explains `loaded_p`; `matches` as for `word_features`.

    >>> [(w["word"], w["rated"], round(w["zipf"], 1)) for w in explain("A scurrilous leaflet.")]
    [('scurrilous', True, -2.8), ('leaflet', False, -3.9)]
    """
    out = []
    for s, e, values in word_features(sentence, list(matches)):
        parts = {f: COEFFICIENTS[f] * v for f, v in zip(FEATURES, values)}
        p = 1 / (1 + math.exp(-(INTERCEPT + sum(parts.values()))))
        out.append({"word": sentence[s:e], "start": s, "end": e, "p": p, "rated": p >= THRESHOLD, **parts})
    return out


_CUT = math.log(THRESHOLD / (1 - THRESHOLD))
_SENTENCE_WEIGHTS = tuple(COEFFICIENTS[f] for f in FEATURES[_N_OWN:])  # hits, near, quoted, length, first
_LOGITS: dict[str, float] = {}  # the own part of each word's log-odds, as written (-inf: never a candidate)
_LOGITS_MAX = 200_000  # words as written; emptied past this, so a corpus's vocabulary does not grow memory
_UNSEEN = (object(),)  # a word not in _LOGITS yet


def _logit(word: str) -> float:
    if len(_LOGITS) >= _LOGITS_MAX:
        _LOGITS.clear()
    own = _own_features(word)
    value = _LOGITS[word] = (-math.inf if own is None
                             else INTERCEPT + sum(COEFFICIENTS[f] * v for f, v in zip(FEATURES, own)))
    return value


def rated_words(sentence: str, matches: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, `direction`) of the rated words of one sentence: the words of `word_features` with
    p >= THRESHOLD (`scan`'s first answer).

    >>> sentence = "The council's callous plan was approved on Tuesday."
    >>> [(sentence[s:e], d) for s, e, d in rated_words(sentence, [])]
    [('callous', 2)]
    """
    return scan(sentence, matches)[0]


def scan(sentence: str, matches: list[tuple[int, int]]) -> tuple[list[tuple[int, int, int]], float]:
    """(the rated words of one sentence, as `rated_words` gives them; `best`, the highest p the model
    gives a word no match covers from the word's own features and the sentence's (its matches and
    length), its place in the sentence (`near_hit`, `quoted`, `first_word`) left out; 0.0 when no
    word is a candidate). `best` is `loaded_p`'s `rated_max`: the most loaded-looking word the
    lexicon does not list, counted whether or not it reaches the threshold.
    Most sentences have no word whose own log-odds could reach the threshold whatever its context,
    so those are settled from cached per-word values (`score_texts` pays a few per cent for this).

    >>> words, best = scan("The council's callous plan was approved on Tuesday.", [])
    >>> len(words), round(best, 2)
    (1, 0.41)
    """
    c_hits, c_near, c_quoted, c_length, c_first = _SENTENCE_WEIGHTS
    words = _WORD.findall(sentence)
    own = list(map(_LOGITS.get, words, _UNSEEN * len(words)))  # one C-level lookup per word
    if _UNSEEN[0] in own:
        own = [_logit(w) if v is _UNSEEN[0] else v for w, v in zip(words, own)]
    top = max(own, default=-math.inf)
    if top == -math.inf:
        return [], 0.0
    context = c_hits * math.log1p(len(matches)) + c_length * math.log(max(len(words), MIN_SENTENCE_WORDS))
    tokens = None
    if matches:
        # The best word no match covers, from the best down (a word never a candidate is -inf).
        tokens = [m.span() for m in _WORD.finditer(sentence)]
        for k in sorted(range(len(own)), key=own.__getitem__, reverse=True):
            s, e = tokens[k]
            top = own[k]
            if top == -math.inf or not any(a < e and s < b for a, b in matches):
                break
        else:
            top = -math.inf  # every candidate is covered
    best = 0.0 if top == -math.inf else 1.0 / (1.0 + math.exp(-(top + context)))
    bound = _CUT - context - max(c_near, 0.0) - max(c_quoted, 0.0) - max(c_first, 0.0)
    candidates = [k for k, value in enumerate(own) if value >= bound]
    if not candidates:
        return [], best
    if tokens is None:
        tokens = [m.span() for m in _WORD.finditer(sentence)]
    # Only the candidates and the words within two of them need to know whether a match covers them.
    covered = [False] * len(tokens)
    if matches:
        for j in {j for k in candidates for j in range(max(k - 2, 0), min(k + 3, len(tokens)))}:
            s, e = tokens[j]
            covered[j] = any(a < e and s < b for a, b in matches)
    out = []
    for k in candidates:
        if covered[k]:
            continue
        near, quoted, first = _near_quoted_first(sentence, tokens, covered, k)
        if own[k] + context + c_near * near + c_quoted * quoted + c_first * first >= _CUT:
            out.append((*tokens[k], direction(words[k])))
    return out, best
