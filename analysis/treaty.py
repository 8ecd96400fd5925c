"""The curated treaty record: load and validate the CSVs in ``data/treaty/``.

``load_treaty()`` reads the seven tables, checks every cell and every relation between rows
(vocabularies, dates, counts, sources, status periods that chain without gaps or overlaps)
with pandera, and returns typed DataFrames. Every problem found is collected and raised at
once as a :class:`TreatyDataError` whose lines name the file, the spreadsheet row and the
column, and say what to write instead.
"""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analysis.frames import ACTIONS, MECHANISMS, STATUSES
from analysis.paths import TREATY_DIR

__all__ = [
    "ACTORS",
    "BCC_STATUSES",
    "CONFIDENCE",
    "MEASURES",
    "PARTIES",
    "TABLE_COLUMNS",
    "TREATIES",
    "TreatyDataError",
    "TreatyRecord",
    "cli_check",
    "load_treaty",
    "parse_date",
]

#: Parties that inspect, declare numbers and so on.
PARTIES: list[str] = ["US", "Russia"]
#: Who acted in an event.
ACTORS: list[str] = ["US", "Russia", "US and Russia"]
#: The agreement an event concerns; "none" for talks outside any treaty (the SSD).
TREATIES: list[str] = ["New START", "INF", "Open Skies", "CTBT", "CFE", "none"]
CONFIDENCE: list[str] = ["high", "medium", "low"]
BCC_STATUSES: list[str] = ["held", "postponed", "cancelled"]
MEASURES: list[str] = ["deployed_launchers", "deployed_warheads", "total_launchers"]

#: Columns of each CSV file, in order.
TABLE_COLUMNS: dict[str, list[str]] = {
    "events": [
        "date",
        "treaty",
        "actor",
        "mechanism",
        "action",
        "description",
        "source_url",
        "confidence",
        "note",
    ],
    "mechanism_status": [
        "mechanism",
        "status",
        "start",
        "end",
        "reason",
        "source_url",
        "confidence",
        "note",
    ],
    "inspections": [
        "treaty_year_start",
        "inspecting_party",
        "total",
        "type_one",
        "type_two",
        "source_url",
        "confidence",
        "note",
    ],
    "bcc_sessions": [
        "session",
        "start",
        "end",
        "place",
        "status",
        "source_url",
        "confidence",
        "note",
    ],
    "aggregate_numbers": [
        "as_of",
        "party",
        "deployed_launchers",
        "deployed_warheads",
        "total_launchers",
        "source_url",
        "confidence",
        "note",
    ],
    "limits": ["measure", "limit", "source_url"],
    "sources": ["url", "publisher", "title", "date", "accessed"],
}

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
_YEAR_RE = re.compile(r"^\d{4}$")
_URL_RE = r"^https?://\S+$"
_COUNT_RE = re.compile(r"^\d+$")


