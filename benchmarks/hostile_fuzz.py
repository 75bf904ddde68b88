"""Run the hostile corpus of issue 13 (and random mutations of it) through the package; say what happened.

    .venv/bin/python benchmarks/hostile_fuzz.py [--cases N] [--seconds S] [--seed K] [--scaling]

Bounded in count (`--cases` input files, default 400) and time (`--seconds`, default 60): whichever ends first.
Each case is one input (a file written to a temporary folder, a string, a lexicon) and one entry
point (`load_article`, `analyse` + every table, `score_texts`, `load_lexicon`, `toneanalysis score` in
process, `highlight_html`). An outcome is `ok`, `refused` (a `ToneAnalysisError`: the message is shown),
or `CRASH` (any other exception: a bug). For `ok` cases of HTML output it also checks that no markup
from the input survives (only the highlighter's own tags and attributes are in it). `--scaling`
also times `find_loaded_terms` on 4,000 and 16,000 quoted paragraphs (item 8: linear, not quadratic).
Exit status 1 if any case crashed.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import os
import random
import sys
import tempfile
import time
import warnings
from html.parser import HTMLParser
from pathlib import Path

import toneanalysis as ta
from toneanalysis.cli import main as cli_main

MARKUP = ['</td></tr></table><h1 style="color:red">X</h1>', "<textarea>", "<form><input name=q>",
          '<a href="https://evil.example">win</a>', "<style>*{display:none}</style>",
          "<svg><style><img src=x onerror=alert(1)></style></svg>", "<math><style><img src=x onerror=alert(1)>",
          "<!--><img src=x onerror=alert(1)>-->", "<!-- a --!><img src=x onerror=alert(1)> -->",
          "[click me](javascript:alert(1)) **bold**", "q&quot;uote&#x27;s", "`backtick`", "$\\frac{$",
          "\x1b]0;retitled\x07", "\x1b]52;c;ZXZpbA==\x07", "\u202eevil", "<![CDATA[hidden]]>", "<br><br>"]
PROSE = ["The tyrant smiled at the crowd.", '"These are thugs," the spokesman said.', "Officials said talks went well.",
         "\u201cA snarling grin,\u201d said Marlowe.", "Residents were angry about the \u2018regime\u2019."]


def _files() -> list[tuple[str, bytes]]:
    """(name, bytes) of the hostile files: encodings, binary tails, line separators, sizes, nesting."""
    text = "\n".join(PROSE)
    russian = "Президент заявил, что переговоры прошли успешно. Тиран улыбнулся журналистам.\n" * 3
    return [
        ("utf8.txt", text.encode()), ("bom-utf16.txt", text.encode("utf-16")), ("bom-utf32.txt", text.encode("utf-32")),
        ("cp1252.txt", text.encode("cp1252")), ("cp1252-stray.txt", text.encode("cp1252") + b"\n\x81 stray"),
        ("mixed.txt", text.encode() + b"\n" + "The despot\u2019s smile.".encode("cp1252")),
        ("cp1251-declared.html", f'<meta charset="cp1251"><p>{russian}</p>'.encode("cp1251")),
        ("koi8r-undeclared.txt", russian.encode("koi8-r")), ("gbk.txt", ("暴君在广场上对记者微笑。" * 8).encode("gbk")),
        ("png-tail.txt", (text + "\n").encode() * 300 + bytes.fromhex("89504e470d0a1a0a0000000d") + bytes(range(256))),
        ("nul.txt", b"The tyrant\x00smiled."), ("empty.txt", b""), ("blank.txt", b"\n \n\t\n"),
        ("separators.txt", "One\u2028two\x85three\x0bfour\x0cfive\x1c six.\nSecond line.".encode()),
        ("huge-paragraph.txt", b"The tyrant smiled. " * 60_000),
        ("deep.html", ("<article>" + "<div>" * 5000 + "<p>The tyrant smiled.</p>" + "</div>" * 5000).encode()),
        ("unclosed-comment.html", b"<article><p>Seen.</p><!-- <p>The tyrant, hidden.</p></article>"),
        ("markup.txt", "\n".join(MARKUP).encode()), ("captions-only.txt", b"Photo: Reuters\nA man walks past.\n"),
    ]


def _lexicons() -> list[tuple[str, str]]:
    head = "term,category,weight,framing,neutral\n"
    repeated = "term,category,weight,framing,neutral,neutral\ntyrant,name_calling,3,negative,a,b\n"
    return [("repeated-column.csv", repeated),
            ("underscore-weight.csv", head + "tyrant,name_calling,1_0,negative,leader\n"),
            ("unclosed-quote.csv", head + 'tyrant,name_calling,3,negative,"leader\nthug,name_calling,3,negative,man\n'),
            ("markup-neutral.csv", head + 'tyrant,name_calling,3,negative,<a href="https://evil.example">x</a>\n')]


_OWN_TAGS = {"div", "style", "p", "h2", "mark", "sup", "span", "ol", "li", "b", "i"}
_OWN_ATTRIBUTES = {"class", "title", "style"}


class _Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.foreign: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag not in _OWN_TAGS or any(name not in _OWN_ATTRIBUTES for name, _ in attrs):
            self.foreign.append(self.get_starttag_text())


def _mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        where = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.4:
            data[where:where] = rng.choice(MARKUP).encode()
        elif choice < 0.7:
            data[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
        elif data:
            del data[where:where + rng.randint(1, 20)]
    return bytes(data)


def _run(label: str, call) -> tuple[str, str]:
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()) as out, \
                contextlib.redirect_stderr(io.StringIO()) as err:
            warnings.simplefilter("always")
            result = call()
        note = f"{len(caught)} warning(s)" if caught else ""
        if isinstance(result, int) and result:  # the command's exit status: its message is on stderr
            return "refused", err.getvalue().strip().splitlines()[-1][:140]
        if isinstance(result, str) and (foreign := _Tags(result).foreign):
            return "CRASH", f"markup from the input survived into the HTML: {foreign[0][:60]}"
        if any(ch in out.getvalue() + err.getvalue() for ch in "\x1b\x07\x9b\u202e"):
            return "CRASH", "a control character reached the terminal"
        return "ok", note
    except ta.ToneAnalysisError as error:
        return "refused", str(error)[:140]
    except Exception as error:  # the point: any other exception is a finding
        return "CRASH", f"{type(error).__name__}: {str(error)[:120]}"


def _entry_points(path: Path):
    yield "load_article", lambda: ta.load_article(path)
    yield "analyse+tables", lambda: [f(ta.analyse(path)) for f in (ta.score_paragraphs, ta.find_loaded_terms,
                                                                   ta.find_quotes, ta.actor_tone)]
    yield "highlight_html", lambda: ta.highlight_html(path)
    yield "cli score json", lambda: cli_main(["score", str(path), "--format", "json"])
    yield "cli score table", lambda: cli_main(["score", str(path)])


def scaling() -> None:
    for n in (4_000, 16_000):
        text = "\n".join(f'"The tyrant lied about {i}," the spokesman said of the regime.' for i in range(n))
        article = ta.analyse(text)
        started = time.process_time()
        hits = ta.find_loaded_terms(article)
        print(f"scaling: {n:,} quoted paragraphs, {len(hits):,} hits: find_loaded_terms "
              f"{time.process_time() - started:.2f} s CPU (analysis included)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scaling", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started, tally, crashes, count, runs = time.monotonic(), collections.Counter(), [], 0, 0
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cases = []
        for name, data in _files():
            cases.append((name, data))
        for i in range(args.cases):
            name, data = rng.choice(_files()[:-4])
            cases.append((f"mutant{i}-{name}", _mutate(rng, data)))
        special = [("fifo", "fifo"), ("/dev/zero", "/dev/zero"), ("folder", str(root))]
        if hasattr(os, "mkfifo"):
            os.mkfifo(root / "fifo.txt")
        for label, target in special:
            where = root / "fifo.txt" if target == "fifo" else target
            outcome, note = _run("load_article", lambda t=where: ta.load_article(t))
            print(f"{outcome:8} load_article   {label}: {note}")
            tally[outcome] += 1
        for name, text in _lexicons():
            (root / name).write_text(text)
            outcome, note = _run("load_lexicon", lambda n=name: ta.load_lexicon(root / n))
            print(f"{outcome:8} load_lexicon   {name}: {note}")
            tally[outcome] += 1
        for value in (None, 5, b"bytes", [None, 5]):
            outcome, note = _run("score_texts", lambda v=value: ta.score_texts(v))
            print(f"{outcome:8} score_texts    {value!r}: {note}")
            tally[outcome] += 1
        for name, data in cases:
            if count >= args.cases or time.monotonic() - started > args.seconds:
                break
            path = root / name
            path.write_bytes(data)
            count += 1
            for label, call in _entry_points(path):
                outcome, note = _run(label, call)
                tally[outcome] += 1
                runs += 1
                if outcome == "CRASH":
                    crashes.append((name, label, note))
                if not name.startswith("mutant") or outcome == "CRASH":
                    print(f"{outcome:8} {label:14} {name}: {note}")
    elapsed = time.monotonic() - started
    print(f"\n{count} files ({count - len(_files())} of them mutants) through 5 entry points ({runs} runs), "
          f"and {len(special) + len(_lexicons()) + 4} other cases, in {elapsed:.0f} s: "
          + ", ".join(f"{n} {k}" for k, n in sorted(tally.items())))
    if args.scaling:
        scaling()
    for crash in crashes:
        print("CRASH", *crash, sep=" | ", file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
