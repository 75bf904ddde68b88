"""The tables of one analysed article: paragraphs, sentences, loaded-term hits, quotes, attribution verbs.

Each is a view of an `AnalysedArticle` (`analysed.analyse`): pass one to build many views from a
single analysis, or an `Article`, a path or text (analysed on the spot). Offsets (`start`, `end`)
index the block's original text, its `text` column.
"""

from __future__ import annotations

import weakref
from collections import Counter

import numpy as np
import pandas as pd

from ..lexicon import Lexicon, LexiconLike
from .analysed import AnalysedArticle, ArticleLike, analyse
from .attribution import VOICES
from .engine import PSEUDO_ENTRIES, SCORE_COLUMNS, SENTIMENT_COLUMNS, aggregate, quoted_loading, sentence_loading
from .loaded import FEATURES as LOADED_FEATURES
from .loaded import features as loaded_features
from .verbs import reports_speech

HIT_COLUMNS = ["block", "role", "sentence", "start", "end", "text", "term", "category", "weight", "framing", "neutral",
               "voice", "speaker"]
# Loaded-term counts by whose words they are (see attribution.py), then neutral attribution verbs.
VOICE_COLUMNS = ["loaded_editorial", "loaded_quoted", "loaded_scare_quote"]
PARAGRAPH_COLUMNS = ["block", "role", "line", "position", "text", *SCORE_COLUMNS, *VOICE_COLUMNS, "attributions"]
SENTENCE_COLUMNS = ["block", "role", "sentence", "start", "end", "text", "n_words", *SENTIMENT_COLUMNS, "tone",
                    "loaded_p"]
QUOTE_COLUMNS = ["block", "role", "start", "end", "text", "kind", "speaker", "continued"]
VERB_COLUMNS = ["block", "role", "start", "end", "text", "verb", "kind", "speaker"]
# Where each row's article comes from, the last columns of every table (`with_metadata`), so rows from
# many articles can be told apart and grouped.
METADATA_COLUMNS = ["source", "outlet", "date", "url"]


def with_metadata(frame: pd.DataFrame, article: AnalysedArticle) -> pd.DataFrame:
    """`frame` with the article's `source`, `outlet`, `date` and `url` as its last columns (the one
    place every table gets them)."""
    meta = article.article.metadata
    values = {"source": article.source, "outlet": meta.outlet, "date": meta.date, "url": meta.url}
    for column in METADATA_COLUMNS:
        frame[column] = pd.Series([values[column]] * len(frame), index=frame.index, dtype=object)
    return frame


def _positions(n_words: list[int]) -> list[float]:
    """Each block's midpoint as a share (0..1) of the scored words, so pieces of any length compare."""
    total = sum(n_words)
    if total == 0:
        return [0.0] * len(n_words)
    # Plain Python, as exact as numpy's float64 here: numpy's per-call cost was most of it for one article.
    out, before = [], 0
    for n in n_words:
        out.append((before + n / 2) / total)
        before += n
    return out


def score_paragraphs(article: ArticleLike, *, lexicon: LexiconLike = None,
                     include_unscored: bool = False) -> pd.DataFrame:
    """One row per scored block (headline, paragraphs, captions) in reading order.

    Columns: `block`, `role`, `line`, `position` (0..1 through the piece, by words), `text`, then
    `n_words`, `n_sentences`, `vader_compound`, `vader_pos`, `vader_neg`, `vader_neu`,
    `textblob_polarity`, `textblob_subjectivity`, `tone`, `loaded_p`, `loaded_count`, `loaded_weight`,
    `loaded_per_100_words`, `loaded_terms`, then the loaded-term count by voice: `loaded_editorial`
    (the outlet's own words), `loaded_quoted` (inside attributed quotes), `loaded_scare_quote`
    (inside unattributed quotation marks), and `attributions` (neutral attribution verbs outside
    quotes: "said", "told", "according to"; `verbs.NEUTRAL_VERBS`), then, as in every table, the
    article's `source`, `outlet`, `date` and `url` (`with_metadata`). With `include_unscored=True`,
    credits and boilerplate appear too, with empty scores and the `reason` they were not scored.

    >>> score_paragraphs("The tyrant smiled.")[["role", "loaded_count", "loaded_terms"]].to_dict("records")
    [{'role': 'paragraph', 'loaded_count': 1, 'loaded_terms': 'tyrant'}]
    """
    a: AnalysedArticle = analyse(article, lexicon=lexicon)
    frame = paragraph_frame(paragraph_columns(a))
    if include_unscored:
        others = pd.DataFrame(
            [(b.index, b.role, b.line, b.text, b.reason) for b in a.article.blocks if not b.scored],
            columns=["block", "role", "line", "text", "reason"],
        ).astype({"line": "Int64"})
        frame["reason"] = [b.reason for b in a.scored_blocks]
        frame = pd.concat([frame, others], ignore_index=True).sort_values("block", ignore_index=True)
    return with_metadata(frame, a)