class TreatyDataError(ValueError):
    """The treaty CSVs have problems; ``.problems`` lists one line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: list[str] = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class TreatyRecord:
    """The curated record, one typed DataFrame per CSV file."""

    events: pd.DataFrame
    mechanism_status: pd.DataFrame
    inspections: pd.DataFrame
    bcc_sessions: pd.DataFrame
    aggregate_numbers: pd.DataFrame
    limits: pd.DataFrame
    sources: pd.DataFrame

    @property
    def n_rows(self) -> int:
        """Rows in all tables together."""
        return sum(len(getattr(self, f.name)) for f in fields(self))

    @property
    def n_tables(self) -> int:
        """Number of tables."""
        return len(fields(self))


# --------------------------------------------------------------------------- dates


def parse_date(text: str, *, allow_year: bool = False) -> tuple[pd.Timestamp, str] | None:
    """``'2022-08-08'`` -> (Timestamp, 'day'); ``'2020-03'`` -> (first day, 'month'); else None.

    With ``allow_year``, ``'2019'`` -> (1 January, 'year').
    """
    text = text.strip()
    if _DAY_RE.match(text):
        fmt, precision = "%Y-%m-%d", "day"
    elif _MONTH_RE.match(text):
        fmt, precision = "%Y-%m", "month"
    elif allow_year and _YEAR_RE.match(text):
        fmt, precision = "%Y", "year"
    else:
        return None
    try:
        return pd.Timestamp(pd.to_datetime(text, format=fmt)), precision
    except (ValueError, OverflowError):
        return None


def _is_date(value: str) -> bool:
    return parse_date(value) is not None


def _is_date_or_year(value: str) -> bool:
    return parse_date(value, allow_year=True) is not None


def _is_day(value: str) -> bool:
    parsed = parse_date(value)
    return parsed is not None and parsed[1] == "day"


def _is_fifth_of_february(value: str) -> bool:
    parsed = parse_date(value)
    return parsed is None or parsed[1] != "day" or (parsed[0].month, parsed[0].day) == (2, 5)


def _is_count(value: str) -> bool:
    return bool(_COUNT_RE.match(value.strip()))


# --------------------------------------------------------------------------- cell checks

# Message templates for cell-level checks, keyed by check name; {value} is the cell.
_CELL_MESSAGES: dict[str, str] = {
    "date": "{value!r} is not a date (use YYYY-MM-DD or YYYY-MM)",
    "day": "{value!r} is not a date (use YYYY-MM-DD)",
    "date_or_year": "{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
    "fifth_of_february": "{value!r} is not a 5 February (a treaty year starts on 5 February)",
    "count": "{value!r} is not a whole number (leave the cell blank if unknown)",
    "url": "{value!r} is not an http(s) URL",
    "not_nullable": "is blank (this column needs a value)",
}


def _vocab(name: str, values: list[str]) -> pa.Check:
    return pa.Check.isin(values, name=f"vocab:{name}")


def _date_check() -> pa.Check:
    return pa.Check(_is_date, element_wise=True, name="date")


def _day_check() -> pa.Check:
    return pa.Check(_is_day, element_wise=True, name="day")


def _count_check() -> pa.Check:
    return pa.Check(_is_count, element_wise=True, name="count")


def _url_check() -> pa.Check:
    return pa.Check.str_matches(_URL_RE, name="url")


def _col(*checks: pa.Check, required: bool = True) -> pa.Column:
    return pa.Column(None, checks=list(checks), nullable=not required, required=True)


_VOCABULARIES: dict[str, list[str]] = {
    "treaty": TREATIES,
    "actor": ACTORS,
    "mechanism": MECHANISMS,
    "action": ACTIONS,
    "status": STATUSES,
    "confidence": CONFIDENCE,
    "party": PARTIES,
    "bcc_status": BCC_STATUSES,
    "measure": MEASURES,
}

_CELL_SCHEMAS: dict[str, dict[str, pa.Column]] = {
    "events": {
        "date": _col(_date_check()),
        "treaty": _col(_vocab("treaty", TREATIES)),
        "actor": _col(_vocab("actor", ACTORS)),
        "mechanism": _col(_vocab("mechanism", MECHANISMS)),
        "action": _col(_vocab("action", ACTIONS)),
        "description": _col(),
        "source_url": _col(_url_check()),
        "confidence": _col(_vocab("confidence", CONFIDENCE)),
        "note": _col(required=False),
    },
    "mechanism_status": {
        "mechanism": _col(_vocab("mechanism", MECHANISMS)),
        "status": _col(_vocab("status", STATUSES)),
        "start": _col(_date_check()),
        "end": _col(_date_check(), required=False),
        "reason": _col(),
        "source_url": _col(_url_check()),
        "confidence": _col(_vocab("confidence", CONFIDENCE)),
        "note": _col(required=False),
    },
    "inspections": {
        "treaty_year_start": _col(
            _day_check(),
            pa.Check(_is_fifth_of_february, element_wise=True, name="fifth_of_february"),
        ),
        "inspecting_party": _col(_vocab("party", PARTIES)),
        "total": _col(_count_check(), required=False),
        "type_one": _col(_count_check(), required=False),
        "type_two": _col(_count_check(), required=False),
        "source_url": _col(_url_check()),
        "confidence": _col(_vocab("confidence", CONFIDENCE)),
        "note": _col(required=False),
    },
    "bcc_sessions": {
        "session": _col(_count_check(), required=False),
        "start": _col(_date_check()),
        "end": _col(_date_check(), required=False),
        "place": _col(required=False),
        "status": _col(_vocab("bcc_status", BCC_STATUSES)),
        "source_url": _col(_url_check()),
        "confidence": _col(_vocab("confidence", CONFIDENCE)),
        "note": _col(required=False),
    },
    "aggregate_numbers": {
        "as_of": _col(_day_check()),
        "party": _col(_vocab("party", PARTIES)),
        "deployed_launchers": _col(_count_check(), required=False),
        "deployed_warheads": _col(_count_check(), required=False),
        "total_launchers": _col(_count_check(), required=False),
        "source_url": _col(_url_check()),
        "confidence": _col(_vocab("confidence", CONFIDENCE)),
        "note": _col(required=False),
    },
    "limits": {
        "measure": _col(_vocab("measure", MEASURES)),
        "limit": _col(_count_check()),
        "source_url": _col(_url_check()),
    },
    "sources": {
        "url": _col(_url_check()),
        "publisher": _col(),
        "title": _col(),
        "date": _col(
            pa.Check(_is_date_or_year, element_wise=True, name="date_or_year"), required=False
        ),
        "accessed": _col(_day_check()),
    },
}


# --------------------------------------------------------------------------- row checks

# A row check looks at a whole (raw, string) table and returns {index: (column, message)}
# for the rows that fail. Each is wrapped into a pandera DataFrame-level check.
RowCheck = Callable[[pd.DataFrame], dict[Any, tuple[str, str]]]


def _parsed(series: pd.Series) -> pd.Series:
    """Timestamps of valid date cells, NaT elsewhere (bad cells are reported separately)."""

    def one(value: Any) -> Any:
        if not isinstance(value, str):
            return pd.NaT
        parsed = parse_date(value)
        return parsed[0] if parsed else pd.NaT

    return series.map(one).astype("datetime64[ns]")


def _end_not_before_start(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
    start, end = _parsed(df["start"]), _parsed(df["end"])
    bad = end.notna() & start.notna() & (end < start)
    return {
        i: ("end", f"{df.at[i, 'end']!r} is before the start {df.at[i, 'start']!r}")
        for i in df.index[bad]
    }


def _end_after_start(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
    start, end = _parsed(df["start"]), _parsed(df["end"])
    bad = end.notna() & start.notna() & (end <= start)
    return {
        i: ("end", f"{df.at[i, 'end']!r} is not after the start {df.at[i, 'start']!r}")
        for i in df.index[bad]
    }


def _periods_chain(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
    """Per mechanism, each period starts where the previous one ended; only the last is open."""
    problems: dict[Any, tuple[str, str]] = {}
    starts = _parsed(df["start"])
    usable = df[df["mechanism"].notna() & starts.notna()].assign(_start=starts)
    for mechanism, group in usable.groupby("mechanism", sort=False):
        group = group.sort_values("_start", kind="stable")
        rows = list(group.index)
        for prev, cur in zip(rows, rows[1:], strict=False):
            prev_end, cur_start = df.at[prev, "end"], df.at[cur, "start"]
            if not isinstance(prev_end, str):
                problems[prev] = (
                    "end",
                    f"is blank but a later {mechanism} period starts {cur_start!r} "
                    "(only the last period may stay open)",
                )
            elif prev_end != cur_start:
                prev_end_ts = parse_date(prev_end)
                cur_start_ts = parse_date(cur_start)
                if prev_end_ts and cur_start_ts and prev_end_ts[0] > cur_start_ts[0]:
                    kind = "overlaps the next"
                else:
                    kind = "leaves a gap before the next"
                problems[cur] = (
                    "start",
                    f"{cur_start!r} does not meet the previous {mechanism} period's end "
                    f"{prev_end!r}: it {kind} period (a period's end must equal the next "
                    "period's start)",
                )
        last = rows[-1]
        if df.at[last, "status"] != "ended" and not _is_blank(df.at[last, "end"]):
            problems.setdefault(
                last,
                (
                    "end",
                    f"the last {mechanism} period ends {df.at[last, 'end']!r} with nothing "
                    "after it (leave end blank if it lasts, or add the next period)",
                ),
            )
    return problems


def _ended_is_last(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
    bad = (df["status"] == "ended") & df["end"].notna()
    return {
        i: ("end", f"{df.at[i, 'end']!r}: an 'ended' period lasts, leave its end blank")
        for i in df.index[bad]
    }


def _type_sum(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
    problems: dict[Any, tuple[str, str]] = {}
    for i in df.index:
        cells = [df.at[i, c] for c in ("total", "type_one", "type_two")]
        if all(isinstance(c, str) and _is_count(c) for c in cells):
            total, one, two = (int(c) for c in cells)
            if one + two != total:
                problems[i] = (
                    "total",
                    f"{total} is not type_one + type_two ({one} + {two} = {one + two})",
                )
    return problems


def _unique(*columns: str) -> RowCheck:
    def check(df: pd.DataFrame) -> dict[Any, tuple[str, str]]:
        keys = df[list(columns)]
        dup = keys.notna().all(axis=1) & keys.duplicated(keep="first")
        return {
            i: (columns[0], f"repeats {', '.join(columns)} of an earlier row")
            for i in df.index[dup]
        }

    return check


_ROW_CHECKS: dict[str, dict[str, RowCheck]] = {
    "mechanism_status": {
        "end_after_start": _end_after_start,
        "periods_chain": _periods_chain,
        "ended_is_last": _ended_is_last,
    },
    "inspections": {
        "type_sum": _type_sum,
        "unique_year_party": _unique("treaty_year_start", "inspecting_party"),
    },
    "bcc_sessions": {"end_not_before_start": _end_not_before_start},
    "aggregate_numbers": {"unique_date_party": _unique("as_of", "party")},
    "limits": {"unique_measure": _unique("measure")},
    "sources": {"unique_url": _unique("url")},
}


def _wrap(row_check: RowCheck, name: str) -> pa.Check:
    def check(df: pd.DataFrame) -> pd.Series:
        failing = row_check(df)
        return pd.Series([i not in failing for i in df.index], index=df.index)

    return pa.Check(check, name=name)


def _schema(table: str) -> pa.DataFrameSchema:
    row_checks = [_wrap(fn, name) for name, fn in _ROW_CHECKS.get(table, {}).items()]
    return pa.DataFrameSchema(_CELL_SCHEMAS[table], checks=row_checks, strict=False)


# --------------------------------------------------------------------------- reading


def _is_blank(value: Any) -> bool:
    return not isinstance(value, str) or value.strip() == ""


def _row(index: Any) -> int:
    """Spreadsheet row number of a frame index (header = row 1)."""
    return int(index) + 2


def _read_raw(path: Path, table: str, problems: list[str]) -> pd.DataFrame | None:
    """The CSV as strings, blank cells as None; None (and a problem) if it cannot be used."""
    name = path.name
    if not path.is_file():
        problems.append(f"{name}: file not found in {path.parent} (every table needs its CSV)")
        return None
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8 text (save the file as UTF-8 CSV)")
        return None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "empty file"
        problems.append(f"{name}: cannot be read as CSV ({first})")
        return None
    expected = TABLE_COLUMNS[table]
    missing = [c for c in expected if c not in df.columns]
    extra = [c for c in df.columns if c not in expected]
    if missing:
        problems.append(
            f"{name}: missing column(s) {', '.join(missing)} "
            f"(the header must be: {','.join(expected)})"
        )
        return None
    if extra:
        problems.append(
            f"{name}: unknown column(s) {', '.join(map(str, extra))} "
            f"(the header must be: {','.join(expected)})"
        )
    df = df[expected].apply(lambda col: col.str.strip())
    return df.mask(df == "", None).astype(object)


def _cell_message(check: str, value: Any, column: str) -> str:
    if check.startswith("vocab:") or check.startswith("isin"):
        vocab_name = check.split(":", 1)[1] if ":" in check else column
        allowed = _VOCABULARIES.get(vocab_name, [])
        what = "status" if vocab_name == "bcc_status" else vocab_name
        return f"{value!r} is not a known {what} (use one of: {', '.join(allowed)})"
    if check.startswith("str_matches"):
        check = "url"
    template = _CELL_MESSAGES.get(check, f"{{value!r}} fails the check {check}")
    return template.format(value=value)


def _validate(table: str, df: pd.DataFrame, problems: list[str]) -> None:
    """Run the table's pandera schema lazily; translate its failure cases into lines."""
    name = f"{table}.csv"
    try:
        _schema(table).validate(df, lazy=True)
        return
    except SchemaErrors as exc:
        cases = exc.failure_cases
    seen: set[tuple[Any, str, str]] = set()
    lines: list[tuple[int, int, str]] = []
    order = {c: n for n, c in enumerate(TABLE_COLUMNS[table])}
    row_checks = _ROW_CHECKS.get(table, {})
    for case in cases.itertuples(index=False):
        check = str(case.check)
        index = case.index
        if check.startswith("dtype") or index is None or pd.isna(index):
            continue
        if check in row_checks:
            failing = row_checks[check](df)
            if index not in failing:
                continue
            column, message = failing[index]
        else:
            column = str(case.column)
            message = _cell_message(check, case.failure_case, column)
        key = (index, column, message)
        if key in seen:
            continue
        seen.add(key)
        lines.append(
            (
                _row(index),
                order.get(column, 99),
                f"{name} row {_row(index)}, column {column}: {message}",
            )
        )
    problems.extend(line for _, _, line in sorted(lines))


