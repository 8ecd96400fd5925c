"""The shortcuts that make statement extraction fast give the same statements as the full path:
the sentence prefilter for special constructions and the memoised lookups."""

from __future__ import annotations

import random
import re
import sys
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
    monkeypatch.setattr(statements, "_EXACT", True)


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


def _special_hint_plain(s: str) -> bool:
    """_special_hint without its word check for ASCII texts."""
    if not s.isascii() and not statements._IGNORECASE_ODD.isdisjoint(s):
        return True
    if not statements._special_needs(s):
        return False
    low = s.lower()
    return any(w in low for w in statements._SPECIAL_WORDS) or any(
        w in low and rx.search(low) is not None for w, rx in statements._SPECIAL_SHORT
    )


def test_special_hint_word_check_keeps_the_answer():
    sentences = [s for s, _ in SPECIAL_SENTENCES] + [
        "This was said by the envoy.",
        "It was stated\tby\nthe minister that talks resumed.",
        "The embassy was told by the ministry that nothing changed.",
        "For the Kremlin, the treaty is dead.",
        "Para el Kremlin, nada cambió.",
        "Tal y como dijo Lavrov, nada cambió.",
        "Tal como lo expresó el ministro, nada.",
        "As Petrova put it, the talks failed.",
        "Así lo dijo el ministro.",
        "Nothing, as the envoy said, changed; for now it is over by all accounts.",
        "In his view the talks failed.",
        "The REVIEW of WORDS ended BY Monday, ACCORDING TO the envoy.",
        "Stated by nobody: FOR a while, PARA nada.",
        "Inspections stopped in 2022 and never resumed.",
        "In her wordſ, the talks failed.",
        "Según el canciller, nada cambió.",
        "The ministry was informed por the embassy.",
    ]
    for s in sentences:
        assert statements._special_hint(s) == _special_hint_plain(s), s


def test_special_hint_takes_letters_that_ignorecase_folds():
    # the long s matches "s" under re.IGNORECASE, so "wordſ" may be "words"
    assert statements._special_hint("In her wordſ, the talks failed.")


def test_seed_article_same_with_and_without_shortcuts(monkeypatch):
    text, title = _seed()
    fast = find_statements(text, language="en", title=title, published="2022-12-05")
    _without_shortcuts(monkeypatch)
    statements._country_of.cache_clear()
    assert find_statements(text, language="en", title=title, published="2022-12-05") == fast


# Text before a speech verb, written for this test: long subjects (more words than the first
# rsplit reads), connectors, envoys "to" a country, pronouns, datelines, and spaces that are
# not ASCII (no-break, em and ideographic spaces, line and paragraph separators, \x1c).
NP_LEFT_CASES = [
    "Deputy Foreign Minister Anna Petrova ",
    "In Geneva on Tuesday, the Russian Deputy Foreign Minister for arms control Anna Petrova ",
    "the head of the Russian delegation and Deputy Foreign Minister Anna Petrova ",
    "Anna Petrova and Ivan Sidorov ",
    "officials and diplomats ",
    "The two sides met, and ",
    "The US ambassador to Russia John Smith ",
    "El embajador ante la ONU, Iván Sidorov ",
    "After the meeting he ",
    "After the meeting, she ",
    "they; ",
    "MOSCOW (EFE).- El portavoz del Kremlin Dmitri Peskov ",
    "WASHINGTON (Reuters) - U.S. Secretary of State John Smith ",
    "of the Arms Control Association Daryl Brown ",
    "In Washington ",
    "However the senior official ",
    "J. R. Smith ",
    "the alliance’s Secretary General ",
    "el exministro de Exteriores ruso ",
    "\u00a0Anna\u00a0Petrova\u00a0",
    "the\u2003Deputy\u3000Foreign Minister Anna\u2028Petrova\u2029",
    "said\x1cthe envoy\x1dAnna\x1ePetrova\x1f",
    "Ivan\u0130 \u0130van Stra\u00dfe Gro\u017fs ",
    "",
    "   ",
    "Petrova",
    "Petrova, ",
    "“We will not,” Petrova ",
]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_scan_np_left_lazy_matches_all_words(lang):
    lex = statements._lexicon(lang)
    text, _ = _seed()
    rng = random.Random(7)
    cases = [*NP_LEFT_CASES, *(c.rstrip() for c in NP_LEFT_CASES)]
    for _ in range(400):
        end = rng.randrange(1, len(text))
        cases.append(text[max(0, end - rng.choice([20, 80, 200])) : end])
    for left in cases:
        assert statements._scan_np_left(left, lex) == statements._scan_np_left_exact(left, lex)


def test_scan_np_left_finds_long_subjects():
    # the scan reads past the first words it splits off
    lex = statements._lexicon("en")
    left = "On Monday, the Russian Deputy Foreign Minister for arms control Anna Petrova "
    got = statements._scan_np_left(left, lex)
    assert got is not None and got[1].endswith("Anna Petrova") and len(got[1].split()) > 4
    assert left[got[0] :].strip() == got[1]


def test_str_split_whitespace_is_regex_whitespace():
    # _scan_np_left's words come from str.rsplit(), the reference's from re's \S+
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert bool(space.match(c)) == (not c.split())


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


# ---------------------------------------------------------------------------------------------
# The whole-text indexes and the sentence gate: the same answers as the plain path.

