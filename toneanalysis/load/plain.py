"""Articles from plain text: one block per non-blank line, its role given by the rules in `roles`."""

from __future__ import annotations

import itertools

from ..errors import ToneAnalysisError
from . import metadata, roles
from .article import Article, Block
from .furniture import split_line


def classify_lines(lines: list[str], *, headline: bool | None = None, header: int = 0) -> list[Block]:
    """Give each non-blank line a role. `headline=None` lets the first line qualify by its shape;
    the first `header` lines are a metadata header."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    after = dict(itertools.pairwise(content))  # the next non-blank line
    blocks: list[Block] = []
    previous_role = None
    previous_line = -2
    seen_text = False
    links = False  # inside a list of links to other stories, under a "READ MORE" label
    for i in content:
        raw = lines[i]
        stripped_start = len(raw) - len(raw.lstrip())
        text = raw.strip()
        role, reason, start, end = "paragraph", "body text", stripped_start, stripped_start + len(text)
        caption = roles.caption_parts(raw)
        following = lines[after[i]] if i in after else None
        if i < header:
            role, reason = "metadata", "header field (outlet, author, date, URL...)"
        elif (marked := roles.furniture_reason(text)) is not None:
            role, reason = marked
        elif not seen_text and (why := roles.kicker_reason(text, following)) is not None:
            role, reason = "kicker", why
        elif links and roles.link_in_list(text) and not (roles.credit_reason(text) or roles.boilerplate_reason(text)):
            role, reason = "boilerplate", "another story's headline in a list of links"
        elif (split := roles.caption_credit_split(raw)) is not None and caption is None:
            role, reason, end = "caption", "followed by its photo credit", len(raw[:split].rstrip())
        elif (why := roles.boilerplate_reason(text)) is not None:
            role, reason = "boilerplate", why
        elif (why := roles.credit_reason(text)) is not None:
            role, reason = "credit", why
        elif caption is not None:
            role, (start, end, reason) = "caption", caption
        elif previous_role == "credit" and previous_line == i - 1:
            role, reason = "caption", "directly follows a photo credit"
        elif i + 1 < len(lines) and roles.credit_reason(lines[i + 1]) and not text.endswith((".", "!", "?", '"')):
            role, reason = "caption", "directly above a photo credit, no final full stop"
        elif following is not None and not text.endswith((".", "!", "?", '"', "”")) and seen_text \
                and (roles.furniture_reason(following) or ("", ""))[0] == "credit":
            role, reason = "caption", "above a photo credit in brackets, no final full stop"
        elif not seen_text and (headline or (headline is None and len(content) > 1
                                              and roles.looks_like_headline(text))):
            role, reason = "headline", "first line, shaped as a headline"
        seen_text = seen_text or role in roles.SCORED_ROLES
        links = (links and reason == "another story's headline in a list of links") or roles.link_list_label(text)
        if reason == "photo credit in brackets":  # "(Image: PA)": the credit without its brackets
            start, end = start + 1, end - 1
        blocks.extend(split_line(len(blocks), role, reason, raw, start, end, i + 1))
        previous_role, previous_line = role, i
    return blocks


def split_lines(text: str) -> list[str]:
    """The lines of `text` as a file has them: split at "\\n" only (with a "\\r" before it dropped), so
    line N is `text.split("\\n")[N - 1]`; U+2028, U+0085, form feeds and the like stay inside a line.

    >>> split_lines("a\\r\\nb\\u2028c\\x0cd\\n")
    ['a', 'b\\u2028c\\x0cd']
    """
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def article_from_text(text: str, *, source: str = "<string>", headline: bool | None = None, **fields) -> Article:
    """Build an `Article` from plain text, one block per non-blank line.

    `headline=True` makes the first content line the headline, `False` never picks one, `None`
    (default) picks it when it is shaped like one (short, no final full stop, more lines follow).
    Metadata comes from a header (`Outlet: ...`, `Author: ...`, `Date: ...`, `URL: ...` lines, then
    `---` or a blank line) and from keyword arguments (`outlet=`, `authors=`, `date=`, `url=`, ...), which win.

    >>> a = article_from_text("Storm hits coast\\n\\nAdvertisement\\n\\nHomes were flooded.")
    >>> [(b.role, b.text) for b in a.blocks]
    [('headline', 'Storm hits coast'), ('boilerplate', 'Advertisement'), ('paragraph', 'Homes were flooded.')]
    """
    if not isinstance(text, str):
        raise ToneAnalysisError(f"{source}: expected text (str), got {type(text).__name__}")
    lines = split_lines(text)
    meta, header = metadata.text_header(lines)
    return Article(tuple(classify_lines(lines, headline=headline, header=header)), source=source,
                   raw_lines=tuple(lines), metadata=metadata.merge(meta, **fields))
