"""The quick scans in events and dates find exactly what the plain patterns they stand for find."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import re
from dataclasses import replace

import pytest

from analysis import dates, events
from analysis.articles import load_article
from analysis.paths import DATA_DIR

# Pieces written for these tests: anchor words, treaty and talks names, nouns, in odd cases,
# glued to letters, digits, hyphens and underscores, and characters IGNORECASE treats specially.
_PIECES = [
    "May", "may2", "2May", "_may", "MAY", "Junes", "june", "sept", "Sept.", "mañana",
    "miércoles", "Miercoles", "years", "yearſ", "YEARS", "ago", "12", "2024", "x", "é", "٣",
    "BCC", "bcc", "xBCC", "BCCs", "CCB", "_CCB", "-BCC", "Consultative Commission",
    "comisión consultiva", "strategic STABILITY", "ſtrategic dialogue", "Diálogo estratégico",
    "expiry", "Suspension", "ſuſpension", "EXIT", "exits", "-exit", "exit-", "entry into force",
    "re-entry into force", "prórroga", "İ", "\u212a", "ı", " ", "  ", "\n", "-", ".", ",",
]  # fmt: skip


def _texts(n: int = 3000) -> list[str]:
    rng = random.Random(7)
    out = [" ".join(p) for p in itertools.combinations(_PIECES[:12], 2)]
    for _ in range(n):
        out.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 7))))
    return out


@pytest.mark.parametrize(
    ("plain", "quick"),
    [
        (events._BCC_WORDS, events._BCC_SCAN),
        (events._DIALOGUE_WORDS, events._DIALOGUE_SCAN),
        (events._NOMINAL, events._NOMINAL_SCAN),
    ],
)
def test_quick_scans_match_the_plain_patterns(plain, quick) -> None:
    found = 0
    for text in _texts():
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in quick.finditer(text)] == want, text
        found += len(want)
    assert found > 100  # the pieces do hold what the patterns look for


# events._TREATY_ANY as first written (word boundaries in front of the acronyms)
_PLAIN_TREATY_ANY = re.compile(
    r"START|Start III|Strategic Arms Reduction|\bINF\b|Intermediate-Range|Open Skies|Cielos "
    r"Abiertos|CTBT|Test[- ]Ban|Ensayos Nucleares|\bCFE\b|Conventional Armed Forces|Fuerzas "
    r"Armadas Convencionales|\bFACE\b|\bTPCE\b"
)


def test_treaty_scan_matches_the_plain_pattern() -> None:
    rng = random.Random(11)
    pieces = ["START", "Start III", "INF", "xINF", "INFx", "_INF", "-INF", "CFE", "aCFE", "FACE"]
    pieces += ["FACEs", "TPCE", "2TPCE", "Test-Ban", "Test Ban", " ", "é", "INFINF", "STARTING"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        want = [m.span() for m in _PLAIN_TREATY_ANY.finditer(text)]
        assert [m.span() for m in events._TREATY_ANY.finditer(text)] == want, text
        found += len(want)
    assert found > 100


@pytest.mark.parametrize("language", ["en", "es"])
def test_proposal_scan_matches_the_plain_pattern(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.propose_scan is not None
    rng = random.Random(13)
    pieces = ["ready", "READY", "xready", "-ready", "ready-", "Offered", " to ", "  TO\n", " to"]
    pieces += ["extend", "keep", " ", "ſuggested", "İnitiative", "dispuesta a", "Dispuestos  a"]
    pieces += ["lista para", "propuso", "ofreció", "x", "2"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        lo = rng.randrange(len(text) + 1)
        for bounds in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
            want = [
                (m.span(), m.end("gov"), m.span("verb"))
                for m in lex.propose_re.finditer(text, *bounds)
            ]
            got = [
                (m.span(), m.end("gov"), m.span("verb"))
                for m in lex.propose_scan.finditer(text, *bounds)
            ]
            assert got == want, (text, bounds)
            found += len(want)
    assert found > 30


@pytest.mark.parametrize("language", ["en", "es"])
def test_cessation_scan_matches_the_plain_pattern(language: str) -> None:
    rng = random.Random(17)
    pieces = ["no longer", "No  Longer", "will not", "WON'T", "won’t", "has not", "did not"]
    pieces += ["stopped", "ceased", "refuses to", "declined to", "xno", "-will", "_has", "share"]
    pieces += ["provide", "gave", "HANDS  over", "give up", "data", "the", "no", "ya no"]
    pieces += ["tampoco", "dejó de", "dejarán de", "se negó a", "se había negado a", "negaron a"]
    pieces += ["compartir", "enviar", "permitirá", "recibirlos", " ", "\n", "x", "ſtop", "İ"]
    plain, quick = events._CESSATION[language], events._CESSATION_SCAN[language]
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        lo = rng.randrange(len(text) + 1)
        for bounds in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
            want = [(m.span(), m.span("verb")) for m in plain.finditer(text, *bounds)]
            got = [(m.span(), m.span("verb")) for m in quick.finditer(text, *bounds)]
            assert got == want, (text, bounds)
            found += len(want)
    assert found > 30


def test_date_anchors_match_the_plain_pattern() -> None:
    found = 0
    for text in _texts():
        want = [(m.start(), m.end(), m.lastgroup) for m in dates._ANCHOR.finditer(text)]
        assert dates._anchors(text) == want, text
        found += len(want)
    assert found > 100


def test_caches_do_not_change_answers() -> None:
    """A second run over the seed article (short-key caches warm) gives the first run's
    events, and no cache holds a text longer than a treaty's name or a word's head."""
    record = load_article(
        DATA_DIR / "articles" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt"
    )
    lex = events._lexicon("en")
    lex.name_cache.clear()
    lex.head_cache.clear()
    kwargs = {"published": record["published"], "language": "en", "title": record["title"]}
    first = events.find_events(record["text"], **kwargs)
    assert first
    assert lex.name_cache and lex.head_cache
    assert max(map(len, lex.name_cache)) <= 40 and max(map(len, lex.head_cache)) <= 3
    assert events.find_events(record["text"], **kwargs) == first


# Pieces for the lowered-text scans: trigger words, the heads of the other constructions,
# and characters that IGNORECASE or lower() treat specially.
_EVENT_PIECES = [
    "suspended", "SUSPENDS", "Suspending", "ſuspended", "postponed", "halted", "froze",
    "xsuspended", "suspended-", "-halted", "_halted", "halted2", "on hold", "ON  HOLD",
    "se retiró", "SE RETIRÓ", "aplazó", "suspendió", "de-ratified", "deratify", "expires",
    "ready to extend", "offered to keep", "dispuesta a seguir", "open to talks",
    "called for a meeting", "will no longer share", "WON'T provide", "won’t send",
    "stopped providing", "ya no compartirá", "signed a law suspending", "approved the decree",
    "revoked the visas", "denied access", "the inspections", "the treaty", "New START",
    "İ", "ı", "\u212a", "ß", "Σ", "é", "É", "Ñ", "’", "“", " ", "  ", "\n", ". ", ", ", "x", "2",
]  # fmt: skip


def _event_texts(n: int = 2500) -> list[str]:
    rng = random.Random(23)
    return [
        "".join(rng.choice(_EVENT_PIECES) + rng.choice(["", " ", " ", "-"]) for _ in range(k))
        for k in (rng.randint(1, 9) for _ in range(n))
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_lowered_text_is_used_only_when_it_is_safe(language: str) -> None:
    lex = events._lexicon(language)
    folded = 0
    for text in _event_texts():
        low = events._folded(lex, text)
        if low is None:
            continue
        folded += 1
        assert low == text.lower() and len(low) == len(text)
    assert folded > 100
    for odd in ("İnspections", "ſuspended", "ınspections"):
        assert events._folded(lex, "The treaty was " + odd) is None
    # the Kelvin sign lowers to "k", which is also what IGNORECASE takes it for
    assert events._folded(lex, "\u212aeep") == "keep"


@pytest.mark.parametrize("language", ["en", "es"])
def test_trigger_scan_on_lowered_text_matches_the_word_loop(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.trigger_low is not None
    found = 0
    for text in _event_texts():
        want = [m.span() for m in events._trigger_matches(lex, text)]
        low = events._folded(lex, text)
        got = [m.span() for m in events._trigger_matches(lex, text, low)]
        assert got == want, text
        if low is not None:
            quick = events._trigger_matches_low(lex, text, low)
            assert quick is not None and [m.span() for m in quick] == want, text
            plain = [m.span() for m in lex.trigger_re.finditer(text)]
            assert [m.span() for m in lex.trigger_low.finditer(low)] == plain, text
        found += len(want)
    assert found > 300


@pytest.mark.parametrize("language", ["en", "es"])
def test_sentence_gate_covers_every_construction(language: str) -> None:
    """Wherever a proposal, 'open to', cessation, law or visa pattern matches inside a
    window, a head span of gate_low meets that window."""
    lex = events._lexicon(language)
    assert lex.gate_low is not None
    stages = [
        lex.propose_scan or lex.propose_re,
        events._PROPOSE_NOUN[language],
        events._CESSATION_SCAN[language],
        events._LAW_VERB,
        events._VISA,
    ]
    rng = random.Random(29)
    found = 0
    for text in _event_texts():
        low = events._folded(lex, text)
        if low is None:
            continue
        spans = [g.span() for g in lex.gate_low.finditer(low)]
        lo = rng.randrange(len(text) + 1)
        for ss, se in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
            if any(rx.search(text, ss, se) for rx in stages):
                found += 1
                assert any(a < se and b > ss for a, b in spans), (text, ss, se)
    assert found > 100


def test_events_are_the_same_without_the_lowered_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast paths change nothing: the seed article and sentences written for this test
    give the same events when the lowered text is refused."""
    record = load_article(
        DATA_DIR / "articles" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt"
    )
    texts = [
        (record["text"], "en"),
        (
            "Russia suspended inspections under New START in August 2022. Moscow will no "
            "longer share data, the ministry said on Monday. It is ready to extend the treaty."
            "\nThe Duma approved a law suspending the treaty. Moscow revoked the visas of "
            "US inspectors. The BCC session was postponed.",
            "en",
        ),
        (
            "Rusia suspendió las inspecciones en agosto de 2022. Moscú ya no compartirá datos, "
            "dijo el lunes. Está dispuesta a prorrogar el tratado.",
            "es",
        ),
    ]
    published = record["published"]
    want = [events.find_events(t, published=published, language=lang) for t, lang in texts]
    assert all(want)
    monkeypatch.setattr(events, "_folded", lambda lex, text: None)
    got = [events.find_events(t, published=published, language=lang) for t, lang in texts]
    assert got == want


