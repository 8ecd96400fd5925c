"""The curated treaty record: schema and consistency of the real data, and one test per
validation error (a copy of the real CSVs with one cell broken)."""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.paths import TREATY_DIR
from analysis.treaty import (
    TABLE_COLUMNS,
    TreatyDataError,
    TreatyRecord,
    cli_check,
    load_treaty,
)

TABLES = list(TABLE_COLUMNS)


@pytest.fixture(scope="module")
def record() -> TreatyRecord:
    return load_treaty()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "treaty"
    shutil.copytree(TREATY_DIR, target)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    header = header or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(directory: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell, ``row`` numbered as in a spreadsheet (header = row 1)."""
    path = directory / f"{table}.csv"
    rows = read_rows(path)
    rows[row - 2][column] = value
    write_rows(path, rows, TABLE_COLUMNS[table])


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(TreatyDataError) as info:
        load_treaty(directory)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


def row_where(directory: Path, table: str, **match: str) -> int:
    """Spreadsheet row number of the first row whose cells equal ``match``."""
    for n, row in enumerate(read_rows(directory / f"{table}.csv"), start=2):
        if all(row[k] == v for k, v in match.items()):
            return n
    raise AssertionError(f"no row in {table}.csv with {match}")


# --------------------------------------------------------------------------- real data


def test_real_data_loads_with_documented_types(record: TreatyRecord) -> None:
    ev = record.events
    assert list(ev.columns[:3]) == ["date", "date_precision", "date_label"]
    assert ev["date"].dtype == "datetime64[ns]"
    assert set(ev["date_precision"].dropna()) <= {"day", "month"}
    for column in ("treaty", "actor", "mechanism", "action", "confidence"):
        assert isinstance(ev[column].dtype, pd.CategoricalDtype), column
    assert ev["date"].notna().all()
    assert ev["date"].is_monotonic_increasing
    ms = record.mechanism_status
    assert ms["start"].dtype == "datetime64[ns]" and ms["end"].dtype == "datetime64[ns]"
    for column in ("total", "type_one", "type_two"):
        assert record.inspections[column].dtype == "Int64"
    for column in ("deployed_launchers", "deployed_warheads", "total_launchers"):
        assert record.aggregate_numbers[column].dtype == "Int64"
    assert record.bcc_sessions["session"].dtype == "Int64"
    assert record.limits["limit"].dtype == "Int64"


def test_month_dates_stand_for_their_first_day(record: TreatyRecord) -> None:
    months = record.events[record.events["date_precision"] == "month"]
    assert not months.empty
    for _, row in months.iterrows():
        assert row["date"].day == 1
        assert row["date"].strftime("%Y-%m") == row["date_label"]


def test_every_row_cites_a_listed_http_source(record: TreatyRecord) -> None:
    listed = set(record.sources["url"])
    for table in TABLES:
        df = getattr(record, table)
        if "source_url" not in df.columns:
            continue
        assert df["source_url"].notna().all(), table
        for url in df["source_url"]:
            assert url.startswith(("http://", "https://")), (table, url)
            assert url in listed, (table, url)


# The days on which the record was gathered (README: sources.csv, `accessed`).
CURATION_DAYS = {pd.Timestamp("2026-11-27"), pd.Timestamp("2026-11-28")}


def test_sources_were_accessed_on_a_curation_day_after_publication(
    record: TreatyRecord,
) -> None:
    src = record.sources
    assert set(src["accessed"]) <= CURATION_DAYS
    dated = src[src["date"].notna()]
    assert not dated.empty
    assert (dated["date"] <= dated["accessed"]).all()


def test_every_listed_source_is_cited(record: TreatyRecord) -> None:
    cited: set[str] = set()
    for table in TABLES:
        df = getattr(record, table)
        if "source_url" in df.columns:
            cited |= set(df["source_url"])
    assert set(record.sources["url"]) <= cited


def test_status_periods_chain_without_gaps_or_overlaps(record: TreatyRecord) -> None:
    for mechanism, group in record.mechanism_status.groupby("mechanism", observed=True):
        group = group.sort_values("start")
        ends = list(group["end"])
        starts = list(group["start"])
        assert all(e == s for e, s in zip(ends[:-1], starts[1:], strict=True)), mechanism
        assert pd.isna(ends[-1]), mechanism


def _event_dates(record: TreatyRecord, mechanisms: set[str], actions: set[str] | None = None):
    ev = record.events[record.events["mechanism"].isin(mechanisms)]
    if actions is not None:
        ev = ev[ev["action"].isin(actions)]
    return set(ev["date_label"])


def test_paused_and_suspended_periods_start_at_an_event_of_their_mechanism(
    record: TreatyRecord,
) -> None:
    ms = record.mechanism_status
    checked = 0
    for _, period in ms[ms["status"].isin(["paused", "suspended"])].iterrows():
        label = _label(period["start"], period["start_precision"])
        dates = _event_dates(record, {period["mechanism"]}, {"pause", "suspend", "ban", "postpone"})
        assert label in dates, (period["mechanism"], period["status"], label)
        checked += 1
    assert checked >= 5


def test_ended_periods_start_at_an_expiry_or_withdrawal(record: TreatyRecord) -> None:
    ms = record.mechanism_status
    for _, period in ms[ms["status"] == "ended"].iterrows():
        label = _label(period["start"], period["start_precision"])
        dates = _event_dates(record, {period["mechanism"], "treaty"}, {"expire", "withdraw"})
        assert label in dates, (period["mechanism"], label)


def test_active_periods_after_a_break_start_at_a_resumption(record: TreatyRecord) -> None:
    ms = record.mechanism_status.sort_values(["mechanism", "start"])
    for _mechanism, group in ms.groupby("mechanism", observed=True):
        previous = None
        for _, period in group.iterrows():
            if period["status"] == "active" and previous in ("paused", "suspended"):
                label = _label(period["start"], period["start_precision"])
                assert label in _event_dates(record, {period["mechanism"]}, {"resume"})
            previous = period["status"]


def _label(ts: pd.Timestamp, precision: str) -> str:
    return ts.strftime("%Y-%m" if precision == "month" else "%Y-%m-%d")


def _status_on(record: TreatyRecord, mechanism: str, day: pd.Timestamp) -> str | None:
    ms = record.mechanism_status
    lane = ms[ms["mechanism"] == mechanism]
    inside = lane[(lane["start"] <= day) & (lane["end"].isna() | (day < lane["end"]))]
    return None if inside.empty else str(inside["status"].iloc[0])


def test_held_bcc_sessions_fall_in_active_bcc_periods(record: TreatyRecord) -> None:
    held = record.bcc_sessions[record.bcc_sessions["status"] == "held"]
    assert not held.empty
    for _, session in held.iterrows():
        assert _status_on(record, "bcc", session["start"]) == "active", session["start"]


def test_postponed_bcc_sessions_have_a_postponement_event(record: TreatyRecord) -> None:
    postponed = record.bcc_sessions[record.bcc_sessions["status"] == "postponed"]
    postponements = record.events[
        (record.events["mechanism"] == "bcc") & (record.events["action"] == "postpone")
    ]
    for _, session in postponed.iterrows():
        # The postponement is announced in the month of the session or the month before.
        gap = (session["start"] - postponements["date"]).dt.days
        assert ((gap >= 0) & (gap <= 31)).any(), session["start"]


def test_zero_counts_say_how_they_were_derived(record: TreatyRecord) -> None:
    ins = record.inspections
    zeros = ins[(ins[["total", "type_one", "type_two"]] == 0).any(axis=1)]
    assert not zeros.empty
    assert zeros["note"].fillna("").str.startswith("Derived").all()


def test_inspections_happen_only_while_inspections_are_active(record: TreatyRecord) -> None:
    ins = record.inspections
    done = ins[ins["total"].fillna(0) > 0]
    assert not done.empty
    for _, row in done.iterrows():
        assert _status_on(
            record, "inspections", row["treaty_year_start"] + pd.Timedelta(days=60)
        ) in ("active", "paused")
    assert (ins["total"].dropna() <= 18).all()  # the treaty's annual quota per side


def test_aggregates_after_the_deadline_respect_the_limits(record: TreatyRecord) -> None:
    limits = dict(zip(record.limits["measure"], record.limits["limit"], strict=True))
    assert set(limits) == {"deployed_launchers", "deployed_warheads", "total_launchers"}
    agg = record.aggregate_numbers
    after = agg[agg["as_of"] >= pd.Timestamp("2018-02-05")]
    assert not after.empty
    for measure, limit in limits.items():
        assert (after[measure].dropna() <= limit).all(), measure


def test_us_only_releases_say_so(record: TreatyRecord) -> None:
    agg = record.aggregate_numbers
    late = agg[agg["as_of"] >= pd.Timestamp("2023-01-01")]
    assert set(late["party"]) <= {"US"}
    assert late["note"].str.contains("US-only").all()


# --------------------------------------------------------------------------- validation


def test_bad_date_is_reported_with_spreadsheet_row(data_copy: Path) -> None:
    set_cell(data_copy, "events", 12, "date", "2022-13-01")
    assert problems_of(data_copy) == [
        "events.csv row 12, column date: '2022-13-01' is not a date (use YYYY-MM-DD or YYYY-MM)"
    ]


def test_unknown_mechanism(data_copy: Path) -> None:
    set_cell(data_copy, "events", 3, "mechanism", "inspection")
    [problem] = problems_of(data_copy)
    assert problem.startswith("events.csv row 3, column mechanism: 'inspection' is not a known")
    assert "inspections" in problem


def test_unknown_action(data_copy: Path) -> None:
    set_cell(data_copy, "events", 4, "action", "cancel")
    [problem] = problems_of(data_copy)
    assert problem.startswith("events.csv row 4, column action: 'cancel' is not a known action")


def test_unknown_status(data_copy: Path) -> None:
    set_cell(data_copy, "mechanism_status", 2, "status", "frozen")
    [problem] = problems_of(data_copy)
    assert problem.startswith(
        "mechanism_status.csv row 2, column status: 'frozen' is not a known status"
    )


def test_unknown_party(data_copy: Path) -> None:
    set_cell(data_copy, "aggregate_numbers", 2, "party", "USA")
    [problem] = problems_of(data_copy)
    assert problem.startswith("aggregate_numbers.csv row 2, column party: 'USA' is not a known")


def test_bad_confidence(data_copy: Path) -> None:
    set_cell(data_copy, "inspections", 2, "confidence", "sure")
    [problem] = problems_of(data_copy)
    assert problem.startswith("inspections.csv row 2, column confidence: 'sure' is not a known")


def test_missing_source_url(data_copy: Path) -> None:
    set_cell(data_copy, "bcc_sessions", 3, "source_url", "")
    assert problems_of(data_copy) == [
        "bcc_sessions.csv row 3, column source_url: is blank (this column needs a value)"
    ]


def test_source_url_must_be_listed_in_sources(data_copy: Path) -> None:
    set_cell(data_copy, "limits", 2, "source_url", "https://example.org/not-listed")
    [problem] = problems_of(data_copy)
    assert problem.startswith(
        "limits.csv row 2, column source_url: 'https://example.org/not-listed' is not listed"
    )


def test_source_url_must_be_http(data_copy: Path) -> None:
    set_cell(data_copy, "events", 2, "source_url", "www.example.org/page")
    problems = problems_of(data_copy)
    assert (
        "events.csv row 2, column source_url: 'www.example.org/page' is not an http(s) URL"
        in problems
    )


def test_count_must_be_a_whole_number(data_copy: Path) -> None:
    set_cell(data_copy, "aggregate_numbers", 3, "deployed_warheads", "about 1500")
    assert problems_of(data_copy) == [
        "aggregate_numbers.csv row 3, column deployed_warheads: 'about 1500' is not a whole "
        "number (leave the cell blank if unknown)"
    ]


def test_treaty_year_must_start_on_5_february(data_copy: Path) -> None:
    set_cell(data_copy, "inspections", 2, "treaty_year_start", "2011-01-01")
    assert problems_of(data_copy) == [
        "inspections.csv row 2, column treaty_year_start: '2011-01-01' is not a 5 February "
        "(a treaty year starts on 5 February)"
    ]


def test_end_before_start_in_bcc_sessions(data_copy: Path) -> None:
    row = row_where(data_copy, "bcc_sessions", start="2012-09-11")
    set_cell(data_copy, "bcc_sessions", row, "end", "2012-09-01")
    assert problems_of(data_copy) == [
        f"bcc_sessions.csv row {row}, column end: '2012-09-01' is before the start '2012-09-11'"
    ]


def test_end_before_start_in_status_periods(data_copy: Path) -> None:
    row = row_where(data_copy, "mechanism_status", mechanism="treaty", status="active")
    set_cell(data_copy, "mechanism_status", row, "end", "2010-01-01")
    problems = problems_of(data_copy)
    assert (
        f"mechanism_status.csv row {row}, column end: '2010-01-01' is not after the start "
        "'2011-02-05'" in problems
    )


def test_gap_between_status_periods(data_copy: Path) -> None:
    row = row_where(data_copy, "mechanism_status", mechanism="treaty", status="suspended")
    set_cell(data_copy, "mechanism_status", row, "start", "2023-03-01")
    set_cell(data_copy, "mechanism_status", row, "note", "moved")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"mechanism_status.csv row {row}, column start: '2023-03-01'")
    assert "gap" in problem


def test_overlapping_status_periods(data_copy: Path) -> None:
    row = row_where(data_copy, "mechanism_status", mechanism="treaty", status="suspended")
    set_cell(data_copy, "mechanism_status", row, "start", "2020-01-01")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"mechanism_status.csv row {row}, column start: '2020-01-01'")
    assert "overlaps" in problem


def test_open_period_that_is_not_last(data_copy: Path) -> None:
    row = row_where(data_copy, "mechanism_status", mechanism="bcc", status="paused")
    set_cell(data_copy, "mechanism_status", row, "end", "")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"mechanism_status.csv row {row}, column end: is blank")
    assert "only the last period may stay open" in problem


def test_all_problems_are_collected_at_once(data_copy: Path) -> None:
    set_cell(data_copy, "events", 5, "date", "yesterday")
    set_cell(data_copy, "events", 6, "confidence", "certain")
    set_cell(data_copy, "aggregate_numbers", 2, "party", "USSR")
    problems = problems_of(data_copy)
    assert len(problems) == 3
    # Tables in their documented order, rows in spreadsheet order within a table.
    assert problems[0].startswith("events.csv row 5, column date: 'yesterday'")
    assert problems[1].startswith("events.csv row 6, column confidence: 'certain'")
    assert problems[2].startswith("aggregate_numbers.csv row 2, column party: 'USSR'")


def test_missing_column_and_missing_file(data_copy: Path) -> None:
    rows = read_rows(data_copy / "limits.csv")
    for row in rows:
        del row["limit"]
    write_rows(data_copy / "limits.csv", rows)
    (data_copy / "bcc_sessions.csv").unlink()
    problems = problems_of(data_copy)
    assert any(p.startswith("limits.csv: missing column(s) limit") for p in problems)
    assert any(p.startswith("bcc_sessions.csv: file not found") for p in problems)


def test_missing_directory(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere")
    assert "no such directory" in problem


# --------------------------------------------------------------------------- loading


def test_a_new_row_is_seen_on_the_next_load(data_copy: Path) -> None:
    before = load_treaty(data_copy)
    path = data_copy / "events.csv"
    rows = read_rows(path)
    rows.append(dict(rows[-1], date="2026-11-01", description="A row added by an analyst."))
    write_rows(path, rows, TABLE_COLUMNS["events"])
    after = load_treaty(data_copy)
    assert len(after.events) == len(before.events) + 1
    assert "A row added by an analyst." in set(after.events["description"])


def test_frames_returned_are_independent_copies(data_copy: Path) -> None:
    first = load_treaty(data_copy)
    first.events.loc[:, "description"] = "changed by the caller"
    assert "changed by the caller" not in set(load_treaty(data_copy).events["description"])


def test_cli_check_ok(capsys: pytest.CaptureFixture[str], record: TreatyRecord) -> None:
    assert cli_check(argparse.Namespace(directory=None)) == 0
    out = capsys.readouterr().out.strip()
    assert out == f"ok: {record.n_rows} rows in {len(TABLES)} tables"


def test_cli_check_lists_problems(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_cell(data_copy, "events", 12, "date", "2022-13-01")
    assert cli_check(argparse.Namespace(directory=str(data_copy))) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        "events.csv row 12, column date: '2022-13-01' is not a date (use YYYY-MM-DD or YYYY-MM)"
    ]