def _check_sources_listed(raw: dict[str, pd.DataFrame], problems: list[str]) -> None:
    """Every source_url appears in sources.csv."""
    if "sources" not in raw:
        return
    listed = set(raw["sources"]["url"].dropna())
    for table, df in raw.items():
        if "source_url" not in df.columns:
            continue
        for index, url in df["source_url"].items():
            if not isinstance(url, str):
                continue
            if url not in listed:
                problems.append(
                    f"{table}.csv row {_row(index)}, column source_url: {url!r} is not listed "
                    "in sources.csv (add a row there with publisher, title, date, accessed)"
                )


# --------------------------------------------------------------------------- typing


def _dates(
    df: pd.DataFrame, column: str, label: str | None, precision: str, allow_year: bool = False
) -> pd.DataFrame:
    parsed = df[column].map(
        lambda v: parse_date(v, allow_year=allow_year) if isinstance(v, str) else None
    )
    out = df.copy()
    if label:
        out[label] = df[column].astype("string")
    out[column] = pd.Series(
        [p[0] if p else pd.NaT for p in parsed], index=df.index, dtype="datetime64[ns]"
    )
    categories = ["day", "month", "year"] if allow_year else ["day", "month"]
    out[precision] = pd.Categorical([p[1] if p else None for p in parsed], categories=categories)
    return out


