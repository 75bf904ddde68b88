import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

import toneanalysis as ta


def test_the_installed_command_runs():
    # The one real process: the console script that `pip install` made, as a user types it.
    command = Path(sys.executable).parent / "toneanalysis"
    done = subprocess.run([str(command), "score", str(SAMPLE), "--format", "csv"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("block,role,line,position,text")


def test_score_table_csv_json(cli):
    table = cli("score", SAMPLE)
    assert table.returncode == 0
    assert "Tyrants" in table.stdout and "headline" in table.stdout
    csv = cli("score", SAMPLE, "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("block,role,line,position,text")
    assert len(csv.stdout.strip().splitlines()) == 45  # header + 44 rows
    rows = json.loads(cli("score", SAMPLE, "--format", "json").stdout)
    assert len(rows) == 44 and rows[0]["role"] == "headline"


def test_the_table_title_gives_the_piece_measures(cli):
    title = cli("score", SAMPLE).stdout.splitlines()[0]
    measures = ta.piece_measures(SAMPLE)
    assert f"body tone {measures['tone']:+.3f}" in title
    assert f"{measures['loaded_weight_per_1000_words']:.1f} loaded weight per 1,000 words" in title
    assert f"own voice {measures['own_voice_share']:.0%}" in title


def test_errors_are_one_line_and_exit_non_zero(cli, tmp_path):
    missing = cli("score", tmp_path / "nope.txt")
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"toneanalysis: error: {tmp_path / 'nope.txt'}: no such file"
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x00\x01")
    out = cli("score", binary)
    assert out.returncode == 2 and "binary" in out.stderr and "Traceback" not in out.stderr
    usage = cli("score")
    assert usage.returncode == 2 and "the following arguments are required: article" in usage.stderr


ADDED = "term,category,weight,framing,neutral\npyongyang,loaded_noun,2,negative,the capital\n"


def test_lexicon_add_extends_the_default_lexicon(cli, tmp_path):
    extra = tmp_path / "extra.csv"
    extra.write_text(ADDED, encoding="utf-8")
    plain = cli("score", SAMPLE, "--format", "json")
    added = cli("score", SAMPLE, "--format", "json", "--lexicon-add", extra)
    before, after = json.loads(plain.stdout), json.loads(added.stdout)
    assert "Pyongyang" not in " ".join(r["loaded_terms"] for r in before)
    assert "Pyongyang" in " ".join(r["loaded_terms"] for r in after)
    # The default entries are all still there: every hit before is a hit after.
    assert sum(r["loaded_count"] for r in after) > sum(r["loaded_count"] for r in before)
    assert all(set(a["loaded_terms"].split("; ")) >= set(b["loaded_terms"].split("; ")) - {""}
               for a, b in zip(after, before))
    replaced = json.loads(cli("score", SAMPLE, "--format", "json", "--lexicon", extra).stdout)
    terms = " ".join(r["loaded_terms"] for r in replaced)
    assert "Pyongyang" in terms and "tyrant" not in terms.lower()  # --lexicon replaces, --lexicon-add adds


def test_one_row_per_sentence(cli):
    rows = json.loads(cli("score", SAMPLE, "--format", "json", "--unit", "sentence").stdout)
    assert len(rows) == len(ta.score_sentences(SAMPLE)) > 44
    assert {"sentence", "tone", "loaded_p", "text"} <= set(rows[0])
    folder = cli("score", SAMPLE.parent, "--unit", "sentence")
    assert folder.returncode == 2 and "--unit sentence scores one article" in folder.stderr


def test_the_table_fits_the_terminal(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    lines = cli("score", SAMPLE).stdout.splitlines()[1:]
    assert len(lines) == 45 and max(map(len, lines)) <= 100
    assert any(line.endswith("…") for line in lines)  # long paragraphs are cut, not wrapped