def test_nominal_scan_on_lowered_text_matches_the_plain_scan() -> None:
    lex = events._lexicon("en")
    found = folded = 0
    for text in _texts() + _event_texts():
        low = events._folded(lex, text)
        folded += low is not None
        want = [m.span() for m in events._NOMINAL_SCAN.finditer(text)]
        assert [m.span() for m in events._nominal_matches(text, low)] == want, text
        if low is not None:
            assert [m.span() for m in events._NOMINAL_LOW.finditer(low)] == want, text
        found += len(want)
    assert found > 100 and folded > 1000


def test_date_anchors_on_lowered_text_match_the_word_loop() -> None:
    folded = found = 0
    for text in _texts():
        low = dates._ANCHOR_FOLDER.fold(text)
        if low is None:
            continue
        folded += 1
        want = dates._anchors(text)
        assert dates._anchors(text, low) == want, text
        found += len(want)
    assert folded > 1000 and found > 100


# Pieces of English dates, written for this test, in odd cases and glued in odd ways.
_DATE_PIECES = [
    "on", "in", "last", "next", "the", "of", "since", "until", "early", "this", "ago", "AGO",
    "two", "a", "3", "12", "2021", "1999", "2030", "1550", "5th", "21st", "2024-02-05", "-",
    "January", "Jan.", "Feb", "March", "May", "Sept.", "December", "Monday", "friday",
    "Thursday", "day", "days", "week", "weeks", "month", "year", "YEARS", "yesterday",
    "Today", "tonight", "tomorrow", "morning", "evening", "before", "after", "following",
    "previous", "coming", "past", "will", "said", ",", ".", "x", "ſ", "İ", "\u212a",
    "lunes", "hace", "años", "ayer",
]  # fmt: skip


def test_english_anchor_kinds_change_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scanning each English pattern only near the anchors that call for it finds the
    dates that scanning every pattern of the anchor's group finds."""
    rng = random.Random(31)
    texts = []
    for _ in range(3000):
        words = [rng.choice(_DATE_PIECES) for _ in range(rng.randint(1, 8))]
        texts.append("".join(w + rng.choice([" ", " ", "  ", "", "\n", "-"]) for w in words))
    published = dates.dt.date(2024, 3, 15)
    got = [dates.find_dates(t, published, "en") for t in texts]
    monkeypatch.setattr(dates, "_en_kinds", lambda text, a, b, group: dates._ANCHOR_KINDS[group])
    want = [dates.find_dates(t, published, "en") for t in texts]
    assert got == want
    assert sum(map(len, want)) > 1000


def test_tense_on_lowered_text_matches_the_plain_patterns() -> None:
    rng = random.Random(37)
    pieces = _DATE_PIECES + ["WILL", "won't", "'ll", "is due", "Next", "se celebrará"]
    pieces += ["tendrán", "Firmará", "xará", "ará", "said", "told reporters", "announced on"]
    pieces += ["scheduled", "expected", "plans to", "dijo el", "-", "."]
    checked = future = 0
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(2, 12))]
        text = "".join(w + rng.choice([" ", " ", "  ", "", "\n"]) for w in words)
        low = dates._ANCHOR_FOLDER.fold(text)
        if low is None:
            continue
        for start in range(0, len(text), 7):
            end = min(len(text), start + rng.randint(0, 12))
            want = dates._tense(text, start, end)
            assert dates._tense(text, start, end, low) == want, (text, start, end)
            checked += 1
            future += want == "future"
    assert checked > 5000 and future > 1000


@pytest.mark.parametrize("language", ["en", "es"])
def test_primed_date_patterns_find_what_the_patterns_find(language: str) -> None:
    rng = random.Random(41)
    pieces = _DATE_PIECES + ["el", "pasado", "5 de febrero", "de 2023", "29 nov (", "MARZO"]
    pieces += ["próximo", "hace", "dos", "semanas", "mañana", "Sábado", "ſábado", "del año"]
    pieces += ["Lunes", "ıN", "İn", "In", "Early", "the", "\t", "٣", "23rd"]
    found = 0
    for pattern, _kind in dates._patterns(language):
        primed = dates._primed(pattern)
        assert primed is not None, pattern.pattern
        for _ in range(700):
            words = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
            text = "".join(w + rng.choice([" ", " ", "  ", "", "\n", ", "]) for w in words)
            lo = rng.randrange(len(text) + 1)
            for bounds in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
                want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, *bounds)]
                got = [
                    ((s, e), {k: v for k, v in m.groupdict().items() if k != "_all"})
                    for s, e, m in dates._matches(pattern, text, *bounds)
                ]
                assert got == want, (pattern.pattern, text, bounds)
                found += len(want)
    assert found > 300


def test_no_character_outside_the_basic_plane_folds_onto_a_date_letter() -> None:
    """_first_chars looks for the case partners of letters in the basic plane only."""
    letters = "".join(sorted({ch for p, _ in dates._EN_PATTERNS + dates._ES_PATTERNS
                              for ch in p.pattern if ch.isalpha()}))  # fmt: skip
    astral = "".join(map(chr, range(0x10000, 0x110000)))
    assert re.findall(f"(?i:[{re.escape(letters)}])", astral) == []


def test_dated_nouns_are_found_near_dates_as_in_the_whole_text() -> None:
    """Scanning only where a date can reach a noun finds the dated nouns a scan of the
    whole text finds (sentences written for this test, glued at random)."""
    rng = random.Random(43)
    pieces = [
        "Its expiry on 5 February", "the treaty's expiry", "Russia's suspension of the treaty",
        "in February 2023", "the Feb. 21 suspension of inspections", "exits", "exit",
        "its extension in 2021", "entry into force", "on March 3", "the withdrawal of Moscow",
        "from the INF treaty", "last year", "tras su expiración el 5 de febrero", "New START",
        "the resumption of inspections", "yesterday", "ſuspension", "prior to", ". ", ", ",
        " ", "  ", "\n", "x" * 30,
    ]  # fmt: skip
    lex = events._lexicon("en")
    published = dates.dt.date(2024, 3, 15)
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "", ". "]) for _ in range(9))
        low = events._folded(lex, text)
        if low is None:
            continue
        found_dates = dates.find_dates(text, published, "en")
        paras = events._paragraphs(text)
        args = (lex, text, found_dates, paras, "New START")
        want = events._dated_nominals(*args)
        assert events._dated_nominals(*args, low) == want, text
        nouns = [p for p in range(len(low) + 1) if events._NOMINAL_LOW.match(low, p)]
        assert events._dated_nominals(*args, low, None, nouns) == want, text
        found += len(want)
    assert found > 200


@pytest.mark.parametrize("language", ["en", "es"])
def test_treaty_of_a_window_is_the_plain_patterns_answer(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.treaty_any is not None and events._primed(lex.treaty_any) is not None
    rng = random.Random(47)
    pieces = ["New START", "START", "Start III", "START-3", "Nuevo START", "INF", "xINF", "CFE"]
    pieces += ["Open Skies", "Cielos Abiertos", "CTBT", "TPCE", "Test-Ban", "Comprehensive"]
    pieces += ["Nuclear-Test-Ban", "FACE", "Prague treaty", "the", " ", "-", "é", "ſTART", "S"]
    named = 0
    for _ in range(3000):
        window = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(6))
        found = {int((m.lastgroup or "t0")[1:]) for m in lex.treaty_any.finditer(window)}
        want = lex.treaties[min(found)][1] if found else None
        assert events._treaty_in(lex, window) == want, window
        named += want is not None
    assert named > 1000