# Written for these tests: cues in every position a span can cut, capitalised cues, cues in
# headlines, quotes across lines, Spanish, and letters whose case folding is odd ("İ", "ı",
# "ſ", the Kelvin sign, "ß").
TRICKY_TEXTS = [
    (
        "Holmqvist pide a Moscú que vuelva al tratado\n\nLa ministra alemana de Asuntos "
        "Exteriores pidió a Rusia que revierta la suspensión. «No lo aceptamos», afirmó por su "
        "parte la jefa de la diplomacia alemana. La medida, según explicó el representante "
        "permanente de Rusia ante los organismos internacionales en Viena, Mijaíl Uliánov, solo "
        "busca «igualar» la posición. Una guerra nuclear no puede ganarse, según Putin y Xi "
        "Jinping, que firmaron una declaración. Moscú anunció la suspensión, aunque aseguró que "
        "respetará los límites, si bien dijo que no habrá inspecciones.",
        "es",
    ),
    (
        'Brandtner: talks with Russia were "frank"\n\nThe deputy secretary of state said on '
        'Monday that talks had been useful. "We were firm," she told reporters. Nuclear war '
        "must never be fought, according to Lavrov and Wang Yi, who met in Beijing. The UN "
        "secretary-general said that risks were high. Guterres warned the conference of rising "
        "danger. The commander of U.S. Strategic Command, Gen. Anthony Cotton, told senators "
        'China\'s buildup was alarming. The general replied: "We are ready."\n\nTags: Arms, Russia'
        " MOSCOW (Reuters) - Sergey Lavrov and his counterpart, Wang Yi, said that it was over.",
        "en",
    ),
    (
        "Deputy Foreign Minister Anna Petrova issued a statement saying that inspections would "
        "resume. The ministry published a summary later that evening. El canciller Serguéi "
        "Lavrov emitió un comunicado en el que afirma que el tratado ha muerto.",
        "en",
    ),
    (
        "The talks failed, said Deputy Foreign Minister Anna Petrova. Petrova lamented the delay "
        "and warned that talks would fail. Several governments called for restraint. “It is "
        "over”, warned the envoy. Independent researchers have long argued that inspections "
        "help. The treaty, argued Petrova, is dead.",
        "en",
    ),
    (
        "Lawmakers asked the government to explain the delay. Diplomats described the meeting "
        "as short. Anna Petrova described the talks as “a waste of time”. The ministry announced "
        "a new round. The ministry announced that talks would resume. “We are ready,” announced "
        "Anna Petrova. The deal is off, announced the Kremlin: “no more talks”.",
        "en",
    ),
    (
        "Reporters asked Petrova about it: “Why now?” Petrova asked that the talks go on, and "
        "the envoy announced: the data will come.",
        "en",
    ),
    ("Ministers SAID nothing. Analysts said the talks failed; the envoy Says so too.", "en"),
    (
        "“We will not resume inspections,” the minister said on Monday.\n\nShe added that "
        "the treaty was dead.",
        "en",
    ),
    ("“The first part of the quote\n\n“goes on here,” said Anna Petrova.", "en"),
    ("Petrova: inspections are over\n\nThe talks failed, Petrova said.", "en"),
    (
        "Inspections resume - Petrova\n\nMoscow, March 3 (Reuters) - The envoy warned that "
        "talks would fail.",
        "en",
    ),
    ("İnspectors ſaid the data was late. The İSTANBUL office ſays otherwise.", "en"),
    ("The envoy \u212aept saying that the Kelvin sign is a letter. Straße said nothing.", "en"),
    ("El canciller dijo que el tratado ha muerto. «No volveremos», afirmó el portavoz.", "es"),
    ("—No habrá inspecciones —dijo el ministro Serguéi Lavrov—. Y añadió que era tarde.", "es"),
    ("Según ha explicado en un comunicado, las inspecciones no se reanudarán este año.", "es"),
    ("The spokesman, who asked not to be identified, said the talks were off.", "en"),
    (
        "Officials would say little. He did not say when. The minister had earlier said that "
        "talks were possible, and later warned against delay.",
        "en",
    ),
    (
        "The ministry said on Monday, that the talks were over. It repeatedly said so on March 3,",
        "en",
    ),
    (
        "Lawmakers asked the government to explain the delay. Diplomats described the meeting "
        "as short. Experts warned that mistrust would grow.",
        "en",
    ),
]


def _both_paths(text: str, language: str, monkeypatch: pytest.MonkeyPatch, title=None):
    fast = find_statements(text, language=language, title=title)
    with monkeypatch.context() as mp:
        mp.setattr(statements, "_EXACT", True)
        exact = find_statements(text, language=language, title=title)
    return fast, exact


@pytest.mark.parametrize(("text", "language"), TRICKY_TEXTS)
def test_fast_path_matches_exact_path(text, language, monkeypatch):
    fast, exact = _both_paths(text, language, monkeypatch, title=text.split("\n")[0][:60])
    assert fast == exact


def test_seed_article_fast_path_matches_exact_path(monkeypatch):
    text, title = _seed()
    fast, exact = _both_paths(text, "en", monkeypatch, title=title)
    assert fast and fast == exact


