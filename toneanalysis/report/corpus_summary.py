"""The corpus report's summary in plain sentences, every figure read from the tables `score_corpus` and
`compare_groups` give (one definition each; nothing is computed here but the words around them),
and a table folded under a line (`<details>`) for the columns a 1024 px page has no room for.

Untrusted text (outlet names, the group column's name, file names in a problem) reaches the Markdown
only through `escape.markdown_text`, and the folded table's title the HTML through `escape.html_text`.

>>> import pandas as pd
>>> row = pd.Series({"measure": "tone", "group": "A", "reference": "B", "difference": -0.2, "value_group": -0.25,
...                  "value_reference": -0.05, "ci_low": -0.3, "ci_high": -0.1, "p_holm": 0.04, "n_group": 5,
...                  "n_reference": 6, "n_events": 4})
>>> finding(row, paired=True)
'**A** against **B**: -0.200 (-0.250 against -0.050; 95% interval -0.300 to -0.100, which \
excludes zero; Holm-corrected p = 0.040; 5 and 6 articles, 4 shared events).'
"""

from __future__ import annotations

import pandas as pd

from ..measure.comparison import excludes_zero
from ..plots.corpus import measure_text
from .escape import html_text
from .escape import markdown_text as md

# The three measures the summary states, with a title, the unit a reader reads, and a short name for an axis.
HEADLINE = {"loaded_weight_per_1000_words": ("Loaded language", "loaded-term weight per 1,000 words", "weight"),
            "own_voice_share": ("Whose words", "share of loaded terms in the outlet's own voice", "own-voice share"),
            "tone": ("Tone", "tone, from −1 to +1", "tone")}


def group_header(by: str) -> str:
    """The group column's name as a table header ("outlet": "Outlet"), or "Group" when it is not plain
    words: a Styler writes its headers into the HTML as they are, and a table's column names are data.

    >>> group_header("outlet"), group_header("news_desk"), group_header("<b>x</b>")
    ('Outlet', 'News desk', 'Group')
    """
    words = str(by).replace("_", " ")
    return words.capitalize() if words.replace(" ", "").isalnum() else "Group"


def finding(row, *, paired: bool) -> str:
    """One comparison of one measure (a row of `compare_groups`) in a sentence of Markdown."""
    m = row["measure"]
    said = f"**{md(row['group'])}** against **{md(row['reference'])}**: "
    if pd.isna(row["difference"]):
        sides = [(row["group"], row["value_group"]), (row["reference"], row["value_reference"])]
        known = [f"{measure_text(m, value, signed=False)} for {md(side)}" for side, value in sides if pd.notna(value)]
        return said + (f"{known[0]}; " if known else "") + "the other side has no loaded term: no difference to give."
    said += (f"{measure_text(m, row['difference'])} ({measure_text(m, row['value_group'], signed=False)} against "
             f"{measure_text(m, row['value_reference'], signed=False)}; ")
    if pd.isna(row["ci_low"]):
        said += "too few articles for an interval; "
    else:
        said += (f"95% interval {measure_text(m, row['ci_low'])} to {measure_text(m, row['ci_high'])}, which "
                 + ("excludes zero; " if excludes_zero(row["ci_low"], row["ci_high"]) else "includes zero; "))
    said += f"Holm-corrected p = {row['p_holm']:.3f}; {row['n_group']:,} and {row['n_reference']:,} articles"
    return said + (f", {int(row['n_events']):,} shared events)." if paired else ").")


def summary_markdown(corpus, comparison: pd.DataFrame) -> str:
    """The summary of a corpus's comparison, as Markdown: how many articles were scored and skipped,
    the groups, the design, a sentence per comparison of each `HEADLINE` measure, and which intervals
    exclude zero."""
    by, reference, event = (comparison.attrs.get(k) for k in ("by", "reference", "event"))
    noun, paired = str(by).replace("_", " "), event is not None
    articles, skipped = corpus.articles, corpus.skipped
    groups = articles[by].value_counts().sort_index()
    ungrouped = comparison.attrs.get("ungrouped", 0)
    lines = [
        f"**{len(articles):,} articles scored**, **{len(skipped):,} skipped**"
        + (" (each listed below, under What could not be scored)" if len(skipped) else "")
        + (f", {ungrouped:,} with no {md(noun)} left out" if ungrouped else "")
        + f". By {md(noun)}: " + ", ".join(f"{md(g)} ({n:,})" for g, n in groups.items()) + ".",
        "",
        (f"Each {md(noun)} is compared with **{md(reference)}**. " if reference is not None
         else f"Every pair of {md(noun)}s is compared. ")
        + (f"Paired by {md(event)}: each difference is taken within the {md(event)}s both sides covered, and its "
           f"95% interval resamples those {md(event)}s. " if paired else
           "Unpaired: each 95% interval resamples articles, with all their paragraphs. ")
        + f"The Holm correction is over all {len(comparison):,} comparisons of the table below (every measure "
          "of every pair), so it is strict.",
        "",
    ]
    for measure, (title, unit, _) in HEADLINE.items():
        lines.append(f"- **{title}** ({unit}):")
        rows = comparison[comparison["measure"] == measure]
        lines += [f"  - {finding(row, paired=paired)}" for _, row in rows.iterrows()]
    shown = comparison[comparison["measure"].isin(list(HEADLINE))]
    clear = shown[excludes_zero(shown["ci_low"], shown["ci_high"])]
    lines.append("")
    if len(clear):
        lines.append("Intervals that exclude zero: " + "; ".join(
            f"{md(r.group)} against {md(r.reference)} on {HEADLINE[r.measure][0].lower()}"
            for r in clear.itertuples()) + ".")
    else:
        lines.append("No interval of these three measures excludes zero: no difference is shown at this sample size.")
    return "\n".join(lines)


def skipped_rows(corpus, source) -> pd.DataFrame:
    """`corpus.skipped` as a reader gets it: where each row is and why it was not scored, the corpus
    (`source`, the folder or file it was read from) by its own name rather than its whole path.

    >>> import types
    >>> gone = pd.DataFrame({"article": ["b.txt"], "origin": ["/home/me/news/manifest.csv line 3"],
    ...                      "problem": ["names 'b.txt', which is not a file of /home/me/news"]})
    >>> skipped_rows(types.SimpleNamespace(skipped=gone), "/home/me/news").iloc[0].tolist()
    ['b.txt', 'news/manifest.csv line 3', "names 'b.txt', which is not a file of news"]
    """
    import os
    from pathlib import Path

    root = Path(source).resolve() if isinstance(source, (str, os.PathLike)) else None
    table = corpus.skipped.copy()
    if root is not None:
        for column in ("origin", "problem"):
            if column in table:
                table[column] = table[column].astype(str).str.replace(str(root), root.name, regex=False)
    return table


def summary(corpus, comparison: pd.DataFrame):
    """`summary_markdown` for a notebook to display."""
    from IPython.display import Markdown

    return Markdown(summary_markdown(corpus, comparison))


def folded(table, title: str):
    """A table (a Styler from `tables.reader_table`) under a line the reader opens: `<details>`."""
    from IPython.display import HTML

    return HTML(f"<details><summary>{html_text(title)}</summary>{table.to_html()}</details>")
