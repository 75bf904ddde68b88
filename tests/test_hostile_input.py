"""Issue 13, items 5-7, 10-12, 18: broken and hostile files give a `ToneAnalysisError` naming the file and
line (never a dependency's traceback, never a hang), and text is never garbled silently."""

import os
import sys
import warnings

import pytest

import toneanalysis as ta
from toneanalysis import DecodingWarning

RUSSIAN = "Президент заявил, что переговоры прошли успешно. Тиран улыбнулся журналистам на площади.\n" * 4
CHINESE = "总统表示，会谈进行得很顺利。暴君在广场上对记者微笑。双方签署了一项新的协议。\n" * 4
JAPANESE = "大統領は、会談は順調に進んだと述べた。暴君は広場で記者たちに微笑んだ。\n" * 4


# --- item 5: paragraph length -----------------------------------------------------------------

def test_a_huge_paragraph_is_refused_naming_its_line(tmp_path):
    huge = "The tyrant smiled. " * 60_000  # 1.1 million characters: spaCy's E088 before
    path = tmp_path / "huge.txt"
    path.write_text("Headline here\n\n" + huge + "\n")
    with pytest.raises(ta.ToneAnalysisError, match=r"huge\.txt, line 3: a paragraph of 1,139,999 characters"):
        ta.load_article(path)
    for call in (ta.score_paragraphs, ta.find_loaded_terms):
        with pytest.raises(ta.ToneAnalysisError, match=r"line 1: a paragraph of 1,139,999 characters"):
            call(huge)
    with pytest.raises(ta.ToneAnalysisError, match=r"score_texts: item 1: a paragraph of 1,140,000"):
        ta.score_texts(["fine", huge])


def test_the_paragraph_limit_is_configurable(monkeypatch):
    monkeypatch.setenv("TONEANALYSIS_MAX_PARAGRAPH_CHARS", "50")
    with pytest.raises(ta.ToneAnalysisError, match="over the limit of 50"):
        ta.score_paragraphs("The tyrant smiled at the crowd and waved to the cameras for a while.")
    monkeypatch.setenv("TONEANALYSIS_MAX_PARAGRAPH_CHARS", "lots")
    with pytest.raises(ta.ToneAnalysisError, match="expected a whole number"):
        ta.score_paragraphs("The tyrant smiled.")


def test_cli_reports_a_huge_paragraph_in_one_line(tmp_path, cli):
    path = tmp_path / "huge.txt"
    path.write_text("x " * 600_000)
    ran = cli("score", path)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr and "line 1: a paragraph of" in ran.stderr


# --- item 6: deep HTML ------------------------------------------------------------------------

def test_html_nested_5000_deep_loads():
    html = "<html><body><article>" + "<div>" * 5000 + "<p>The tyrant smiled.</p>" + "</div>" * 5000 + "</article>"
    assert [b.text for b in ta.article_from_html(html).blocks] == ["The tyrant smiled."]
    outside = "<html><body>" + "<div>" * 3000 + "<main><p>The tyrant smiled.</p></main>" + "</div>" * 3000
    assert [b.text for b in ta.article_from_html(outside).scored_blocks()] == ["The tyrant smiled."]


# --- item 7: special files, size, patterns, lexicon paths -------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_hanging(tmp_path, cli):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ta.ToneAnalysisError, match=r"pipe\.txt: is a named pipe \(FIFO\), not an article file"):
        ta.load_article(fifo)
    assert cli("score", fifo).returncode == 2


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_devices_are_refused_by_type():
    with pytest.raises(ta.ToneAnalysisError, match=r"/dev/zero: is a character device"):
        ta.load_article("/dev/zero")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("The tyrant smiled.\n" * 100)
    monkeypatch.setenv("TONEANALYSIS_MAX_FILE_BYTES", "1000")
    with pytest.raises(ta.ToneAnalysisError, match=r"big\.txt: 1,900 bytes, over the limit of 1,000"):
        ta.load_article(path)


