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


# ------------------------------------------------------- dates counted from another date


def dated(text: str, published: dt.date, language: str = "en") -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Putin announced the step on February 21; a week later, he signed the law.", "en",
         ("a week later", "2023-02-28")),
        ("The vote came on March 3. Two days earlier the envoy had left.", "en",
         ("Two days earlier", "2023-03-01")),
        ("Russia left the treaty on November 7. Its allies answered a month later.", "en",
         ("a month later", "2022-12")),
        ("The treaty entered into force in 2011. Three years later, talks stalled.", "en",
         ("Three years later", "2014")),
        ("La ley se firmó el 28 de febrero. Una semana después, Moscú dejó de notificar.", "es",
         ("Una semana después", "2023-03-07")),
        ("Rusia completó su salida el 7 de noviembre. Cinco días antes, Putin firmó la ley.",
         "es", ("Cinco días antes", "2022-11-02")),
        ("La Duma votó el 26 de enero y el Senado aprobó la ley al día siguiente.", "es",
         ("al día siguiente", "2023-01-27")),
        # an event named just before, on the last day named: "five days before the exit"
        ("Russia completed its exit on November 7. NATO replied a month later. Five days "
         "before the exit, Putin had signed a law.", "en", ("Five days before", "2022-11-02")),
        # a period counted from the month just named, not from publication
        ("The leaders agreed in June to start talks. The first round came the following "
         "month.", "en", ("the following month", "2022-07")),
        ("Los líderes se reunieron en junio. Al mes siguiente empezaron las consultas.", "es",
         ("mes siguiente", "2022-07")),
        # a week counted from a day: the week's month, not a day
        ("The notes were exchanged on 3 February 2021; the following week, talks began.", "en",
         ("the following week", "2021-02")),
        ("Rusia lo anunció el 22 de marzo de 2021. La semana siguiente, respondió.", "es",
         ("La semana siguiente", "2021")),  # 29 March to 4 April: no one month
        ("The ban came on 8 August 2022; a year later, talks had still not resumed.", "en",
         ("a year later", "2023")),
    ],
)  # fmt: skip
def test_offsets_count_from_the_date_just_named(
    text: str, language: str, expected: tuple[str, str | None]
) -> None:
    published = dt.date(2023, 6, 2) if "2023" in str(expected[1]) else MONDAY
    found = dict(dated(text, published, language))
    assert expected[0] in found, found
    assert found[expected[0]] == expected[1]


def test_offsets_with_nothing_to_count_from_give_no_date() -> None:
    for text, lang in (("A week later, he signed the law.", "en"),
                       ("Dos días después, Moscú respondió.", "es"),
                       # a month counted from a month: the day is not known
                       ("Putin signed the decree in May; it took effect six months later.", "en"),
                       # an event never dated: which meeting?
                       ("The treaty was extended on June 20. The statement came a day after a "
                        "meeting of diplomats.", "en")):  # fmt: skip
        found = find_dates(text, MONDAY, lang)
        assert not [d for d in found if d.text.lower().endswith(("later", "después", "after"))]


def test_a_period_counts_from_a_date_not_from_another_period() -> None:
    # "the previous year" twice: both the year before publication, not one before the other
    text = "Talks froze for most of the previous year. They froze for most of the previous year."
    assert [d.value for d in find_dates(text, dt.date(2021, 5, 2))] == ["2020", "2020"]
    # and a date two sentences back is not what "the following month" counts from
    text = "They met in June. Nothing followed. Officials were silent. The next round came the "
    text += "following month."
    assert dated(text, dt.date(2021, 10, 1))[-1] == ("the following month", "2021-11")


def test_a_day_after_an_event_next_to_a_date_is_not_that_date_plus_one() -> None:
    # "said on Friday, a day after the treaty lapsed": the lapse was Thursday, which the
    # events module counts back itself; the dates module must not offer Saturday
    text = "The ministry said on Friday, a day after the treaty lapsed, that it would wait."
    assert dated(text, dt.date(2026, 2, 6)) == [("on Friday", "2026-02-06")]
    # and "days before the summit" in Spanish, the same
    text = "Lo dijo el 5 de mayo, dos días antes de la cumbre."
    assert dated(text, dt.date(2023, 6, 2), "es") == [("el 5 de mayo", "2023-05-05")]


