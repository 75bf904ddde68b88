"""`toneanalysis compare CORPUS --by outlet` and `report CORPUS --by outlet`: the table, the page, the errors."""

import io

import pandas as pd
import pytest
from conftest import DEMO_CORPUS, HOSTILE_OUTLET

import toneanalysis as ta


def test_compare_prints_the_table_compare_groups_gives(cli, demo_corpus):
    ran = cli("compare", DEMO_CORPUS, "--by", "outlet", "--reference", "Central Wire", "--format", "csv",
              "--n-boot", "200", "--no-progress")
    assert ran.returncode == 0, ran.stderr
    printed = pd.read_csv(io.StringIO(ran.stdout))
    expected = ta.compare_groups(demo_corpus, reference="Central Wire", n_boot=200, n_perm=200)
    pd.testing.assert_frame_equal(printed, expected, check_dtype=False, check_exact=False)
    assert set(printed["design"]) == {"paired by event"}


def test_compare_as_a_table_says_what_it_compared(cli, tmp_path):
    ran = cli("compare", DEMO_CORPUS, "--by", "outlet", "--unpaired", "--n-boot", "200", "--no-progress",
              "--out", tmp_path / "kept")
    assert ran.returncode == 0, ran.stderr
    first = ran.stdout.splitlines()[0]
    assert "15 articles (15 scored, 0 reused), 0 skipped; articles;" in first
    assert "Central Wire: 5, Daily Clarion: 5, Morning Ledger: 5" in ran.stdout
    again = cli("compare", DEMO_CORPUS, "--by", "outlet", "--unpaired", "--n-boot", "200", "--no-progress",
                "--out", tmp_path / "kept")
    assert "(0 scored, 15 reused)" in again.stdout
    assert again.stdout.splitlines()[2:] == ran.stdout.splitlines()[2:]


def test_bad_rows_are_named_on_stderr_and_skipped_only_when_asked(cli, tmp_path):
    table = tmp_path / "pieces.csv"
    pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": ["The tyrant smiled.", "", "The leader smiled.",
                                                            "The leader spoke."]}).to_csv(table, index=False)
    stopped = cli("compare", table, "--by", "outlet", "--no-progress")
    assert stopped.returncode == 2 and stopped.stdout == ""
    assert stopped.stderr.strip().splitlines() == [
        f"toneanalysis: error: {table} row 2: no text in 'text'; errors='skip' (--skip-errors) leaves them out "
        "and lists them"]
    skipped = cli("compare", table, "--by", "outlet", "--no-progress", "--skip-errors", "--n-boot", "100")
    assert skipped.returncode == 0
    assert f"toneanalysis: skipped {table} row 2: no text in 'text'" in skipped.stderr


@pytest.mark.parametrize("args, message", [
    (["--by", "paper"], "no column 'paper' to group by"),
    (["--by", "outlet", "--reference", "Reuters"], "'Reuters' is not a value of 'outlet'"),
    (["--by", "outlet", "--event-column", "story"], "no event column 'story'"),
])
def test_report_checks_the_corpus_before_any_notebook_runs(cli, tmp_path, args, message, monkeypatch):
    from toneanalysis.report import corpus

    monkeypatch.setattr(corpus, "run_notebooks", lambda *a, **k: pytest.fail("a notebook ran"))
    ran = cli("report", DEMO_CORPUS, *args, "-o", tmp_path / "r.html")
    errors = [line for line in ran.stderr.splitlines() if line.startswith("toneanalysis: error:")]
    assert ran.returncode == 2 and len(errors) == 1 and message in errors[0]
    assert not (tmp_path / "r.html").exists()


@pytest.mark.slow
def test_the_corpus_report_shows_the_api_numbers_and_escapes_outlet_names(corpus_report_run):
    run = corpus_report_run
    assert not run.error, run.error
    assert "<script>alert(1)" not in run.html
    assert "Daily &lt;script&gt;alert(1)&lt;/script&gt;Clarion" in run.html
    table = ta.compare_groups(ta.score_corpus(run.article), reference="Central Wire")
    row = table[(table["measure"] == "loaded_weight_per_1000_words") & (table["group"] == HOSTILE_OUTLET)].iloc[0]
    assert (f"{row.difference:+.1f} ({row.value_group:.1f} against {row.value_reference:.1f}; "
            f"95% interval {row.ci_low:+.1f} to {row.ci_high:+.1f}") in run.html
    assert run.html.count("<svg ") >= 3  # the charts, inline (plots.chart)


def test_compare_prints_no_control_sequence_from_outlet_or_file_names(cli, tmp_path):
    for name, text in [("a.txt", "The tyrant smiled, the mayor said."), ("b.txt", "The leader smiled, she said."),
                       ("c.txt", "The tyrant left, he said."), ("d.txt", "The leader left, it said.")]:
        (tmp_path / name).write_text(f"Headline here\n\n{text}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet\na.txt,\x1b]0;pwned\x07Daily\nb.txt,Wire\nc.txt,\x1b]0;pwned\x07Daily\nd.txt,Wire\n"
        "gone\x1b[2J.txt,Wire\n", encoding="utf-8")
    for form in ("table", "json"):
        done = cli("compare", tmp_path, "--by", "outlet", "--reference", "Wire", "--unpaired", "--skip-errors",
                   "--format", form, "--no-progress")
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
        assert "pwned" in done.stdout and "gone" in done.stderr  # shown, escaped, not dropped
