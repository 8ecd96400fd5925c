"""Statement extraction: one test per construction, on sentences written for these tests,
plus the seed article and invariants that must hold on any input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.statements import find_quotes, find_statements, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED_CANDIDATES = [
    ROOT / "data" / "articles" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt",
    ROOT.parent / "shared" / "seed" / "elamerican-2022-12-05-lavrov-strategic-dialogue.txt",
]


def rows(text: str, language: str = "en", title: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, speaker, quote) of every statement found."""
    return [
        (s["kind"], s["speaker"], s["quote"])
        for s in find_statements(text, language=language, title=title)
    ]


def only(text: str, language: str = "en") -> dict:
    found = find_statements(text, language=language)
    assert len(found) == 1, found
    return found[0]


# --- direct quotes ------------------------------------------------------------------------------


def test_direct_quote_attribution_after():
    s = only('"We will answer in kind," Peskov told journalists on Friday.')
    assert (s["kind"], s["speaker"], s["quote"], s["cue"]) == (
        "direct",
        "Dmitry Peskov",
        "We will answer in kind,",
        "told",
    )


def test_direct_quote_attribution_before_with_colon():
    s = only('Zakharova said: "Washington has chosen confrontation."')
    assert (s["kind"], s["speaker"]) == ("direct", "Maria Zakharova")
    assert s["quote"] == "Washington has chosen confrontation."


def test_direct_quote_inverted_attribution_names_role_and_person():
    s = only('"Nothing has changed," said Kremlin spokesman Dmitry Peskov.')
    assert s["speaker"] == "Dmitry Peskov"
    assert s["speaker_mention"] == "Kremlin spokesman Dmitry Peskov"


def test_quote_split_by_he_said_gives_two_statements():
    found = rows('"The door is open," Ryabkov said, "but Washington must walk through it."')
    assert found == [
        ("direct", "Sergey Ryabkov", "The door is open,"),
        ("direct", "Sergey Ryabkov", "but Washington must walk through it."),
    ]


def test_second_quote_after_attribution_keeps_the_speaker():
    text = (
        'Lavrov gave a press conference. "Talks are off," he said. "We see no partner in the West."'
    )
    assert [r[1] for r in rows(text)] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_quote_over_several_sentences_and_paragraphs():
    text = (
        'Zakharova spoke to the press.\n\n"The first thing to say is simple. It is late.\n\n'
        '"The second thing is harder to say," she said.'
    )
    (s,) = find_statements(text)
    assert s["speaker"] == "Maria Zakharova"
    assert s["quote"].startswith("The first thing") and s["quote"].endswith("harder to say,")


def test_paragraph_without_closing_mark_continues_until_the_closing_mark():
    text = '"We can accept a short delay.\n\nWe cannot accept an open-ended one," Zakharova said.'
    (s,) = find_statements(text)
    assert "\n\n" in s["quote"] and s["speaker"] == "Maria Zakharova"


@pytest.mark.parametrize(
    "text",
    [
        "“We are ready,” Lavrov said.",
        "«We are ready», Lavrov said.",
        "„We are ready“, Lavrov said.",
        '“We are ready," Lavrov said.',
        "‘We are ready,’ Lavrov said.",
    ],
)
def test_quotation_mark_styles(text):
    s = only(text)
    assert s["quote"].rstrip(",") == "We are ready" and s["speaker"] == "Sergey Lavrov"


def test_apostrophes_are_not_quotation_marks():
    s = only("“Russia’s patience isn’t endless, and the West doesn’t listen,” Lavrov said.")
    assert s["quote"] == "Russia’s patience isn’t endless, and the West doesn’t listen,"


# --- reported speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,cue,clause",
    [
        ("Lavrov said that the channel stayed open.", "said", "the channel stayed open"),
        ("Lavrov said the channel stayed open.", "said", "the channel stayed open"),
        ("Lavrov stressed that the channel stayed open.", "stressed", "the channel stayed open"),
        ("Lavrov warned the channel might close.", "warned", "the channel might close"),
        ("Lavrov recalled that the channel was opened in 2010.", "recalled", None),
        ("Lavrov noted that nothing was agreed.", "noted", "nothing was agreed"),
        ("Lavrov added that nothing was agreed.", "added", "nothing was agreed"),
        ("Lavrov explained that nothing was agreed.", "explained", "nothing was agreed"),
        ("Lavrov told reporters that nothing was agreed.", "told", "nothing was agreed"),
        ("Lavrov said on Monday that nothing was agreed.", "said", "nothing was agreed"),
        ("Lavrov said Tuesday the talks had stalled.", "said", "the talks had stalled"),
    ],
)
def test_indirect_speech_cues(text, cue, clause):
    s = only(text)
    assert (s["kind"], s["speaker"], s["cue"]) == ("indirect", "Sergey Lavrov", cue)
    if clause:
        assert s["quote"] == clause


def test_fronted_clause_then_speaker():
    s = only("Moscow sees no point in new talks for now, Lavrov said in an interview.")
    assert s["quote"] == "Moscow sees no point in new talks for now"
    assert s["speaker"] == "Sergey Lavrov"


def test_fronted_clause_with_inverted_speaker():
    s = only("The limits will hold for another year, said Deputy Foreign Minister Sergei Ryabkov.")
    assert (s["speaker"], s["quote"]) == ("Sergey Ryabkov", "The limits will hold for another year")


def test_according_to_before_and_after():
    a = only("According to Zakharova, the note was delivered on time.")
    b = only("The note was delivered on time, according to Zakharova.")
    assert a["quote"] == "the note was delivered on time"
    assert b["quote"] == "The note was delivered on time"
    assert a["speaker"] == b["speaker"] == "Maria Zakharova"


def test_in_someones_words():
    s = only("In Ryabkov's words, the ball is in the American court.")
    assert (s["speaker"], s["quote"]) == ("Sergey Ryabkov", "the ball is in the American court")


def test_unnamed_diplomat_later_named():
    text = (
        "A senior Russian official argues that the visits will not restart this year. "
        "Deputy Foreign Minister Sergei Ryabkov said Wednesday the visas were never issued."
    )
    found = find_statements(text)
    assert [s["speaker"] for s in found] == ["Sergey Ryabkov", "Sergey Ryabkov"]
    assert found[0]["speaker_mention"] == "A senior Russian official"


def test_partial_quote_inside_reported_speech():
    found = rows("Zakharova said the proposal was a “dead end” for both sides.")
    assert found == [
        ("indirect", "Maria Zakharova", "the proposal was a “dead end” for both sides"),
        ("partial", "Maria Zakharova", "dead end"),
    ]


def test_whole_reported_clause_in_quotes_is_one_direct():
    found = rows('Ryabkov said "the decision is final and will not be reviewed."')
    assert found == [
        ("direct", "Sergey Ryabkov", "the decision is final and will not be reviewed.")
    ]


def test_participle_after_main_statement_keeps_the_speaker():
    found = rows(
        "Biden called the move a “grave error,” while saying Washington stayed open to talks."
    )
    assert ("indirect", "Joe Biden", "Washington stayed open to talks") in found
    assert ("partial", "Joe Biden", "grave error,") in found


def test_this_was_stated_by_refers_to_the_previous_sentence():
    found = rows("NATO will speak more about deterrence. This was stated by Mark Rutte on Sunday.")
    assert found == [("indirect", "Mark Rutte", "NATO will speak more about deterrence")]


# --- who: pronouns, role nouns, institutions ---------------------------------------------------


def test_pronouns_follow_the_speaker_and_gender():
    text = (
        "Maria Zakharova said the statement was a provocation. Sergei Lavrov agreed. "
        "She added that Moscow would answer. He said the West had been warned."
    )
    assert [r[1] for r in rows(text)] == [
        "Maria Zakharova",
        "Maria Zakharova",
        "Sergey Lavrov",
    ]


def test_role_nouns_pick_the_matching_earlier_speaker_not_the_latest():
    text = (
        "Foreign Minister Sergei Lavrov said the talks were over. "
        "Kremlin spokesman Dmitry Peskov said Putin had not decided. "
        "The minister added that Moscow was patient. "
        "The Kremlin spokesman noted that nothing had changed. "
        "The head of Russian diplomacy recalled that the treaty was signed in Prague. "
        "The diplomat stressed that the decision was final."
    )
    assert [r[1] for r in rows(text)] == [
        "Sergey Lavrov",
        "Dmitry Peskov",
        "Sergey Lavrov",
        "Dmitry Peskov",
        "Sergey Lavrov",
        "Sergey Lavrov",
    ]


def test_deputy_minister_and_spokeswoman_roles():
    text = (
        "Deputy Foreign Minister Sergei Ryabkov said the visas were refused. "
        "Foreign Ministry spokeswoman Maria Zakharova said the talks were postponed. "
        "Foreign Minister Sergei Lavrov said the date was not set. "
        "The deputy foreign minister added that a new date was possible. "
        "The spokeswoman noted that Cairo was still the venue."
    )
    speakers = [r[1] for r in rows(text)]
    assert speakers[3:] == ["Sergey Ryabkov", "Maria Zakharova"]


@pytest.mark.parametrize(
    "subject,speaker",
    [
        ("The Kremlin", "Kremlin"),
        ("The Russian Foreign Ministry", "Russian Foreign Ministry"),
        ("The State Department", "U.S. State Department"),
        ("Russia's Foreign Ministry", "Russian Foreign Ministry"),
    ],
)
def test_institutions_as_speakers(subject, speaker):
    s = only(f"{subject} said in a statement that the decision was regrettable.")
    assert (s["speaker"], s["quote"]) == (speaker, "the decision was regrettable")


def test_unnamed_spokesperson_of_an_institution_is_the_institution():
    s = only('"This is a routine test," a Pentagon spokesman said.')
    assert s["speaker"] == "Pentagon"


def test_person_not_in_registry_is_named_from_the_text_with_the_stated_role():
    text = (
        "Anna Petrova, a former arms control negotiator, said the treaty had served both sides. "
        "Petrova added that the data exchanges mattered most."
    )
    found = find_statements(text)
    assert [s["speaker"] for s in found] == ["Anna Petrova", "Anna Petrova"]
    assert found[0]["speaker_role"] == "former arms control negotiator"


def test_transliterated_names_resolve_to_the_canonical_name():
    s = only("Deputy Foreign Minister Sergey Riabkov said the inspections were suspended.")
    assert s["speaker"] == "Sergey Ryabkov"
    assert s["speaker_mention"] == "Deputy Foreign Minister Sergey Riabkov"
    assert s["speaker_country"] == "Russia"


# --- headlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,speaker,quote",
    [
        ("Lavrov: The West is playing with fire", "Sergey Lavrov", "The West is playing with fire"),
        ("No new talks before spring - Peskov", "Dmitry Peskov", "No new talks before spring"),
        ("Moscow will not rush inspections, says Ryabkov", "Sergey Ryabkov", None),
        (
            "Arms talks to restart in Geneva: Ryabkov",
            "Sergey Ryabkov",
            "Arms talks to restart in Geneva",
        ),
    ],
)
def test_headline_forms(title, speaker, quote):
    (s,) = find_statements("", title=title)
    assert s["field"] == "title" and s["speaker"] == speaker
    assert title[s["start"] : s["end"]] == s["quote"]
    if quote:
        assert s["quote"] == quote