def _spans(text: str, rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(0, len(text))
        out.append((a, min(len(text), a + rng.randrange(0, 200))))
    return out


@pytest.mark.parametrize("language", ["en", "es"])
def test_cue_index_finds_what_the_word_loop_finds(language):
    seed, _ = _seed()
    lex = statements._lexicon(language)
    rng = random.Random(11)
    # quotations closed right before a word, "~" of the text's own before cues, a quotation
    # left open at a paragraph end, newlines inside one
    tilde = [
        "“We are ready”said Petrova. “No”Said the envoy, “never”dijo el ministro.",
        "Petrova ~said that talks ended; the envoy~warned. “~” ~Dijo Lavrov ~ afirmó.",
        "“Open to the end\n\nshe said nothing”added Petrova\n«Uno»dijo Lavrov, «dos\n»señaló.",
        # first words followed by word characters: letters, digits, "_", a Kelvin sign, "é"
        "sayings said_ said9 saidK saidé says said. warned—and SAYS\u212a warns",
    ]
    for text in [seed, *tilde] + [t for t, _ in TRICKY_TEXTS]:
        masked = statements._masked(text, statements.find_quotes(text))
        # with the text (as the extractor builds it) and without
        for index in (
            statements._CueIndex(lex, masked, text),
            statements._CueIndex(lex, masked),
        ):
            words = [
                (wm.start(), wm.group().lower())
                for wm in re.finditer(r"\w+", masked)
                if wm.group().lower() in lex.first_words
            ]
            assert list(zip(index.starts, index.words, strict=True)) == words
            for a, b in _spans(masked, rng, 150) + [(0, len(masked))]:
                for caps in (False, True):
                    want = [
                        (c.start(), c.end())
                        for c in statements._find_cues(lex, masked, a, b, caps=caps)
                    ]
                    got = [(c.start(), c.end()) for c in index.find(a, b, caps=caps)]
                    assert got == want, (text[a:b], caps)
            for a, b in statements.split_sentences(text):
                want = [(c.start(), c.end()) for c in statements._find_cues(lex, masked, a, b)]
                got = [(c.start(), c.end()) for c in index.find_in_sentence(a, b)]
                assert got == want


def test_word_character_check_is_the_regex_class_at_every_code_point():
    # _CueIndex.find tells word characters with c.isalnum() or c == "_" instead of \w
    w = re.compile(r"\w")
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        assert (w.match(c) is not None) == (c.isalnum() or c == "_"), hex(i)


@pytest.mark.parametrize("language", ["en", "es"])
def test_cue_index_find_at_every_span_around_odd_word_characters(language):
    lex = statements._lexicon(language)
    # cue words glued to digits of other scripts, superscripts, Roman numerals, combining
    # accents, "_", the Kelvin sign, "ß", "İ", a non-breaking space and a soft hyphen
    text = (
        "²said ٣dijo Ⅻwarned said\u0301 afirmó_x \u212asaid señaló\u00a0said dijoß İsaid "
        "warned\u00adthat «said»dijo said ²saids ٣dijoz Ⅻwarnedq x²said ½dijo_"
    )
    masked = statements._masked(text, statements.find_quotes(text))
    index = statements._CueIndex(lex, masked, text)
    for a in range(len(masked) + 1):
        for b in range(a, len(masked) + 1):
            for caps in (False, True):
                want = [
                    (c.start(), c.end())
                    for c in statements._find_cues(lex, masked, a, b, caps=caps)
                ]
                got = [(c.start(), c.end()) for c in index.find(a, b, caps=caps)]
                assert got == want, (masked[a:b], caps)


def test_cue_first_word_regex_misses_no_lowered_letter():
    # a word whose lower() is a cue's first word must be a hit of first_re in the lowered
    # text: every character that lowers to one of their letters matches it under IGNORECASE
    # (checked here over all of Unicode), and only "İ" lowers to two characters
    for language in ("en", "es"):
        letters = set("".join(statements._lexicon(language).first_words))
        for code in range(sys.maxunicode + 1):
            c = chr(code)
            low = c.lower()
            if low in letters:
                assert re.fullmatch(re.escape(low), c, re.IGNORECASE), hex(code)
            if len(low) != 1:
                assert c == "\u0130", hex(code)
            else:  # lowering keeps a character a word character or not
                assert bool(re.match(r"\w", c)) == bool(re.match(r"\w", low)), hex(code)


def test_sentence_spans_never_cut_a_word():
    seed, _ = _seed()
    for text in [seed] + [t for t, _ in TRICKY_TEXTS]:
        masked = statements._masked(text, statements.find_quotes(text))
        for a, b in statements.split_sentences(text):
            assert a == 0 or not re.match(r"\w", masked[a - 1])
            assert b == len(masked) or not re.match(r"\w", masked[b])


TAILS = [
    "the minister has",
    "the minister Has  ",
    "the minister had also",
    "she had once again",
    "he was quoted as",
    "Petrova on Monday",
    "Petrova on Monday,",
    "Petrova on Monday , ",
    "Petrova on March 3",
    "Petrova on March ٣",  # an Arabic-Indic digit is \d too
    "Petrova this week",
    "el ministro había",
    "el ministro también",
    "the minister haſ",  # the long s is "s" under re.IGNORECASE
    "Petrova on MONDAY",
    "Petrova ayer",
    "Petrova said",
    "",
    "   ",
]


@pytest.mark.parametrize("s", TAILS)
def test_tail_prefilters_keep_the_regex_answer(s):
    assert statements._aux_tail_sub(s) == statements._AUX_TAIL_RE.sub("", s)
    assert statements._time_tail_sub(s) == statements._TIME_TAIL_RE.sub("", s)


def test_name_run_regex_matches_its_plain_form():
    cap = statements._CAP
    token = statements._NAME_TOKEN
    plain = re.compile(
        rf"(?<![\w’'.]){token}(?:\s+(?:(?:de|del|van|von|bin|al|da|der|la)\s+)?{token})*"
    )
    seed, _ = _seed()
    extra = "U.S. envoy J. Smith met Ángel de la Torre and O’Neill. A.B. Test'Case Élise.Dupont"
    for text in [seed, extra, f"{cap}"] + [t for t, _ in TRICKY_TEXTS]:
        want = [(m.start(), m.group()) for m in plain.finditer(text)]
        assert [(m.start(), m.group()) for m in statements._NAME_RUN_RE.finditer(text)] == want


def test_registry_memo_gives_the_same_statements():
    text, title = _seed()
    first = find_statements(text, language="en", title=title)
    speakers.get_registry().memo.clear()
    assert find_statements(text, language="en", title=title) == first
    assert find_statements(text, language="en", title=title) == first


def _headline_plain(text: str, sent: tuple[int, int]) -> bool:
    a, b = sent
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:a].strip() or text[b:line_end].strip():
        return False
    s = text[a:b]
    return not re.search(r"[.!?…]\W*$", s) and len(s.split()) <= 25


def test_headline_shortcut_keeps_the_answer():
    seed, _ = _seed()
    for text in [seed] + [t for t, _ in TRICKY_TEXTS] + ["Talks end.\n\nTalks end?\nA B C…"]:
        ex = statements._Extractor(text, "en", "text")
        for sent in ex.ctx.sentences:
            assert ex._is_headline(sent) == _headline_plain(text, sent)


