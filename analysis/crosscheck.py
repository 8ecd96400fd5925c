"""Claims checked against the record: each article event set beside the curated treaty events.

For every event found in an article, the record (``data/treaty/events.csv``) is searched
for the same mechanism and action (an inspection "ban" and "suspension" count as one,
treaty names and actors must agree when both are given). Dates are compared at the
coarser of the two precisions ("August 2022" agrees with 8 August 2022). The end date
of an extension ("extend ... until February 4, 2026") is checked against the date the
record says the treaty runs to. Verdicts:

- ``consistent``: the record holds the event on a compatible date (or the article
  gives no date and the record holds the event; or the article's date is only that of
  its report, ``date_source == "report"``, and the record has the event shortly before);
- ``conflict``: the record holds the event, but on a different date (within
  ``CONFLICT_WINDOW_DAYS``), or with a different end date;
- ``not in record``: nothing in the record matches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.dates import find_dates, period_bounds

if TYPE_CHECKING:
    from analysis.treaty import TreatyRecord

__all__ = ["crosscheck", "CROSSCHECK_COLUMNS", "CONFLICT_WINDOW_DAYS"]

#: Columns added to the events frame.
CROSSCHECK_COLUMNS: list[str] = [
    "verdict",  # consistent | conflict | not in record
    "record_date",  # "YYYY-MM-DD" / "YYYY-MM" of the record event compared, or None
    "record_description",
    "record_source_url",
    "explanation",  # one sentence an analyst reads
]
VERDICTS: list[str] = ["consistent", "conflict", "not in record"]
#: A record event of the same kind further away than this is taken for another event.
CONFLICT_WINDOW_DAYS: int = 400

# Actions that describe the same thing in the record's words and the articles'.
_SAME_ACTION = [{"ban", "suspend"}]
_ACTORS = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "united states": "United States",
    "russia": "Russia",
    "russian federation": "Russia",
    "us and russia": "Russia and United States",
    "russia and us": "Russia and United States",
    "russia and united states": "Russia and United States",
    "united states and russia": "Russia and United States",
    "both": "Russia and United States",
}
_TREATIES = {
    "new start": "New START",
    "start iii": "New START",
    "nuevo start": "New START",
    "inf": "INF",
    "open skies": "Open Skies",
    "ctbt": "CTBT",
    "cfe": "CFE",
}


def _blank(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str | None:
    return None if _blank(value) or not str(value).strip() else str(value).strip()


def _actor(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    return _ACTORS.get(text.lower(), text)


def _treaty(value: Any) -> str | None:
    text = _text(value)
    if text is None or text.lower() in ("none", "n/a"):
        return None
    return _TREATIES.get(text.lower(), text)


def _same_action(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME_ACTION)


def _same_mechanism(mechanism: str, treaty: str | None, row: dict[str, Any]) -> bool:
    """Whether a record row speaks of the article event's mechanism.

    Leaving the Open Skies treaty is a ``treaty`` event in articles, and ends the flights
    lane in the record (``open_skies_flights``): the two are the same fact.
    """
    if row["mechanism"] == mechanism:
        return True
    pair = {mechanism, row["mechanism"]}
    return pair == {"treaty", "open_skies_flights"} and "Open Skies" in (
        treaty,
        _treaty(row.get("treaty")),
    )


def _actors_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    joint = "Russia and United States"
    return a == joint or b == joint


def _label(row: dict[str, Any]) -> str | None:
    """The article event's date label, from ``date_label`` or a string ``date``."""
    label = _text(row.get("date_label"))
    if label:
        return label
    date = row.get("date")
    if isinstance(date, str) and date.strip():
        return date.strip()
    return None


def _truncate(label: str, parts: int) -> str:
    return "-".join(label.split("-")[:parts])


def _agree(a: str, b: str) -> bool:
    """Two date labels agree at the coarser of their precisions."""
    n = min(len(a.split("-")), len(b.split("-")))
    return _truncate(a, n) == _truncate(b, n)


def _distance_days(a: str, b: str) -> int:
    ba, bb = period_bounds(a), period_bounds(b)
    if ba is None or bb is None:
        return 10**6
    if ba[1] < bb[0]:
        return (bb[0] - ba[1]).days
    if bb[1] < ba[0]:
        return (ba[0] - bb[1]).days
    return 0


def _on_or_before(record_label: str, article_label: str) -> bool:
    """The record's period starts no later than the article's period ends."""
    rb, ab = period_bounds(record_label), period_bounds(article_label)
    return rb is not None and ab is not None and rb[0] <= ab[1]


def _run_to(record_row: dict[str, Any]) -> str | None:
    """The end date a record row says the treaty runs to ("to run to 5 February 2026")."""
    for key in ("description", "note"):
        text = _text(record_row.get(key))
        if not text:
            continue
        ends = {d.value for d in find_dates(text) if d.role == "until" and d.value}
        if len(ends) == 1:
            return ends.pop()
        if ends:
            return None  # the row itself names more than one end date: no basis to judge
    return None


def _source(row: dict[str, Any]) -> str:
    url = _text(row.get("source_url"))
    return f"(source {url})" if url else "(no source given)"


def _what(ev: dict[str, Any]) -> str:
    action = {"ban": "ban", "suspend": "suspension", "postpone": "postponement"}.get(
        ev["action"], ev["action"]
    )
    mechanism = str(ev["mechanism"]).replace("_", " ")
    treaty = _treaty(ev.get("treaty"))
    if ev["mechanism"] == "treaty" and treaty:
        return f"{treaty} {action}"
    return f"{mechanism} {action}"


