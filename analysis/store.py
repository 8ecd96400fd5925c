"""The corpus store: articles, statements and events of thousands of articles on disk.

``ingest`` loads articles, extracts statements and events and keeps all three frames as
Parquet under ``data/processed/``, keyed by each article's content hash (``article_id``).
An article whose content has not changed is not extracted again; an article whose file
changed replaces its old rows. Every write goes to a new segment file first and becomes part
of the store only when the small ``manifest.json`` naming it is replaced, so a run that is
killed halfway leaves the previous store intact, and the next run finishes the work.

``load_store`` reads the three frames back for the notebooks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.frames import ARTICLE_COLUMNS, EVENT_COLUMNS, STATEMENT_COLUMNS
from analysis.paths import PROCESSED_DIR

#: ``data/processed`` of the project, wherever the notebook or command runs from.
DEFAULT_STORE_DIR = PROCESSED_DIR
MANIFEST = "manifest.json"
STORE_VERSION = 1
ENGINES = ("local", "processes", "dask")

#: Below this many articles to extract, one process is faster than starting a pool.
PARALLEL_THRESHOLD = 200
#: Articles committed to the store at a time: a killed run keeps the batches already done.
BATCH_SIZE = 1000
#: Seconds a run must last before its progress bar appears.
PROGRESS_DELAY = 1.0
#: Test hook: seconds to sleep between writing a batch's files and committing its manifest.
_PAUSE_ENV = "ANALYSIS_INGEST_PAUSE_BEFORE_COMMIT"

#: How long to try reaching a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = "10s"

_TABLES = ("articles", "statements", "events")


class StoreError(Exception):
    """The store cannot be read or written (the message says what to do)."""


@dataclasses.dataclass
class IngestSummary:
    """What one ``ingest`` run did."""

    store_dir: str
    sources: int = 0  #: files and URLs found in the sources given
    loaded: int = 0  #: articles loaded and extracted in this run
    unchanged: int = 0  #: skipped: same file, or content already in the store
    removed: int = 0  #: articles dropped because their file left an ingested directory
    failed: list[dict[str, str]] = dataclasses.field(default_factory=list)
    statements: int = 0  #: statements found in this run
    events: int = 0  #: events found in this run
    total_articles: int = 0  #: articles in the store after the run
    total_statements: int = 0
    total_events: int = 0
    engine: str = "local"
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The summary as lines for a terminal."""
        out = [
            f"Ingested {self.sources:,} source(s) into {self.store_dir} in {self.seconds:.1f} s "
            f"({self.engine}):",
            f"  loaded and extracted: {self.loaded:,} article(s)",
            f"  skipped as unchanged: {self.unchanged:,}",
        ]
        if self.removed:
            out.append(f"  removed (file gone):  {self.removed:,}")
        out.append(f"  failed:               {len(self.failed):,}")
        out.append(f"  found: {self.statements:,} statement(s) and {self.events:,} event(s)")
        out.append(
            f"  store now holds {self.total_articles:,} article(s), "
            f"{self.total_statements:,} statement(s), {self.total_events:,} event(s)"
        )
        for failure in self.failed:
            out.append(f"    - {failure['source']}: {failure['error']}")
        return out


# --------------------------------------------------------------------------- reading