def test_headline_repeated_in_the_text_is_reported_once():
    title = "Arms talks to restart in Geneva: Ryabkov"
    text = title + "\n\nRyabkov said the agenda was open."
    found = find_statements(text, title=title)
    quotes = [s["quote"] for s in found]
    assert quotes.count("Arms talks to restart in Geneva") == 1


def test_repeated_paragraph_is_reported_once():
    para = "The agenda is open, Ryabkov told a radio station."
    found = find_statements(para + "\n\nSome other news.\n\n" + para)
    assert len(found) == 1


# --- not statements ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The daily "Kommersant" first reported the delay.',
        "Russia tested the “Poseidon” drone again.",
        "What Moscow calls a “special operation” began in 2022.",
        "Officials believe that the treaty is dead.",
        "There are fears that the arms race will resume.",
        "Analysts say the limits will not survive the year.",
        "Sources said the talks had collapsed.",
        "Independent researchers have long argued that inspections build confidence.",
        '"Will you meet the secretary of state?" a reporter asked.',
        "The treaty says that each side may conduct 18 inspections a year.",
    ],
)
def test_not_statements(text):
    assert find_statements(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Los analistas afirman que el tratado ha muerto.",
        "Se informó que las conversaciones siguen.",
        "Según fuentes diplomáticas, Washington no ha respondido.",
    ],
)
def test_not_statements_in_spanish(text):
    assert find_statements("Peskov habló ayer en Moscú. " + text, language="es") == []


# --- Spanish -------------------------------------------------------------------------------------


def test_spanish_guillemets_and_subjectless_attribution():
    text = "Lavrov habló ante la prensa en Moscú.\n«Es un error histórico», dijo."
    s = only(text, language="es")
    assert (s["kind"], s["speaker"], s["quote"]) == (
        "direct",
        "Sergey Lavrov",
        "Es un error histórico",
    )


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Zajárova afirmó que Washington miente.", "afirmó"),
        ("Zajárova señaló que Washington miente.", "señaló"),
        ("Zajárova subrayó que Washington miente.", "subrayó"),
        ("Zajárova advirtió que Washington miente.", "advirtió"),
        ("Zajárova indicó que Washington miente.", "indicó"),
        ("Zajárova agregó que Washington miente.", "agregó"),
        ("Según Zajárova, Washington miente.", "Según"),
        ("De acuerdo con Zajárova, Washington miente.", "De acuerdo con"),
    ],
)
def test_spanish_cues(text, cue):
    s = only(text, language="es")
    assert (s["speaker"], s["cue"], s["quote"]) == ("Maria Zakharova", cue, "Washington miente")


def test_spanish_role_nouns_and_appositions():
    text = (
        "El canciller ruso, Serguéi Lavrov, afirmó que no hay diálogo. "
        "El portavoz del Kremlin, Dmitri Peskov, dijo que Putin no ha decidido. "
        "El vicecanciller Serguéi Riabkov señaló que las visas no llegaron. "
        "El canciller subrayó que todo depende de Washington. "
        "El portavoz añadió que la situación es grave. "
        "El vicecanciller recordó que el tratado vence en febrero."
    )
    assert [r[1] for r in rows(text, language="es")] == [
        "Sergey Lavrov",
        "Dmitry Peskov",
        "Sergey Ryabkov",
        "Sergey Lavrov",
        "Dmitry Peskov",
        "Sergey Ryabkov",
    ]


def test_spanish_partial_quote():
    found = rows("Lavrov subrayó que la OTAN representa una «amenaza seria» para Rusia.", "es")
    assert found == [
        ("indirect", "Sergey Lavrov", "la OTAN representa una «amenaza seria» para Rusia"),
        ("partial", "Sergey Lavrov", "amenaza seria"),
    ]


def test_spanish_role_noun_before_the_name_resolves_forward():
    text = "«No hay respuesta todavía», precisó el vocero.\nPeskov habló con la prensa en Moscú."
    s = only(text, language="es")
    assert s["speaker"] == "Dmitry Peskov"


# --- the seed article ----------------------------------------------------------------------------


def _seed() -> tuple[str, str]:
    from analysis.articles import load_article

    for path in SEED_CANDIDATES:
        if path.exists():
            record = load_article(path)
            return record["text"], record.get("title")
    pytest.skip("seed article not found")


def test_seed_article_all_lavrov_and_ryabkov_statements():
    text, title = _seed()
    found = find_statements(text, language="en", title=title)
    by_quote = {s["quote"]: s for s in found}

    def get(prefix: str) -> dict:
        hits = [s for q, s in by_quote.items() if q.startswith(prefix)]
        assert hits, f"no statement starting {prefix!r}"
        return hits[0]

    expected = [
        ("the freezing by the US", "indirect"),
        ("We note with regret", "direct"),
        ("the latest tangible result", "indirect"),
        ("It is clear that due to the absence", "direct"),
        ("the US and NATO policy", "indirect"),
        ("serious threat", "partial"),
        ("It is clear that this can lead", "direct"),
        ("Moscow is obliged to periodically send", "indirect"),
        ("warning signals", "partial"),
        ("But instead of paying attention", "direct"),
    ]
    for prefix, kind in expected:
        s = get(prefix)
        assert (s["speaker"], s["kind"]) == ("Sergey Lavrov", kind), prefix
    assert get("the latest tangible result")["speaker_mention"] == "The head of Russian diplomacy"
    assert get("Moscow is obliged")["speaker_mention"] == "The minister"
    assert get("unwillingness")["speaker"] == "Sergey Ryabkov"
    assert get("this decision by the US")["speaker"] == "Sergey Ryabkov"
    for s in found:
        if s["field"] == "text":
            assert text[s["start"] : s["end"]] == s["quote"]


# --- invariants ----------------------------------------------------------------------------------


def _check_invariants(text: str, title: str | None, language: str) -> None:
    found = find_statements(text, language=language, title=title)
    for s in found:
        source = text if s["field"] == "text" else title
        assert source[s["start"] : s["end"]] == s["quote"]
        assert s["kind"] in ("direct", "indirect", "partial")
        assert s["speaker"]
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a["kind"] == b["kind"] and a["field"] == b["field"]:
                assert a["end"] <= b["start"] or b["end"] <= a["start"], (a, b)


