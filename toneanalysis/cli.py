"""The `toneanalysis` command: parse arguments, call the package's functions, write the result.

    toneanalysis score ARTICLE|FOLDER [--format table|csv|json] [--lexicon CSV] [--jobs N] [--pattern GLOB]
    toneanalysis report ARTICLE [--baseline FILE ...] [--lexicon CSV] [-o OUT.html|OUT.pdf|FOLDER]
    toneanalysis compare CORPUS --by outlet ...; toneanalysis report CORPUS --by outlet ... (cli_corpus.py)
"""

from __future__ import annotations

import argparse
import gc
import sys

from .cli_corpus import add_compare, add_corpus_report_options, settle
from .errors import ToneAnalysisError


def _score(args) -> int:
    from .cli_commands import score

    settle(args)
    return score(args)


def _report(args) -> int:
    if args.by:
        from .cli_corpus import corpus_report

        return corpus_report(args)
    # The kernel is started first, before this process imports the analysis: it boots on the other
    # core while the inputs are read and checked, and its boot is most of a report's wait.
    from .report.kernel import NOTEBOOKS, Kernel
    from .report.target import report_target

    report_target(args.article, args.output)  # a name the report cannot take is refused before anything starts
    kernel = Kernel(NOTEBOOKS).start()
    try:
        from .cli_commands import report

        settle(args)
        return report(args, kernel=kernel)
    finally:
        kernel.shutdown()


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
    args = build_parser().parse_args(argv)
    # Run as the command (argv from the command line), what the imports make is frozen out of the
    # collector (`cli_corpus.settle`); called from Python with a list, nothing is.
    args.settle = argv is None
    try:
        return args.run(args)
    except ToneAnalysisError as error:
        from .report.escape import terminal_text

        print(terminal_text(f"toneanalysis: error: {error}", lines=True), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        if args.settle:
            gc.freeze()  # the run's own objects need no collection either: the process ends


if __name__ == "__main__":
    sys.exit(main())