def test_month_head_check_changes_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping md and month patterns where no month name begins finds the same dates."""
    rng = random.Random(53)
    pieces = _DATE_PIECES + ["may", "MAY", "Mayor", "Januaryx", "5 Junes", "SEPT", "sept.", "7"]
    pieces += ["the 5th of", "Octobers", "1,550", "dec", "Dec.", "mar", "Marches", "2 May"]
    texts = []
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
        texts.append("".join(w + rng.choice([" ", " ", "", "\n", ", "]) for w in words))
    published = dates.dt.date(2024, 3, 15)
    got = [dates.find_dates(t, published, "en") for t in texts]
    monkeypatch.setattr(dates, "_EN_MONTH_HEAD", re.compile(""))  # finds one everywhere
    want = [dates.find_dates(t, published, "en") for t in texts]
    assert got == want
    assert sum(d.precision in ("day", "month") for ds in want for d in ds) > 1000


def test_casefold_makes_each_character_at_most_three() -> None:
    """_is_headline skips casefold() for lines and titles more than three times apart."""
    longest = max(len(chr(i).casefold()) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert longest == 3
    para = events._paragraphs("Russia suspends New START treaty")[0]
    text = "Russia suspends New START treaty"
    assert events._is_headline(text, para, "RUSSIA SUSPENDS NEW START TREATY")


def test_right_end_is_where_the_plain_pattern_stops() -> None:
    rng = random.Random(59)
    pieces = ["the treaty", ",", ", 2021", ";", ":", " — ", " and is", " AND WAS", " but said"]
    pieces += [" following", " Because", " y está", " pero", "?", "!", " while", " ſaid", "x"]
    stops = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        pos = rng.randrange(len(text) + 1)
        se = rng.randrange(pos, len(text) + 1)
        limit = rng.choice([10, 80, 170])
        m = events._RIGHT_STOP.search(text, pos, min(se, pos + limit))
        want = m.start() if m and m.start() > pos else min(se, pos + limit)
        assert events._right_end(text, pos, se, limit) == want, (text, pos, se, limit)
        stops += bool(m and m.start() > pos)
    assert stops > 300


# Pieces for the mechanism keywords: keywords in odd cases, glued to letters, digits and
# hyphens, cut by window edges, near "not arms control" words, and IGNORECASE's specials.
_MECH_PIECES = [
    "inspections", "INSPECTION", "on-site inspections", "xinspect", "inspect-", "BCC", "bcc",
    "BCCs", "New START", "new start", "START-3", "START III", "Start", "treaty", "treaties",
    "the grain agreement", "peace talks", "talks", "meeting of the Security Council", "session",
    "consultative commission", "bilateral consultative commission", "strategic dialogue",
    "negotiations on arms control", "negotiating about arms control", "data exchanges",
    "exchange of information", "treaty data", "INF", "xINF", "CTBT", "notificación",
    "inspecciones", "Comisión Consultiva Bilateral", "diálogo", "reuniones", "acuerdo",
    "ſession", "İnspections", "\u212aeep", "ı", "é", "2", "_", "-", " ", "  ", "\n", ", ", ".",
]  # fmt: skip


def _plain_hits(lex: events._Lexicon, window: str) -> list[tuple[int, str]]:
    """mechanism hits of a window as first written: one mech_re scan of the window."""
    out = []
    for m in lex.mech_re.finditer(window):
        mech = lex.mech_names[m.lastgroup or ""]
        if (
            mech == "meeting" or events._GENERIC_TREATY.fullmatch(m.group(0))
        ) and events._OTHER_TOPIC.search(
            window, max(0, m.start() - 30), min(len(window), m.end() + 30)
        ):
            continue
        out.append((m.start(), mech))
    return out


@pytest.mark.parametrize("language", ["en", "es"])
def test_mechanism_matches_are_the_plain_scans(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.mech_low is not None  # the quick path is the one tested
    rng = random.Random(23)
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(_MECH_PIECES) + rng.choice(["", " "]) for _ in range(8))
        want = [(m.span(), m.lastgroup) for m in lex.mech_re.finditer(text)]
        low = events._folded(lex, text)
        got = [(m.span(), m.lastgroup) for m in events._mech_matches(lex, text, low)]
        assert got == want, text
        assert lex.mechanism_hits(text) == _plain_hits(lex, text), text
        found += len(want)
    assert found > 1000


@pytest.mark.parametrize("language", ["en", "es"])
def test_mechanism_index_gives_each_windows_own_hits(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """_MechIndex.hits(lo, hi) is the window's own scan, for windows that cut words,
    keywords and the 30 characters the "not arms control" check reads."""
    lex = events._lexicon(language)
    rng = random.Random(29)
    quick = 0
    scans = []  # windows the index scanned again (it could not answer from its keywords)
    plain = events._Lexicon._mechanism_hits

    def counted(
        self: events._Lexicon, window: str, low: str | None = None
    ) -> list[tuple[int, str]]:
        scans.append(window)
        return plain(self, window, low)

    monkeypatch.setattr(events._Lexicon, "_mechanism_hits", counted)
    for _ in range(1500):
        text = "".join(rng.choice(_MECH_PIECES) + rng.choice(["", " "]) for _ in range(10))
        low = events._folded(lex, text)
        if low is None:
            continue  # no index is made for such a text
        index = events._MechIndex(lex, text, low, eager=True)
        gaps = [i for i, ch in enumerate(text) if ch in " ,.\n"]
        for k in range(8):
            lo = rng.randrange(-2, len(text) + 2)
            hi = rng.randrange(lo - 2, len(text) + 3)
            if k % 2 and gaps:  # edges at blanks and stops, as sentences and clauses have
                lo, hi = sorted((rng.choice(gaps) + rng.choice([0, 1]), rng.choice(gaps)))
            want = _plain_hits(lex, text[lo:hi])
            before = len(scans)
            assert index.hits(lo, hi) == want, (text, lo, hi)
            quick += bool(want) and len(scans) == before
            has_bcc = rng.choice([True, False])
            assert events._mechanisms(lex, text, lo, hi, has_bcc, True, index) == (
                events._mechanisms(lex, text, lo, hi, has_bcc, True)
            ), (text, lo, hi)
    assert quick > 300  # windows with keywords answered without a new scan


def test_mechanism_index_on_the_seed_article() -> None:
    record = load_article(
        DATA_DIR / "articles" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt"
    )
    text = record["text"]
    lex = events._lexicon("en")
    low = events._folded(lex, text)
    assert low is not None
    rng = random.Random(31)
    for eager in (True, False):  # the lines scanned at once, or once windows add up to them
        index = events._MechIndex(lex, text, low, eager)
        for _ in range(3000):
            lo = rng.randrange(len(text))
            hi = lo + rng.randrange(1, 400)
            assert index.hits(lo, hi) == _plain_hits(lex, text[lo:hi]), (lo, hi)
        assert index.lines and (eager or index.spent)


@pytest.mark.parametrize("language", ["en", "es"])
def test_actor_hits_are_each_patterns_own_matches(language: str) -> None:
    lex = events._lexicon(language)
    rng = random.Random(37)
    pieces = ["Russia", "Russian Federation", "Russians", "State Duma", "Duma", "U.S.", "US"]
    pieces += ["USA", "xUS", "Washington", "Moscow and Washington", "the two sides", "The"]
    pieces += ["EE. UU.", "EEUU", "Rusia y los Estados Unidos", "rusos", "NATO", "China"]
    pieces += ["chinos", "Kremlin", "ſ", "İ", "é", "-", "_", " ", " and ", ", ", "2"]
    found = 0
    for _ in range(3000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = [(m.start(), m.end(), a) for rx, a in lex.actors for m in rx.finditer(window)]
        assert events._actor_hits(lex, window) == want, window
        found += len(want)
    assert found > 1000
    assert lex.actors_quick and all(primed for primed, _, _ in lex.actors_quick)


def _same_verdicts(plain: re.Pattern, quick, text: str, rng: random.Random) -> int:
    """Assert ``quick`` answers as ``plain.search`` on ``text`` whole and on a random slice;
    returns how many of the two found a match."""
    found = 0
    lo = rng.randrange(len(text) + 1)
    for args in ((text,), (text, lo, rng.randrange(lo, len(text) + 1))):
        want = plain.search(*args) is not None
        assert (quick(*args) is not None) == want, args
        found += want
    return found


@pytest.mark.parametrize(
    ("plain", "quick"),
    [
        (events._OTHER_TOPIC, events._HAS_OTHER_TOPIC),
        (events._CONDITIONAL, events._HAS_CONDITIONAL),
        (events._TEMPORAL_SUB, events._HAS_TEMPORAL_SUB),
        (events._REPORTING, events._HAS_REPORTING),
        (events._OFFSET_PHRASE, events._HAS_OFFSET_PHRASE),
        (events._SUBORDINATE_DATE, events._HAS_SUBORDINATE_DATE),
        (events._COVID, events._HAS_COVID),
        (events._RX_SHORT_OF, events._HAS_SHORT_OF),
    ],
)
def test_quick_searches_tell_what_the_plain_ones_tell(plain, quick) -> None:
    rng = random.Random(41)
    pieces = ["peace", "Peace talks", "xpeace", "grain", "GAS", "gases", "Black Sea", "paz"]
    pieces += ["if", "IF", "unless", "in case", "en caso de que", "si", "sí", "when", "once"]
    pieces += ["as soon as", "hasta que", "tras", "said", "SAID", "anunció", "reporters"]
    pieces += ["days after", "weeks  later", "meses después", "after", "prior to", "antes de"]
    pieces += ["COVID", "pandemia", "short of", "Short  Of", "ſhort of", "İf", "\u212a", "ı"]
    pieces += [" ", "\n", "-", "_", ",", "é", "2", "x"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        found += _same_verdicts(plain, quick, text, rng)
    assert found > 40  # the pieces do hold matches


# events._SENT_STOP as first written (no group)
_PLAIN_SENT_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*\s+(?=[\"“«‘(\[¿¡•]?\s*[A-ZÁÉÍÓÚÑ])")


def _plain_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """events._sentences as first written: blank sentences dropped at the end."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _PLAIN_SENT_BOUNDARY.finditer(text, start, end):
        if events._ABBREV.search(text[max(s, m.start() - 12) : m.start() + 1]):
            continue
        out.append((s, m.start() + len(m.group(0).rstrip())))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def test_sentences_of_paragraphs_are_the_plain_splitters() -> None:
    rng = random.Random(43)
    pieces = ["The treaty lapsed", "U.S.", "Mr.", "Gen. Smith", "No.", "EE.UU.", ".", "...", "!"]
    pieces += ["?", "…", '"', "”", "’", ")", "(", "¿", "¡", "•", " ", "  ", "\t", "\n", "A", "É"]
    pieces += ["said", "Feb.", "approx.", "inspections", "x", "2", "-", "ſ", "İ", " \u2003"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for p in events._paragraphs(text):
            want = _plain_sentences(text, p.start, p.end)
            assert events._sentences(text, p.start, p.end) == want, text
            found += len(want)
    assert found > 3000


def _plain_mentioned(text: str, language: str | None) -> list[str]:
    """mechanisms_mentioned as first written: every hit but meetings, in order of mention."""
    langs = ["en", "es"] if language is None else [language]
    hits = sorted(
        h for lang in langs for h in events._lexicon(lang).mechanism_hits(text) if h[1] != "meeting"
    )
    out: list[str] = []
    for _, mech in hits:
        if mech not in out:
            out.append(mech)
    return out


@pytest.mark.parametrize("language", [None, "en", "es"])
def test_mechanisms_mentioned_is_the_plain_answer(language: str | None) -> None:
    rng = random.Random(37)
    found = 0
    extra = ["peace talks", "grain agreement", "trade deal", "meeting", "reunión", "ſ", "İ"]
    for _ in range(2000):
        pieces = _MECH_PIECES + extra
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ", "]) for _ in range(8))
        want = _plain_mentioned(text, language)
        assert events.mechanisms_mentioned(text, language) == want, text
        found += len(want)
    assert found > 1000


@pytest.mark.parametrize("language", ["en", "es"])
def test_tense_is_skipped_only_where_the_resolver_ignores_it(language: str) -> None:
    """_find_dates works out no tense for a day or month with a year, nor without a
    publication day: there the resolver gives the same answer for either tense."""
    rng = random.Random(43)
    pieces = _DATE_PIECES + ["5 de febrero", "de 2023", "February 5, 2024", "Nov. 29", "2021"]
    pieces += ["next", "last", "in", "on", "el", "próximo", "pasado", "March", "marzo", "Friday"]
    pieces += ["viernes", "this", "este", "of", "del", "ſ", "İ", "5", "5 de febrero de 2023"]
    pieces += ["marzo de 2022", "el 3 de marzo de 2021", "en mayo de 2020"]
    pubs = [dt.date(2023, 2, 21), dt.date(2021, 1, 3), dt.date(2024, 12, 30)]
    skipped = 0
    for pattern, kind in dates._patterns(language):
        if kind not in dates._TENSED:
            continue
        for _ in range(600):
            text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            for m in pattern.finditer(text):
                g = m.groupdict()
                past = dates._resolve(kind, g, None, "past")
                assert past == dates._resolve(kind, g, None, "future"), text
                if kind == "weekday" or not g.get("year"):
                    continue
                for pub in pubs:
                    past = dates._resolve(kind, g, pub, "past")
                    assert past == dates._resolve(kind, g, pub, "future"), (text, pub)
                    skipped += 1
    assert skipped > 50