_PIECES = st.sampled_from(
    [
        "Lavrov said ",
        "that ",
        "“",
        "”",
        '"',
        "«",
        "»",
        "‘",
        "’",
        "„",
        ", he said. ",
        ", dijo Peskov. ",
        "the minister added ",
        "according to Zakharova, ",
        "\n\n",
        "\n",
        ". ",
        "The Kremlin said ",
        "A senior diplomat says ",
        "Ryabkov: ",
        " - Peskov",
        "Russia’s ",
        "U.S. ",
        "it is over",
        "según el canciller, ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=25), st.sampled_from(["en", "es"])
)
def test_invariants_on_generated_text(pieces, language):
    text = "".join(pieces)
    _check_invariants(text, text[:40] or None, language)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_no_crash_on_any_unicode(text):
    _check_invariants(text, text, "en")


def test_sentences_never_cut_inside_a_quotation():
    text = 'He said: "One. Two. Three." Then he left. Mr. Smith stayed in the U.S. for a week.'
    quotes = find_quotes(text)
    spans = split_sentences(text, quotes)
    for q in quotes:
        assert any(a <= q.start and q.end <= b for a, b in spans)
    assert [text[a:b] for a, b in spans][-1] == "Mr. Smith stayed in the U.S. for a week."


# --- more constructions met in agency copy -------------------------------------------------------


def test_quoted_as_saying_names_the_speaker_not_the_agency():
    a = only("The agency quoted Ryabkov as saying that the visas never came.")
    b = only("Ryabkov was cited by a radio station as saying that the visas never came.")
    assert a["speaker"] == b["speaker"] == "Sergey Ryabkov"
    assert a["quote"] == "the visas never came"


def test_participle_after_a_closing_quotation_mark():
    found = rows(
        'Antonov said the move was "a step toward the abyss," adding that talks were dead.'
    )
    assert ("indirect", "Anatoly Antonov", "talks were dead") in found


def test_capitalised_cue_word_inside_a_name_is_not_a_cue():
    found = rows("Antonov said the United States was wrong.")
    assert found == [("indirect", "Anatoly Antonov", "the United States was wrong")]


def test_verbs_that_need_a_that_clause():
    assert find_statements("The Kremlin denied the report.") == []
    assert rows("The Kremlin denied that the report was true.") == [
        ("indirect", "Kremlin", "the report was true")
    ]


def test_spanish_relative_clause_and_perfect_tense():
    found = rows("«Es un error», dijo Lavrov, quien agregó que Rusia responderá.", "es")
    assert ("indirect", "Sergey Lavrov", "Rusia responderá") in found
    found = rows("Zajárova ha advertido que Washington juega con fuego.", "es")
    assert found == [("indirect", "Maria Zakharova", "Washington juega con fuego")]


def test_clause_ends_where_a_second_speaker_begins():
    found = rows(
        "The Kremlin said the offer still stood, but Deputy Foreign Minister Sergei Ryabkov said "
        "the deadline had passed."
    )
    assert found == [
        ("indirect", "Kremlin", "the offer still stood"),
        ("indirect", "Sergey Ryabkov", "the deadline had passed"),
    ]


def test_listener_after_told_and_spanish_inverted_subject_with_apposition():
    found = rows('Peskov told reporters the proposal was "still on the table."')
    assert found[0][:2] == ("indirect", "Dmitry Peskov")
    assert found[0][2].startswith("the proposal was")
    s = only(
        "«No hay respuesta», declaró a la prensa el portavoz presidencial, Dmitri Peskov.",
        language="es",
    )
    assert (s["kind"], s["speaker"]) == ("direct", "Dmitry Peskov")


def test_quote_after_a_colon_without_a_speech_verb():
    s = only('Lavrov was blunt: "We will not return to the treaty."')
    assert (s["kind"], s["speaker"], s["cue"]) == ("direct", "Sergey Lavrov", ":")
    assert find_statements('The message was simple: "Come back to the table."') == []


def test_straight_single_quotes_in_a_headline():
    found = rows("", title="Lavrov says talks with US 'impossible' for now")
    assert ("partial", "Sergey Lavrov", "impossible") in found


def test_quoted_name_inside_reported_speech_is_not_a_partial():
    found = rows("Zakharova said the “Sarmat” test had gone to plan.")
    assert found == [("indirect", "Maria Zakharova", "the “Sarmat” test had gone to plan")]


@pytest.mark.parametrize(
    "text,language",
    [
        ("El tratado ha muerto, según declaró Peskov.", "es"),
        ("A juicio del portavoz Dmitri Peskov, el tratado ha muerto.", "es"),
        ("Peskov, for his part, said the treaty was dead.", "en"),
    ],
)
def test_according_and_interrupted_subject_variants(text, language):
    s = only(text, language=language)
    assert s["speaker"] == "Dmitry Peskov"
    assert s["quote"] in ("El tratado ha muerto", "el tratado ha muerto", "the treaty was dead")


def test_anonymous_official_is_not_given_a_name():
    text = (
        "Kremlin aide Yuri Ushakov said no contacts were planned. "
        "A senior administration official, who asked not to be identified, said Washington "
        "was open to talks. Former Under Secretary of State Rose Gottemoeller said the limits "
        "should stay."
    )
    assert [r[1] for r in rows(text)] == ["Yuri Ushakov", "Rose Gottemoeller"]


@pytest.mark.parametrize(
    "text,language",
    [
        ("The treaty, Lavrov said, is already dead.", "en"),
        ("El tratado, dijo Lavrov, ya ha muerto.", "es"),
    ],
)
def test_attribution_in_the_middle_of_reported_speech(text, language):
    s = only(text, language=language)
    assert (s["kind"], s["speaker"]) == ("indirect", "Sergey Lavrov")
    assert s["quote"] == text.rstrip(".")


def test_spanish_pronouns():
    text = (
        "Zajárova habló con Lavrov. Ella afirmó que Washington miente. Él dijo que no hay diálogo."
    )
    assert [r[1] for r in rows(text, "es")] == ["Maria Zakharova", "Sergey Lavrov"]


# --- held-out follow-up: constructions that failed on articles the extractor had never seen ----


def test_hyphenated_title_is_not_part_of_the_name():
    s = only("UN Secretary-General Antonio Guterres said that the risk had never been higher.")
    assert s["speaker"] == "António Guterres"


def test_interruption_after_a_name_is_not_an_appositive_role():
    text = (
        "NATO Secretary General Jens Stoltenberg, speaking in Vilnius, said the alliance was calm."
    )
    s = only(text)
    assert (s["speaker"], s["quote"]) == ("Jens Stoltenberg", "the alliance was calm")


def test_family_name_first_second_mention():
    # registered (Mao Ning) and unregistered (a made-up Chinese spokesperson) alike
    text = (
        "Foreign ministry spokesperson Mao Ning spoke in Beijing. Mao said that China wants "
        "no arms race. Spokesman Zhou Wei appeared later. Zhou said that Beijing would not join."
    )
    assert [r[1] for r in rows(text)] == ["Mao Ning", "Zhou Wei"]


def test_institution_glued_before_a_name_is_trimmed():
    text = (
        "Deputy Chairman of the Russian Security Council Dmitry Medvedev wrote on Telegram "
        "that talks were pointless. Russian Ambassador to the United States Anatoly Antonov "
        "met officials. According to Antonov, the mood was poor."
    )
    assert [r[1] for r in rows(text)] == ["Dmitry Medvedev", "Anatoly Antonov"]


def test_person_of_an_institution():
    s = only("Jana Novak of the Prague Institute for Security Studies said Europe was unprepared.")
    assert (s["speaker"], s["quote"]) == ("Jana Novak", "Europe was unprepared")


def test_group_in_a_place_is_an_unnamed_source():
    assert rows("Diplomats in Vienna say privately that the talks are over.") == []
    assert rows("Officials at the ministry said the talks were over.") == []


def test_appositive_role_with_places_keeps_the_person():
    text = (
        "Jana Novak, a security researcher at a think tank in Prague, cautioned that the "
        "moratorium could collapse."
    )
    s = only(text)
    assert (s["speaker"], s["quote"]) == ("Jana Novak", "the moratorium could collapse")


def test_quoted_as_saying_after_an_interruption():
    s = only(
        "Kremlin spokesman Dmitry Peskov, for his part, was quoted as saying that the "
        "offer still stood."
    )
    assert (s["speaker"], s["quote"]) == ("Dmitry Peskov", "the offer still stood")


@pytest.mark.parametrize(
    "text,language,first,second",
    [
        (
            "Blinken said Washington was ready to talk but warned that sanctions would stay.",
            "en",
            "Washington was ready to talk",
            "sanctions would stay",
        ),
        (
            "Lavrov dijo que Moscú estaba dispuesta y también advirtió que no cederá.",
            "es",
            "Moscú estaba dispuesta",
            "no cederá",
        ),
    ],
)
def test_second_verb_after_a_bare_conjunction(text, language, first, second):
    found = rows(text, language)
    assert [r[2] for r in found] == [first, second]
    assert len({r[1] for r in found}) == 1


@pytest.mark.parametrize(
    "text,cue",
    [
        ('"No hay nada que discutir", ha dicho Zajárova en Moscú.', "ha dicho"),
        ("«Seguiremos esperando», ha señalado el portavoz del Kremlin, Dmitri Peskov.", None),
    ],
)
def test_spanish_perfect_after_a_quote(text, cue):
    s = only(text, language="es")
    assert s["kind"] == "direct"
    assert s["speaker"] in ("Maria Zakharova", "Dmitry Peskov")
    if cue:
        assert s["cue"] == cue


@pytest.mark.parametrize(
    "text,quote",
    [
        ("Peskov ha lamentado que Washington no responda.", "Washington no responda"),
        ("Riabkov recalcó que la moratoria no es eterna.", "la moratoria no es eterna"),
        ("Lavrov insiste en que el diálogo está muerto.", "el diálogo está muerto"),
    ],
)
def test_more_spanish_cues(text, quote):
    s = only(text, language="es")
    assert s["quote"] == quote


def test_warns_of_a_noun_is_not_reported_speech():
    assert rows("Lavrov warns of new arms race in Europe") == []
    assert rows("Lavrov warned against a new arms race in Europe.") == []


def test_headline_furniture_with_a_place_is_not_an_attribution():
    text = "Read more\nSummit in The Hague: what was agreed\n\nPeskov said the talks were over."
    assert [r[1] for r in rows(text)] == ["Dmitry Peskov"]


def test_fronted_clause_with_a_trailing_adjunct_after_the_verb():
    text = (
        "Moscow has sent its annual data to Washington, the Russian Foreign Ministry said "
        "on Friday, only hours before the deadline."
    )
    s = only(text)
    assert (s["speaker"], s["quote"]) == (
        "Russian Foreign Ministry",
        "Moscow has sent its annual data to Washington",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Russia on Monday accused Washington of wrecking the treaty.",
        "Lavrov last week warned that the treaty was finished.",
    ],
)
def test_time_between_subject_and_verb(text):
    s = only(text)
    assert s["speaker"] in ("Russia", "Sergey Lavrov")


def test_time_tail_keeps_the_interruption():
    text = (
        "President Donald Trump, asked about it at the White House on Friday, said the idea "
        "was good."
    )
    assert only(text)["speaker"] == "Donald Trump"


def test_ambassador_to_a_country_before_the_name():
    text = (
        "The new doctrine is destabilising, Russian Ambassador to the United States Anatoly "
        "Antonov said. Antonov later met officials. According to him, the mood was poor."
    )
    assert [(r[1], r[2]) for r in rows(text)] == [
        ("Anatoly Antonov", "The new doctrine is destabilising"),
        ("Anatoly Antonov", "the mood was poor"),
    ]


def test_pronoun_after_a_speaker_named_only_as_a_speaker():
    text = (
        "Jana Novak said the talks had failed. Lavrov's team declined to comment. Petr Dvorak "
        "of the Prague Institute for Security Studies said the moratorium would hold. He "
        "claimed that both sides were tired."
    )
    assert [r[1] for r in rows(text)][-1] == "Petr Dvorak"


def test_pronoun_refers_to_the_subject_of_its_own_sentence():
    text = (
        "Peskov said no reply had come.\n\nPutin raised the idea at a meeting in June, when "
        "he said Moscow was ready to wait."
    )
    assert [r[1] for r in rows(text)] == ["Dmitry Peskov", "Vladimir Putin"]


def test_pronoun_refers_to_the_subject_of_a_sentence_without_speech():
    text = (
        "Blinken met Lavrov in Geneva. Lavrov said the meeting was useful.\n\n"
        "The top U.S. diplomat was more cautious. “We will see,” he said."
    )
    assert [r[1] for r in rows(text)] == ["Sergey Lavrov", "Antony Blinken"]
    text = (
        "Kimball said the limits could hold. Thomas Countryman, a former State Department "
        "official, is less hopeful. In his view, nobody in either capital cares."
    )
    assert [r[1] for r in rows(text)] == ["Daryl Kimball", "Thomas Countryman"]


def test_pronoun_keeps_the_last_speaker_when_the_previous_sentence_has_one():
    text = 'Lavrov met Blinken. Blinken said talks were useful. "We will see," he added.'
    assert [r[1] for r in rows(text)] == ["Antony Blinken", "Antony Blinken"]


def test_participle_after_a_non_speech_verb_takes_the_sentence_subject():
    text = (
        "Later, deputy spokesperson Vedant Patel repeated the point, saying Washington "
        "would not be rushed."
    )
    s = only(text)
    assert (s["speaker"], s["quote"]) == ("Vedant Patel", "Washington would not be rushed")


def test_the_spokesperson_again_after_an_institution_spokesperson():
    text = (
        '"We have received nothing," a Pentagon spokesperson said. The data exchange has '
        "stopped, the spokesperson added."
    )
    assert [r[1] for r in rows(text)] == ["Pentagon", "Pentagon"]


def test_scare_quotes_are_not_partial_statements():
    for text, language in [
        ('Lavrov said the so-called "rules-based order" was a fiction.', "en"),
        ("Lavrov dijo que el llamado «orden basado en reglas» es una ficción.", "es"),
    ]:
        assert [r[0] for r in rows(text, language)] == ["indirect"]
    # a real partial quote is still one
    kinds = [r[0] for r in rows('Lavrov said the move was a "clear provocation".')]
    assert kinds == ["indirect", "partial"]


def test_former_role_from_the_registry():
    text = (
        'Medvedev wrote that the treaty was dead. "We need no papers," the former president said.'
    )
    assert [r[1] for r in rows(text)] == ["Dmitry Medvedev", "Dmitry Medvedev"]


def test_spanish_role_nouns_representante():
    text = (
        "El embajador ruso, Anatoli Antónov, habló con la prensa. El representante ruso "
        "aseveró que Moscú no será el primero."
    )
    assert [r[1] for r in rows(text, "es")] == ["Anatoly Antonov"]


def test_briefing_transcript_turns():
    text = (
        "Department Press Briefing\n\n"
        "QUESTION: Matt, Lavrov said today that the treaty is dead. Your response?\n\n"
        "MR MILLER: We have seen those remarks. We remain open to talks.\n\n"
        "QUESTION: And the data?\n\n"
        "MR MILLER: We are reviewing that."
    )
    found = rows(text)
    assert found == [
        ("direct", "Matthew Miller", "We have seen those remarks. We remain open to talks."),
        ("direct", "Matthew Miller", "We are reviewing that."),
    ]


def test_dateline_with_a_colon_is_not_a_transcript_turn():
    assert [r[1] for r in rows("WASHINGTON: Russia said the talks were over.")] == ["Russia"]


def test_role_noun_refers_to_the_subject_of_a_sentence_without_speech():
    text = (
        "Presidential aide Yuri Ushakov said no date was set. Deputy Foreign Minister "
        "Alexander Grushko was blunter. In an interview, the diplomat warned that NATO was "
        "arming."
    )
    assert [r[1] for r in rows(text)] == ["Yuri Ushakov", "Alexander Grushko"]


def test_second_verb_without_that_after_a_bare_and():
    text = "Grushko warned that NATO was arming and said Russia would answer every deployment."
    assert [r[2] for r in rows(text)] == [
        "NATO was arming",
        "Russia would answer every deployment",
    ]
    # not a second statement: "and added nothing"
    assert len(rows("Lavrov said the talks were useful and added nothing else.")) == 1