def load_store(
    store_dir: str | os.PathLike[str] = DEFAULT_STORE_DIR,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The articles, statements and events frames kept in a store (empty frames if none)."""
    store = Path(store_dir)
    for attempt in range(3):
        manifest = _read_manifest(store)
        try:
            return _load(store, manifest)
        except FileNotFoundError:
            if attempt == 2:
                raise StoreError(
                    f"{store}: store files are missing; run `python -m analysis ingest` again"
                ) from None
            time.sleep(0.2)  # an ingest replaced the store while we read it: read it again
    raise AssertionError("unreachable")


def _load(store: Path, manifest: dict[str, Any]) -> tuple[pd.DataFrame, ...]:
    live = _live_articles(manifest)
    segment_of = pd.Series(
        {aid: entry["segment"] for aid, entry in manifest["articles"].items() if aid in live},
        dtype=object,
    )
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in _TABLES}
    for segment in manifest["segments"]:
        for name in _TABLES:
            path = store / f"{segment}.{name}.parquet"
            try:
                df = pd.read_parquet(path)
            except FileNotFoundError:
                raise
            except (OSError, ValueError) as exc:
                raise StoreError(
                    f"{path}: cannot read this store file ({exc}); "
                    f"delete {store} and run `python -m analysis ingest` again"
                ) from exc
            # Only the rows of the segment that holds an article's current extraction.
            parts[name].append(df[df["article_id"].map(segment_of).eq(segment).to_numpy()])
    from analysis.articles import articles_frame
    from analysis.pipeline import events_frame, statements_frame

    articles = _concat(parts["articles"], ARTICLE_COLUMNS)
    articles = articles.drop_duplicates("article_id", keep="last")
    # The source a reader sees is the file that holds the article now (it may have moved).
    articles["source"] = articles["article_id"].map(live)
    articles = articles.sort_values(["source", "article_id"], kind="stable")
    rank = pd.Series(range(len(articles)), index=articles["article_id"].to_numpy())
    # The dtypes a fresh load gives (articles_frame); statements and events are rebuilt with
    # the constructors extraction uses, so they match a fresh extraction too.
    articles = _like_articles_frame(articles.reset_index(drop=True), articles_frame)
    statements = _rows_of(_concat(parts["statements"], STATEMENT_COLUMNS), rank)
    statements = statements_frame(_records(statements, ["topics"]))
    events = _rows_of(_concat(parts["events"], EVENT_COLUMNS), rank)
    return articles, statements, events_frame(_records(events, []))


def _like_articles_frame(df: pd.DataFrame, articles_frame: Callable) -> pd.DataFrame:
    """Stored articles with the dtypes ``articles_frame`` gives, converted column by column
    (rebuilding 10,000 articles from records would double the memory a notebook needs)."""
    if df.empty:
        return articles_frame([])
    out = df[ARTICLE_COLUMNS].copy()
    out["published"] = pd.to_datetime(out["published"]).astype("datetime64[ns]")
    out["n_words"] = out["n_words"].astype("int64")
    for col in ("article_id", "source", "text", "language"):
        out[col] = out[col].astype(object)
    out["removed"] = [_as_list(v) for v in out["removed"]]
    for col in ("url", "outlet", "title", "author"):
        if out[col].isna().all():  # what the loader's records give for a column of None
            out[col] = pd.Series([None] * len(out), index=out.index, dtype=object)
    return out


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    return pd.concat(frames, ignore_index=True)


def _rows_of(df: pd.DataFrame, rank: pd.Series) -> pd.DataFrame:
    """Rows of live articles, in article order, each article's rows in their found order."""
    order = df["article_id"].map(rank)
    keep = order.notna()
    df = df[keep].assign(_order=order[keep].astype("int64"))
    df = df.sort_values("_order", kind="stable").drop(columns="_order")
    return df.reset_index(drop=True)


def _records(df: pd.DataFrame, list_columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows as dicts with None for missing values and plain lists in list columns."""
    if df.empty:
        return []
    names = list(df.columns)
    columns = []
    for name in names:
        col = df[name]
        values = col.astype(object).where(col.notna(), None).tolist()
        if name in list_columns:
            values = [_as_list(v) for v in values]
        columns.append(values)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _as_list(value: Any) -> Any:
    if value is None or isinstance(value, list):
        return value
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


# --------------------------------------------------------------------------- fingerprint

#: Where extraction starts; the modules these import from ``analysis`` count too.
_EXTRACTION_ROOTS = ("articles", "pipeline", "statements", "events")
#: Test hook: use this fingerprint instead of hashing the code (while others edit it).
_FINGERPRINT_ENV = "ANALYSIS_EXTRACTOR_FINGERPRINT"
#: Data folders that are inputs or outputs, not part of how extraction works.
_NOT_EXTRACTION_DATA = ("articles", "processed", "treaty")


def extractor_fingerprint() -> str:
    """A hash of the code and lexicons that turn a file into rows: when it changes, every
    article is loaded and extracted again on the next ingest."""
    import hashlib

    pinned = os.environ.get(_FINGERPRINT_ENV)
    if pinned:
        return pinned

    from analysis.paths import DATA_DIR

    package = Path(__file__).resolve().parent
    todo, seen = list(_EXTRACTION_ROOTS), set()
    digest = hashlib.sha1()
    while todo:
        name = todo.pop()
        path = package / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        code = path.read_bytes()
        digest.update(name.encode() + b"\0" + code)
        imports = re.findall(rb"(?:from|import)\s+analysis\.(\w+)", code)
        todo.extend(m.decode() for m in imports)
    tops = sorted(DATA_DIR.iterdir()) if DATA_DIR.is_dir() else []
    for top in tops:
        if top.name in _NOT_EXTRACTION_DATA or top.name.startswith("."):
            continue
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            rel = path.relative_to(DATA_DIR)
            if path.is_file() and not any(part.startswith(".") for part in rel.parts):
                digest.update(str(rel).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# --------------------------------------------------------------------------- manifest


def _empty_manifest() -> dict[str, Any]:
    return {"version": STORE_VERSION, "segments": [], "sources": {}, "articles": {}}


def _read_manifest(store: Path) -> dict[str, Any]:
    path = store / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty_manifest()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store manifest ({exc.strerror})") from exc
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: the store manifest is damaged; delete {store} and ingest again"
        ) from exc
    if manifest.get("version") != STORE_VERSION:
        raise StoreError(
            f"{path}: store version {manifest.get('version')!r} is not {STORE_VERSION}; "
            f"delete {store} and ingest again"
        )
    return manifest


def _live_articles(manifest: dict[str, Any]) -> dict[str, str]:
    """article_id -> the source showing it (the first by name when several files hold it)."""
    live: dict[str, str] = {}
    for key in sorted(manifest["sources"]):
        entry = manifest["sources"][key]
        live.setdefault(entry["article_id"], entry["source"])
    return live


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same directory, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _commit_manifest(store: Path, manifest: dict[str, Any]) -> None:
    data = json.dumps(manifest, separators=(",", ":"), sort_keys=True).encode("utf-8")
    _write_atomic(store / MANIFEST, lambda p: p.write_bytes(data))
    with contextlib.suppress(OSError):  # make the rename itself durable where we can
        fd = os.open(store, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_segment(store: Path, frames: dict[str, pd.DataFrame]) -> str:
    """Write one batch's three frames as a new segment; returns its name (not yet committed)."""
    segment = f"seg-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    for name in _TABLES:
        df = frames[name]
        _write_atomic(
            store / f"{segment}.{name}.parquet",
            lambda p, df=df: df.to_parquet(p, index=False, engine="pyarrow"),
        )
    return segment


def _collect_garbage(store: Path, manifest: dict[str, Any]) -> None:
    """Delete segment and temporary files the manifest does not name (left by killed runs)."""
    keep = {f"{seg}.{name}.parquet" for seg in manifest["segments"] for name in _TABLES}
    for path in store.iterdir():
        name = path.name
        stale_segment = name.startswith("seg-") and name.endswith(".parquet") and name not in keep
        if stale_segment or (name.startswith(".") and name.endswith(".tmp")):
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def _locked(store: Path) -> Iterator[None]:
    """Only one ingest writes to a store at a time."""
    try:
        import fcntl
    except ImportError:  # not on this platform: no lock
        yield
        return

    # A POSIX record lock: held by this process only, not by the workers it forks.
    with open(store / ".lock", "a+") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise StoreError(
                f"{store}: another ingest is writing to this store; wait for it to finish"
            ) from exc
        try:
            yield
        finally:
            fcntl.lockf(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- sources


@dataclasses.dataclass
class _Source:
    key: str  #: absolute path, or the URL
    given: str  #: the path as found from what the user gave, or the URL
    size: int | None = None
    mtime_ns: int | None = None


def _is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


def _expand(
    sources: Iterable[str | os.PathLike[str]],
) -> tuple[list[_Source], list[str], list[dict[str, str]]]:
    """Files and URLs the sources name (folders walked, globs matched), the folders walked,
    and the sources that name nothing."""
    from analysis.articles import expand_sources

    found: dict[str, _Source] = {}
    directories: list[str] = []
    errors: list[dict[str, str]] = []
    for raw in sources:
        source = os.fspath(raw)
        if not _is_url(source) and os.path.isdir(source):
            directories.append(os.path.abspath(source))
        paths, errs = expand_sources([source])
        errors.extend(errs)
        for given in paths:
            key = given if _is_url(given) else os.path.abspath(given)
            if key in found:
                continue
            src = _Source(key=key, given=given)
            if not _is_url(given):
                try:
                    st = os.stat(given)
                    src.size, src.mtime_ns = st.st_size, st.st_mtime_ns
                except OSError:
                    pass  # the loader reports the missing file
            found[key] = src
    return list(found.values()), directories, errors


# --------------------------------------------------------------------------- work units


def _load_chunk(paths: list[str]) -> tuple[pd.DataFrame, list[dict[str, str]]]:
    """Load some articles (in a worker process); returns the frame and the load errors."""
    from analysis.articles import ArticleError, articles_frame, load_article, load_articles

    df = load_articles(*paths)
    errors = [dict(e) for e in df.attrs.get("errors", [])]
    df.attrs = {}
    # load_articles keeps one row per content: load the others alone to know their article.
    accounted = {str(e.get("source")) for e in errors} | set(df["source"])
    extra = []
    for path in paths:
        if path not in accounted:
            try:
                extra.append(load_article(path))
            except (ArticleError, OSError):
                continue
    if extra:
        df = pd.concat([df, articles_frame(extra)], ignore_index=True)
    return df, errors


def _extract_chunk(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements and events of some articles (in a worker); a failure is kept per article."""
    from analysis.pipeline import extract_records

    out = []
    # one bad article must not stop the batch: it comes back with its exception
    for record, (found, exc) in zip(records, extract_records(records), strict=True):
        if found is None:
            out.append({"article_id": record["article_id"], "error": _describe(exc)})
        else:
            out.append({"article_id": record["article_id"], **found})
    return out


#: In a worker process: articles the store already holds as the current code extracts them.
_KNOWN: frozenset[str] = frozenset()


def _load_and_extract(
    paths: list[str], known: frozenset[str] | None = None
) -> tuple[pd.DataFrame, list[dict[str, str]], list[dict[str, Any]]]:
    """Load some files and extract the articles not known yet, in one worker task."""
    df, errors = _load_chunk(paths)
    known = _KNOWN if known is None else known
    return df, errors, _extract_chunk(_new_records(df, known))


def _new_records(df: pd.DataFrame, known: frozenset[str] | set[str]) -> list[dict[str, Any]]:
    """The article records of ``df`` to extract: not in ``known``, each content once."""
    seen: set[str] = set()
    records = []
    for record in df[list(_EXTRACT_FIELDS)].to_dict("records"):
        aid = record["article_id"]
        if aid not in known and aid not in seen:
            seen.add(aid)
            records.append(record)
    return records


def _describe(exc: BaseException) -> str:
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"extraction failed ({type(exc).__name__}: {message})".replace(": )", ")")


_EXTRACT_FIELDS = ("article_id", "text", "title", "published", "language", "url", "outlet")


def _chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


#: The last chunks of work handed to a process pool are this many times smaller.
TAPER = 4


def _tapered_chunks(items: Sequence[Any], size: int, workers: int) -> list[list[Any]]:
    """``items`` in order, in chunks of ``size`` but for the last ``size * workers`` items, in
    chunks ``TAPER`` times smaller: the workers run out of work closer together (one idles
    while another ends its last chunk)."""
    head = max(0, len(items) - size * workers)
    return _chunks(items[:head], size) + _chunks(items[head:], max(1, size // TAPER))


def _worker_init(known: frozenset[str] = frozenset()) -> None:
    """Set up a worker: the articles known, and an end with the ingest that started it."""
    global _KNOWN
    _KNOWN = known
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes
            import signal

            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() == 1:  # the parent died before the line above ran
                os._exit(1)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a map's results arrive, then as it was.

    The pool's thread unpickles every result (megabytes of small dicts and lists, none in a
    cycle); each allocation burst would otherwise start collections that find nothing. Objects
    are still freed by reference counting; cycles made meanwhile wait for the next collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _collect(chunks: list[list[Any]], futures: list[Any], on_done: Any) -> list[Any]:
    """The futures' results in chunk order, telling ``on_done`` each chunk's size."""
    results = []
    for chunk, future in zip(chunks, futures, strict=True):
        results.append(future.result())
        if on_done:
            on_done(len(chunk))
    return results


class _Runner:
    """Runs work units on this process, a process pool, or a Dask cluster, in order."""

    def __init__(
        self,
        engine: str,
        scheduler: str | None,
        workers: int | None,
        fingerprint: str | None = None,
    ) -> None:
        self.engine = engine
        self.fingerprint = fingerprint
        self.scheduler = scheduler
        self.workers = workers
        self._pool: Any = None
        self._client: Any = None
        self._cluster: Any = None
        self.used = "one process"

    def n_workers(self) -> int:
        if self.workers:
            return max(1, self.workers)
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1

    def map(
        self,
        fn: Callable[[list[Any]], Any],
        items: Sequence[Any],
        *,
        local_ok: bool = False,
        on_done: Callable[[int], None] | None = None,
    ) -> list[Any]:
        """``fn`` over chunks of ``items``; results in chunk order. ``local_ok``: run on this
        machine even with the dask engine (reading local files)."""
        if not items:
            return []
        if self.engine == "dask" and not local_ok:
            return self._map_dask(fn, items, on_done)
        parallel = self.engine == "processes" or len(items) >= PARALLEL_THRESHOLD
        if parallel and self.n_workers() > 1:
            return self._map_pool(fn, items, on_done)
        results = []
        for chunk in _chunks(items, 25):
            results.append(fn(chunk))
            if on_done:
                on_done(len(chunk))
        return results

    def _chunk_size(self, n: int, workers: int, most: int = 100) -> int:
        return max(1, min(most, -(-n // (workers * 4))))

    def _ensure_pool(self, known: frozenset[str] = frozenset()) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None:
            workers = self.n_workers()
            self._pool = ProcessPoolExecutor(
                max_workers=workers, initializer=_worker_init, initargs=(known,)
            )
            if self.used == "one process":
                self.used = f"{workers} processes"
        return self._pool

    def stream(
        self, paths: list[str], known: frozenset[str]
    ) -> Iterator[tuple[list[str], pd.DataFrame, list[dict[str, str]], list[dict[str, Any]]]]:
        """Load and extract ``paths`` chunk by chunk: (chunk, articles, errors, extractions),
        in order. Workers keep going while the caller writes what they returned."""
        if self.engine == "dask":
            yield from self._stream_dask(paths, known)
            return
        parallel = self.engine == "processes" or len(paths) >= PARALLEL_THRESHOLD
        if not (parallel and self.n_workers() > 1):
            for chunk in _chunks(paths, 25):
                yield (chunk, *_load_and_extract(chunk, known))
            return
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool

        workers = self.n_workers()
        pool = self._ensure_pool(known)
        chunks = iter(_chunks(paths, self._chunk_size(len(paths), workers, most=25)))
        in_flight: deque[tuple[list[str], Any]] = deque()

        def submit() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                in_flight.append((chunk, pool.submit(_load_and_extract, chunk)))

        for _ in range(workers * 4):
            submit()
        while in_flight:
            chunk, future = in_flight.popleft()
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                raise StoreError(
                    "a worker process died (out of memory?); the batches already stored are "
                    "kept: run the same command again, with --workers 1 if it happens again"
                ) from exc
            submit()
            yield (chunk, *result)

    def _stream_dask(
        self, paths: list[str], known: frozenset[str]
    ) -> Iterator[tuple[list[str], pd.DataFrame, list[dict[str, str]], list[dict[str, Any]]]]:
        """Files are read here; only the extraction runs on the cluster."""
        for batch in _chunks(paths, BATCH_SIZE):
            loaded = self.map(_load_chunk, batch, local_ok=True)
            frames = [df for df, _ in loaded]
            errors = [e for _, errs in loaded for e in errs]
            df = pd.concat(frames, ignore_index=True) if frames else _empty_articles()
            records = _new_records(df, known)
            results = self._map_dask(_extract_chunk, records, None) if records else []
            yield batch, df, errors, [r for chunk in results for r in chunk]

    def _map_pool(self, fn: Callable, items: Sequence[Any], on_done: Any) -> list[Any]:
        from concurrent.futures.process import BrokenProcessPool

        pool = self._ensure_pool()
        workers = self.n_workers()
        chunks = _tapered_chunks(items, self._chunk_size(len(items), workers), workers)
        with _cyclic_gc_paused():
            futures = [pool.submit(fn, chunk) for chunk in chunks]
            try:
                results = _collect(chunks, futures, on_done)
            except BrokenProcessPool as exc:
                raise StoreError(
                    "a worker process died (out of memory?); the batches already stored are "
                    "kept: run the same command again, with --workers 1 if it happens again"
                ) from exc
        return results

    def _map_dask(self, fn: Callable, items: Sequence[Any], on_done: Any) -> list[Any]:
        client = self._dask_client()
        workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        chunks = _chunks(items, self._chunk_size(len(items), workers))
        from distributed import KilledWorker

        futures = client.map(fn, chunks, pure=False)
        try:
            results = _collect(chunks, futures, on_done)
        except (KilledWorker, OSError, TimeoutError) as exc:
            raise StoreError(
                f"the Dask cluster failed ({type(exc).__name__}: {exc}); the batches already "
                "stored are kept: run the same command again"
            ) from exc
        return results

    def _dask_client(self) -> Any:
        if self._client is not None:
            return self._client
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise StoreError(
                'the dask engine needs Dask: pip install -e ".[dask]" (or use --engine local)'
            ) from exc
        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=DASK_CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise StoreError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                    "check the address, or start one with `dask scheduler`"
                ) from exc
            self.used = f"Dask cluster at {self.scheduler}"
        else:
            self._cluster = LocalCluster(
                n_workers=self.n_workers(),
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
            self.used = f"local Dask cluster of {self.n_workers()} worker(s)"
        self._check_workers(self._client)
        return self._client

    def _check_workers(self, client: Any) -> None:
        """Workers are there and run the same extraction code as this machine."""
        where = self.scheduler or "the local Dask cluster"
        try:
            client.wait_for_workers(1, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise StoreError(
                f"no Dask worker is connected to {where}; start one with "
                f"`dask worker {self.scheduler or 'ADDRESS'}`"
            ) from exc
        if self.fingerprint is None:
            return
        theirs = client.run(extractor_fingerprint)
        differ = sorted(w for w, fp in theirs.items() if fp != self.fingerprint)
        if differ:
            raise StoreError(
                f"{len(differ)} Dask worker(s) at {where} run other extraction code than this "
                f"machine (first: {differ[0]}): install the same version of the workbook there"
            )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


# --------------------------------------------------------------------------- ingest


def ingest(
    sources: Iterable[str | os.PathLike[str]],
    store_dir: str | os.PathLike[str] = DEFAULT_STORE_DIR,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> IngestSummary:
    """Load, extract and store new or changed articles; returns what was done.

    ``engine``: "local" uses every core when there are enough articles, "processes" always
    uses a process pool, "dask" runs extraction on the Dask scheduler at ``scheduler`` (or on
    a local Dask cluster). Articles that fail are listed in the summary; the rest are stored.
    """
    if engine not in ENGINES:
        raise StoreError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    store = Path(store_dir)
    try:
        store.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{store}: cannot create the store directory ({exc.strerror})") from exc
    summary = IngestSummary(store_dir=str(store), engine=engine)
    with _locked(store):
        manifest = _read_manifest(store)
        _collect_garbage(store, manifest)
        fingerprint = extractor_fingerprint()
        from analysis.pipeline import refresh_lexicons

        refresh_lexicons()  # workers fork from this process: they must not see stale lexicons
        found, directories, errors = _expand(sources)
        summary.sources = len(found)
        summary.failed.extend(errors)

        # Unchanged files (same path, size and modification time) are not read again.
        todo: list[_Source] = []
        for src in found:
            entry = manifest["sources"].get(src.key)
            if (
                entry is not None
                and src.size is not None
                and entry["size"] == src.size
                and entry["mtime_ns"] == src.mtime_ns
                and _current(manifest, entry["article_id"], fingerprint)
            ):
                summary.unchanged += 1
            else:
                todo.append(src)

        # Files gone from a directory that was ingested again leave the store.
        seen = {src.key for src in found}
        gone = [
            key
            for key in manifest["sources"]
            if key not in seen and any(_under(key, d) for d in directories)
        ]

        runner = _Runner(engine, scheduler, workers, fingerprint)
        bar = _progress_bar(len(todo), progress)
        try:
            _ingest_todo(store, manifest, todo, runner, bar, summary, fingerprint)
            if gone:
                for key in gone:
                    del manifest["sources"][key]
                summary.removed = len(gone)
                _drop_dead(manifest)
                _commit_manifest(store, manifest)
            _compact_if_needed(store, manifest)
        finally:
            bar.close()
            runner.close()
        summary.engine = runner.used
        _collect_garbage(store, manifest)

    live = _live_articles(manifest)
    summary.total_articles = len(live)
    summary.total_statements = sum(manifest["articles"][a]["statements"] for a in live)
    summary.total_events = sum(manifest["articles"][a]["events"] for a in live)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_and_load(
    sources: Iterable[str | os.PathLike[str]] | None = None,
    store_dir: str | os.PathLike[str] = DEFAULT_STORE_DIR,
    **options: Any,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Bring the store up to date with ``sources`` (default: data/articles), then load it.

    For notebooks: the articles frame's ``attrs["errors"]`` lists the inputs that failed (as
    ``load_articles`` does) and ``attrs["ingest"]`` holds the :class:`IngestSummary`.
    """
    from analysis.articles import DEFAULT_ARTICLES_DIR

    chosen = [DEFAULT_ARTICLES_DIR] if sources is None else list(sources)
    summary = ingest(chosen, store_dir=store_dir, **options)
    articles, statements, events = load_store(store_dir)
    articles.attrs["errors"] = list(summary.failed)
    articles.attrs["ingest"] = summary
    return articles, statements, events


def _current(manifest: dict[str, Any], article_id: str, fingerprint: str) -> bool:
    """Whether the store holds this article as the current code extracts it."""
    entry = manifest["articles"].get(article_id)
    return entry is not None and entry.get("extractor") == fingerprint


def _under(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip(os.sep) + os.sep)


@dataclasses.dataclass
class _Pending:
    """What workers returned for the sources of one batch, not yet written."""

    sources: int = 0
    frames: list[pd.DataFrame] = dataclasses.field(default_factory=list)
    errors: list[dict[str, str]] = dataclasses.field(default_factory=list)
    results: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)

    def add(self, chunk: list[str], df: pd.DataFrame, errors: list, results: list) -> None:
        self.sources += len(chunk)
        if len(df):
            self.frames.append(df)
        self.errors.extend(errors)
        for result in results:
            self.results.setdefault(result["article_id"], result)


def _empty_articles() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in ARTICLE_COLUMNS})


def _ingest_todo(
    store: Path,
    manifest: dict[str, Any],
    todo: list[_Source],
    runner: _Runner,
    bar: Any,
    summary: IngestSummary,
    fingerprint: str,
) -> None:
    """Load and extract the sources to do, committing every ``BATCH_SIZE`` of them."""
    if not todo:
        return
    by_given = {src.given: src for src in todo}
    by_given.update({src.key: src for src in todo})
    known = frozenset(a for a in manifest["articles"] if _current(manifest, a, fingerprint))
    pending = _Pending()
    for chunk, df, errors, results in runner.stream([src.given for src in todo], known):
        pending.add(chunk, df, errors, results)
        bar.update(len(chunk))
        if pending.sources >= BATCH_SIZE:
            _commit_batch(store, manifest, pending, by_given, summary, fingerprint)
            pending = _Pending()
    if pending.sources:
        _commit_batch(store, manifest, pending, by_given, summary, fingerprint)


def _commit_batch(
    store: Path,
    manifest: dict[str, Any],
    pending: _Pending,
    by_given: dict[str, _Source],
    summary: IngestSummary,
    fingerprint: str,
) -> None:
    """Write one batch's new rows as a segment and commit it with the files it came from."""
    for err in pending.errors:
        summary.failed.append({"source": str(err.get("source")), "error": str(err["error"])})
    articles = pd.concat(pending.frames, ignore_index=True) if pending.frames else None
    if articles is None:
        return
    st_rows: list[dict[str, Any]] = []
    ev_rows: list[dict[str, Any]] = []
    counts: dict[str, tuple[int, int]] = {}
    bad: set[str] = set()
    keep_rows: list[int] = []
    handled: set[str] = set()
    records = articles[list(_EXTRACT_FIELDS) + ["source"]].to_dict("records")
    for i, record in enumerate(records):
        aid = record["article_id"]
        # Content already in the store (or met before in this run) is not extracted again.
        if aid in handled or _current(manifest, aid, fingerprint):
            summary.unchanged += 1
            handled.add(aid)
            continue
        handled.add(aid)
        result = pending.results.get(aid)
        if result is None:  # known when the run started, dropped since: extract it here
            del record["source"]
            result = _extract_chunk([record])[0]
        if "error" in result:
            bad.add(aid)
            summary.failed.append({"source": str(record.get("source")), "error": result["error"]})
            continue
        keep_rows.append(i)
        for st in result["statements"]:
            st_rows.append({**st, "article_id": aid})
        for ev in result["events"]:
            ev_rows.append({**ev, "article_id": aid})
        counts[aid] = (len(result["statements"]), len(result["events"]))

    segment = None
    if keep_rows:
        from analysis.pipeline import events_frame, statements_frame

        segment = _write_segment(
            store,
            {
                "articles": articles.iloc[keep_rows].reset_index(drop=True),
                "statements": statements_frame(st_rows),
                "events": events_frame(ev_rows),
            },
        )
        manifest["segments"].append(segment)
        for aid, (n_st, n_ev) in counts.items():
            manifest["articles"][aid] = {
                "segment": segment,
                "statements": n_st,
                "events": n_ev,
                "extractor": fingerprint,
            }
        summary.loaded += len(counts)
        summary.statements += len(st_rows)
        summary.events += len(ev_rows)

    changed = False
    for row in articles[["article_id", "source"]].itertuples(index=False):
        src = _match(by_given, str(row.source))
        if src is None or row.article_id in bad:
            continue
        manifest["sources"][src.key] = {
            "source": src.given,
            "article_id": row.article_id,
            "size": src.size,
            "mtime_ns": src.mtime_ns,
        }
        changed = True
    if not (changed or segment):
        return
    _drop_dead(manifest)
    pause = os.environ.get(_PAUSE_ENV)
    if pause:
        print(f"ingest: batch written, committing in {pause} s", file=sys.stderr, flush=True)
        time.sleep(float(pause))
    _commit_manifest(store, manifest)


def _match(by_given: dict[str, _Source], source: str) -> _Source | None:
    """The file a loaded row came from (the loader may spell the path its own way)."""
    src = by_given.get(source)
    if src is None and not _is_url(source):
        src = by_given.get(os.path.abspath(source))
    return src


def _drop_dead(manifest: dict[str, Any]) -> None:
    """Forget articles no file points at, and segments holding none of the live ones."""
    live = {entry["article_id"] for entry in manifest["sources"].values()}
    manifest["articles"] = {a: v for a, v in manifest["articles"].items() if a in live}
    used = {v["segment"] for v in manifest["articles"].values()}
    manifest["segments"] = [s for s in manifest["segments"] if s in used]


def _compact_if_needed(store: Path, manifest: dict[str, Any]) -> None:
    """Rewrite the store as one segment when it holds many segments or many dead rows."""
    if len(manifest["segments"]) <= 1:
        return
    stored = 0
    for segment in manifest["segments"]:
        path = store / f"{segment}.articles.parquet"
        with contextlib.suppress(Exception):
            import pyarrow.parquet as pq

            stored += pq.ParquetFile(path).metadata.num_rows
    live = len(manifest["articles"])
    if len(manifest["segments"]) <= 32 and stored <= live * 1.25:
        return
    articles, statements, events = load_store(store)
    articles = articles[articles["article_id"].isin(manifest["articles"])]
    segment = _write_segment(
        store, {"articles": articles, "statements": statements, "events": events}
    )
    manifest["segments"] = [segment]
    for entry in manifest["articles"].values():
        entry["segment"] = segment
    _commit_manifest(store, manifest)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, progress: bool) -> Any:
    if not progress or total < 1 or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="article",
        desc="ingest",
        file=sys.stderr,
        smoothing=0.1,
        delay=PROGRESS_DELAY,
    )


# --------------------------------------------------------------------------- command line


def cli_ingest(args: Any) -> int:
    """``python -m analysis ingest SOURCES...``: 0 when all went in, 1 if some failed."""
    sources = list(getattr(args, "sources", None) or [])
    if not sources:
        print("ingest: name at least one article file, directory or URL", file=sys.stderr)
        return 2
    try:
        summary = ingest(
            sources,
            store_dir=getattr(args, "store", None) or DEFAULT_STORE_DIR,
            engine=getattr(args, "engine", None) or "local",
            scheduler=getattr(args, "scheduler", None),
            workers=getattr(args, "workers", None),
            progress=not getattr(args, "no_progress", False),
        )
    except StoreError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    for line in summary.lines():
        print(line)
    if summary.sources == 0:
        print("ingest: no article files found in the sources given", file=sys.stderr)
        return 1
    return 1 if summary.failed else 0