LEADS = [
    " on Monday that the talks failed",
    " ON MONDAY, that",
    ", earlier this week, that",
    " three years ago that",
    " el pasado miércoles que",
    " hace dos años que",
    " March 3, 2021 that",
    " 3 Mar. that",
    " a date for the next round",
    " \u212aelvin-free today",  # the Kelvin sign lowers to "k"
    " ſeparately that",  # the long s: the regex itself decides
    " İstanbul today",
    " yesterday",
    "",
    " two years ago that",
    " days later, that",
    " tres días después que",
    " horas más tarde que",
    " later that day that",
    " later this month that",
    " LATER, that",
    " Dos Semanas Después, que",
    " ago that",  # no number of years: neither regex takes it
    " earlier that the plan was dead",
    " M\u00c1S TARDE que",  # capital accent: lowered to "más tarde"
    " mas tarde que",  # no accent: no alternative matches it
    " ma\u0301s tarde que",  # decomposed accent: not the pattern's "más"
    " ſix weeks ago",
    " İki days later",
    " hace muchos años que",
]


def test_time_lead_pattern_has_only_lower_case_escapes():
    pattern = statements._TIME_LEAD_RE.pattern
    assert not re.search(r"\\[A-Z]|\(\?P<|\[", pattern)


@pytest.mark.parametrize("s", LEADS)
def test_time_lead_matches_the_same_span(s):
    want = statements._TIME_LEAD_RE.match(s)
    got = statements._time_lead(s)
    assert (got.span() if got else None) == (want.span() if want else None)
    if got:
        assert got.group().lower() == want.group().lower()


def test_time_lead_short_pattern_drops_only_its_words():
    short = statements._TIME_LEAD_SHORT_RE.pattern
    full = statements._TIME_LEAD_LOW_RE.pattern
    assert len(short) < len(full)
    assert "ago" not in short and "después" not in short and "más tarde" not in short
    assert short.count("later") == 1  # "later this week": needs "later" too, kept
    # the short pattern lost only the words of the alternatives that need a looked-for word
    lost = set(re.findall(r"[^\W\d_]+", full)) - set(re.findall(r"[^\W\d_]+", short))
    assert lost == {"ago", "después", "tarde", "years", "months", "weeks", "days", "hours", "horas"}


def test_time_lead_short_pattern_matches_the_full_one_without_its_words():
    parts = [
        " ",
        ",",
        "on",
        "monday",
        "this",
        "week",
        "three",
        "years",
        "days",
        "hours",
        "ago",
        "later",
        "después",
        "más",
        "tarde",
        "el",
        "pasado",
        "hace",
        "meses",
        "2021",
        "3",
        "mar.",
        "earlier",
        "once",
        "again",
        "that",
        "que",
        "İ",
        "ſ",
        "\u212a",
        "ß",
        "—",
        "agosto",
        "dislater",
        "tardes",
    ]
    rng = random.Random(8)
    checked = 0
    for _ in range(4000):
        s = "".join(rng.choice(parts) + rng.choice(["", " ", "  ", ", "]) for _ in range(5))
        want = statements._TIME_LEAD_RE.match(s)
        got = statements._time_lead(s)
        assert (got.span() if got else None) == (want.span() if want else None), s
        low = s.lower()
        if not any(w in low for w in statements._TIME_LEAD_WORDS):
            checked += 1
            a = statements._TIME_LEAD_LOW_RE.match(low)
            b = statements._TIME_LEAD_SHORT_RE.match(low)
            assert (a.span() if a else None) == (b.span() if b else None), s
    assert checked > 500


@pytest.mark.parametrize(
    "s",
    [*TAILS, "he did not", "she would  ", "officials wouldn't", "to", "he DID NOT", "it may,"],
)
def test_end_prefilters_never_hide_a_match(s):
    for ends, rx in (
        (statements._BLOCKED_ENDS, statements._BLOCKED_CUE_RE),
        (statements._AUX_ENDS, statements._AUX_TAIL_RE),
    ):
        if rx.search(s):
            assert statements._may_end_with(s, ends)


def test_split_sentences_matches_its_plain_form():
    seed, _ = _seed()
    extra = [
        "He said “No. Never.” Then he left.\n\nDr. Smith met U.S. envoys. A.B. Jones (Reuters) "
        "came.",
        "«Primera frase. Segunda frase», dijo. —¿Y ahora? —Nada.",
        "\u00a0Spaces\u00a0. Next. 3.5 percent. e.g. this. Sen. Petrova spoke.",
        # runs of blank lines, white space around newlines, a quotation opening inside a run
        # or right after it, a newline inside a quotation, a run at the end
        "Petrova spoke.\n\n\nThe envoy left.\n \n\t\nTalks ended. \n\n",
        "Petrova said:\n\n“No.\n\nNever.”\n\n  \n“Again,” she said.\n\u2028\nEnd.\n",
        "«Uno.\n\n» dijo.\n\n«\n\nDos.»\r\n\r\nTres.\n\n\n",
        '\n\nA. B.\n\n"Quoted.\n\nOn." \n\nLast',
        # a quotation opened right before a run of newlines, one left open at a paragraph end,
        # a full stop right before a run, a run inside a closed quotation
        "Petrova said “\n\n\nNothing changed.” Then.\n\n“Open to the end\n\nNext one.\n",
        "“We met.\n\n\nWe spoke,” he said.\n\n\n\nThe end.\n\n“\n\n”\n\nLast.",
    ]
    for text in [seed, *extra] + [t for t, _ in TRICKY_TEXTS]:
        quotes = statements.find_quotes(text)
        assert statements.split_sentences(text, quotes) == statements._split_sentences_plain(
            text, quotes
        )


