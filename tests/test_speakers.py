"""The speakers registry: loading, matching mentions, adding a person by adding a row."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from analysis.pipeline import extract_article
from analysis.speakers import (
    DEFAULT_REGISTRY,
    REGISTRY_COLUMNS,
    RegistryError,
    get_registry,
    load_registry,
    match_speaker,
    name_key,
    role_at,
    split_mention,
)
from analysis.statements import find_statements


def test_registry_loads_with_documented_columns():
    df = load_registry()
    assert list(df.columns) == REGISTRY_COLUMNS
    assert {"Sergey Lavrov", "Kremlin", "U.S. State Department"} <= set(df["name"])
    assert df["kind"].isin(["person", "institution", "country"]).all()
    # a name appears once, except a person with one row per role
    assert not df[df["kind"] != "person"]["name"].duplicated().any()
    assert not df.duplicated(["name", "role_start", "role_end"]).any()
    assert (df["name"] == "Sergei Shoigu").sum() == 2


def test_every_person_row_cites_a_source():
    df = load_registry()
    people = df[df["kind"] == "person"]
    unsourced = people[~people["source_url"].str.startswith("http")]
    assert unsourced.empty, list(unsourced["name"])


def test_registry_rows_with_role_dates_cite_a_source():
    with DEFAULT_REGISTRY.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["role_start"] or row["role_end"]:
                assert row["source_url"].startswith("http"), row["name"]


@pytest.mark.parametrize(
    "mention,name",
    [
        ("Riabkov", "Sergey Ryabkov"),
        ("Sergei Ryabkov", "Sergey Ryabkov"),
        ("Serguéi Riabkov", "Sergey Ryabkov"),
        ("Zajárova", "Maria Zakharova"),
        ("María Zajárova", "Maria Zakharova"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Deputy Foreign Minister Sergey Riabkov", "Sergey Ryabkov"),
        ("the Kremlin", "Kremlin"),
        ("The US State Department", "U.S. State Department"),
        ("U.S. State Dept", "U.S. State Department"),
        ("Moscow", "Russia"),
        ("Moscú", "Russia"),
    ],
)
def test_match_speaker_folds_accents_and_transliterations(mention, name):
    sp = match_speaker(mention)
    assert sp is not None and sp.name == name


def test_different_first_name_is_not_the_registry_person():
    assert match_speaker("Boris Lavrov") is None
    assert match_speaker("Someone Unknown") is None


def test_name_key_folds_common_transliterations():
    assert name_key("Riabkov") == name_key("Ryabkov")
    assert name_key("Zajárova") == name_key("Zakharova")
    assert name_key("Sergei") == name_key("Sergey") == name_key("Serguéi")
    assert name_key("Lavrov") != name_key("Peskov")


@pytest.mark.parametrize(
    "mention,role,name",
    [
        ("Deputy Foreign Minister Sergey Riabkov", "Deputy Foreign Minister", "Sergey Riabkov"),
        ("Thomas Countryman, a former official", "a former official", "Thomas Countryman"),
        ("el presidente ruso, Vladimir Putin", "el presidente ruso", "Vladimir Putin"),
        ("the minister", "the minister", ""),
    ],
)
def test_split_mention(mention, role, name):
    assert split_mention(mention) == (role, name)


def test_an_analyst_adds_a_person_by_adding_a_row(tmp_path):
    path = tmp_path / "speakers.csv"
    with DEFAULT_REGISTRY.open(encoding="utf-8") as src:
        content = src.read()
    row = "Ivan Testov,person,Iván Téstov|Ivan Testoff,Test envoy,Test Ministry,Russia,m,,,\n"
    path.write_text(content + row, encoding="utf-8")
    sp = match_speaker("Testoff", path)
    assert sp is not None and (sp.name, sp.role) == ("Ivan Testov", "Test envoy")
    assert match_speaker("Iván Téstov", path).name == "Ivan Testov"
    assert match_speaker("Testoff") is None  # the project registry is untouched


def test_bad_registry_raises_one_line_per_problem(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text(
        ",".join(REGISTRY_COLUMNS) + "\n,person,,,,,,,,\nX,robot,,,,,,,,\n", encoding="utf-8"
    )
    with pytest.raises(RegistryError) as err:
        get_registry(path)
    assert len(err.value.problems) == 2
    assert all(str(path) in p for p in err.value.problems)


def test_missing_registry_file_is_a_clear_error(tmp_path):
    with pytest.raises(RegistryError, match="cannot read the speakers registry"):
        get_registry(tmp_path / "nope.csv")


HEADER = ",".join(REGISTRY_COLUMNS) + "\n"
TWO_ROLES = (
    "Ivan Testov,person,Iván Téstov,Test Minister,Test Ministry,Russia,m,2010-03-01,2015-06,\n"
    "Ivan Testov,person,Ivan Testoff,Test Envoy,Test Mission,Russia,m,2015-07-01,2019,\n"
)


def test_role_at_picks_the_row_valid_on_the_day(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text(HEADER + TWO_ROLES, encoding="utf-8")
    reg = get_registry(path)

    def role(day):
        row = role_at("Ivan Testov", day, path)
        return row.role if row is not None else None

    assert role(dt.date(2010, 2, 28)) is None  # before the first role
    assert role(dt.date(2010, 3, 1)) == "Test Minister"
    assert role(dt.date(2015, 6, 30)) == "Test Minister"  # a month end: held through June
    assert role(dt.date(2015, 7, 1)) == "Test Envoy"
    assert role(dt.date(2019, 12, 31)) == "Test Envoy"  # a year end: held through the year
    assert role(dt.date(2020, 1, 1)) is None
    assert role(None) == "Test Envoy"  # no date: the latest role
    assert role("2012-05-04") == "Test Minister"
    assert reg.former_role("Ivan Testov", dt.date(2021, 1, 1)).role == "former Test Envoy"
    # both rows load, and both spellings find the one person
    assert len(load_registry(path).query("name == 'Ivan Testov'")) == 2
    assert match_speaker("Testoff", path).name == match_speaker("Téstov", path).name


@pytest.mark.parametrize(
    "person,day,role",
    [
        ("Joe Biden", "2025-01-19", "President of the United States"),
        ("Joe Biden", "2025-01-20", None),  # a role_end day is the successor's first day
        ("Donald Trump", "2025-01-20", "President of the United States"),
        ("Donald Trump", "2022-06-01", None),  # between the two terms
        ("Donald Trump", "2018-06-01", "President of the United States"),
        ("Sergei Shoigu", "2024-05-11", "Defense Minister of Russia"),
        ("Sergei Shoigu", "2024-05-12", "Secretary of the Security Council of Russia"),
        ("Antony Blinken", "2025-01-19", "Secretary of State"),
        ("Antony Blinken", "2025-02-01", None),
        ("Jens Stoltenberg", "2024-10-01", None),
        ("Mark Rutte", "2024-10-01", "NATO Secretary General"),
    ],
)
def test_role_at_across_the_registry_boundaries(person, day, role):
    row = role_at(person, day)
    assert (row.role if row is not None else None) == role


SEC_STATE = '"We will keep the channel open," the Secretary of State said after the Geneva talks.'


@pytest.mark.parametrize(
    "published,speaker",
    [(dt.date(2023, 5, 2), "Antony Blinken"), (dt.date(2025, 6, 3), "Marco Rubio")],
)
def test_a_role_noun_is_the_person_in_office_on_the_article_date(published, speaker):
    rows = find_statements(SEC_STATE, published=published)
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [(speaker, "Secretary of State")]


@pytest.mark.parametrize("published", [None, pd.NaT, "not a date", float("nan")])
def test_without_a_date_no_office_holder_is_guessed(published):
    assert find_statements(SEC_STATE, published=published) == []


def test_of_two_people_named_the_role_noun_is_the_one_in_office():
    text = (
        "Antony Blinken and Marco Rubio met in Washington on Monday. "
        '"We will keep talking," the Secretary of State said afterwards.'
    )
    for day, who in ((dt.date(2023, 5, 2), "Antony Blinken"), (dt.date(2025, 6, 3), "Marco Rubio")):
        assert [r["speaker"] for r in find_statements(text, published=day)] == [who]


def test_a_person_out_of_office_still_fits_former():
    text = (
        "Dmitry Medvedev spoke on Monday. "
        '"We have other means," the former president wrote on Telegram.'
    )
    rows = find_statements(text, published=dt.date(2026, 2, 6))
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [
        ("Dmitry Medvedev", "Deputy Chairman of the Security Council of Russia")
    ]
    rows = find_statements('"This is history," Antony Blinken said.', published="2026-01-05")
    assert [(r["speaker"], r["speaker_role"], r["speaker_org"]) for r in rows] == [
        ("Antony Blinken", "former Secretary of State", None)
    ]


def test_the_same_registry_person_has_the_same_role_across_an_article():
    text = (
        "Russian Foreign Minister Sergey Lavrov said on Monday that Moscow was ready to talk. "
        '"The door is open," Foreign Minister Lavrov told reporters. '
        "Lavrov added that the treaty had run its course."
    )
    rows = find_statements(text, published=dt.date(2024, 3, 1))
    assert len(rows) == 3
    assert {(r["speaker"], r["speaker_role"], r["speaker_org"]) for r in rows} == {
        ("Sergey Lavrov", "Foreign Minister", "Russian Foreign Ministry")
    }
    es = find_statements(
        "El canciller ruso, Serguéi Lavrov, dijo que Moscú estaba dispuesta a negociar.",
        language="es",
        published=dt.date(2024, 3, 1),
    )
    assert [(r["speaker"], r["speaker_role"]) for r in es] == [
        ("Sergey Lavrov", "Foreign Minister")
    ]


def test_the_role_follows_the_date_for_one_person():
    text = '"This is a mistake," Sergei Shoigu said on Friday.'
    roles = [
        find_statements(text, published=day)[0]["speaker_role"]
        for day in (dt.date(2023, 5, 1), dt.date(2024, 6, 1))
    ]
    assert roles == ["Defense Minister of Russia", "Secretary of the Security Council of Russia"]


def test_people_outside_the_registry_keep_the_role_the_article_gives():
    text = 'Jana Novakova, a senior fellow at the institute, said "the gap is widening."'
    rows = find_statements(text, published=dt.date(2024, 3, 1))
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [
        ("Jana Novakova", "senior fellow at the institute")
    ]


def test_the_pipeline_passes_the_publication_date():
    record = {"text": SEC_STATE, "published": "2023-05-02", "language": "en", "title": None}
    assert [r["speaker"] for r in extract_article(record)["statements"]] == ["Antony Blinken"]
    record["published"] = "2025-06-03"
    assert [r["speaker"] for r in extract_article(record)["statements"]] == ["Marco Rubio"]


def test_malformed_role_rows_are_reported_one_line_each(tmp_path):
    path = tmp_path / "speakers.csv"
    path.write_text(
        HEADER
        + "A One,person,,Envoy,,Russia,m,2020-13-01,,\n"  # no month 13
        + "B Two,person,,Envoy,,Russia,m,2020-05-01,2019-01-01,\n"  # ends before it starts
        + "C Three,person,,Envoy,,Russia,m,last May,,\n"
        + "Kremlin,institution,,,Kremlin,Russia,,,,\n"
        + "Kremlin,institution,,,Kremlin,Russia,,,,\n"  # only people have several rows
        + TWO_ROLES
        + TWO_ROLES.splitlines(keepends=True)[0],  # the same role twice
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as err:
        get_registry(path)
    problems = err.value.problems
    assert len(problems) == 5
    assert all(str(path) in p and "\n" not in p for p in problems)
    assert ":2:" in problems[0] and "2020-13-01" in problems[0]
    assert ":3:" in problems[1] and "role_end 2019-01-01" in problems[1]
    assert ":4:" in problems[2] and "last May" in problems[2]
    assert ":6:" in problems[3] and "Kremlin" in problems[3]
    assert ":9:" in problems[4] and "Ivan Testov" in problems[4]


def test_the_spanish_article_un_is_not_the_united_nations():
    reg = get_registry()
    assert reg.organisation("UN").name == "United Nations"
    assert reg.organisation("the UN").name == "United Nations"
    assert reg.organisation("Un") is None
    found = find_statements(
        "Un funcionario afirmó este lunes que el tratado es vital.", language="es"
    )
    assert found == []
