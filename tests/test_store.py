"""The corpus store: incremental ingest, atomic writes, both cores and Dask give the same store."""

from __future__ import annotations

import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis import pipeline, store
from analysis.articles import load_articles
from analysis.bench import write_corpus
from analysis.cli import main
from analysis.paths import ARTICLES_DIR
from analysis.pipeline import extract
from analysis.store import StoreError, ingest, load_store

SEED = ARTICLES_DIR / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt"


@pytest.fixture(autouse=True)
def pinned_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """The code may be edited while tests run: keep one extraction fingerprint per test
    (its own test below checks the real one)."""
    monkeypatch.setenv(store._FINGERPRINT_ENV, "pinned-for-this-test")


def fake_extract_article(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A stand-in extractor that finds every curly-quoted passage and every year in the text,
    so the store's bookkeeping is tested with rows whatever state the real extractors are in."""
    text = record["text"]
    statements = [
        {
            "speaker": "Someone",
            "kind": "direct",
            "quote": m.group(1),
            "cue": "said",
            "start": m.start(1),
            "end": m.end(1),
            "field": "text",
            "topics": ["inspections"] if "nspection" in m.group(1) else [],
        }
        for m in re.finditer("\u201c([^\u201d]+)\u201d", text)
    ]
    events = [
        {
            "date_label": m.group(0),
            "date_precision": "year",
            "date_text": m.group(0),
            "mechanism": "treaty",
            "action": "other",
            "start": m.start(),
            "end": m.end(),
        }
        for m in re.finditer(r"\b20[0-3]\d\b", text)
    ]
    return {"statements": statements, "events": events}


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the extractor (also in forked workers and in-process Dask); records calls."""
    calls: list[str] = []

    def extract_article(record: dict[str, Any], **which: bool) -> dict[str, list[dict[str, Any]]]:
        calls.append(record["article_id"])
        return fake_extract_article(record)

    monkeypatch.setattr(pipeline, "extract_article", extract_article)
    return calls


def loopback_cluster(distributed: Any, *, processes: bool, n_workers: int = 1) -> Any:
    """A Dask LocalCluster on 127.0.0.1 over TCP, no dashboard, one thread per worker."""
    return distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=processes,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    )


def frames_equal(a: tuple[pd.DataFrame, ...], b: tuple[pd.DataFrame, ...]) -> None:
    for left, right in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(left, right)


def corpus(tmp_path: Path, n: int, seed: int = 7) -> Path:
    directory = tmp_path / "articles"
    write_corpus(directory, n, seed=seed)
    return directory


def test_store_holds_what_a_fresh_extraction_finds(tmp_path: Path) -> None:
    articles_dir = corpus(tmp_path, 30)
    (articles_dir / SEED.name).write_bytes(SEED.read_bytes())  # no front matter at all
    (articles_dir / "signed.md").write_text(
        "---\ntitle: A signed piece\nauthor: Jo Writer\npublished: 2023-03-01\n---\n\n"
        "\u201cThe limits still hold,\u201d the minister said on Wednesday in a long speech "
        "to parliament about the treaty and its future.\n"
    )
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert summary.loaded == 32 and summary.failed == [] and summary.unchanged == 0

    articles, statements, events = load_store(tmp_path / "store")
    expected = load_articles(articles_dir).sort_values("source", ignore_index=True)
    expected.attrs = {}
    pd.testing.assert_frame_equal(articles, expected)
    exp_statements, exp_events = extract(expected)
    pd.testing.assert_frame_equal(statements, exp_statements)
    pd.testing.assert_frame_equal(events, exp_events)
    assert len(statements) > 30 and len(events) > 0  # the templates quote in most articles
    assert summary.statements == len(statements) and summary.events == len(events)


def test_bookkeeping_rows_round_trip_with_lists_and_dtypes(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    articles_dir = corpus(tmp_path, 20)
    ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    articles, statements, events = load_store(tmp_path / "store")
    exp_statements, exp_events = extract(load_articles(articles_dir).sort_values("source"))
    assert len(statements) > 20 and len(events) > 20
    pd.testing.assert_frame_equal(statements, exp_statements)
    pd.testing.assert_frame_equal(events, exp_events)
    assert isinstance(statements["topics"][0], list)
    assert isinstance(articles["removed"][0], list)
    assert str(events["date"].dtype) == "datetime64[ns]"
    text = articles.set_index("article_id")["text"]
    for row in statements.head(50).itertuples():
        assert text[row.article_id][row.start : row.end] == row.quote


def test_unchanged_rerun_reads_and_extracts_nothing(
    tmp_path: Path, fake_extractor: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles_dir = corpus(tmp_path, 25)
    ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    before = load_store(tmp_path / "store")
    assert len(fake_extractor) == 25
    fake_extractor.clear()

    def no_loading(paths: list[str]) -> Any:
        raise AssertionError(f"unchanged files were read again: {paths[:3]}")

    monkeypatch.setattr(store, "_load_chunk", no_loading)
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert (summary.loaded, summary.unchanged, summary.failed) == (0, 25, [])
    assert summary.total_articles == 25 and summary.total_statements == len(before[1])
    assert fake_extractor == []
    frames_equal(load_store(tmp_path / "store"), before)


def test_touched_file_is_read_but_not_extracted_again(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    articles_dir = corpus(tmp_path, 10)
    ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    before = load_store(tmp_path / "store")
    fake_extractor.clear()
    path = sorted(articles_dir.iterdir())[3]
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert (summary.loaded, summary.unchanged) == (0, 10)
    assert fake_extractor == []
    frames_equal(load_store(tmp_path / "store"), before)


def test_changed_article_replaces_its_old_rows(tmp_path: Path, fake_extractor: list[str]) -> None:
    articles_dir = corpus(tmp_path, 12)
    ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    articles, statements, _ = load_store(tmp_path / "store")
    path = sorted(articles_dir.iterdir())[5]
    old_id = articles.loc[articles["source"] == str(path), "article_id"].item()
    assert (statements["article_id"] == old_id).any()

    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n\u201cA sentence we added about inspections,\u201d the envoy said.\n",
        encoding="utf-8",
    )
    fake_extractor.clear()
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert (summary.loaded, summary.unchanged) == (1, 11)
    assert len(fake_extractor) == 1

    articles, statements, events = load_store(tmp_path / "store")
    assert len(articles) == 12
    assert old_id not in set(articles["article_id"])
    assert old_id not in set(statements["article_id"]) | set(events["article_id"])
    new_id = articles.loc[articles["source"] == str(path), "article_id"].item()
    assert "A sentence we added about inspections," in set(
        statements.loc[statements["article_id"] == new_id, "quote"]
    )
    # The store equals one built from scratch on the current files.
    fresh = ingest([articles_dir], store_dir=tmp_path / "fresh", progress=False)
    assert fresh.loaded == 12
    frames_equal(load_store(tmp_path / "store"), load_store(tmp_path / "fresh"))


def test_file_removed_from_an_ingested_folder_leaves_the_store(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    articles_dir = corpus(tmp_path, 8)
    other = tmp_path / "other.txt"
    other.write_text("---\ntitle: Kept\n---\n\n\u201cWe stay in 2024,\u201d she said.\n")
    ingest([articles_dir, other], store_dir=tmp_path / "store", progress=False)
    gone = sorted(articles_dir.iterdir())[0]
    gone.unlink()
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert summary.removed == 1 and summary.total_articles == 8
    articles, statements, _ = load_store(tmp_path / "store")
    assert str(gone) not in set(articles["source"])
    assert str(other) in set(articles["source"])  # a source not named this time stays
    assert set(statements["article_id"]) <= set(articles["article_id"])


def test_bad_inputs_are_listed_and_the_rest_is_stored(
    tmp_path: Path, fake_extractor: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    articles_dir = corpus(tmp_path, 5)
    (articles_dir / "empty.txt").write_text("")
    (articles_dir / "broken.txt").write_text("---\ntitle: [unclosed\n---\n\nSome words here.\n")
    code = main(["ingest", str(articles_dir), "--store", str(tmp_path / "store"), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 1
    assert "loaded and extracted: 5 article(s)" in out
    assert re.search(r"failed: +2\n", out)
    failed = [line for line in out.splitlines() if line.startswith("    - ")]
    assert {Path(line[6:].split(": ")[0]).name for line in failed} == {"empty.txt", "broken.txt"}
    assert "Traceback" not in out
    assert len(load_store(tmp_path / "store")[0]) == 5


def test_an_article_whose_extraction_fails_is_reported_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles_dir = corpus(tmp_path, 6)
    bad = sorted(articles_dir.iterdir())[2]

    def flaky(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        if "(2)" in (record.get("title") or ""):
            raise ValueError("cannot parse this sentence")
        return fake_extract_article(record)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert summary.loaded == 5
    assert summary.failed == [
        {
            "source": str(bad),
            "error": "extraction failed (ValueError: cannot parse this sentence)",
        }
    ]
    monkeypatch.setattr(pipeline, "extract_article", fake_extract_article)
    summary = ingest([articles_dir], store_dir=tmp_path / "store", progress=False)
    assert (summary.loaded, summary.unchanged, summary.failed) == (1, 5, [])


@pytest.mark.parametrize("use_fake", [True, False], ids=["bookkeeping", "real-extractors"])
def test_two_processes_give_the_same_store_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_fake: bool
) -> None:
    if use_fake:
        monkeypatch.setattr(pipeline, "extract_article", fake_extract_article)
    articles_dir = corpus(tmp_path, 240)
    one = ingest([articles_dir], store_dir=tmp_path / "one", workers=1, progress=False)
    two = ingest(
        [articles_dir], store_dir=tmp_path / "two", engine="processes", workers=2, progress=False
    )
    assert one.engine == "one process" and two.engine == "2 processes"
    assert one.loaded == two.loaded == 240
    frames_equal(load_store(tmp_path / "one"), load_store(tmp_path / "two"))


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_dask_cluster_gives_the_same_store_as_the_local_engine(
    tmp_path: Path, processes: bool
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    articles_dir = corpus(tmp_path, 40)
    (articles_dir / SEED.name).write_bytes(SEED.read_bytes())
    ingest([articles_dir], store_dir=tmp_path / "local", progress=False)
    with loopback_cluster(distributed, processes=processes) as cluster:
        summary = ingest(
            [articles_dir],
            store_dir=tmp_path / "dask",
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
    assert summary.engine == f"Dask cluster at {cluster.scheduler_address}"
    assert summary.loaded == 41
    frames_equal(load_store(tmp_path / "local"), load_store(tmp_path / "dask"))


def test_dask_engine_with_bookkeeping_rows_matches_local(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    articles_dir = corpus(tmp_path, 30)
    ingest([articles_dir], store_dir=tmp_path / "local", progress=False)
    fake_extractor.clear()
    with loopback_cluster(distributed, processes=False) as cluster:
        ingest(
            [articles_dir],
            store_dir=tmp_path / "dask",
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
    assert len(fake_extractor) == 30  # the (in-process) cluster did the extraction
    frames_equal(load_store(tmp_path / "local"), load_store(tmp_path / "dask"))


def test_unreachable_scheduler_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(store, "DASK_CONNECT_TIMEOUT", "2s")
    articles_dir = corpus(tmp_path, 3)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    code = main(
        ["ingest", str(articles_dir), "--store", str(tmp_path / "s"), "--engine", "dask",
         "--scheduler", address, "--no-progress"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and address in err and "dask scheduler" in err


def test_missing_dask_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles_dir = corpus(tmp_path, 3)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(StoreError, match=re.escape('pip install -e ".[dask]"')):
        ingest([articles_dir], store_dir=tmp_path / "s", engine="dask", progress=False)


def test_a_second_ingest_into_the_same_store_is_refused(tmp_path: Path) -> None:
    import fcntl

    articles_dir = corpus(tmp_path, 2)
    (tmp_path / "s").mkdir()
    with open(tmp_path / "s" / ".lock", "a+") as fh:
        fcntl.lockf(fh, fcntl.LOCK_EX)
        holder = subprocess.run(
            [sys.executable, "-m", "analysis", "ingest", str(articles_dir), "--store",
             str(tmp_path / "s"), "--no-progress"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert holder.returncode == 2
    assert "another ingest is writing to this store" in holder.stderr
    assert "Traceback" not in holder.stderr
    assert not (tmp_path / "s" / "manifest.json").exists()


def test_empty_store_loads_as_empty_frames(tmp_path: Path) -> None:
    articles, statements, events = load_store(tmp_path / "nothing-here")
    assert articles.empty and statements.empty and events.empty
    assert list(statements.columns)[:3] == ["article_id", "speaker", "speaker_mention"]


def _wait_for_line(proc: subprocess.Popen[str], needle: str, timeout: float) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 0.5)
        if ready:
            line = proc.stderr.readline()
            seen += line
            if needle in line:
                return seen
        if proc.poll() is not None:
            break
    raise AssertionError(f"never saw {needle!r}; stderr so far:\n{seen}")


@pytest.mark.timeout(240)
def test_run_killed_while_writing_leaves_previous_store_and_next_run_completes(
    tmp_path: Path,
) -> None:
    articles_dir = tmp_path / "articles"
    write_corpus(articles_dir, 300, seed=11)
    files = sorted(articles_dir.iterdir())
    hidden = tmp_path / "later"
    hidden.mkdir()
    for path in files[40:]:  # the first run sees 40 articles
        path.rename(hidden / path.name)
    st = tmp_path / "store"
    ingest([articles_dir], store_dir=st, progress=False)
    previous = load_store(st)
    manifest_before = (st / "manifest.json").read_bytes()

    for path in hidden.iterdir():  # 260 new articles and one changed
        path.rename(articles_dir / path.name)
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nOne more line.\n")

    env = {**os.environ, "ANALYSIS_INGEST_PAUSE_BEFORE_COMMIT": "60"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "ingest", str(articles_dir), "--store", str(st)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        _wait_for_line(proc, "batch written", timeout=180)
        written = {p.name for p in st.glob("seg-*.parquet")}
        assert len(written) > 3  # the killed run had written its new segment
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert (st / "manifest.json").read_bytes() == manifest_before
    frames_equal(load_store(st), previous)

    summary = ingest([articles_dir], store_dir=st, progress=False)
    assert (summary.loaded, summary.unchanged, summary.failed) == (261, 39, [])
    manifest = json.loads((st / "manifest.json").read_text())
    named = {f"{seg}.{t}.parquet" for seg in manifest["segments"] for t in store._TABLES}
    assert {p.name for p in st.glob("seg-*.parquet")} == named  # leftovers cleaned away
    assert not list(st.glob(".*.tmp"))
    fresh = ingest([articles_dir], store_dir=tmp_path / "fresh", progress=False)
    assert fresh.total_articles == 300
    frames_equal(load_store(st), load_store(tmp_path / "fresh"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_with_no_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_extractor: list[str]
) -> None:
    monkeypatch.setattr(store, "PROGRESS_DELAY", 0)
    articles_dir = corpus(tmp_path, 30)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    ingest([articles_dir], store_dir=tmp_path / "a", progress=True)
    assert "30/30" in terminal.getvalue() and "ingest" in terminal.getvalue()

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    ingest([articles_dir], store_dir=tmp_path / "b", progress=False)
    assert terminal.getvalue() == ""

    pipe = io.StringIO()  # not a terminal: a log file or CI
    monkeypatch.setattr(sys, "stderr", pipe)
    ingest([articles_dir], store_dir=tmp_path / "c", progress=True)
    assert pipe.getvalue() == ""


def test_ingest_and_load_brings_the_store_up_to_date_for_a_notebook(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    articles_dir = corpus(tmp_path, 6)
    (articles_dir / "empty.txt").write_text("")
    articles, statements, events = store.ingest_and_load(
        [articles_dir], store_dir=tmp_path / "s", progress=False
    )
    assert len(articles) == 6 and len(statements) > 0 and len(events) > 0
    assert [Path(e["source"]).name for e in articles.attrs["errors"]] == ["empty.txt"]
    assert articles.attrs["ingest"].loaded == 6
    (articles_dir / "new.txt").write_text(
        "---\ntitle: Added later\n---\n\n\u201cWe will meet again in 2027,\u201d the envoy said.\n"
    )
    articles, _, _ = store.ingest_and_load([articles_dir], store_dir=tmp_path / "s")
    assert len(articles) == 7 and articles.attrs["ingest"].loaded == 1


def test_new_extraction_code_re_extracts_every_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_article", fake_extract_article)
    articles_dir = corpus(tmp_path, 15)
    ingest([articles_dir], store_dir=tmp_path / "s", progress=False)
    _, before, _ = load_store(tmp_path / "s")

    def improved(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        found = fake_extract_article(record)
        for st in found["statements"]:
            st["speaker"] = "Someone Resolved"
        return found

    monkeypatch.setattr(pipeline, "extract_article", improved)
    # Same code fingerprint: nothing is extracted again, whatever the extractor now does.
    assert ingest([articles_dir], store_dir=tmp_path / "s", progress=False).loaded == 0
    monkeypatch.setattr(store, "extractor_fingerprint", lambda: "new-code")
    summary = ingest([articles_dir], store_dir=tmp_path / "s", progress=False)
    assert (summary.loaded, summary.unchanged) == (15, 0)
    articles, statements, _ = load_store(tmp_path / "s")
    assert len(articles) == 15 and len(statements) == len(before)
    assert set(statements["speaker"]) == {"Someone Resolved"}
    assert ingest([articles_dir], store_dir=tmp_path / "s", progress=False).unchanged == 15


def test_extractor_fingerprint_follows_lexicons_not_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis import paths

    data = tmp_path / "data"
    for rel, text in [
        ("lexicon/verbs.csv", "word\nsaid\n"),
        ("speakers.csv", "name\nSomeone\n"),
        ("articles/a.txt", "An article."),
        ("treaty/events.csv", "date\n2023-02-21\n"),
        ("processed/manifest.json", "{}"),
    ]:
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.delenv(store._FINGERPRINT_ENV)
    first = store.extractor_fingerprint()
    assert re.fullmatch("[0-9a-f]{16}", first) and store.extractor_fingerprint() == first
    for rel in ("articles/a.txt", "treaty/events.csv", "processed/manifest.json"):
        (data / rel).write_text("changed")
        assert store.extractor_fingerprint() == first, rel
    (data / "lexicon/verbs.csv").write_text("word\nsaid\nstated\n")
    second = store.extractor_fingerprint()
    assert second != first
    (data / "speakers.csv").write_text("name\nSomeone Else\n")
    assert store.extractor_fingerprint() not in {first, second}


def test_a_worker_that_dies_is_one_clear_error_and_the_store_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_article", fake_extract_article)
    articles_dir = corpus(tmp_path, 5)
    ingest([articles_dir], store_dir=tmp_path / "s", progress=False)
    before = load_store(tmp_path / "s")
    write_corpus(tmp_path / "more", 10, seed=99)

    def crash(record: dict[str, Any]) -> dict[str, Any]:
        os._exit(3)  # as the out-of-memory killer would end a worker

    monkeypatch.setattr(pipeline, "extract_article", crash)
    with pytest.raises(StoreError, match="worker process died.*run the same command again"):
        ingest(
            [tmp_path / "more"],
            store_dir=tmp_path / "s",
            engine="processes",
            workers=2,
            progress=False,
        )
    frames_equal(load_store(tmp_path / "s"), before)


def test_dask_workers_running_other_extraction_code_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    articles_dir = corpus(tmp_path, 3)
    with loopback_cluster(distributed, processes=True) as cluster:
        # The worker process started with the fingerprint pinned for this test; this
        # machine now has other code.
        monkeypatch.setenv(store._FINGERPRINT_ENV, "newer-code-here")
        with pytest.raises(StoreError, match="run other extraction code than this machine"):
            ingest(
                [articles_dir],
                store_dir=tmp_path / "s",
                engine="dask",
                scheduler=cluster.scheduler_address,
                progress=False,
            )
    assert not (tmp_path / "s" / "manifest.json").exists()


def test_a_scheduler_without_workers_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.setattr(store, "DASK_CONNECT_TIMEOUT", "1s")
    articles_dir = corpus(tmp_path, 3)
    with (
        loopback_cluster(distributed, processes=False, n_workers=0) as cluster,
        pytest.raises(StoreError, match="no Dask worker is connected.*dask worker tcp://"),
    ):
        ingest(
            [articles_dir],
            store_dir=tmp_path / "s",
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )


_PAGE = """<!doctype html><html><head><title>Envoys agree to meet again</title>
<meta property="og:title" content="Envoys agree to meet again"></head><body>
<nav>Home | World | Subscribe</nav><article><h1>Envoys agree to meet again</h1>
<p>The two delegations met for three hours on Tuesday and agreed to meet again in the spring,
officials on both sides said after the talks ended late in the evening.</p>
<p>\u201cWe are ready to resume inspections as soon as the other side is,\u201d the head of one
delegation told reporters outside the building after the session.</p>
<p>The consultative commission last met in 2021, and neither side gave a date for its next
session, which diplomats said would depend on the outcome of further contacts.</p>
</article><footer>All rights reserved</footer></body></html>"""


def test_a_url_is_fetched_again_but_not_extracted_again(
    tmp_path: Path, fake_extractor: list[str]
) -> None:
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = _PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/envoys"
    try:
        first = ingest([url], store_dir=tmp_path / "s", progress=False)
        second = ingest([url], store_dir=tmp_path / "s", progress=False)
    finally:
        httpd.shutdown()
    assert (first.loaded, first.failed) == (1, [])
    assert (second.loaded, second.unchanged) == (0, 1)
    assert hits == ["/envoys", "/envoys"] and len(fake_extractor) == 1
    articles, statements, _ = load_store(tmp_path / "s")
    assert list(articles["source"]) == [url]
    assert "We are ready to resume inspections" in statements["quote"].iloc[0]


@pytest.fixture
def logged_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in extractor, logging each call to a file (seen from worker processes too)."""
    log = tmp_path / "extracted.log"
    log.write_text("")

    def extract_article(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        with open(log, "a") as fh:
            fh.write(record["article_id"] + "\n")
        return fake_extract_article(record)

    monkeypatch.setattr(pipeline, "extract_article", extract_article)
    return log


def test_workers_do_not_extract_what_the_store_holds(
    tmp_path: Path, logged_extractor: Path
) -> None:
    articles_dir = corpus(tmp_path, 220)
    ingest([articles_dir], store_dir=tmp_path / "s", engine="processes", progress=False)
    assert len(logged_extractor.read_text().split()) == 220
    before = load_store(tmp_path / "s")
    later = time.time_ns() + 5_000_000_000
    for path in articles_dir.iterdir():
        os.utime(path, ns=(later, later))  # every file looks changed: all are read again
    summary = ingest([articles_dir], store_dir=tmp_path / "s", engine="processes", progress=False)
    assert (summary.loaded, summary.unchanged, summary.engine) == (0, 220, "2 processes")
    assert len(logged_extractor.read_text().split()) == 220  # no extraction in the workers
    frames_equal(load_store(tmp_path / "s"), before)


def test_swapped_files_across_batches_end_up_complete(
    tmp_path: Path, logged_extractor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles_dir = corpus(tmp_path, 30)
    ingest([articles_dir], store_dir=tmp_path / "s", progress=False)
    files = sorted(articles_dir.iterdir())
    first, last = files[0].read_bytes(), files[-1].read_bytes()
    files[0].write_bytes(last)
    files[-1].write_bytes(first)
    later = time.time_ns() + 5_000_000_000
    for path in files:  # all are read again, so the two land in different chunks
        os.utime(path, ns=(later, later))
    monkeypatch.setattr(store, "BATCH_SIZE", 2)  # each chunk of files is committed on its own
    logged_extractor.write_text("")
    summary = ingest([articles_dir], store_dir=tmp_path / "s", progress=False)
    # The first file's old content was dropped when the first batch committed, then met
    # again in the last file: extracted once more, nothing lost.
    assert len(logged_extractor.read_text().split()) == 1
    assert summary.failed == [] and summary.total_articles == 30
    ingest([articles_dir], store_dir=tmp_path / "fresh", progress=False)
    frames_equal(load_store(tmp_path / "s"), load_store(tmp_path / "fresh"))