def test_symlinks_that_lead_nowhere(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(ta.ToneAnalysisError, match=r"loop: cannot be read"):
        ta.load_article(tmp_path / "loop")
    with pytest.raises(ta.ToneAnalysisError, match=r"dangling\.txt: a symbolic link to a file that does not exist"):
        ta.load_article(tmp_path / "dangling.txt")


def test_an_absolute_pattern_is_a_clear_error(tmp_path, cli):
    (tmp_path / "a.txt").write_text("The tyrant smiled.\n")
    with pytest.raises(ta.ToneAnalysisError, match=r"pattern '/etc/\*': a pattern relative to the folder"):
        ta.score_folder(tmp_path, pattern="/etc/*")
    ran = cli("score", tmp_path, "--pattern", "../*")
    assert ran.returncode == 2 and "relative to the folder" in ran.stderr


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_lexicon_is_a_clear_error(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("term,category,weight,framing,neutral\ntyrant,name_calling,3,negative,leader\n")
    path.chmod(0)
    with pytest.raises(ta.ToneAnalysisError, match=r"lex\.csv: cannot be read"):
        ta.load_lexicon(path)


def test_a_lexicon_path_that_is_a_folder_or_a_pipe(tmp_path):
    with pytest.raises(ta.ToneAnalysisError, match=r"is a folder, not a lexicon CSV"):
        ta.load_lexicon(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "lex.csv")
        with pytest.raises(ta.ToneAnalysisError, match=r"lex\.csv: is a named pipe"):
            ta.load_lexicon(tmp_path / "lex.csv")


# --- items 10-11: decoding --------------------------------------------------------------------

@pytest.mark.parametrize("encoding, text", [("cp1251", RUSSIAN), ("koi8-r", RUSSIAN), ("gbk", CHINESE),
                                            ("shift_jis", JAPANESE)])
def test_a_declared_charset_is_honoured(tmp_path, encoding, text):
    page = f'<html><head><meta charset="{encoding}"><title>t</title></head><body><article><p>{text}</p></article>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    article = ta.load_article(path)
    assert article.blocks[-1].text == " ".join(text.split()) and "(declared)" in article.encoding
    # The same bytes given an HTTP header's charset, as a text file:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode(encoding))
    assert ta.load_article(plain, encoding=encoding).blocks[0].text == text.splitlines()[0]


@pytest.mark.parametrize("encoding, text", [("cp1251", RUSSIAN), ("gbk", CHINESE)])
def test_an_undeclared_charset_is_detected_and_said(tmp_path, encoding, text):
    path = tmp_path / "piece.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.warns(DecodingWarning, match=r"piece\.txt: not UTF-8 and no charset declared: read as"):
        article = ta.load_article(path)
    assert article.blocks[0].text == text.splitlines()[0] and article.encoding.endswith("(detected)")


@pytest.mark.parametrize("bom", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_is_honoured(tmp_path, bom):
    path = tmp_path / "piece.txt"
    path.write_bytes("The tyrant\u2019s \u201cgrin\u201d.\nSecond line here.\n".encode(bom))
    article = ta.load_article(path)
    assert article.blocks[0].text == "The tyrant\u2019s \u201cgrin\u201d." and article.encoding.startswith(bom[:6])


def test_one_stray_byte_does_not_turn_a_cp1252_file_into_latin1(tmp_path):
    path = tmp_path / "piece.txt"
    text = "The tyrant\u2019s \u201cgrin\u201d, he said.\nA second line.\n"
    path.write_bytes(text.encode("cp1252") + b"Stray \x81.\n")
    with pytest.warns(DecodingWarning, match=r"undefined in cp1252 on lines 3"):
        article = ta.load_article(path)
    assert article.blocks[0].text == "The tyrant\u2019s \u201cgrin\u201d, he said." and article.repaired_lines == (3,)
    assert article.blocks[2].text == "Stray \ufffd."


def test_mixed_utf8_and_cp1252_is_repaired_line_by_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("The tyrant\u2019s grin.\n".encode() + "The despot\u2019s smile.\n".encode("cp1252")
                     + "Caf\u00e9 owners said so.\n".encode())
    with pytest.warns(DecodingWarning, match=r"mixed\.txt: mixed encodings: 1 line\(s\).* \(lines 2\)"):
        article = ta.load_article(path)
    assert [b.text for b in article.blocks] == ["The tyrant\u2019s grin.", "The despot\u2019s smile.",
                                                "Caf\u00e9 owners said so."]
    assert article.repaired_lines == (2,) and "line by line" in article.encoding


def test_utf8_is_read_without_a_warning(tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text("The tyrant\u2019s grin.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ta.load_article(path).encoding == "utf-8"


def test_binary_content_after_the_first_8_kb_is_found(tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 20
    path = tmp_path / "piece.txt"
    path.write_bytes(b"The tyrant smiled at the crowd.\n" * 400 + png)
    with pytest.raises(ta.ToneAnalysisError, match=r"piece\.txt: binary content .* line 40\d"):
        ta.load_article(path)


# --- item 12: line numbers --------------------------------------------------------------------

def test_line_numbers_are_the_files_lines(tmp_path):
    text = "Headline here\nOne \u2028 two.\nThree \x85 four \x0b five \x0c six.\n\x1c\x1d\x1e seven.\nLast line.\n"
    path = tmp_path / "piece.txt"
    path.write_text(text, encoding="utf-8")
    article = ta.load_article(path)
    assert len(article.lines()) == 5 == len(text.split("\n")) - 1
    assert [b.line for b in article.blocks] == [1, 2, 3, 4, 5]


# --- item 18: what a browser shows --------------------------------------------------------------

def test_br_br_splits_paragraphs_and_hidden_text_is_not_scored():
    article = ta.article_from_html("<article><p>The tyrant smiled.<br><br>The thug left.<br>Then came.</p>"
                                   "<p>Seen <![CDATA[the tyrant, hidden]]> here.</p>"
                                   "<p>Also seen.<!-- never closed <p>the tyrant, hidden</p></article>")
    assert [b.text for b in article.blocks] == ["The tyrant smiled.", "The thug left. Then came.", "Seen here.",
                                                "Also seen."]
    assert ta.article_from_html("<p>A</p><!--><p>B</p><!---><p>C</p>").blocks[-1].text == "C"


# --- item 14: folder scoring names what it cannot read --------------------------------------------

def test_folder_scoring_lists_special_files_and_broken_links_as_skipped(tmp_path, cli):
    (tmp_path / "good.txt").write_text("The tyrant smiled at the crowd.\n")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    with pytest.warns(UserWarning, match="skipped"):
        table = ta.score_folder(tmp_path, errors="skip")
    skipped = table.attrs["skipped"]
    assert set(table["file"]) == {"good.txt"}
    assert {"loop.txt", "dangling.txt"} | ({"pipe.txt"} if hasattr(os, "mkfifo") else set()) == set(skipped)
    assert "named pipe" in skipped.get("pipe.txt", "named pipe") and "does not exist" in skipped["dangling.txt"]
    with pytest.raises(ta.ToneAnalysisError, match=r"dangling\.txt"):
        ta.score_folder(tmp_path)
    ran = cli("score", tmp_path, "--skip-errors", "--no-progress", "--format", "csv")
    assert ran.returncode == 0 and ran.stderr.count("toneanalysis: skipped") == len(skipped)


# --- item 15: lexicon CSV edge cases --------------------------------------------------------------

HEADER = "term,category,weight,framing,neutral\n"


@pytest.mark.parametrize("csv, message", [
    ("term,category,weight,framing,neutral,neutral\ntyrant,name_calling,3,negative,leader,ruler\n",
     r"row 1, column 'neutral': appears twice in the header"),
    (HEADER + "tyrant,name_calling,1_0,negative,leader\n", r"row 2, column 'weight': '1_0' is not a number"),
    (HEADER + "tyrant,name_calling,nan,negative,leader\n", r"row 2, column 'weight': 'nan' is not a number"),
    (HEADER + 'tyrant,name_calling,3,negative,"leader\nthug,name_calling,3,negative,man\n',
     r"row 2, column 'neutral': has a line break in it \(a quotation mark left open\?\)"),
])
def test_lexicon_csv_edge_cases_name_the_row(tmp_path, csv, message):
    path = tmp_path / "lex.csv"
    path.write_text(csv)
    with pytest.raises(ta.ToneAnalysisError, match=message):
        ta.load_lexicon(path)


def test_lexicon_records_of_the_wrong_type_and_decimal_weights():
    with pytest.raises(ta.ToneAnalysisError, match=r"lexicon <list>, row 1: expected a dict of fields, got NoneType"):
        ta.load_lexicon([None])
    from decimal import Decimal

    lex = ta.load_lexicon({"tyrant": {"category": "name_calling", "weight": Decimal("2.5"), "framing": "negative",
                                      "neutral": "leader"}})
    assert lex.entries["weight"].tolist() == [2.5]
    with pytest.raises(ta.ToneAnalysisError, match="weight"):
        ta.load_lexicon({"tyrant": {"category": "name_calling", "weight": Decimal("NaN"), "framing": "negative",
                                    "neutral": "leader"}})


# --- item 16: score_texts given the wrong thing ---------------------------------------------------

def test_score_texts_names_what_it_was_given():
    import pandas as pd

    for value, message in [(None, "got NoneType"), (5, "got int"), (b"The tyrant", "got bytes"),
                           (pd.DataFrame({"body": ["The tyrant smiled."]}), r"got a DataFrame .*frame\['body'\]"),
                           ({"a": "The tyrant"}, "got dict")]:
        with pytest.raises(ta.ToneAnalysisError, match=f"^score_texts takes a list or Series of texts.*{message}"):
            ta.score_texts(value)
    with pytest.raises(ta.ToneAnalysisError, match=r"item 0 is a bytes"):
        ta.score_texts([b"The tyrant"])


def test_unreadable_files_are_a_clear_error_even_as_root(tmp_path, monkeypatch):
    # Root reads a chmod 0 file, so the permission error is simulated where the bytes are read.
    import builtins
    import pathlib

    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("term,category,weight,framing,neutral\ntyrant,name_calling,3,negative,leader\n")
    article = tmp_path / "a.txt"
    article.write_text("The tyrant smiled.\n")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "read_text", denied)
    with pytest.raises(ta.ToneAnalysisError, match=r"lex\.csv: cannot be read \(Permission denied\)"):
        ta.load_lexicon(lexicon)
    monkeypatch.setattr(builtins, "open", denied)
    with pytest.raises(ta.ToneAnalysisError, match=r"a\.txt: cannot be read \(Permission denied\)"):
        ta.load_article(article)


def test_many_unclosed_comments_take_linear_time():
    # The first version of hide_comments (a lazy regex) took 6 s for 20,000 unclosed `<!--`.
    import time

    from toneanalysis.load.html import hide_comments

    page = "<p>The tyrant smiled.</p>" + "<!--x" * 200_000
    started = time.process_time()
    assert hide_comments(page) == "<p>The tyrant smiled.</p>"
    assert time.process_time() - started < 1.0
