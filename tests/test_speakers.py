"""The speakers registry: loading, matching mentions, adding a person by adding a row."""

from __future__ import annotations

import csv

import pytest

from analysis.speakers import (
    DEFAULT_REGISTRY,
    REGISTRY_COLUMNS,
    RegistryError,
    get_registry,
    load_registry,
    match_speaker,
    name_key,
    split_mention,
)


def test_registry_loads_with_documented_columns():
    df = load_registry()
    assert list(df.columns) == REGISTRY_COLUMNS
    assert {"Sergey Lavrov", "Kremlin", "U.S. State Department"} <= set(df["name"])
    assert df["kind"].isin(["person", "institution", "country"]).all()
    assert not df["name"].duplicated().any()


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