def test_inverted_attribution_with_an_appositive_and_relative_clause():
    text = (
        "The cuts were never verified, argued Jana Novak, a researcher at a Prague institute, "
        "who has studied the treaty for years."
    )
    s = only(text)
    assert (s["speaker"], s["quote"]) == ("Jana Novak", "The cuts were never verified")


@pytest.mark.parametrize(
    "text,language,speaker",
    [
        (
            "According to a statement from the Russian Defense Ministry, the drills are over.",
            "en",
            "Russian Defense Ministry",
        ),
        ("Según un comunicado del Pentágono, los ejercicios terminaron.", "es", "Pentagon"),
    ],
)
def test_according_to_a_document_from_an_institution(text, language, speaker):
    assert only(text, language)["speaker"] == speaker


def test_lowercase_article_is_not_an_acronym():
    # "un" is a Spanish article, not the UN
    assert rows("Según un experto, el riesgo es alto.", "es") == []


def test_headline_surname_named_in_the_text():
    text = (
        "Austin: limits will hold\n\nU.S. Defense Secretary Lloyd Austin told senators that "
        "the limits would hold."
    )
    assert [r[1] for r in rows(text)] == ["Lloyd Austin", "Lloyd Austin"]
    assert rows("Analysis: the limits will hold\n\nNobody knows.") == []


def test_headline_role_noun_is_named_in_the_text():
    found = find_statements(
        "Presidential aide Yuri Ushakov told journalists that no date was set.",
        title="Kremlin aide says no date set for talks",
    )
    assert [s["speaker"] for s in found] == ["Yuri Ushakov", "Yuri Ushakov"]


def test_possessive_role_with_a_name_after_a_quote():
    text = (
        "El Kremlin ha asegurado que la tensión crece. «Estamos cerca de esa situación», ha "
        "señalado su portavoz, Dmitri Peskov."
    )
    assert [r[1] for r in rows(text, "es")] == ["Kremlin", "Dmitry Peskov"]


@pytest.mark.parametrize(
    "text,language",
    [
        ("El Gobierno alemán ha defendido que el despliegue es defensivo.", "es"),
        ("The German government said the deployment was defensive.", "en"),
    ],
)
def test_governments_named_by_their_country_adjective(text, language):
    assert only(text, language)["speaker"] == "German government"


def test_expressed_hope_that():
    s = only("Wang Wenbin expressed hope that both sides would keep talking.")
    assert (s["speaker"], s["quote"]) == ("Wang Wenbin", "both sides would keep talking")


def test_headline_slams_and_participle_calling_with_a_quote():
    text = (
        "Moscow slams Washington over 'reckless' decision\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova condemned the move, calling it a step "
        'towards "open war".'
    )
    found = rows(text)
    assert [(r[0], r[1]) for r in found] == [
        ("indirect", "Russia"),
        ("partial", "Russia"),
        ("indirect", "Maria Zakharova"),
        ("partial", "Maria Zakharova"),
    ]
    # "calling for" is a request without quoted words: not a statement
    assert rows("Lavrov criticised the plan, calling for new talks.") == []


def test_participle_declaring_after_an_opening_appositive():
    text = (
        "Lavrov said talks were pointless. His deputy, Sergey Ryabkov, went further, "
        'declaring that "the era of treaties is over."'
    )
    assert [(r[0], r[1]) for r in rows(text)][-1] == ("direct", "Sergey Ryabkov")


def test_spokesperson_named_after_a_comma_and_a_subject_that_is_not_an_appositive():
    text = (
        "Secretary-General António Guterres warned that the risk was high. In a statement "
        "issued by his spokesperson, Stéphane Dujarric, the Secretary-General urged both "
        'sides to talk. "Nobody can afford this," the spokesperson said.'
    )
    assert [r[1] for r in rows(text)] == ["António Guterres"] * 2 + ["Stéphane Dujarric"]


def test_subject_with_a_who_clause_after_a_quote():
    text = (
        '"A handshake is better than nothing," Ambassador Jana Novak, who led the talks, told '
        "a conference."
    )
    assert only(text)["speaker"] == "Jana Novak"


def test_spanish_inverted_subject_after_a_day():
    s = only(
        "Moscú no tiene prisa, aseguró este martes el portavoz del Kremlin, Dmitri Peskov.", "es"
    )
    assert (s["speaker"], s["quote"]) == ("Dmitry Peskov", "Moscú no tiene prisa")


def test_spanish_listener_and_researcher_of_an_institute():
    text = (
        '"Es un error grave", explica a este diario la investigadora del Instituto Ibérico '
        "Marta Ruiz, quien recuerda que el tratado tenía inspecciones. La experta considera "
        'que Europa "debe actuar".'
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("direct", "Marta Ruiz"),
        ("indirect", "Marta Ruiz"),
        ("indirect", "Marta Ruiz"),
        ("partial", "Marta Ruiz"),
    ]


def test_spanish_former_minister_years_ago():
    s = only(
        "El exministro de Defensa Pedro Soto escribió hace años que el desarme era clave.", "es"
    )
    assert (s["speaker"], s["quote"]) == ("Pedro Soto", "el desarme era clave")


def test_spanish_request_after_a_bare_y():
    text = "Stoltenberg lamentó la decisión de Rusia y pidió a Moscú que reconsidere su postura."
    found = rows(text, "es")
    assert [r[2] for r in found][0] == "la decisión de Rusia"
    assert len(found) == 2 and "reconsidere su postura" in found[1][2]


def test_clause_ends_before_a_day_after():
    text = (
        "The Kremlin said Russia could revise its doctrine, a day after Putin said Moscow "
        "needed no new weapons."
    )
    assert [(r[1], r[2]) for r in rows(text)] == [
        ("Kremlin", "Russia could revise its doctrine"),
        ("Vladimir Putin", "Moscow needed no new weapons"),
    ]


@pytest.mark.parametrize(
    "text,language",
    [
        ("Moscow delays the data exchange, Ryabkov confirms", "en"),
        ("Moscú aplaza el intercambio de datos, confirma Riabkov", "es"),
    ],
)
def test_headline_with_a_trailing_attribution(text, language):
    s = only(text, language)
    assert (s["speaker"], s["quote"]) == ("Sergey Ryabkov", text.split(",")[0])


def test_expresar_with_a_noun_is_not_reported_speech():
    assert rows("Zajárova expresó su preocupación por los misiles.", "es") == []
    s = only('"No hay diálogo", expresó Zajárova.', "es")
    assert s["kind"] == "direct"


def test_spanish_relative_clause_continues_the_speaker():
    text = (
        '"La disuasión es la garantía", ha afirmado Rutte en un discurso, en el que ha '
        'insistido en que los aliados "no buscan una carrera".'
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("direct", "Mark Rutte"),
        ("indirect", "Mark Rutte"),
        ("partial", "Mark Rutte"),
    ]


def test_spanish_perfect_of_an_object_verb():
    s = find_statements('Peskov ha acusado a la OTAN de "alimentar la escalada".', language="es")
    assert [(r["kind"], r["quote"]) for r in s] == [
        ("indirect", 'a la OTAN de "alimentar la escalada"'),
        ("partial", "alimentar la escalada"),
    ]


def test_spanish_nationality_adjective_is_not_a_plural():
    text = "Rutte habló en La Haya. El político neerlandés ha recordado que Rusia se retiró."
    assert [r[1] for r in rows(text, "es")] == ["Mark Rutte"]


def test_interview_dash_turns():
    text = (
        "Ambassador Jana Novak spoke to our reporter.\n\n"
        "— Will the talks resume?\n\n"
        "— Not this year. Both sides are tired.\n\n"
        "— And next year?\n\n"
        "— Perhaps."
    )
    assert rows(text) == [
        ("direct", "Jana Novak", "Not this year. Both sides are tired."),
        ("direct", "Jana Novak", "Perhaps."),
    ]
    # dashes without questions are a list, not an interview
    assert rows("Key points:\n\n- Talks stalled.\n\n- Data exchange stopped.") == []


def test_short_quote_right_after_the_speakers_quote():
    text = '"They forgot what fear is," Medvedev wrote on Telegram. "Remember it."'
    assert [(r[0], r[2]) for r in rows(text)] == [
        ("direct", "They forgot what fear is,"),
        ("direct", "Remember it."),
    ]


def test_deputy_head_of_an_institution_is_its_member():
    text = (
        "Dmitry Medvedev wrote a long post. In it, the deputy head of Russia's Security "
        "Council claimed that the suspension was forced."
    )
    assert only(text)["speaker"] == "Dmitry Medvedev"


def test_spanish_raya_interpolation_inside_a_quote():
    text = (
        "«Hicimos una oferta seria —dijo Dmitri Peskov, portavoz del Kremlin— y nadie nos "
        "respondió»."
    )
    assert rows(text, "es") == [
        ("direct", "Dmitry Peskov", "Hicimos una oferta seria"),
        ("direct", "Dmitry Peskov", "y nadie nos respondió"),
    ]


def test_para_x_is_a_view_of_a_person_or_institution_not_of_a_country():
    assert [r[1] for r in rows("Para Lavrov, las propuestas no son serias.", "es")] == [
        "Sergey Lavrov"
    ]
    assert rows("Para Rusia, las sanciones han sido costosas.", "es") == []
    assert rows("For the first time, no treaty limits them.") == []


def test_spanish_title_case_dateline():
    s = only("Pekín, 22 feb (EFE).- China instó hoy a Washington a reducir su arsenal.", "es")
    assert (s["speaker"], s["quote"]) == ("China", "a Washington a reducir su arsenal")


def test_affiliation_after_a_name_and_an_interview_subject():
    text = (
        "El investigador argentino Martín Ferreyra, del Centro de Estudios de Rosario, "
        'considera que el fin de las inspecciones es grave. "Sin datos no hay confianza", '
        "insiste el experto."
    )
    assert [r[1] for r in rows(text, "es")] == ["Martín Ferreyra", "Martín Ferreyra"]


def test_headline_quote_by_an_indefinite_expert_named_later():
    text = (
        '"Sin inspecciones no hay confianza", advierte un experto\n\n'
        "El investigador Martín Ferreyra considera que el fin es grave."
    )
    assert [r[1] for r in rows(text, "es")] == ["Martín Ferreyra", "Martín Ferreyra"]


def test_words_after_a_verb_are_not_a_role_for_the_next_name():
    text = (
        "A Pentagon spokesperson said the United States remained committed. "
        "The Pentagon said it would keep watching."
    )
    assert [r[1] for r in rows(text)] == ["Pentagon", "Pentagon"]


def test_relative_who_said_belongs_to_the_person_just_named():
    text = (
        "Zakharova said the talks were over. She also commented on remarks by NATO Secretary "
        'General Mark Rutte, who said earlier this week that the alliance would "adapt".'
    )
    found = rows(text)
    assert [(r[0], r[1]) for r in found][-2:] == [
        ("indirect", "Mark Rutte"),
        ("partial", "Mark Rutte"),
    ]
    assert found[-2][2] == 'the alliance would "adapt"'


def test_capitalised_word_after_a_quote_is_not_a_verb():
    text = (
        'Zakharova said the talks were over. She stressed that Russia "will not chase" the '
        "United States to resume them."
    )
    assert "direct" not in [r[0] for r in rows(text)]