def test_document_verbs_neither_nest_nor_overlap():
    forms = [v + " " for v in statements._DOC_VERBS]
    for a in forms:
        for b in forms:
            for i in range(1 if a == b else 0, len(a)):
                rest = a[i:]
                assert not (rest.startswith(b) or b.startswith(rest)), (a, b, i)


FOLD_CASES = [
    "Deputy Foreign Minister Anna Petrova",
    "the alliance's Secretary-General",
    "the alliance\u2019s Secretary-General",
    "El canciller ruso, Serguéi Lavrov",
    "\u0130stanbul Stra\u00dfe Gro\u017f \ufb01nal \u00bd",
    "\u201cWe will not sign,\u201d she said \u2014 and left.\u00a0Then\u2003more.",
    "  ''  ",
    "",
    "A'B C_D e-f G\tH\nI\x7f",
]


def test_fold_ascii_table_matches_exact():
    every = "".join(map(chr, range(128)))
    cases = [*FOLD_CASES, every, every[::-1], *every]
    rng = random.Random(3)
    cases += ["".join(rng.choice(every) for _ in range(rng.randrange(0, 120))) for _ in range(2000)]
    for text in cases:
        assert speakers._fold_text(text) == speakers._fold_exact(text)
        assert speakers.fold(text) == speakers._fold_exact(text)
    assert speakers.fold(None) == ""


def test_fold_caches_short_texts_only():
    long_text = "Deputy Foreign Minister Anna Petrova told reporters in Geneva on " * 3
    assert len(long_text) > speakers.FOLD_CACHE_MAX
    for text in [*FOLD_CASES, long_text, long_text.upper()]:
        before = speakers._fold_short.cache_info()
        assert speakers.fold(text) == speakers._fold_exact(text)
        after = speakers._fold_short.cache_info()
        calls = (after.hits + after.misses) - (before.hits + before.misses)
        assert calls == (0 if len(text) > speakers.FOLD_CACHE_MAX else 1)


def test_abbreviation_check_same_word_as_exact(monkeypatch):
    """_is_abbrev finds the word before a full stop with str.rsplit; the exact path with a
    regex. Written texts with odd spaces, long tokens and stops at the start."""
    texts = [
        ".Mr. Petrova met Dr. Smith and Gen. Lee in the U.S. capital. e.g. talks.",
        "Sen.\u2009Petrova spoke.\u3000Next. A.\x1cB. Jones came.\u00a0Mr.\u2028Then.",
        "x" * 45 + ". Then (Mr. Smith) and “Dr. Who” came. No. 5 is here. Inc. said so. .",
        "The envoy of the U.N. said no. The E.U. Then the ſt. İnc. meeting. Ms.\tPetrova.",
        "Straße " + "é" * 50 + ". End. " + "ab" * 30 + "Mr. Co. " + " " * 45 + ". Last.",
        # words of six, seven and more letters before a stop (the long-word shortcut),
        # abbreviations of six letters, letters outside ASCII, brackets and digits
        "(Approx. 5) approx. Approxim. Administración. İİİİİİİ. Sept. Capt. cmdr. A1b2c3d.",
        "“Treaty. (Inspections. Ministry). Talks. ſſſſſſſ. ßßßßßßß. U.S.A. e.g. Co. X. Yes.",
    ]
    for text in texts:
        stops = [i for i, c in enumerate(text) if c == "."]
        fast = [statements._is_abbrev(text, i, i + 1) for i in stops]
        with monkeypatch.context() as mp:
            mp.setattr(statements, "_EXACT", True)
            exact = [statements._is_abbrev(text, i, i + 1) for i in stops]
        assert fast == exact
        assert any(fast) and not all(fast)


# Written for the document-verb gate: verbs with and without their nouns, "that" or "que",
# a tab after the verb, a verb ending a sentence or a line, Spanish, odd case letters.
DOC_TEXTS = [
    "Deputy Foreign Minister Anna Petrova issued a statement saying that inspections would "
    "resume. It issued\ta "
    "statement saying that talks were over. The embassy released a note.",
    "Anna Petrova posted a message on Monday arguing that the treaty was dead. The ministry "
    "put out\nits report later. The envoy published. Then he left.",
    "El Ministerio emitió un comunicado en el que afirma que el tratado ha muerto. La "
    "embajada ha publicado una nota. El canciller divulgó un mensaje que nadie leyó.",
    "The Kremlin issued a STATEMENT saying that nothing changed. Petrova released an article "
    "arguing THAT talks failed. İnspectors published a note ſaying that data was late.",
    "The ministry said the envoy released a statement, and that the talks would resume. "
    "“We issued a statement saying that,” the envoy said. It was published",
]


@pytest.mark.parametrize("text", DOC_TEXTS)
def test_document_gate_matches_exact_path(text, monkeypatch):
    fast, exact = _both_paths(text, "es" if "El " in text else "en", monkeypatch)
    assert fast == exact


def test_document_gate_finds_the_issuer():
    rows = find_statements(DOC_TEXTS[0])
    assert any(r["quote"].startswith("inspections would resume") for r in rows)


# Written for the registry-entity memo: registry people whose roles change with the date, one
# with a stated role, a surname alone, a headline naming one of them.
REGISTRY_TEXT = (
    "Dmitry Medvedev said the treaty was dead. Medvedev warned that talks would fail. "
    "Secretary of State Antony Blinken said inspections should resume. “We are ready,” "
    "Sergei Shoigu said. Former defence minister Shoigu added that the data was late."
)


def test_registry_entity_memo_keeps_roles_by_date(monkeypatch):
    by_date = {}
    for day in ("2019-05-01", "2023-06-01", "2025-06-01", None, "2023-06-01"):
        fast = find_statements(REGISTRY_TEXT, title="Shoigu: talks are over", published=day)
        with monkeypatch.context() as mp:
            mp.setattr(statements, "_EXACT", True)
            exact = find_statements(REGISTRY_TEXT, title="Shoigu: talks are over", published=day)
        assert fast == exact
        by_date[day] = [(r["speaker"], r["speaker_role"], r["speaker_org"]) for r in fast]
    # the memo is keyed by date: the same person answers differently on other days
    assert by_date["2019-05-01"] != by_date["2023-06-01"] != by_date["2025-06-01"]


