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

import math
import re
from typing import NamedTuple

import pandas as pd

from ..analyse import analyse, find_loaded_terms, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..analyse.attribution import VOICES
from ..analyse.engine import SCARE_QUOTE, score_rows
from ..analyse.rated import RATED_WORD
from ..analyse.tables import with_metadata
from ..errors import ToneAnalysisError
from ..forms import match_end, split_object
from ..lexicon import LexiconLike
from ..text import normalise
from .grammar import (
    PREPOSITION_OF,
    is_plural,
    particle_preposition,
    quantifier_of,
    reads_as_past,
    same_kind,
    separated_preposition,
    takes_no_article,
)
from .inflections import all_inflections, inflection
from .measures import measure_value

REWRITE_COLUMNS = ["block", "role", "text", "rewritten", "n_words", "n_words_rewritten", "tone", "tone_rewritten",
                   "tone_change", "loaded_count", "n_replaced", "replacements"]


def _inflect_word(neutral: str, term: str, written: str) -> str:
    """`neutral` in the inflection that turns `term` into `written` ("leader", "tyrant", "tyrants" → "leaders")."""
    if written == term:
        return neutral
    for tag, forms in all_inflections(term).items():
        if written in forms:
            inflected = inflection(neutral, tag)
            return inflected[0] if inflected else neutral
    return neutral