def test_though_he_warned_is_a_second_statement():
    text = (
        "Ryabkov told reporters that Russia kept its moratorium, though he warned that it "
        '"cannot last forever."'
    )
    assert [(r[0], r[2]) for r in rows(text)] == [
        ("indirect", "Russia kept its moratorium"),
        ("indirect", 'it "cannot last forever."'),
        ("partial", "cannot last forever."),
    ]


def test_called_on_after_a_bare_and():
    text = (
        'Prime Minister Shigeru Ishiba said Japan was "deeply concerned" and called on both '
        "countries to show restraint."
    )
    assert [r[2] for r in rows(text) if r[0] == "indirect"] == [
        'Japan was "deeply concerned"',
        "both countries to show restraint",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "El Departamento de Estado de Estados Unidos ha anunciado que dejará de enviar datos.",
        "La diplomacia estadounidense ha anunciado que dejará de enviar datos.",
    ],
)
def test_institution_with_its_country_and_la_diplomacia(text):
    assert only(text, "es")["speaker"] == "U.S. State Department"


def test_segun_ha_explicado_without_a_named_subject():
    text = (
        "El Kremlin ha anunciado que responderá. Según ha explicado en un comunicado, la "
        "respuesta será militar."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")][-1] == (
        "Kremlin",
        "la respuesta será militar",
    )
    # an agency reporting is not the speaker going on
    assert len(rows("Peskov habló. Según informó la agencia TASS, no habrá respuesta.", "es")) == 0


def test_same_partial_in_headline_and_body_is_two_statements():
    text = (
        "Blinken says talks possible 'without conditions'\n\n"
        'Blinken said on Monday that talks were possible "without conditions."'
    )
    assert [r[0] for r in rows(text)].count("partial") == 2


def test_said_only_colon_quote_is_direct():
    text = 'Lavrov spoke briefly. Asked about Blinken, he said only: "We talk often."'
    assert rows(text) == [("direct", "Sergey Lavrov", "We talk often.")]


def test_spanish_present_califica_headline():
    text = 'Trump califica de "buena idea" la oferta rusa'
    assert [r[0] for r in rows(text, "es")] == ["indirect", "partial"]


def test_the_statement_said_is_its_issuer():
    text = (
        "El Ministerio de Exteriores de Rusia anunció que la moratoria terminó. La decisión se "
        'debe a que "las condiciones han cambiado", indica el comunicado.'
    )
    assert rows(text, "es") == [
        ("indirect", "Russian Foreign Ministry", "la moratoria terminó"),
        (
            "indirect",
            "Russian Foreign Ministry",
            'La decisión se debe a que "las condiciones han cambiado"',
        ),
        ("partial", "Russian Foreign Ministry", "las condiciones han cambiado"),
    ]


def test_fronted_clause_around_a_quote_is_indirect_with_a_partial():
    assert rows('The treaty is "finished for good," Lavrov said.') == [
        ("indirect", "Sergey Lavrov", 'The treaty is "finished for good,"'),
        ("partial", "Sergey Lavrov", "finished for good,"),
    ]
    # a quote opening the sentence stays direct
    assert [r[0] for r in rows('"The treaty is finished," Lavrov said.')] == ["direct"]


def test_rhetorical_question_after_a_quote_and_dismissed_as():
    text = (
        'Ambassador Jana Novak spoke first. "What are you hiding?" she asked. Lavrov dismissed '
        'the text as "a dirty show" and said it was not serious.'
    )
    assert [(r[0], r[1]) for r in rows(text)] == [
        ("direct", "Jana Novak"),
        ("indirect", "Sergey Lavrov"),
        ("partial", "Sergey Lavrov"),
        ("indirect", "Sergey Lavrov"),
    ]
    # a verb that needs quoted words: none in its own clause, no statement
    assert rows("Lavrov dismissed the offer, arguing that it changed nothing.") == [
        ("indirect", "Sergey Lavrov", "it changed nothing")
    ]


def test_spanish_clitic_and_a_named_listener_before_the_speaker():
    text = '"Perdimos la vista", le dijo a Radio Nacional Marta Ruiz, experta en desarme.'
    assert rows(text, "es") == [("direct", "Marta Ruiz", "Perdimos la vista")]


def test_asi_lo_dijo_attributes_the_previous_sentence_and_keeps_a_relative_clause():
    text = (
        "Washington es el único responsable. Así lo dijo el portavoz Dmitri Peskov, quien "
        'acusó a EE.UU. de "ignorar" la oferta.'
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("indirect", "Dmitry Peskov"),
        ("indirect", "Dmitry Peskov"),
        ("partial", "Dmitry Peskov"),
    ]


def test_an_aside_between_the_verb_and_que():
    s = find_statements(
        "Riabkov ha explicado, según ha recogido la agencia TASS, que la medida es temporal.",
        language="es",
    )
    assert [(r["speaker"], r["quote"]) for r in s] == [("Sergey Ryabkov", "la medida es temporal")]


def test_lowercase_possessive_before_a_title():
    s = only(
        "The treaty is gone, the alliance's Secretary General Mark Rutte told a news conference."
    )
    assert (s["speaker"], s["quote"]) == ("Mark Rutte", "The treaty is gone")


def test_participle_interruption_after_a_name():
    s = only("Pete Hegseth, attending his first NATO meeting, urged allies to spend more.")
    assert (s["speaker"], s["quote"]) == ("Pete Hegseth", "allies to spend more")


def test_according_to_an_institutions_readout():
    s = only("Biden raised the matter, according to the White House readout of the call.")
    assert (s["speaker"], s["quote"]) == ("White House", "Biden raised the matter")


def test_spanish_nationality_adjective_after_a_role():
    text = 'En opinión del analista venezolano Pedro Gil, la decisión "era previsible".'
    assert [r[1] for r in rows(text, "es")] == ["Pedro Gil", "Pedro Gil"]


def test_spanish_aclaro_after_aunque():
    text = "Putin anunció que Rusia suspende su participación, aunque aclaró que no se retira."
    assert [r[2] for r in rows(text, "es")] == [
        "Rusia suspende su participación",
        "no se retira",
    ]


def test_countries_by_their_spanish_names_are_canonical():
    assert only("España pide a la OTAN no desplegar más armas.", "es")["speaker"] == "Spain"


def test_diplomat_of_a_country_named_by_a_spanish_role():
    text = (
        "El representante permanente de México ante la Conferencia, Francisco Vega, habló. "
        "El diplomático mexicano recordó que la región es libre de armas nucleares."
    )
    assert [r[1] for r in rows(text, "es")] == ["Francisco Vega"]


def test_spanish_present_acusa_and_responsabilizar():
    assert [r[0] for r in rows("Moscú acusa a Washington de escalar el conflicto", "es")] == [
        "indirect"
    ]
    text = "La OTAN ha lamentado la decisión y ha responsabilizado a Rusia de la crisis."
    assert [r[2] for r in rows(text, "es")] == ["la decisión", "a Rusia de la crisis"]


def test_portavoz_again_after_a_named_spokeswoman_of_an_institution():
    text = (
        '"Rusia ha violado sus compromisos", ha señalado la portavoz de la Alianza, Ana Ruiz. '
        "La portavoz ha añadido que los aliados siguen unidos."
    )
    assert [r[1] for r in rows(text, "es")] == ["Ana Ruiz", "Ana Ruiz"]


def test_fronted_clause_then_said_and_a_participle():
    text = (
        "China will not join the talks, a foreign ministry spokesperson said on Thursday, "
        "rejecting calls from Washington. Spokesperson Wang Lei said the demand was unfair."
    )
    found = rows(text)
    assert [(r[1], r[2]) for r in found] == [
        ("Wang Lei", "China will not join the talks"),
        ("Wang Lei", "the demand was unfair"),
    ]


def test_spanish_inverted_that_only_verb():
    s = only(
        "Washington no ha respondido, informó la portavoz de la Cancillería, María Zajárova.", "es"
    )
    assert (s["speaker"], s["quote"]) == ("Maria Zakharova", "Washington no ha respondido")


def test_un_is_not_a_role_word_in_a_spanish_appositive():
    text = (
        "El Kremlin confía en la propuesta del presidente ruso, Vladímir Putin, de mantener "
        "durante un año los límites, dijo hoy su portavoz, Dmitri Peskov."
    )
    assert only(text, "es")["speaker"] == "Dmitry Peskov"


def test_headline_with_a_role_noun_only():
    text = (
        "Embajador ruso: Washington quiere culpar a Moscú\n\n"
        "El embajador ruso en EE.UU., Anatoli Antónov, habló con la prensa."
    )
    assert rows(text, "es") == [("indirect", "Anatoly Antonov", "Washington quiere culpar a Moscú")]
    assert rows("Media inquiries: Office of the Spokesperson") == []


def test_segun_the_communique_of_the_presidency():
    text = (
        "Putin y Trump hablaron. Según el comunicado de la Presidencia rusa, ambos líderes "
        '"acordaron seguir en contacto".'
    )
    assert rows(text, "es")[0][1] == "Kremlin"


def test_matizo_days_later():
    s = find_statements(
        "El secretario de Energía, Chris Wright, matizó días después que las pruebas serían "
        "limitadas.",
        language="es",
    )
    assert [(r["speaker"], r["quote"]) for r in s] == [
        ("Chris Wright", "las pruebas serían limitadas")
    ]


def test_inverted_subject_followed_by_an_adjunct_is_not_a_parenthetical():
    text = (
        "Washington bloquea el diálogo, denunció el representante de Rusia ante la ONU, "
        "Vasili Nebenzia, durante una sesión del Consejo."
    )
    s = only(text, "es")
    assert (s["speaker"], s["quote"]) == ("Vasily Nebenzya", "Washington bloquea el diálogo")


def test_relative_que_after_a_thing_takes_the_sentence_subject_and_needs_que_for_that_verbs():
    text = 'Nebenzia rechazó las acusaciones de Washington, que calificó de "invenciones".'
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("indirect", "Vasily Nebenzya"),
        ("partial", "Vasily Nebenzya"),
    ]
    text = (
        'La Casa Blanca difundió un resumen, en el que destacó el compromiso de ambos con "la paz".'
    )
    assert rows(text, "es") == []


def test_spanish_blame_after_a_bare_y_and_presidential_spokesman():
    text = (
        "El Kremlin lamentó hoy la expiración del tratado y responsabilizó a Washington por su "
        "silencio. «Lamentamos esta situación», expresó el vocero presidencial Dmitri Peskov en "
        "su contacto con la prensa."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Kremlin", "la expiración del tratado"),
        ("Kremlin", "a Washington por su silencio"),
        ("Dmitry Peskov", "Lamentamos esta situación"),
    ]


def test_spanish_aside_no_obstante_and_jefa_de_la_diplomacia():
    text = (
        "La Alta Representante de la UE, Kaja Kallas, habló en Bruselas. La jefa de la "
        "diplomacia europea ha precisado, no obstante, que la OTAN seguirá siendo clave."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Kaja Kallas", "la OTAN seguirá siendo clave")
    ]


def test_spanish_inverted_subject_after_an_interview_adjunct_and_segun_sus_palabras():
    text = (
        "Rusia responderá al despliegue, afirmó en una entrevista con Sputnik el vicecanciller "
        "ruso, Serguéi Riabkov. Sin embargo, según sus palabras, la moratoria ya no tiene sentido."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Sergey Ryabkov", "Rusia responderá al despliegue"),
        ("Sergey Ryabkov", "la moratoria ya no tiene sentido"),
    ]


