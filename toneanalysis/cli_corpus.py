"""The corpus commands of `toneanalysis`: `compare CORPUS --by outlet` and `report CORPUS --by outlet`.

    toneanalysis compare CORPUS --by outlet [--reference NAME] [--event-column event | --unpaired]
                         [--manifest CSV] [--text-column text] [--out FOLDER] [--jobs N] [--skip-errors]
                         [--format table|csv|json] [--n-boot N] [--seed N]
    toneanalysis report CORPUS --by outlet [--reference NAME] [--event-column event] [--out FOLDER] [-o OUT.html]

A corpus is a folder of articles (with `manifest.csv`, or `--manifest`) or a CSV/JSONL/Parquet file
with a text column. Kept apart from `cli.py`, which only registers these.
"""

from __future__ import annotations

import argparse
import gc
import sys
import warnings

COLUMNS = ["measure", "group", "reference", "difference", "ci_low", "ci_high", "effect_size", "p_value", "p_holm",
           "n_group", "n_reference", "n_events"]


def settle(args) -> None:
    """Once a command has imported what it needs: when it runs as the command (`args.settle`), what
    the imports made (pandas, spaCy, the package) lives as long as the process, so it is frozen out of
    the collector, which would otherwise rescan it each time the lexicon's patterns and the tables add
    objects, and once more at exit (together more than a third of `score`'s time after the imports).
    Called from Python, nothing is frozen: a long-lived caller's garbage must stay collectable."""
    if getattr(args, "settle", False):
        gc.freeze()


def _event(args) -> str | None:
    return None if args.unpaired else args.event_column


def _compare(args) -> int:
    import pandas as pd

    from .report.escape import terminal_text, write_table
    from .study import compare_groups, score_corpus

    settle(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skipped rows are listed below, one line each
        corpus = score_corpus(args.corpus, out=args.out, manifest=args.manifest, text_column=args.text_column,
                              lexicon=args.lexicon, n_jobs=args.jobs, progress=not args.no_progress,
                              errors="skip" if args.skip_errors else "raise")
    for row in corpus.skipped.itertuples():
        print(terminal_text(f"toneanalysis: skipped {row.origin}: {row.problem}"), file=sys.stderr)
    table = compare_groups(corpus, args.by, reference=args.reference, event=_event(args), n_boot=args.n_boot,
                           n_perm=args.n_boot, seed=args.seed)
    # Outlet names, file names and problems are untrusted: through the one escaping module.
    if args.format != "table":
        write_table(table, args.format, sys.stdout)
    else:
        counts = corpus.articles[args.by].value_counts().sort_index()
        print(terminal_text(f"# {args.corpus}: {len(corpus.articles)} articles ({corpus.n_scored} scored, "
                            f"{corpus.n_reused} reused), {len(corpus.skipped)} skipped; {table['design'].iloc[0]}; "
                            f"{table.attrs['interval']}"))
        print(terminal_text("# " + ", ".join(f"{name}: {n}" for name, n in counts.items())))
        with pd.option_context("display.max_rows", None, "display.width", 220, "display.float_format", "{:.3f}".format):
            write_table(table[COLUMNS], "table", sys.stdout)
    return 0


def corpus_report(args) -> int:
    """`toneanalysis report CORPUS --by ...`: the corpus report."""
    from .report.corpus import build_corpus_report

    settle(args)
    build_corpus_report(args.article, by=args.by, reference=args.reference, event_column=_event(args),
                        manifest=args.manifest, text_column=args.text_column, lexicon=args.lexicon, out=args.out,
                        output=args.output)
    return 0


def _corpus_options(parser: argparse.ArgumentParser, *, by_required: bool) -> None:
    parser.add_argument("--by", required=by_required, metavar="COLUMN",
                        help="the metadata column whose groups are compared (e.g. outlet)")
    parser.add_argument("--reference", metavar="NAME", help="compare every group with this one (default: all pairs)")
    parser.add_argument("--event-column", default="auto", metavar="COLUMN",
                        help="pair the groups by this column (default: 'event' when the corpus has one)")
    parser.add_argument("--unpaired", action="store_true",
                        help="compare articles, not events, even with an event column")
    parser.add_argument("--manifest", metavar="CSV", help="a folder's manifest (default: its manifest.csv)")
    parser.add_argument("--text-column", default="text", metavar="NAME", help="a table's text column (default: text)")
    parser.add_argument("--out", metavar="FOLDER", help="keep the scored tables there as Parquet; reuse what it holds")


def add_compare(commands) -> None:
    """Register `toneanalysis compare`."""
    compare = commands.add_parser("compare", help="compare the outlets (or any groups) of a corpus of articles")
    compare.add_argument("corpus", help="a folder of articles (with manifest.csv) or a CSV/JSONL/Parquet file")
    _corpus_options(compare, by_required=True)
    compare.add_argument("--lexicon", help="a lexicon CSV to use instead of the default one")
    compare.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (-1: every core)")
    compare.add_argument("--skip-errors", action="store_true",
                         help="skip rows that cannot be scored, naming each on stderr, instead of stopping")
    compare.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    compare.add_argument("--format", choices=("table", "csv", "json"), default="table")
    compare.add_argument("--n-boot", type=int, default=2000, metavar="N", help="bootstrap resamples and permutations")
    compare.add_argument("--seed", type=int, default=0)
    compare.set_defaults(run=_compare)


def add_corpus_report_options(report: argparse.ArgumentParser) -> None:
    """`toneanalysis report CORPUS --by COLUMN ...` renders the corpus report instead of an article's."""
    _corpus_options(report, by_required=False)