# Written for the 'according to' and 'was told by' shortcuts: every phrase, odd case letters
# (the long s and dotless i match under re.IGNORECASE, "İ" lowers to two characters, the
# Kelvin sign lowers to "k"), repeats, a phrase inside another word, Spanish verbs after it.
ACCORDING_TEXTS = [
    "The talks will resume in May, according to Deputy Foreign Minister Anna Petrova.",
    "ACCORDING TO the Kremlin, the data exchange is over; according to the envoy it is not.",
    "Según el canciller ruso, Serguéi Lavrov, el tratado expira. SEGÚN él, no hay diálogo.",
    "Según declaró el ministro Serguéi Lavrov, las inspecciones no se reanudarán.",
    "De acuerdo con la embajada, en palabras de Lavrov y a juicio de Petrova, todo sigue.",
    "A decir de la portavoz, y en opinión de los expertos, el acuerdo ha muerto.",
    "In the words of Anna Petrova, the treaty is dead. ſegún el Kremlin, ya no hay datos.",
    "Accordıng to the envoy, talks failed. İn the words of Petrova, the deal is off.",
    "The \u212aremlin said, according to the envoy, that the talks were over.",
    "Disaccording tone: accordingly, the words of the envoy were read. segúnda vez.",
    "The embassy was told by Deputy Foreign Minister Anna Petrova that inspections would end.",
    "The embassy WAS TOLD BY Anna Petrova THAT talks were over. It was notified by Moscow "
    "that the data was late. El embajador fue informado por el ministerio de que no habrá "
    "inspecciones.",
    "Officials told reporters that talks failed; they were assured by nobody. Told by whom?",
]


@pytest.mark.parametrize("text", ACCORDING_TEXTS)
def test_according_and_told_by_match_exact_path(text, monkeypatch):
    language = "es" if any(w in text for w in ("Según", "acuerdo", "decir", "embajador")) else "en"
    fast, exact = _both_paths(text, language, monkeypatch)
    assert fast == exact


def test_according_matches_are_the_regex_matches():
    found = 0
    for text in ACCORDING_TEXTS:
        for a in range(0, len(text), 7):
            s = text[a:]
            want = [(m.span(), m.group()) for m in statements._ACCORDING_RE.finditer(s)]
            got = statements._according_matches(s, statements._lowered(s))
            assert [(m.span(), m.group()) for m in got] == want
            found += len(want)
    assert found > 20


# Written for the end prefilter of _RE21: institutions before a name, odd white space.
LEFT_CONTEXTS = [
    "a researcher of the ",
    "un investigador del ",
    "la directora de la\u00a0",
    "the head of Arms Control Association of\t",
    "analysts at the\n",
    "una portavoz de los ",
    "director Petrova de ",
    "Officials from the",
    "the envoy said",
    "Ministry of the Interior",
    "The Ofthe",
    "word of ",
    "",
    "   ",
    "del",
    "This was stated by Anna Petrova.",
    "It was said\u2009by\u00a0the envoy",
    "It was unsaid by him",
    "It was SAID by him",
    "stressed by",
    "voiced  \n by the envoy ",
    "by the way, it was noted byzantine",
    "reported by",
    "announced\u3000by\u3000",
    "declaredby the envoy",
]


def test_institution_end_prefilter_keeps_the_regex_answer():
    for s in LEFT_CONTEXTS:
        assert statements._of_institution_left(s) == bool(statements._RE21.search(s)), s
    assert any(statements._of_institution_left(s) for s in LEFT_CONTEXTS)
    assert not all(statements._of_institution_left(s) for s in LEFT_CONTEXTS)


# Written for the dateline prefilter: every mark a dateline can end with, and none.
DATELINES = [
    "MOSCOW, March 3 (Reuters) - The envoy said the talks had failed.",
    "Moscow, March 3 (Reuters) - The envoy said the talks had failed.",
    "Pekín, 22 feb (EFE).- El canciller dijo que el tratado ha muerto.",
    "GENEVA /AP/ The delegations met for three hours.",
    "WASHINGTON — The State Department said inspections would resume.",
    "VIENNA – Diplomats described the meeting as short.",
    "MADRID.- El ministerio publicó una nota.",
    "• Inspections resume in May, Petrova said.",
    "The envoy said the talks had failed.",
    "Washington (CNN) The talks failed.",
    "İSTANBUL, 3 March — the talks failed.",
    "",
]


def test_dateline_prefilter_keeps_the_length(monkeypatch):
    fast = [statements._dateline_len(s) for s in DATELINES]
    with monkeypatch.context() as mp:
        mp.setattr(statements, "_EXACT", True)
        exact = [statements._dateline_len(s) for s in DATELINES]
    assert fast == exact
    assert sum(1 for n in fast if n) >= 6


# Written for the _cue gates: relative pronouns before quote-only and that-only verbs, the
# asked/anonymity phrases in any case, odd case letters (the long s, dotless i, "İ"), Spanish.
CUE_GATE_TEXTS = [
    "Anna Petrova, who stressed the talks, quoted the envoy. The envoy, which quoted nobody, "
    "left. Petrova, WHO quoted him, was late.",
    "An official, who asked not to be identified, said the talks failed. A diplomat who "
    "declined to be NAMED said inspections were over. Asked about it, Petrova said no.",
    "A source speaking ANONYMOUSLY said the data was late. Petrova, on condition of anonymity, "
    "said nothing. A QUESTION on the treaty, Petrova said, was moot.",
    "Un funcionario, que pidió no ser identificado, dijo que el tratado murió. La portavoz, "
    "quien destacó el compromiso, habló. El diplomático, bajo condición de anonimato, afirmó "
    "que no hay datos.",
    "An official, whO aſked not to be ıdentified, said the talks failed. Petrova, İn turn, "
    "quoted the envoy, who stressed that talks were over.",
    "The envoy quoted “the deal is dead” in full. Petrova stressed: the data was late.",
]