@pytest.mark.parametrize(
    "body",
    [
        r"(?:s(?:uspend(?:s|ed)?|top)|pause)(?![\w-])",  # ends with a letter, as triggers do
        r"(?:ab|a\.|a-|b\s)",  # ends with a character the guard accepts: next match right after
        r"(?:a|b)?",  # can match empty: the plain scan is used
        r"(?:é|ſ|a)",
    ],
)
def test_guarded_scan_finds_what_the_plain_pattern_finds(body: str) -> None:
    pattern = re.compile(events._GUARD + body)
    scan = events._GuardedScan(pattern)
    rng = random.Random(47)
    pieces = ["a", "b", "a.", "ab", "a-b", "-a", "_a", "1a", " ", "  ", "\n", ".", ",", "é", "ſ"]
    pieces += ["suspend", "suspends", "stop", "pause", "paused", "xstop", "stop-", "b "]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        want = [m.span() for m in pattern.finditer(text)]
        assert events._guarded_spans(pattern, text) == want, text
        lo = rng.randrange(len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        got = scan.spans(text, lo, hi)
        if got is not None:
            assert got == [m.span() for m in pattern.finditer(text, lo, hi)], (text, lo, hi)
        found += len(want)
    assert found > 200


@pytest.mark.parametrize("language", ["en", "es"])
def test_mechanism_places_are_mech_lows(language: str) -> None:
    """_mech_starts finds, from any line start, the places mech_low matches."""
    lex = events._lexicon(language)
    assert lex.mech_after is not None and lex.mech_at is not None and lex.mech_low is not None
    rng = random.Random(53)
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(_MECH_PIECES) + rng.choice(["", " ", "-"]) for _ in range(8))
        low = text.lower()
        for lo in {0, rng.randrange(len(text) + 1), text.find("\n") + 1}:
            want = [f.start() for f in lex.mech_low.finditer(low, lo)]
            got = [f.end() for f in lex.mech_after.finditer(low, max(0, lo - 1))]
            if lo == 0 and lex.mech_at.match(low, 0):
                got.insert(0, 0)
            assert got == want, (text, lo)
            found += len(want)
    assert found > 1000


def test_digit_runs_are_the_plain_patterns() -> None:
    plain = re.compile(r"\d+")
    rng = random.Random(59)
    pieces = ["1", "23", "٣", "²", "x", " ", "-", "_", "a1", "2024", "\n", "İ", "١٢"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in dates._DIGIT_RUN.finditer(text)] == want, text
        found += len(want)
    assert found > 3000


def test_anchor_word_spans_are_the_plain_scans() -> None:
    assert dates._ANCHOR_WORDS_LOW is not None and dates._ANCHOR_WORDS_AFTER is not None
    rng = random.Random(61)
    pieces = [p.lower() for p in _DATE_PIECES] + ["", "_", "-", "é", "٣", "mayo", "lunes"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "-", ".", "\n"]) for _ in range(6))
        want = [m.span() for m in dates._ANCHOR_WORDS_LOW.finditer(text)]
        assert dates._anchor_word_spans(text) == want, text
        found += len(want)
    assert found > 3000


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("_CLAUSE_OPENER", r"(?:[;:]|(?<![\w-])(?:that|which|who|que|whereas)(?![\w-]))"),
        ("_RX_CLAUSE_CUT", r"[,;:(]|(?<![\w-])(?:that|which|que)(?![\w-])"),
        ("_RX_THAT", r"(?<![\w-])(?:that|que)(?![\w-])"),
    ],
)
def test_clause_cuts_are_the_plain_patterns(name: str, plain: str) -> None:
    quick = getattr(events, name)
    plain_rx = re.compile(plain)
    rng = random.Random(67)
    pieces = ["that", "which", "who", "whoever", "que", "queso", "whereas", "That", "thats"]
    pieces += [";", ":", ",", "(", " ", "-", "_", "x", "é", "2", "\n", "ſ", "İ", "wh", "t"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        lo = rng.randrange(len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        for args in ((text,), (text, lo, hi)):
            want = [m.span() for m in plain_rx.finditer(*args)]
            assert [m.span() for m in quick.finditer(*args)] == want, args
            found += len(want)
    assert found > 150  # the pieces do hold matches


@pytest.mark.parametrize(
    ("plain", "quick"),
    [
        (events._RX_NOT_YET, events._HAS_NOT_YET),
        (events._DATE_WORD, events._HAS_DATE_WORD),
        (events._RX_COMMA_AND, events._HAS_COMMA_AND),
        (events._PRONOUN, events._HAS_PRONOUN),
        (events._POSSESSIVE, events._HAS_POSSESSIVE),
        (events._COORDINATION, events._HAS_COORDINATION),
        (events._NEXT_VERB, events._HAS_NEXT_VERB),
    ],
)
def test_more_quick_searches_tell_what_the_plain_ones_tell(plain, quick) -> None:
    rng = random.Random(71)
    pieces = ["yet to", "YET  to", "failed to", "no intention", "its", "ITS", "their", "'s"]
    pieces += ["’s", "su", "sus", "he", "She", "they", "él", "ELLA", "and", "y", "e", "but"]
    pieces += ["pero", "while", ";", ",", "2021", "1999", "January", "May", "ſeptember", "x"]
    pieces += ["sent", "İts", "\u212a", "ı", "ſhe", "-", "_", "é", "2"]
    found = 0
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        text = "".join(w + rng.choice(["", " ", "  ", "\n"]) for w in words)
        found += _same_verdicts(plain, quick, text, rng)
    assert found > 40  # the pieces do hold matches


def test_english_proposals_hold_to_in_the_lowered_sentence() -> None:
    """_analyse_sentence looks for English proposals only in sentences whose lower case
    holds "to": every match of the proposal patterns does."""
    lex = events._lexicon("en")
    rng = random.Random(73)
    pieces = ["ready", "READY", "offered", "Offer", "willing", "proposal", "wants", "wiſhes"]
    pieces += ["to", "TO", "To", "tO", "t", "o", "\t", "\u00a0", " ", "  ", "\n", "extend", "x"]
    pieces += ["İnitiative", "eager", "keep", "é"]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(6))
        for pattern in {lex.propose_re, lex.propose_scan or lex.propose_re}:
            if pattern.search(text):
                assert "to" in text.lower(), text
                found += 1
    assert found > 200


@pytest.mark.parametrize("language", ["en", "es"])
def test_context_checks_on_the_folded_text_are_the_scans(language: str) -> None:
    lex = events._lexicon(language)
    rng = random.Random(79)
    pieces = ["BCC", "bcc", "xBCC", "BCCs", "CCB", "_ccb", "Consultative Commission"]
    pieces += ["comisión consultiva", "COMISION CONSULTIVA", "ſtrategic stability", "strategic"]
    pieces += ["Strategic Dialogue", "diálogo estratégico", "DIALOGO ESTRATEGICO", "estabilidad"]
    pieces += ["estratégica", " ", "\n", "-", "é", "İ", "\u212a", "ı", "x", "dialogue", "Σ"]
    found = {"bcc": 0, "dialogue": 0}
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(5))
        title = rng.choice([None, "", "BCC", "Strategic stability", "ſ", "x"])
        low = events._folded(lex, text)
        context = f"{title or ''}\n{text}"
        low_context = events._low_context(lex, title, low)
        for what, scan in (("bcc", events._BCC_SCAN), ("dialogue", events._DIALOGUE_SCAN)):
            want = scan.search(context) is not None
            assert events._context_has(context, low_context, what) == want, (title, text)
            found[what] += want and low_context is not None
    assert min(found.values()) > 300  # the folded path was taken and found something


