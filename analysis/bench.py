"""``python -m analysis bench``: how fast the workbook is on a synthetic corpus.

The corpus is generated from templates written for this benchmark (quotes, reported speech,
dates, page furniture), deterministic for a given seed, saved as ``.txt`` files with front
matter in a temporary directory. The figures printed: extraction speed on one core and on
all cores, ingest time into an empty store and for a re-run with nothing changed, statement
filter latency at 100,000 statements, ``import analysis`` time and peak memory.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

DEFAULT_ARTICLES = 10_000
EXPLORER_ROWS = 100_000

# --------------------------------------------------------------------------- the corpus

_OUTLETS = [
    "Northern Ledger",
    "Capital Wire",
    "Harbour Times",
    "Continental Review",
    "Evening Dispatch",
]
_SPEAKERS = [
    ("Deputy Foreign Minister", "Anna Petrova", "Petrova", "the Russian Foreign Ministry"),
    ("State Department spokesperson", "Mark Ellison", "Ellison", "the State Department"),
    ("Foreign Minister", "Pavel Orlov", "Orlov", "the Russian Foreign Ministry"),
    ("Under Secretary for Arms Control", "Laura Benning", "Benning", "the State Department"),
    ("Kremlin spokesman", "Igor Sokolov", "Sokolov", "the Kremlin"),
    ("National Security Adviser", "David Hale-Rourke", "Hale-Rourke", "the White House"),
    ("Ambassador", "Olga Vetrova", "Vetrova", "the Russian embassy in Washington"),
]
_CLAIMS = [
    "We remain ready to discuss the future of strategic stability without preconditions",
    "Inspections cannot resume while our concerns are ignored",
    "The data exchanges were the backbone of predictability between our countries",
    "Nobody benefits from a world without limits on strategic forces",
    "Our side has fulfilled every obligation under the treaty",
    "The commission should meet as soon as both delegations are ready",
    "We will keep to the central limits as long as the other side does the same",
    "Notifications are still being exchanged through the risk reduction centres",
    "There is no substitute for verification on the ground",
    "The decision to suspend participation was forced upon us",
]
_INDIRECT = [
    "Moscow was open to talks on a successor agreement",
    "the inspections would not restart before the end of the year",
    "Washington had received no formal proposal",
    "the consultative commission had not met for months",
    "both sides continued to respect the limits on deployed warheads",
    "the data exchange scheduled for the spring would not take place",
    "the suspension of the treaty was reversible",
]
_CUES_AFTER = ["said", "told reporters", "stressed", "added", "warned", "noted"]
_CUES_BEFORE = ["said", "told journalists", "insisted", "argued", "noted"]
_ACTORS = ["Russia", "The United States", "Moscow", "Washington"]
_EVENTS = [
    "{actor} suspended on-site inspections under the treaty on {date}.",
    "{actor} postponed the session of the Bilateral Consultative Commission planned for {date}.",
    "{actor} announced on {date} that it would stop providing notifications.",
    "On {date}, {actor} proposed to resume the strategic stability dialogue.",
    "The treaty was extended by five years on {date}.",
    "{actor} withdrew from the agreement on {date}.",
    "{actor} resumed the exchange of data in {month}.",
]
_FILLER = [
    "Analysts in both capitals followed the exchange closely.",
    "The treaty limited each side to 1,550 deployed warheads.",
    "Officials did not give further details about the timetable.",
    "The statement came a day after a meeting of senior diplomats.",
    "Experts warned that the absence of verification would increase mistrust.",
    "Several European governments called for restraint.",
    "The talks had been frozen for most of the previous year.",
    "Diplomats on both sides described the meeting as businesslike but short.",
    "The ministry published a summary of the conversation on its website later that evening.",
    "Lawmakers asked the government to explain how compliance would be checked in future.",
    "A spokesperson for the alliance declined to comment on the exchange.",
    "Independent researchers have long argued that mutual inspections build confidence.",
    "The figures were last published in the autumn, before the exchange was halted.",
    "Neither delegation announced a date for the next round of consultations.",
]
_FURNITURE = [
    "Skip to content",
    "Share this article",
    "Advertisement",
    "Subscribe to our newsletter",
    "Read more: related coverage",
    "Follow us on social media",
    "All rights reserved.",
]


def _date_words(day: dt.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def synthetic_article(rng: random.Random, index: int) -> str:
    """One synthetic article: front matter, then text built from the templates above."""
    published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 2200))
    role, name, short, org = rng.choice(_SPEAKERS)
    outlet = rng.choice(_OUTLETS)
    title = f"{short} on the future of arms control ({index})"
    paragraphs: list[str] = [rng.choice(_FURNITURE), title]
    for _ in range(rng.randint(14, 24)):
        # Mostly plain prose, as in news: about four paragraphs in ten carry a statement.
        kind = rng.choices(range(5), weights=(15, 15, 15, 10, 45))[0]
        if kind == 0:
            paragraphs.append(
                f"\u201c{rng.choice(_CLAIMS)},\u201d {role} {name} "
                f"{rng.choice(_CUES_AFTER)} on {published.strftime('%A')}."
            )
        elif kind == 1:
            paragraphs.append(
                f"{short} {rng.choice(_CUES_BEFORE)} that {rng.choice(_INDIRECT)}, "
                f"according to a statement published by {org}."
            )
        elif kind == 2:
            day = published - dt.timedelta(days=rng.randrange(1, 900))
            paragraphs.append(
                rng.choice(_EVENTS).format(
                    actor=rng.choice(_ACTORS),
                    date=_date_words(day),
                    month=f"{day.strftime('%B')} {day.year}",
                )
            )
        elif kind == 3:
            paragraphs.append(f"\u201c{rng.choice(_CLAIMS)},\u201d {short} added.")
        else:
            paragraphs.append(" ".join(rng.sample(_FILLER, 4)))
    paragraphs.append(rng.choice(_FURNITURE))
    front = (
        "---\n"
        f'title: "{title}"\n'
        f"outlet: {outlet}\n"
        f"published: {published.isoformat()}\n"
        f"url: https://example.org/{published.year}/article-{index}\n"
        "language: en\n"
        "---\n\n"
    )
    return front + "\n\n".join(paragraphs) + "\n"


def write_corpus(directory: str | os.PathLike[str], n: int, seed: int = 2026) -> list[Path]:
    """Write ``n`` synthetic articles as ``.txt`` files into ``directory``; returns the paths."""
    rng = random.Random(seed)
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = root / f"article-{i:06d}.txt"
        path.write_text(synthetic_article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- measurements


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _extraction_rates(articles: pd.DataFrame, sample: int) -> tuple[float, float, int, str]:
    """Articles/s of extraction on one core and on all cores (same articles both times)."""
    from analysis.store import _EXTRACT_FIELDS, _extract_chunk, _Runner

    records = [
        {k: r.get(k) for k in _EXTRACT_FIELDS} for r in articles.head(sample).to_dict("records")
    ]
    _extract_chunk(records[:1])  # first use loads lexicons and compiles patterns
    one, _ = _timed(lambda: _extract_chunk(records))
    runner = _Runner("processes", None, None)
    try:
        many, _ = _timed(lambda: runner.map(_extract_chunk, records))
        used = runner.used
    finally:
        runner.close()
    return len(records) / one, len(records) / many, len(records), used


def _explorer_rows(
    statements: pd.DataFrame, articles: pd.DataFrame, n: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` statements (and their articles) made by repeating the stored ones under new ids."""
    if statements.empty:
        return statements, articles
    reps = -(-n // len(statements))
    st_parts, art_parts = [], []
    for i in range(reps):
        st_parts.append(statements.assign(article_id=statements["article_id"] + f"-{i}"))
        art_parts.append(articles.assign(article_id=articles["article_id"] + f"-{i}"))
    big = pd.concat(st_parts, ignore_index=True).head(n)
    arts = pd.concat(art_parts, ignore_index=True)
    return big, arts[arts["article_id"].isin(set(big["article_id"]))].reset_index(drop=True)


def _filter_combinations(statements: pd.DataFrame) -> list[dict[str, Any]]:
    speakers = statements["speaker"].dropna().value_counts().index.tolist()
    topics = sorted({t for ts in statements["topics"].head(5000) for t in (ts or [])})
    combos: list[dict[str, Any]] = [
        {},
        {"speakers": speakers[:1]},
        {"speakers": speakers[:3], "kinds": ["direct"]},
        {"search": "inspections"},
        {"kinds": ["indirect", "partial"], "search": "treaty"},
        {"start": "2022-01-01", "end": "2023-12-31"},
        {"speakers": speakers[:2], "start": "2024-01-01", "search": "limits"},
    ]
    if topics:
        combos.append({"topics": topics[:1]})
        combos.append({"topics": topics[:2], "speakers": speakers[:2]})
    return combos


def _pandas_filter(df: pd.DataFrame, f: dict[str, Any]) -> pd.DataFrame:
    """The vectorised filter a statement explorer runs: speaker, kind, topic, dates, words."""
    mask = pd.Series(True, index=df.index)
    if f.get("speakers"):
        mask &= df["speaker"].isin(f["speakers"])
    if f.get("kinds"):
        mask &= df["kind"].isin(f["kinds"])
    if f.get("topics"):
        wanted = set(f["topics"])
        mask &= df["topics"].map(lambda ts: bool(wanted.intersection(ts or ()))).astype(bool)
    if f.get("start"):
        mask &= df["published"] >= pd.Timestamp(f["start"])
    if f.get("end"):
        mask &= df["published"] < pd.Timestamp(f["end"]) + pd.Timedelta(days=1)
    if f.get("search"):
        mask &= df["quote"].str.contains(f["search"], case=False, regex=False, na=False)
    return df[mask]


def _explorer_latency(
    statements: pd.DataFrame, articles: pd.DataFrame
) -> tuple[list[float], str, float]:
    """Seconds per filter over several combinations, what was timed, and the setup time."""
    combos = _filter_combinations(statements)
    apply: Callable[[dict[str, Any]], Any]
    try:
        from analysis.widgets import StatementExplorer

        setup, explorer = _timed(lambda: StatementExplorer(statements, articles))
        how = "analysis.widgets.StatementExplorer.apply_filters"

        def apply(f: dict[str, Any]) -> Any:
            return explorer.apply_filters(**f)

    except (ImportError, AttributeError):
        how = "vectorised pandas filter (analysis.widgets.StatementExplorer not available)"
        published = articles.set_index("article_id")["published"]
        setup, statements = _timed(
            lambda: statements.assign(published=statements["article_id"].map(published))
        )

        def apply(f: dict[str, Any]) -> Any:
            return _pandas_filter(statements, f)

    times = []
    for _ in range(5):
        for f in combos:
            t, _ = _timed(lambda f=f: apply(f))
            times.append(t)
    return times, how, setup


def _import_time(repeats: int = 5) -> tuple[float, float]:
    """Seconds ``import analysis`` takes in a fresh interpreter (from ``-X importtime``), and
    the median wall time it adds to interpreter start-up."""

    def run(*args: str) -> tuple[float, str]:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True)
        return time.perf_counter() - start, done.stderr

    cumulative = []
    for _ in range(repeats):
        _, err = run("-X", "importtime", "-c", "import analysis")
        for line in err.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "analysis":
                cumulative.append(int(parts[1]) / 1e6)
    bare = statistics.median(run("-c", "pass")[0] for _ in range(repeats))
    full = statistics.median(run("-c", "import analysis")[0] for _ in range(repeats))
    return (statistics.median(cumulative) if cumulative else float("nan")), max(0.0, full - bare)


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_bench(
    n: int = DEFAULT_ARTICLES, seed: int = 2026, out: Any = None, import_repeats: int = 5
) -> dict[str, Any]:
    """Run every measurement on ``n`` synthetic articles; prints as it goes, returns figures."""
    from analysis.store import _FINGERPRINT_ENV, extractor_fingerprint

    out = out or sys.stdout
    # Code edited while the benchmark runs must not turn the re-run into a full one.
    pinned = os.environ.get(_FINGERPRINT_ENV)
    os.environ[_FINGERPRINT_ENV] = extractor_fingerprint()
    try:
        return _run(n, seed, out, import_repeats)
    finally:
        if pinned is None:
            os.environ.pop(_FINGERPRINT_ENV, None)
        else:
            os.environ[_FINGERPRINT_ENV] = pinned