def test_single_name_among_several_and_advirtio_de_que():
    text = (
        "El presidente de Brasil, Luiz Inácio Lula da Silva, lamentó la expiración del tratado "
        'y advirtió de que el mundo necesita diálogo. "Hay que dar ejemplo", dijo Lula.'
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Luiz Inácio Lula da Silva", "la expiración del tratado"),
        ("Luiz Inácio Lula da Silva", "el mundo necesita diálogo"),
        ("Luiz Inácio Lula da Silva", "Hay que dar ejemplo"),
    ]


def test_unregistered_institution_with_a_head_noun():
    s = only("The US Energy Department has said the tests would be non-critical.")
    assert (s["speaker"], s["quote"]) == ("US Energy Department", "the tests would be non-critical")


def test_presidential_aide_after_a_quote():
    text = (
        'Kremlin aide Yury Ushakov spoke to journalists. "The topic was raised," the '
        "presidential aide said."
    )
    assert [r[1] for r in rows(text)] == ["Yuri Ushakov"]


def test_calling_after_an_added_clause_is_its_own_statement():
    text = (
        'Putin added that Russia had "no intention" of attacking, calling such claims "nonsense."'
    )
    kinds = [(r[0], r[2]) for r in rows(text)]
    assert ("indirect", 'such claims "nonsense."') in kinds
    assert ("indirect", 'Russia had "no intention" of attacking') in kinds


def test_the_commentary_reads():
    text = (
        'Zakharova said the approach was destabilizing. "Washington wants superiority," the '
        "commentary reads."
    )
    assert [r[1] for r in rows(text)] == ["Maria Zakharova", "Maria Zakharova"]


def test_spanish_inverted_subject_after_a_listener_and_kremlin_representative():
    text = (
        "Rusia actuará con responsabilidad, declaró a los periodistas el portavoz del Kremlin, "
        'Dmitri Peskov. "No queremos una carrera", precisó el representante del Kremlin.'
    )
    assert [r[1] for r in rows(text, "es")] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_spanish_second_verb_with_an_appositive_subject_and_spanish_role_text():
    text = (
        "El canciller cubano, Bruno Rodríguez, reclamó hoy la eliminación de las armas y "
        "denunció que las potencias incumplen. «Vivimos bajo amenaza», afirmó el ministro."
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("indirect", "Bruno Rodríguez"),
        ("direct", "Bruno Rodríguez"),
    ]


def test_glued_ex_prefix_and_negotiator_role_nouns():
    # "la exnegociadora": the glued prefix is split off and the negotiator noun finds the
    # person whose earlier office was an arms control one
    text = (
        "Rose Gottemoeller habló ayer en Madrid. La exnegociadora sostiene que el acuerdo "
        "aún es posible. El exministro de un país vecino no quiso opinar."
    )
    got = find_statements(text, language="es", published="2024-05-02")
    assert [(s["speaker"], s["quote"]) for s in got] == [
        ("Rose Gottemoeller", "el acuerdo aún es posible")
    ]
    english = (
        "Rose Gottemoeller spoke in Oslo. The former negotiator said that a political deal was "
        "still within reach."
    )
    got = find_statements(english, published="2024-05-02")
    assert [s["speaker"] for s in got] == ["Rose Gottemoeller"]


def test_portfolio_words_inside_a_title_before_the_name():
    text = (
        "Washington will not rush to build more launchers, White House arms control adviser "
        "Pranay Vaddi said. Moscow has no plans for new tests, the Russian nonproliferation "
        "envoy Mikhail Ulyanov said."
    )
    assert [(r[0], r[1]) for r in rows(text)] == [
        ("indirect", "Pranay Vaddi"),
        ("indirect", "Mikhail Ulyanov"),
    ]


def test_more_spanish_speech_verbs():
    text = (
        '"No hay prisa", zanjó Lavrov. Riabkov remachó que Moscú no dará el primer paso. '
        "Peskov desmintió que el Kremlin prepare una prueba. Peskov desmintió los rumores. "
        "Zajárova ha replicado que Washington nunca respondió."
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("direct", "Sergey Lavrov"),
        ("indirect", "Sergey Ryabkov"),
        ("indirect", "Dmitry Peskov"),
        ("indirect", "Maria Zakharova"),
    ]


def test_glued_ex_role_before_an_institution_is_a_person():
    # "el exjefe de la diplomacia estadounidense" is a role phrase, not the department itself
    text = (
        "Antony Blinken visitó Praga el martes. El exjefe de la diplomacia estadounidense "
        "afirmó que el acuerdo había dado resultados."
    )
    got = find_statements(text, language="es", published="2025-10-05")
    assert [s["speaker"] for s in got] == ["Antony Blinken"]


def test_spanish_como_with_a_speech_verb_attributes_the_clause():
    text = (
        "Como explicó Riabkov, Moscú no tiene prisa. Tal y como ha recordado Zajárova, "
        "Washington debe responder primero. Como era de esperar, el debate siguió."
    )
    assert [(r[0], r[1], r[2]) for r in rows(text, "es")] == [
        ("indirect", "Sergey Ryabkov", "Moscú no tiene prisa"),
        ("indirect", "Maria Zakharova", "Washington debe responder primero"),
    ]


def test_spanish_multiword_speech_verbs_with_a_que_clause():
    text = (
        "Lavrov hizo hincapié en que Moscú cumple sus compromisos. Riabkov no descartó que "
        "Rusia responda. Peskov dejó claro su rechazo. Zajárova ha puesto de relieve que "
        "Washington calla."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Sergey Lavrov", "Moscú cumple sus compromisos"),
        ("Sergey Ryabkov", "Rusia responda"),
        ("Maria Zakharova", "Washington calla"),
    ]


@pytest.mark.parametrize(
    ("question", "answer"),
    [("P:", "R:"), ("Pregunta:", "Respuesta:"), ("Q.", "A."), ("Question:", "Gottemoeller:")],
)
def test_labelled_interview_answers_are_the_interviewees(question: str, answer: str) -> None:
    text = (
        "Rose Gottemoeller habló con este diario en Ginebra.\n\n"
        f"{question} ¿Sigue vivo el tratado?\n\n"
        f"{answer} Sí. Los límites centrales siguen en vigor.\n\n"
        "El tratado expira en febrero."
    )
    got = find_statements(text, language="es", published="2025-10-05")
    assert [(s["speaker"], s["kind"], s["quote"]) for s in got] == [
        ("Rose Gottemoeller", "direct", "Sí. Los límites centrales siguen en vigor.")
    ]


def test_quote_then_verb_with_an_adjunct_before_the_subject():
    text = (
        '"No habrá prórroga", señaló en un comunicado el Ministerio de Exteriores de Rusia. '
        '"Esperamos una respuesta", dijo en una entrevista con Izvestia el vicecanciller '
        "Serguéi Riabkov."
    )
    assert [(r[0], r[1]) for r in rows(text, "es")] == [
        ("direct", "Russian Foreign Ministry"),
        ("direct", "Sergey Ryabkov"),
    ]


def test_para_with_a_role_before_the_name_and_a_decir_de():
    text = (
        "Para la experta Rose Gottemoeller, el tratado sigue vivo. Para el canciller ruso, "
        "Serguéi Lavrov, la prórroga es imposible. A decir de Riabkov, Moscú esperará. Para la "
        "semana próxima, Moscú prepara una respuesta."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Rose Gottemoeller", "el tratado sigue vivo"),
        ("Sergey Lavrov", "la prórroga es imposible"),
        ("Sergey Ryabkov", "Moscú esperará"),
    ]


def test_raya_dialogue_and_interview_answers_cut_by_an_inciso():
    dialogue = (
        "—Todavía no —respondió Lavrov—. Washington no ha contestado.\n\n"
        "—No hay prisa —zanjó Riabkov."
    )
    assert [(r[0], r[1], r[2]) for r in rows(dialogue, "es")] == [
        ("direct", "Sergey Lavrov", "Todavía no"),
        ("direct", "Sergey Lavrov", "Washington no ha contestado."),
        ("direct", "Sergey Ryabkov", "No hay prisa"),
    ]
    interview = (
        "Serguéi Riabkov recibió a este diario en Moscú.\n\n—¿Habrá diálogo?\n\n"
        "—Quizá —contestó el vicecanciller—. Depende de Washington.\n\n"
        "El tratado — firmado en 2010 — expira en febrero."
    )
    assert [(r[1], r[2]) for r in rows(interview, "es")] == [
        ("Sergey Ryabkov", "Quizá"),
        ("Sergey Ryabkov", "Depende de Washington."),
    ]


def test_english_rule_out_make_clear_and_as_x_put_it():
    text = (
        "Ryabkov did not rule out that Moscow could resume testing. Ryabkov made clear his "
        "displeasure. Lavrov has made it clear that the door stays open. As Lavrov put it, "
        "Washington must move first. As one analyst put it, the treaty is dead."
    )
    assert [(r[1], r[2]) for r in rows(text)] == [
        ("Sergey Ryabkov", "Moscow could resume testing"),
        ("Sergey Lavrov", "the door stays open"),
        ("Sergey Lavrov", "Washington must move first"),
    ]


def test_spanish_como_lo_expreso_x_both_orders():
    text = (
        "Como lo expresó Lavrov, Washington debe mover ficha. Como Riabkov lo resumió, no hay "
        "prisa."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Sergey Lavrov", "Washington debe mover ficha"),
        ("Sergey Ryabkov", "no hay prisa"),
    ]


def test_spanish_adverb_after_the_verb_aside_after_an_institution_and_relative_after_segun():
    text = (
        "Lavrov recordó asimismo que Moscú sigue dispuesto a negociar. El Kremlin, en un "
        "comunicado, aseguró que Rusia cumple sus compromisos. Según Zajárova, quien habló en "
        "Moscú, Washington no respondió."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Sergey Lavrov", "Moscú sigue dispuesto a negociar"),
        ("Kremlin", "Rusia cumple sus compromisos"),
        ("Maria Zakharova", "Washington no respondió"),
    ]


def test_a_document_issued_by_x_in_which_it_says_that():
    es = (
        "El martes, la Cancillería rusa emitió un comunicado en el que afirma que Washington "
        "viola el tratado. Rusia publicó un informe en el que se detalla que el arsenal creció."
    )
    assert [(r[1], r[2]) for r in rows(es, "es")] == [
        ("Russian Foreign Ministry", "Washington viola el tratado")
    ]
    en = "The Kremlin issued a statement saying that Russia would keep to the limits."
    assert [(r[1], r[2]) for r in rows(en)] == [("Kremlin", "Russia would keep to the limits")]


def test_hyphenated_ex_role_noun():
    text = "Antony Blinken spoke in Oslo. The ex-secretary of state said that a deal was possible."
    got = find_statements(text, published="2025-10-05")
    assert [(s["speaker"], s["quote"]) for s in got] == [("Antony Blinken", "a deal was possible")]


def test_segun_dijo_with_a_day_and_a_trailing_role_then_name():
    text = (
        "Rusia dejará de notificar sus ensayos, según dijo este miércoles el viceministro de "
        "Exteriores ruso, Serguéi Riabkov. Moscú responderá, según su portavoz, Dmitri Peskov."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Sergey Ryabkov", "Rusia dejará de notificar sus ensayos"),
        ("Dmitry Peskov", "Moscú responderá"),
    ]
    # a possessive role without the name names nobody
    assert rows("Según su portavoz, la oferta sigue en pie.", "es") == []