def replacement(term: str, neutral: str, written: str, *, past: bool = False) -> str:
    """The neutral wording for one occurrence of a loaded term, inflected and cased like `written`;
    `past` reads a form that is both base and past ("hit out") as the past.

    >>> replacement("tyrant", "leader", "Tyrants")
    'Leaders'
    >>> replacement("slam", "criticise", "slammed")
    'criticised'
    >>> replacement("hit out", "criticise", "hit out", past=True)
    'criticised'
    >>> replacement("water down", "weaken", "Watered it down")
    'Weakened it'
    >>> replacement("ram through", "pass quickly", "rammed it through")
    'passed it quickly'
    """
    written, pronoun = split_object(term, written)
    if not neutral:
        return pronoun
    t_words, n_words = term.split(), neutral.split()
    w_words = normalise(written).lower().replace("-", " ").split()
    if past and w_words == t_words and n_words:
        n_words[0] = (inflection(n_words[0], "VBD") or (n_words[0],))[0]
    elif len(w_words) == len(t_words) and n_words:
        # A phrase inflects its last word ("axes of evil") or, for a verb phrase, its first ("lashed out").
        if w_words[-1] != t_words[-1]:
            n_words[-1] = _inflect_word(n_words[-1], t_words[-1], w_words[-1])
        elif len(t_words) > 1 and w_words[0] != t_words[0]:
            n_words[0] = _inflect_word(n_words[0], t_words[0], w_words[0])
    out = " ".join(n_words)
    if written[:1].isupper():
        out = out[:1].upper() + out[1:]
    if pronoun:
        first, _, rest = out.partition(" ")  # the object follows the verb: "passed it quickly"
        out = " ".join(filter(None, (first, pronoun, rest)))
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
    (start, end) of scare quotes. Returns the rewritten text and "old → new" notes in reading order;
    a term with no replacement that fits the grammar (`grammar`) is left and noted "(kept: ...)".

    >>> rewrite_block("The tyrants met.", [(4, 11, "tyrant", "leader")])
    ('The leaders met.', ['tyrants → leaders'])
    >>> rewrite_block("A highly secret deal.", [(2, 8, "highly", "")])
    ('A secret deal.', ['highly → ∅'])
    >>> rewrite_block("The 'reforms' failed.", [(5, 12, "scare quotes", "")], [(5, 12)])
    ('The reforms failed.', ['reforms → reforms'])
    """
    notes = []
    for start, end, term, neutral in sorted(hits, reverse=True):
        end = match_end(term, text, end)  # a hit marks "claims"; "claims that" → "says that" is replaced
        written = text[start:end]
        if term == SCARE_QUOTE["term"]:
            new = written  # a scare quote around a plain word: the words stay, the marks go
        elif term == RATED_WORD["term"]:
            notes.append(f"{written} (kept: no alternative in the lexicon)")  # a rated word has no neutral form
            continue
        else:
            new = replacement(term, neutral, written, past=reads_as_past(term, text[:start]))
            if new and not same_kind(written, new, text[:start], text[end:]):
                notes.append(f"{written} (kept: {new!r} is not an adjective)")  # left, not mangled
                continue
        notes.append(f"{written} → {new or '∅'}")
        if any(q_start == start and q_end == end for q_start, q_end in quotes):
            start, end = start - 1, end + 1  # the scare quote goes with the term
        if new:
            taken = particle_preposition(term, new, text[end:])
            end += taken
            new += f" {PREPOSITION_OF[neutral]}" if taken and neutral in PREPOSITION_OF else ""
            new += separated_preposition(term, written, text[end:])
            before = text[:start]
            if written.lower().endswith(" " + new.lower()):
                # Only a modifier went ("illegal war" → "war"): "brutal and illegal war" → "brutal war".
                before = re.sub(r"\s(?:and|or)\s$", " ", before)
            end += quantifier_of(new, text[end:])  # "a myriad of rules" → "many rules"
            article = re.search(r"\b([Aa]n?)\s+$", before)
            if article and takes_no_article(new) and not is_plural(written):
                # "a bloodbath" → "heavy losses", "a flood of" → "many"; "A ..." opened the sentence.
                new = new[:1].upper() + new[1:] if article.group(1)[0] == "A" else new
                before = before[:article.start()]
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


def check_voices(voices) -> tuple[str, ...]:
    """`voices` as a tuple of known voices (a single name is allowed); an unknown one is an error."""
    if isinstance(voices, str):
        voices = (voices,)
    voices = tuple(voices)
    unknown = [v for v in voices if v not in VOICES]
    if unknown:
        raise ToneAnalysisError(f"unknown voice {unknown[0]!r}: choose from {', '.join(VOICES)}")
    return voices


def neutral_rewrite(article: ArticleLike, *, lexicon: LexiconLike = None,
                    voices: str | tuple[str, ...] = ("editorial", "scare_quote")) -> pd.DataFrame:
    """Each scored block beside its neutral rewrite, with the tone of both.

    Columns: `block`, `role`, `text`, `rewritten`, `n_words`, `n_words_rewritten`, `tone`,
    `tone_rewritten`, `tone_change` (rewritten − original: how far the loaded words pushed the tone),
    `loaded_count` (hits in any voice), `n_replaced`, `replacements` ("tyrants → leaders; ...").
    `voices` chooses whose words are rewritten: any of `editorial`, `quoted`, `scare_quote`.

    >>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative",
    ...                       "neutral": "leader"}}
    >>> table = neutral_rewrite('Tyrants met. "They are tyrants," Kirby said.', lexicon=lexicon)
    >>> table["rewritten"].iloc[0]
    'Leaders met. "They are tyrants," Kirby said.'
    """
    voices = check_voices(voices)
    a = analyse(article, lexicon=lexicon)
    paragraphs = score_paragraphs(a)
    hits = find_loaded_terms(a)
    scare = [(q.block, q.start, q.end) for q in a.quotes if q.kind == "scare"]
    rewritten, counts, notes = [], [], []
    for row in paragraphs.itertuples():
        mine = hits[(hits["block"] == row.block) & hits["voice"].isin(voices)]
        spans = list(zip(mine["start"], mine["end"], mine["term"], mine["neutral"]))
        text, changes = rewrite_block(row.text, spans, [(s, e) for blk, s, e in scare if blk == row.block])
        rewritten.append(text)
        counts.append(sum("→" in note for note in changes))
        notes.append("; ".join(changes))
    # Only the blocks that changed are scored again; the others keep the analysis they have.
    changed = [i for i, n in enumerate(counts) if n]
    after = paragraphs[["n_words", "tone"]].copy()
    if changed:
        rescored = pd.DataFrame(list(score_rows([rewritten[i] for i in changed], a.lexicon)),
                                columns=["n_words", "tone"])
        after.iloc[changed] = rescored.to_numpy()
    table = pd.DataFrame({
        "block": paragraphs["block"], "role": paragraphs["role"], "text": paragraphs["text"],
        "rewritten": rewritten, "n_words": paragraphs["n_words"],
        "n_words_rewritten": after["n_words"].astype(int).to_numpy(),
        "tone": paragraphs["tone"], "tone_rewritten": after["tone"].astype(float).to_numpy(),
    })
    table["tone_change"] = table["tone_rewritten"] - table["tone"]
    table["loaded_count"] = paragraphs["loaded_count"]
    table["n_replaced"] = counts
    table["replacements"] = notes
    return with_metadata(table[REWRITE_COLUMNS].copy(), a)


class RewriteSummary(NamedTuple):
    """The piece before and after the neutral rewrite.

    `tone` and `tone_rewritten` are the piece's tone (`measures`: the word-weighted mean over the
    body) as written and as rewritten (weighted by the rewritten words); `n_replaced` counts every
    block's swaps; `tone_change` is their difference (after − before); `word_choice_share` is the
    share of the original tone that the rewrite removed, (tone − tone_rewritten) / tone: 0 means word
    choice made no difference, 1 that the rewrite left a neutral piece (NaN when the original tone is 0).
    """

    n_replaced: int
    tone: float
    tone_rewritten: float
    tone_change: float
    word_choice_share: float


def rewrite_summary(table: pd.DataFrame) -> RewriteSummary:
    """Overall figures from a `neutral_rewrite` table.

    >>> t = pd.DataFrame({"role": ["headline", "paragraph", "paragraph"], "n_words": [5, 10, 30],
    ...                   "n_words_rewritten": [5, 10, 10], "tone": [-0.9, -0.4, -0.2],
    ...                   "tone_rewritten": [0.0, -0.2, -0.1], "n_replaced": [1, 1, 2]})
    >>> s = rewrite_summary(t)
    >>> round(s.tone, 3), round(s.tone_rewritten, 3), round(s.word_choice_share, 3), s.n_replaced
    (-0.25, -0.15, 0.4, 4)
    """
    needed = ["role", "n_words", "n_words_rewritten", "tone", "tone_rewritten", "n_replaced"]
    if not isinstance(table, pd.DataFrame):
        raise ToneAnalysisError(f"rewrite_summary takes the DataFrame from neutral_rewrite, got {type(table).__name__}")
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ToneAnalysisError(
            f"rewrite_summary: the table has no column {missing[0]!r} (use neutral_rewrite's table)")
    before = measure_value("tone", table)
    after = measure_value("tone", table.assign(tone=table["tone_rewritten"], n_words=table["n_words_rewritten"]))
    share = (before - after) / before if before and not math.isnan(before) else math.nan
    return RewriteSummary(int(table["n_replaced"].sum()), before, after, after - before, float(share))