def _run(n: int, seed: int, out: Any, import_repeats: int) -> dict[str, Any]:
    from analysis.articles import load_articles
    from analysis.store import ingest, load_store

    figures: dict[str, Any] = {"articles": n}

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    say(f"Benchmark on {n:,} synthetic articles, {cores} core(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        corpus = Path(tmp) / "articles"
        t, _ = _timed(lambda: write_corpus(corpus, n, seed))
        say(f"  corpus written:              {t:6.2f} s")

        t, articles = _timed(lambda: load_articles(corpus))
        figures["load_per_s"] = len(articles) / t if t else 0.0
        say(f"  loading (one core):          {figures['load_per_s']:8,.0f} articles/s")

        sample = min(n, 2000)
        one, many, used_n, used = _extraction_rates(articles, sample)
        figures.update(extract_one_core_per_s=one, extract_all_cores_per_s=many)
        say(f"  extraction, one core:        {one:8,.0f} articles/s ({used_n:,} articles)")
        say(f"  extraction, all cores:       {many:8,.0f} articles/s ({used})  target >= 1,000")

        store = Path(tmp) / "store"
        t, summary = _timed(lambda: ingest([corpus], store_dir=store, progress=False))
        figures["ingest_s"] = t
        say(
            f"  ingest into an empty store:  {t:6.2f} s ({summary.loaded:,} articles, "
            f"{summary.statements:,} statements, {summary.events:,} events)  target < 30 s"
        )
        t, summary = _timed(lambda: ingest([corpus], store_dir=store, progress=False))
        figures["reingest_s"] = t
        say(
            f"  re-run, nothing changed:     {t:6.2f} s ({summary.unchanged:,} unchanged)"
            "  target < 3 s"
        )
        t, (art, statements, _events) = _timed(lambda: load_store(store))
        figures["load_store_s"] = t
        figures["peak_mb_after_ingest"], _ = _peak_mb()
        say(f"  load_store:                  {t:6.2f} s")

        big, big_articles = _explorer_rows(statements, art, EXPLORER_ROWS)
        if big.empty:
            say("  statement filter:            skipped (the extractors found no statements)")
        else:
            times, how, setup = _explorer_latency(big, big_articles)
            med = statistics.median(times) * 1000
            p95 = sorted(times)[max(0, int(round(0.95 * len(times))) - 1)] * 1000
            figures.update(filter_median_ms=med, filter_p95_ms=p95, filter_how=how)
            say(
                f"  statement filter at {len(big):,}: median {med:5.1f} ms, "
                f"p95 {p95:5.1f} ms  target < 50 ms"
            )
            say(f"      timed: {how}; setting it up on {len(big):,} rows took {setup:.2f} s")
            figures["filter_setup_s"] = setup

    figures["import_s"], wall = _import_time(import_repeats)
    say(
        f"  import analysis:             {figures['import_s'] * 1000:6.1f} ms  target < 500 ms "
        f"(wall time over a bare interpreter: {wall * 1000:.0f} ms)"
    )
    own, child = _peak_mb()
    figures.update(peak_mb=own, peak_child_mb=child)
    say(
        f"  peak memory:                 {own:6.0f} MB in this process "
        f"({figures['peak_mb_after_ingest']:.0f} MB before the explorer step); "
        f"largest worker {child:.0f} MB"
    )
    return figures


def cli_bench(args: Any) -> int:
    """``python -m analysis bench [--articles N]``."""
    n = getattr(args, "articles", None)
    n = DEFAULT_ARTICLES if n is None else n
    if n < 1:
        print("bench: --articles must be at least 1", file=sys.stderr)
        return 2
    run_bench(int(n))
    return 0
