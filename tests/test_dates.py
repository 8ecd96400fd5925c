"""Date expressions resolved against the publication date, the way news is written."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.dates import DateMention, find_dates, period_bounds, resolve_date

MONDAY = dt.date(2022, 12, 5)
THURSDAY = dt.date(2022, 11, 17)


def value(text: str, published: dt.date | None, language: str = "en") -> tuple[str | None, str]:
    found = resolve_date(text, published, language)
    assert found is not None, f"no date found in {text!r}"
    return found.value, found.precision


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # weekdays: the same day when the article appears on it, else the one before
        ("The minister spoke on Monday.", MONDAY, ("2022-12-05", "day")),
        ("The minister spoke on Monday.", THURSDAY, ("2022-11-14", "day")),
        ("The envoy said Thursday that talks would go on.", THURSDAY, ("2022-11-17", "day")),
        ("Earlier on Wednesday, the ministry wrote.", THURSDAY, ("2022-11-16", "day")),
        ("They will meet again next Monday.", MONDAY, ("2022-12-12", "day")),
        ("The delegation will arrive on Monday.", THURSDAY, ("2022-11-21", "day")),
        ("He recalled the call last Monday.", MONDAY, ("2022-11-28", "day")),
        # months: the latest such month not after publication
        ("The decision was announced in August.", MONDAY, ("2022-08", "month")),
        ("Talks broke down in December.", dt.date(2022, 3, 1), ("2021-12", "month")),
        ("The ban came this August.", THURSDAY, ("2022-08", "month")),
        ("The envoy visited in February 2021.", MONDAY, ("2021-02", "month")),
        ("It happened in mid-October.", MONDAY, ("2022-10", "month")),
        # month and day
        ("The session was due last November 29.", MONDAY, ("2022-11-29", "day")),
        ("The delegations met on Nov. 29.", MONDAY, ("2022-11-29", "day")),
        ("The team will hold meetings from Nov. 29.", THURSDAY, ("2022-11-29", "day")),
        ("The deadline passed on Feb. 5.", MONDAY, ("2022-02-05", "day")),
        ("It was set for Tuesday, November 29.", dt.date(2022, 11, 28), ("2022-11-29", "day")),
        ("The text came into force as of June 1.", dt.date(2023, 6, 2), ("2023-06-01", "day")),
        # absolute dates
        ("The term ends February 5, 2026.", None, ("2026-02-05", "day")),
        ("The term ends 5 February 2026.", None, ("2026-02-05", "day")),
        ("The file is dated 2026-02-05.", None, ("2026-02-05", "day")),
        ("The deal was signed in 2010.", None, ("2010", "year")),
        ("Checks have stopped since 2020, officials say.", None, ("2020", "year")),
        ("Talks stalled in the fall of 2022.", None, ("2022", "year")),
        # relative days and periods
        ("The statement came yesterday.", MONDAY, ("2022-12-04", "day")),
        ("The statement came today.", MONDAY, ("2022-12-05", "day")),
        ("He had called the day before.", MONDAY, ("2022-12-04", "day")),
        ("Envoys met earlier this month.", MONDAY, ("2022-12", "month")),
        ("Envoys met last month.", dt.date(2023, 1, 10), ("2022-12", "month")),
        ("The law passed last year.", MONDAY, ("2021", "year")),
        ("The law passed this year.", MONDAY, ("2022", "year")),
        ("The two sides talk next week.", MONDAY, ("2022-12", "month")),
        ("The offer came two years ago.", MONDAY, ("2020", "year")),
    ],
)
def test_english_forms(text: str, published: dt.date | None, expected: tuple[str, str]) -> None:
    assert value(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("El canciller habló el lunes.", THURSDAY, ("2022-11-14", "day")),
        ("El canciller habló el lunes.", MONDAY, ("2022-12-05", "day")),
        ("La decisión se conoció en agosto.", MONDAY, ("2022-08", "month")),
        ("La sesión prevista el pasado 29 de noviembre.", MONDAY, ("2022-11-29", "day")),
        ("El plazo vence el 5 de febrero de 2026.", None, ("2026-02-05", "day")),
        ("El plazo vence el 5 de febrero próximo.", dt.date(2026, 1, 20), ("2026-02-05", "day")),
        ("Lo dijo ayer en Moscú.", MONDAY, ("2022-12-04", "day")),
        ("La ley se aprobó el año pasado.", MONDAY, ("2021", "year")),
        ("En septiembre de 2025, el presidente habló.", MONDAY, ("2025-09", "month")),
        ("Las consultas se celebraron este año.", MONDAY, ("2022", "year")),
        ("Las conversaciones se frenaron en el otoño de 2022.", None, ("2022", "year")),
        ("Lo firmaron hace dos años.", MONDAY, ("2020", "year")),
    ],
)
def test_spanish_forms(text: str, published: dt.date | None, expected: tuple[str, str]) -> None:
    assert value(text, published, "es") == expected


def test_no_publication_date_leaves_relative_dates_unknown() -> None:
    for text in ("on Monday", "in August", "yesterday", "last month", "last November 29"):
        found = resolve_date(text, None)
        assert found is not None, text
        assert (found.value, found.precision) == (None, "unknown"), text


def test_modal_may_and_bare_numbers_are_not_dates() -> None:
    text = "That may entail risks; 1,550 warheads and 700 launchers; by five years."
    assert find_dates(text, MONDAY) == []


def test_until_and_since_are_marked() -> None:
    found = find_dates("extended by five years until February 5, 2026, in force since 2011", None)
    assert [(d.value, d.role) for d in found] == [("2026-02-05", "until"), ("2011", "since")]


def test_offsets_point_into_the_text() -> None:
    text = "Officials met on Monday and again on Nov. 29 in Cairo."
    for d in find_dates(text, MONDAY):
        assert isinstance(d, DateMention)
        assert text[d.start : d.end] == d.text


def test_range_gives_both_ends_in_the_future_of_the_article() -> None:
    found = find_dates("The delegations will sit down from Dec. 12 to Dec. 16 in Vienna.", THURSDAY)
    assert [d.value for d in found] == ["2022-12-12", "2022-12-16"]


def test_a_day_far_ahead_in_a_future_sentence_is_taken_as_past() -> None:
    # Nine months ahead is too far for a date written without its year.
    found = resolve_date(
        "The meeting planned for November 29 will not take place.", dt.date(2023, 3, 2)
    )
    assert found is not None and found.value == "2022-11-29"


def test_period_bounds() -> None:
    assert period_bounds("2022-08") == (dt.date(2022, 8, 1), dt.date(2022, 8, 31))
    assert period_bounds("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert period_bounds("2022-11-29") == (dt.date(2022, 11, 29), dt.date(2022, 11, 29))
    assert period_bounds(None) is None


# --------------------------------------------------------------------------- held-out fixes


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # a month tied to a relative year
        ("Inspectors have been kept out since August of last year.", dt.date(2023, 2, 21), "en",
         ("2022-08", "month")),
        ("The talks were held in March this year.", dt.date(2023, 9, 1), "en",
         ("2023-03", "month")),
        ("Moscú congeló las inspecciones en agosto del año pasado.", dt.date(2023, 2, 21), "es",
         ("2022-08", "month")),
        # "el pasado febrero": article, modifier, month
        ("Rusia suspendió su participación el pasado febrero.", dt.date(2023, 6, 2), "es",
         ("2023-02", "month")),
        # "hace un año" was hidden by the bare "año"; a year ago is that month a year back
        ("Hace un año, Rusia suspendió el tratado.", dt.date(2024, 2, 21), "es",
         ("2023-02", "month")),
        ("Moscow froze the inspections a year ago.", dt.date(2023, 8, 10), "en",
         ("2022-08", "month")),
        ("Russia suspended the treaty three years ago.", dt.date(2026, 2, 6), "en",
         ("2023", "year")),
        # "este jueves" is the Thursday of the article's week, whatever the tense
        ("Washington anunció este jueves que dejará de enviar notificaciones.",
         dt.date(2023, 6, 2), "es", ("2023-06-01", "day")),
        # a planned month further ahead than the horizon is the one just past
        ("The session planned for the end of November did not take place.",
         dt.date(2023, 2, 21), "en", ("2022-11", "month")),
        ("The treaty is due to expire in February.", dt.date(2025, 9, 22), "en",
         ("2026-02", "month")),
    ],
)  # fmt: skip
def test_relative_years_and_weeks(
    text: str, published: dt.date, language: str, expected: tuple[str, str]
) -> None:
    assert value(text, published, language) == expected


def test_the_following_day_counts_from_the_day_just_named() -> None:
    text = "Washington suspended its obligations on February 1; Moscow did so the following day."
    found = find_dates(text, dt.date(2019, 8, 2))
    assert [(d.text, d.value) for d in found] == [
        ("February 1", "2019-02-01"),
        ("the following day", "2019-02-02"),
    ]
    # with no day named before, it is the day after publication (as before)
    assert value("The talks resume the next day.", MONDAY) == ("2022-12-06", "day")


def test_spanish_dateline_abbreviations() -> None:
    assert value("Moscú, 29 nov (Prensa Latina) Rusia aplazó.", MONDAY, "es") == (
        "2022-11-29",
        "day",
    )
    assert value("MADRID, 5 Feb. (EUROPA PRESS) -", dt.date(2026, 2, 5), "es") == (
        "2026-02-05",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday right after a past reporting verb is the report's day, even when the
        # reported step lies ahead
        ("The embassy said on Tuesday it will close its consulate.", THURSDAY, "2022-11-15"),
        ("La cancillería informó el martes que cerrará el consulado.", THURSDAY, "2022-11-15"),
        # without the reporting verb next to it, a future sentence still looks ahead
        ("The consulate will close on Tuesday, the embassy said.", THURSDAY, "2022-11-22"),
    ],
)
def test_weekday_after_said_is_the_reports_day(
    text: str, published: dt.date, expected: str
) -> None:
    lang = "es" if "cancillería" in text else "en"
    assert value(text, published, lang) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The law comes into force on Friday.", "en"),
        ("La ley entra en vigor el viernes.", "es"),
    ],
)
def test_present_of_a_scheduled_start_looks_ahead(text: str, language: str) -> None:
    assert value(text, dt.date(2013, 5, 6), language) == ("2013-05-10", "day")


# --------------------------------------------------------------------------- quick paths
# Pieces of dates and of the words around them, written for these tests, in odd cases and
# glued in odd ways (blanks of other kinds, letters that fold oddly, digits of other scripts).
_PIECES = [
    "on", "in", "last", "next", "the", "of", "since", "until", "early", "this", "THIS", "thİs",
    "thıs", "ago", "two", "a", "3", "12", "5th", "21st", "2nd", "2021", "1999", "2030", "1550",
    "20211", "123", "1,550", "(5)", "2024-02-05", "2024-2-5", "-", "–", "January", "Jan.",
    "Feb", "March", "May", "may", "Sept.", "December", "Decembers", "Monday", "friday",
    "Thursday", "day", "days", "DAY", "dayſ", "week", "weeK", "weeks", "month", "year", "YEAR",
    "years", "yesterday", "Today", "tonight", "tomorrow", "morning", "evening", "Evening",
    "afternoon", "before", "after", "following", "previous", "coming", "past", "will", "said",
    "told reporters", ",", ".", "x", "_", "é", "ſ", "İ", "\u212a", "\u0663", "٣5", "lunes",
    "hace", "años", "ayer", "mañana", "the day after", "this evening", "the previous day",
    "last  week", "next\tmonth", "following\u2003year", "in  -2021", "of 2020", "summer 1999",
    "5 May", "May 5", "the 5th of May", "Monday, May 5", "May 5, 2021", "“", "”", "\n",
]  # fmt: skip
_GLUE = [" ", " ", "  ", "", "\n", "-", "\u00a0", "\t", ",", "(", "“"]


def _odd_texts(seed: int, n: int = 4000) -> list[str]:
    import random

    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(1, 9))]
        texts.append("".join(w + rng.choice(_GLUE) for w in words))
    return texts


def test_regex_blanks_are_the_blanks_python_tells() -> None:
    """The anchor kinds step over blanks with str.isspace, letters with str.isalpha: the same
    characters as the patterns' \\s, and a superset of the letters IGNORECASE matches to
    a-z."""
    import re
    import sys

    space, word = re.compile(r"\s"), re.compile(r"(?i)[a-z]")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert (space.match(ch) is not None) == ch.isspace(), hex(cp)
        if word.match(ch):
            assert ch.isalpha(), hex(cp)


def test_anchors_on_lowered_text_are_the_plain_anchors() -> None:
    from analysis import dates

    checked = 0
    for text in _odd_texts(5) + ["May 5", "5 May", "\u0663 May", " may", "may"]:
        low = dates._ANCHOR_FOLDER.fold(text)
        want = [(m.start(), m.end(), m.lastgroup) for m in dates._ANCHOR.finditer(text)]
        assert dates._anchors(text) == want, text
        if low is not None:
            assert dates._anchors(text, low) == want, text
            checked += 1
    assert checked > 2000 and dates._ANCHOR_LED is not None


def test_english_anchor_kinds_change_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running each English pattern only near the anchors that call for it (the kinds told
    by the anchor and the characters next to it) finds the dates that running every
    pattern of the anchor's group finds."""
    from analysis import dates

    texts = _odd_texts(11)
    pubs = [dt.date(2024, 3, 15), None]
    got = [dates.find_dates(t, p, "en") for t in texts for p in pubs]
    monkeypatch.setattr(dates, "_en_kinds", lambda text, a, b, group: dates._ANCHOR_KINDS[group])
    want = [dates.find_dates(t, p, "en") for t in texts for p in pubs]
    assert got == want
    kinds = {(d.precision, d.role) for ds in want for d in ds}
    assert sum(map(len, want)) > 3000 and len(kinds) > 6