def test_subject_with_an_address_or_an_affiliation_between_it_and_the_verb():
    en = (
        "Putin, in his annual address to the Federal Assembly, said Russia was not leaving "
        "the treaty. Daryl Kimball, of the Arms Control Association, warned that an arms race "
        "was coming."
    )
    assert [(r[1], r[2]) for r in rows(en)] == [
        ("Vladimir Putin", "Russia was not leaving the treaty"),
        ("Daryl Kimball", "an arms race was coming"),
    ]


def test_a_document_as_speaker_resolved_to_the_institution_named_before():
    es = (
        "El Ministerio de Exteriores de Rusia ha anunciado la suspensión de las inspecciones. "
        "El comunicado señala que las sanciones impiden viajar a los inspectores. Según el texto, "
        'Washington busca ventajas. "Rusia cumple el tratado", reza la nota.'
    )
    assert [(r[0], r[1], r[2]) for r in rows(es, "es")] == [
        ("indirect", "Russian Foreign Ministry", "las sanciones impiden viajar a los inspectores"),
        ("indirect", "Russian Foreign Ministry", "Washington busca ventajas"),
        ("direct", "Russian Foreign Ministry", "Rusia cumple el tratado"),
    ]
    # no institution named before: nobody
    assert rows("El comunicado señala que las sanciones impiden viajar.", "es") == []


def test_spanish_bare_verb_after_a_fronted_clause_and_in_a_raya():
    text = (
        "Riabkov dijo que Moscú respetará los límites. Esa decisión puede revisarse, advirtió. "
        '"No hay diálogo posible —subrayó—. Es una posición incoherente".'
    )
    assert [(r[0], r[1], r[2]) for r in rows(text, "es")] == [
        ("indirect", "Sergey Ryabkov", "Moscú respetará los límites"),
        ("indirect", "Sergey Ryabkov", "Esa decisión puede revisarse"),
        ("direct", "Sergey Ryabkov", "No hay diálogo posible"),
        ("direct", "Sergey Ryabkov", "Es una posición incoherente"),
    ]
    assert rows("Esa decisión puede revisarse, advirtió.", "es") == []  # nobody before


def test_second_verb_with_an_adjunct_before_que():
    text = (
        "El Departamento de Estado lamentó la medida y aseguró en un comunicado que Rusia "
        "incumple sus obligaciones."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("U.S. State Department", "la medida"),
        ("U.S. State Department", "Rusia incumple sus obligaciones"),
    ]


def test_bare_ministry_after_a_capital_lead():
    text = (
        "Guterres spoke in New York. In Moscow, the foreign ministry said in a statement that "
        "Russia would act responsibly. The statement says the offer had gone unanswered."
    )
    assert [(r[1], r[2]) for r in rows(text)] == [
        ("Russian Foreign Ministry", "Russia would act responsibly"),
        ("Russian Foreign Ministry", "the offer had gone unanswered"),
    ]
    assert rows("In Moscow, the crowd said that it was cold.") == []


def test_glued_ex_role_noun_of_the_lexicon_and_a_later_expert_mention():
    text = (
        "Para el exdiplomático ruso Alexéi Arbátov, el gesto de Moscú es una señal. El experto "
        "advierte de que ambas potencias podrían volver a una carrera de armamentos."
    )
    got = rows(text, "es")
    assert [r[2] for r in got] == [
        "el gesto de Moscú es una señal",
        "ambas potencias podrían volver a una carrera de armamentos",
    ]
    assert all("Arb" in r[1] for r in got)


def test_relative_que_with_a_day_and_listener_after_a_name_ending_a_phrase():
    text = (
        "Peskov reaccionó a las palabras de Donald Trump, que el domingo dijo a los periodistas "
        "que la oferta rusa le parecía buena."
    )
    assert [(r[1], r[2]) for r in rows(text, "es")] == [
        ("Donald Trump", "la oferta rusa le parecía buena")
    ]


def _said(text: str, language: str = "en", published: str | None = None) -> list[tuple]:
    """(speaker, quote) of every statement found, with the article's date."""
    return [
        (s["speaker"], s["quote"])
        for s in find_statements(text, language=language, published=published)
    ]


def test_joint_subject_is_one_statement_per_person_in_the_text_order():
    text = "Antony Blinken and Sergey Lavrov said on Friday that the talks had been useful."
    assert _said(text) == [
        ("Antony Blinken", "the talks had been useful"),
        ("Sergey Lavrov", "the talks had been useful"),
    ]
    es = (
        "Los jefes de la diplomacia china y rusa, Wang Yi y Serguéi Lavrov, coincidieron hoy en "
        "que la región necesita estabilidad."
    )
    assert _said(es, "es") == [
        ("Wang Yi", "la región necesita estabilidad"),
        ("Sergey Lavrov", "la región necesita estabilidad"),
    ]
    # no names, or not people: one speaker at most, never a second copy
    assert len(_said("The minister and his deputy said that the plan was ready.")) <= 1
    # countries and institutions named side by side speak jointly too
    assert _said("Russia and China said in a statement that the plan was ready.") == [
        ("Russia", "the plan was ready"),
        ("China", "the plan was ready"),
    ]
    assert [w for w, _ in _said("The Kremlin and the White House said the call was useful.")] == [
        "Kremlin",
        "White House",
    ]
    assert _said("Lavrov coincidió en la necesidad de mantener el diálogo.", "es") == []


def test_spanish_foreign_minister_phrases_resolve_by_the_registry_on_the_date():
    for subject in (
        "El ministro de Relaciones Exteriores ruso",
        "El ministro ruso de Asuntos Exteriores",
        "El ministro de Exteriores de Rusia",
    ):
        got = _said(f"{subject} advirtió ante la ONU que el tratado ha muerto.", "es", "2024-09-28")
        assert got == [("Sergey Lavrov", "el tratado ha muerto")], subject
    # a subject-less quote after it goes on with the same (registry) speaker
    text = (
        "El ministro de Exteriores ruso advirtió que el tratado ha muerto. «No hay nada que "
        "salvar», remarcó."
    )
    assert [w for w, _ in _said(text, "es", "2024-09-28")] == ["Sergey Lavrov"] * 2


def test_the_president_is_not_the_kremlin_spokesman():
    en = (
        "President Vladimir Putin met his security council on Monday. Kremlin spokesman Dmitry "
        "Peskov said the meeting was routine. The president said that Russia was ready to talk."
    )
    assert _said(en, published="2023-05-02")[-1] == ("Vladimir Putin", "Russia was ready to talk")
    es = (
        "El presidente Vladímir Putin se reunió el lunes con su Consejo de Seguridad. El portavoz "
        "del Kremlin, Dmitri Peskov, dijo que la reunión fue rutinaria. El mandatario aseguró que "
        "Rusia está dispuesta a negociar."
    )
    assert _said(es, "es", "2023-05-02")[-1][0] == "Vladimir Putin"
    assert _said("The Russian president said that the offer stood.", published="2023-05-02") == [
        ("Vladimir Putin", "the offer stood")
    ]


def test_speech_verbs_and_listeners_of_batch_17():
    assert _said("Grossi told the Guardian the agency would keep its inspectors there.") == [
        ("Rafael Grossi", "the agency would keep its inspectors there")
    ]
    assert _said("Medvedev has written on Telegram that Europe would pay for it.") == [
        ("Dmitry Medvedev", "Europe would pay for it")
    ]
    # what was put out is not what was said
    assert _said("Medvedev posted the video hours before the summit began.") == []
    assert _said("Zajárova dio a entender que Moscú responderá.", "es") == [
        ("Maria Zakharova", "Moscú responderá")
    ]
    assert _said("La Cancillería rusa ha comunicado que Rusia se retira.", "es") == [
        ("Russian Foreign Ministry", "Rusia se retira")
    ]
    # a meeting after the clause tells when it was said, not what
    got = _said("Lavrov aseguró que el canal sigue abierto, tras una reunión de dos horas.", "es")
    assert got == [("Sergey Lavrov", "el canal sigue abierto")]


def test_a_role_or_pronoun_lede_takes_the_person_the_headline_names():
    def said(title, text, language="en", published=None):
        return [
            (s["speaker"], s["quote"])
            for s in find_statements(text, language=language, title=title, published=published)
            if s["field"] == "text"
        ]

    # several presidents held office that day: the headline says which one
    assert said(
        "Putin advierte a Occidente",
        "El presidente aseguró este martes que Rusia responderá.",
        "es",
        "2024-03-01",
    ) == [("Vladimir Putin", "Rusia responderá")]
    # no date to look the office up by
    assert said(
        "Lavrov warns Washington over missiles",
        "The Russian foreign minister said on Tuesday that Moscow would respond.",
    ) == [("Sergey Lavrov", "Moscow would respond")]
    # a spokesman of the Kremlin is the headline's Peskov, not the Kremlin
    assert said(
        "Peskov: Moscú no tiene prisa",
        "El portavoz del Kremlin dijo que Moscú no tiene prisa.",
        "es",
        "2023-03-01",
    ) == [("Dmitry Peskov", "Moscú no tiene prisa")]
    assert said("Medvedev warns of nuclear war", "He wrote on Telegram that Europe would pay.") == [
        ("Dmitry Medvedev", "Europe would pay")
    ]
    # the headline's person must fit: a woman's pronoun, an office he does not hold
    assert said("Medvedev warns of nuclear war", "She wrote that Europe would pay.") == []
    assert said(
        "Medvedev warns of nuclear war",
        "The foreign minister said that Europe would pay.",
        published="2023-03-01",
    ) != [("Dmitry Medvedev", "Europe would pay")]


def test_joint_speakers_after_a_quote_and_with_both():
    assert _said('"Unilateral sanctions are illegal," Lavrov and Wang Yi said.') == [
        ("Sergey Lavrov", "Unilateral sanctions are illegal,"),
        ("Wang Yi", "Unilateral sanctions are illegal,"),
    ]
    assert [w for w, _ in _said("Both Lavrov and Blinken said the talks were useful.")] == [
        "Sergey Lavrov",
        "Antony Blinken",
    ]
    assert [
        w for w, _ in _said("«Las sanciones son ilegales», afirmaron Lavrov y Wang Yi.", "es")
    ] == [
        "Sergey Lavrov",
        "Wang Yi",
    ]
    # a singular Spanish verb has one subject: never both
    got = _said("«Las sanciones son ilegales», dijo Lavrov y Blinken asintió.", "es")
    assert len(got) <= 1


def test_went_on_to_say_and_expressed_concern_that():
    assert _said("Ryabkov went on to say that the treaty was dead.") == [
        ("Sergey Ryabkov", "the treaty was dead")
    ]
    assert _said("Ryabkov expressed concern that the talks had stalled.") == [
        ("Sergey Ryabkov", "the talks had stalled")
    ]
    assert _said("Ryabkov expressed concern about the talks.") == []