def paragraph_columns(a: AnalysedArticle) -> dict[str, list]:
    """The columns of `score_paragraphs` but the metadata, as lists (`PARAGRAPH_COLUMNS`): what a
    corpus stacks for many articles before it makes one table of them (`paragraph_frame`)."""
    blocks = a.scored_blocks
    rows = [aggregate(p, s, a.lexicon) for p, s in zip(a.parsed, a.scores)]
    neutral = Counter(v.block for v in a.verbs if v.kind == "neutral")
    columns = {"block": [b.index for b in blocks], "role": [b.role for b in blocks], "line": [b.line for b in blocks],
               "position": _positions([r["n_words"] for r in rows]), "text": [b.text for b in blocks]}
    columns.update({c: [r[c] for r in rows] for c in SCORE_COLUMNS})
    voices = [[v for v, _ in hits] for hits in a.hit_voices]
    columns.update({c: [v.count(voice) for v in voices] for c, voice in zip(VOICE_COLUMNS, VOICES)})
    columns["attributions"] = [neutral.get(b.index, 0) for b in blocks]
    return columns


def paragraph_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The paragraph table of `paragraph_columns` (of one article, or of several, stacked), with its types."""
    # Typed as they go in (the counts int64 also when there are no rows): one constructor, no column
    # set afterwards, which costs pandas more than building the frame.
    counts = {c: np.asarray(columns[c], dtype=np.int64) for c in (*VOICE_COLUMNS, "attributions")}
    return pd.DataFrame({**columns, "line": pd.array(columns["line"], dtype="Int64"), **counts})


_ENTRY_FIELDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def entry_fields(lex: Lexicon) -> list[tuple]:
    """(term, category, weight, framing, neutral) of each lexicon entry, as plain Python values, once
    per lexicon: reading them out of the entries DataFrame cost more than a corpus article's hits."""
    cached = _ENTRY_FIELDS.get(lex)
    if cached is None:
        entries = lex.entries
        cached = _ENTRY_FIELDS[lex] = list(zip(
            entries["term"].tolist(), entries["category"].tolist(), entries["weight"].astype(float).tolist(),
            entries["framing"].tolist(), entries["neutral"].tolist()))
        # The scare-quote and rated-word hits' entries follow the lexicon's last (`engine.PSEUDO_ENTRIES`).
        cached.extend(tuple(p[c] for c in ("term", "category", "weight", "framing", "neutral")) for p in PSEUDO_ENTRIES)
    return cached


