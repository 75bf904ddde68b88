import json
import subprocess
import sys

from conftest import SAMPLE


def run(*args):
    return subprocess.run([sys.executable, "-m", "toneanalysis", *args], capture_output=True, text=True)


def test_score_table_csv_json():
    table = run("score", str(SAMPLE))
    assert table.returncode == 0
    assert "Tyrants" in table.stdout and "headline" in table.stdout
    csv = run("score", str(SAMPLE), "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("block,role,line,position,text")
    assert len(csv.stdout.strip().splitlines()) == 45  # header + 44 rows
    rows = json.loads(run("score", str(SAMPLE), "--format", "json").stdout)
    assert len(rows) == 44 and rows[0]["role"] == "headline"


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    missing = run("score", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"toneanalysis: error: {tmp_path / 'nope.txt'}: no such file"
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x00\x01")
    out = run("score", str(binary))
    assert out.returncode == 2 and "binary" in out.stderr and "Traceback" not in out.stderr