_PASSIVE_VISA_PIECES = [
    "visas", "VISAS", "visados", "Visado", "xvisas", "of the Russian inspectors",
    "de los inspectores", "were revoked", "were  REVOKED", "have been cancelled", "was denied",
    "fueron revocados", "han sido anuladas", "fue retirado", "revokedx", "inspections", ", ",
    ". ", "\n", " ", "ſ", "İ", "é", "x",
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_sentence_gate_covers_passive_visa_revocations(language: str) -> None:
    """Wherever the passive visa pattern matches inside a window, a head span of gate_low
    meets that window (the sentence is analysed on the fast path too)."""
    lex = events._lexicon(language)
    assert lex.gate_low is not None
    rng = random.Random(31)
    found = 0
    for _ in range(3000):
        k = rng.randint(2, 8)
        text = "".join(rng.choice(_PASSIVE_VISA_PIECES) + rng.choice([" ", ""]) for _ in range(k))
        low = events._folded(lex, text)
        if low is None:
            continue
        spans = [g.span() for g in lex.gate_low.finditer(low)]
        lo = rng.randrange(len(text) + 1)
        for ss, se in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
            if events._VISA_PASSIVE.search(text, ss, se):
                found += 1
                assert any(a < se and b > ss for a, b in spans), (text, ss, se)
    assert found > 100


def test_passive_visa_events_are_the_same_without_the_lowered_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [
        ("On Monday the visas of the Russian inspectors were revoked. Talks went on.", "en"),
        ("El lunes, los visados de los inspectores rusos fueron revocados por Washington.", "es"),
    ]
    published = dt.date(2023, 6, 2)
    want = [events.find_events(t, published=published, language=lang) for t, lang in texts]
    assert all(want)
    monkeypatch.setattr(events, "_folded", lambda lex, text: None)
    got = [events.find_events(t, published=published, language=lang) for t, lang in texts]
    assert got == want


def test_wordish_is_the_regex_class_for_every_character() -> None:
    # every code point (surrogates included): \w as the regex engine reads it, or "-"
    plain = re.compile(r"[\w-]")
    differ = [i for i in range(0x110000) if events._wordish(chr(i)) != bool(plain.match(chr(i)))]
    assert differ == []
    assert events._wordish("ſ") and events._wordish("٣") and not events._wordish("’")


@pytest.mark.parametrize("with_low", [True, False])
def test_next_event_reads_visa_alike_in_the_lowered_text(with_low: bool) -> None:
    # sentences written for this test; "VİSA", "viſa" and a final sigma lower oddly
    texts = [
        "Moscow suspended the talks and revoked the VISAS of the inspectors.",
        "Moscow suspended the talks and revoked the VİSAS of the inspectors.",
        "Moscow suspended the talks and then viſas were revoked.",
        "Russia paused inspections ΟΔΟΣ and revoked visas, officials said.",
        "Rusia suspendió las inspecciones y revocó los visados de los inspectores.",
    ]
    lex = events._lexicon("en")
    for text in texts:
        triggers = events._trigger_matches(lex, text)
        starts = [m.start() for m in triggers]
        spans = tuple(m.span() for m in triggers)
        low = events._folded(lex, text) if with_low else None
        doc = events._Doc(text, lex, [], [], None, None, False, None, 0, spans, None)
        doc_low = replace(doc, trigger_starts=starts, low=low)
        for lo in range(len(text)):
            want = _plain_next_event(text, spans, lo, len(text))
            assert events._next_event(doc_low, lo, len(text)) == want, (text, lo)


def _plain_next_event(text: str, spans: tuple[tuple[int, int], ...], lo: int, se: int) -> int:
    """events._next_event as first written, on the trigger spans."""
    starts = [s for s, _ in spans if lo <= s < se]
    if "visa" in text[lo:se].lower():
        starts += [m.start() for m in events._VISA.finditer(text, lo, se)]
    for pos in sorted(starts):
        link = events._NEXT_VERB.search(text, lo, pos)
        if link:
            return link.start()
    return se


def test_tokens_before_are_the_plain_lowered_words() -> None:
    # sentences written for this test, ASCII and not ("İ", "ſ", "ß", a curly apostrophe)
    texts = [
        "The U.S. said it WOULD NOT extend the treaty's limits, officials added.",
        "Moscow's decision_2 to halt-the talks won't be reversed soon.",
        "İSTANBUL talks: Russia's ſtatement on the ſuspension, Straße and Ryabkov’s reply.",
        "El Kremlin NO suspenderá las inspecciones, dijo el portavoz.",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj",
        "Á b Ç d É f g H i J k L m Ñ o P q R s T u V w X y Z aa BB cc DD ee FF gg HH ii",
        "counterproductiveness-notwithstanding internationalisation of it is not so",
    ]
    for text in texts:
        for lo in (0, 5):
            for pos in range(lo, len(text) + 1):
                for n in (3, 5, 6):
                    chunk = text[max(lo, pos - 80) : pos]
                    want = [w.lower() for w in events._WORD.findall(chunk)[-n:]]
                    assert events._tokens_before(text, lo, pos, n) == want, (text, pos)


def test_nominal_spans_in_windows_are_the_plain_scan() -> None:
    lex = events._lexicon("en")
    rng = random.Random(11)
    found = 0
    for text in _texts() + _event_texts():
        low = events._folded(lex, text)
        if low is None:
            continue
        for i in range(4):  # the whole text, then windows that may cut words
            lo = 0 if i == 0 else rng.randrange(len(low) // 2 + 1)
            hi = len(low) if i == 0 else rng.randrange(lo, len(low) + 1)
            want = [m.span() for m in events._NOMINAL_LOW.finditer(low, lo, hi)]
            assert events._nominal_low_spans(low, lo, hi) == want, (text, lo, hi)
            found += len(want)
    assert found > 100


@pytest.mark.parametrize("language", ["en", "es"])
def test_sentence_analysis_reads_the_folded_text_as_its_own_lowering(language: str) -> None:
    # the words the sentence stages look for hold no letter that lowers by context
    for words in (events._STOP_WORDS, events._LAW_WORDS, events._VISA_WORDS):
        assert not any(ch in "σςΣ" for w in words for ch in w)
    lex = events._lexicon(language)
    mine = [  # sentences written for this test, a final sigma among them
        "ΟΔΟΣ said Russia will no longer share data. The Duma passed a law suspending the treaty.",
        "ΣΑΣ: Moscow is open to talks; it revoked the visas of US inspectors, NOT the treaty.",
        "La Duma aprobó una ley que suspende el tratado; Rusia ya no notificará los ensayos.",
    ]
    compared = found = 0
    for text in mine + _event_texts(800):
        low = events._folded(lex, text)
        if low is None:
            continue
        for pi, para in enumerate(events._paragraphs(text)):
            for ss, se in para.sentences:
                args = (lex, language, text, ss, se, pi, None, True, None)
                want = events._analyse_sentence(*args)
                assert events._analyse_sentence(*args, low) == want, text
                compared += 1
                found += len(want)
    assert compared > 500 and found > 50


def test_questions_are_skipped_as_the_plain_strip_tells() -> None:
    lex = events._lexicon("en")
    texts = [  # written for this test: questions, quoted ones, a "?" inside a statement
        "Will Russia suspend the treaty?",
        "Did Moscow suspend inspections?”  ",
        "Russia suspended inspections (why?) ” ",  # a blank between "?" and the quote
        "Russia suspended the treaty (why?) in February 2023.",
        "Russia suspended the treaty in February 2023.",
    ]
    for text in texts:
        question = text.rstrip().rstrip('"”’»)').endswith("?")
        got = events._analyse_sentence(lex, "en", text, 0, len(text), 0)
        assert (got == []) == question, text


def _plain_dedup_spans(cands: list[events._Cand]) -> list[events._Cand]:
    """events._dedup_spans as first written."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.mech_window is None))
    kept: list[events._Cand] = []
    for c in cands:
        twin = next((k for k in kept if c.start < k.end and k.start < c.end), None)
        if twin is not None:
            if (twin.start, twin.end, twin.action) == (c.start, c.end, c.action):
                twin.tense = c.tense
            continue
        kept.append(c)
    return kept


def test_dedup_spans_keeps_what_the_plain_loop_keeps() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        cands = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 30)
            cands.append(
                events._Cand(
                    start,
                    start + rng.randint(0, 6),  # empty spans too
                    rng.choice(["suspend", "propose"]),
                    rng.choice(["past", "future", "propose"]),
                    "active",
                    (0, 40),
                    0,
                    rng.choice([None, (0, 5)]),
                )
            )
        want = _plain_dedup_spans([replace(c) for c in cands])
        assert events._dedup_spans([replace(c) for c in cands]) == want


# Heads of the sentence constructions written for these tests, some inside others ("will
# not", "ya no", "se negó a"), glued to letters, hyphens and odd cases.
_HEAD_PIECES = [
    "would not give", "did not", "DID NOT hand over", "has not provided", "had not met",
    "refused to grant", "refuses", "declined to share", "will no longer", "no longer share",
    "won't send", "stop", "stopped providing", "ceased", "ya no", "se negó a", "negó",
    "dejó de compartir", "tampoco", "no", "is open to", "was open to talks", "call for",
    "called for a meeting", "ready to", "READINESS to", "offered to keep", "wants to",
    "dispuesta a seguir", "está abierta a", "pidió", "signed a law", "approved the decree",
    "revoked the visas", "denied access", "cancelled", "xready", "ready-", "-stop", "_did",
    "ſtop", "İ", "é", "’", " ", "  ", "\n", ". ", ", ", "to", "x",
]  # fmt: skip


def _head_texts(n: int = 2500) -> list[str]:
    rng = random.Random(41)
    return [
        "".join(rng.choice(_HEAD_PIECES) + rng.choice(["", " ", " ", "-"]) for _ in range(k))
        for k in (rng.randint(1, 9) for _ in range(n))
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_head_places_are_every_place_the_gate_matches(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.gate_low is not None and lex.gate_places is not None
    found = inside = 0  # inside: places within an earlier match, which finditer skips
    for text in _head_texts() + _event_texts(500):
        low = events._folded(lex, text)
        if low is None:
            continue
        want = [p for p in range(len(low) + 1) if lex.gate_low.match(low, p)]
        assert events._head_places(lex.gate_places, low) == want, text
        found += len(want)
        inside += len(want) - len(list(lex.gate_low.finditer(low)))
    assert found > 3000
    if language == "es":
        assert inside > 20  # "ya no", "se negó a"


@pytest.mark.parametrize("language", ["en", "es"])
def test_constructions_tried_at_head_places_are_the_scans(language: str) -> None:
    """Every sentence construction, tried only at the head places in a window, finds what
    its scan of the window finds."""
    lex = events._lexicon(language)
    assert lex.gate_places is not None
    stages = [
        lex.propose_scan or lex.propose_re,
        lex.propose_re,
        events._PROPOSE_NOUN[language],
        events._CESSATION_SCAN[language],
        events._CESSATION[language],
        events._LAW_VERB,
        events._VISA,
    ]
    noun, cess, law, visa, prop = lex.head_firsts
    assert language == "es" or all(lex.head_firsts)  # each English head tells its letters
    letters = [prop, prop, noun, cess, cess, law, visa]
    rng = random.Random(43)
    found = 0
    for text in _head_texts() + _event_texts(500):
        low = events._folded(lex, text)
        if low is None:
            continue
        places = events._head_places(lex.gate_places, low)
        lo = rng.randrange(len(text) + 1)
        for ss, se in ((0, len(text)), (lo, rng.randrange(lo, len(text) + 1))):
            mine = [p for p in places if ss <= p < se]
            for rx, firsts in zip(stages, letters, strict=True):
                want = [m.span() for m in rx.finditer(text, ss, se)]
                assert [m.span() for m in events._matches_at(rx, text, ss, se, mine)] == want
                got = events._matches_at(rx, text, ss, se, mine, low, firsts)
                assert [m.span() for m in got] == want, text
                found += len(want)
    assert found > 1000


@pytest.mark.parametrize("language", ["en", "es"])
def test_sentences_tried_at_head_places_give_the_same_candidates(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.gate_places is not None
    compared = found = 0
    for text in _head_texts(1500):
        low = events._folded(lex, text)
        if low is None:
            continue
        places = events._head_places(lex.gate_places, low)
        for pi, para in enumerate(events._paragraphs(text)):
            for ss, se in para.sentences:
                args = (lex, language, text, ss, se, pi, None, True, None, low)
                want = events._analyse_sentence(*args)
                heads = [p for p in places if ss <= p < se]
                if heads:
                    assert events._analyse_sentence(*args, heads) == want, text
                else:  # no head: only the triggers give candidates
                    alone = events._analyse_sentence(*args[:7], False, None, low)
                    assert alone == want, text
                compared += 1
                found += len(want)
    assert compared > 1000 and found > 100


@pytest.mark.parametrize("language", ["en", "es"])
def test_keyword_scan_of_a_sentence_finds_every_windows_keyword(language: str) -> None:
    """Wherever a window, scanned alone, holds a mechanism keyword, mech_any finds one in
    any span of the folded text around the window."""
    lex = events._lexicon(language)
    assert lex.mech_any is not None
    pieces = [
        "inspections", "xinspections", "inspectionsx", "INSPECTIONS", "BCC", "bcc", "xBCC",
        "the treaty", "treatyx", "New START", "restart", "talks", "stalks", "data exchange",
        "exchanges of data", "intercambio de datos", "inspecciones", "tratado", "reuniones",
        "on-site", "-site inspections", "negotiations on arms control", "notificaciones",
        "diálogo estratégico", "CCB", "xCCB", "Tratado", "sesiones", "ſtart", "İ", "é",
        " ", "  ", "-", ", ", ". ", "\n", "x", "2",
    ]  # fmt: skip
    rng = random.Random(47)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        low = events._folded(lex, text)
        if low is None:
            continue
        for _ in range(10):
            lo = rng.randrange(len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            if lex.mech_re.search(text[lo:hi]):
                found += 1
                ss, se = rng.randint(0, lo), rng.randint(hi, len(text))
                assert lex.mech_any.search(low, ss, se), (text, lo, hi)
    assert found > 400


def test_keyword_scan_is_refused_for_patterns_that_read_around_them() -> None:
    assert events._mech_any(["inspections?", "talks"]) is not None
    for odd in [r"\bbcc", "talks(?!hop)", "[^x]talks", r"talk\S", "(?i:talks)", "talks$"]:
        assert events._mech_any(["inspections?", odd]) is None, odd


# Sentences written for this test: events with and without a mechanism keyword, objects
# the sentence before names, treaties that lapse without being named, talks of a BCC.
_DOOMED_PIECES = [
    "The figures were halted.", "Moscow suspended it in May.", "Russia suspended them.",
    "It expires in February.", "The talks had been frozen for a year.",
    "Officials did not give details.", "Moscow will no longer share data.",
    "Washington halted the exchange.", "Russia suspended inspections in 2022.",
    "The meeting was postponed.", "The BCC session was postponed.", "They agreed to extend it.",
    "Moscow is ready to resume talks.", "Russia is ready to talk.", "The pact lapses today.",
    "The Duma approved a law suspending the treaty.", "Moscow revoked the visas of inspectors.",
    "Its withdrawal took effect.", "The grain deal was suspended.", "Russia froze its stalks.",
    "Rusia lo suspendió en mayo.", "Moscú suspendió las inspecciones.",
    "La reunión fue aplazada.", "Rusia ya no compartirá datos.", "El tratado expira hoy.",
    "Moscow will stop providing data.", "Russia stopped notifying Washington.",
    "The figures stopped; officials did not give details.", "It will stop giving figures.",
    "Officials halted and did not give the figures.", "They refused to hand over details.",
    "Las cifras fueron suspendidas.", "Los funcionarios no facilitaron detalles.",
    "El proceso quedó congelado.", "La CCB suspendió la sesión.",
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_doomed_candidates_are_those_that_give_no_event(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(53)
    texts = []
    for _ in range(300):
        paras = [
            " ".join(rng.choice(_DOOMED_PIECES) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 4))
        ]
        texts.append("\n\n".join(paras))
    published = dt.date(2023, 6, 2)
    titles = [None, "New START: the BCC", "Russia and the treaty"]
    doomed = events._doomed
    told = []

    def counted(doc: events._Doc, c: events._Cand) -> bool:
        found = doomed(doc, c)
        told.append(found)
        return found

    # every candidate reaches _doomed (none is left out before: see the next test)
    analysed = events._analyse_sentence

    def in_full(*args: object) -> list[events._Cand]:
        return analysed(*args[:11])  # no skip

    monkeypatch.setattr(events, "_doomed_trigger", lambda lex, text, m: False)
    monkeypatch.setattr(events, "_analyse_sentence", in_full)
    monkeypatch.setattr(events, "_doomed", counted)
    got = [
        events.find_events(t, published=published, language=language, title=titles[i % 3])
        for i, t in enumerate(texts)
    ]
    monkeypatch.setattr(events, "_doomed", lambda doc, c: False)
    want = [
        events.find_events(t, published=published, language=language, title=titles[i % 3])
        for i, t in enumerate(texts)
    ]
    assert got == want
    assert sum(told) > 100 and len(told) - sum(told) > 100
    assert sum(map(bool, want)) > 100


@pytest.mark.parametrize("language", ["en", "es"])
def test_triggers_by_letter_match_as_the_trigger_pattern(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.trigger_by_letter
    found = 0
    for text in _event_texts() + _head_texts(500):
        low = events._folded(lex, text)
        if low is None:
            continue
        for pos in range(len(text)):
            want = lex.trigger_re.match(text, pos)
            rx = lex.trigger_by_letter.get(low[pos])
            got = rx.match(text, pos) if rx is not None else None
            assert (got and got.span()) == (want and want.span()), (text, pos)
            found += want is not None
    assert found > 300


@pytest.mark.parametrize("language", ["en", "es"])
def test_trigger_and_gate_places_from_one_scan_are_the_two_scans(language: str) -> None:
    lex = events._lexicon(language)
    assert lex.trigger_low is not None and lex.gate_low is not None
    assert lex.trigger_gate is not None
    found = [0, 0, 0]
    for text in _event_texts() + _head_texts() + _noun_texts():
        low = events._folded(lex, text)
        if low is None:
            continue
        spans, gate, nouns = events._trigger_gate_places(lex.trigger_gate, low)
        assert spans == [m.span() for m in lex.trigger_low.finditer(low)], text
        assert gate == [p for p in range(len(low) + 1) if lex.gate_low.match(low, p)], text
        noun = events._NOMINAL_LOW
        assert nouns == [p for p in range(len(low) + 1) if noun.match(low, p)], text
        found[0] += len(spans)
        found[1] += len(gate)
        found[2] += len(nouns)
    assert min(found) > 300


def _noun_texts(n: int = 1500) -> list[str]:
    rng = random.Random(67)
    pieces = ["expiry", "exits", "exit", "-exit", "Suspension", "entry into force", "firma"]
    pieces += ["salida", "prórroga", "the treaty", "suspended", "will not", "ſ", "é", "x"]
    return [
        "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "-", ". "]) for _ in range(k))
        for k in (rng.randint(1, 8) for _ in range(n))
    ]


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        (r"(?:ab|a b c|b)(?![\w-])", r"(?:b|a b)", r"(?:a b|b)"),
        (r"(?:a|)", r"b", None),  # empty matches: finditer's own way
        (r"(?:a\s+b|b\s+a)", r"(?:a|b\s)", r"a"),
    ],
)
def test_trigger_and_gate_places_of_overlapping_patterns(
    first: str, second: str, third: str | None
) -> None:
    one, two = (re.compile(events._GUARD + body) for body in (first, second))
    three = None if third is None else re.compile(events._GUARD + third)
    scan = events._trigger_gate_scan(one, two, three)
    assert scan is not None
    rng = random.Random(59)
    empty = 0
    for _ in range(3000):
        low = "".join(rng.choice("ab -.x\n") for _ in range(rng.randint(0, 12)))
        spans, gate, nouns = events._trigger_gate_places(scan, low)
        want = list(one.finditer(low))
        if spans is None:
            empty += 1
            assert any(m.start() == m.end() for m in want), low
        else:
            assert spans == [m.span() for m in want], low
        assert gate == [p for p in range(len(low) + 1) if two.match(low, p)], low
        want_nouns = (
            [] if three is None else [p for p in range(len(low) + 1) if three.match(low, p)]
        )
        assert nouns == want_nouns, low
    assert empty > 0 if first == r"(?:a|)" else empty == 0


def test_doomed_triggers_of_keyless_sentences_change_no_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(61)
    texts = []
    for _ in range(300):
        paras = [
            " ".join(rng.choice(_DOOMED_PIECES) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 4))
        ]
        texts.append("\n\n".join(paras))
    published = dt.date(2023, 6, 2)
    titles = [None, "New START: the BCC", "Russia and the treaty"]
    doomed = events._doomed_trigger
    told = []

    def counted(lex: events._Lexicon, text: str, m: re.Match[str]) -> bool:
        found = doomed(lex, text, m)
        told.append(found)
        return found

    analysed = events._analyse_sentence
    again = []  # sentences analysed again in full: a left-out candidate overlapped another

    def watched(*args: object) -> list[events._Cand]:
        again.append(len(args) < 12 or not args[11])
        return analysed(*args)

    monkeypatch.setattr(events, "_doomed_trigger", counted)
    monkeypatch.setattr(events, "_analyse_sentence", watched)
    got = [
        events.find_events(t, published=published, title=titles[i % 3]) for i, t in enumerate(texts)
    ]
    monkeypatch.setattr(events, "_keyless", lambda lex, low, ss, se: False)
    want = [
        events.find_events(t, published=published, title=titles[i % 3]) for i, t in enumerate(texts)
    ]
    assert got == want
    assert sum(told) > 100 and len(told) - sum(told) > 50
    assert sum(map(bool, want)) > 100
    assert sum(again) > 20


def test_clause_checks_with_the_sentences_words_are_the_plain_checks() -> None:
    """_blocked and _verb_candidate given the words before the trigger (as the sentence
    analysis hands them over) answer as when they find the words themselves."""
    rng = random.Random(71)
    pieces = [
        "Russia", "has not", "would", "could", "if", "when", "never", ", ", "; ", "(", ": ",
        "suspended", "will suspend", "halted", "the talks", "said that", "ready to extend",
        "probably", "is suspending", "been frozen", "had", "it", "in May", "x" * 40, " ",
    ]  # fmt: skip
    lex = events._lexicon("en")
    compared = blocked = 0
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(2, 9)))
        for m in events._trigger_matches(lex, text):
            ss = rng.randint(0, m.start())
            words = events._tokens_before(text, ss, m.start(), 6)
            want = events._verb_candidate(lex, "en", text, ss, len(text), m)
            assert events._verb_candidate(lex, "en", text, ss, len(text), m, words) == want
            for form in ("s", "x", "future", "base"):
                want_blocked = events._blocked(text, ss, m.start(), form, "en")
                got = events._blocked(text, ss, m.start(), form, "en", words)
                assert got == want_blocked, (text, ss, m.start(), form)
                compared += 1
                blocked += want_blocked
    assert compared > 2000 and 500 < blocked < compared - 500


@pytest.mark.parametrize("language", ["en", "es"])
def test_window_hits_from_the_folded_texts_slice_are_the_windows_own(language: str) -> None:
    """A window's keywords found with the slice of the folded text are those found with the
    window folded alone (they differ at most in a final sigma, which no keyword holds)."""
    lex = events._lexicon(language)
    rng = random.Random(73)
    pieces = [*_MECH_PIECES, "ΟΔΟΣ", "Σ", "σ", "ς", "ΣΑΣ talks"]
    compared = found = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(8))
        low = events._folded(lex, text)
        if low is None:
            continue
        for _ in range(5):
            lo = rng.randrange(len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            want = lex._mechanism_hits(text[lo:hi])
            assert lex._mechanism_hits(text[lo:hi], low[lo:hi]) == want, (text, lo, hi)
            compared += 1
            found += bool(want)
    assert compared > 3000 and found > 500


def test_line_end_is_told_as_the_pattern_tells() -> None:
    rng = random.Random(79)
    pieces = ["Talks", ".", "!", "?", "…", '"', "”", "’", "»", ")", "]", " ", "x", "U.S", "“"]
    ends = 0
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        want = bool(events._RX_LINE_END.search(line))
        assert events._ends_with_stop(line) == want, line
        ends += want
    assert 500 < ends < 4500


def _plain_owned_by_other_verb(text: str, spans: tuple, lo: int, hi: int) -> bool:
    last = None
    for a, b in spans:
        if a >= hi:
            break
        if a >= lo and b <= hi and text[a:b].lower() not in ("hold", "held"):
            last = b
    return last is not None and not events._RX_PUNCT.search(text[last:hi])


def test_other_verbs_before_a_date_are_found_as_the_plain_loop_finds_them() -> None:
    rng = random.Random(83)
    owned = 0
    for _ in range(3000):
        text = "".join(
            rng.choice(["held", "Hold", "expires", " ", ",", "x", "on May 5"]) for _ in range(12)
        )
        starts = sorted(rng.sample(range(len(text)), min(len(text), rng.randint(0, 6))))
        spans = tuple((a, min(len(text), a + rng.randint(1, 7))) for a in starts)
        lo = rng.randrange(len(text) + 1)
        hi = rng.randrange(lo, len(text) + 2)
        want = _plain_owned_by_other_verb(text, spans, lo, hi)
        assert events._owned_by_other_verb(text, spans, lo, hi) == want, (text, spans, lo, hi)
        owned += want
    assert 300 < owned < 2700


def test_full_stop_is_told_as_the_pattern_tells() -> None:
    rng = random.Random(89)
    pieces = ["a", "Z", "z.", "0.", "9", ".", "U.S", " ", "é", "_", ")", "\t", "x."]
    stops = 0
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        want = bool(events._RX_FULL_STOP.search(s))
        assert events._full_stop(s) == want, s
        stops += want
    assert 200 < stops < 4800


def test_published_dates_are_normalised_alike() -> None:
    import pandas as pd

    day = dt.date(2023, 3, 1)
    for value, want in [
        (day, day),
        (dt.datetime(2023, 3, 1, 12), day),
        (pd.Timestamp("2023-03-01"), day),
        ("2023-03-01", day),
        (pd.NaT, None),
        (None, None),
        (float("nan"), None),
        ("not a date", None),
    ]:
        assert events._normalise_published(value) == want, value


def _plain_paragraphs(text: str) -> list[tuple[int, int, bool, bool]]:
    out = []
    for m in events._LINE.finditer(text):
        line = m.group(0)
        if not line.strip():
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.end() - (len(line) - len(line.rstrip()))
        out.append((s, e, bool(events._BULLET.match(line)), line.rstrip().endswith(":")))
    return out


def test_paragraphs_are_the_stripped_lines() -> None:
    rng = random.Random(97)
    pieces = ["a", " ", "\n", "\t", "•", "• ", "1.", "12) ", "-", "–x", ":", " :", "\u2028"]
    pieces += ["\x85", "\r", "\x1c", "\u3000", "ab c", "* item", "3) x"]
    bullets = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        got = [(p.start, p.end, p.bullet, p.intro) for p in events._paragraphs(text)]
        want = _plain_paragraphs(text)
        assert got == want, repr(text)
        bullets += sum(b for _, _, b, _ in want)
    assert bullets > 1000


def test_abbreviations_are_told_as_the_pattern_tells() -> None:
    # every alternative of the abbreviation words holds a capital, or is one of the lower ones
    words = re.search(r"\(\?:(Mr\|.*?)\)\)", events._ABBREV.pattern)
    assert words is not None
    for word in words.group(1).split("|"):
        assert word != word.lower() or f"{word}." in events._LOWER_ABBREVS, word
    rng = random.Random(101)
    pieces = ["Mr", "mr", "U.S", "u.s", "vs", "VS", "approx", "Approx", "Sept", "EE.UU", "Dña"]
    pieces += ["year", "2022", " ", ".", "A", "é", "É", "x"]
    found = 0
    for _ in range(20000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))[-12:] + "."
        want = bool(events._ABBREV.search(head))
        assert events._abbreviated(head) == want, head
        found += want
    assert 2000 < found < 18000


def test_each_sentence_is_handed_its_own_triggers_and_head_places(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """find_events walks the trigger starts and head places along the sentences: each
    sentence analysed gets those that start in it, as bisecting them tells."""
    lex = events._lexicon("en")
    seen = []
    analysed = events._analyse_sentence

    def watched(*args: object) -> list[events._Cand]:
        text, ss, se, mine, heads = args[2], args[3], args[4], args[6], args[10]
        seen.append((text, ss, se, [m.span() for m in mine], heads))
        return analysed(*args)

    monkeypatch.setattr(events, "_analyse_sentence", watched)
    rng = random.Random(103)
    pieces = [*_DOOMED_PIECES, "Talks went on.", "“Quote,” he said.", "Suspended talks resumed."]
    pieces += ["Halted, the talks froze.", "\n\n", "\n", " "]
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        events.find_events(text, published=dt.date(2023, 6, 2))
    assert len(seen) > 500
    for text, ss, se, mine, heads in seen:
        low = events._folded(lex, text)
        assert low is not None and lex.trigger_gate is not None
        spans, gate, _ = events._trigger_gate_places(lex.trigger_gate, low)
        assert spans is not None
        starts = [a for a, _ in spans]
        want = spans[bisect.bisect_left(starts, ss) : bisect.bisect_left(starts, se)]
        assert heads == gate[bisect.bisect_left(gate, ss) : bisect.bisect_left(gate, se)]
        if not heads and events._keyless(lex, low, ss, se):  # doomed triggers left out
            matches = [lex.trigger_re.match(text, a) for a, _ in want]
            want = [m.span() for m in matches if not events._doomed_trigger(lex, text, m)]
        assert mine == want, (text, ss, se)


def test_clause_cuts_read_on_the_text_from_a_sentence_start_are_the_slices() -> None:
    """_date_for finds the clause cuts on the text from the sentence's start: what the
    guards read before it is a blank (or nothing), as in the sentence cut out."""
    rng = random.Random(107)
    pieces = ["That", "that", "which", "Which", "que", "Que", "-that", "xthat", "thatx", ", "]
    pieces += ["; ", ": ", "(", ". ", "! ", "\n", " ", "said", "Mr. ", "U.S. ", "É", "2"]
    compared = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for para in events._paragraphs(text):
            for ss, se in para.sentences:
                for pos in range(ss, se + 1):
                    want = [ss + m.end() for m in events._RX_CLAUSE_CUT.finditer(text[ss:pos])]
                    got = [m.end() for m in events._RX_CLAUSE_CUT.finditer(text, ss, pos)]
                    assert got == want, (text, ss, pos)
                    compared += bool(want)
    assert compared > 3000


# Treaty names and near misses written for these tests: cut by windows, glued to letters,
# digits and hyphens, in odd cases, with characters IGNORECASE treats specially.
_TREATY_PIECES = [
    "START", "RESTART", "STARTS", "START-3", "START III", "Start III", "New START", "NewSTART",
    "Nuevo START", "INF", "xINF", "INF2", "_INF", "CTBT", "CTBTO", "CFE", "FACE", "FACEs",
    "Open Skies", "Open Skiesx", "Cielos Abiertos", "Prague treaty", "TPCE", "Comprehensive",
    "Test-Ban", "Comprehensive Nuclear-Test-Ban", "Conventional Armed Forces in Europe",
    "Prohibición Completa de los Ensayos", "Intermediate-Range Nuclear Forces", "the treaty",
    "İ", "ſ", "\u212a", "ß", "é", "2", " ", " ", "-", ".", ",", "\n",
]  # fmt: skip


def test_unbounded_treaty_pattern_finds_nothing_only_where_no_slice_names_a_treaty() -> None:
    """Where _unbounded's pattern finds nothing in a span, the treaty pattern finds nothing in
    any slice of it, also where the slice cuts a word; and it finds what the pattern finds."""
    lex = events._lexicon("en")
    free = events._unbounded(lex.treaty_any)
    assert free is not None
    rng = random.Random(113)
    quiet = 0
    for _ in range(1500):
        text = "".join(rng.choice(_TREATY_PIECES) for _ in range(rng.randint(1, 6)))
        n = len(text)
        for ss in range(n + 1):
            for se in (n, rng.randint(ss, n)):
                if free.search(text, ss, se) is not None:
                    continue
                quiet += 1
                for lo in range(ss, se + 1):
                    for hi in range(lo, se + 1):
                        assert lex.treaty_any.search(text[lo:hi]) is None, (text, lo, hi)
        if lex.treaty_any.search(text):
            assert free.search(text) is not None, text
    assert quiet > 3000


def test_treaty_of_a_candidate_is_the_plain_chain_of_window_evidence_and_sentence() -> None:
    """_treaty_of gives what _treaty_in of the window, the evidence and the sentence gave in
    turn, with spans inside the sentence and outside it (where it does not shortcut)."""
    from types import SimpleNamespace

    for language in ("en", "es"):
        lex = events._lexicon(language)
        rng = random.Random(127)
        named = 0
        for _ in range(3000):
            text = "".join(rng.choice(_TREATY_PIECES) for _ in range(rng.randint(1, 9)))
            n = len(text)
            ss = rng.randint(0, n)
            se = rng.randint(ss, n)
            spans = []
            for _ in range(2):
                lo = rng.randint(max(0, ss - 2), min(n, se + 1))
                spans.append((lo, rng.randint(lo, min(n, se + 2))))
            doc = SimpleNamespace(lex=lex, text=text)
            want = (
                events._treaty_in(lex, text[spans[0][0] : spans[0][1]])
                or events._treaty_in(lex, text[spans[1][0] : spans[1][1]])
                or events._treaty_in(lex, text[ss:se])
            )
            assert events._treaty_of(doc, (ss, se), *spans) == want, (text, ss, se, spans)
            named += want is not None
        assert named > 300


def test_unbounded_refuses_patterns_that_look_around_a_match() -> None:
    """Only word boundaries outside classes are dropped; lookarounds, anchors, backreferences,
    a backspace in a class or verbose patterns give no shortcut."""
    for pattern in (r"(?<!\w)INF", r"INF(?!\w)", r"^INF", r"INF$", r"(INF)\1", r"[\b]INF"):
        assert events._unbounded(re.compile(pattern)) is None, pattern
    assert events._unbounded(re.compile(r"\bINF\b", re.VERBOSE)) is None
    kept = events._unbounded(re.compile(r"\bINF\b|C[\w-]E\b"))
    assert kept is not None
    assert kept.search("xINFx") and kept.search("Cx-E") is None and kept.search("C-E")


def test_para_has_words_is_the_word_count_compared() -> None:
    """_Para.has_words(n) is ``words >= n``, asked before and after the words are counted,
    on lines with apostrophes, hyphens, digits, underscores and Unicode letters and marks."""
    pieces = ["word", "Moscow’s", "don't", "re-entry", "-", "—", "’", "'", "_", "2026", "٣"]
    pieces += ["İ", "ſ", "ß", "é", "e\u0301", "\u0301", " ", "  ", ", ", ". ", "\t", "(x)", "…"]
    rng = random.Random(131)
    seen = set()
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        text += "\n" + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        for para in events._paragraphs(text):
            count = len(events._WORD.findall(text, para.start, para.end))
            seen.add(count)
            for n in range(0, 25):
                assert para.has_words(n) is (count >= n), (text, para.start, n)
            assert para.words == count
            for n in range(0, 25):
                assert para.has_words(n) is (count >= n), (text, para.start, n)
    assert {0, 1, 14, 15, 19, 20} <= seen


def test_subordinate_word_precheck_passes_every_span_whose_last_words_match() -> None:
    """_date_for asks _HAS_SUBORDINATE_DATE of the span's last four words only where
    _HAS_SUBORDINATE_WORD finds a word in the span: it does wherever the words match, in odd
    cases and with the characters IGNORECASE treats specially."""
    pieces = ["after", "AFTER", "Before", "following", "prior to", "PRIOR TO", "prior", "to"]
    pieces += ["tras", "TRAſ", "antes de", "ANTES DE", "después de", "DESPUÉS DE", "despues de"]
    pieces += ["xafter", "after-", "-before", "priorto", "trasx", "antesde", "folloWing", "ſ"]
    pieces += ["İ", "ı", "\u212a", "the", "its", "expiry", "on", " ", "  ", ", ", "\n", "’s"]
    rng = random.Random(137)
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for lo in range(len(text) + 1):
            hi = rng.randint(lo, len(text))
            words = " ".join(events._WORD.findall(text[lo:hi])[-4:])
            if events._HAS_SUBORDINATE_DATE(words):
                matched += 1
                assert events._HAS_SUBORDINATE_WORD(text, lo, hi), (text, lo, hi)
    assert matched > 2000


def test_not_yet_or_short_of_is_either_search() -> None:
    """_blocked's one search for "yet to", "failed to", "no intention" and "short of" answers
    as the two searches did, at the end of the words or not, in odd cases and Unicode."""
    pieces = ["yet", "YET", "to", "To", "failed", "FAILED", "no", "intention", "intentions"]
    pieces += ["short", "SHORT", "ſhort", "of", "OF", "nothing", "x", "İ", "\u212a", "’s"]
    pieces += [" ", "  ", "\n", " \n", "\t", ", ", "-", "_"]
    rng = random.Random(139)
    hits = 0
    for _ in range(20000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        before += rng.choice(["yet to", "Failed  to", "no intention", "ſhort of", "short\tOF"])
        before += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 2)))
        want = bool(events._HAS_NOT_YET(before)) or bool(events._HAS_SHORT_OF(before))
        assert bool(events._HAS_NOT_YET_OR_SHORT_OF(before)) is want, before
        hits += want
    assert 2000 < hits < 18000


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Russia suspended New START on February 21. Putin signed the law a week later; the "
            "Duma had approved that revocation in October. Pompeo announced the U.S. suspension "
            "on Friday. Moscow responded with the same measure. He co-signed the bill. "
            "SIGNED THE LAW ON MONDAY. They backed this move and completed their exit from CFE.",
            "en",
        ),
        (
            "Putin firmó este martes la ley que suspende el tratado. Había anunciado la medida "
            "el 21 de febrero. La Duma aprobó el proyecto al día siguiente y los senadores "
            "aprobaron la prórroga. Moscú respondió con la misma medida. Rusia culminó su "
            "retirada del FACE. ANUNCIÓ LA SUSPENSIÓN el lunes.",
            "es",
        ),
    ],
)
def test_backreference_gate_finds_every_match(
    text: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gated scan of back-references gives _BACKREF's own matches, on the folded text."""
    lex = events._lexicon(language)
    low = events._folded(lex, text)
    assert low is not None
    fast = [m.span() for m in events._backref_matches(text, low, language)]
    exact = [m.span() for m in events._backref_matches(text, None, language)]
    assert exact and fast == exact
    published = dt.date(2023, 3, 2)
    want = events.find_events(text, published=published, language=language)
    assert want
    monkeypatch.setattr(events, "_folded", lambda lex, text: None)
    assert events.find_events(text, published=published, language=language) == want


# windows for the actors' one-search gate: names whole, cut, glued to letters, digits,
# hyphens and underscores, in odd cases, and characters IGNORECASE or lowering treat specially
_ACTOR_PIECES = [
    "Russia", "RUSSIA", "russia", "Russian Federation", "U.S.", "U.S", "US", "USA", "us",
    "EE. UU.", "EE UU", "EEUU", "Estados Unidos", "Washington", "Moscú", "MOSCÚ", "rusos",
    "Rusia y los Estados Unidos", "the two sides", "The parties", "both countries",
    "the Alliance", "NATO", "OTAN", "Pekín", "Pekin", "chinos", "Kremlin", "State Duma",
    "Duma-", "-Duma", "xDuma", "Duma2", "_Putin", "Trump's", "ambos países", "İ", "ſ",
    "\u212a", "ς", "Σ", "ı", "é", "٣", " ", ", ", ".", "-", "\n", "and", " y ", "the",
]  # fmt: skip


def _actor_windows(n: int = 4000) -> list[str]:
    rng = random.Random(11)
    out = ["", " ", "x", "Russia", "U.S.", "the U.S.suspended", "ΣΟΦΟΣ Russia", "İstanbul"]
    out += [" ".join(p) for p in itertools.combinations(_ACTOR_PIECES[:14], 2)]
    for _ in range(n):
        window = "".join(rng.choice(_ACTOR_PIECES) for _ in range(rng.randint(1, 6)))
        out.append(window)
        cut = rng.randint(0, len(window))
        out += [window[:cut], window[cut:]]  # windows that cut a name
    return out


@pytest.mark.parametrize("language", ["en", "es"])
def test_actor_gate_gives_the_plain_hits(language: str) -> None:
    """_actor_hits with the one search for any actor gives what the actors' patterns find
    one by one, and the search finds something exactly where one of them does."""
    lex = events._lexicon(language)
    gate = events._actors_any(lex)
    assert gate is not None  # the shipped actors combine
    for window in _actor_windows():
        plain = [
            (m.start(), m.end(), actor) for rx, actor in lex.actors for m in rx.finditer(window)
        ]
        assert (gate.search(window) is not None) == bool(plain), window
        assert events._actor_hits(lex, window) == plain, window


def test_actor_gate_off_changes_no_event(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same events with and without the gate, on sentences naming actors oddly."""
    text = (
        "The U.S. suspended the BCC meeting. Russia and the US paused inspections, which "
        "MOSCOW had resumed. İnspections were halted by the Kremlin; ΣΟΦΟΣ said Washington "
        "withdrew from the treaty. The two sides postponed the talks. It was suspended by "
        "the U.S.suspended \u212aremlin. Rusia y EE. UU. aplazaron la reunión de la comisión."
    )
    published = dt.date(2023, 3, 2)
    want = events.find_events(text, published=published, language="en")
    assert want and any(e["actor"] for e in want)
    for language in ("en", "es"):
        lex = events._lexicon(language)
        monkeypatch.setattr(lex, "actors_any", None)
    assert events.find_events(text, published=published, language="en") == want


def test_actor_gate_refuses_patterns_that_do_not_combine() -> None:
    """Patterns with their own groups, or different flags, get no gate."""
    lex = events._lexicon("en")
    for actors in (
        [(re.compile(r"(Russia)"), "Russia")],
        [(re.compile("Russia"), "Russia"), (re.compile("nato", re.I), "NATO")],
    ):
        other = replace(lex, actors=actors, actors_any=events._UNSET)
        assert events._actors_any(other) is None
    same = replace(lex, actors_any=events._UNSET)
    assert events._actors_any(same) is not None