def _check_one(ev: dict[str, Any], record: pd.DataFrame) -> dict[str, Any]:
    mechanism, action = str(ev.get("mechanism")), str(ev.get("action"))
    actor, treaty = _actor(ev.get("actor")), _treaty(ev.get("treaty"))
    label = _label(ev)
    until = _text(ev.get("until"))
    what = _what(ev)

    cands = [
        r
        for r in record
        if _same_mechanism(mechanism, treaty, r)
        and _same_action(action, r["action"])
        and _actors_agree(actor, _actor(r.get("actor")))
        and (treaty is None or _treaty(r.get("treaty")) in (None, treaty))
    ]
    out: dict[str, Any] = {
        "verdict": "not in record",
        "record_date": None,
        "record_description": None,
        "record_source_url": None,
        "explanation": "",
    }
    if not cands:
        who = f" by {actor}" if actor else ""
        out["explanation"] = f"the record has no {what}{who}"
        return out

    def fill(r: dict[str, Any]) -> None:
        out["record_date"] = r["date_label"]
        out["record_description"] = _text(r.get("description"))
        out["record_source_url"] = _text(r.get("source_url"))

    # End date of an extension or a term: "extend ... until February 4, 2026".
    if until:
        ends = [(r, end) for r in cands if (end := _run_to(r))]
        if ends:
            r, end = next(((r, e) for r, e in ends if _agree(until, e)), ends[0])
            fill(r)
            if not _agree(until, end):
                out["verdict"] = "conflict"
                out["explanation"] = (
                    f"article says the {what} runs until {until}; the record has {end} "
                    f"({r['date_label']}: {out['record_description']}) {_source(r)}"
                )
                return out
            if label is None:
                out["verdict"] = "consistent"
                out["explanation"] = (
                    f"article's end date {until} matches the record ({r['date_label']}: "
                    f"{out['record_description']}) {_source(r)}"
                )
                return out

    if label is None:
        r = cands[-1]
        fill(r)
        out["verdict"] = "consistent"
        dates = ", ".join(c["date_label"] for c in cands[:4])
        out["explanation"] = (
            f"article gives no date for the {what}; the record has it on {dates} {_source(r)}"
        )
        return out

    agreeing = [r for r in cands if _agree(label, r["date_label"])]
    if agreeing:
        r = agreeing[0]
        fill(r)
        out["verdict"] = "consistent"
        out["explanation"] = (
            f"article dates the {what} to {label}; the record has {r['date_label']} {_source(r)}"
        )
        return out
    if action == "other":
        # "other" covers too many kinds of events to call a different date a conflict
        nearest = min(cands, key=lambda r: _distance_days(label, r["date_label"]))
        fill(nearest)
        out["explanation"] = (
            f"the record has no {what} on {label}; the nearest is {nearest['date_label']}: "
            f"{out['record_description']} {_source(nearest)}"
        )
        return out
    if _text(ev.get("date_source")) == "report":
        # The article dates its report, not the event: the event happened by then.
        before = [r for r in cands if _on_or_before(r["date_label"], label)]
        recent = [
            r for r in before if _distance_days(label, r["date_label"]) <= CONFLICT_WINDOW_DAYS
        ]
        if recent:
            r = recent[-1]
            fill(r)
            out["verdict"] = "consistent"
            out["explanation"] = (
                f"article reports the {what} as of {label} (the date of the report, not of "
                f"the event); the record has {r['date_label']} {_source(r)}"
            )
            return out
    nearest = min(cands, key=lambda r: _distance_days(label, r["date_label"]))
    fill(nearest)
    gap = _distance_days(label, nearest["date_label"])
    if gap <= CONFLICT_WINDOW_DAYS:
        out["verdict"] = "conflict"
        out["explanation"] = (
            f"article dates the {what} to {label}; the record has {nearest['date_label']} "
            f"{_source(nearest)}"
        )
    else:
        out["explanation"] = (
            f"the record has no {what} near {label}; the nearest is {nearest['date_label']} "
            f"{_source(nearest)}"
        )
    return out


def crosscheck(events: pd.DataFrame, treaty: TreatyRecord | None = None) -> pd.DataFrame:
    """The events frame with a verdict against the record for each event.

    Adds ``CROSSCHECK_COLUMNS``; ``treaty`` defaults to ``analysis.treaty.load_treaty()``.
    """
    if treaty is None:
        from analysis.treaty import load_treaty

        treaty = load_treaty()
    rec = treaty.events.copy()
    if "date_label" not in rec.columns:
        rec["date_label"] = pd.to_datetime(rec["date"]).dt.strftime("%Y-%m-%d")
    rec = rec[rec["date_label"].notna()].sort_values("date")
    record = [
        {**r, "mechanism": str(r["mechanism"]), "action": str(r["action"])}
        for r in rec.to_dict("records")
    ]
    rows = [_check_one(ev, record) for ev in events.to_dict("records")]
    out = events.copy()
    added = pd.DataFrame(rows, index=events.index, columns=CROSSCHECK_COLUMNS)
    for col in CROSSCHECK_COLUMNS:
        out[col] = added[col] if len(events) else pd.Series(dtype="object")
    out["verdict"] = pd.Categorical(out["verdict"], categories=VERDICTS)
    return out
