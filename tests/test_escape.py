"""Issue 13, items 1-4: untrusted text reaches HTML, Markdown and a terminal as text, and only as text."""

import html
import json
import re

import mistune
import nbconvert.filters
import pandas as pd
import pytest

from toneanalysis.report import build
from toneanalysis.report.defuse import sanitise
from toneanalysis.report.escape import html_attr, html_text, markdown_text, styled, terminal_text

HOSTILE_TEXT = [
    '</td></tr></table><h1 style="color:red">X</h1>',
    "<textarea>", "<form><input name=q></form>", '<a href="https://evil.example">win</a>',
    "<style>*{display:none}</style>",
    "<img src=x onerror=alert(1)>", "[click me](javascript:alert(1)) **bold**", "Title\n# heading\n[x](https://e.example)",
    "[X](https:evil.example).txt", "q&quot;uote&#x27;s", "a `backtick` name", "wire_$\\frac{$_c.txt", "https://evil.example",
    "www.evil.example", "<https://evil.example>", "![i](data:image/png;base64,AAAA)", "| a | b |\n|---|---|", "> quote",
    "1. one", "- item", "\\*not bold\\*", "&lt;b&gt;", "<!-- comment -->", "~~strike~~", "$x$ and $$y$$",
]
# The sanitiser's own cases: the ones the hand-written defuser let through, and more.
BYPASSES = [
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!-- a --!><img src=x onerror=alert(1)> -->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"https://evil.example\">x</a>",
    "<form action=x><input><button formaction=y>go</button></form>",
    "<textarea><img src=x onerror=y></textarea>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<object data=x></object>",
    "<base href=//evil.example>",
    "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
    "<div style=\"background:url(x)\" onmouseover=y>",
    "<img srcset=\"x 1x\" src=\"data:image/png;base64,AAAA\">",
    "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
    # Charts are inline SVG, so <svg> passes: nothing in it may run, fetch or point elsewhere.
    '<svg><use href="https://evil.example/x.svg#a"/><use xlink:href="#a"/></svg>',
    "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    '<svg><image href="https://evil.example/x.png"/><script href="https://evil.example/x.js"/></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick" to="alert(1)"/></svg>',
    '<svg><g clip-path="url(https://evil.example/c.svg#c)" filter="url(#f)"><title>t</title></g></svg>',
    '<svg><title></title><script>alert(1)</script><g onload="alert(1)"><path d="M0 0"/></g></svg>',
    "<svg><title><p>out</p><img src=x onerror=alert(1)></title></svg>",
    "<math><svg><title><style><img src=x onerror=alert(1)></style></title></svg></math>",
]


def _markdown_html(source: str) -> str:
    # As nbconvert renders a text/markdown output into the report.
    return nbconvert.filters.markdown2html(source)


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markdown_text_reads_as_written(text):
    # As nbconvert renders a notebook's Markdown output into the report, and as plain CommonMark does.
    for rendered in (_markdown_html(f"Before {markdown_text(text)} after"),
                     mistune.html(f"Before {markdown_text(text)} after")):
        match = re.fullmatch(r"<p>Before (.*) after</p>\s*", rendered, re.S)
        assert match, rendered
        assert "<" not in match.group(1)  # no element at all: no link, emphasis, heading, code, math
        assert html.unescape(match.group(1)) == " ".join(text.split())  # and the text exactly as written


def test_html_helpers():
    assert html_text('<b a="1">&') == "&lt;b a=&quot;1&quot;&gt;&amp;"
    assert html_attr('a"\nb') == "a&quot;&#10;b"


def test_styled_escapes_every_column_the_format_chain_used_to_reset():
    frame = pd.DataFrame({"text": ['</td></tr></table><h1>X</h1>'], "neutral": ["<a href=x>y</a>"], "tone": [0.25]})
    # The bug of notebook 03: the second `format` resets escape for every column.
    broken = frame.style.format(escape="html").format({"tone": "{:+.3f}"}).to_html()
    assert "<h1>X</h1>" in broken
    page = styled(frame, {"tone": "{:+.3f}"}).hide(axis="index").to_html()
    assert "<h1>" not in page and "<a " not in page and "&lt;h1&gt;X&lt;/h1&gt;" in page and "+0.250" in page
    with pytest.raises(KeyError):
        styled(frame, {"nope": "{:g}"})


@pytest.mark.parametrize("payload", BYPASSES)
def test_sanitiser_leaves_nothing_live(payload):
    out = sanitise(f"<div>{payload}</div>")
    assert not re.search(r"\son\w+\s*=", out) and "<script" not in out and "javascript" not in out.lower()
    assert not re.search(r"<(math|form|input|button|textarea|iframe|object|base|meta|a href=\"[^#])", out)
    assert not re.search(r"<(use|image|foreignObject|animate|set|filter|pattern)\b", out, re.I)
    assert not re.search(r"(clip-path|filter)=\"(?!url\(#)", out)
    assert "evil.example" not in out.split("&lt;")[0] or "href" not in out
    assert not re.search(r"(src|srcset|xlink:href|action)=\"(?!data:image/)", out)


def test_rendered_report_keeps_its_head_and_sanitises_its_body():
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": "".join(BYPASSES)})]
    nb.cells = [cell]
    page = build.render_html([nb], title="<b>t</b>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    body = page.split("<body", 1)[1]
    assert "onerror" not in body and "<form" not in body and "javascript:" not in body
    assert not re.search(r"<(script|use|image|foreignObject|animate|set)\b", body, re.I)


TERMINAL_ATTACKS = ["\x1b]0;pwned\x07", "\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\x9b31m", "\u202egnp.exe", "\x08\x08ok"]


def test_terminal_text_sends_no_control():
    for attack in TERMINAL_ATTACKS:
        out = terminal_text(f"a{attack}b")
        assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e]", out), repr(out)
    assert terminal_text("line\nnext", lines=True) == "line\nnext" and terminal_text("a\nb") == "a\\nb"


@pytest.mark.parametrize("form", ["table", "csv", "json"])
def test_score_prints_no_control_sequence(tmp_path, cli, monkeypatch, form):
    name = tmp_path / "evil\x1b]0;title\x07.txt"
    name.write_text("The tyrant " + " smiled ".join(TERMINAL_ATTACKS) + " at us.\n", encoding="utf-8")
    if form == "csv":
        monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    ran = cli("score", name, "--format", form)
    assert ran.returncode == 0, ran.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", ran.stdout + ran.stderr), ran.stdout
    if form == "json":  # the same data, only written safely
        assert json.loads(ran.stdout)[0]["text"].startswith("The tyrant \x1b]0;pwned\x07")


def test_folder_mode_names_and_errors_are_escaped(tmp_path, cli):
    (tmp_path / "ok.txt").write_text("The tyrant smiled at the crowd.\n")
    (tmp_path / "bad\x1b[2J.txt").write_bytes(b"")
    ran = cli("score", tmp_path, "--skip-errors", "--no-progress", "--format", "csv")
    assert "skipped" in ran.stderr and "\x1b" not in ran.stderr and "\\x1b[2J" in ran.stderr
    missing = cli("score", tmp_path / "no\x07pe.txt")
    assert missing.returncode == 2 and "\x07" not in missing.stderr and "\\x07" in missing.stderr