def test_until_and_since_checks_are_the_plain_searches() -> None:
    import random

    from analysis import dates

    rng = random.Random(17)
    pieces = _PIECES + ["until", "UNTIL", "till", "tıll", "untill", "through", "THROUGH"]
    pieces += ["to run to", "running to", "hasta", "Hasta el", "since", "ſince", "SINCE"]
    pieces += ["desde", "the", "\n", "  ", "é"]
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(_GLUE) for _ in range(rng.randint(1, 6)))
        before = text[-rng.randint(1, 25) :]
        until = dates._UNTIL.search(before) is not None
        since = dates._SINCE.search(before) is not None
        assert dates._until_before(before) == until, before
        assert dates._since_before(before) == since, before
        hits += until + since
    assert hits > 1000


def test_sentence_boundaries_are_the_plain_pattern() -> None:
    import re

    from analysis import dates

    plain = re.compile(r"[.!?][\"”’»)]?\s+(?=[A-Z¿¡\"“«])|\n")
    pieces = _PIECES + [".", "!", "?", ". ", '." ', ".” The", "?) ¿Qué", "!\n\nThe", ".\u00a0A"]
    import random

    rng = random.Random(23)
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice(_GLUE) for _ in range(rng.randint(1, 9)))
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in dates._BOUNDARY.finditer(text)] == want, text
        lo, hi = sorted(rng.randint(0, len(text)) for _ in range(2))
        want = [m.span() for m in plain.finditer(text, lo, hi)]
        assert [m.span() for m in dates._BOUNDARY.finditer(text, lo, hi)] == want, text
        found += len(want)
    assert found > 800


