"""The article as a reader sees it, with every loaded term highlighted and each paragraph tinted by tone.

One self-contained HTML fragment: a `<style>` block, a legend and the text, no scripts, no external
files. A hit's colour is its framing (red negative, blue positive, grey mixed); its underline is its
voice, as the analysed article found it (`voice` of `find_loaded_terms`): solid for the outlet's own
words, dashed for scare quotes, dotted for a quoted source's, so that voice shows without colour too
(in print, and to a reader who cannot tell red from green). Article text is untrusted, so every piece
of it (and every lexicon field) goes through `escape.html_text` (element text) or `escape.html_attr`
(attribute values).

>>> html = highlight_html("The tyrant smiled.", lexicon={"tyrant": {"category": "name_calling",
...     "weight": 3, "framing": "negative", "neutral": "leader"}})
>>> mark = html[html.index('<mark class="ta-hit'):].split("</mark>")[0]
>>> for part in mark.split(" title="):
...     print(part)
<mark class="ta-hit ta-negative ta-own-voice"
"name calling · weight 3 · neutral: leader · the outlet&#x27;s own words">tyrant
"""

from __future__ import annotations

import dataclasses
import math
from importlib import resources
from pathlib import Path

from ..analyse import analyse, find_loaded_terms, score_paragraphs
from ..analyse.analysed import ArticleLike
from ..lexicon import LexiconLike
from .escape import html_attr, html_text

# Why the colours: the same diverging scale as the charts (red negative, blue positive, none at 0).
NEGATIVE_RGB = (178, 24, 43)
POSITIVE_RGB = (33, 102, 172)

# A hit's voice (`find_loaded_terms`' `voice`) as a class, and as the legend and the hover text say it.
VOICE_CLASSES = {"editorial": "ta-own-voice", "scare_quote": "ta-scare-quote", "quoted": "ta-quoted"}
VOICE_NAMES = {"editorial": "the outlet's own words", "scare_quote": "scare quotes (no speaker)",
               "quoted": "quoted from a source"}
LEGEND = {"editorial": ("own voice", "the outlet's own words: solid underline"),
          "scare_quote": ("scare quote", "in quotation marks with no speaker, the outlet's choice: dashed"),
          "quoted": ("quoted", "a named source's words: dotted")}

# The stylesheet ships beside this module (package data), read once.
STYLE = resources.files(__package__).joinpath("highlight.css").read_text(encoding="utf-8")


def tone_colour(tone: float, *, strength: float = 0.45) -> str:
    """A CSS background for a tone in −1..1: red below 0, blue above, transparent at 0 or NaN.

    >>> tone_colour(-1.0)
    'rgba(178, 24, 43, 0.45)'
    >>> tone_colour(float("nan"))
    'transparent'
    """
    if tone is None or (isinstance(tone, float) and math.isnan(tone)) or tone == 0:
        return "transparent"
    r, g, b = NEGATIVE_RGB if tone < 0 else POSITIVE_RGB
    return f"rgba({r}, {g}, {b}, {min(abs(float(tone)), 1.0) * strength:.3g})"


def _voice(hit) -> str:
    """What a hit's voice says in words: whose words they are, and the speaker of a quote."""
    voice = getattr(hit, "voice", None)
    said = VOICE_NAMES.get(voice, "")
    speaker = getattr(hit, "speaker", None)
    if voice == "quoted" and isinstance(speaker, str) and speaker:
        said = f"quoted from {speaker}"
    return said


def _hit_title(hit) -> str:
    parts = [str(hit.category).replace("_", " "), f"weight {hit.weight:g}"]
    if hit.neutral:
        parts.append(f"neutral: {hit.neutral}")
    if _voice(hit):
        parts.append(_voice(hit))
    return " · ".join(parts)


def legend(hits) -> str:
    """The key beside the article: the three voices as they are marked (with their counts in this
    piece), the framing colours and the paragraph tint."""
    counts = hits["voice"].value_counts() if "voice" in hits else {}
    voices = "".join(
        f'<li><mark class="ta-sample ta-mixed {VOICE_CLASSES[voice]}">{html_text(name)}</mark> '
        f"{html_text(meaning)} ({int(counts.get(voice, 0)):,})</li>"
        for voice, (name, meaning) in LEGEND.items())
    return ('<div class="ta-legend" role="note"><p class="ta-legend-head">Whose words: the underline</p>'
            f'<ul class="ta-voices">{voices}</ul>'
            '<p>Colour: <mark class="ta-sample ta-negative">negative</mark> '
            '<mark class="ta-sample ta-positive">positive</mark> <mark class="ta-sample ta-mixed">mixed</mark> '
            "framing. Hover a term for its category, weight, voice and a neutral alternative (numbered notes "
            "below). Each paragraph is tinted by its tone: red negative, blue positive, clear neutral.</p></div>")


