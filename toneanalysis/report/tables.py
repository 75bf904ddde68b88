"""Tables as a reader gets them in a notebook and the report: chosen columns under plain headers, no
index column, text left-aligned and wrapping, so a table fits the page (1024 px and up).

>>> import pandas as pd
>>> html = reader_table(pd.DataFrame({"text": ["<b>a</b>"], "tone": [0.5]}), {"text": "Paragraph", "tone": "Tone"},
...                     {"tone": "{:+.2f}"}, text=["text"]).to_html()
>>> "Paragraph" in html and "+0.50" in html and "&lt;b&gt;" in html and "text-align: left" in html
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .escape import styled

# Wide enough to read a sentence per line or two, narrow enough for two such columns and the
# numbers beside them at 1024 px.
TEXT_WIDTH = "12em"


def reader_table(frame: pd.DataFrame, columns: Mapping[str, str], formats: Mapping[str, str] | None = None, *,
                 text: Sequence[str] = (), na_rep: str = "–"):
    """`frame`'s `columns` (name → header, in that order) as an escaped Styler (`escape.styled`) without
    its index; `formats` by column name; every column but the numeric ones left-aligned, and the
    `text` columns wrapping, at least `TEXT_WIDTH` wide, breaking a word too long for the column.
    The frame's index is kept (hidden), so a caller can pick rows by it
    (`set_properties(subset=(rows, headers))`); chain onto it with the headers as column names.
    """
    unknown = [c for c in [*columns, *(formats or {}), *text] if c not in frame.columns]
    if unknown:
        raise KeyError(f"reader_table: no such columns {unknown}")
    shown = frame[list(columns)].rename(columns=dict(columns))
    styler = styled(shown, {columns[c]: spec for c, spec in (formats or {}).items()}, na_rep=na_rep)
    styler = styler.hide(axis="index")
    # Words read from the left, numbers line up on the right: every column that is not a number is
    # left-aligned, header and all (a left column under a right header reads as misplaced).
    words = [header for name, header in columns.items() if not pd.api.types.is_numeric_dtype(frame[name])]
    if words:
        styler = styler.set_properties(subset=words, **{"text-align": "left"})
        styler = styler.set_table_styles({h: [{"selector": "th", "props": "text-align: left"}] for h in words},
                                         overwrite=False)
    if text:
        # `anywhere`: a long URL or word breaks rather than widen the column past the page.
        wrapping = {"white-space": "normal", "overflow-wrap": "anywhere", "min-width": TEXT_WIDTH}
        styler = styler.set_properties(subset=[columns[c] for c in text], **wrapping)
    return styler
