"""What the article commands do (`toneanalysis score`, `toneanalysis report ARTICLE`), with the imports
that takes: `cli.py` parses the command line first and imports this module only then, so that a report's
kernel can be started before pandas, spaCy and TextBlob are imported here."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from .analyse import analyse, score_paragraphs, score_sentences
from .corpus import score_folder
from .errors import ToneAnalysisError
from .lexicon import load_lexicon
from .load import load_article
from .measure import piece_measures
from .report.build import build_report
from .report.escape import terminal_frame, terminal_text, write_table

PARAGRAPH_TABLE = ["block", "role", "position", "tone", "loaded_p", "vader_compound", "textblob_polarity",
                   "textblob_subjectivity", "loaded_count", "loaded_weight", "loaded_terms", "text"]
SENTENCE_TABLE = ["block", "role", "sentence", "tone", "loaded_p", "vader_compound", "textblob_polarity",
                  "textblob_subjectivity", "text"]
SHORT = {"position": "pos", "loaded_p": "p_loaded", "vader_compound": "VADER", "textblob_polarity": "TextBlob",
         "textblob_subjectivity": "subj", "loaded_count": "loaded", "loaded_weight": "weight",
         "loaded_terms": "loaded terms"}
DROPPED_FIRST = ["loaded_terms", "textblob_subjectivity", "textblob_polarity", "vader_compound", "position",
                 "loaded_weight"]

def _score_folder(args):
    # A folder: every article file in it, on --jobs cores, one row per paragraph with its `file`.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skipped files are listed below, one line each
        table = score_folder(args.article, pattern=args.pattern, n_jobs=args.jobs, progress=not args.no_progress,
                             lexicon=args.lexicon, errors="skip" if args.skip_errors else "raise")
    for name, problem in table.attrs.get("skipped", {}).items():
        print(terminal_text(f"toneanalysis: skipped {name}: {problem}"), file=sys.stderr)
    return table, f"{args.article}: {table['file'].nunique()} files, {len(table)} scored blocks"


def _cut(text, room: int) -> str:
    text = str(text)
    return text if len(text) <= room else text[:max(room - 1, 0)] + "…"


def _fit(table: pd.DataFrame, width: int) -> str:
    """The table as text no wider than the terminal: short headers, the loaded terms cut to 30
    characters, the text to what is left (at least 20); columns dropped from the least needed while
    even that does not fit (`DROPPED_FIRST`)."""
    table = table.copy()
    if "loaded_terms" in table:
        table["loaded_terms"] = table["loaded_terms"].map(lambda t: _cut(t, 30))
    with pd.option_context("display.max_rows", None, "display.max_colwidth", None,
                           "display.float_format", "{:.3f}".format):
        while True:
            others = table.drop(columns="text", errors="ignore").rename(columns=SHORT)
            used = max(map(len, others.to_string(index=False).splitlines()))
            spare = [c for c in DROPPED_FIRST if c in table]
            if "text" not in table or width - used - 2 >= 20 or not spare:
                break
            table = table.drop(columns=spare[0])
        if "text" in table:
            table["text"] = table["text"].map(lambda t: _cut(t, max(20, width - used - 2)))
        return table.rename(columns=SHORT).to_string(index=False)


def _lexicon(args):
    """The lexicon the command uses: `--lexicon` (else the default), extended by `--lexicon-add`."""
    base = load_lexicon(args.lexicon)
    return base.extend(load_lexicon(args.lexicon_add)) if args.lexicon_add else base


def score(args) -> int:
    args.lexicon = _lexicon(args)
    if os.path.isdir(args.article) and args.unit == "sentence":
        raise ToneAnalysisError(f"{args.article}: --unit sentence scores one article, not a folder")
    if os.path.isdir(args.article):
        table, title = _score_folder(args)
    else:
        article = analyse(load_article(args.article), lexicon=args.lexicon)
        table = score_sentences(article) if args.unit == "sentence" else score_paragraphs(article)
        measures = piece_measures(article)
        meta = article.article.metadata
        where = ", ".join(str(v) for v in (meta.outlet, meta.date) if v)
        title = (f"{article.source}{f' ({where})' if where else ''}: {len(table)} {args.unit}s; "
                 f"body tone {measures['tone']:+.3f}, "
                 f"{measures['loaded_weight_per_1000_words']:.1f} loaded weight per 1,000 words, "
                 f"own voice {measures['own_voice_share']:.0%}")
    # Article text and file names are untrusted: a terminal gets no control sequence from them.
    if args.format != "table":
        write_table(table, args.format, sys.stdout)
    else:
        wanted = SENTENCE_TABLE if args.unit == "sentence" else PARAGRAPH_TABLE
        columns = ["file"] * ("file" in table) + [c for c in wanted if c in table]
        print(terminal_text(f"# {title} ({args.lexicon.source})"))
        print(_fit(terminal_frame(table[columns]), shutil.get_terminal_size((120, 24)).columns))
    return 0


def report(args, kernel=None) -> int:
    """An article's report; `kernel`: one started for it already (`cli._report`), else one is started."""
    if not args.lexicon_add:
        build_report(args.article, baselines=args.baseline, lexicon=args.lexicon, output=args.output, kernel=kernel)
        return 0
    # The notebooks read a lexicon from a file: the extended one is written out for them, then removed;
    # its name says what it is (the report shows a lexicon's file name).
    with tempfile.TemporaryDirectory(prefix="toneanalysis-lexicon-") as folder:
        base = Path(args.lexicon).stem if args.lexicon else "default"
        merged = Path(folder) / f"{base}+{Path(args.lexicon_add).stem}.csv"
        _lexicon(args).entries.to_csv(merged, index=False)
        build_report(args.article, baselines=args.baseline, lexicon=merged, output=args.output, kernel=kernel)
    return 0
