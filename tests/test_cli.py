"""The command line: the extract contract of shared/eval, readable output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis.paths import ARTICLES_DIR, PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )


def test_help_documents_every_subcommand() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("extract", "summary", "report", "ingest", "bench", "check-data"):
        assert command in out.stdout


def test_extract_jsonl_prints_one_object_per_article_in_the_contract_shape() -> None:
    out = run("extract", "data/articles", "--jsonl")
    assert out.returncode == 0, out.stderr
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    n_files = len([p for p in ARTICLES_DIR.rglob("*") if p.suffix in {".txt", ".md", ".html"}])
    assert len(lines) == n_files
    seed = next(json.loads(ln) for ln in lines if "elamerican" in ln)
    assert seed["path"] == "data/articles/elamerican-2022-12-05-lavrov-strategic-dialogue.txt"
    assert seed["published"] == "2022-12-05"
    assert seed["language"] == "en"
    assert seed["title"].startswith("Russian Foreign Minister Lavrov")
    assert isinstance(seed["statements"], list) and isinstance(seed["events"], list)
    for st in seed["statements"]:
        assert {"speaker", "kind", "quote", "cue"} <= set(st)
    for ev in seed["events"]:
        assert {"date", "actor", "mechanism", "action", "evidence"} <= set(ev)


def test_extract_goes_on_past_a_bad_file_and_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = run("extract", str(tmp_path / "empty.txt"), "data/articles", "--jsonl")
    assert out.returncode == 1
    assert len([ln for ln in out.stdout.splitlines() if ln.startswith("{")]) >= 1
    assert "empty.txt" in out.stderr and "Traceback" not in out.stderr


def test_summary_prints_the_seed_title_date_outlet_and_word_count() -> None:
    out = run("summary")
    assert out.returncode == 0, out.stderr
    assert "Russian Foreign Minister Lavrov" in out.stdout
    assert "2022-12-05" in out.stdout and "El American" in out.stdout and "327" in out.stdout


def test_a_broken_treaty_table_is_reported_in_lines_not_a_traceback(tmp_path: Path) -> None:
    import shutil

    treaty = tmp_path / "treaty"
    shutil.copytree(PROJECT_ROOT / "data" / "treaty", treaty)
    events = treaty / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(lines[1].split(",")[0], "2022-13-01", 1)
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("check-data", str(treaty))
    assert out.returncode == 1
    assert "events.csv" in out.stdout + out.stderr and "2022-13-01" in out.stdout + out.stderr
    assert "Traceback" not in out.stderr


def test_report_prints_the_articles_at_a_glance_then_what_it_wrote(tmp_path: Path) -> None:
    out = run("report", "--out", str(tmp_path), "--formats", "html")
    assert out.returncode == 0, out.stderr
    head, _, tail = out.stdout.partition("Wrote:")
    assert "Russian Foreign Minister Lavrov: Freezing of Strategic Dialogue" in head
    assert "2022-12-05" in head and "El American" in head and "327" in head
    assert "brief.html" in tail and "timeline.png" in tail
    assert (tmp_path / "brief.html").is_file()


def test_report_into_an_unwritable_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = run("report", "--out", str(blocker / "out"), "--formats", "html")
    assert out.returncode == 1
    assert "error:" in out.stderr and "Traceback" not in out.stderr


def test_report_still_builds_but_exits_non_zero_when_an_input_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = run(
        "report",
        "data/articles",
        str(tmp_path / "empty.txt"),
        "--out",
        str(tmp_path / "r"),
        "--formats",
        "html",
    )
    assert out.returncode == 1
    assert "empty.txt" in out.stderr
    assert (tmp_path / "r" / "brief.html").is_file()
