"""The `toneanalysis` command: parse arguments, call the package's functions, write the result.

    toneanalysis score ARTICLE|FOLDER [--format table|csv|json] [--lexicon CSV] [--jobs N] [--pattern GLOB]
    toneanalysis report ARTICLE [--baseline FILE ...] [--lexicon CSV] [-o OUT.html|OUT.pdf|FOLDER]
    toneanalysis compare CORPUS --by outlet ...; toneanalysis report CORPUS --by outlet ... (cli_corpus.py)
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from .analyse import analyse, score_paragraphs, score_sentences
from .cli_corpus import add_compare, add_corpus_report_options, corpus_report
from .corpus import score_folder
from .errors import ToneAnalysisError
from .lexicon import load_lexicon
from .load import load_article
from .measure import piece_measures
from .report.escape import terminal_frame, terminal_text, write_table

# JSON strings may hold any character but these reach a terminal raw: written as \uXXXX (still the same JSON).


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


def _score(args) -> int:
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


def _report(args) -> int:
    if args.by:
        return corpus_report(args)
    # Imported when asked for: the report's notebook machinery is not what `score` needs at start-up.
    from .report.build import build_report

    if not args.lexicon_add:
        build_report(args.article, baselines=args.baseline, lexicon=args.lexicon, output=args.output)
        return 0
    # The notebooks read a lexicon from a file: the extended one is written out for them, then removed;
    # its name says what it is (the report shows a lexicon's file name).
    with tempfile.TemporaryDirectory(prefix="toneanalysis-lexicon-") as folder:
        base = Path(args.lexicon).stem if args.lexicon else "default"
        merged = Path(folder) / f"{base}+{Path(args.lexicon_add).stem}.csv"
        _lexicon(args).entries.to_csv(merged, index=False)
        build_report(args.article, baselines=args.baseline, lexicon=merged, output=args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toneanalysis", description="Tone and loaded language in news writing, paragraph by paragraph.")
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="print the paragraph scores of an article")
    score.add_argument("article", help="a text or HTML file, an http(s) URL, or a folder of files "
                                       "(one row per paragraph, with `file`)")
    score.add_argument("--format", choices=("table", "csv", "json"), default="table")
    score.add_argument("--lexicon", help="a lexicon CSV to use instead of the default one")
    score.add_argument("--lexicon-add", metavar="CSV", help="a lexicon CSV whose entries are added to the lexicon "
                       "(the default one, or --lexicon's); an entry for a term already there replaces it")
    score.add_argument("--unit", choices=("paragraph", "sentence"), default="paragraph",
                       help="one row per paragraph (headline, captions included) or per sentence")
    score.add_argument("--jobs", type=int, default=1, metavar="N", help="folder: worker processes (-1: every core)")
    score.add_argument("--pattern", default="*", metavar="GLOB",
                       help="folder: which files (default '*'; '**/*.txt' recurses)")
    score.add_argument("--skip-errors", action="store_true",
                       help="folder: skip files that cannot be scored, naming each on stderr, instead of stopping")
    score.add_argument("--no-progress", action="store_true", help="folder: no progress bar on stderr")
    score.set_defaults(run=_score)
    report = commands.add_parser("report", help="run the notebooks on an article into one self-contained HTML report")
    report.add_argument("article", help="a text or HTML file, or an http(s) URL (with --by: a corpus folder or table)")
    report.add_argument("--baseline", action="extend", nargs="+", default=[], metavar="FILE",
                        help="neutral accounts of the same event to compare with (adds the comparison notebook)")
    report.add_argument("--lexicon", help="a lexicon CSV to use instead of the default one")
    report.add_argument("--lexicon-add", metavar="CSV", help="a lexicon CSV whose entries are added to the lexicon")
    report.add_argument("-o", "--output", metavar="OUT.html|OUT.pdf|FOLDER",
                        help="where to write it: an HTML page, a PDF (printed by Chromium), or a folder "
                             "(default reports/ARTICLE.html)")
    add_corpus_report_options(report)
    report.set_defaults(run=_report)
    add_compare(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Run as the command (argv from the command line): what the imports made (pandas, spaCy, the
    # package) lives as long as the process, so it is frozen out of the collector, which otherwise
    # rescans it each time the lexicon's patterns and the tables add objects, and once more at exit
    # (together more than a third of `score`'s time after the imports). Frozen again at the end: the
    # run's own objects need no collection either. Called from Python with a list, nothing is frozen
    # (a long-lived caller's garbage must stay collectable).
    command = argv is None
    if command:
        gc.freeze()
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ToneAnalysisError as error:
        print(terminal_text(f"toneanalysis: error: {error}", lines=True), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        if command:
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