def _category(df: pd.DataFrame, column: str, values: list[str], ordered: bool = False) -> None:
    df[column] = pd.Categorical(df[column], categories=values, ordered=ordered)


def _counts(df: pd.DataFrame, *columns: str) -> None:
    for column in columns:
        df[column] = pd.to_numeric(df[column]).astype("Int64")


def _strings(df: pd.DataFrame, *columns: str) -> None:
    for column in columns:
        df[column] = df[column].astype("string")


def _typed(raw: dict[str, pd.DataFrame]) -> TreatyRecord:
    ev = _dates(raw["events"], "date", "date_label", "date_precision")
    ev = ev[["date", "date_precision", "date_label", *TABLE_COLUMNS["events"][1:]]]
    _category(ev, "treaty", TREATIES)
    _category(ev, "actor", ACTORS)
    _category(ev, "mechanism", MECHANISMS)
    _category(ev, "action", ACTIONS)
    _strings(ev, "description", "source_url", "note")
    ev = ev.sort_values("date", kind="stable").reset_index(drop=True)

    ms = _dates(raw["mechanism_status"], "start", None, "start_precision")
    ms = _dates(ms, "end", None, "end_precision")
    ms = ms[[*TABLE_COLUMNS["mechanism_status"], "start_precision", "end_precision"]]
    _category(ms, "mechanism", MECHANISMS)
    _category(ms, "status", STATUSES)
    _strings(ms, "reason", "source_url", "note")
    ms = ms.sort_values(["mechanism", "start"], kind="stable").reset_index(drop=True)

    ins = _dates(raw["inspections"], "treaty_year_start", None, "_p").drop(columns="_p")
    _category(ins, "inspecting_party", PARTIES)
    _counts(ins, "total", "type_one", "type_two")
    _strings(ins, "source_url", "note")
    ins = ins.sort_values(["treaty_year_start", "inspecting_party"]).reset_index(drop=True)

    bcc = _dates(raw["bcc_sessions"], "start", None, "start_precision")
    bcc = _dates(bcc, "end", None, "end_precision")
    _counts(bcc, "session")
    _category(bcc, "status", BCC_STATUSES)
    _strings(bcc, "place", "source_url", "note")
    bcc = bcc.sort_values("start", kind="stable").reset_index(drop=True)

    agg = _dates(raw["aggregate_numbers"], "as_of", None, "_p").drop(columns="_p")
    _category(agg, "party", PARTIES)
    _counts(agg, "deployed_launchers", "deployed_warheads", "total_launchers")
    _strings(agg, "source_url", "note")
    agg = agg.sort_values(["as_of", "party"]).reset_index(drop=True)

    lim = raw["limits"].copy()
    _category(lim, "measure", MEASURES)
    _counts(lim, "limit")
    _strings(lim, "source_url")

    src = _dates(raw["sources"], "date", None, "date_precision", allow_year=True)
    src = _dates(src, "accessed", None, "_p").drop(columns="_p")
    _strings(src, "url", "publisher", "title")

    for df in (ev, ms, ins, bcc, agg):
        _category(df, "confidence", CONFIDENCE)
    return TreatyRecord(
        events=ev,
        mechanism_status=ms,
        inspections=ins,
        bcc_sessions=bcc,
        aggregate_numbers=agg,
        limits=lim,
        sources=src,
    )