def _marked(text: str, hits: list, first_note: int) -> str:
    """The block's text, escaped, with each hit wrapped in <mark> and numbered for the notes."""
    out, last = [], 0
    for number, hit in enumerate(hits, start=first_note):
        if hit.start < last:  # overlapping spans cannot nest: the first one wins
            continue
        out.append(html_text(text[last:hit.start]))
        framing = hit.framing if hit.framing in ("negative", "positive", "mixed") else "mixed"
        voice = VOICE_CLASSES.get(getattr(hit, "voice", None))
        classes = " ".join(filter(None, ["ta-hit", f"ta-{framing}", voice]))
        out.append(f'<mark class="{classes}" title="{html_attr(_hit_title(hit))}">'
                   f"{html_text(text[hit.start:hit.end])}</mark><sup class=\"ta-ref\">{number}</sup>")
        last = hit.end
    out.append(html_text(text[last:]))
    return "".join(out)


def highlight_html(article: ArticleLike, *, lexicon: LexiconLike = None, show_unscored: bool = True, tint: bool = True,
                   notes: bool = True) -> str:
    """The article as one self-contained HTML fragment with loaded terms highlighted.

    Each loaded term is a `<mark>` whose hover title gives its category, weight, neutral
    alternative and voice, numbered to a footnote saying the same; its colour is its framing, its
    underline its voice (`legend`); each scored block is tinted by its `tone` (red negative, blue
    positive). The headline is a heading, captions are set apart, and credits and
    boilerplate (with `show_unscored`) are greyed with the reason they were not scored.
    """
    analysed = analyse(article, lexicon=lexicon)
    paragraphs = score_paragraphs(analysed).set_index("block")
    hits = find_loaded_terms(analysed)  # offsets into each block's text
    by_block = {block: list(group.itertuples()) for block, group in hits.groupby("block")}
    parts = [f"<div class=\"ta-article\">\n<style>{STYLE}</style>"]
    parts.append(legend(hits))
    note_rows: list = []
    for block in analysed.article.blocks:
        if not block.scored:
            if show_unscored:
                role, reason = html_text(block.role), html_text(block.reason)
                parts.append(f'<p class="ta-block ta-unscored ta-{role}">{html_text(block.text)}'
                             f'<span class="ta-reason">{role}, {reason}</span></p>')
            continue
        block_hits = sorted(by_block.get(block.index, []), key=lambda h: (h.start, -h.end))
        body = _marked(block.text, block_hits, len(note_rows) + 1)
        note_rows.extend(block_hits)
        tone = float(paragraphs.at[block.index, "tone"]) if block.index in paragraphs.index else math.nan
        style = f' style="background-color: {tone_colour(tone)}; border-left-color: {tone_colour(tone, strength=1)}"' \
            if tint else ""
        score = "" if math.isnan(tone) else f'<span class="ta-score">tone {tone:+.2f}</span>'
        if block.role == "headline":
            parts.append(f'<h2 class="ta-block ta-headline"{style}>{score}{body}</h2>')
        elif block.role == "caption":
            parts.append(f'<p class="ta-block ta-caption"{style}>{score}{body}</p>')
        else:
            parts.append(f'<p class="ta-block ta-paragraph"{style}>{score}{body}</p>')
    if notes and note_rows:
        items = "".join(
            f"<li><b>{html_text(h.text)}</b> — {html_text(str(h.category).replace('_', ' '))}, "
            f"weight {h.weight:g}, {html_text(str(h.framing))}"
            + (f", {html_text(_voice(h))}" if _voice(h) else "")
            + (f"; neutral: <i>{html_text(h.neutral)}</i>" if h.neutral else "") + "</li>"
            for h in note_rows
        )
        parts.append(f'<ol class="ta-notes">{items}</ol>')
    parts.append("</div>")
    return "\n".join(parts)


@dataclasses.dataclass(frozen=True)
class Highlighted:
    """Highlighted HTML that renders inline in Jupyter (`_repr_html_`); `str()` gives the HTML."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def save(self, path) -> None:
        """Write a standalone HTML page."""
        Path(path).write_text(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>toneanalysis</title>'
                              f"</head><body>{self.html}</body></html>\n", encoding="utf-8")


def highlighted(article: ArticleLike, **options) -> Highlighted:
    """`highlight_html` wrapped to display inline in a notebook: `ta.highlighted(article)`."""
    return Highlighted(highlight_html(article, **options))