def test_led_searches_tell_what_the_plain_patterns_tell() -> None:
    import random
    import re

    from analysis import dates

    rng = random.Random(41)
    pieces = _PIECES + ["will", "won't", "they'll", " 'll", "it's due", "'s due", "is to"]
    pieces += ["comes into force", "scheduled", "planned", "se celebrará", "firmará", "xará"]
    pieces += ["said", "told  reporters", "told", "announced on", "dijo el", "señaló", "'"]
    pieces += ["unsaid", "_said", "1said", "ésaid", "said\n", "on\n", "ará", "erán", "-irá"]
    future = re.compile(dates._FUTURE_BODY)
    assert dates._FUTURE_LED is not None and dates._SAID_LED is not None
    told = {"future": 0, "said": 0, "verb": 0}
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(_GLUE) for _ in range(rng.randint(1, 7)))
        low = text.lower()
        pos, endpos = sorted(rng.randint(0, len(low)) for _ in range(2))
        if rng.random() < 0.5:  # up to the end, where said-before ends
            endpos = len(low)
        for name, led, plain in [
            ("future", dates._FUTURE_LED, future),
            ("said", dates._SAID_LED, dates._SAID_BEFORE_LOW),
        ]:
            want = plain.search(low, pos, endpos) is not None
            assert led.found(low, pos, endpos) == want, (name, low, pos, endpos)
            told[name] += want
        want = dates._FUTURE_VERB_LOW.search(low) is not None
        assert (dates._FUTURE_VERB_LED.search(low) is not None) == want, low
        told["verb"] += want
    assert min(told.values()) > 200
