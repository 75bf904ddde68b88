"""What hovering a chart tells (`plots.hover`): the texts of a paragraph's point, a hit's label and
a term's bar, from the rows of the tables the charts draw.

>>> import toneanalysis as ta
>>> hit = ta.find_loaded_terms(ta.analyse("The tyrant smiled.")).iloc[0]
>>> hit_tip(hit)
'“tyrant” · name calling · weight 3 · negative · editorial · neutral: leader'
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd

TONE_COLUMNS = ("vader_compound", "textblob_polarity", "tone")
LABELS = {"vader_compound": "VADER compound", "textblob_polarity": "TextBlob polarity", "tone": "tone"}


def shortened(text, width: int = 160) -> str:
    """The start of a text, cut at a word, for a tooltip."""
    return textwrap.shorten(str(text), width, placeholder=" …")


def paragraph_tip(row, number: int | None = None, *, columns: Sequence[str] = TONE_COLUMNS, width: int = 160) -> str:
    """What hovering a block's point says: which block (body paragraph `number`), its scores, the
    start of its text, its loaded terms."""
    which = f"Paragraph {number}" if row.role == "paragraph" and number else str(row.role).capitalize()
    scores = " · ".join(f"{LABELS.get(c, c)} {getattr(row, c):+.2f}" for c in columns if hasattr(row, c))
    text = shortened(row.text, width)
    terms = getattr(row, "loaded_terms", "")
    return f"{which} (block {row.block}) · {scores}\n{text}" + (f"\nLoaded: {terms}" if terms else "")


def hit_tip(hit) -> str:
    """What hovering a hit says: the words, the lexicon's term, category, weight, voice and neutral
    alternative (those the hit table has)."""
    parts = [f"“{hit['text']}”" + (f" ({hit['term']})" if "term" in hit and hit["term"] != hit["text"] else "")]
    if "category" in hit:
        parts.append(str(hit["category"]).replace("_", " "))
    if "weight" in hit:
        parts.append(f"weight {hit['weight']:g}")
    parts.append(str(hit["framing"]))
    if "voice" in hit:
        speaker = hit.get("speaker")
        parts.append(str(hit["voice"]).replace("_", " ") + (f": {speaker}" if isinstance(speaker, str) and speaker
                                                           else ""))
    if isinstance(hit.get("neutral"), str) and hit.get("neutral"):
        parts.append(f"neutral: {hit['neutral']}")
    return " · ".join(parts)


def term_tip(row, found: pd.DataFrame) -> str:
    """What hovering a term's bar says: the term, its category, weight, count, neutral alternative and
    the forms written (`found`: its hits)."""
    neutral = found["neutral"].dropna().astype(str) if "neutral" in found else pd.Series(dtype=str)
    forms = found["text"].drop_duplicates().tolist() if "text" in found else []
    return (f"{row.term} · {str(row.category).replace('_', ' ')} · weight {row.each:g} · {row.hits}× "
            f"(summed weight {row.weight:g})" + (f" · neutral: {neutral.iloc[0]}" if len(neutral) and
                                                  neutral.iloc[0] else "")
            + (f" · as written: {', '.join(forms[:6])}" if forms else ""))