@pytest.mark.parametrize("text", CUE_GATE_TEXTS)
def test_cue_gates_match_exact_path(text, monkeypatch):
    language = "es" if "dijo" in text else "en"
    fast, exact = _both_paths(text, language, monkeypatch)
    assert fast == exact


@pytest.mark.parametrize(
    "s",
    [
        "Petrova, who",
        "Petrova, WHICH ",
        "la portavoz, en la que",
        "Lavrov, quien",
        "the ministry, where",
        "el texto, donde",
        "Petrova, whO has also",
        "Lavrov, que el domingo",
        "Petrova who",
        "Petrova, the envoy",
    ],
)
def test_relative_gate_never_hides_a_match(s):
    for t in (s, statements._AUX_TAIL_RE.sub("", s), statements._TIME_TAIL_RE.sub("", s)):
        if statements._RELATIVE_TAIL_RE.search(t):
            assert statements._rel_may(s)


def test_dedupe_overlap_check_matches_exact_path(monkeypatch):
    """Rows written at random: nested, touching, equal and crossing spans in both fields and
    kinds, some repeated words; the greatest-end check keeps what the pairwise one keeps."""
    rng = random.Random(5)
    for _ in range(300):
        rows = []
        for _ in range(rng.randrange(0, 14)):
            start = rng.randrange(0, 60)
            rows.append(
                {
                    "field": rng.choice(["text", "title"]),
                    "kind": rng.choice(["direct", "indirect", "partial"]),
                    "start": start,
                    "end": start + rng.randrange(1, 25),
                    "quote": rng.choice(["a", "b", "c", "d", "e", "f"]),
                    "sentence": "s",
                }
            )
        keys = [statements._row_key(r) for r in rows]
        fast = statements._dedupe(rows, keys)
        with monkeypatch.context() as mp:
            mp.setattr(statements, "_EXACT", True)
            exact = statements._dedupe(rows, keys)
        assert [id(r) for r in fast] == [id(r) for r in exact]


def _scan_np_right_plain(s: str, lex) -> tuple[int, int, str] | None:
    """_scan_np_right as first written (a regex for "U.S.", _np_words_ok, then fold)."""
    pos = re.match(r"\s*", s).end()
    pm = re.match(r"(\w+)\b", s[pos:])
    if pm and pm.group(1).lower() in statements._PRONOUNS:
        return pos, pos + pm.end(), pm.group(1)
    out_end = None
    for k, wm in enumerate(re.finditer(r"\S+", s[pos:])):
        w = wm.group()
        bare = w if re.fullmatch(r"(?:[A-Z]\.){2,}", w) else w.rstrip(",.;:!?")
        if not statements._np_words_ok(bare, lex):
            break
        f = speakers.fold(bare)
        if k > 0 and f in {"in", "on", "a", "an", "un", "una", "en", "to", "at"}:
            break
        out_end = pos + wm.start() + len(bare)
        if bare != w:
            break
    return None if out_end is None else (pos, out_end, s[pos:out_end])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_scan_np_right_matches_its_plain_form(lang):
    lex = statements._lexicon(lang)
    phrases = [
        " the Russian Foreign Ministry.",
        "the U.S. State Department, which",
        "U.S.A. officials said",
        " (the “Kremlin”) spokesman Dmitry Peskov, on Monday",
        "el portavoz del Kremlin, Dmitri Peskov.",
        "la cancillería rusa en Moscú",
        "“”() former deputy foreign minister",
        "he said",
        "Ella dijo",
        "A.B. and C.D. of the alliance's Secretary General in Brussels",
        "  exministro ruso İvanov, ſenior aide",
        "",
        "   ",
        ". ., ;",
        "the UN envoy to the agency at Geneva",
        "S. Petrova (Reuters).",
    ]
    for s in phrases:
        assert statements._scan_np_right(s, lex) == _scan_np_right_plain(s, lex), s


def test_positions_are_the_class_matches(monkeypatch):
    seed, _ = _seed()
    texts = [
        seed,
        "",
        "“No,” he said. «Sí», dijo. „Ja“ ‹oui› ‘single’ 'plain' \"straight\" Russia’s don't.",
        'A.\n\n\nB! C? D… “E.” F» G" \n.\n',
        "Ünïcödé İ ſ ß — «“‘'\"’”»» end",
    ]
    for text in texts:
        for chars, rx in (
            (statements._MARK_CHARS, statements._MARKS_RE),
            (statements._BOUNDARY_CHARS, statements._BOUNDARY_CAND_RE),
        ):
            assert statements._positions(text, chars) == [m.start() for m in rx.finditer(text)]
        fast = statements.find_quotes(text)
        with monkeypatch.context() as mp:
            mp.setattr(statements, "_EXACT", True)
            assert statements.find_quotes(text) == fast


@pytest.mark.parametrize("language", ["en", "es"])
def test_cue_match_is_the_regex_match(language):
    """_cue_match against lex.cue_re.match at every offset of texts written for it: cues in
    any case, glued to punctuation, after a dash, odd case letters, words that only start
    like a cue."""
    seed, _ = _seed()
    lex = statements._lexicon(language)
    texts = [
        seed[:3000],
        "SAID Orlov. Said, told reporters; “No,” said-the envoy, saidx saying. —dijo Lavrov—.",
        "she told journalists, TOLD  REPORTERS\nthat he'd say; n't say. WARNS warned-off",
        "ſaid the envoy; İnsisted; ınsisted; afirmó, AFIRMÓ el ministro, señaló. — respondió",
        "aseguró ayer que; declaró a la prensa; ha dicho; dijo: «no». _said 9said said9",
    ]
    for text in texts:
        for pos in range(len(text) + 1):
            want = lex.cue_re.match(text, pos)
            got = statements._cue_match(lex, text, pos)
            assert (got and got.span()) == (want and want.span()), (text[pos : pos + 20], pos)