# --------------------------------------------------------------------------- public API


def _resolve(directory: str | Path | None) -> Path:
    return TREATY_DIR if directory is None else Path(directory).expanduser()


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of every table file: the cache key that sees edits."""
    stamp = []
    for table in TABLE_COLUMNS:
        path = directory / f"{table}.csv"
        try:
            st = path.stat()
            stamp.append((table, st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append((table, -1, -1))
    return tuple(stamp)


@functools.lru_cache(maxsize=8)
def _load_cached(directory: Path, stamp: tuple[tuple[str, int, int], ...]) -> TreatyRecord:
    problems: list[str] = []
    raw: dict[str, pd.DataFrame] = {}
    for table in TABLE_COLUMNS:
        df = _read_raw(directory / f"{table}.csv", table, problems)
        if df is not None:
            raw[table] = df
            _validate(table, df, problems)
    _check_sources_listed(raw, problems)
    if problems:
        raise TreatyDataError(problems)
    return _typed(raw)


def load_treaty(directory: str | Path | None = None) -> TreatyRecord:
    """Load and validate the treaty CSVs (default: the repository's ``data/treaty/``).

    Raises :class:`TreatyDataError` listing every problem, one line each.
    """
    path = _resolve(directory)
    if not path.is_dir():
        raise TreatyDataError(
            [f"{path}: no such directory (give the folder that holds events.csv and the rest)"]
        )
    record = _load_cached(path.resolve(), _stamp(path))
    # Copies, so that a caller editing a frame does not change what the next call returns.
    return TreatyRecord(**{f.name: getattr(record, f.name).copy() for f in fields(record)})


def cli_check(args: argparse.Namespace) -> int:
    """``python -m analysis check-data [DIR]``: print "ok: ..." or one line per problem."""
    try:
        record = load_treaty(getattr(args, "directory", None))
    except TreatyDataError as exc:
        for line in exc.problems:
            print(line)
        return 1
    print(f"ok: {record.n_rows} rows in {record.n_tables} tables")
    return 0