def test_spanish_predicting_verbs_and_una_vez_mas():
    assert _said("Riabkov insistió una vez más en que Moscú responderá.", "es") == [
        ("Sergey Ryabkov", "Moscú responderá")
    ]
    assert _said("Riabkov ha vaticinado que el tratado no sobrevivirá.", "es") == [
        ("Sergey Ryabkov", "el tratado no sobrevivirá")
    ]
    assert _said("Peskov garantizó que Rusia cumplirá los límites.", "es") == [
        ("Dmitry Peskov", "Rusia cumplirá los límites")
    ]
    # a noun object is no reported clause
    assert _said("Peskov garantizó el suministro de gas a Europa.", "es") == []


def test_who_was_warned_is_not_part_of_the_clause():
    assert _said("Ryabkov warned the West that Moscow would respond in kind.") == [
        ("Sergey Ryabkov", "Moscow would respond in kind")
    ]
    assert _said("Peskov reminded Washington that the offer still stood.") == [
        ("Dmitry Peskov", "the offer still stood")
    ]
    # a clause with its own verb before "that" stays whole
    got = _said("Ryabkov warned the move would mean that talks were over.")
    assert got == [("Sergey Ryabkov", "the move would mean that talks were over")]
    assert _said("Ryabkov reaffirmed that Moscow would keep to the limits.") == [
        ("Sergey Ryabkov", "Moscow would keep to the limits")
    ]
    assert _said("Ryabkov pledged to keep to the limits.") == []


def test_fronted_clause_quoted_as_saying_by_an_agency():
    assert _said("Moscow would answer in kind, Ryabkov was quoted as saying by TASS.") == [
        ("Sergey Ryabkov", "Moscow would answer in kind")
    ]
    got = _said('"Moscow will answer," Ryabkov was quoted as saying by TASS.')
    assert got == [("Sergey Ryabkov", "Moscow will answer,")]


def test_a_country_of_two_words_is_no_person_for_a_role_noun():
    text = "The Russian ambassador to the United States said that the treaty was dead."
    assert _said(text, published="2024-06-10") == [("Anatoly Antonov", "the treaty was dead")]
    assert _said("The United States said that the treaty was dead.") == [
        ("United States", "the treaty was dead")
    ]


def test_the_head_of_an_institution_is_its_one_registry_person_on_the_date():
    assert _said("The NATO chief said that the treaty was dead.", published="2019-08-02") == [
        ("Jens Stoltenberg", "the treaty was dead")
    ]
    got = _said("The NATO secretary general said that the treaty was dead.", published="2024-12-10")
    assert got == [("Mark Rutte", "the treaty was dead")]
    got = _said(
        "El director general del OIEA aseguró que el tratado ha muerto.", "es", "2024-06-10"
    )
    assert got == [("Rafael Grossi", "el tratado ha muerto")]
    got = _said("El presidente de EE.UU. aseguró que el tratado ha muerto.", "es", "2024-06-10")
    assert got == [("Joe Biden", "el tratado ha muerto")]
    # without a date, or below the top, the institution itself
    assert _said("The NATO chief said that the treaty was dead.") == [
        ("NATO", "the treaty was dead")
    ]
    got = _said(
        "The deputy head of the IAEA said that the treaty was dead.", published="2024-06-10"
    )
    assert got == [("International Atomic Energy Agency", "the treaty was dead")]


def test_an_institution_possessive_before_a_role():
    assert _said("The Kremlin's spokesman said that the offer stood.", published="2024-06-10") == [
        ("Dmitry Peskov", "the offer stood")
    ]
    got = _said("NATO's secretary general said that the offer stood.", published="2024-06-10")
    assert got == [("Jens Stoltenberg", "the offer stood")]
    # a country's possessive keeps its nationality
    got = _said("Russia's foreign minister said that the offer stood.", published="2024-06-10")
    assert got == [("Sergey Lavrov", "the offer stood")]


def test_joint_speakers_with_a_counterpart_and_not_across_clauses():
    text = (
        "Russian Foreign Minister Sergey Lavrov and his Chinese counterpart Wang Yi said that "
        "unilateral sanctions were illegal."
    )
    assert [w for w, _ in _said(text)] == ["Sergey Lavrov", "Wang Yi"]
    es = (
        "El canciller ruso, Serguéi Lavrov, y su homólogo chino, Wang Yi, afirmaron que las "
        "sanciones son ilegales."
    )
    assert [w for w, _ in _said(es, "es")] == ["Sergey Lavrov", "Wang Yi"]
    # "and" joins two clauses here: only the second subject spoke
    got = _said("Lavrov met Blinken and Wang Yi said that sanctions were illegal.")
    assert [w for w, _ in got] == ["Wang Yi"]


def test_spanish_ruling_out_and_firm_statements():
    assert _said("El Kremlin descartó que Moscú vaya a retomar las inspecciones.", "es") == [
        ("Kremlin", "Moscú vaya a retomar las inspecciones")
    ]
    assert _said("Peskov fue tajante: Moscú no retomará las inspecciones.", "es") == [
        ("Dmitry Peskov", "Moscú no retomará las inspecciones")
    ]
    assert _said("Peskov se mostró convencido de que habrá acuerdo.", "es") == [
        ("Dmitry Peskov", "habrá acuerdo")
    ]
    assert _said("Peskov descartó la propuesta estadounidense.", "es") == []


def test_concluded_an_event_is_no_statement():
    text = "The United States and Russia concluded the fourth session of the commission in Geneva."
    assert _said(text) == []
    assert _said("Ryabkov concluded that the session had been useful.") == [
        ("Sergey Ryabkov", "the session had been useful")
    ]


def _said_under(title: str, text: str, language: str = "en", published: str | None = None):
    """(speaker, quote) of the text's statements under a headline (the title's own left out)."""
    return [
        (s["speaker"], s["quote"])
        for s in find_statements(text, language=language, title=title, published=published)
        if s["field"] == "text"
    ]


def test_headline_person_unknown_to_the_registry_takes_the_role_lede():
    text = (
        "La ministra alemana de Asuntos Exteriores aseguró este miércoles que el tratado sigue "
        "siendo útil. «No lo aceptaremos», añadió la jefa de la diplomacia alemana."
    )
    got = _said_under("Holmqvist pide a Moscú que vuelva al tratado", text, "es")
    assert got == [
        ("Holmqvist", "el tratado sigue siendo útil"),
        ("Holmqvist", "No lo aceptaremos"),
    ]
    # without a headline naming someone, the role lede names nobody
    assert _said(text, "es") == []
    en = 'The deputy secretary of state said the talks were useful. "We were firm," she added.'
    got = _said_under('Brandtner: talks with Russia were "frank"', en)
    assert [w for w, _ in got] == ["Brandtner", "Brandtner"]
    # a page label or a name the text uses elsewhere is not taken for the headline's speaker
    assert _said_under("Exclusive: talks stall", en) == []
    assert find_statements("Geneva: talks stall\n\nTalks in Geneva stalled.", title=None) == []


def test_headline_surname_only_in_the_first_line():
    text = "Arms talks resume\n\nTags: New START, Medvedev, Shoigu"
    assert find_statements(text, title="Arms talks resume") == []


def test_according_to_two_people_and_a_relative_after_them():
    es = (
        "Una guerra nuclear no puede ganarse, según Vladímir Putin y Xi Jinping, que firmaron "
        "este martes una declaración conjunta."
    )
    assert [w for w, _ in _said(es, "es", "2023-03-21")] == ["Vladimir Putin", "Xi Jinping"]
    en = "According to Lavrov and Wang Yi, nuclear war must never be fought."
    assert _said(en) == [
        ("Sergey Lavrov", "nuclear war must never be fought"),
        ("Wang Yi", "nuclear war must never be fought"),
    ]


def test_according_to_as_an_aside_inside_the_clause():
    text = (
        "La medida, según explicó el representante permanente de Rusia ante los organismos "
        "internacionales en Viena, Mijaíl Uliánov, solo busca igualar la posición de Moscú."
    )
    got = _said(text, "es", "2023-11-02")
    assert len(got) == 1 and got[0][0] == "Mikhail Ulyanov"
    assert got[0][1].endswith("solo busca igualar la posición de Moscú")
    # "y" after the aside joins a second subject: no clause around it
    assert _said("Rusia, según Lavrov, y China firmaron un acuerdo.", "es") == []


def test_hyphenated_institution_heads():
    got = _said("The UN secretary-general said on Monday that risks were high.", "en", "2022-08-01")
    assert got == [("António Guterres", "risks were high")]
    got = _said("The IAEA director-general said that inspectors had access.", "en", "2022-08-01")
    assert got == [("Rafael Grossi", "inspectors had access")]
    got = _said("The IAEA deputy director said that inspectors had access.", "en", "2022-08-01")
    assert [w for w, _ in got] == ["International Atomic Energy Agency"]


def test_a_general_by_rank_and_a_command_is_no_person():
    text = (
        "The commander of U.S. Strategic Command, Gen. Anthony Cotton, spoke to senators. "
        'Asked about warheads, the general replied: "We must be prepared."'
    )
    assert _said(text, "en", "2024-02-29") == [("Anthony Cotton", "We must be prepared.")]
    # "Secretary General" is no military general
    text = "NATO Secretary General Jens Stoltenberg spoke. The general said that it was ready."
    assert _said(text, "en", "2022-08-01") == []


def test_spanish_nationality_adjectives_and_por_su_parte():
    text = (
        "Xi Jinping llegó a Moscú. El presidente ruso, Vladímir Putin, recalcó que no habrá "
        "guerra. «Nuestras relaciones son sólidas», afirmó por su parte el líder chino."
    )
    assert [w for w, _ in _said(text, "es", "2023-03-21")] == ["Vladimir Putin", "Xi Jinping"]
    text = "El ministro francés aseguró que Francia apoya el tratado."
    assert _said_under("Delmas pide calma", text, "es") == [("Delmas", "Francia apoya el tratado")]


def test_warned_of_a_noun_and_told_senators_a_clause():
    assert _said("Guterres warned the conference of rising nuclear danger.") == []
    assert _said("Lavrov warned that the risk of war was high.") == [
        ("Sergey Lavrov", "the risk of war was high")
    ]
    assert _said("Cotton told senators China's buildup was alarming.") == [
        ("Cotton", "China's buildup was alarming")
    ]
    assert _said("Lavrov told the agency Interfax that the talks were useful.") == [
        ("Sergey Lavrov", "the talks were useful")
    ]


def test_joint_subject_after_a_dateline_with_a_bare_counterpart():
    text = (
        "MOSCOW (Reuters) - Sergey Lavrov and his counterpart, Wang Yi, said that sanctions "
        "were illegal."
    )
    assert [w for w, _ in _said(text, "en", "2024-04-09")] == ["Sergey Lavrov", "Wang Yi"]
    es = "Lavrov y su homólogo, Wang Yi, afirmaron que las sanciones son ilegales."
    assert [w for w, _ in _said(es, "es", "2024-04-09")] == ["Sergey Lavrov", "Wang Yi"]
    assert _said("His counterpart, Wang Yi, said that sanctions were illegal.") == [
        ("Wang Yi", "sanctions were illegal")
    ]


def test_aunque_goes_on_with_the_sentence_subject():
    text = (
        "El Departamento de Estado dijo que las medidas son legales. Moscú anunció en febrero la "
        "suspensión del tratado, aunque aseguró que seguirá respetando los límites."
    )
    assert _said(text, "es", "2023-06-02")[1:] == [("Russia", "seguirá respetando los límites")]