def test_re47_gate_keeps_the_regex_answer():
    for s in [
        "Petrova met the envoy and ",
        "Petrova met the envoy and also\t",
        "Petrova met the envoy AND ",
        "Petrova met the envoy, but later\n",
        "El ministro habló y también  ",
        "El ministro habló y luego\n\n",
        "El ministro habló pero",
        "the band ",
        "the rye e ",
        "Petrova said yet\x1c",
        "Petrova met the envoy and then later ",
        "too",
        "",
        " ",
        "Petrova and Orlov ",
    ]:
        assert bool(statements._re47(s)) == bool(statements._RE47.search(s)), repr(s)
        got, want = statements._re47(s), statements._RE47.search(s)
        assert (got and got.span()) == (want and want.span())


def test_np_prep_gate_never_hides_a_match():
    for np in [
        "Officials in Paris",
        "Sources at\tthe ministry",
        "the head of the agency",
        "el portavoz del Kremlin",
        "un diplomático en\nMoscú",
        "Officials In Paris",
        "  of the Kremlin",
        "Petrova, of the agency",
        "officers offsite",
        "Director for Arms Control",
    ]:
        if statements._NP_PREP_RE.match(np):
            assert not statements._NP_PREP_WORDS.isdisjoint(np.split()), np


# Written for the headline, passive and second-predicate gates: headlines with and without
# colons, dashes and commas, passives across white space, Spanish second predicates.
GATE_TEXTS = [
    (
        "Deputy Foreign Minister Anna Petrova met reporters. Petrova: talks are over\n\nThe "
        "envoy was told by Foreign Minister Pavel Orlov that inspections would resume. The "
        "embassy were informed\tby the State Department that nothing had changed.",
        "en",
        "Petrova: talks on the treaty are over",
    ),
    (
        "Pavel Orlov spoke on Monday. Inspections will not resume - Orlov\n\nThe ministry said "
        "talks ended, and warned that the treaty was dead.",
        "en",
        "Inspections will not resume, says Orlov",
    ),
    (
        "El canciller Serguéi Lavrov habló en Moscú. Lavrov lamentó la decisión y ha "
        "responsabilizado a Washington de la crisis. El embajador fue informado por el "
        "ministerio de que el tratado ha muerto.",
        "es",
        "Lavrov — el tratado ha muerto",
    ),
    (
        "Orlov on the future of arms control\n\nAnalysts followed the talks closely.",
        "en",
        "Orlov on the future of arms control (3)",
    ),
]


@pytest.mark.parametrize(("text", "language", "title"), GATE_TEXTS)
def test_regex_gates_match_exact_path(text, language, title, monkeypatch):
    fast, exact = _both_paths(text, language, monkeypatch, title=title)
    assert fast == exact


# Titles written for the title gate: headline forms, cues in any case, quotations, special
# constructions, document verbs, interview turns, and plain ones that say nothing.
TITLES = [
    "Petrova on the future of arms control (4)",
    "Petrova says talks on the treaty are over",
    "PETROVA WARNS OF A NEW ARMS RACE",
    "Kremlin: no talks this year",
    "No talks this year - Kremlin",
    "Talks are over, says Petrova",
    "“No deal” on inspections",
    "Russia's envoy, in his words",
    "According to Petrova the treaty is dead",
    "Ministry issued a statement saying that talks ended",
    "Why did talks fail? Petrova explains",
    "Según Lavrov el tratado ha muerto",
    "Lavrov afirma que el tratado ha muerto",
    "El tratado y el futuro del control de armas",
    "İnspections and the treaty",
    "Treaty talks",
]


@pytest.mark.parametrize("title", TITLES)
def test_title_gate_keeps_the_statements(title, monkeypatch):
    text = (
        "Deputy Foreign Minister Anna Petrova met reporters in Geneva. Petrova said that the "
        "talks were over.\n\nKremlin spokesman Dmitry Peskov declined to comment."
    )
    language = "es" if "el " in title.lower() else "en"
    fast = find_statements(text, language=language, title=title)
    with monkeypatch.context() as mp:
        mp.setattr(statements, "_title_may_say", lambda title, language: True)
        assert find_statements(text, language=language, title=title) == fast


def test_title_gate_false_means_no_title_statement():
    """Titles drawn at random from written words: whenever the gate says no, the title's
    extractor finds no statement."""
    words = [
        "Petrova",
        "Orlov",
        "Kremlin",
        "the",
        "treaty",
        "talks",
        "said",
        "says",
        "warns",
        "told",
        "on",
        "of",
        "in",
        "for",
        "by",
        "that",
        "que",
        "dijo",
        "afirma",
        "según",
        "words",
        "view",
        "according",
        "to",
        "informed",
        "was",
        "stated",
        "Para",
        "For",
        "As",
        "put",
        "it",
        "arms",
        "control",
        "future",
        "inspections",
        "resume",
        "STATE",
        "DEPARTMENT",
        "ministry",
        "issued",
        "statement",
        "saying",
        "reportedly",
        "also",
        "not",
        "would",
        "did",
        "has",
        "made",
        "asked",
        "called",
        "urged",
    ]
    marks = ["", "", "", ":", ",", " -", "?", "“", "”", "(1)", "—"]
    rng = random.Random(3)
    prior = statements._Extractor(
        "Deputy Foreign Minister Anna Petrova and Foreign Minister Pavel Orlov met.", "en", "text"
    )
    prior.run()
    said_nothing = 0
    for _ in range(400):
        title = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 8)))
        title += rng.choice(marks)
        if statements._title_may_say(title, "en"):
            continue
        said_nothing += 1
        ex = statements._Extractor(title, "en", "title", prior=prior.ctx.entities)
        assert not [st for st in ex.run() if st.speaker is not None], title
    assert said_nothing > 20
