"""Events found in article text: constructions, filters, dates, merging, Spanish."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.events import extract_events, find_events, mechanisms_mentioned

MONDAY = dt.date(2022, 12, 5)
THURSDAY = dt.date(2023, 3, 2)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def one(text: str, published: dt.date | None = MONDAY, language: str = "en") -> dict:
    found = find_events(text, published=published, language=language)
    assert len(found) == 1, found
    return found[0]


def kinds(text: str, published: dt.date | None = MONDAY, language: str = "en") -> list:
    return [
        (e["mechanism"], e["action"], e["date"])
        for e in find_events(text, published=published, language=language)
    ]


# --------------------------------------------------------------------------- constructions


def test_decision_to_ban_inspections_dated_by_its_month() -> None:
    ev = one("Moscow told Washington in September of its decision to ban American inspections.")
    assert (ev["mechanism"], ev["action"], ev["date"], ev["date_precision"]) == (
        "inspections",
        "ban",
        "2022-09",
        "month",
    )
    assert ev["actor"] == "Russia"


def test_postponed_consultative_commission() -> None:
    ev = one("Russia unilaterally postponed the session of the bilateral consultative commission.")
    assert (ev["mechanism"], ev["action"], ev["actor"]) == ("bcc", "postpone", "Russia")


def test_suspended_participation_in_the_treaty() -> None:
    ev = one("On February 21 Putin said Russia suspended its participation in New START.", THURSDAY)
    assert (ev["mechanism"], ev["action"], ev["date"], ev["treaty"]) == (
        "treaty",
        "suspend",
        "2023-02-21",
        "New START",
    )


def test_treaty_expired_on_a_weekday() -> None:
    ev = one("The arms treaty expired on Thursday, ending half a century of limits.", THURSDAY)
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("treaty", "expire", "2023-03-02")
    assert ev["actor"] == "Russia and United States"


def test_extension_until_a_date_keeps_the_end_date_apart() -> None:
    ev = one("The two presidents agreed to extend the treaty by five years until February 5, 2026.")
    assert (ev["mechanism"], ev["action"]) == ("treaty", "extend")
    assert ev["until"] == "2026-02-05"
    assert ev["date"] != "2026-02-05"


def test_withdrew_from_open_skies() -> None:
    # leaving a treaty is a treaty event, whichever treaty (crosscheck matches it with the
    # record's end of the Open Skies flights)
    ev = one("Washington withdrew from the Open Skies treaty in November 2020.")
    assert (ev["mechanism"], ev["action"], ev["treaty"], ev["date"]) == (
        "treaty",
        "withdraw",
        "Open Skies",
        "2020-11",
    )


def test_proposal_to_observe_limits() -> None:
    ev = one("Moscow proposed to observe the central limits for one year after the deadline.")
    assert (ev["mechanism"], ev["action"], ev["actor"]) == ("treaty", "propose", "Russia")


def test_ready_to_extend_is_a_proposal() -> None:
    ev = one("The ministry said Friday it was ready to extend the pact without conditions.")
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("treaty", "propose", "2022-12-02")


def test_resumed_inspections() -> None:
    ev = one("The two sides resumed inspections last month.", THURSDAY)
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("inspections", "resume", "2023-02")


def test_us_suspended_strategic_dialogue() -> None:
    ev = one("Washington suspended the strategic stability dialogue after the invasion.")
    assert (ev["mechanism"], ev["action"], ev["actor"]) == (
        "strategic_dialogue",
        "suspend",
        "United States",
    )
    assert ev["treaty"] is None


def test_data_exchange_and_notifications_stopped() -> None:
    assert kinds("Russia stopped data exchanges in January.", THURSDAY) == [
        ("data_exchange", "suspend", "2023-01")
    ]
    assert kinds("Moscow will no longer notify Washington of test launches.", THURSDAY) == [
        ("notifications", "suspend", "2023-03-02")
    ]


def test_future_meetings_are_other_bcc_events_dated_ahead() -> None:
    text = (
        "The two delegations will hold sessions in Vienna from March 3 to March 9 on "
        "the New START treaty."
    )
    assert kinds(text, dt.date(2022, 2, 20)) == [("bcc", "other", "2022-03-03")]


def test_passive_list_gives_one_event_per_mechanism() -> None:
    text = (
        "The envoy said on Wednesday that notifications, the exchange of data and all "
        "inspections under the treaty have been suspended."
    )
    got = kinds(text, THURSDAY)
    assert sorted(got) == [
        ("data_exchange", "suspend", "2023-03-01"),
        ("inspections", "suspend", "2023-03-01"),
        ("notifications", "suspend", "2023-03-01"),
    ]


def test_revoked_visas_of_inspectors_is_a_ban() -> None:
    ev = one(
        "Washington is revoking the visas it had granted to the Russian inspection teams.", THURSDAY
    )
    assert (ev["mechanism"], ev["action"], ev["actor"]) == ("inspections", "ban", "United States")


def test_covid_stoppage_is_a_pause() -> None:
    ev = one("Since 2020, inspections have been stopped because of COVID-19.")
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("inspections", "pause", "2020")


def test_law_suspending_the_treaty() -> None:
    ev = one("Putin signed the law suspending the treaty on February 28.", THURSDAY)
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("treaty", "suspend", "2023-02-28")


def test_before_a_date_gives_only_the_month() -> None:
    text = "Ahead of the talks planned for November 29, Moscow postponed the BCC session."
    assert kinds(text) == [("bcc", "postpone", "2022-11")]


# --------------------------------------------------------------------------- not events


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin has not suspended its participation in the treaty.",
        "Russia could suspend the data exchange if Washington insists.",
        "If the treaty expires, both sides will build up their forces.",
        "When the treaty expires, nothing will limit the arsenals.",
        "Officials fear Moscow might withdraw from the treaty.",
        "Has Russia suspended inspections?",
        "The suspended treaty remains a reference point.",
        "The inspectors were set to visit the bases, but the trip never happened.",
        "Washington refused to extend the treaty.",
        "Moscow threatened to withdraw from the pact.",
        "He spoke of the desire to resume inspections.",
        "Russia did not extend the moratorium.",
    ],
)
def test_negations_hypotheticals_and_plans_are_not_events(text: str) -> None:
    assert find_events(text, published=MONDAY) == []


def test_reported_would_is_an_event_but_conditional_would_is_not() -> None:
    reported = (
        "In his address on February 21, the president announced that Moscow would suspend "
        "its participation in the treaty."
    )
    assert kinds(reported, THURSDAY) == [("treaty", "suspend", "2023-02-21")]
    assert find_events("Russia would withdraw from the treaty if attacked.", published=MONDAY) == []


# --------------------------------------------------------------------------- dates and merging


def test_repeated_mention_is_one_event() -> None:
    text = (
        "Moscow froze inspections under the treaty in August.\n\n"
        "The envoy said the decision to freeze inspections was a response to visa problems."
    )
    got = find_events(text, published=MONDAY)
    assert [(e["mechanism"], e["action"], e["date"]) for e in got] == [
        ("inspections", "suspend", "2022-08")
    ]


def test_different_dates_stay_two_events() -> None:
    text = (
        "Putin announced the suspension on February 21. Russia suspended the treaty on "
        "February 28, and the government suspended the treaty again on March 3 in a decree."
    )
    dates = [e["date"] for e in find_events(text, published=dt.date(2023, 6, 1))]
    assert dates == ["2023-02-28", "2023-03-03"]


def test_quote_paragraph_takes_the_day_of_the_report_before_it() -> None:
    text = (
        "Earlier on Wednesday, the deputy minister spoke to reporters in Moscow.\n\n"
        '"Every format has been suspended for data exchange," he said.'
    )
    assert kinds(text, THURSDAY) == [("data_exchange", "suspend", "2023-03-01")]


def test_list_items_take_the_date_of_their_lead_in() -> None:
    text = (
        "The new rules from June 1 include:\n"
        "• Washington will no longer send notices on the movements of its bombers.\n"
        "• Washington will not provide telemetric information about test launches."
    )
    got = kinds(text, dt.date(2023, 6, 2))
    assert got == [
        ("notifications", "suspend", "2023-06-01"),
        ("data_exchange", "suspend", "2023-06-01"),
    ]


def test_past_aside_without_a_date_stays_undated() -> None:
    text = (
        "The minister spoke at a conference in Moscow on Monday about many subjects.\n\n"
        "The US suspended dialogue on arms control after the invasion."
    )
    got = find_events(text, published=MONDAY)
    assert [(e["mechanism"], e["date"], e["date_precision"]) for e in got] == [
        ("strategic_dialogue", None, "unknown")
    ]


def test_no_publication_date_means_no_relative_date() -> None:
    ev = one("Russia suspended inspections on Monday.", published=None)
    assert (ev["date"], ev["date_precision"]) == (None, "unknown")


def test_offsets_match_evidence() -> None:
    text = (
        "Intro line.\n\nRussia in turn informed Washington in August of its decision to ban "
        "US on-site inspections, citing sanctions."
    )
    for ev in find_events(text, published=MONDAY):
        assert text[ev["start"] : ev["end"]] == ev["evidence"]
        assert "ban US on-site inspections" in ev["evidence"]


# --------------------------------------------------------------------------- Spanish


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rusia suspendió las inspecciones en agosto.", ("inspections", "suspend", "2022-08")),
        (
            "Moscú aplazó la sesión de la Comisión Consultiva Bilateral el pasado 28 de noviembre.",
            ("bcc", "postpone", "2022-11-28"),
        ),
        ("El tratado Nuevo START expiró el jueves.", ("treaty", "expire", "2022-12-01")),
        (
            "Estados Unidos se retiró del Tratado de Cielos Abiertos en noviembre de 2020.",
            ("treaty", "withdraw", "2020-11"),
        ),
        ("Rusia propuso prorrogar el START III por un año.", ("treaty", "propose", None)),
        (
            "Ambos países acordaron prorrogar el tratado en febrero de 2021.",
            ("treaty", "extend", "2021-02"),
        ),
    ],
)
def test_spanish_constructions(text: str, expected: tuple) -> None:
    ev = one(text, language="es")
    assert (ev["mechanism"], ev["action"], ev["date"]) == expected


def test_spanish_negation_and_condition() -> None:
    for text in (
        "El Kremlin no suspendió su participación en el tratado.",
        "Si Washington no responde, Rusia podría retirarse del tratado.",
        "Si el tratado expira, crearemos otro.",
    ):
        assert find_events(text, published=MONDAY, language="es") == [], text


def test_spanish_dated_expiry_and_proposal_in_one_sentence() -> None:
    text = (
        "En septiembre de 2025, el mandatario dijo que Moscú está lista para seguir "
        "respetando los techos del tratado tras su expiración el 5 de febrero próximo."
    )
    got = sorted(kinds(text, dt.date(2026, 1, 20), "es"))
    assert got == [("treaty", "expire", "2026-02-05"), ("treaty", "propose", "2025-09")]


# --------------------------------------------------------------------------- topics, seed, frame


def test_mechanisms_mentioned() -> None:
    text = (
        "Inspections and the data exchange matter, the BCC too; strategic stability talks "
        "and notifications under New START."
    )
    assert mechanisms_mentioned(text) == [
        "inspections",
        "data_exchange",
        "bcc",
        "strategic_dialogue",
        "notifications",
        "treaty",
    ]
    assert mechanisms_mentioned("") == []
    # without a language both lexicons apply: a Spanish quote is tagged too
    assert mechanisms_mentioned("suspendió las inspecciones y el diálogo") == [
        "inspections",
        "strategic_dialogue",
    ]
    assert mechanisms_mentioned("las inspecciones del Nuevo START", "es") == [
        "inspections",
        "treaty",
    ]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article_events() -> None:
    path = next(SEED.glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    got = {(e["mechanism"], e["action"]): e for e in find_events(text, published=MONDAY)}
    assert got[("inspections", "ban")]["date"] == "2022-08"
    assert got[("bcc", "postpone")]["date"] == "2022-11"
    assert got[("treaty", "extend")]["until"] == "2026-02-05"
    assert ("strategic_dialogue", "suspend") in got
    assert len(got) == 4


def test_extract_events_frame() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "text": [
                "Russia suspended inspections in August.",
                "The treaty expired on Monday.",
            ],
            "published": pd.to_datetime(["2022-12-05", None]),
            "language": ["en", "en"],
            "title": [None, float("nan")],
        }
    )
    df = extract_events(articles)
    assert list(df["article_id"]) == ["a1", "a2"]
    assert str(df["date"].dtype) == "datetime64[ns]"
    assert df.loc[0, "date"] == pd.Timestamp("2022-08-01")
    assert df.loc[0, "date_label"] == "2022-08"
    assert pd.isna(df.loc[1, "date"]) and df.loc[1, "date_precision"] == "unknown"


def test_dated_noun_phrases_are_events_unless_hypothetical() -> None:
    pub = dt.date(2024, 3, 7)
    assert kinds("Since Russia's suspension of New START in February 2023, little moved.", pub) == [
        ("treaty", "suspend", "2023-02")
    ]
    ev = one("The US withdrawal from the INF Treaty in 2019 changed Europe.", pub)
    assert (ev["action"], ev["treaty"], ev["actor"]) == ("withdraw", "INF", "United States")
    assert (
        find_events("A possible extension of the treaty in 2026 is unlikely.", published=pub) == []
    )
    text = "The sides discussed the resumption of inspections in late November."
    assert find_events(text, published=pub) == []


def test_governor_with_a_date_between_it_and_the_verb() -> None:
    ev = one("The United States and Russia agreed in January 2021 to extend the pact.")
    assert (ev["action"], ev["date"], ev["actor"]) == (
        "extend",
        "2021-01",
        "Russia and United States",
    )


def test_law_approved_that_suspends() -> None:
    ev = one("The Duma approved a law suspending the treaty on February 22, 2023.")
    assert (ev["mechanism"], ev["action"], ev["date"], ev["actor"]) == (
        "treaty",
        "suspend",
        "2023-02-22",
        "Russia",
    )


def test_headline_line_takes_the_date_of_the_body() -> None:
    text = (
        "Russia suspends participation in New START treaty\n\n"
        "MOSCOW, Feb 21 (Wire) - President Vladimir Putin said on Tuesday that Russia was "
        "suspending its participation in the New START treaty."
    )
    got = find_events(text, published=dt.date(2023, 2, 22))
    assert [(e["mechanism"], e["action"], e["date"]) for e in got] == [
        ("treaty", "suspend", "2023-02-21")
    ]


def test_agreements_on_other_topics_are_not_treaty_events() -> None:
    pub = dt.date(2023, 8, 1)
    text = "Russia suspended its participation in the Black Sea grain agreement in July."
    assert find_events(text, published=pub) == []
    assert find_events("The Istanbul peace talks were postponed on Monday.", published=pub) == []
    assert kinds("Russia suspended its participation in the treaty in February.", pub) == [
        ("treaty", "suspend", "2023-02")
    ]


def test_appositive_participles_with_dates() -> None:
    text = (
        "Washington wanted to restart inspections, suspended since March 2020 because of "
        "the pandemic. El tratado, firmado en 2010 y prorrogado en 2021, expira en 2026."
    )
    got = kinds(text)
    assert ("inspections", "pause", "2020-03") in got
    es = kinds("El tratado, firmado en 2010 y prorrogado en 2021, expira en 2026.", language="es")
    assert es == [
        ("treaty", "sign", "2010"),
        ("treaty", "extend", "2021"),
        ("treaty", "expire", "2026"),
    ]


def test_range_end_is_not_the_event_date() -> None:
    text = (
        "La sesión, prevista en El Cairo del 29 de noviembre al 6 de diciembre, fue aplazada "
        "por la Comisión Consultiva Bilateral."
    )
    assert kinds(text, dt.date(2022, 11, 28), "es") == [("bcc", "postpone", "2022-11-29")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia notified the US on August 8 that its sites were exempted from inspections.",
            ("inspections", "ban", "2022-08-08"),
        ),
        (
            "The ministry announced on Aug. 8 that it was withdrawing its sites from inspections.",
            ("inspections", "ban", "2022-08-08"),
        ),
        (
            "On Feb. 21, 2022, the president announced the suspension of the treaty.",
            ("treaty", "suspend", "2022-02-21"),
        ),
        ("The US formally quit the INF treaty in August 2019.", ("treaty", "withdraw", "2019-08")),
    ],
)
def test_more_ways_of_saying_it(text: str, expected: tuple) -> None:
    ev = one(text)
    assert (ev["mechanism"], ev["action"], ev["date"]) == expected


def test_hedged_and_stopped_short_are_not_events() -> None:
    for text in (
        "The president said he would probably extend the treaty.",
        "Russia stopped short of withdrawing from the treaty.",
    ):
        assert find_events(text, published=MONDAY) == [], text


def test_a_day_after_shifts_the_reported_day() -> None:
    text = (
        "The spokesperson said on Friday, a day after the last treaty limiting the two "
        "arsenals lapsed, that no talks were planned."
    )
    ev = one(text, dt.date(2026, 2, 6))
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("treaty", "expire", "2026-02-05")


def test_report_day_merges_with_the_stated_date_of_the_same_event() -> None:
    text = (
        "Russia has banned American inspections under the treaty, the ministry says.\n\n"
        "Moscow banned the inspections in August, citing sanctions."
    )
    got = find_events(text, published=MONDAY)
    assert [(e["mechanism"], e["action"], e["date"]) for e in got] == [
        ("inspections", "ban", "2022-08")
    ]


def test_openness_and_meetings_held() -> None:
    pub = dt.date(2023, 3, 2)
    assert kinds("Moscow remains open to talks on strategic stability.", pub) == [
        ("strategic_dialogue", "propose", "2023-03-02")
    ]
    assert kinds("The BCC session took place in Geneva in October 2021.", pub) == [
        ("bcc", "other", "2021-10")
    ]
    assert kinds("The next BCC session will be held in Geneva next week.", pub) == [
        ("bcc", "other", "2023-03")
    ]
    assert find_events("The president held a press conference on Monday.", published=pub) == []
    es = "La sesión de la Comisión Consultiva Bilateral se celebrará en Ginebra el 10 de marzo."
    assert kinds(es, pub, "es") == [("bcc", "other", "2023-03-10")]


PIECES = [
    "Russia suspended inspections",
    " on Monday",
    " in August",
    ", and",
    " the treaty expired",
    " if the US",
    " could",
    " not",
    "\n\n",
    "• ",
    '"',
    " said that",
    " the BCC session was postponed",
    " until February 5, 2026",
    " Moscú aplazó la reunión",
    " el 5 de febrero",
    ".",
    " 1,550 warheads",
    " Nov. 29",
    " ready to extend",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.sampled_from(["en", "es"]))
def test_any_text_gives_well_formed_events(pieces: list[str], language: str) -> None:
    text = "".join(pieces)
    for ev in find_events(text, published=MONDAY, language=language):
        assert text[ev["start"] : ev["end"]] == ev["evidence"]
        assert ev["date_precision"] in ("day", "month", "year", "unknown")
        assert (ev["date"] is None) == (ev["date_precision"] == "unknown")


# --------------------------------------------------------------------------- held-out fixes

PUB = dt.date(2023, 6, 2)  # a Friday


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # lexicon: progressive "exempting", "on hold", "withholding", the commission "met"
        ("Moscow said on Monday it was temporarily exempting its sites from inspections.", "en",
         ("inspections", "ban", "2023-05-29")),
        ("Inspections have been on hold since March 2020 because of the pandemic.", "en",
         ("inspections", "pause", "2020-03")),
        ("Washington responded in March by withholding its biannual data update.", "en",
         ("data_exchange", "suspend", "2023-03")),
        ("The consultative commission last met in October 2021.", "en",
         ("bcc", "other", "2021-10")),
        ("The two delegations concluded the session of the BCC in Geneva last Friday.", "en",
         ("bcc", "other", "2023-05-26")),
        ("Las inspecciones estaban paralizadas desde 2020 por la pandemia.", "es",
         ("inspections", "pause", "2020")),
        # cessation: "has not provided", "declined to provide", Spanish reported future
        ("In March the United States declined to provide its data update to Russia.", "en",
         ("data_exchange", "suspend", "2023-03")),
        ("En mayo, Rusia dijo que dejaría de facilitar notificaciones a Washington.", "es",
         ("notifications", "suspend", "2023-05")),
        ("En marzo, Washington se negó a entregar su paquete de datos semestral.", "es",
         ("data_exchange", "suspend", "2023-03")),
        # visas of inspectors, Spanish and progressive
        ("El jueves, Washington revocó los visados de los inspectores rusos.", "es",
         ("inspections", "ban", "2023-06-01")),
        # ratification revoked, whoever's
        ("In November Putin signed a law revoking the country's ratification of the CTBT.", "en",
         ("treaty", "withdraw", "2022-11")),
        # Open Skies is the flights regime
        ("En 2020, EE.UU. se retiró del Tratado de Cielos Abiertos.", "es",
         ("treaty", "withdraw", "2020")),
    ],
)  # fmt: skip
def test_held_out_constructions(text: str, language: str, expected: tuple) -> None:
    assert expected in kinds(text, PUB, language)


def test_has_not_provided_data_and_notifications_are_cessations() -> None:
    text = (
        "Since its suspension of the treaty in February, Russia has refused to provide "
        "notifications and has not provided its biannual data."
    )
    got = kinds(text, PUB)
    assert ("notifications", "suspend", "2023-02") in got
    assert ("data_exchange", "suspend", "2023-02") in got


def test_progressive_visa_revocation_takes_the_report_day() -> None:
    ev = one("The United States is revoking visas issued to Russian inspectors.", PUB)
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("inspections", "ban", "2023-06-02")


def test_tampoco_with_a_future_is_a_cessation() -> None:
    text = "Estados Unidos anunció este jueves que tampoco facilitará datos de telemetría."
    assert kinds(text, PUB, "es") == [("data_exchange", "suspend", "2023-06-01")]


def test_made_that_offer_in_a_month() -> None:
    text = "Putin made that offer in September, saying Moscow would stick to the caps."
    assert kinds(text, dt.date(2026, 2, 6)) == [("treaty", "propose", "2025-09")]


def test_not_received_is_no_cessation() -> None:
    text = "Washington has not received any notification from Moscow about the change."
    assert kinds(text, PUB) == []


def test_that_after_a_preposition_is_a_determiner() -> None:
    text = "Inspections under that treaty have been on hold since March 2020 due to the pandemic."
    assert kinds(text, PUB) == [("inspections", "pause", "2020-03")]


def test_a_proposal_takes_its_mechanism_from_its_object_only() -> None:
    text = "Russia told them it had postponed the meeting and would propose new dates."
    assert ("bcc", "propose", None) not in kinds(text, PUB)
    assert not [k for k in kinds(text, PUB) if k[1] == "propose"]
    text = "Moscow has proposed to extend it, while Washington wants China to join any talks."
    assert [k[:2] for k in kinds(text, PUB)] == [("treaty", "propose")]


def test_wire_dateline_day_yields_to_the_reported_day() -> None:
    text = (
        "WASHINGTON, March 1 (Reuters) - The United States has suspended its strategic "
        "stability dialogue with Russia, a spokesperson said last Friday."
    )
    assert kinds(text, dt.date(2022, 3, 1)) == [("strategic_dialogue", "suspend", "2022-02-25")]
    text = (
        "Moscú, 29 nov (Prensa Latina) Rusia aplazó la reunión de la Comisión Consultiva "
        "Bilateral, que debía celebrarse este martes, informó Washington el pasado lunes."
    )
    assert kinds(text, dt.date(2022, 11, 29), "es") == [("bcc", "postpone", "2022-11-28")]


def test_clitic_infinitive_after_a_proposal() -> None:
    text = "En enero, Moscú propuso prorrogarlo sin condiciones."
    assert kinds(text, PUB, "es") == [("treaty", "propose", "2023-01")]


def test_pronoun_subject_of_an_expiry_is_the_treaty() -> None:
    text = "New START entered into force in 2011. It is set to expire on February 5, 2021."
    assert ("treaty", "expire", "2021-02-05") in kinds(text, dt.date(2020, 4, 2))


def test_a_decision_still_to_be_taken_is_no_event() -> None:
    text = "The law says the decision to resume participation will be taken by the president."
    assert kinds(text, PUB) == []


def test_coordinated_verbs_each_keep_their_own_object() -> None:
    text = (
        "It withdrew from the Intermediate-Range Nuclear Forces Treaty in August 2019 and "
        "pulled out of the Open Skies Treaty last November."
    )
    got = kinds(text, dt.date(2021, 2, 4))
    assert ("treaty", "withdraw", "2019-08") in got
    assert ("treaty", "withdraw", "2020-11") in got


def test_past_proposal_without_a_date_stays_undated() -> None:
    assert kinds("Rusia propuso prorrogar el START III por un año.", PUB, "es") == [
        ("treaty", "propose", None)
    ]


def test_a_date_after_another_event_verb_is_that_events() -> None:
    text = (
        "Russia is prepared to keep to the limits for a year after the treaty expires on "
        "February 5, 2026, Putin said on Monday."
    )
    got = kinds(text, dt.date(2025, 9, 22))
    assert ("treaty", "propose", "2025-09-22") in got
    assert ("treaty", "expire", "2026-02-05") in got


def test_reported_day_is_not_merged_into_an_older_stated_date() -> None:
    text = (
        "Russia has formally withdrawn from the CFE treaty, the ministry said on Tuesday. "
        "Putin signed a decree denouncing the treaty in May, and the withdrawal took effect "
        "six months later."
    )
    got = kinds(text, dt.date(2023, 11, 7))
    assert ("treaty", "withdraw", "2023-11-07") in got
    assert ("treaty", "withdraw", "2023-05") in got
    assert not [k for k in got if k[1] == "enter_into_force"]


def test_the_topic_of_postponed_talks_is_not_postponed() -> None:
    text = (
        "Russia has put off talks with the United States on resuming inspections under the "
        "New START treaty, the State Department said Monday."
    )
    assert [k[:2] for k in kinds(text, dt.date(2022, 11, 29))] == [("bcc", "postpone")]


def test_a_second_verb_keeps_its_own_object_in_spanish() -> None:
    text = (
        "EE.UU. anunció en junio que dejaría de facilitar notificaciones y revocó los visados "
        "de los inspectores rusos."
    )
    got = kinds(text, PUB, "es")
    assert ("notifications", "suspend", "2023-06") in got
    assert ("inspections", "ban", "2023-06") in got
    assert ("inspections", "suspend", "2023-06") not in got


def test_suggestion_of_what_might_happen_is_not_a_proposal() -> None:
    text = "Some lawmakers have suggested Russia might revoke its ratification of the CTBT."
    assert kinds(text, PUB) == []


def test_governor_across_a_prepositional_phrase() -> None:
    text = (
        "Putin y Biden acordaron este martes durante una conversación telefónica prorrogar el "
        "tratado START III."
    )
    assert kinds(text, dt.date(2021, 1, 27), "es") == [("treaty", "extend", "2021-01-26")]


def test_relative_clause_actor_is_its_antecedent() -> None:
    text = (
        "The step mirrors the position of the United States, which signed the CTBT in 1996 "
        "but never ratified it. Russia signed the CTBT in 1996."
    )
    found = find_events(text, published=PUB)
    assert sorted(e["actor"] for e in found if e["action"] == "sign") == [
        "Russia",
        "United States",
    ]


def test_possessive_extension_with_a_date() -> None:
    text = "The New START treaty was signed in 2010. Its extension in 2021 keeps it in force."
    assert ("treaty", "extend", "2021") in kinds(text, PUB)


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # "the following day" after a named day
        ("Washington suspended its obligations under the INF treaty on February 1. Russia "
         "suspended its own obligations the following day.", dt.date(2019, 8, 2), "en",
         ("treaty", "suspend", "2019-02-02")),
        # a nominal subject of "take effect" is the event
        ("Russia's withdrawal from the Treaty on Open Skies will take effect on December 18.",
         dt.date(2021, 6, 18), "en", ("treaty", "withdraw", "2021-12-18")),
        # "the treaty" in an article about Open Skies
        ("The Open Skies Treaty allowed observation flights. Putin signed the law on "
         "denouncing the treaty on June 7.", dt.date(2021, 6, 18), "en",
         ("treaty", "withdraw", "2021-06-07")),
        # a round of talks that ended
        ("The second round of the strategic stability dialogue ended in Geneva on Sept. 30.",
         dt.date(2021, 10, 7), "en", ("strategic_dialogue", "other", "2021-09-30")),
        # "llevaban paralizadas desde"
        ("Las inspecciones llevaban paralizadas desde 2020 a causa de la pandemia.",
         dt.date(2022, 8, 9), "es", ("inspections", "pause", "2020")),
        # a clitic object of an extension
        ("El START III se firmó en 2010. En 2021 ambos países acordaron prorrogarlo.",
         dt.date(2022, 8, 9), "es", ("treaty", "extend", "2021")),
        # a date between "firmó" and "la ley"
        ("Putin firmó este jueves la ley que revoca la ratificación del TPCE.",
         dt.date(2023, 11, 2), "es", ("treaty", "withdraw", "2023-11-02")),
        # a long treaty name between a dated noun and its date
        ("El diálogo se interrumpió tras la retirada de Washington del Tratado sobre Fuerzas "
         "Nucleares de Alcance Intermedio en 2019.", dt.date(2021, 7, 29), "es",
         ("treaty", "withdraw", "2019")),
        # the treaty's implementation body
        ("The delegations resumed work in the treaty's implementation body in October.",
         dt.date(2021, 10, 20), "en", ("bcc", "resume", "2021-10")),
        # sessions held by the dialogue
        ("The dialogue had held two rounds and an extraordinary session in January.",
         dt.date(2022, 3, 1), "en", ("strategic_dialogue", "other", "2022-01")),
    ],
)  # fmt: skip
def test_second_held_out_batch(
    text: str, published: dt.date, language: str, expected: tuple
) -> None:
    assert expected in kinds(text, published, language)


def test_two_treaties_left_in_one_sentence_stay_two_events() -> None:
    text = (
        "En noviembre, Rusia revocó la ratificación del TPCE y se retiró del Tratado FACE "
        "sobre fuerzas convencionales."
    )
    found = find_events(text, published=dt.date(2024, 2, 21), language="es")
    assert sorted(e["treaty"] for e in found if e["action"] == "withdraw") == ["CFE", "CTBT"]


def test_signed_not_extended_by_the_law_date() -> None:
    text = "Putin firmó este jueves la ley que revoca la ratificación del TPCE."
    assert not [k for k in kinds(text, dt.date(2023, 11, 2), "es") if k[1] == "sign"]


def test_announced_step_is_not_merged_into_an_older_refusal() -> None:
    text = (
        "Washington se había negado en marzo a entregar su paquete de datos semestral. "
        "El Departamento de Estado anunció este jueves que tampoco facilitará datos de "
        "telemetría."
    )
    got = kinds(text, PUB, "es")
    assert ("data_exchange", "suspend", "2023-03") in got
    assert ("data_exchange", "suspend", "2023-06-01") in got


def test_next_round_in_an_article_about_the_dialogue() -> None:
    text = (
        "Rusia y EE.UU. reanudaron el diálogo sobre estabilidad estratégica. La próxima ronda "
        "se celebrará en septiembre."
    )
    assert ("strategic_dialogue", "other", "2021-09") in kinds(text, dt.date(2021, 7, 29), "es")
    # without the dialogue in the article, a bare "round" names no mechanism
    assert kinds("La próxima ronda se celebrará en septiembre.", dt.date(2021, 7, 29), "es") == []


def test_would_not_give_up_is_no_cessation() -> None:
    text = (
        "Ryabkov said Moscow would not give up its new weapons and that the strategic "
        "stability talks should cover missile defence."
    )
    assert kinds(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # data named by its content, not by "data exchange"
        ("The United States will stop sharing some data on its nuclear forces under New START.",
         dt.date(2023, 3, 29), "en", ("data_exchange", "suspend", "2023-03-29")),
        ("Officials said the U.S. would not provide Russia with the biannual update that the "
         "treaty requires.", dt.date(2023, 3, 29), "en",
         ("data_exchange", "suspend", "2023-03-29")),
        # perfect refusal to hand over figures takes the report's day
        ("Moscow has refused to hand over its own figures.", dt.date(2023, 3, 29), "en",
         ("data_exchange", "suspend", "2023-03-29")),
        # a meeting called off by its consultative body
        ("A meeting of the treaty's consultative body, scheduled for late November, was called "
         "off by Moscow.", dt.date(2023, 3, 29), "en", ("bcc", "postpone", "2022-11")),
        # "previsto para" joins a noun to its own date
        ("Rusia respetará los límites tras su vencimiento, previsto para el 5 de febrero de 2026.",
         dt.date(2025, 9, 23), "es", ("treaty", "expire", "2026-02-05")),
        # "acordaron a finales de marzo interrumpir"
        ("Ambos países acordaron a finales de marzo interrumpir las inspecciones por la pandemia.",
         dt.date(2020, 5, 5), "es", ("inspections", "pause", "2020-03")),
        # "ha ofrecido prorrogarlo"
        ("El tratado Nuevo START expira en 2021. Rusia ha ofrecido prorrogarlo sin condiciones.",
         dt.date(2020, 5, 5), "es", ("treaty", "propose", "2020-05-05")),
    ],
)  # fmt: skip
def test_third_held_out_batch(
    text: str, published: dt.date, language: str, expected: tuple
) -> None:
    assert expected in kinds(text, published, language)


def test_such_information_since_a_suspension_is_not_a_data_exchange() -> None:
    text = "Russia has not shared such information since it suspended the treaty on February 28."
    assert [k for k in kinds(text, dt.date(2023, 6, 2)) if k[0] == "data_exchange"] == []


def test_the_commission_in_an_article_about_the_bcc() -> None:
    text = (
        "Russia postponed the session of the Bilateral Consultative Commission. The commission "
        "last met in October 2021 in Geneva."
    )
    assert ("bcc", "other", "2021-10") in kinds(text, dt.date(2022, 11, 29))
    # elsewhere a commission is not a treaty body
    assert kinds("The commission last met in October 2021 in Brussels.", MONDAY) == []


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        # an object relative clause: what was acted on is the noun before ", which"/", que"
        ("The inspections, which both governments paused in April 2020 over the virus, never "
         "restarted.", dt.date(2021, 1, 4), "en", ("inspections", "pause", "2020-04")),
        ("El acuerdo, que ambas capitales prorrogaron en enero, sigue vigente.",
         dt.date(2021, 6, 1), "es", ("treaty", "extend", "2021-01")),
    ],
)  # fmt: skip
def test_object_relative_clause_takes_its_antecedent(
    text: str, published: dt.date, language: str, expected: tuple
) -> None:
    assert expected in kinds(text, published, language)


def test_subject_relative_clause_keeps_its_object() -> None:
    # ", which suspended the dialogue": the subject is the antecedent, the object follows
    text = "The United States, which suspended the dialogue in March 2022, now wants talks."
    assert ("strategic_dialogue", "suspend", "2022-03") in kinds(text, dt.date(2022, 9, 1))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "rubricar", "suscribir": to sign
        ("El pacto, rubricado en Viena en mayo de 2012, sigue sin aplicarse.",
         dt.date(2014, 3, 3), ("treaty", "sign", "2012-05")),
        ("Ambos gobiernos suscribieron el tratado en 2012.", dt.date(2014, 3, 3),
         ("treaty", "sign", "2012")),
        # "cuya vigencia termina": the treaty expires
        ("El acuerdo, cuya vigencia termina en marzo, no será renovado.", dt.date(2014, 1, 8),
         ("treaty", "expire", "2014-03")),
        # "quedó en suspenso": suspended
        ("El tratado quedó en suspenso en 2013.", dt.date(2014, 1, 8),
         ("treaty", "suspend", "2013")),
        # "retomaron": resumed
        ("Las dos delegaciones retomaron las inspecciones en octubre.", dt.date(2014, 1, 8),
         ("inspections", "resume", "2013-10")),
    ],
)  # fmt: skip
def test_spanish_sign_expire_suspend_resume_forms(
    text: str, published: dt.date, expected: tuple
) -> None:
    assert expected in kinds(text, published, "es")


def test_agent_after_por_parte_de() -> None:
    ev = one("El tratado quedó en suspenso por parte de Moscú en 2013.", dt.date(2014, 1, 8), "es")
    assert (ev["actor"], ev["action"]) == ("Russia", "suspend")


def test_reduced_relative_participle_takes_the_noun_before_the_comma() -> None:
    # in an article about the commission, "the talks" would otherwise be a BCC session
    text = (
        "The Bilateral Consultative Commission did not meet. The envoys wanted to use the "
        "talks to raise the restart of inspections, frozen by Moscow in May."
    )
    assert ("inspections", "suspend", "2014-05") in kinds(text, dt.date(2014, 9, 1))
    assert ("bcc", "suspend", "2014-05") not in kinds(text, dt.date(2014, 9, 1))


def test_passive_subject_after_a_coordination() -> None:
    text = (
        "Moscú no acepta inspecciones, y la reunión de la Comisión Consultiva Bilateral fue "
        "aplazada en mayo."
    )
    found = kinds(text, dt.date(2014, 9, 1), "es")
    assert ("bcc", "postpone", "2014-05") in found
    assert [k for k in found if k[:2] == ("inspections", "postpone")] == []


def test_dated_nominal_keeps_its_by_agent_apart_from_another_partys_step() -> None:
    text = (
        "The suspension of the treaty by Moscow in 2009 had emptied it. NATO allies said on "
        "Monday that they would suspend the treaty too."
    )
    found = find_events(text, published=dt.date(2014, 3, 3))
    pairs = {(e["actor"], e["action"], e["date"]) for e in found}
    assert ("Russia", "suspend", "2009") in pairs
    assert any(a == "NATO" and act == "suspend" for a, act, _ in pairs)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The suspension of the inspections, announced by the Kremlin in March 2013, stands.",
         "en"),
        ("La suspensión de las inspecciones, anunciada por el Kremlin en marzo de 2013, sigue.",
         "es"),
    ],
)  # fmt: skip
def test_nominal_dated_through_announced_by(text: str, language: str) -> None:
    # ", announced by X in <date>": the date is the noun's own
    found = find_events(text, published=dt.date(2014, 3, 3), language=language)
    assert [(e["mechanism"], e["action"], e["date"], e["actor"]) for e in found] == [
        ("inspections", "suspend", "2013-03", "Russia")
    ]


def test_nominal_not_dated_through_any_relative_clause() -> None:
    text = "The suspension of the inspections, which many regretted in 2013, stands."
    assert kinds(text, dt.date(2014, 3, 3)) == []


def test_spanish_commitment_to_keep_limits_is_a_proposal() -> None:
    text = "Moscú se compromete a seguir respetando los límites del tratado si Washington lo hace."
    assert ("treaty", "propose", "2014-03-03") in kinds(text, dt.date(2014, 3, 3), "es")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Moscow is ready to keep the limits for a year, after the deadline, the president "
         "said at a meeting of the Security Council on the treaty.", "en"),
        ("Rusia está dispuesta a seguir respetando durante un año, tras el plazo, los límites, "
         "dijo el presidente en una reunión del Consejo de Seguridad sobre el tratado.", "es"),
    ],
)  # fmt: skip
def test_a_named_bodys_meeting_is_not_a_bcc_session(text: str, language: str) -> None:
    found = [k[:2] for k in kinds(text, dt.date(2014, 3, 3), language)]
    assert found == [("treaty", "propose")]


def test_the_commissions_own_meeting_stays_a_bcc_session() -> None:
    text = "The meeting of the Bilateral Consultative Commission was postponed in May."
    assert ("bcc", "postpone", "2014-05") in kinds(text, dt.date(2014, 9, 1))


def test_signed_into_law_the_revocation_of_ratification() -> None:
    text = "The president signed into law the revocation of the ratification of the treaty in 2014."
    assert kinds(text, dt.date(2015, 1, 5)) == [("treaty", "withdraw", "2014")]


@pytest.mark.parametrize(
    "text",
    [
        "Las delegaciones han vuelto a reunirse este lunes para hablar de estabilidad estratégica.",
        "La Comisión Consultiva Bilateral volvió a reunirse en marzo.",
    ],
)
def test_volver_a_reunirse_is_a_resumption(text: str) -> None:
    found = [k[1] for k in kinds(text, dt.date(2014, 3, 3), "es")]
    assert found == ["resume"]


def test_volver_a_reunirse_needs_a_treaty_body() -> None:
    assert kinds("Los ministros volvieron a reunirse en Viena.", dt.date(2014, 3, 3), "es") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "acabar de" + infinitive: has just done it (the report's day)
        ("Moscú acaba de suspender las inspecciones del tratado.",
         ("inspections", "suspend", "2014-03-03")),
        # "ir a" + infinitive: an announced step
        ("Washington va a suspender el intercambio de datos del tratado.",
         ("data_exchange", "suspend", "2014-03-03")),
        # "haber dejado de": has stopped
        ("Moscú ha dejado de enviar notificaciones del tratado desde enero.",
         ("notifications", "suspend", "2014-01")),
    ],
)  # fmt: skip
def test_spanish_periphrases(text: str, expected: tuple) -> None:
    assert expected in kinds(text, dt.date(2014, 3, 3), "es")


def test_negated_ir_a_is_no_step() -> None:
    assert kinds("Rusia no va a suspender el tratado.", dt.date(2014, 3, 3), "es") == []


@pytest.mark.parametrize(
    "text",
    [
        "The government said it was pulling out of the treaty in May.",
        "The government is quitting the treaty in May, the ministry said.",
    ],
)
def test_progressive_withdrawal_forms(text: str) -> None:
    assert ("treaty", "withdraw", "2014-05") in kinds(text, dt.date(2014, 5, 20))


def test_a_gerund_subject_is_no_withdrawal() -> None:
    assert kinds("Exiting the treaty was a mistake, analysts said.", dt.date(2014, 5, 20)) == []


def test_gerunds_in_a_list_of_steps() -> None:
    text = (
        "The steps announced on Monday: revoking visas of the treaty inspectors; withholding "
        "notifications under the treaty."
    )
    found = kinds(text, dt.date(2014, 3, 5))
    assert ("inspections", "ban", "2014-03-03") in found
    assert ("notifications", "suspend", "2014-03-03") in found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # an object pronoun takes what the sentence before names
        ("The inspections were banned in May. The government resumed them in July.", "en",
         ("inspections", "resume", "2013-07")),
        ("El acuerdo es el último vigente. El Gobierno lo suspendió en julio.", "es",
         ("treaty", "suspend", "2013-07")),
        ("Las inspecciones fueron prohibidas en mayo. El Gobierno las reanudó en julio.", "es",
         ("inspections", "resume", "2013-07")),
    ],
)  # fmt: skip
def test_object_pronoun_takes_the_previous_sentences_mechanism(
    text: str, language: str, expected: tuple
) -> None:
    assert expected in kinds(text, dt.date(2013, 9, 2), language)


def test_object_pronoun_without_a_treaty_in_sight_is_no_event() -> None:
    assert kinds("The rally was loud. Police stopped it in July.", dt.date(2013, 9, 2)) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Feb. 21 suspension of the inspections angered the other side.", "en"),
        ("El pasado 21 de febrero, Putin anunció la suspensión del régimen de inspecciones.", "es"),
    ],
)
def test_dated_suspension_noun_with_the_date_before_it(text: str, language: str) -> None:
    assert ("inspections", "suspend", "2013-02-21") in kinds(text, dt.date(2013, 5, 6), language)


def test_a_year_before_an_unrelated_noun_is_no_event() -> None:
    assert kinds("Since 2012 suspension talks have stalled.", dt.date(2013, 5, 6)) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("El Gobierno notificó su salida del Nuevo START. La retirada se hará efectiva el 1 de "
         "julio, informó la Cancillería.", "es", ("treaty", "withdraw", "2013-07-01")),
        ("La salida del país del tratado se hizo efectiva el lunes.", "es",
         ("treaty", "withdraw", "2013-05-06")),
        ("El acuerdo entra en vigor el viernes.", "es",
         ("treaty", "enter_into_force", "2013-05-10")),
        ("The treaty comes into force on Friday.", "en",
         ("treaty", "enter_into_force", "2013-05-10")),
        ("The government will leave the treaty in July.", "en", ("treaty", "withdraw", "2013-07")),
    ],
)  # fmt: skip
def test_taking_effect_and_leaving(text: str, language: str, expected: tuple) -> None:
    assert expected in kinds(text, dt.date(2013, 5, 6), language)


def test_imperative_leave_is_no_withdrawal() -> None:
    assert kinds("Leave the treaty alone, he said.", dt.date(2013, 5, 6)) == []


# --------------------------------------------------------------------------- batch h47-h54


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("On Thursday the visas of the Russian inspection teams were revoked.", "en", "2023-03-02"),
        ("Visas for the Russian inspectors have been cancelled, officials said.", "en", None),
        ("El martes, los visados de los inspectores rusos fueron revocados.", "es", "2023-02-28"),
    ],
)
def test_passive_revocation_of_inspectors_visas_is_a_ban(
    text: str, language: str, date: str | None
) -> None:
    ev = one(text, THURSDAY, language)
    assert (ev["mechanism"], ev["action"]) == ("inspections", "ban")
    if date:
        assert ev["date"] == date


def test_passive_visa_revocation_needs_inspectors() -> None:
    assert kinds("The visas of two journalists were revoked on Thursday.", THURSDAY) == []


def test_meeting_that_was_to_have_happened_is_not_a_session_held() -> None:
    text = "The Bilateral Consultative Commission was to have met in Cairo on November 29."
    assert kinds(text) == []
    assert kinds("The Bilateral Consultative Commission met in Cairo on November 29.") == [
        ("bcc", "other", "2022-11-29")
    ]


def test_spanish_announced_suspension_with_a_date_between() -> None:
    ev = one("Moscú anunció en febrero la suspensión del tratado Nuevo START.", THURSDAY, "es")
    assert (ev["mechanism"], ev["action"], ev["date"]) == ("treaty", "suspend", "2023-02")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El tratado pierde su vigencia este jueves.", ("treaty", "expire", "2026-02-05")),
        ("El pacto, suscrito en Praga en abril de 2010, era clave.", ("treaty", "sign", "2010-04")),
        (
            "Putin había ofrecido en septiembre respetar los límites del tratado.",
            ("treaty", "propose", "2025-09"),
        ),
        (
            "Moscú ha propuesto en enero mantener los límites del tratado.",
            ("treaty", "propose", "2026-01"),
        ),
        (
            "Rusia ha excluido sus instalaciones de las inspecciones del Nuevo START.",
            ("inspections", "ban", "2026-02-05"),
        ),
        (
            "La Comisión Consultiva Bilateral celebró su última reunión en octubre de 2021.",
            ("bcc", "other", "2021-10"),
        ),
    ],
)
def test_spanish_participles_and_set_phrases(text: str, expected: tuple) -> None:
    assert kinds(text, dt.date(2026, 2, 5), "es") == [expected]


def test_spanish_proposal_noun_is_no_trigger() -> None:
    assert kinds("La propuesta rusa sobre el tratado sigue sobre la mesa.", language="es") == []


def test_test_ban_treaty_named_in_words() -> None:
    text = (
        "Putin signed a law revoking Russia's ratification of the global nuclear test ban treaty."
    )
    ev = one(text, dt.date(2023, 11, 3))
    assert (ev["action"], ev["treaty"]) == ("withdraw", "CTBT")


def test_law_signed_later_takes_the_event_named_before() -> None:
    text = (
        "Russia suspended its participation in New START on February 21. "
        "President Vladimir Putin signed the law a week later."
    )
    assert sorted(kinds(text, dt.date(2023, 3, 2))) == [
        ("treaty", "suspend", "2023-02-21"),
        ("treaty", "suspend", "2023-02-28"),
    ]


def test_spanish_backreferences_take_their_own_dates() -> None:
    text = (
        "Putin firmó este martes la ley que suspende la participación rusa en el Nuevo START. "
        "Putin había anunciado la medida el 21 de febrero. "
        "La Duma aprobó el proyecto al día siguiente."
    )
    assert sorted(kinds(text, dt.date(2023, 3, 1), "es")) == [
        ("treaty", "suspend", "2023-02-21"),
        ("treaty", "suspend", "2023-02-22"),
        ("treaty", "suspend", "2023-02-28"),
    ]


def test_announced_suspension_without_object_is_the_articles_treaty() -> None:
    text = (
        "The INF treaty is in trouble. Secretary of State Mike Pompeo announced the U.S. "
        "suspension on Friday."
    )
    ev = one(text, dt.date(2019, 2, 4))
    assert (ev["mechanism"], ev["action"], ev["date"], ev["actor"], ev["treaty"]) == (
        "treaty",
        "suspend",
        "2019-02-01",
        "United States",
        "INF",
    )


def test_completed_exit_names_its_treaty() -> None:
    text = (
        "Rusia culminó este martes su retirada del Tratado sobre Fuerzas Armadas "
        "Convencionales en Europa."
    )
    ev = one(text, dt.date(2023, 11, 8), "es")
    assert (ev["action"], ev["treaty"], ev["date"]) == ("withdraw", "CFE", "2023-11-07")


def test_backreference_needs_a_date_and_no_negation() -> None:
    base = "Russia suspended its participation in New START on February 21. "
    assert kinds(base + "Putin signed the law.", dt.date(2023, 3, 2)) == [
        ("treaty", "suspend", "2023-02-21")
    ]
    assert kinds(base + "Putin has not signed the law on Tuesday.", dt.date(2023, 3, 2)) == [
        ("treaty", "suspend", "2023-02-21")
    ]


def test_law_on_another_treaty_is_not_folded_into_the_exit() -> None:
    text = (
        "Rusia culminó este martes su retirada del Tratado sobre Fuerzas Armadas "
        "Convencionales en Europa (FACE). Cinco días antes, Putin había firmado la ley que "
        "revoca la ratificación rusa del Tratado de Prohibición Completa de los Ensayos "
        "Nucleares (TPCE)."
    )
    got = sorted(
        (e["treaty"], e["action"], e["date"])
        for e in find_events(text, published=dt.date(2023, 11, 8), language="es")
    )
    assert got == [("CFE", "withdraw", "2023-11-07"), ("CTBT", "withdraw", "2023-11-02")]


def test_spanish_future_passive_with_quedar() -> None:
    text = "El acuerdo quedará prorrogado a principios de febrero."
    assert kinds(text, dt.date(2021, 1, 30), "es") == [("treaty", "extend", "2021-02")]
    text = "Las inspecciones quedaron suspendidas en marzo de 2020."
    assert kinds(text, dt.date(2021, 1, 30), "es") == [("inspections", "suspend", "2020-03")]


def test_a_round_is_the_dialogues_even_in_an_article_on_the_bcc() -> None:
    text = (
        "The strategic stability dialogue started in Geneva in July. The first round was held "
        "on July 28. Separately, the Bilateral Consultative Commission met in October."
    )
    got = kinds(text, dt.date(2021, 11, 1))
    assert ("strategic_dialogue", "other", "2021-07-28") in got
    assert ("bcc", "other", "2021-10") in got
    assert not any(m == "bcc" and d == "2021-07-28" for m, _, d in got)


def test_met_for_a_round_of_the_dialogue() -> None:
    text = (
        "Senior U.S. and Russian diplomats met in Geneva on Thursday for a second round of "
        "their strategic stability dialogue."
    )
    assert kinds(text, dt.date(2021, 10, 1)) == [("strategic_dialogue", "other", "2021-09-30")]
    assert kinds("Lavrov met Blinken on Thursday for talks on Ukraine.") == []


def test_negated_object_is_no_event() -> None:
    text = (
        "The strategic stability dialogue resumed in July. Officials said the administration "
        "had suspended no part of the talks in 2021."
    )
    assert ("strategic_dialogue", "suspend") not in [(m, a) for m, a, _ in kinds(text)]
    assert kinds("Russia suspended no fewer than three inspections in 2022.") == [
        ("inspections", "suspend", "2022")
    ]


def test_also_due_to_is_a_scheduled_step() -> None:
    text = "The Bilateral Consultative Commission is also due to resume its work on Tuesday."
    assert kinds(text, dt.date(2021, 10, 1)) == [("bcc", "resume", "2021-10-05")]


def test_state_since_an_event_is_that_event() -> None:
    text = (
        "Inspections under the treaty have been frozen since Russia exempted its facilities "
        "from them in August."
    )
    assert kinds(text, dt.date(2022, 11, 29)) == [("inspections", "ban", "2022-08")]
    text = "Russia's participation has been suspended since February, and Washington responded."
    assert kinds(text, dt.date(2023, 6, 1)) == [("treaty", "suspend", "2023-02")]
