"""Scores per paragraph, per sentence, per loaded-term hit, and per text of a corpus.

Every path runs the same pipeline on typography-normalised text: spaCy's rule-based sentencizer,
VADER and TextBlob per sentence, the lexicon's matcher per paragraph; paragraph scores are
word-weighted means of sentence scores (VADER's compound saturates on long text).
"""

from __future__ import annotations

import math
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import lexicon as lexicon_module
from .article import Article, article_from_text
from .errors import ToneAnalysisError
from .sentiment import SentenceSentiment, sentence_sentiment
from .text import count_words, nlp, normalise, sentence_spans
from .tone import tone_score

SENTIMENT_COLUMNS = list(SentenceSentiment._fields)
SCORE_COLUMNS = [
    "n_words", "n_sentences", *SENTIMENT_COLUMNS, "tone",
    "loaded_count", "loaded_weight", "loaded_per_100_words", "loaded_terms",
]
HIT_COLUMNS = ["block", "role", "sentence", "start", "end", "text", "term", "category", "weight", "framing", "neutral",
               "voice", "speaker"]
# Loaded-term counts by whose words they are (see voice.py); score_paragraphs appends these.
VOICE_COLUMNS = ["loaded_editorial", "loaded_quoted", "loaded_scare_quote"]


class Sentence(NamedTuple):
    start: int
    end: int
    n_words: int
    sentiment: SentenceSentiment | None  # None when analysed with sentiment=False
    tone: float


class Hit(NamedTuple):
    entry: int
    start: int
    end: int
    sentence: int


class Analysis(NamedTuple):
    """Everything measured on one text: its sentences and its loaded-term hits (offsets into the text)."""

    text: str
    sentences: list[Sentence]
    hits: list[Hit]


_ENTRY_WEIGHTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _entry_weights(lex: lexicon_module.Lexicon) -> tuple[list[float], list[float]]:
    """(weight, weight signed by framing) of each lexicon entry as plain floats, once per lexicon:
    looking them up in the entries DataFrame per hit cost more than the matching itself."""
    cached = _ENTRY_WEIGHTS.get(lex)
    if cached is None:
        sign = {"positive": 1.0, "negative": -1.0}  # mixed: 0
        weights = [float(w) for w in lex.entries["weight"].tolist()]
        signed = [w * sign.get(f, 0.0) for w, f in zip(weights, lex.entries["framing"].tolist())]
        cached = _ENTRY_WEIGHTS[lex] = (weights, signed)
    return cached


def analyse(texts: Iterable[str], lex: lexicon_module.Lexicon, *, batch_size: int = 256,
            sentiment: bool = True) -> Iterator[Analysis]:
    """Analyse texts lazily, in order; memory stays flat however many texts come in.

    `sentiment=False` finds sentences and loaded terms only (sentences then carry no sentiment and
    no tone): VADER and TextBlob are most of the cost, and a hit table does not need them.
    """
    _, signed_weights = _entry_weights(lex)
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
            signed = 0.0
            for entry, s, e in matches:
                if start <= s < end:
                    hits.append(Hit(entry, s, e, index))
                    signed += signed_weights[entry]
            sentence_text = normal[start:end]
            n_words = count_words(sentence_text)
            if sentiment:
                scores = sentence_sentiment(sentence_text)
                sentences.append(Sentence(start, end, n_words, scores, tone_score(scores, signed, n_words)))
            else:
                sentences.append(Sentence(start, end, n_words, None, math.nan))
        yield Analysis(original, sentences, hits)


def aggregate(analysis: Analysis, lex: lexicon_module.Lexicon) -> dict:
    """Paragraph-level score columns: word-weighted means of the sentence scores, and hit counts."""
    sentences = analysis.sentences
    # Words never straddle a sentence boundary, so the sentence counts (on normalised text, where
    # "Russia’s" is one word as "Russia's" is) add up to the paragraph's.
    n_words = sum(s.n_words for s in sentences)
    row = {"n_words": n_words, "n_sentences": len(sentences)}
    if len(sentences) == 1:  # most paragraphs: the mean is the sentence's own score, exactly
        row.update(zip(SENTIMENT_COLUMNS, sentences[0].sentiment), tone=sentences[0].tone)
    elif sentences:
        # Plain Python: paragraphs have a few sentences, too few for numpy's per-call overhead to pay.
        weights = [max(s.n_words, 1) for s in sentences]
        total = sum(weights)
        for i, column in enumerate(SENTIMENT_COLUMNS):
            row[column] = sum(w * s.sentiment[i] for w, s in zip(weights, sentences)) / total
        row["tone"] = sum(w * s.tone for w, s in zip(weights, sentences)) / total
    else:
        row.update({c: math.nan for c in SENTIMENT_COLUMNS}, tone=math.nan)
    entry_weights, _ = _entry_weights(lex)
    row["loaded_count"] = len(analysis.hits)
    row["loaded_weight"] = float(sum(entry_weights[h.entry] for h in analysis.hits))
    row["loaded_per_100_words"] = 100 * len(analysis.hits) / n_words if n_words else math.nan
    row["loaded_terms"] = "; ".join(analysis.text[h.start:h.end] for h in analysis.hits)
    return row