def find_loaded_terms(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """One row per loaded-term occurrence, in reading order.

    Columns: `block`, `role`, `sentence` (index within the block), `start`/`end` (offsets into the
    block's original text; of the loaded words: "claims" for the entry `claims that`, whose last word
    only gives it its sense, `forms.CONTEXT_WORDS`), `text` (as written), `term`, `category`, `weight`,
    `framing`, `neutral`
    (a scare quote around a plain word is a hit of its own: term "scare quotes", category `scare_quote`),
    `voice` (`editorial`, `quoted` or `scare_quote`, see `find_quotes`) and `speaker` (of a quoted
    hit; "" otherwise).

    >>> find_loaded_terms("Putin\u2019s snarling grin.")[["start", "end", "text", "term"]].to_dict("records")
    [{'start': 8, 'end': 21, 'text': 'snarling grin', 'term': 'snarling grin'}]
    """
    a = analyse(article, lexicon=lexicon)
    return with_metadata(pd.DataFrame(hit_rows(a), columns=HIT_COLUMNS), a)


def hit_rows(a: AnalysedArticle) -> list[tuple]:
    """The rows of `find_loaded_terms` but the metadata, as tuples in `HIT_COLUMNS` order."""
    fields = entry_fields(a.lexicon)
    rows = []
    for block, parsed, voices in zip(a.scored_blocks, a.parsed, a.hit_voices):
        for hit, (voice, speaker) in zip(parsed.hits, voices):
            rows.append((block.index, block.role, hit.sentence, hit.start, hit.end, block.text[hit.start:hit.end],
                         *fields[hit.entry], voice, speaker))
    return rows


def score_sentences(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """One row per sentence of the scored blocks: `block`, `role`, `sentence`, `start`, `end`, `text`,
    `n_words`, the sentiment columns, `tone` and `loaded_p` (see `analyse/loaded.py`).

    >>> score_sentences("Kim smiled. Putin left.")["text"].tolist()
    ['Kim smiled.', 'Putin left.']
    """
    a = analyse(article, lexicon=lexicon)
    rows = []
    for block, parsed, scored in zip(a.scored_blocks, a.parsed, a.scores):
        for i, (s, score) in enumerate(zip(parsed.sentences, scored)):
            rows.append((block.index, block.role, i, s.start, s.end, block.text[s.start:s.end], s.n_words,
                         *score.sentiment, score.tone, score.loaded_p))
    return with_metadata(pd.DataFrame(rows, columns=SENTENCE_COLUMNS), a)


def find_quotes(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """One row per quotation, in reading order.

    Columns: `block`, `role`, `start`/`end` (offsets of the quoted text, marks excluded, into the
    block's original text), `text` (as written, without the marks), `kind` (`direct` or `scare`),
    `speaker` (a name, a pronoun or description that could not be resolved, or "" for scare quotes),
    `continued` (a quote carried over from the previous paragraph).

    >>> find_quotes('"We will not back down," Anna Reyes said.')[["text", "kind", "speaker"]].values.tolist()
    [['We will not back down,', 'direct', 'Anna Reyes']]
    >>> find_quotes("Moscow's so-called \u2018peace plan\u2019 stalled.")[["text", "kind"]].values.tolist()
    [['peace plan', 'scare']]
    """
    a = analyse(article, lexicon=lexicon)
    blocks = {b.index: b for b in a.scored_blocks}
    rows = [(q.block, blocks[q.block].role, q.start, q.end, blocks[q.block].text[q.start:q.end], q.kind, q.speaker,
             q.continued) for q in a.quotes]
    return with_metadata(pd.DataFrame(rows, columns=QUOTE_COLUMNS), a)


def reporting_verbs(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """One row per attribution verb outside quotes: neutral ("said", "told", "according to") or
    colouring ("claimed", "insisted", "slammed", and the lexicon's `doubt_verb` entries).

    Columns: `block`, `role`, `start`, `end`, `text` (as written), `verb` (the lemma), `kind`
    (`neutral` or `colouring`), `speaker` (as for `find_quotes`; "" when none is found).

    >>> reporting_verbs("Kirby said the talks failed. Kuleba claimed they worked.")[
    ...     ["text", "kind", "speaker"]].values.tolist()
    [['said', 'neutral', 'Kirby'], ['claimed', 'colouring', 'Kuleba']]
    """
    a = analyse(article, lexicon=lexicon)
    blocks = {b.index: b for b in a.scored_blocks}
    rows = [(v.block, blocks[v.block].role, v.start, v.end, blocks[v.block].text[v.start:v.end], v.lemma, v.kind,
             v.speaker) for v in a.verbs]
    return with_metadata(pd.DataFrame(rows, columns=VERB_COLUMNS), a)


def loaded_p_features(article: ArticleLike, *, lexicon: LexiconLike = None) -> pd.DataFrame:
    """Why each sentence has its `loaded_p`: one row per sentence of the scored blocks with `block`,
    `role`, `sentence`, `text`, the model's features (`analyse/loaded.py`: `charged`, `hedge`,
    `amplifier`, `scare_quotes`, `rated_max`, `vader_intensity`, `subjectivity`, `length`, `attributed`),
    `quoted_weight` (the weight of its hits inside a source's quoted words, `engine.spoken_quotes`: the
    speaker's, which the four hit features leave out; the writer's own scare quotes count) and
    `loaded_p`. A feature's contribution to the log-odds is its value times
    `loaded.COEFFICIENTS[feature]`.

    >>> row = loaded_p_features("The tyrant smiled.").iloc[0]
    >>> round(float(row["charged"]), 3), bool(row["loaded_p"] > 0.5)
    (1.386, True)
    """
    a = analyse(article, lexicon=lexicon)
    rows = []
    for block, parsed, scored in zip(a.scored_blocks, a.parsed, a.scores):
        _, grouped = sentence_loading(parsed, a.lexicon)
        quoted = quoted_loading(parsed, a.lexicon)
        for i, (s, score, groups, speakers) in enumerate(zip(parsed.sentences, scored, grouped, quoted)):
            rows.append((block.index, block.role, i, block.text[s.start:s.end],
                         *loaded_features(score.sentiment, groups, s.n_words,
                                          reports_speech(parsed.normal, s.start, s.end), s.rated_max), speakers,
                         score.loaded_p))
    return with_metadata(pd.DataFrame(rows, columns=["block", "role", "sentence", "text", *LOADED_FEATURES,
                                                     "quoted_weight", "loaded_p"]), a)