def test_the_eve_is_the_day_before_the_day_it_precedes() -> None:
    # a range named before: the eve of its first day
    text = ("The commission was to meet in Cairo from Nov. 29 to Dec. 6. Russia called the "
            "session off on the eve of its opening.")  # fmt: skip
    assert dated(text, MONDAY)[-1] == ("the eve", "2022-11-28")
    # the day it precedes named after it, in the same sentence
    text = "Rusia aplazó la víspera de su apertura la reunión que debía empezar el 29 de noviembre."
    assert dated(text, MONDAY, "es")[0] == ("la víspera", "2022-11-28")
    # the eve of something never dated: no day
    assert dated("Russia pulled out on the eve of the talks.", MONDAY) == [("the eve", None)]
    # dated in the next sentence (and nothing before): the day before that day
    text = "Russia pulled out on the eve of the talks. They were to open in Cairo on Nov. 29."
    assert dated(text, MONDAY) == [("the eve", "2022-11-28"), ("Nov. 29", "2022-11-29")]
    # but a day named before it wins over one further on
    text = "On Nov. 20 the envoys met. On the eve of the talks, Moscow left. Talks opened Nov. 29."
    assert dated(text, MONDAY)[1] == ("the eve", "2022-11-19")


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        # "is also due": a plan ahead, as "is due" is
        ("Russia is also due to complete its exit on Tuesday.", "en", dt.date(2023, 11, 3),
         ("2023-11-07", "day")),
        ("The commission is still due to meet on Tuesday.", "en", dt.date(2023, 11, 3),
         ("2023-11-07", "day")),
        # the end of "the month": the publication's month (or the month the sentence names)
        ("Talks are set to resume at the end of the month.", "en", MONDAY, ("2022-12", "month")),
        ("By the end of the year the treaty may lapse.", "en", MONDAY, ("2022", "year")),
        ("Las consultas se reanudarán a finales de mes.", "es", MONDAY, ("2022-12", "month")),
        ("At the end of March, Washington stopped sharing data.", "en", dt.date(2023, 6, 2),
         ("2023-03", "month")),
        ("Moscú ya había suspendido a principios de agosto las inspecciones.", "es",
         dt.date(2022, 12, 1), ("2022-08", "month")),
        ("La prórroga quedará en vigor a principios de febrero.", "es", dt.date(2021, 1, 30),
         ("2021-02", "month")),
        ("Both sides stopped the exchanges by mid-2023.", "en", dt.date(2024, 1, 15),
         ("2023", "year")),
        ("Russia completed its withdrawal last November 7.", "en", dt.date(2024, 1, 15),
         ("2023-11-07", "day")),
        ("Putin lo propuso el pasado 22 de septiembre.", "es", dt.date(2026, 2, 6),
         ("2025-09-22", "day")),
        # a day with a year counted from publication
        ("Russia postponed the session on November 29 last year.", "en", MONDAY,
         ("2021-11-29", "day")),
        ("It was signed on 8 April of the previous year.", "en", MONDAY, ("2021-04-08", "day")),
        ("Rusia aplazó la sesión el 29 de noviembre del año pasado.", "es", MONDAY,
         ("2021-11-29", "day")),
        ("El plazo vence el 5 de febrero del año que viene.", "es", MONDAY,
         ("2023-02-05", "day")),
        # more ways of saying a step lies ahead
        ("Rusia también tiene previsto responder el viernes.", "es", MONDAY,
         ("2022-12-09", "day")),
        ("Moscow is poised to answer on Friday.", "en", MONDAY, ("2022-12-09", "day")),
        ("The agreement lapses on Friday.", "en", MONDAY, ("2022-12-09", "day")),
        ("The agreement lapsed on Friday.", "en", MONDAY, ("2022-12-02", "day")),
    ],
)  # fmt: skip
def test_plans_and_parts_of_periods(
    text: str, language: str, published: dt.date, expected: tuple[str, str]
) -> None:
    assert value(text, published, language) == expected


def test_end_of_the_month_named_in_the_same_sentence() -> None:
    text = "Talks failed in March, and at the end of the month the envoys went home."
    assert dated(text, dt.date(2023, 6, 2)) == [
        ("in March", "2023-03"),
        ("end of the month", "2023-03"),
    ]


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
# and the words of dates counted from another date, for the anchor checks
_COUNTING = [
    "later", "earlier", "afterwards", "LATER", "eve", "the eve of", "EVE", "end of", "of the",
    "of THIS", "a week later", "two days before,", "the end of the month", "before", "after",
    "end of this", "START OF THE", "turn of\u00a0this", "a day after the", "ago", "year",
]  # fmt: skip
_GLUE = [" ", " ", "  ", "", "\n", "-", "\u00a0", "\t", ",", "(", "“"]


def _odd_texts(seed: int, n: int = 4000, pieces: list[str] = _PIECES) -> list[str]:
    import random

    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 9))]
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
    extra = _odd_texts(6, 2000, _PIECES + _COUNTING)
    for text in _odd_texts(5) + extra + ["May 5", "5 May", "\u0663 May", " may", "may"]:
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

    texts = _odd_texts(11) + _odd_texts(12, 3000, _PIECES + _COUNTING)
    pubs = [dt.date(2024, 3, 15), None]
    got = [dates.find_dates(t, p, "en") for t in texts for p in pubs]
    monkeypatch.setattr(dates, "_en_kinds", lambda text, a, b, group: dates._ANCHOR_KINDS[group])
    want = [dates.find_dates(t, p, "en") for t in texts for p in pubs]
    assert got == want
    kinds = {(d.precision, d.role) for ds in want for d in ds}
    assert sum(map(len, want)) > 3000 and len(kinds) > 6
    counted = [d for ds in want for d in ds if d.text.lower().endswith(("later", "earlier"))]
    parts = [d for ds in want for d in ds if d.text.lower().startswith("end of")]
    assert len(counted) > 20 and len(parts) > 20


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
