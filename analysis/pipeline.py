"""From loaded articles to statements and events: the one place extraction is wired."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from analysis.frames import EVENT_COLUMNS, STATEMENT_COLUMNS
from analysis.paths import DATA_DIR

#: (path, modification time, size) of the data files the extractors read, as last seen
_SEEN_DATA: tuple[tuple[str, int, int], ...] | None = None


def _extraction_data() -> tuple[tuple[str, int, int], ...]:
    files = sorted((DATA_DIR / "lexicon").glob("*.csv")) + [DATA_DIR / "speakers.csv"]
    out = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def refresh_lexicons() -> bool:
    """Forget the lexicons and the speaker registry read so far if their files changed on
    disk (``data/lexicon/*.csv``, ``data/speakers.csv``), so an edit takes effect on the next
    run without restarting the kernel. True when they were forgotten."""
    global _SEEN_DATA
    now = _extraction_data()
    if now == _SEEN_DATA:
        return False
    from analysis import events, speakers, statements

    for cached in (
        statements._lexicon,
        statements._institution_suffix,
        events._lexicon,
        events._trigger_info_cached,
        speakers._registry,
    ):
        cached.cache_clear()
    first = _SEEN_DATA is None
    _SEEN_DATA = now
    return not first


def _inputs(article: dict[str, Any]) -> tuple[str, str, str | None, Any]:
    """(text, language, title, publication day) of an article record, as the extractors take
    them."""
    published = article.get("published")
    if published is not None and pd.isna(published):
        published = None
    if published is not None:
        published = pd.Timestamp(published).date()
    language = article.get("language") or "en"
    title = article.get("title")
    if not isinstance(title, str):
        title = None
    text = article.get("text")
    if not isinstance(text, str):
        text = ""
    return text, language, title, published


def extract_article(
    article: dict[str, Any], *, statements: bool = True, events: bool = True
) -> dict[str, list[dict[str, Any]]]:
    """Statements and events of one article record (a row of the articles frame as a dict).

    ``statements=False`` or ``events=False`` skips that extractor (its list is empty).
    """
    from analysis.events import find_events, mechanisms_mentioned
    from analysis.statements import find_statements

    text, language, title, published = _inputs(article)
    found_statements: list[dict[str, Any]] = []
    if statements:
        found_statements = find_statements(
            text, language=language, title=title, published=published
        )
        for st in found_statements:
            st.setdefault("topics", mechanisms_mentioned(st.get("quote") or ""))
    found_events: list[dict[str, Any]] = []
    if events:
        found_events = find_events(text, published=published, language=language, title=title)
    return {"statements": found_statements, "events": found_events}


#: extract_article as defined here (extract_records calls a replacement instead, if one is set)
_OWN_EXTRACT_ARTICLE = extract_article

#: Articles one extractor runs over before the next extractor takes them (extract_records).
STAGE_BATCH = 100


def extract_records(
    records: Sequence[dict[str, Any]], *, statements: bool = True, events: bool = True
) -> list[tuple[dict[str, list[dict[str, Any]]] | None, Exception | None]]:
    """``extract_article`` of each record, in order: ``(found, None)``, or ``(None, the
    exception)`` for an article that made an extractor raise (the others are unaffected).

    The same results, quicker (about 0.2 ms per article, ~8%): each batch of ``STAGE_BATCH``
    articles goes through the statement finder, then the event finder, which keeps each
    one's patterns and tables warm in the processor's caches. If ``extract_article`` has
    been replaced (a stand-in extractor), the replacement is called for each record.
    """
    if extract_article is not _OWN_EXTRACT_ARTICLE:
        which = {} if statements and events else {"statements": statements, "events": events}
        out: list[tuple[dict[str, list[dict[str, Any]]] | None, Exception | None]] = []
        for record in records:
            try:
                out.append((extract_article(record, **which), None))
            except Exception as exc:  # one bad article must not stop the batch
                out.append((None, exc))
        return out
    from analysis.events import find_events, mechanisms_mentioned
    from analysis.statements import find_statements

    def statements_of(text: str, language: str, title: str | None, published: Any) -> Any:
        found = find_statements(text, language=language, title=title, published=published)
        for st in found:
            st.setdefault("topics", mechanisms_mentioned(st.get("quote") or ""))
        return found

    def events_of(text: str, language: str, title: str | None, published: Any) -> Any:
        return find_events(text, published=published, language=language, title=title)

    out = []
    for first in range(0, len(records), STAGE_BATCH):
        batch = records[first : first + STAGE_BATCH]
        inputs: list[Any] = []  # (text, language, title, published), or the exception raised
        for record in batch:
            try:
                inputs.append(_inputs(record))
            except Exception as exc:
                inputs.append(exc)
        found_st = _stage(inputs, statements_of) if statements else [[] for _ in batch]
        found_ev = _stage(inputs, events_of) if events else [[] for _ in batch]
        for given, sts, evs in zip(inputs, found_st, found_ev, strict=True):
            if isinstance(given, Exception):
                out.append((None, given))
            else:
                out.append(({"statements": sts, "events": evs}, None))
    return out


def _stage(inputs: list[Any], run: Callable[..., Any]) -> list[Any]:
    """``run(*given)`` for each input that is not an exception yet (else ``[]``); an input
    whose run raises is replaced by the exception, so later stages skip it."""
    found: list[Any] = [[] for _ in inputs]
    for i, given in enumerate(inputs):
        if isinstance(given, Exception):
            continue
        try:
            found[i] = run(*given)
        except Exception as exc:  # this article only: the others go on
            inputs[i] = exc
    return found


def statements_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A statements frame with the documented columns and dtypes."""
    df = pd.DataFrame(rows, columns=None if rows else STATEMENT_COLUMNS)
    for col in STATEMENT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in STATEMENT_COLUMNS]
    df = df[STATEMENT_COLUMNS + extra]
    df["kind"] = pd.Categorical(df["kind"], categories=["direct", "indirect", "partial"])
    for col in ("start", "end"):
        df[col] = pd.array(df[col], dtype="Int64")
    return df


def events_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """An events frame with the documented columns and dtypes."""
    from analysis.frames import ACTIONS, MECHANISMS

    df = pd.DataFrame(rows, columns=None if rows else EVENT_COLUMNS)
    if "date" in df.columns and "date_label" not in df.columns:
        df["date_label"] = df["date"]
    for col in EVENT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in EVENT_COLUMNS]
    df = df[EVENT_COLUMNS + extra]
    df["date"] = pd.to_datetime(
        df["date_label"].map(_period_start), errors="coerce", format="%Y-%m-%d"
    ).astype("datetime64[ns]")
    df["date_precision"] = pd.Categorical(
        df["date_precision"].fillna("unknown"), categories=["day", "month", "year", "unknown"]
    )
    df["mechanism"] = pd.Categorical(df["mechanism"], categories=MECHANISMS)
    df["action"] = pd.Categorical(df["action"], categories=ACTIONS)
    for col in ("start", "end"):
        df[col] = pd.array(df[col], dtype="Int64")
    return df


def _period_start(label: Any) -> str | None:
    if not isinstance(label, str) or not label:
        return None
    parts = label.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def safe_extract_article(
    article: dict[str, Any], **which: bool
) -> tuple[dict[str, list[dict[str, Any]]], str | None]:
    """``extract_article`` that never raises: empty results and a one-line reason instead.

    An extractor failing on one odd article must not stop a batch.
    """
    try:
        return extract_article(article, **which), None
    except Exception as exc:  # reported, and the batch goes on
        return {"statements": [], "events": []}, _reason(exc)


def _reason(exc: BaseException | None) -> str:
    return f"extraction failed ({type(exc).__name__}: {exc}); please report this article"


def extract(
    articles: pd.DataFrame, *, statements: bool = True, events: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Statements and events frames for every article in an articles frame.

    ``statements=False`` or ``events=False`` skips that extractor (its frame is empty).

    An article the extractors fail on is skipped and listed in both frames'
    ``attrs["errors"]`` as ``{"source", "error"}``.
    """
    refresh_lexicons()
    st_rows: list[dict[str, Any]] = []
    ev_rows: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    records = articles.to_dict("records")
    results = extract_records(records, statements=statements, events=events)
    for record, (found, exc) in zip(records, results, strict=True):
        if found is None:
            errors.append({"source": str(record.get("source")), "error": _reason(exc)})
            continue
        for st in found["statements"]:
            st_rows.append({"article_id": record["article_id"], **st})
        for ev in found["events"]:
            ev_rows.append({"article_id": record["article_id"], **ev})
    st_frame, ev_frame = statements_frame(st_rows), events_frame(ev_rows)
    st_frame.attrs["errors"] = ev_frame.attrs["errors"] = errors
    return st_frame, ev_frame
