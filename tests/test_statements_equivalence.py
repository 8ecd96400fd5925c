"""The shortcuts that make statement extraction fast give the same statements as the full path:
the sentence prefilter for special constructions and the memoised lookups."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from analysis import speakers, statements
from analysis.articles import load_article
from analysis.statements import find_statements

ROOT = Path(__file__).resolve().parent.parent
SEED_CANDIDATES = [
    ROOT / "data" / "articles" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt",
    ROOT.parent / "shared" / "seed" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt",
]


def _seed() -> tuple[str, str | None]:
    for path in SEED_CANDIDATES:
        if path.exists():
            record = load_article(path)
            return record["text"], record.get("title")
    pytest.skip("seed article not found")


# Sentences written for this test, one per construction of _Extractor._special, plus plain ones.
SPECIAL_SENTENCES = [
    (
        "Deputy Foreign Minister Anna Petrova spoke to reporters. In her words, the talks on "
        "verification had reached a dead end.",
        "en",
    ),
    ("In Lavrov's view, the treaty could still be saved.", "en"),
    (
        "Anna Petrova met diplomats on Monday. This was stated by Deputy Foreign Minister "
        "Anna Petrova at a briefing.",
        "en",
    ),
    ("The embassy was informed by the State Department that inspections would resume.", "en"),
    ("According to the Kremlin, the consultations will take place in the spring.", "en"),
    ("The commission will meet in June, according to Kremlin spokesman Dmitry Peskov.", "en"),
    ("Para Lavrov, el diálogo estratégico sigue congelado.", "es"),
    (
        "El portavoz del Kremlin, Dmitri Peskov, habló con periodistas. Según ha explicado en "
        "un comunicado, las inspecciones no se reanudarán.",
        "es",
    ),
    ("Según el canciller ruso, Serguéi Lavrov, el tratado expira en febrero.", "es"),
    (
        "Las inspecciones no se reanudarán este año. Así lo afirmó el viceministro Serguéi "
        "Riabkov durante una rueda de prensa.",
        "es",
    ),
    (
        "El canciller ruso Serguéi Lavrov habló en Moscú. A su juicio, la decisión de "
        "Washington fue un error.",
        "es",
    ),
    ("The two delegations met in Geneva for three hours on Tuesday.", "en"),
]


def _without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "_special_hint", lambda s: True)


@pytest.mark.parametrize(("text", "language"), SPECIAL_SENTENCES)
def test_special_prefilter_keeps_every_construction(text, language, monkeypatch):
    fast = find_statements(text, language=language)
    _without_shortcuts(monkeypatch)
    assert find_statements(text, language=language) == fast


@pytest.mark.parametrize(("text", "_language"), SPECIAL_SENTENCES[:-1])
def test_special_hint_accepts_the_constructions(text, _language):
    assert statements._special_hint(text)


def test_special_hint_rejects_plain_prose():
    assert not statements._special_hint("The delegations met in Geneva on Tuesday.")
    assert not statements._special_hint("Inspections stopped in 2022 and never resumed.")


def test_special_hint_takes_letters_that_ignorecase_folds():
    # the long s matches "s" under re.IGNORECASE, so "wordſ" may be "words"
    assert statements._special_hint("In her wordſ, the talks failed.")


def test_seed_article_same_with_and_without_shortcuts(monkeypatch):
    text, title = _seed()
    fast = find_statements(text, language="en", title=title, published="2022-12-05")
    _without_shortcuts(monkeypatch)
    monkeypatch.setattr(statements, "_scan_np_left", statements._scan_np_left_uncached)
    statements._country_of.cache_clear()
    assert find_statements(text, language="en", title=title, published="2022-12-05") == fast


def test_scan_np_left_cache_matches_uncached():
    text, _ = _seed()
    lex = statements._lexicon("en")
    rng = random.Random(7)
    for _ in range(300):
        end = rng.randrange(1, len(text))
        left = text[max(0, end - 80) : end]
        assert statements._scan_np_left(left, lex) == statements._scan_np_left_uncached(left, lex)
        # asked twice: the cached answer is the same
        assert statements._scan_np_left(left, lex) == statements._scan_np_left_uncached(left, lex)


def test_registry_person_cache_matches_lookup():
    reg = speakers.get_registry()
    names = ["Lavrov", "Sergey Lavrov", "Riabkov", "Ryabkov", "Peskov", "John Smith", "", "Putin"]
    for name in names * 2:
        assert reg.person(name) is reg._person(name)


def test_institution_suffix_is_the_longest_institution():
    reg = speakers.get_registry()
    for run in ["the Russian Foreign Ministry", "Kremlin", "Anna Petrova", "State Department"]:
        words = run.split()
        expected = None
        for k in range(len(words)):
            org = reg.organisation(" ".join(words[k:]))
            if org is not None and org.kind == "institution":
                expected = org
                break
        assert statements._institution_suffix(reg, run) is expected


def test_country_of_matches_word_search():
    for role in ["Russian Deputy Foreign Minister", "the US envoy", "el canciller ruso", "analyst"]:
        folded = speakers.fold(role)
        expected = next(
            (
                country
                for adj, country in statements._COUNTRY_ADJ.items()
                if re.search(rf"\b{re.escape(speakers.fold(adj))}\b", folded)
            ),
            "",
        )
        assert statements._country_of(role) == expected
