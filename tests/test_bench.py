"""The benchmark: a deterministic synthetic corpus the loader reads, and a smoke run."""

from __future__ import annotations

import io
import math
from pathlib import Path

from analysis.articles import load_articles
from analysis.bench import run_bench, write_corpus


def test_corpus_is_deterministic_for_a_seed_and_differs_across_seeds(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", 20, seed=1)
    b = write_corpus(tmp_path / "b", 20, seed=1)
    c = write_corpus(tmp_path / "c", 20, seed=2)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_corpus_loads_without_errors_with_front_matter_and_quotes(tmp_path: Path) -> None:
    write_corpus(tmp_path, 40, seed=3)
    articles = load_articles(tmp_path)
    assert articles.attrs["errors"] == []
    assert len(articles) == 40 and articles["article_id"].is_unique
    assert articles["published"].notna().all() and set(articles["language"]) == {"en"}
    assert articles["outlet"].notna().all() and articles["url"].str.startswith("https://").all()
    assert articles["text"].str.contains("\u201c").mean() > 0.5  # quotes in most articles
    assert articles["n_words"].between(50, 1000).all()


def test_bench_smoke_run_prints_every_figure(tmp_path: Path) -> None:
    out = io.StringIO()
    figures = run_bench(60, out=out, import_repeats=1)
    text = out.getvalue()
    for label in (
        "extraction, one core",
        "extraction, all cores",
        "ingest into an empty store",
        "re-run, nothing changed",
        "statement filter",
        "import analysis",
        "peak memory",
    ):
        assert label in text, text
    assert "(60 articles," in text and "(60 unchanged)" in text
    for key in ("extract_one_core_per_s", "extract_all_cores_per_s", "ingest_s", "reingest_s"):
        assert figures[key] > 0
    assert not math.isnan(figures["import_s"]) and figures["peak_mb"] > 0


def test_explorer_timing_uses_the_explorer_and_agrees_with_a_plain_pandas_filter(
    tmp_path: Path,
) -> None:
    from analysis.bench import (
        _explorer_latency,
        _explorer_rows,
        _filter_combinations,
        _pandas_filter,
    )
    from analysis.pipeline import statements_frame
    from analysis.widgets import StatementExplorer

    write_corpus(tmp_path, 12, seed=5)
    articles = load_articles(tmp_path)
    rows = []
    for i, record in enumerate(articles.to_dict("records")):
        for j, word in enumerate(["inspections resume", "treaty limits", "no comment"]):
            rows.append(
                {
                    "article_id": record["article_id"],
                    "speaker": f"Speaker {(i + j) % 4}",
                    "kind": ["direct", "indirect", "partial"][(i * j) % 3],
                    "quote": f"We said {word} in {record['title']}",
                    "topics": ["inspections"] if j == 0 else (["treaty"] if j == 1 else []),
                }
            )
    statements, arts = _explorer_rows(statements_frame(rows), articles, 500)
    assert len(statements) == 500 and statements["article_id"].isin(arts["article_id"]).all()

    times, how, _setup = _explorer_latency(statements, arts)
    combos = _filter_combinations(statements)
    assert how == "analysis.widgets.StatementExplorer.apply_filters"
    assert len(times) == 5 * len(combos) and min(times) > 0

    explorer = StatementExplorer(statements, arts)
    published = arts.set_index("article_id")["published"]
    plain = statements.assign(published=statements["article_id"].map(published))
    counts = []
    for f in combos:
        expected = _pandas_filter(plain, f)
        counts.append(len(expected))
        assert len(explorer.apply_filters(**f)) == len(expected), f
    assert len(set(counts)) > 3  # the combinations really select different rows


def test_bench_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "analysis", "bench", "--articles", "30"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Benchmark on 30 synthetic articles" in done.stdout
    assert "target < 30 s" in done.stdout and "Traceback" not in done.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "analysis", "bench", "--articles", "0"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert bad.returncode == 2 and "--articles must be at least 1" in bad.stderr