def _as_article(article_or_text) -> Article:
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        if not article_or_text.strip():
            raise ToneAnalysisError("the text is empty")
        return article_from_text(article_or_text)
    raise ToneAnalysisError(
        f"expected an Article (from load_article) or a str of text, got {type(article_or_text).__name__}"
    )


def string_offset(article_or_text, art: Article) -> int:
    """Where a one-paragraph string's block text starts in the string (0 otherwise), so that offsets
    reported for a string given by the user index that string."""
    if isinstance(article_or_text, str) and len(art.blocks) == 1:
        return article_or_text.find(art.blocks[0].text)
    return 0


def _positions(n_words: list[int]) -> list[float]:
    """Each block's midpoint as a share (0..1) of the scored words, so pieces of any length compare."""
    total = sum(n_words)
    if total == 0:
        return [0.0] * len(n_words)
    before = np.cumsum([0, *n_words[:-1]])
    return [float((b + n / 2) / total) for b, n in zip(before, n_words)]


def score_paragraphs(article, *, lexicon=None, include_unscored: bool = False) -> pd.DataFrame:
    """One row per scored block (headline, paragraphs, captions) in reading order.

    Columns: `block`, `role`, `line`, `position` (0..1 through the piece, by words), `text`, then
    `n_words`, `n_sentences`, `vader_compound`, `vader_pos`, `vader_neg`, `vader_neu`,
    `textblob_polarity`, `textblob_subjectivity`, `tone`, `loaded_count`, `loaded_weight`,
    `loaded_per_100_words`, `loaded_terms`, then the loaded-term count by voice: `loaded_editorial`
    (the outlet's own words), `loaded_quoted` (inside attributed quotes), `loaded_scare_quote`
    (inside unattributed quotation marks). With `include_unscored=True`, credits and boilerplate
    appear too, with empty scores and the `reason` they were not scored.

    >>> score_paragraphs("The tyrant smiled.")[["role", "loaded_count", "loaded_terms"]].to_dict("records")
    [{'role': 'paragraph', 'loaded_count': 1, 'loaded_terms': 'tyrant'}]
    """
    art = _as_article(article)
    lex = lexicon_module.resolve(lexicon)
    scored = art.scored_blocks()
    analyses = list(analyse((b.text for b in scored), lex))
    rows = [aggregate(a, lex) for a in analyses]
    frame = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    frame.insert(0, "text", [b.text for b in scored])
    frame.insert(0, "position", _positions(frame["n_words"].tolist()))
    frame.insert(0, "line", pd.array([b.line for b in scored], dtype="Int64"))
    frame.insert(0, "role", [b.role for b in scored])
    frame.insert(0, "block", [b.index for b in scored])
    counts = _voice_counts(art, scored, analyses)
    frame[VOICE_COLUMNS] = pd.DataFrame(counts, columns=VOICE_COLUMNS, index=frame.index, dtype=int)
    if include_unscored:
        others = pd.DataFrame(
            [(b.index, b.role, b.line, b.text, b.reason) for b in art.blocks if not b.scored],
            columns=["block", "role", "line", "text", "reason"],
        ).astype({"line": "Int64"})
        frame["reason"] = [b.reason for b in scored]
        frame = pd.concat([frame, others], ignore_index=True).sort_values("block", ignore_index=True)
    return frame


def _voice_counts(art: Article, scored, analyses) -> list[list[int]]:
    """Per block, the number of hits in the outlet's own words, in attributed quotes, in scare quotes."""
    from . import voice  # voice.py imports this module's helpers, so import it when called

    quotes, _ = voice.analyse_voice(art, lexicon=False)
    counts = []
    for block, analysis in zip(scored, analyses):
        found = [voice.voice_of(quotes, block.index, h.start, h.end)[0] for h in analysis.hits]
        counts.append([found.count(v) for v in voice.VOICES])
    return counts


