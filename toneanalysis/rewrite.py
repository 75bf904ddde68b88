"""The neutral rewrite: swap each loaded term for its lexicon `neutral` alternative and score again,
to measure how much of a piece's tone is word choice.

Only the outlet's own voice is rewritten by default (`voices=("editorial", "scare_quote")`): words
inside attributed quotes are the source's, and a reporter cannot change them. A replacement takes
the written form's inflection ("Tyrants" → "Leaders") and the case of its first letter; an empty
`neutral` drops the word and tidies the spaces around it; scare quotes around a term that is
replaced whole are dropped with it (the neutral word needs no distancing); "a"/"an" before a
replacement is adjusted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import ToneAnalysisError
from .text import normalise

REWRITE_COLUMNS = ["block", "role", "text", "rewritten", "n_words", "tone", "tone_rewritten", "tone_change",
                   "loaded_count", "n_replaced", "replacements"]


def _inflect_word(neutral: str, term: str, written: str) -> str:
    """`neutral` in the inflection that turns `term` into `written` ("leader", "tyrant", "tyrants" → "leaders")."""
    from lemminflect import getAllInflections, getInflection

    if written == term:
        return neutral
    for tag, forms in getAllInflections(term).items():
        if written in forms:
            inflected = getInflection(neutral, tag=tag)
            return inflected[0] if inflected else neutral
    return neutral


def replacement(term: str, neutral: str, written: str) -> str:
    """The neutral wording for one occurrence of a loaded term, inflected and cased like `written`.

    >>> replacement("tyrant", "leader", "Tyrants")
    'Leaders'
    >>> replacement("slam", "criticise", "slammed")
    'criticised'
    """
    if not neutral:
        return ""
    t_words, n_words = term.split(), neutral.split()
    w_words = normalise(written).lower().replace("-", " ").split()
    if len(w_words) == len(t_words) and n_words:
        # A phrase inflects its last word ("axes of evil") or, for a verb phrase, its first ("lashed out").
        if w_words[-1] != t_words[-1]:
            n_words[-1] = _inflect_word(n_words[-1], t_words[-1], w_words[-1])
        elif len(t_words) > 1 and w_words[0] != t_words[0]:
            n_words[0] = _inflect_word(n_words[0], t_words[0], w_words[0])
    out = " ".join(n_words)
    if written[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


def _a_or_an(text: str, at: int, following: str) -> str:
    """Fix "a"/"an" just before position `at` for the word that now follows."""
    m = re.search(r"\b([Aa]n?)(\s+)$", text[:at])
    if not m or not following:
        return text
    article = "an" if following[:1].lower() in "aeiou" else "a"
    article = article.capitalize() if m.group(1)[0] == "A" else article
    return text[:m.start(1)] + article + m.group(2) + text[at:]


def rewrite_block(text: str, hits, quotes=()) -> tuple[str, list[str]]:
    """Rewrite one block's text. `hits` are (start, end, term, neutral) into `text`; `quotes` are
    (start, end) of scare quotes. Returns the rewritten text and "old → new" notes in reading order.

    >>> rewrite_block("The tyrants met.", [(4, 11, "tyrant", "leader")])
    ('The leaders met.', ['tyrants → leaders'])
    >>> rewrite_block("A highly secret deal.", [(2, 8, "highly", "")])
    ('A secret deal.', ['highly → ∅'])
    """
    notes = []
    for start, end, term, neutral in sorted(hits, reverse=True):
        written = text[start:end]
        new = replacement(term, neutral, written)
        notes.append(f"{written} → {new or '∅'}")
        if any(q_start == start and q_end == end for q_start, q_end in quotes):
            start, end = start - 1, end + 1  # the scare quote goes with the term
        if new:
            before = text[:start]
            if written.lower().endswith(" " + new.lower()):
                # Only a modifier went ("illegal war" → "war"): "brutal and illegal war" → "brutal war".
                before = re.sub(r"\s(?:and|or)\s$", " ", before)
            text = before + new + text[end:]
            start = len(before)
            text = _a_or_an(text, start, new) if start else text
            continue
        before, after = text[:start], text[end:]
        if before.endswith(" ") and (after.startswith(" ") or after[:1] in ",.;:!?"):
            before = before[:-1]
        elif not before.strip() and after.startswith(" "):
            after = after[1:]
        if written[:1].isupper() and not before.rstrip("\"'\u201c\u2018 ").rstrip()[-1:].isalnum():
            after = re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), after, count=1)
        text = before + after
        if after[:1].isalpha():
            text = _a_or_an(text, len(before), after)
    notes.reverse()
    return text, notes


def neutral_rewrite(article_or_text, *, lexicon=None, voices=("editorial", "scare_quote")) -> pd.DataFrame:
    """Each scored block beside its neutral rewrite, with the tone of both.

    Columns: `block`, `role`, `text`, `rewritten`, `n_words`, `tone`, `tone_rewritten`,
    `tone_change` (rewritten − original: how far the loaded words pushed the tone), `loaded_count`
    (hits in any voice), `n_replaced`, `replacements` ("tyrants → leaders; ...").
    `voices` chooses whose words are rewritten: any of `editorial`, `quoted`, `scare_quote`.

    >>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative",
    ...                       "neutral": "leader"}}
    >>> table = neutral_rewrite('Tyrants met. "They are tyrants," Kirby said.', lexicon=lexicon)
    >>> table["rewritten"].iloc[0]
    'Leaders met. "They are tyrants," Kirby said.'
    """
    from . import lexicon as lexicon_module
    from . import voice
    from .scoring import _as_article, find_loaded_terms, score_paragraphs, score_texts

    voices = voice.check_voices(voices)
    art = _as_article(article_or_text)
    lex = lexicon_module.resolve(lexicon)
    paragraphs = score_paragraphs(art, lexicon=lex)
    hits = find_loaded_terms(art, lexicon=lex)
    quotes, _ = voice.analyse_voice(art, lexicon=False)
    scare = [(q.block, q.start, q.end) for q in quotes if q.kind == "scare"]
    rewritten, counts, notes = [], [], []
    for row in paragraphs.itertuples():
        mine = hits[(hits["block"] == row.block) & hits["voice"].isin(voices)]
        spans = list(zip(mine["start"], mine["end"], mine["term"], mine["neutral"]))
        text, changes = rewrite_block(row.text, spans, [(a, b) for blk, a, b in scare if blk == row.block])
        rewritten.append(text)
        counts.append(len(changes))
        notes.append("; ".join(changes))
    after = score_texts(rewritten, lexicon=lex)
    table = pd.DataFrame({
        "block": paragraphs["block"], "role": paragraphs["role"], "text": paragraphs["text"],
        "rewritten": rewritten, "n_words": paragraphs["n_words"], "tone": paragraphs["tone"],
        "tone_rewritten": after["tone"].to_numpy(),
    })
    table["tone_change"] = table["tone_rewritten"] - table["tone"]
    table["loaded_count"] = paragraphs["loaded_count"]
    table["n_replaced"] = counts
    table["replacements"] = notes
    return table[REWRITE_COLUMNS]


class RewriteSummary(NamedTuple):
    """The whole piece before and after the neutral rewrite.

    `tone` and `tone_rewritten` are word-weighted means of the paragraph tones; `tone_change` is
    their difference (after − before); `word_choice_share` is the share of the original tone that
    the rewrite removed, (tone − tone_rewritten) / tone: 0 means word choice made no difference,
    1 that the rewrite left a neutral piece (NaN when the original tone is 0).
    """

    n_replaced: int
    tone: float
    tone_rewritten: float
    tone_change: float
    word_choice_share: float


def rewrite_summary(table: pd.DataFrame) -> RewriteSummary:
    """Overall figures from a `neutral_rewrite` table.

    >>> t = pd.DataFrame({"n_words": [10, 30], "tone": [-0.4, -0.2], "tone_rewritten": [-0.2, -0.1],
    ...                   "n_replaced": [1, 2]})
    >>> s = rewrite_summary(t)
    >>> round(s.tone, 3), round(s.tone_rewritten, 3), round(s.word_choice_share, 3)
    (-0.25, -0.125, 0.5)
    """
    needed = ["n_words", "tone", "tone_rewritten", "n_replaced"]
    if not isinstance(table, pd.DataFrame):
        raise ToneAnalysisError(f"rewrite_summary takes the DataFrame from neutral_rewrite, got {type(table).__name__}")
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ToneAnalysisError(
            f"rewrite_summary: the table has no column {missing[0]!r} (use neutral_rewrite's table)")
    scored = table.dropna(subset=["tone", "tone_rewritten"])
    weights = scored["n_words"].clip(lower=1).to_numpy(dtype=float)
    if not len(scored):
        before = after = float("nan")
    else:
        before = float(np.average(scored["tone"], weights=weights))
        after = float(np.average(scored["tone_rewritten"], weights=weights))
    share = (before - after) / before if before else float("nan")
    return RewriteSummary(int(table["n_replaced"].sum()), before, after, after - before, float(share))
