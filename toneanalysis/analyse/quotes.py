"""Where quotation marks are: typographic ones read as they are, straight ones by position.

- Typographic marks (“ ” ‘ ’) open or close as drawn; a straight mark (" ') after a space opens and
  before a space or punctuation closes. ’ and ' between letters (Russia’s, don't, and the odd
  Russia‘s) or before a digit (’90s) are apostrophes; so is a closing-looking ’ with no open ‘
  (Brits’, two days’ notice).
- Only outermost quotes are reported; a quote nested inside another is part of its text.
- An unclosed double quote runs to the end of the text (a paragraph that continues the quote).

Positions are computed on `text.normalise(original)`, which keeps offsets.
"""

from __future__ import annotations

import re

from ..text import normalise

OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018\u201a\u201b"
_CLOSE_SINGLE = "\u2019"
MASK = "\u25a1"
_QUOTE_MARK = re.compile("[\"']")


def mask(normal: str, spans) -> str:
    """`normal` with the quoted text (not the marks) replaced by MASK characters, offsets kept, so that
    rules about the writer's own words do not read the speaker's."""
    chars = list(normal)
    for a, b, _ in spans:
        chars[a:b] = MASK * (b - a)
    return "".join(chars)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _mark(original: str, normal: str, i: int) -> tuple[str, str] | None:
    """(`"` or `'`, `open`/`close`/`either`/`close?`) for a quotation mark at i, None for an apostrophe."""
    ch, kind = original[i], normal[i]
    if kind not in "\"'":
        return None
    before = original[i - 1] if i > 0 else ""
    after = original[i + 1] if i + 1 < len(original) else ""
    space_before = before == "" or before.isspace() or before in "([{\u2014\u2013-/" + OPEN_DOUBLE + _OPEN_SINGLE
    space_after = after == "" or after.isspace() or after in ".,;:!?)]}\u2014\u2013-" + _CLOSE_DOUBLE + _CLOSE_SINGLE
    if kind == '"':
        if ch in OPEN_DOUBLE:
            return '"', "open"
        if ch in _CLOSE_DOUBLE:
            return '"', "close"
        if space_before and space_after:
            return '"', "either"
        return '"', "open" if space_before else "close" if space_after else "either"
    # A single mark between letters (Russia’s, don't, Russia‘s) or before a digit (’90s) is an apostrophe.
    if _is_word(before) and _is_word(after):
        return None
    if after.isdigit():
        return None
    if ch in _OPEN_SINGLE:
        return "'", "open"
    if ch in _CLOSE_SINGLE and not _is_word(before) and _is_word(after):
        return None  # ’n’, ’em: a typographic opening quote would be ‘
    if space_before and _is_word(after):
        return "'", "open"
    if not space_before and space_after:
        return "'", "close?"  # closes an open ‘ if there is one, else an apostrophe (Brits’)
    return None


def quote_spans(original: str, normal: str | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each outermost quotation in a text, marks excluded.

    An unclosed double quote runs to the end of the text (`closed` False).

    >>> text = "The government's 'reforms' left Brits' buses \u2018in tatters\u2019."
    >>> [text[a:b] for a, b, _ in quote_spans(text)]
    ['reforms', 'in tatters']
    """
    normal = normalise(original) if normal is None else normal  # `normal`: given when already computed
    stack: list[tuple[str, int]] = []  # (mark, index of the opening mark)
    spans = []
    for m in _QUOTE_MARK.finditer(normal):  # only the marks: every paragraph with a quote comes through here
        i = m.start()
        found = _mark(original, normal, i)
        if found is None:
            continue
        mark, role = found
        open_here = [j for j, (m, _) in enumerate(stack) if m == mark]
        if role == "either":
            role = "close" if open_here else "open"
        if role == "open":
            stack.append((mark, i))
            continue
        if not open_here:
            continue  # a stray closing mark, or an apostrophe after a plural (Brits')
        depth = open_here[-1]
        start = stack[depth][1] + 1
        del stack[depth:]  # unmatched single opens inside were apostrophes ('em)
        if depth == 0 and i - start > 1:  # 'n' is an elision, not a quotation
            spans.append((start, i, True))
    doubles = [start for mark, start in stack if mark == '"']
    if doubles:
        end = len(original.rstrip())
        if doubles[0] + 1 < end and not any(a <= doubles[0] < b for a, b, _ in spans):
            spans.append((doubles[0] + 1, end, False))
    return sorted(spans)