def _hit_rows(art: Article, lex) -> list[tuple]:
    from . import voice  # voice.py imports this module's helpers, so import it when called

    entries = lex.entries
    scored = art.scored_blocks()
    quotes, _ = voice.analyse_voice(art, lexicon=False)
    rows = []
    for block, analysis in zip(scored, analyse((b.text for b in scored), lex, sentiment=False)):
        for hit in analysis.hits:
            entry = entries.loc[hit.entry]
            rows.append((block.index, block.role, hit.sentence, hit.start, hit.end, block.text[hit.start:hit.end],
                         entry["term"], entry["category"], float(entry["weight"]), entry["framing"], entry["neutral"],
                         *voice.voice_of(quotes, block.index, hit.start, hit.end)))
    return rows


def find_loaded_terms(article, *, lexicon=None) -> pd.DataFrame:
    """One row per loaded-term occurrence, in reading order.

    Columns: `block`, `role`, `sentence` (index within the block), `start`/`end` (offsets into the
    block's original text; into the string itself when given a one-paragraph string), `text` (as
    written), `term`, `category`, `weight`, `framing`, `neutral`, `voice` (`editorial`, `quoted` or
    `scare_quote`, see `find_quotes`) and `speaker` (of a quoted hit; "" otherwise).

    >>> find_loaded_terms("Putin\u2019s snarling grin.")[["start", "end", "text", "term"]].to_dict("records")
    [{'start': 8, 'end': 21, 'text': 'snarling grin', 'term': 'snarling grin'}]
    """
    art = _as_article(article)
    rows = _hit_rows(art, lexicon_module.resolve(lexicon))
    frame = pd.DataFrame(rows, columns=HIT_COLUMNS)
    shift = string_offset(article, art)
    frame["start"] += shift
    frame["end"] += shift
    return frame


def score_sentences(article, *, lexicon=None) -> pd.DataFrame:
    """One row per sentence of the scored blocks: `block`, `role`, `sentence`, `start`, `end`, `text`,
    the sentiment columns, `tone`, `n_words`."""
    art = _as_article(article)
    lex = lexicon_module.resolve(lexicon)
    scored = art.scored_blocks()
    rows = []
    for block, analysis in zip(scored, analyse((b.text for b in scored), lex)):
        for i, s in enumerate(analysis.sentences):
            rows.append((block.index, block.role, i, s.start, s.end, block.text[s.start:s.end], s.n_words, *s.sentiment, s.tone))
    return pd.DataFrame(rows, columns=["block", "role", "sentence", "start", "end", "text", "n_words",
                                       *SENTIMENT_COLUMNS, "tone"])


def _checked_texts(texts) -> Iterator[str]:
    for i, text in enumerate(texts):
        if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA or text is pd.NaT:
            yield ""
        elif isinstance(text, str):
            yield text
        else:
            raise ToneAnalysisError(f"score_texts: item {i} is a {type(text).__name__} ({text!r:.60}), not text")


def score_texts(texts, *, lexicon=None, n_jobs: int = 1, progress: bool = False, chunk_size: int = 256) -> pd.DataFrame:
    """The paragraph score columns for each text of a list or pandas Series (a corpus column).

    Each text is scored as one paragraph. None/NaN score as empty (zero words, NaN sentiment);
    anything else that is not a str raises `ToneAnalysisError` naming the item. A Series keeps its index.
    Any iterable of texts works (a generator is consumed lazily, `chunk_size` texts at a time);
    `n_jobs=-1` scores on every core with the same results (see `toneanalysis.corpus`);
    `progress=True` shows a tqdm bar on stderr.

    >>> score_texts(["Tyrants met.", None])[["n_words", "loaded_count"]].to_dict("records")
    [{'n_words': 2, 'loaded_count': 1}, {'n_words': 0, 'loaded_count': 0}]
    """
    from .corpus import score_rows

    if isinstance(texts, str):
        raise ToneAnalysisError("score_texts takes a list or Series of texts; for one text use score_paragraphs")
    lex = lexicon_module.resolve(lexicon)
    index = texts.index if isinstance(texts, pd.Series) else None
    total = len(texts) if hasattr(texts, "__len__") else None
    rows = list(score_rows(_checked_texts(texts), lex, n_jobs=n_jobs, chunk_size=chunk_size, progress=progress,
                           total=total))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS, index=index)
