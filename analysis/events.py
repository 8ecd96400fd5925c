"""What happened: treaty-mechanism events in article text, with resolved dates.

An event is a clause that reports an action on a treaty mechanism: "Russia
unilaterally postponed the meetings of the bilateral consultative commission"
(bcc/postpone), "the pact lapses at midnight on Thursday" (treaty/expire). The
finder works in small steps, each kept simple enough to test:

1. triggers: verb forms from ``data/lexicon/events_triggers.csv`` (suspended, froze,
   aplazó ...), governed infinitives ("decision to ban", "ready to extend",
   ``events_governors.csv``), cessation phrases ("will no longer share"), laws ("signed a
   law suspending"), revoked visas of inspectors, dated noun phrases ("its expiry on
   5 February", "Russia's suspension of the treaty in February 2023");
2. filters: negation, modality, conditions ("has not suspended", "could suspend",
   "if the treaty expires") and unrealised plans ("were set to convene") are dropped;
3. mechanism, actor and treaty from the clause (lexicons in ``data/lexicon/``);
4. the date: a date expression in the clause or sentence (``analysis.dates``);
   otherwise a present, perfect, future or proposal statement takes the date of the
   report it belongs to (earlier in the paragraph, the list's lead-in, the article's
   day); a past-tense aside without a date stays undated;
5. repeated mentions of one event (same mechanism, action, compatible date and actor)
   are merged.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.dates import (
    ANCHOR_ALPHABET,
    DateMention,
    _alternatives,
    _find_dates,
    _Folder,
    _grouped,
    _plainly_lettered,
    _primed,
    period_bounds,
)
from analysis.frames import MECHANISMS
from analysis.paths import DATA_DIR

LEXICON_DIR: Path = DATA_DIR / "lexicon"

__all__ = ["find_events", "mechanisms_mentioned", "extract_events", "LEXICON_DIR"]

# The mechanisms more specific than the treaty itself, in the record's order.
_SPECIFIC = tuple(m for m in MECHANISMS if m not in ("treaty", "other"))
_INTRANSITIVE = {"expire", "enter_into_force"}
_BOTH = "Russia and United States"
_CACHE_SIZE = 20_000  # short keys remembered per lexicon cache before it starts afresh

# --------------------------------------------------------------------------- lexicons


def _read_csv(name: str) -> list[dict[str, str]]:
    path = LEXICON_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: event lexicon missing; restore it from the repository (git checkout)"
        )
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("pattern")]


def _flags(pattern: str) -> int:
    """Acronyms (BCC, START, INF) match case-sensitively, everything else ignores case."""
    return 0 if re.search(r"[A-Z]{2,}", pattern) else re.IGNORECASE


_UNSET: Any = object()  # a lexicon's lazily made pattern not yet worked out


@dataclass
class _Lexicon:
    trigger_re: re.Pattern[str]
    triggers: list[tuple[re.Pattern[str], str, str]]  # (full pattern, action, form)
    language: str
    trigger_heads: frozenset[str]  # first letters of every trigger (3, or 2 before a non-letter)
    governor_effects: dict[str, str]
    governors_full: re.Pattern[str]  # every governing word ("decision", "ready", "is set")
    propose_re: re.Pattern[str]
    mechanisms: list[tuple[re.Pattern[str], str]]
    treaties: list[tuple[re.Pattern[str], str]]
    actors: list[tuple[re.Pattern[str], str]]
    mech_re: re.Pattern[str]
    mech_names: dict[str, str]
    treaty_any: re.Pattern[str] | None = None  # every treaty name in one pattern
    propose_scan: re.Pattern[str] | None = None  # propose_re, quicker to scan with
    # answers already worked out for short keys: a treaty's name, a word's first letters
    name_cache: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    head_cache: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    # Scans of the lowered text (see _folded): the triggers, and the heads of every other
    # construction _analyse_sentence looks for. None when a pattern does not allow it.
    trigger_low: re.Pattern[str] | None = None
    # trigger_re with only the patterns a lowered first letter allows, by that letter
    trigger_by_letter: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    gate_low: re.Pattern[str] | None = None
    # the first letters of each construction's head (_GATED's order, then the proposals'),
    # None where a head does not tell them; empty: not known
    head_firsts: tuple[frozenset[str] | None, ...] = ()
    # gate_low's places, overlapping ones too (see _head_places): (after, at)
    gate_places: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # trigger_low's, gate_low's and _NOMINAL_LOW's places from one scan (_trigger_gate_places)
    trigger_gate: (
        tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None
    ) = None
    mech_low: re.Pattern[str] | None = None  # where a mechanism keyword may start (_mech_low)
    # the same places, quicker to find (_mech_starts): after the character before them, and
    # at the text's start
    mech_after: re.Pattern[str] | None = None
    mech_at: re.Pattern[str] | None = None
    # (actors' pattern primed by dates._primed or None, pattern, actor), made when first used
    actors_quick: list[tuple[re.Pattern[str] | None, re.Pattern[str], str]] | None = None
    # one search for any actor (_actors_any), worked out when first used; None: not safe
    actors_any: Any = _UNSET
    # mech_re with only the keywords a lowered first letter allows, by that letter
    mech_by_letter: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    # on a _folded text, finds a keyword wherever a window that holds one may start (_mech_any)
    mech_any: re.Pattern[str] | None = None
    folder: _Folder = field(default_factory=lambda: _Folder(""), repr=False, compare=False)

    def mechanism_hits(self, text: str) -> list[tuple[int, str]]:
        """(position, mechanism or "meeting") for every keyword in ``text``."""
        return self._mechanism_hits(text)

    def _mechanism_hits(self, text: str, low: str | None = None) -> list[tuple[int, str]]:
        """``low``: ``text`` as _folded gives it, if known (the slice of a folded text)."""
        out: list[tuple[int, str]] = []
        for m in _mech_matches(self, text, self.folder.fold(text) if low is None else low):
            mech = self.mech_names[m.lastgroup or ""]
            if (mech == "meeting" or _GENERIC_TREATY.fullmatch(m.group(0))) and _HAS_OTHER_TOPIC(
                text, max(0, m.start() - 30), min(len(text), m.end() + 30)
            ):
                continue  # "the grain agreement", "peace talks": not arms control
            out.append((m.start(), mech))
        return out


@lru_cache(maxsize=4)
def _lexicon(language: str) -> _Lexicon:
    rows = [r for r in _read_csv("events_triggers.csv") if r["language"] == language]
    rows.sort(key=lambda r: -len(r["pattern"]))
    alternation = "|".join(f"(?:{r['pattern']})" for r in rows)
    trigger_re = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    triggers = [
        (re.compile(rf"(?:{r['pattern']})", re.IGNORECASE), r["action"], r["form"]) for r in rows
    ]
    govs = [r for r in _read_csv("events_governors.csv") if r["language"] == language]
    governor_effects = {f"g{i}": g["effect"] for i, g in enumerate(govs)}
    governors_full = re.compile(
        "|".join(f"(?P<g{i}>{g['pattern']})" for i, g in enumerate(govs)), re.IGNORECASE
    )
    props = [g["pattern"] for g in govs if g["effect"] == "propose"]
    props.sort(key=len, reverse=True)
    link = r"\s+to\s+" if language == "en" else r"\s+"
    propose_re = re.compile(
        rf"(?<![\w-])(?P<gov>{'|'.join(props)}){link}(?P<verb>\w+)", re.IGNORECASE
    )
    mech_rows = [r for r in _read_csv("events_mechanisms.csv") if r["language"] == language]
    mech_rows.sort(key=lambda r: -len(r["pattern"]))
    mechanisms = [
        (
            re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])", _flags(r["pattern"])),
            r["mechanism"],
        )
        for r in mech_rows
    ]
    # One pass over a text: every keyword an alternative, named m<i>, its own case rule.
    mech_re = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(
            f"(?P<m{i}>" + ("(?i:" if _flags(r["pattern"]) else "(?:") + r["pattern"] + "))"
            for i, r in enumerate(mech_rows)
        )
        + r")(?![\w-])"
    )
    mech_names = {f"m{i}": r["mechanism"] for i, r in enumerate(mech_rows)}
    treaties = [(re.compile(r["pattern"]), r["treaty"]) for r in _read_csv("events_treaties.csv")]
    actors = [
        (re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])"), r["actor"])
        for r in _read_csv("events_actors.csv")
    ]
    lex = _Lexicon(
        trigger_re,
        triggers,
        language,
        frozenset(
            r["pattern"][:3].lower() if r["pattern"][:3].isalpha() else r["pattern"][:2].lower()
            for r in rows
        ),
        governor_effects,
        governors_full,
        propose_re,
        mechanisms,
        treaties,
        actors,
        mech_re,
        mech_names,
        re.compile("|".join(f"(?P<t{i}>{rx.pattern})" for i, (rx, _) in enumerate(treaties))),
        _skippable(props, r"[\w-]", rf"(?i:{link})(?P<verb>\w+)", "gov")
        if all(_plain_start(p) for p in props)
        else propose_re,
    )
    heads = [_head_of(rx.pattern, tail) for rx, tail in _GATED[language]]
    heads.append(f"(?:{'|'.join(props)})")  # proposals: "ready to ...", "offered to ..."
    sources = [r["pattern"] for r in rows] + heads + list(_NOMINALS)
    lex.trigger_low = _first_letter_scan([r["pattern"] for r in rows])
    if lex.trigger_low is not None:
        lex.trigger_by_letter = _triggers_by_letter([r["pattern"] for r in rows])
    if all(h == h.lower() for h in heads):
        lex.head_firsts = tuple(_first_letters(h) for h in heads)
        lex.gate_low = _gate_scan(heads)
        lex.gate_places = _places_scan(lex.gate_low)
        if lex.trigger_low is not None:
            lex.trigger_gate = _trigger_gate_scan(lex.trigger_low, lex.gate_low, _NOMINAL_LOW)
    lex.mech_low = _mech_low([r["pattern"] for r in mech_rows])
    if lex.mech_low is not None:
        lex.mech_after, lex.mech_at = _mech_starts([r["pattern"] for r in mech_rows])
        lex.mech_by_letter = _by_first_letter([r["pattern"] for r in mech_rows])
        lex.mech_any = _mech_any([r["pattern"] for r in mech_rows])
    sources += [r["pattern"].lower() for r in mech_rows]  # as _mech_low scans them
    lex.folder = _Folder("".join(sources) + ANCHOR_ALPHABET)
    return lex


# --------------------------------------------------------------------------- fixed grammar

_AUX_BE = {
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "fue", "fueron", "sido",
    "está", "están", "estaba", "estaban", "estuvo", "estuvieron", "quedó", "quedaron", "queda",
    "lleva", "llevan", "llevaba", "llevaban",
    "quedan", "es", "son", "será", "serán",
}  # fmt: skip
_AUX_HAVE = {"has", "have", "had", "'ve", "ha", "han", "había", "habían", "habrá"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
_MODALS = {
    "could", "might", "may", "can", "cannot", "can't", "can’t", "should", "must", "ought",
    "podría", "podrían", "puede", "pueden", "debería", "deberían", "podrá", "podrán", "debe",
}  # fmt: skip
_NEGATIONS = {
    "not", "n't", "never", "no", "neither", "nor", "nunca", "jamás", "tampoco", "without",
    "sin", "won't", "won’t", "didn't", "didn’t", "hasn't", "hasn’t", "haven't", "haven’t",
    "doesn't", "doesn’t", "don't", "don’t", "wasn't", "wasn’t", "weren't", "weren’t",
    "isn't", "isn’t", "aren't", "aren’t", "wouldn't", "wouldn’t", "hadn't", "hadn’t",
}  # fmt: skip
_DETERMINERS = {
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
    "your", "el", "la", "los", "las", "un", "una", "remains", "remain", "remained", "stays",
    "stay", "stayed", "still", "being", "now",
}  # fmt: skip
_ADVERB_SKIP = {
    "also", "already", "just", "then", "in", "turn", "effectively", "formally", "officially",
    "temporarily", "unilaterally", "recently", "indeed", "finally", "de", "facto", "now",
    "once", "again", "both", "all", "ya", "también", "unilateralmente", "temporalmente",
    "oficialmente", "formalmente", "not",
}  # fmt: skip
_HEDGES = {
    "probably", "possibly", "perhaps", "maybe", "likely", "unlikely", "quizá", "quizás",
    "probablemente", "posiblemente",
}  # fmt: skip
_REPORTING = re.compile(
    r"\b(?:announced|said|says|stated|declared|decided|warned|told|informed|confirmed|agreed|"
    r"added|noted|explained|insisted|vowed|promised|reporters|anunció|dijo|afirmó|declaró|"
    r"informó|aseguró|advirtió|lamentó|recordó|señaló|indicó|precisó|subrayó|periodistas)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"(?<![\w-])(?:if|unless|whether|in case|in the event|provided that|si|en caso de(?: que)?|"
    r"a menos que|salvo que|siempre que)(?![\w-])",
    re.IGNORECASE,
)
_TEMPORAL_SUB = re.compile(
    r"(?<![\w-])(?:when|once|after|before|until|till|as soon as|cuando|una vez que|después de "
    r"que|antes de que|hasta que|tras)(?![\w-])",
    re.IGNORECASE,
)
_INVERTED = re.compile(r"^\W*(?:should|were|had)\s+\w+\s+\w+", re.IGNORECASE)
# Clause openers and cuts: ``[;:]|(?<![\w-])(?:that|which|who|que|whereas)(?![\w-])``
# and the like, with each word's guard read after its first letter, so every alternative
# starts with a plain character and the regex engine skips to those in C (the same
# matches; tests compare the plain patterns)
_CLAUSE_OPENER = re.compile(
    r";|:|t(?<![\w-]t)hat(?![\w-])|w(?<![\w-]w)(?:hich|ho|hereas)(?![\w-])|q(?<![\w-]q)ue(?![\w-])"
)
# "under that treaty": after a preposition, "that" is a determiner, not a relative pronoun
_PREP_BEFORE = re.compile(r"\b(?:under|of|in|on|at|from|with|by|for|to)\s$")
_RIGHT_STOP = re.compile(
    r"(?:[;:!?]|\s[—–]\s|,(?!\s*\d)|\s(?:and|but|y|pero)\s+(?:is|are|was|were|has|"
    r"have|had|will|would|also|then|said|says|stated|added|está|ha|han|dijo|afirmó|that|que)\b|"
    r"\s(?:following|because|although|though|despite|claiming|saying|citing|while|whereas|"
    r"tras|aunque|mientras|porque)\b)",
    re.IGNORECASE,
)
# A sentence boundary. "[.!?…]+" written "[.!?…][.!?…]*": the same matches, but a pattern
# that starts with a character class lets the regex engine skip to the stops in C (tests:
# the plain pattern). Its stops and closing marks (the match but its blanks) in group 1.
_SENT_STOP = re.compile(r"([.!?…][.!?…]*[\"”’»)\]]*)\s+(?=[\"“«‘(\[¿¡•]?\s*[A-ZÁÉÍÓÚÑ])")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]\.)+[A-Z]?|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col|Gov|Pres|Jr|Sr|Inc|Co|vs"
    r"|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Sr|Sra|Dña|EE\.UU|approx))\.$"
)
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣*\-–]|\d{1,2}[.)])\s+")
# Every alternative starts with a capital letter, so the engine can skip ahead to those
# letters; "INF(?<!\wINF)\b" is "\bINF\b" written so as not to hide that first letter.
_TREATY_ANY = re.compile(
    r"START|Start III|Strategic Arms Reduction|INF(?<!\wINF)\b|Intermediate-Range|Open Skies|"
    r"Cielos Abiertos|CTBT|Test[- ]Ban|Ensayos Nucleares|CFE(?<!\wCFE)\b|"
    r"Conventional Armed Forces|Fuerzas Armadas Convencionales|FACE(?<!\wFACE)\b|TPCE(?<!\wTPCE)\b"
)
_BCC_WORDS = re.compile(r"\bBCC\b|\bCCB\b|consultative commission|comisi[oó]n consultiva", re.I)
_DIALOGUE_WORDS = re.compile(
    r"strategic stability|strategic dialogue|estabilidad estrat[ée]gica|di[áa]logo estrat[ée]gico",
    re.IGNORECASE,
)
# Characters other than the two cases that the regex engine's IGNORECASE equates to a letter.
_CASE_EXTRAS = {"i": "ıİ", "k": "\u212a", "s": "ſ"}


def _plain_start(pattern: str) -> bool:
    """True if ``pattern`` starts with a letter matched as itself and has no alternation."""
    return pattern[:1].isalpha() and pattern[1:2] not in ("?", "*", "+", "{") and "|" not in pattern


def _skippable(
    alternatives: list[str], before: str = "", after: str = "", group: str | None = None
) -> re.Pattern[str]:
    """``before(?i:alt|alt|...)after`` (``before`` a one-character negative lookbehind body),
    written so the regex engine can skip ahead to the alternatives' first letters: an
    IGNORECASE alternation scans every position of a long text, this only some.

    Each alternative passes _plain_start. ``group`` names the alternation, but for the
    first letter (the match's start is that letter).
    """
    firsts = {a[0] for a in alternatives}
    chars = {x for c in firsts for x in (c.lower(), c.upper(), *_CASE_EXTRAS.get(c.lower(), ""))}
    guard = f"(?<!{before}.)" if before else ""
    body = "|".join(f"(?<={a[0]}){a[1:]}" for a in alternatives)
    if group:
        body = f"(?P<{group}>{body})"
    return re.compile(f"[{''.join(sorted(chars))}]{guard}(?i:{body}){after}")


# The same as _BCC_WORDS and _DIALOGUE_WORDS, quicker to scan a whole text with.
_BCC_SCAN = _skippable(
    [r"B(?<!\w.)CC\b", r"C(?<!\w.)CB\b", "consultative commission", "comisi[oó]n consultiva"]
)
_DIALOGUE_SCAN = _skippable(
    [
        "strategic stability",
        "strategic dialogue",
        "estabilidad estrat[ée]gica",
        "di[áa]logo estrat[ée]gico",
    ]
)
# The same tests on a _folded context (lower case): the literal alternatives of _BCC_WORDS
# and _DIALOGUE_WORDS ([oó], [ée], [áa] spelled out), and its acronyms with their word
# boundaries. Folding keeps each character's class and makes it the lower case letter
# IGNORECASE equates it with, for the letters of the folder's alphabet (see _context_has).
_BCC_LOW = ("consultative commission", "comisión consultiva", "comision consultiva")
_BCC_ACRONYMS_LOW = re.compile(r"\bbcc\b|\bccb\b")
_DIALOGUE_LOW = tuple(
    f"{a} {b}"
    for a, b in [
        *(("strategic", x) for x in ("stability", "dialogue")),
        *(("estabilidad", f"estrat{e}gica") for e in "ée"),
        *((f"di{a}logo", f"estrat{e}gico") for a in "áa" for e in "ée"),
    ]
)
_COVID = re.compile(r"covid|pandemic|coronavirus|pandemia", re.IGNORECASE)
_OFFSET_PHRASE = re.compile(
    r"\b(?:days|weeks|months|years|shortly|soon|long|días|semanas|meses|años)\s+(?:after|before|"
    r"later|earlier|después|antes)\b",
    re.IGNORECASE,
)
_EXACT_OFFSET = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2}|un|una|dos|tres)\s+"
    r"(?P<unit>days?|weeks?|días?|semanas?)\s+(?P<dir>after|before|después|despues|antes)\b",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "two": 2, "dos": 2, "three": 3}
_NUMBERS.update({"tres": 3, "four": 4, "five": 5, "six": 6, "seven": 7})
_SUBORDINATE_DATE = re.compile(
    r"(?<![\w-])(?:after|before|following|prior to|tras|antes de|después de|despues de)(?![\w-])",
    re.IGNORECASE,
)
_INTERPOSED = re.compile(
    r"\d[\d,]*|in|on|at|last|this|next|early|late|mid|also|then|now|finally|already|"
    r"[A-Z][a-z]{2,8}\.?|\w+ly|en|el|de|ya|también|finalmente|years?|months?|weeks?|days?|"
    r"today|yesterday|ago|año|mes|semana|pasad[oa]|ayer|hoy|est[ea]|lunes|martes|miércoles|"
    r"a|finales|fines|principios|mediados|comienzos|"
    r"jueves|viernes|sábado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre",
)
_DATE_WORD = re.compile(
    r"\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|next (?:week|month|year)|enero|"
    r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|hoy|"
    r"mañana|lunes|martes|miércoles|jueves|viernes)\b"
)
_GENERIC_TREATY = re.compile(
    r"agreements?|accords?|pacts?|deals?|treat(?:y|ies)|participation|acuerdos?|pacto|tratados?|"
    r"participaci[oó]n",
    re.I,
)
_OTHER_TOPIC = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|grain|trade|gas|oil|energy|prisoners?|"
    r"humanitarian|Istanbul|Minsk|Black Sea|minerals?|economic|investment|tariffs?|"
    r"paz|alto el fuego|tregua|cereales|granos|comercial|comercio|prisioneros|humanitari[oa])\b",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_GOV_TOKEN = re.compile(r"'s|[\w.-]+")
_LAW_VERB = re.compile(
    r"(?<![\w-])(?:signed|signs|approved|approves|passed|passes|adopted|adopts|endorsed|backed|"
    r"firmó|aprobó|promulgó|ratificó)\s+(?:an?|the|la|el|una|un)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:law|decree|bill|order|ley|decreto)\b",
    re.IGNORECASE,
)
_LAW = re.compile(
    r"\s*(?:an?|the|la|el|un|una)?\s*(?:\w+\s+){0,3}?(?:law|decree|bill|order|ley|decreto)\b", re.I
)
_BEFORE = re.compile(r"\b(?:prior to|before|ahead of|in the run-up to|antes de|previo a)\b", re.I)
_COORDINATION = re.compile(r"[;]|,\s*(?:but|while|and|whereas|yet|pero|mientras|y)\b", re.I)
_DATELINE_TAIL = re.compile(
    r"\s*(?:,?\s*(?:19|20)\d\d)?\s*[.,]?\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,20}/)"
)
_EXTEND_VERBS = {"extend", "prolong", "prorrogar", "extender"}
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:it|it's|it’s|this|which)\b", re.IGNORECASE)
_DECISION_PENDING = re.compile(
    r"[^,;.]{0,60}?\b(?:will|would|shall|must|should|could|can|may|is to|are to)\s+be\s+"
    r"(?:taken|made|adopted|decided)\b|[^,;.]{0,60}?\b(?:se\s+)?(?:tomará|adoptará|decidirá)\b",
    re.IGNORECASE,
)
_OBJECT_NEXT = re.compile(
    r"\s+(?:out\s+of|from|of|its|their|his|her|the|a|an|all|su|sus|el|la|los|las|del)\b", re.I
)
_NEXT_VERB = re.compile(r"\s(?:and|y|e)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TOPICS = {"inspections", "data_exchange", "notifications"}
_TOPIC_OF = re.compile(
    r"\w+(?:\s+(?:with|con)\s+(?:[\w.]+\s+){1,3}?)?\s*(?:on|about|over|regarding|sobre|"
    r"acerca\s+de|to\s+discuss|para\s+(?:discutir|abordar))\b",
    re.IGNORECASE,
)
_SPECULATION = re.compile(
    r"\s+(?:that\s+)?(?:[\w.'’-]+\s+){0,3}?(?:might|could|may|would|podría|podrían)\b", re.I
)
_CLAUSE_WORDS = {"that", "which", "who", "que", "but", "and", "y", "pero", "not", "no"}
_PP_HEADS = {"during", "at", "in", "on", "after", "durante", "en", "tras", "por"}
_RELATIVE_HEAD = re.compile(r",\s*(?:which|who|que|quien)\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:\b(?:its|their|su|sus)|['’]s)\s*$", re.IGNORECASE)
_DATA_OBJECT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:data|figures|datos|cifras)\b",
    re.IGNORECASE,
)
_BRIDGE = re.compile(
    r",\s*(?:previst[oa]|programad[oa]|fijad[oa]|scheduled|due|set|planned)\s+(?:para|for|on|in)"
    r"(?:\s+el)?\s*$"
    # "la suspensión ..., anunciada por Putin en febrero": announced on the noun's own date
    r"|,\s*(?:announced|declared|anunciad[oa]|decretad[oa]|declarad[oa])\s+(?:by|por)"
    r"(?:\s+[\w.-]+){1,3}?(?:\s+(?:in|on|en|el)(?:\s+el)?)?\s*$",
    re.IGNORECASE,
)  # "su vencimiento, previsto para el 5 de febrero": the noun's own date
_CONTRAST = re.compile(
    r"[,;]\s*(?:while|whereas|but|although|though|mientras|aunque|pero)\b|\s[—–]\s", re.I
)
_PRONOUN = re.compile(r"(?:he|she|they|él|ella)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")

# Verbs a proposal may govern ("ready to extend", "offered to keep to the limits").
_PROPOSE_VERBS = {
    "start", "begin", "hold", "discuss", "continue", "keep", "observe", "comply", "adhere",
    "abide", "respect", "stay", "remain", "maintain", "negotiate", "talk", "resume", "extend",
    "prolong", "preserve", "stick", "return", "seguir", "continuar", "mantener", "respetar",
    "cumplir", "negociar", "prorrogar", "extender", "reanudar", "iniciar", "comenzar",
    "discutir", "conversar", "observar", "adherirse", "atenerse", "preservar", "volver",
}  # fmt: skip

# Cessation: "will no longer share", "stopped providing", "dejó de compartir".
_CESSATION = {
    "en": re.compile(
        r"(?<![\w-])(?:no\s+longer|will\s+not|won['’]t|would\s+not|(?:has|have|had|did)\s+not|"
        r"stop(?:s|ped)?|cease(?:s|d)?|(?:refuse|decline)(?:s|d)?\s+to)\s+(?:\w+\s+)?"
        r"(?P<verb>shar(?:e[ds]?|ing)|provid(?:e[ds]?|ing)|exchang(?:e[ds]?|ing)|send(?:s|ing)?|"
        r"sent|transmit(?:s|ted|ting)?|notif(?:y|ies|ied|ying)|g(?:ive[ns]?|iving|ave)|"
        r"allow(?:s|ed|ing)?|admit(?:s|ted|ting)?|accept(?:s|ed|ing)?|grant(?:s|ed|ing)?|"
        r"receiv(?:e[ds]?|ing)|issu(?:e[ds]?|ing)|host(?:s|ed|ing)?|hand(?:s|ed|ing)?\s+over)\b"
        r"(?!\s+(?:up|in|way)\b)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<![\w-])(?:dej[óo]\s+de|(?:ha|han|había|habían)\s+dejado\s+de|dejar[áaí]a?n?\s+de|"
        r"ya\s+no|tampoco|no|(?:se\s+)?"
        r"(?:(?:había|habían|ha|han)\s+)?neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a)\s+"
        r"(?P<verb>compart\w+|"
        r"proporcion\w+|intercambi\w+|envi\w+|notific\w+|permit\w+|aceptar\w*|recibir\w*|"
        r"facilit\w+|entreg\w+)",
        re.IGNORECASE,
    ),
}
# _CESSATION again, written so the regex engine can skip ahead to the first letters of the
# alternatives (same matches; tests/test_events_speed_equivalence.py)
_CESSATION_SCAN = {
    "en": _skippable(
        [
            r"no\s+longer", r"will\s+not", r"won['’]t", r"would\s+not", r"has\s+not",
            r"have\s+not", r"had\s+not", r"did\s+not", r"stop(?:s|ped)?", r"cease(?:s|d)?",
            r"refuse(?:s|d)?\s+to", r"decline(?:s|d)?\s+to",
        ],
        r"[\w-]",
        "(?i:" + _CESSATION["en"].pattern.split(r"|decline)(?:s|d)?\s+to)", 1)[1] + ")",
    ),
    "es": _skippable(
        [
            r"dej[óo]\s+de", r"ha\s+dejado\s+de", r"han\s+dejado\s+de", r"había\s+dejado\s+de",
            r"habían\s+dejado\s+de", r"dejar[áaí]a?n?\s+de", r"ya\s+no", "tampoco", "no",
            r"se\s+(?:(?:había|habían|ha|han)\s+)?neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
            r"había\s+neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
            r"habían\s+neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
            r"ha\s+neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
            r"han\s+neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
            r"neg(?:ó|aron|ado)\s+(?:[\w-]+\s+){0,3}?a",
        ],
        r"[\w-]",
        "(?i:" + _CESSATION["es"].pattern.split(r"\s+(?:[\w-]+\s+){0,3}?a)", 1)[1] + ")",
    ),
}  # fmt: skip
_PROPOSE_NOUN = {
    "en": re.compile(
        r"(?<![\w-])(?P<head>(?:is|are|was|were|remains?|remained|stays?|be|been)\s+open\s+to|"
        r"call(?:s|ed)?\s+for)\s+(?:[\w-]+\s+){0,3}?(?P<obj>talks|dialogue|negotiations|"
        r"discussions|consultations|contacts|resumption|extension|a\s+meeting)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<![\w-])(?P<head>(?:está|están|sigue|siguen|estaba)\s+abiert[oa]s?\s+a|"
        r"pidió|pide|reclamó|llamó\s+a)\s+(?:[\w-]+\s+){0,3}?(?P<obj>conversaciones|"
        r"diálogo|negociaciones|consultas|contactos|reanudación|prórroga)\b",
        re.IGNORECASE,
    ),
}
_SUBJECT_MEETING = re.compile(
    r"(?:take|takes|took|taken|taking|tendrá|tuvo) (?:place|lugar)|se celebr|met$|meets?$|ended$",
    re.IGNORECASE,
)
_BAN_VERBS = re.compile(r"allow|admit|accept|grant|receive|host|permit|acept|recib", re.I)
_VISA = re.compile(
    r"(?<![\w-])(?:revoke[sd]?|revoking|den(?:y|ies|ied)|refuse[sd]?|cancel(?:l?ed|s)?|"
    r"revoc(?:ó|aron|ado|ará|a|an)|retir(?:ó|aron|ado)|anul(?:ó|aron|ado)|neg(?:ó|aron))\s+"
    r"(?:\w+\s+){0,3}?(?:visas?|visados?|clearances?|permits?|permission|access|permisos?)\b",
    re.IGNORECASE,
)
# "the visas of Russian inspectors were revoked": every verb here is also a head of _VISA,
# so a sentence holding a match is one the gate (_GATED) lets through
_VISA_PASSIVE = re.compile(
    r"(?<![\w-])(?:visas?|visados?)\b(?:\s+[\w'’-]+){0,6}?\s+"
    r"(?P<aux>were|was|have\s+been|has\s+been|had\s+been|fueron|fue|han\s+sido|ha\s+sido|"
    r"habían\s+sido)\s+(?:revoked|cancell?ed|denied|revocad[oa]s?|anulados?|retirados?)\b",
    re.IGNORECASE,
)


# Searches whose answer is only whether a pattern matches, through the pattern primed by
# dates._primed: the regex engine skips ahead to the characters a match can start with,
# and stops exactly where the pattern first matches (a one-character match there, so only
# its truth value may be read).


def _has(pattern: re.Pattern[str]) -> Callable[..., re.Match[str] | None]:
    """``pattern.search``, or its primed form's when there is one (same truth value)."""
    quick = _primed(pattern)
    return (quick or pattern).search


_HAS_OTHER_TOPIC = _has(_OTHER_TOPIC)
_HAS_CONDITIONAL = _has(_CONDITIONAL)
_HAS_TEMPORAL_SUB = _has(_TEMPORAL_SUB)
_HAS_REPORTING = _has(_REPORTING)
_HAS_OFFSET_PHRASE = _has(_OFFSET_PHRASE)
_HAS_SUBORDINATE_DATE = _has(_SUBORDINATE_DATE)
# a word that every _SUBORDINATE_DATE match holds whole; it looks at nothing around a match,
# so searching a span of the text finds what searching the span's slice finds, and a span
# without one gives words without a _SUBORDINATE_DATE match, however they are joined
_HAS_SUBORDINATE_WORD = _has(
    re.compile(r"after|before|following|prior|tras|antes|despu[eé]s", re.IGNORECASE)
)
_HAS_COVID = _has(_COVID)


# --------------------------------------------------------------------------- lowered-text scans
#
# An IGNORECASE alternation scans a text slowly: the regex engine cannot skip the branches
# whose first letter differs from the text's. On ``text.lower()`` the same patterns, written
# in lower case and compiled without IGNORECASE, find the same spans much faster, provided
# every character of the text lowers to one character that IGNORECASE treats exactly like
# it (not "İ", "ſ", "K" (Kelvin), "ı"...): _folded checks that, else the exact path runs.

_GUARD = r"(?<![\w-])"
# (pattern, where its head ends): the head is what a match must begin with
_GATED: dict[str, list[tuple[re.Pattern[str], str]]] = {
    lang: [
        (_PROPOSE_NOUN[lang], r")\s+(?:[\w-]+\s+){0,3}?(?P<obj>"),
        (_CESSATION[lang], r")\s+(?:\w+\s+)?(?P<verb>" if lang == "en" else r")\s+(?P<verb>"),
        (_LAW_VERB, r")\s+(?:an?|the|la|el|una|un)?"),
        (_VISA, r")\s+(?:\w+\s+){0,3}?(?:visas?"),
    ]
    for lang in ("en", "es")
}


def _head_of(pattern: str, tail: str) -> str:
    """The part of ``pattern`` (``_GUARD`` + a group + ``tail`` ...) inside the guard, up to
    the group's end: every match of the pattern starts with a match of it."""
    assert pattern.startswith(_GUARD), pattern
    head = pattern[len(_GUARD) : pattern.index(tail) + 1].replace("(?P<head>", "(?:")
    re.compile(head)  # balanced
    return head


def _first_letter_scan(patterns: list[str]) -> re.Pattern[str] | None:
    """``trigger_re`` for the lowered text, or None when a pattern cannot be regrouped."""
    if not all(p == p.lower() and _plainly_lettered(p) for p in patterns):
        return None
    return re.compile(rf"{_GUARD}(?:{_grouped(patterns)})(?![\w-])")


def _triggers_by_letter(patterns: list[str]) -> dict[str, re.Pattern[str]]:
    """For each first letter of ``patterns`` (as _first_letter_scan accepts them: lower
    case, a plain first letter), trigger_re made of the patterns that start with it, in
    their order: on a _folded text, where the lowered text has that letter, the others
    cannot match, so it matches as trigger_re does."""
    keep: dict[str, list[str]] = {}
    for p in patterns:
        keep.setdefault(p[0], []).append(f"(?:{p})")
    return {
        c: re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)
        for c, alts in keep.items()
    }


def _mech_low(patterns: list[str]) -> re.Pattern[str] | None:
    """On a _folded text, a one-character match at every place where one of the mechanism
    keywords ``patterns`` matches case-insensitively, overlapping ones too (so at least
    wherever ``mech_re`` matches): the places the first letters allow, each checked by a
    lookahead. None when a pattern cannot be lowered and regrouped."""
    if any(re.search(r"\\[A-Z]", p) for p in patterns):
        return None  # "\\S", "\\W" would change meaning in lower case
    alts = [a for p in patterns for a in _alternatives(p.lower())]
    if not all(_plainly_lettered(a) for a in alts):
        return None
    firsts = "".join(sorted({a[0] for a in alts}))
    return re.compile(f"[{firsts}](?<={_GUARD}(?=(?:{_grouped(alts)})(?![\\w-])).)")


def _mech_starts(patterns: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_mech_low's places in two patterns: ``after`` matches the character before each
    place (one the guard accepts) with the keywords' lookahead at its end, ``at`` the
    lookahead alone (for the text's start). ``after`` starts with a character class, so the
    regex engine skips in C to the characters it can match (mostly blanks): quicker than
    _mech_low, which starts with letters. Call only where _mech_low is not None."""
    alts = [a for p in patterns for a in _alternatives(p.lower())]
    look = f"(?=(?:{_grouped(alts)})(?![\\w-]))"
    return re.compile(f"[^\\w-]{look}"), re.compile(look)


# what a lowered keyword may hold for _mech_any: no anchor, look-around or escape but \s and
# \w (classes that lowering keeps), no negated class (lowering a letter could leave it)
_CONTEXT_FREE = re.compile(r"(?:[^\\\[\]()$^]|\\[sw]|\[[^\^\]\\]*\]|\((?!\?[^:])|\))*")


def _mech_any(patterns: list[str]) -> re.Pattern[str] | None:
    """On a _folded text, a pattern that matches wherever a mechanism keyword of
    ``patterns`` matches a piece of the text scanned alone (its own case rule, and no
    guards: a window that cuts a word is scanned alone). So, searched over a sentence, it
    finds nothing only when no window inside the sentence holds a keyword. The lowered
    keywords must need nothing outside what they match (no anchors, look-arounds, word
    boundaries) and read lowered letters as the keyword reads the letters; else None.
    Call only where _mech_low is not None."""
    if any(re.search(r"\\[A-Z]", p) for p in patterns):
        return None  # "\\S", "\\W" would change meaning in lower case
    alts = [a for p in patterns for a in _alternatives(p.lower())]
    if not all(_CONTEXT_FREE.fullmatch(a) and _plainly_lettered(a) for a in alts):
        return None
    return re.compile(f"(?:{_grouped(alts)})")


def _by_first_letter(patterns: list[str]) -> dict[str, re.Pattern[str]]:
    """For each first letter of the lowered keywords, mech_re's alternatives (same names,
    case rules and order) that can start with it: on a _folded text, where the lowered
    text has that letter, the others cannot match, so it matches as mech_re does."""
    keep: dict[str, list[str]] = {}
    for i, p in enumerate(patterns):
        alt = f"(?P<m{i}>" + ("(?i:" if _flags(p) else "(?:") + p + "))"
        for c in sorted({a[0] for a in _alternatives(p.lower())}):
            keep.setdefault(c, []).append(alt)
    return {c: re.compile(rf"{_GUARD}(?:{'|'.join(alts)})(?![\w-])") for c, alts in keep.items()}


def _mech_matches(
    lex: _Lexicon, text: str, low: str | None, lo: int = 0, hi: int | None = None
) -> list[re.Match[str]]:
    """``lex.mech_re.finditer(text)``. With ``low`` (the text as _folded gives it) the
    pattern is only tried where ``mech_low`` says a keyword may start: every place where
    it matches is one of those, so the first from each match's end on is the same.
    ``lo``, ``hi``: only the keywords of that line (keywords never hold a line break, so
    the line's are the text's; needs ``low``)."""
    if low is None or lex.mech_low is None:
        return list(lex.mech_re.finditer(text))
    out: list[re.Match[str]] = []
    end = 0
    by_letter = lex.mech_by_letter
    n = len(low) if hi is None else hi
    if lex.mech_after is None or lex.mech_at is None:
        starts = [f.start() for f in lex.mech_low.finditer(low, lo, n)]
    else:
        # the places where mech_low matches: each after a character the guard accepts
        # (from lo - 1 on: the guard reads the character before lo), or the text's start
        starts = [f.end() for f in lex.mech_after.finditer(low, max(0, lo - 1), n)]
        if lo == 0 and lex.mech_at.match(low, 0, n):
            starts.insert(0, 0)
    for pos in starts:
        if pos >= end:
            m = by_letter[low[pos]].match(text, pos)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


_WORDISH = re.compile(r"[\w-]")


def _wordish(c: str) -> bool:
    """``bool(_WORDISH.match(c))`` for one character, without a regex call: the regex
    engine's \\w is str.isalnum() (letters, decimals, digits, numerics) or "_"."""
    return c.isalnum() or c == "_" or c == "-"


class _MechIndex:
    """The mechanism keywords of one text, found a line at a time when first asked for:
    ``hits(lo, hi)`` is ``lex.mechanism_hits(text[lo:hi])`` without a new scan when the
    window's edges cannot change what the scan finds, else from a scan of the window.

    Every keyword starts with a letter behind ``(?<![\\w-])`` and ends with a letter or a
    digit before ``(?![\\w-])``, and holds no line break. So an edge that does not cut a
    word (no word character or hyphen on both sides) and that no keyword of the text spans
    reads the same in the window and in the text: the window's scan finds the text's
    keywords inside it. The "not arms control" check (_OTHER_TOPIC, 30 characters around)
    is run on the window's part of the text, as the window's scan runs it.

    Either way gives the window's own hits, so which one runs is only a matter of cost: a
    line is scanned once the windows asked for in it would add up to more than its length
    (``eager``: at once); until then each window is scanned alone, most often far less."""

    __slots__ = ("lex", "text", "low", "lines", "spent", "eager")

    def __init__(self, lex: _Lexicon, text: str, low: str, eager: bool = False) -> None:
        self.lex = lex
        self.text = text
        self.low = low
        self.eager = eager
        # line start -> the line's keywords: starts, ends, mechanisms, and whether each
        # needs the _OTHER_TOPIC check
        self.lines: dict[int, tuple[list[int], list[int], list[str], list[bool]]] = {}
        self.spent: dict[int, int] = {}  # line start -> characters of its windows scanned alone

    def _line(self, a: int) -> tuple[list[int], list[int], list[str], list[bool]]:
        """The keywords of the line that starts at ``a``."""
        text, lex = self.text, self.lex
        b = text.find("\n", a)
        starts: list[int] = []
        ends: list[int] = []
        mechs: list[str] = []
        checks: list[bool] = []
        for m in _mech_matches(lex, text, self.low, a, len(text) if b < 0 else b):
            mech = lex.mech_names[m.lastgroup or ""]
            starts.append(m.start())
            ends.append(m.end())
            mechs.append(mech)
            checks.append(mech == "meeting" or bool(_GENERIC_TREATY.fullmatch(m.group(0))))
        found = self.lines[a] = (starts, ends, mechs, checks)
        return found

    def hits(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """(position in the window, mechanism or "meeting") of the keywords of ``text[lo:hi]``."""
        text = self.text
        if lo < 0 or hi < 0:
            return self.lex._mechanism_hits(text[lo:hi], self.low[lo:hi])  # counted from the end
        n = len(text)
        hi = min(hi, n)
        if lo >= hi:
            return []
        a = text.rfind("\n", 0, lo) + 1
        line = self.lines.get(a)
        if line is None and not self.eager:
            b = text.find("\n", a)
            spent = self.spent.get(a, 0) + hi - lo
            if spent <= (n if b < 0 else b) - a:  # cheaper than the line's scan
                self.spent[a] = spent
                return self.lex._mechanism_hits(text[lo:hi], self.low[lo:hi])
        # _wordish(c) is _WORDISH.match(c): a cut word at an edge
        if (
            lo > 0
            and _wordish(text[lo - 1])
            and _wordish(text[lo])
            or hi < n
            and _wordish(text[hi - 1])
            and _wordish(text[hi])
            or text.find("\n", lo, hi) >= 0
        ):  # a cut word, or two lines
            return self.lex._mechanism_hits(text[lo:hi], self.low[lo:hi])
        starts, ends, mechs, checks = line if line is not None else self._line(a)
        i = bisect_left(starts, lo)
        j = bisect_left(starts, hi)
        if (i and ends[i - 1] > lo) or (j and ends[j - 1] > hi):  # a keyword across an edge
            return self.lex._mechanism_hits(text[lo:hi], self.low[lo:hi])
        out: list[tuple[int, str]] = []
        for k in range(i, j):
            s = starts[k]
            if checks[k] and _HAS_OTHER_TOPIC(
                text, s - 30 if s - 30 > lo else lo, min(hi, ends[k] + 30)
            ):
                continue  # "the grain agreement", "peace talks": not arms control
            out.append((s - lo, mechs[k]))
        return out


class _GuardedScan:
    """``pattern.finditer(low, lo, hi)`` spans for a pattern ``_GUARD`` + body (no flags),
    found quicker: the regex engine tries a pattern that starts with a lookbehind at every
    position, but one that starts with a character class only where the class matches,
    skipping the others in C. ``[^\\w-](?P<_b>body)`` matches the character before a body
    match, which the guard asks to be no word character nor hyphen, so its body group is a
    guarded body match; a body match at ``lo == 0`` (no character before) is tried apart.

    Each match is searched for from where the last one ended, as finditer does, or one
    character earlier when that match ended with a character the guard accepts (a next
    match may start right after it). A body that matches empty, which finditer would treat
    its own way, makes ``spans`` answer None (the caller scans with the pattern itself)."""

    __slots__ = ("pattern", "fast", "body")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert pattern.pattern.startswith(_GUARD) and not pattern.flags & ~re.UNICODE
        body = pattern.pattern[len(_GUARD) :]
        self.pattern = pattern
        self.fast = re.compile(rf"[^\w-](?P<_b>{body})")
        self.body = re.compile(body)

    def spans(self, low: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]] | None:
        n = len(low) if hi is None else hi
        out: list[tuple[int, int]] = []
        pos = lo - 1
        if lo == 0:
            m = self.body.match(low, 0, n)
            if m is not None:
                out.append(m.span())
                pos = m.end()
                if pos == 0:
                    return None
                if not _wordish(low[pos - 1]):
                    pos -= 1
            else:
                pos = 0
        finditer = self.fast.finditer
        while pos >= 0:
            restart = -1
            for m in finditer(low, pos, n):
                s, e = m.span(1)
                if s == e:
                    return None
                out.append((s, e))
                if not _wordish(low[e - 1]):
                    restart = e - 1  # finditer would go on from e
                    break
            pos = restart
        return out


def _guarded_spans(pattern: re.Pattern[str], low: str) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(low)]`` (see _GuardedScan)."""
    scan = _GUARDED.get(pattern)
    if scan is None:
        scan = _GUARDED[pattern] = _GuardedScan(pattern)
    found = scan.spans(low)
    return [m.span() for m in pattern.finditer(low)] if found is None else found


_GUARDED: dict[re.Pattern[str], _GuardedScan] = {}  # one per lexicon pattern


def _gate_scan(heads: list[str]) -> re.Pattern[str]:
    """Finds, on a _folded text, a match wherever one of ``heads`` (lower case) matches,
    each behind ``_GUARD``. The alternatives that start with a plain letter are grouped by
    letter (quick to scan); the order of alternatives does not matter to where some
    alternative matches."""
    alts = [a for h in heads for a in _alternatives(h)]
    plain = [a for a in alts if _plainly_lettered(a)]
    rest = [a for a in alts if not _plainly_lettered(a)]
    body = "|".join(([_grouped(plain)] if plain else []) + [f"(?:{a})" for a in rest])
    return re.compile(f"{_GUARD}(?:{body})")


def _places_scan(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For a pattern ``_GUARD`` + body (no flags): ``after`` matches the character before
    each place where the pattern matches (one the guard accepts), the body in a lookahead;
    ``at`` is the body alone, for the text's start (see _head_places)."""
    assert pattern.pattern.startswith(_GUARD) and not pattern.flags & ~re.UNICODE
    body = pattern.pattern[len(_GUARD) :]
    return re.compile(rf"[^\w-](?=(?:{body}))"), re.compile(body)


def _head_places(places: tuple[re.Pattern[str], re.Pattern[str]], low: str) -> list[int]:
    """In order, every position where the pattern of ``places`` (_places_scan) matches
    ``low``, those inside another match too (finditer would skip them): each match of
    ``after`` ends at one (it takes only the character before it), the text's start is
    tried apart."""
    after, at = places
    out = [m.end() for m in after.finditer(low)]
    if at.match(low) is not None:
        out.insert(0, 0)
    return out


def _trigger_gate_scan(
    triggers: re.Pattern[str], gate: re.Pattern[str], nouns: re.Pattern[str] | None = None
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """For three patterns ``_GUARD`` + body (no flags; no ``nouns``: one that never
    matches): ``after`` matches the character before each place where one of the bodies
    matches (one the guard accepts), the bodies' alternatives in one lookahead, regrouped
    by first letter when they allow it (quicker: one branch per letter, not three); and
    each body alone. None if the bodies cannot share one pattern."""
    bodies = []
    for p in (triggers, gate, nouns):
        if p is None:
            bodies.append("(?!)")
            continue
        assert p.pattern.startswith(_GUARD) and not p.flags & ~re.UNICODE
        bodies.append(p.pattern[len(_GUARD) :])
    alts = [a for b in bodies if b != "(?!)" for a in _alternatives(b)]
    union = (
        _grouped(alts)
        if all(_plainly_lettered(a) for a in alts)
        else "|".join(f"(?:{b})" for b in bodies)
    )
    try:
        after = re.compile(rf"[^\w-](?=(?:{union}))")
        return after, re.compile(bodies[0]), re.compile(bodies[1]), re.compile(bodies[2])
    except re.error:
        return None


def _trigger_gate_places(
    scan: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]], low: str
) -> tuple[list[tuple[int, int]] | None, list[int], list[int]]:
    """From one scan of ``low`` for three patterns (_trigger_gate_scan): the spans of the
    first as its finditer gives them (None when one is empty: finditer treats those its
    own way), and every place where the second, and the third, matches (_head_places).

    The scan stops wherever one of the patterns matches, overlapping places too; each is
    matched there. finditer takes the first match, then the first from its end on..."""
    after, at_t, at_g, at_n = scan
    spans: list[tuple[int, int]] | None = []
    gate: list[int] = []
    nouns: list[int] = []
    end = 0  # the end of the last span taken: finditer goes on from there
    places = [m.end() for m in after.finditer(low)]
    if at_t.match(low) or at_g.match(low) or at_n.match(low):
        places.insert(0, 0)  # the text's start: no character before
    for pos in places:
        t = at_t.match(low, pos)
        if t is not None and spans is not None and pos >= end:
            end = t.end()
            if end == pos:
                spans = None
            else:
                spans.append((pos, end))
        if at_g.match(low, pos) is not None:
            gate.append(pos)
        if at_n.match(low, pos) is not None:
            nouns.append(pos)
    return spans, gate, nouns


def _first_letters(head: str) -> frozenset[str] | None:
    """The letters a match of ``head`` (lower case) starts with, or None if its
    alternatives do not all start with a plain letter."""
    alts = _alternatives(head)
    return frozenset(a[0] for a in alts) if all(_plainly_lettered(a) for a in alts) else None


def _matches_at(
    pattern: re.Pattern[str],
    text: str,
    ss: int,
    se: int,
    places: list[int] | None,
    low: str | None = None,
    firsts: frozenset[str] | None = None,
) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text, ss, se)``. With ``places`` (in order, in [ss, se)), a
    superset of the positions where ``pattern`` can match there, it is tried only at
    those: finditer takes the first place from its last match's end on where the pattern
    matches, and the pattern matches nowhere else (its matches are never empty). With
    ``low`` (the text folded) and ``firsts``, the letters its head starts with there, only
    at the places where ``low`` has one of them."""
    if places is None:
        return pattern.finditer(text, ss, se)
    out: list[re.Match[str]] = []
    end = ss
    for pos in places:
        if pos >= end and (firsts is None or low is None or low[pos] in firsts):
            m = pattern.match(text, pos, se)
            if m is not None:
                end = m.end()
                if end == pos:  # an empty match: finditer goes on its own way
                    return pattern.finditer(text, ss, se)
                out.append(m)
    return out


def _folded(lex: _Lexicon, text: str) -> str | None:
    """``text.lower()``, aligned with ``text``, when every character of it is case-safe
    for the lexicon's patterns (and the date anchors); else None (see dates._Folder)."""
    return lex.folder.fold(text)


# --------------------------------------------------------------------------- text layout


class _Para:
    """One line of text: its span, its sentences and words (found when first asked for)."""

    __slots__ = ("start", "end", "bullet", "intro", "_text", "_sentences", "_words", "headline")

    def __init__(self, text: str, start: int, end: int, bullet: bool, intro: bool) -> None:
        self.start = start
        self.end = end
        self.bullet = bullet
        self.intro = intro  # ends with ":" (a list's lead-in)
        self._text = text
        self._sentences: list[tuple[int, int]] | None = None
        self._words: int | None = None
        self.headline: tuple[str | None, bool] | None = None  # (title, _is_headline's answer)

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = _sentences(self._text, self.start, self.end)
        return self._sentences

    @property
    def words(self) -> int:
        if self._words is None:  # words never hold the blanks stripped off the line
            self._words = len(_WORD.findall(self._text, self.start, self.end))
        return self._words

    def has_words(self, n: int) -> bool:
        """``self.words >= n``, read only as far as the n-th word when not yet counted."""
        if self._words is not None:
            return self._words >= n
        return _at_least_words(n).match(self._text, self.start, self.end) is not None


@lru_cache(maxsize=16)
def _at_least_words(n: int) -> re.Pattern[str]:
    """Matches where ``n`` words (_WORD's runs) follow, each taken whole: the possessive
    quantifiers cannot give back part of a run, so a run is never counted as two."""
    word = _WORD.pattern[:-1]  # the class, without its "+"
    assert _WORD.pattern == word + "+" and word.startswith("[") and not word.startswith("[^")
    return re.compile(rf"(?:[^{word[1:-1]}]*+{word}++){{{n}}}")


def _abbreviated(head: str) -> bool:
    """``bool(_ABBREV.search(head))``: asked of the pattern only when ``head`` holds a
    capital (every abbreviation of _ABBREV has one, but those of _LOWER_ABBREVS) or ends
    with one of _LOWER_ABBREVS and its full stop."""
    if head == head.lower() and not head.endswith(_LOWER_ABBREVS):
        return False
    return _ABBREV.search(head) is not None


_LOWER_ABBREVS = ("vs.", "approx.")  # the abbreviations of _ABBREV without a capital


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_STOP.finditer(text, start, end):
        stop = m.start()
        head = text[max(s, stop - 12) : stop + 1]
        # _abbreviated(head), its first test inline
        if (head != head.lower() or head.endswith(_LOWER_ABBREVS)) and _ABBREV.search(head):
            continue
        out.append((s, m.end(1)))  # the match but its blanks (which rstrip strips)
        s = m.end()
    if s < end:
        out.append((s, end))
    # none is blank: each holds its stop, or the capital the boundary's lookahead saw, or
    # is the whole (stripped, non-blank) line (tests/test_events_speed_equivalence.py)
    return out


_LINE = re.compile(r"[^\n]+")


# A line that is not blank, its text stripped as str.strip() strips it (regex \s is what
# str.isspace() tells) in group 1, its blanks around it in the match: so each match is one
# line of _LINE (no match holds a line break), and lines of blanks give none.
_STRIPPED_LINE = re.compile(r"[^\S\n]*([^\s](?:[^\n]*[^\s])?)[^\S\n]*")
_BULLET_HEAD = re.compile(r"(?:[•·▪●◦‣*\-–]|\d{1,2}[.)])\s+")  # _BULLET after its blanks


def _paragraphs(text: str) -> list[_Para]:
    """The lines of ``text`` that are not blank (each as _LINE finds it, stripped), with
    whether each is a list item (_BULLET) or a list's lead-in (ends with ":")."""
    paras: list[_Para] = []
    for m in _STRIPPED_LINE.finditer(text):
        s, e = m.span(1)
        paras.append(
            _Para(text, s, e, _BULLET_HEAD.match(text, s, m.end()) is not None, text[e - 1] == ":")
        )
    return paras


# --------------------------------------------------------------------------- clause analysis


def _tokens_before(text: str, lo: int, pos: int, n: int = 6) -> list[str]:
    """The last ``n`` words (lowered) of ``text[lo:pos]``'s last 80 characters."""
    chunk = text[max(lo, pos - 80) : pos]
    if chunk.isascii():  # lowering ASCII keeps each character a word character or not
        return _WORD.findall(chunk.lower())[-n:]
    return [w.lower() for w in _WORD.findall(chunk)[-n:]]


def _clause_start(text: str, ss: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after "that", "which", ";" or ":" (or the sentence)."""
    start = ss
    for m in _CLAUSE_OPENER.finditer(text, ss, pos):
        if m.group(0) == "that" and _PREP_BEFORE.search(text, max(ss, m.start() - 6), m.start()):
            continue
        start = m.end()
    return start


def _right_end(text: str, pos: int, se: int, limit: int = 170) -> int:
    hi = min(se, pos + limit)
    quick = _RIGHT_STOP_QUICK
    if quick is _UNKNOWN:
        quick = _right_stop_quick()
    if quick is None:
        m = _RIGHT_STOP.search(text, pos, hi)
    else:  # the first place where _RIGHT_STOP matches is where its primed form first does
        m = next(quick.finditer(text, pos, hi), None)
    if m and m.start() > pos:
        return m.start()
    return hi


_UNKNOWN: Any = object()
_RIGHT_STOP_QUICK: Any = _UNKNOWN  # _primed(_RIGHT_STOP), worked out when first needed


def _right_stop_quick() -> re.Pattern[str] | None:
    global _RIGHT_STOP_QUICK
    _RIGHT_STOP_QUICK = _primed(_RIGHT_STOP)
    return _RIGHT_STOP_QUICK


_NAMED_BODY = re.compile(r"[\w-]+\s+(?:of|del|de\s+la|de)\s+(?:the\s+|la\s+|el\s+)?[A-ZÁÉÍÓÚÑ]")


# "since" opening a clause right after a passive perfect ("have been frozen since Russia ...")
_SINCE_CLAUSE = re.compile(r"\s+(?:since|desde\s+que)\s", re.IGNORECASE)
# a verb whose object is negated: "suspended no part of", "has halted none of the"
_NO_OBJECT = re.compile(
    r"\s+(?:no|none)\s+(?!longer\b|later\b|fewer\b|more\b|less\b|sooner\b|doubt\b)",
    re.IGNORECASE,
)
# what the meeting was for, after an intransitive "met" (in a few words)
_MET_FOR = re.compile(
    r"(?:\s+[\w.,'’-]+){0,5}?\s+for\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:rounds?|talks|sessions?|meetings?|consultations|dialogue|negotiations)\b",
    re.IGNORECASE,
)
_ROUND = re.compile(r"(?:rounds?|rondas?)\b", re.IGNORECASE)


def _mechanisms(
    lex: _Lexicon,
    text: str,
    lo: int,
    hi: int,
    has_bcc: bool | _LazyFlag,
    dialogue_article: bool | _LazyFlag = False,
    index: _MechIndex | None = None,
    dialogue_rounds: bool | _LazyFlag = False,
) -> list[str]:
    """Mechanisms the window ``text[lo:hi]`` names, most specific first (treaty only if
    nothing else). ``index``: the text's _MechIndex (the same hits, found quicker);
    ``dialogue_rounds``: the article speaks of the strategic dialogue, whose meetings are
    the "rounds" (a BCC meets in sessions)."""
    hits = index.hits(lo, hi) if index is not None else lex.mechanism_hits(text[lo:hi])
    if not hits:
        return []
    kinds = {m for _, m in hits}
    out: list[str] = []
    topic_from = None  # "talks on resuming inspections": inspections are the talks' topic
    rounds: bool | None = None  # a "round" names the meetings (the dialogue's), once asked
    for pos, mech in hits:
        if topic_from is not None and pos >= topic_from and mech in _TOPICS:
            continue
        if (
            mech == "meeting"
            and _TOPIC_OF.match(text, lo + pos, hi)  # as on the window: no look-behind
            and (kinds & {"bcc", "strategic_dialogue", "treaty"} or has_bcc)
        ):
            topic_from = pos
        if mech == "meeting" and _NAMED_BODY.match(text, lo + pos, hi):
            continue  # "a meeting of the Security Council" (a treaty body is its own hit)
        if mech == "meeting":  # a meeting is a BCC session or strategic talks, by context
            if "bcc" in kinds:
                mech = "bcc"
            elif "strategic_dialogue" in kinds:
                mech = "strategic_dialogue"
            elif (
                rounds is None
                and dialogue_rounds
                and (
                    rounds := any(
                        k == "meeting" and _ROUND.match(text, lo + p, hi) is not None
                        for p, k in hits
                    )
                )
            ):
                # "the first round was held the following month", "two rounds and a session"
                mech = "strategic_dialogue"
            elif rounds:
                mech = "strategic_dialogue"
            elif "treaty" in kinds or has_bcc:
                mech = "bcc"
            elif dialogue_article:
                mech = "strategic_dialogue"  # "the next round" of the dialogue the article covers
            else:
                continue
        if mech not in out:
            out.append(mech)
    specific = [m for m in out if m in _SPECIFIC]
    if specific:
        return specific
    return ["treaty"] if "treaty" in out else []


def mechanisms_mentioned(text: str, language: str | None = None) -> list[str]:
    """The treaty mechanisms a passage speaks of (inspections, bcc, ...), in order of mention.

    ``language`` "en" or "es" uses that lexicon; None (the default) uses both, so quotes of
    either language are tagged without knowing it.
    """
    if not text or not isinstance(text, str):
        return []
    if language is None:
        langs = ["en", "es"]
    else:
        langs = ["es"] if language.lower().startswith("es") else ["en"]
    hits = _mentioned_hits(_lexicon(langs[0]), text)
    if len(langs) > 1:
        hits = sorted(hits + _mentioned_hits(_lexicon(langs[1]), text))
    # one lexicon's hits are in order of position already (its matches do not overlap)
    return list(dict.fromkeys(mech for _, mech in hits))


def _mentioned_hits(lex: _Lexicon, text: str) -> list[tuple[int, str]]:
    """``lex.mechanism_hits(text)`` without the "meeting" hits: those are dropped before
    their "not arms control" check, which only ever drops a hit."""
    out: list[tuple[int, str]] = []
    names = lex.mech_names
    for m in _mech_matches(lex, text, lex.folder.fold(text)):
        mech = names[m.lastgroup or ""]
        if mech == "meeting":
            continue
        if _GENERIC_TREATY.fullmatch(m.group(0)) and _HAS_OTHER_TOPIC(
            text, max(0, m.start() - 30), min(len(text), m.end() + 30)
        ):
            continue  # "the grain agreement": not arms control
        out.append((m.start(), mech))
    return out


def _actors_any(lex: _Lexicon) -> re.Pattern[str] | None:
    """The alternation of the actors' patterns (primed when it can be, see dates._primed):
    searched over a text, it finds something exactly when one of them does (at a place, an
    alternation matches when one of its alternatives does, and they share their flags).
    None when the patterns do not combine as they are (different flags, groups of their
    own, back-references)."""
    found = lex.actors_any
    if found is _UNSET:
        found = None
        pats = [rx.pattern for rx, _actor in lex.actors]
        flags = {rx.flags for rx, _actor in lex.actors}
        if (
            pats
            and len(flags) == 1
            and not any(rx.groups for rx, _actor in lex.actors)
            and not any(re.search(r"\\[1-9]|\(\?P=|\(\?\(", p) for p in pats)
        ):
            whole = re.compile("|".join(f"(?:{p})" for p in pats), *flags)
            found = _primed(whole) or whole
        lex.actors_any = found
    return found


def _actor_hits(lex: _Lexicon, window: str) -> list[tuple[int, int, str]]:
    """(start, end, actor) of every actor mention in ``window``, actor by actor."""
    quick = lex.actors_quick
    if quick is None:
        quick = lex.actors_quick = [(_primed(rx), rx, actor) for rx, actor in lex.actors]
    gate = lex.actors_any
    if gate is _UNSET:
        gate = _actors_any(lex)
    if gate is not None and gate.search(window) is None:
        return []  # no actor's pattern matches anywhere in the window (half the windows)
    out: list[tuple[int, int, str]] = []
    for primed, rx, actor in quick:
        if primed is None:
            out.extend((m.start(), m.end(), actor) for m in rx.finditer(window))
            continue
        # the same matches from the characters they start with (see dates._primed): the
        # primed form stops wherever the pattern matches, finditer where one can begin
        # after the last match's end
        last = -1
        for m in primed.finditer(window):
            if m.start() >= last:
                last = m.end("_all")
                out.append((m.start(), last, actor))
    return out


def _actor_in(
    lex: _Lexicon,
    window: str,
    last: bool = True,
    found: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """The last (or first) actor named in ``window``; ``found``: its _actor_hits."""
    if found is None:
        found = _actor_hits(lex, window)
    hits = [(a, -(b - a), actor) for a, b, actor in found]
    if not hits:
        return None
    hits.sort()
    # drop hits inside a longer earlier hit ("Russia and the US" covers "Russia", "US")
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][0] - kept[-1][1]:
            continue
        kept.append(h)
    return kept[-1][2] if last else kept[0][2]


def _actor_span(
    lex: _Lexicon, window: str, found: list[tuple[int, int, str]] | None = None
) -> tuple[str, int] | None:
    """The last actor named in ``window`` and where its mention ends; ``found``: its
    _actor_hits."""
    hits = _actor_hits(lex, window) if found is None else list(found)
    if not hits:
        return None
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    return kept[-1][2], kept[-1][1]


def _treaty_named(lex: _Lexicon, name: str) -> str | None:
    """_treaty_in of a treaty's name as _TREATY_ANY found it (a short text: cached)."""
    try:
        return lex.name_cache[name]
    except KeyError:
        pass
    found = _treaty_in(lex, name)
    if len(lex.name_cache) > _CACHE_SIZE:
        lex.name_cache.clear()
    lex.name_cache[name] = found
    return found


def _treaty_in(lex: _Lexicon, window: str) -> str | None:
    """The treaty a window names (the first in lexicon order when it names several)."""
    if lex.treaty_any is None:
        return next((name for rx, name in lex.treaties if rx.search(window)), None)
    quick = _primed(lex.treaty_any)
    if quick is None:
        found = {int((m.lastgroup or "t0")[1:]) for m in lex.treaty_any.finditer(window)}
        return lex.treaties[min(found)][1] if found else None
    # the same matches, from the capitals they start with (see dates._primed); the group
    # t<i> that took part is the treaty's
    found = set()
    last = -1
    for m in quick.finditer(window):
        if m.start() >= last:
            last = m.end("_all")
            found.add(next(i for i in range(len(lex.treaties)) if m.start(f"t{i}") >= 0))
    return lex.treaties[min(found)][1] if found else None


_CONTEXT_OPS = ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF", "GROUPREF_EXISTS")


@lru_cache(maxsize=8)
def _unbounded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its word boundaries (``\\b`` outside classes), primed to search
    quickly (dates._primed); None unless those were all that looked at characters around a
    match. Dropping them only adds matches, and what is left matches a run of characters
    wherever it stands (nothing before or after it is looked at): so where it finds nothing in
    a span of a text, ``pattern`` finds nothing in any slice of that span (whose edges would
    count as word boundaries)."""
    src = pattern.pattern
    if pattern.flags & re.VERBOSE:
        return None
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            if src[i : i + 2] == "\\b":
                if in_class:
                    return None  # a backspace there
                i += 2
                continue
            out.append(src[i : i + 2])
            i += 2
            continue
        if in_class and ch == "]":
            if src[i - 1] == "[" or src[i - 2 : i] == "[^":
                return None  # a literal "]": not worth reading
            in_class = False
        elif not in_class and ch == "[":
            in_class = True
        out.append(ch)
        i += 1
    try:
        from re import _constants as c  # noqa: PLC0415
        from re import _parser  # noqa: PLC0415

        body = "".join(out)
        tree = _parser.parse(body, pattern.flags)
        free = re.compile(body, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return None
    ops = tuple(getattr(c, name) for name in _CONTEXT_OPS)

    def context_free(node: Any) -> bool:
        if isinstance(node, _parser.SubPattern):
            return all(op not in ops and context_free(av) for op, av in node)
        if isinstance(node, (list, tuple)):
            return all(context_free(x) for x in node)
        return True

    if not context_free(tree):
        return None
    return _primed(free) or free


def _treaty_of(doc: _Doc, sent: tuple[int, int], *spans: tuple[int, int]) -> str | None:
    """_treaty_in of the first span that names a treaty (spans of ``doc.text``), else of the
    sentence ``sent``. One search of the sentence tells that none does when every span lies
    in it (see _unbounded)."""
    ss, se = sent
    lex = doc.lex
    free = _unbounded(lex.treaty_any) if lex.treaty_any is not None else None
    if (
        free is not None
        and all(ss <= lo and hi <= se for lo, hi in spans)
        and free.search(doc.text, ss, se) is None
    ):
        return None
    for lo, hi in spans:
        found = _treaty_in(lex, doc.text[lo:hi])
        if found:  # as ``or`` took them
            return found
    return _treaty_in(lex, doc.text[ss:se])


@dataclass
class _Cand:
    start: int  # trigger
    end: int
    action: str
    tense: str  # past | perfect | present | future | propose
    voice: str  # active | passive
    sent: tuple[int, int]
    para: int
    mech_window: tuple[int, int] | None = None  # where to look for the mechanism
    mechanism_hint: str | None = None
    date_source: str | None = None  # "text": the clause dates it; "report": the report's day
    action_form: str | None = None  # "intransitive" for "took place"


# patterns used in the clause checks below, compiled once
_RX_NOT_YET = re.compile(r"\byet\s+to\s*$|\bfailed\s+to\s*$|\bno\s+intention\b", re.I)
_RX_SHORT_OF = re.compile(r"\bshort\s+of\s*$", re.I)
_HAS_SHORT_OF = _has(_RX_SHORT_OF)
_HAS_NOT_YET = _has(_RX_NOT_YET)
# _HAS_NOT_YET(t) or _HAS_SHORT_OF(t) in one search: an alternation matches at a place
# where one of its alternatives does (both compiled the same way)
assert _RX_NOT_YET.flags == _RX_SHORT_OF.flags
_HAS_NOT_YET_OR_SHORT_OF = _has(
    re.compile(f"{_RX_NOT_YET.pattern}|{_RX_SHORT_OF.pattern}", _RX_NOT_YET.flags)
)
_RX_COMMA_AND = re.compile(r"(?:,|\by|\band)\s*$")
_RX_CLAUSE_CUT = re.compile(  # [,;:(]|(?<![\w-])(?:that|which|que)(?![\w-])
    r",|;|:|\(|t(?<![\w-]t)hat(?![\w-])|w(?<![\w-]w)hich(?![\w-])|q(?<![\w-]q)ue(?![\w-])"
)
_RX_PUNCT = re.compile(r"[,;:]")
_RX_FULL_STOP = re.compile(r"[a-z0-9]\.$")
_RX_LINE_END = re.compile(r"[.!?…][\"”’»)]*$")
_RX_BREAK = re.compile(r"[,;:.()]")
# patterns of single checks below, compiled once
_RX_SHORT_AFTER = re.compile(r"\s+short\s+of\b", re.I)
_RX_THAT = re.compile(
    r"t(?<![\w-]t)hat(?![\w-])|q(?<![\w-]q)ue(?![\w-])"
)  # (?<![\w-])(?:that|que)(?![\w-])
_RX_WHICH_TAIL = re.compile(r",\s*(?:que|which|who)\b[^,;]*$", re.I)
_RX_BY = re.compile(r"\b(?:by|por)\s+(.{0,80})")
_RX_COMMA_END = re.compile(r",\s*$")
_RX_CLITIC_END = re.compile(r"l[oa]$")
_RX_IT_THEM = re.compile(r"\s+(?:it|them)\b")
_RX_SHARED_TIME = re.compile(r"(?:[,;:]|\bthereby|\beffectively|\bby)\s*$")
_RX_GOVERNED = re.compile(r"(?<![\w-])(?:to|a|para)\s+$", re.I)
_RX_AUX_NOT = re.compile(r"(?:has|have|had|did) not")
_RX_FUTURE_HEAD = re.compile(r"will|won|would|no longer|ya no|dejar|tampoco")
_RX_HAVE_NOT = re.compile(r"ha[sv]e? not")
_RX_HAS_END = re.compile(r"\b(?:has|have)\s*$")
_RX_WILL_END = re.compile(r"\bwill\s*$")
_RX_NOTIF = re.compile(r"notif", re.I)
_RX_EXCHANGE = re.compile(r"exchang|intercambi", re.I)
# truth-value searches through their primed patterns (see _has)
_HAS_DATE_WORD = _has(_DATE_WORD)
_HAS_COMMA_AND = _has(_RX_COMMA_AND)
_HAS_PRONOUN = _has(_PRONOUN)
_HAS_POSSESSIVE = _has(_POSSESSIVE)
_HAS_COORDINATION = _has(_COORDINATION)
_HAS_NEXT_VERB = _has(_NEXT_VERB)


def _blocked(
    text: str, ss: int, ts: int, form: str, lex_lang: str, words: list[str] | None = None
) -> bool:
    """Negated, modal, conditional or question: not a report of something that happened.
    ``words``: ``_tokens_before(text, ss, ts, 6)``, if known."""
    before = text[ss:ts]
    # after the last of "," ";" ":" "(", else the sentence's start
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("("))
    clause_lo = ss + cut + 1
    clause = before[cut + 1 :]
    # from the sentence's start, the clause's words are the last of the sentence's
    toks = words[-5:] if words is not None and cut < 0 else _tokens_before(text, clause_lo, ts, 5)
    last4 = toks[-4:]
    if not _NEGATIONS.isdisjoint(last4):
        return True
    if not _HEDGES.isdisjoint(toks[-3:]) or _HAS_NOT_YET_OR_SHORT_OF(before):
        return True
    if _HAS_CONDITIONAL(clause) or _INVERTED.match(clause):
        return True
    if form in ("s", "base", "future") and _HAS_TEMPORAL_SUB(clause):
        # "when the treaty expires, ..." is hypothetical; "after it expires in February" is
        # a scheduled fact
        rest = text[ts : _right_end(text, ts, len(text), 80)]
        if not _HAS_DATE_WORD(rest):
            return True
    # a modal among the last words, or a "would" that no reporting verb before explains
    # (or that a condition governs)
    if not _MODALS.isdisjoint(last4):
        return True
    return ("would" in last4 or "wouldn't" in last4) and bool(
        not _HAS_REPORTING(before) or _HAS_CONDITIONAL(text[ss : ss + 400])
    )


def _skip_adverbs(toks: list[str]) -> list[str]:
    while toks and (toks[-1] in _ADVERB_SKIP or toks[-1].endswith("ly")):
        toks = toks[:-1]
    return toks


@lru_cache(maxsize=2048)
def _trigger_info_cached(language: str, word: str) -> tuple[str, str] | None:
    for rx, act, frm in _lexicon(language).triggers:
        if rx.fullmatch(word):
            return act, frm
    return None


def _trigger_info(lex: _Lexicon, word: str) -> tuple[str, str] | None:
    """(action, form) of a matched trigger word or phrase."""
    return _trigger_info_cached(lex.language, word.lower())


def _action_of(lex: _Lexicon, word: str) -> str | None:
    found = _trigger_info(lex, word)
    return found[0] if found else None


def _governor(lex: _Lexicon, text: str, ss: int, to_pos: int) -> str | None:
    """Effect of the word governing "to <verb>" ("agreed in 2021 to extend" -> keep)."""
    words = _GOV_TOKEN.findall(text[max(ss, to_pos - 90) : to_pos].replace("’", "'"))
    for _ in range(5):
        for k in (3, 2, 1):
            if len(words) >= k:
                m = lex.governors_full.fullmatch(" ".join(words[-k:]))
                if m and m.lastgroup:
                    return lex.governor_effects[m.lastgroup]
        # step over a date or an adverb between the governing word and "to"
        if not words or not _INTERPOSED.fullmatch(words[-1]):
            break
        words = words[:-1]
    # ... or over a short prepositional phrase ("during a phone call", "at their summit")
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        if words[i].lower() in _CLAUSE_WORDS:
            break
        if words[i].lower() in _PP_HEADS:
            j = i
            while j > 0 and i - j < 3 and _INTERPOSED.fullmatch(words[j - 1]):
                j -= 1  # "acordaron este martes durante ..."
            for end in {i, j}:
                for k in (3, 2, 1):
                    if end >= k:
                        m = lex.governors_full.fullmatch(" ".join(words[end - k : end]))
                        if m and m.lastgroup:
                            effect = lex.governor_effects[m.lastgroup]
                            return effect if effect in ("keep", "propose") else None
    return None


def _verb_candidate(
    lex: _Lexicon,
    lang: str,
    text: str,
    ss: int,
    se: int,
    m: re.Match[str],
    words: list[str] | None = None,
) -> tuple[str, str, str] | None:
    """(action, tense, voice) of a verb-form trigger, or None when it reports no event.
    ``words``: ``_tokens_before(text, ss, m.start(), 6)``, if known."""
    found = _trigger_info(lex, m.group(0))
    if found is None or _RX_SHORT_AFTER.match(text[m.end() : m.end() + 12]):
        return None  # "stopped short of withdrawing"
    action, form = found
    if action is None or form is None:
        return None
    if words is None:
        words = _tokens_before(text, ss, m.start(), 6)
    toks = _skip_adverbs(words)
    prev = toks[-1] if toks else ""
    prev2 = toks[-2] if len(toks) > 1 else ""
    if prev == "have" and prev2 == "to" and len(toks) > 2 and toks[-3] in ("was", "were"):
        return None  # "was to have met in Cairo": a plan that did not happen
    if form in ("part", "pastpart", "ing"):
        if prev in _AUX_BE or prev.endswith(("'s", "’s")):
            if form == "ing":
                progressive = prev in ("is", "are", "está", "están")
                return action, ("present" if progressive else "past"), "active"
            if prev2 in _FUTURE_AUX:
                return action, "future", "passive"
            if prev == "be" and prev2 in ("would",):
                return action, "past", "passive"
            if prev2 in _AUX_HAVE or prev == "been":
                tense = "past" if prev2 in ("had", "había", "habían") else "perfect"
                return action, tense, "passive"
            tense = (
                "present" if prev in ("is", "are", "'s", "’s", "está", "están", "es") else "past"
            )
            return action, tense, "passive"
        if prev in _AUX_HAVE:
            return action, ("past" if prev in ("had", "había") else "perfect"), "active"
        if form == "ing" and _RX_SHARED_TIME.search(text[max(ss, m.start() - 15) : m.start()]):
            # ", halting inspections", "steps: revoking visas; withholding data": the
            # participle shares the main clause's time
            return action, "past", "active"
        if (
            form in ("part", "pastpart")
            and _HAS_COMMA_AND(text[max(ss, m.start() - 6) : m.start()])
            and _HAS_DATE_WORD(text, m.end(), min(se, m.end() + 30))
        ):
            # ", suspendidas desde marzo de 2020", "firmado en 2010 y prorrogado en 2021";
            # "withdrew from X in 2019 and pulled out of Y": with an object, an active verb
            if _OBJECT_NEXT.match(text, m.end()):
                return action, "past", "active"
            return action, "past", "passive"
        if form in ("part", "ing"):
            return None
        if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
            return None
        return action, "past", "active"
    if form == "past":
        if prev in _DETERMINERS and not (lang == "es" and prev in _CLITICS):
            return None  # "the freeze"; but "las reanudó" is a clitic and a verb
        return action, "past", "active"
    if form == "s":
        if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
            return None  # "the bans", "its extends": a noun
        return action, "present", "active"
    if form == "future":
        return action, "future", "active"
    # base form: needs an auxiliary or a governing word
    if prev in _FUTURE_AUX:
        return action, "future", "active"
    if prev == "would":
        return action, "past", "active"
    if prev in ("did", "does", "do"):
        return action, ("present" if prev != "did" else "past"), "active"
    to_pos = None
    if lang == "en" and prev == "to":
        to_pos = text.rfind("to", ss, m.start())
    elif lang == "es":
        to_pos = m.start()
    if to_pos is None or to_pos < 0:
        return None
    effect = _governor(lex, text, ss, to_pos)
    if effect == "keep" and _DECISION_PENDING.match(text, m.end(), se):
        return None  # "the decision to resume ... will be taken by the president"
    if effect == "keep":
        gov_text = text[max(ss, to_pos - 30) : to_pos].lower()
        # "agrees to", "acaba de" (has just): the report's own time
        tense = (
            "present"
            if re.search(r"\bagrees?\s*$|\bdecides\s*$|\bacaban? de\s*$", gov_text)
            else "past"
        )
        return action, tense, "active"
    if effect == "scheduled":
        return action, "future", "active"
    return None


def _trigger_matches(
    lex: _Lexicon,
    text: str,
    low: str | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[re.Match[str]]:
    """Trigger matches in ``text``: the full pattern is tried only where a word begins
    with one of the triggers' first letters (much faster than scanning every position).
    ``low``, the text as _folded gives it, allows a quicker scan with the same answer;
    ``spans``: trigger_low's spans in it, if known."""
    if low is not None and lex.trigger_low is not None:
        found = _trigger_matches_low(lex, text, low, spans)
        if found is not None:
            return found
    out: list[re.Match[str]] = []
    end = -1
    for w in _LETTERS.finditer(text):
        pos = w.start()
        if pos < end:
            continue
        if not _head_ok(lex, text[pos : pos + 3]):
            continue
        m = lex.trigger_re.match(text, pos)
        if m:
            out.append(m)
            end = m.end()
    return out


def _head_ok(lex: _Lexicon, three: str) -> bool:
    """May a trigger start with these (first three) characters of a word."""
    known = lex.head_cache
    ok = known.get(three)
    if ok is None:
        head = three.lower()
        ok = head in lex.trigger_heads or head[:2] in lex.trigger_heads
        if len(known) > _CACHE_SIZE:
            known.clear()
        known[three] = ok
    return ok


def _trigger_matches_low(
    lex: _Lexicon, text: str, low: str, spans: list[tuple[int, int]] | None = None
) -> list[re.Match[str]] | None:
    """_trigger_matches from one scan of the lowered text, or None if it cannot tell.

    On a _folded text, ``trigger_low`` finds what ``trigger_re.finditer(text)`` finds. That
    is what the word loop finds when every match starts a run of letters with a known head
    (the loop tries exactly those places, and skips none where a match starts); anything
    else, or a span that differs, sends the caller to the loop."""
    assert lex.trigger_low is not None
    out: list[re.Match[str]] = []
    by_letter = lex.trigger_by_letter
    if spans is None:
        spans = _guarded_spans(lex.trigger_low, low)
    for pos, end in spans:
        if not (_LETTERS.match(text, pos) and _head_ok(lex, text[pos : pos + 3])):
            return None
        # only the patterns of the lowered text's letter there can match (_triggers_by_letter)
        m = by_letter.get(low[pos], lex.trigger_re).match(text, pos)
        if m is None or m.end() != end:
            return None
        out.append(m)
    return out


# words without which a construction cannot occur in a sentence (cheap checks first)
_STOP_WORDS = ("longer", "not", "won", "stop", "ceas", "refus", "declin", "dej", "no ", "tampoco")
_STOP_WORDS += ("neg",)
_LAW_WORDS = ("law", "decree", "bill", "order", "ley", "decreto")
_VISA_WORDS = ("visa", "clearance", "permi", "access")


def _has_any(low: str, words: tuple[str, ...]) -> bool:
    """True if one of ``words`` occurs in ``low``."""
    for w in words:  # noqa: SIM110 (a plain loop: no generator made for every sentence)
        if w in low:
            return True
    return False


def _analyse_sentence(
    lex: _Lexicon,
    lang: str,
    text: str,
    ss: int,
    se: int,
    pi: int,
    triggers: list[re.Match[str]] | None = None,
    others: bool = True,
    index: _MechIndex | None = None,
    text_low: str | None = None,
    heads: list[int] | None = None,
    skip: bool = False,
    known: dict[int, bool] | None = None,
) -> list[_Cand]:
    """Candidates of one sentence. ``others`` False: no proposal, cessation, law or visa
    construction can start in it (none of their heads does), only triggers count.
    ``index``: the text's _MechIndex, if made; ``text_low``: the text as _folded gives it;
    ``heads``: the places in the sentence where a head of those constructions matches
    (gate_low; every match of theirs starts at one), None if not known. ``skip``: leave
    out the candidates _doomed would drop, found before their analysis (see below);
    ``known``: _keyless's answers by sentence start, read and added to."""
    out: list[_Cand] = []
    # a question ends with "?", so one holds it (most sentences do not: no strips)
    if text.find("?", ss, se) >= 0 and text[ss:se].rstrip().rstrip('"”’»)').endswith("?"):
        return out
    # In an English sentence without a mechanism keyword (_keyless), a verb trigger that
    # _doomed_trigger tells, or a cessation without a mechanism hint, gives no candidate or
    # one _doomed drops. Left out, it changes nothing if it overlaps no other candidate of
    # the sentence (dedup keeps or drops it, with no effect on the others); if one does,
    # the sentence is analysed again in full. (None: not yet known; False: not asked.)
    keyless: bool | None = (
        (None if known is None else known.get(ss))
        if skip and lang == "en" and lex.mech_any is not None and text_low is not None
        else False
    )
    pending: list[tuple[int, int]] = []
    # 1. verb forms
    hits = (
        lex.trigger_re.finditer(text, ss, se)
        if triggers is None
        else (m for m in triggers if ss <= m.start() and m.end() <= se)
    )
    for m in hits:
        if keyless is not False and _doomed_trigger(lex, text, m):
            if keyless is None:
                keyless = _keyless(lex, text_low, ss, se)
                if known is not None:
                    known[ss] = keyless
            if keyless:
                pending.append(m.span())
                continue
        words = _tokens_before(text, ss, m.start(), 6)
        got = _verb_candidate(lex, lang, text, ss, se, m, words)
        if got is None:
            continue
        action, tense, voice = got
        form = "s" if tense == "present" and voice == "active" else "x"
        if tense == "future":
            form = "future"
        if _blocked(text, ss, m.start(), form, lang, words):
            continue
        if action == "propose" and _SPECULATION.match(text, m.end(), se):
            continue  # "lawmakers have suggested Russia might revoke its ratification"
        cand = _Cand(m.start(), m.end(), action, tense, voice, (ss, se), pi)
        if _SUBJECT_MEETING.match(m.group(0)):
            cand.action_form = "intransitive"
        out.append(cand)
    if not others:
        return out  # pending triggers overlap no trigger candidate: triggers never overlap
    # With the head places known, each construction is tried only at those whose letter
    # one of its heads starts with (every match of it starts with a match of one of its
    # heads), and the substring checks below, which only save scans, are skipped.
    placed = heads is not None and text_low is not None and len(lex.head_firsts) == 5
    if placed:
        f_noun, f_cess, f_law, f_visa, f_prop = lex.head_firsts
        low = ""
    else:
        f_noun = f_cess = f_law = f_visa = f_prop = None
        # text_low is text.lower() letter for letter, so its slice lowers the sentence but
        # for a final sigma (σ/ς), which none of the words looked for in ``low`` holds
        low = text_low[ss:se] if text_low is not None else text[ss:se].lower()
    # 2. proposals: "ready to extend", "offered to keep", "dispuesta a seguir"
    # an English proposal is linked to its verb by "to" (any case; no other character
    # matches "t" or "o" case-insensitively, and lowering makes them "t" and "o")
    proposals = lex.propose_scan or lex.propose_re
    for m in (
        _matches_at(proposals, text, ss, se, heads, text_low, f_prop)
        if placed or lex.language != "en" or "to" in low
        else ()
    ):
        verb = m.group("verb").lower()
        if lang == "es" and verb not in _PROPOSE_VERBS:
            verb = re.sub(r"(?<=[aei]r)(?:l[oa]s?|se|le)$", "", verb)  # "prorrogarlo"
        if verb not in _PROPOSE_VERBS and not lex.trigger_re.fullmatch(verb):
            continue
        if _blocked(text, ss, m.start(), "x", lang):
            continue
        cand = _Cand(m.start(), m.end("gov"), "propose", "propose", "active", (ss, se), pi)
        if verb in _EXTEND_VERBS:
            cand.mechanism_hint = "treaty"  # only treaties are extended; "to extend it"
        cand.mech_window = (m.start("verb"), _right_end(text, m.start("verb"), se))
        # "ready to start talks to extend the treaty": the mechanism is what is extended
        for inner in lex.trigger_re.finditer(text, m.start("verb"), cand.mech_window[1]):
            governed = inner.start() == m.start("verb") or _RX_GOVERNED.search(
                text[m.start("verb") : inner.start()]
            )
            if governed:
                window = (inner.end(), cand.mech_window[1])
                if _mechanisms(lex, text, window[0], window[1], False, index=index):
                    cand.mech_window = window
                break
        out.append(cand)
    # 2b. "open to talks", "called for the resumption of the dialogue"
    # (cheap substring checks first: most sentences hold none of these constructions)
    open_or_call = (
        placed
        or "open" in low
        or "call" in low
        or "abiert" in low
        or "pid" in low
        or "reclam" in low
        or "llam" in low
    )
    for m in (
        _matches_at(_PROPOSE_NOUN[lang], text, ss, se, heads, text_low, f_noun)
        if open_or_call
        else ()
    ):
        if _blocked(text, ss, m.start(), "x", lang):
            continue
        cand = _Cand(m.start(), m.end("head"), "propose", "propose", "active", (ss, se), pi)
        cand.mech_window = (m.start("obj"), _right_end(text, m.end("obj"), se))
        out.append(cand)
    # 3. cessation: "will no longer share", "will not provide"
    cess = _CESSATION_SCAN[lang]
    for m in (
        _matches_at(cess, text, ss, se, heads, text_low, f_cess)
        if placed or _has_any(low, _STOP_WORDS)
        else ()
    ):
        if keyless is not False and not (
            _DATA_OBJECT.match(text, m.end(), se)
            or _RX_NOTIF.match(m.group("verb"))
            or _RX_EXCHANGE.match(m.group("verb"))
        ):  # no hint (below, where the sentence has no keyword)
            if keyless is None:
                keyless = _keyless(lex, text_low, ss, se)
                if known is not None:
                    known[ss] = keyless
            if keyless:
                pending.append(m.span())
                continue
        if _blocked(text, ss, m.start(), "x", lang) and not m.group(0).lower().startswith(
            ("no", "will not", "won", "would not", "ya no", "dej", "tampoco", "has not", "have not")
        ):
            continue
        head = m.group(0).lower()
        if head.startswith("would not") and not _HAS_REPORTING(text[ss : m.start()]):
            continue
        if _RX_AUX_NOT.match(head) and m.group("verb").startswith("receiv"):
            continue  # "has not received notice": what one was not given, not a cessation
        action = "ban" if _BAN_VERBS.search(m.group("verb")) else "suspend"
        tense = "future" if _RX_FUTURE_HEAD.match(head) else "past"
        if _RX_HAVE_NOT.match(head) or _RX_HAS_END.search(text[ss : m.start()]):
            tense = "perfect"  # "has not provided", "has refused to hand over"
        if head.startswith("no longer") and _RX_WILL_END.search(text[ss : m.start()]):
            tense = "future"
        cand = _Cand(m.start(), m.end(), action, tense, "active", (ss, se), pi)
        cand.mech_window = (m.end(), _right_end(text, m.end(), se))
        found = (
            _mechanisms(lex, text, *cand.mech_window, False, index=index)
            if lex.mech_any is None or text_low is None or lex.mech_any.search(text_low, ss, se)
            else []  # the window is inside the sentence, which holds no keyword
        )
        if found in ([], ["treaty"]) and _DATA_OBJECT.match(text, m.end(), se):
            cand.mechanism_hint = "data_exchange"  # "stop sharing data on its forces"
        elif not found:
            if _RX_NOTIF.match(m.group("verb")):
                cand.mechanism_hint = "notifications"
            elif _RX_EXCHANGE.match(m.group("verb")):
                cand.mechanism_hint = "data_exchange"
        out.append(cand)
    # 4. laws and decrees: "the Duma approved a law suspending the treaty"
    lawish = placed or _has_any(low, _LAW_WORDS)
    for m in _matches_at(_LAW_VERB, text, ss, se, heads, text_low, f_law) if lawish else ():
        if _blocked(text, ss, m.start(), "x", lang):
            continue
        inner = lex.trigger_re.search(text, m.end(), min(se, m.end() + 40))
        act = _action_of(lex, inner.group(0)) if inner else None
        if inner is None or act is None or act == "sign":
            continue
        cand = _Cand(m.start(), m.end(), act, "past", "active", (ss, se), pi)
        cand.mech_window = (inner.end(), _right_end(text, inner.end(), se))
        out.append(cand)
    # 5. visas and clearances revoked from inspectors
    visaish = placed or _has_any(low, _VISA_WORDS)
    for m in _matches_at(_VISA, text, ss, se, heads, text_low, f_visa) if visaish else ():
        if _blocked(text, ss, m.start(), "x", lang):
            continue
        window = (m.start(), _right_end(text, m.end(), se, 200))
        if "inspections" not in _mechanisms(lex, text, *window, False, index=index):
            continue
        toks = _skip_adverbs(_tokens_before(text, ss, m.start(), 3))
        prev = toks[-1] if toks else ""
        tense = (
            "future" if prev in _FUTURE_AUX or m.group(0).lower().startswith("revocará") else "past"
        )
        if prev in ("is", "are") and m.group(0).split()[0].lower().endswith("ing"):
            tense = "present"  # "is revoking visas"
        elif prev in _AUX_HAVE and prev not in ("had", "había", "habían"):
            tense = "perfect"  # "has revoked", "ha revocado"
        cand = _Cand(m.start(), m.end(), "ban", tense, "active", (ss, se), pi)
        cand.mech_window = window
        cand.mechanism_hint = "inspections"
        out.append(cand)
    # its matches start with "visa" ("visado"), in any case: "visa" in the folded text
    passive = text_low.find("visa", ss, se) >= 0 if placed and text_low else visaish
    for m in _VISA_PASSIVE.finditer(text, ss, se) if passive else ():
        if _blocked(text, ss, m.start("aux"), "x", lang):
            continue
        window = (m.start(), _right_end(text, m.end(), se, 200))
        if "inspections" not in _mechanisms(lex, text, *window, False, index=index):
            continue
        aux = m.group("aux").lower()
        tense = "perfect" if aux.startswith(("have", "has", "han ", "ha ")) else "past"
        cand = _Cand(m.start(), m.end(), "ban", tense, "passive", (ss, se), pi)
        cand.mech_window = window
        cand.mechanism_hint = "inspections"
        out.append(cand)
    if pending and any(a < c.end and c.start < b for a, b in pending for c in out):
        return _analyse_sentence(
            lex, lang, text, ss, se, pi, triggers, others, index, text_low, heads
        )
    return out


def _dedup_spans(cands: list[_Cand]) -> list[_Cand]:
    # on one span, the reading that knows its object ("proposed to extend") wins
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.mech_window is None))
    kept: list[_Cand] = []
    kept_end = 0  # the greatest end of a kept span: one that starts there meets none
    for c in cands:
        if c.start < kept_end:
            twin = next((k for k in kept if c.start < k.end and k.start < c.end), None)
            if twin is not None:
                if (twin.start, twin.end, twin.action) == (c.start, c.end, c.action):
                    twin.tense = c.tense  # the verb's own tense ("propuso": past, undated)
                continue
        kept.append(c)
        kept_end = max(kept_end, c.end)
    return kept


# --------------------------------------------------------------------------- dates


def _start_of(d: DateMention) -> int:
    return d.start


def _date_for(
    text: str,
    cand: _Cand,
    zone_hi: int,
    dates: list[DateMention],
    trigger_spans: tuple[tuple[int, int], ...] | None = None,
    date_starts: list[int] | None = None,
) -> DateMention | None:
    """The date expression of the trigger's sentence that dates the event: one in its own
    clause (up to ``zone_hi``) or fronted before all of it, else the nearest, skipping
    dates that belong to another clause or another event."""
    ss, se = cand.sent
    clause_lo = ss
    # (on the text itself: what its guards read before ss is the blank a sentence follows)
    for m in _RX_CLAUSE_CUT.finditer(text, ss, cand.start):
        clause_lo = m.end()
    best: tuple[int, int, DateMention] | None = None
    shifted_ids: set[int] = set()
    # the event's own governed verb ("signed the law suspending ...") is not another event
    own_lo = cand.mech_window[0] if cand.mech_window else cand.end
    # the dates are in order: those of the sentence begin at the first one from ss
    first = (
        bisect_left(dates, ss, key=_start_of)
        if date_starts is None
        else bisect_left(date_starts, ss)
    )
    for i in range(first, len(dates)):
        d = dates[i]
        if d.start >= se:
            break  # it, and every later one, ends after the sentence
        if d.end > se or d.value is None or d.role in ("until", "end"):
            continue
        fronted = (
            d.start - ss <= 3
            and not _HAS_COORDINATION(text[d.end : cand.start])
            and d.end <= clause_lo  # not "On Monday, he said that ..."
            and not _RX_THAT.search(text[d.end : cand.start])
        )
        penalty = 0 if clause_lo <= d.start < zone_hi or fronted else 1
        if d.start - ss < 40 and _DATELINE_TAIL.match(text, d.end):
            penalty = 2  # "WASHINGTON, March 1 (Reuters) -": the wire's day, not the event's
        lo, hi = (d.end, cand.start) if d.end <= cand.start else (cand.end, d.start)
        between = text[lo:hi]
        exact = _EXACT_OFFSET.search(between) if d.end <= cand.start else None
        if exact and d.precision == "day" and d.value:
            # "said on Friday, a day after the treaty lapsed": Friday minus one day
            n = exact.group("n").lower()
            num = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
            days = num * (7 if exact.group("unit").lower().startswith(("week", "seman")) else 1)
            sign = -1 if exact.group("dir").lower() in ("after", "después", "despues") else 1
            shifted = dt.date.fromisoformat(d.value) + dt.timedelta(days=sign * days)
            d = replace(d, value=shifted.isoformat())
            shifted_ids.add(id(d))
            between = ""
        elif _HAS_OFFSET_PHRASE(between):
            continue
        if _HAS_COORDINATION(between) or (d.end <= cand.start and _HAS_NEXT_VERB(between)):
            penalty += 1  # "X happened on May 1, and Y happened": May 1 is X's
        elif (
            d.start > cand.end
            and trigger_spans is not None
            and _owned_by_other_verb(text, trigger_spans, max(cand.end, own_lo), d.start)
        ):
            continue  # "ready to ... after it expires on 5 February": the expiry's date
        elif d.start > cand.end and _RX_WHICH_TAIL.search(between):
            penalty += 1  # "postponed the session, which was due on Tuesday": the session's day
        if (
            d.start > cand.end
            and _HAS_SUBORDINATE_WORD(text, max(cand.end, d.start - 40), d.start)
            and _HAS_SUBORDINATE_DATE(
                " ".join(_WORD.findall(text[max(cand.end, d.start - 40) : d.start])[-4:])
            )
        ):
            penalty += 1  # "ready to ... after its expiry on 5 February": not the offer's date
        dist = max(0, hi - lo)
        key = (penalty, dist)
        if best is None or key < best[:2]:
            best = (penalty, dist, d)
    if best is None:
        return None
    d = best[2]
    # a date outside the event's own clause ("said on Wednesday that ...") dates the report
    cand.date_source = "text" if best[0] == 0 or id(d) in shifted_ids else "report"
    # "Prior to the talks on November 29, Russia postponed ...": the event came before
    # that day, so only its month (or year) is known.
    if d.end <= cand.start:
        clause_lo = ss
        for m in _RX_PUNCT.finditer(text[ss : d.start]):
            clause_lo = ss + m.end()
        if _BEFORE.search(text[clause_lo : d.start]) and "," in text[d.end : cand.start]:
            cand.date_source = "text"  # a bound the sentence itself sets
            return _coarser(d)
    return d


def _owned_by_other_verb(text: str, spans: tuple[tuple[int, int], ...], lo: int, hi: int) -> bool:
    """True when another event verb stands between a trigger and a date, in the date's own
    clause ("... after it expires on 5 February"; not "... it expires, he said on Monday")."""
    last = None
    # the spans are in order: those from lo on begin at the first whose start is lo or more
    for a, b in spans[bisect_left(spans, (lo,)) :]:
        if a >= hi:
            break
        if a >= lo and b <= hi and text[a:b].lower() not in ("hold", "held"):
            last = b
    return last is not None and not _RX_PUNCT.search(text[last:hi])


def _coarser(d: DateMention) -> DateMention:
    if d.value is None or d.precision == "year":
        return d
    if d.precision == "day":
        return replace(d, value=d.value[:7], precision="month")
    return replace(d, value=d.value[:4], precision="year")


# --------------------------------------------------------------------------- public API


def _normalise_published(published: Any) -> dt.date | None:
    if published is None:
        return None
    if type(published) is dt.date:
        return published  # a plain date (not NaT, not a datetime)
    try:
        if pd.isna(published):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return pd.Timestamp(published).date()
    except (ValueError, TypeError):
        return None


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _actor_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return a == _BOTH or b == _BOTH


class _LazyFlag:
    """A truth value worked out the first time it is asked for."""

    __slots__ = ("_find", "_value")

    def __init__(self, find: Callable[[], bool]) -> None:
        self._find = find
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = bool(self._find())
        return self._value


@dataclass
class _Doc:
    """One article as the finder sees it: text, lexicon, dates, layout and context."""

    text: str
    lex: _Lexicon
    dates: list[DateMention]
    paras: list[_Para]
    pub: dt.date | None
    title: str | None
    has_bcc: bool | _LazyFlag  # the article speaks of the BCC: "the meeting" is one of its sessions
    default_treaty: str | None  # the treaty the article speaks of most
    lede: int  # index of the lead paragraph
    trigger_spans: tuple[tuple[int, int], ...] = ()  # every trigger of the text, in order
    mech: _MechIndex | None = None  # the text's mechanism keywords (None: scan each window)
    # speaks of the strategic dialogue (and not of the BCC)
    dialogue_article: bool | _LazyFlag = False
    trigger_starts: list[int] = field(default_factory=list)  # trigger_spans' starts
    low: str | None = None  # the text as _folded gives it (None: not case-safe)
    untils: list[DateMention] = field(default_factory=list)  # the dates with role "until"
    keyless: dict[int, bool] = field(default_factory=dict)  # _keyless's answers by sentence
    date_starts: list[int] | None = None  # where each date begins (dates are in that order)
    # speaks of the strategic dialogue (BCC or not): "the first round" is one of its rounds
    dialogue_rounds: bool | _LazyFlag = False


def _m_end(m: re.Match[str]) -> int:
    return m.end()


_SUBJECT_NP = re.compile(r"\s*(?:the|a|an|its|their|el|la|los|las|su|sus)\s", re.IGNORECASE)
_NOMINAL_AGENT = re.compile(
    r"(?:\b(?:by|por parte de|por)\s+|^\s+(?:de|of)\s+)([\w.-]+(?:\s+[\w.-]+){0,2})",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\s+(?:por parte de|on the part of)\s+(.{1,40})", re.IGNORECASE)


_OBJECT_PRONOUN_EN = re.compile(r"\s+(?:it|them)\b(?!\s+(?:to|that)\b)", re.IGNORECASE)
_CLITICS = {"lo", "la", "los", "las"}
_CLITIC_BEFORE = re.compile(r"(?<![\w-])(?:lo|la|los|las)\s+$", re.IGNORECASE)


def _previous_sentence(doc: _Doc, c: _Cand) -> tuple[int, int] | None:
    """The sentence before the candidate's (in its paragraph, else the paragraph before)."""
    sents = [s for p in doc.paras[max(0, c.para - 1) : c.para + 1] for s in p.sentences]
    i = sents.index(c.sent) if c.sent in sents else -1
    return sents[i - 1] if i > 0 else None


def _actor_for(doc: _Doc, c: _Cand, clause_lo: int, right_hi: int) -> str | None:
    """Who acts: the agent of a passive ("by Moscow"), the word just before the trigger
    ("Moscow's decision to", "Russia unilaterally"), else the clause's first actor."""
    ss = c.sent[0]
    actor = None
    if c.voice == "passive":
        by = _RX_BY.search(doc.text[c.end : right_hi])
        if by:
            agents = {a for rx, a in doc.lex.actors if rx.search(by.group(1))}
            if {"Russia", "United States"} <= agents:
                actor = _BOTH
            elif agents:
                actor = _actor_in(doc.lex, by.group(1), last=False)
    agent = _PART_OF.match(doc.text, c.end, right_hi)
    if actor is None and agent:
        # "quedó en suspenso por parte de Moscú": the agent right after the verb
        actor = _actor_in(doc.lex, agent.group(1), last=False)
    appositive = c.voice == "passive" and _HAS_COMMA_AND(doc.text[max(ss, c.start - 6) : c.start])
    if actor is None and not appositive:
        before = doc.text[clause_lo : c.start]
        in_before = _actor_hits(doc.lex, before)
        # "Moscow's decision to", "the Russian decision to", "Russia unilaterally"
        near = _actor_span(doc.lex, before, in_before)
        if near and len(_WORD.findall(before[near[1] :])) <= 2:
            actor = near[0]
        # before the trigger: those of ``before`` when the clause is the sentence's start
        in_sentence: list[tuple[int, int, str]] | None = in_before if clause_lo == ss else None
        if actor is None and _HAS_PRONOUN(before):
            if in_sentence is None:
                in_sentence = _actor_hits(doc.lex, doc.text[ss : c.start])
            actor = _actor_in(doc.lex, doc.text[ss : c.start], False, in_sentence)
        relative = _RELATIVE_HEAD.search(doc.text, ss, clause_lo)
        if actor is None and relative and not before.strip(" ,"):
            # "the position of the United States, which signed the treaty": its antecedent
            antecedent = _actor_span(doc.lex, doc.text[ss : relative.start()])
            if antecedent and antecedent[1] >= relative.start() - ss - 1:
                actor = antecedent[0]
        if actor is None:
            actor = _actor_in(doc.lex, before, False, in_before) or _actor_in(
                doc.lex, doc.text[ss : c.start], False, in_sentence
            )
    return actor


def _evidence_and_date(
    doc: _Doc, c: _Cand, clause_lo: int, right_hi: int, used: tuple[int, int]
) -> tuple[int, int, DateMention | None]:
    """The evidence span (the clause, from its start to the end of what it is about) and
    the date the sentence gives the event."""
    se = c.sent[1]
    ev_lo = min(clause_lo, used[0], c.start)
    if used[1] <= c.start and c.start - used[0] > 60:
        # the mechanism is the subject ("the pact expires"): start near its first mention
        hits = (
            doc.mech.hits(*used)
            if doc.mech is not None
            else doc.lex.mechanism_hits(doc.text[used[0] : used[1]])
        )
        first = used[0] + hits[0][0] if hits else ev_lo
        words = list(re.finditer(r"\S+", doc.text[max(used[0], first - 30) : first]))
        ev_lo = max(used[0], first - 30) + words[-2].start() if len(words) >= 2 else first
    if c.start - ev_lo > 140:
        ev_lo = doc.text.find(" ", c.start - 140, c.start) + 1
    ev_hi = max(c.end, right_hi if used[0] >= c.start else c.end, used[1])
    ev_hi = min(ev_hi, se)
    date = _date_for(
        doc.text, c, max(ev_hi, right_hi), doc.dates, doc.trigger_spans, doc.date_starts
    )
    if date is not None and c.end <= date.start and date.end <= max(right_hi, ev_hi):
        ev_hi = max(ev_hi, date.end)
    evidence = doc.text[ev_lo:ev_hi]
    stripped = evidence.strip(" \t\n,;:—–-\"“”'’«»()•")
    if _full_stop(stripped):  # the sentence's full stop, not "U.S."
        stripped = stripped[:-1]
    ev_lo += evidence.find(stripped)
    ev_hi = ev_lo + len(stripped)
    return ev_lo, ev_hi, date


def _full_stop(stripped: str) -> bool:
    """``bool(_RX_FULL_STOP.search(stripped))`` for a string that ends with no line break:
    a full stop after a lower case letter or a digit, told from its end."""
    return stripped[-1:] == "." and stripped[-2:-1] in _LOWER_OR_DIGIT and len(stripped) > 1


_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _next_event(doc: _Doc, lo: int, se: int) -> int:
    """Where a coordinated next event begins after ``lo`` ("... and pulled out of Y",
    "... y revocó los visados"), else the sentence end."""
    ts = doc.trigger_starts  # in order: the triggers that start in [lo, se)
    starts = ts[bisect_left(ts, lo) : bisect_left(ts, se)]
    low = doc.low
    # low is text.lower() letter for letter; lowering a slice differs from slicing the
    # lowered text only in a final sigma, which "visa" does not hold
    if (low.find("visa", lo, se) >= 0) if low is not None else ("visa" in doc.text[lo:se].lower()):
        starts += [m.start() for m in _VISA.finditer(doc.text, lo, se)]
        starts.sort()
    for pos in starts:
        link = _NEXT_VERB.search(doc.text, lo, pos)
        if link:  # "withdrew from X in 2019 and pulled out of Y": Y is the next verb's
            return link.start()
    return se


# actions whose event may take its mechanism from no keyword of the sentence ("It expires",
# "agreed to extend it", "signed a law ..."): _doomed leaves them to _events_of
_UNKEYED_ACTIONS = frozenset({"sign", "expire", "enter_into_force", "extend"})


def _doomed(doc: _Doc, c: _Cand) -> bool:
    """True when ``_events_of(doc, c)`` gives no event, told before its work: it gives
    one only with a mechanism, and the candidate's can only come from a keyword in a
    window inside its sentence (no hint, no action that goes without one, no object
    pronoun that sends it to the sentence before), and none is in the sentence."""
    scan = doc.lex.mech_any
    if (
        scan is None
        or doc.low is None
        or c.mechanism_hint is not None
        or c.action in _UNKEYED_ACTIONS
    ):
        return False
    if (
        c.voice == "active"
        and c.mech_window is None
        and c.action not in ("propose", "other")
        and (doc.lex.language != "en" or _OBJECT_PRONOUN_EN.match(doc.text, c.end))
    ):
        return False  # "Russia suspended it": the sentence before may name it
    found = doc.keyless.get(c.sent[0])  # _keyless's answer: the same search
    return scan.search(doc.low, *c.sent) is None if found is None else found


def _keyless(lex: _Lexicon, low: str | None, ss: int, se: int) -> bool:
    """True if no mechanism keyword matches in the sentence, even in part (see _mech_any)."""
    return lex.mech_any is not None and low is not None and lex.mech_any.search(low, ss, se) is None


def _doomed_trigger(lex: _Lexicon, text: str, m: re.Match[str]) -> bool:
    """True if an English verb trigger ``m`` in a sentence that _keyless tells has no
    keyword gives no candidate, or one that _doomed drops: its action is not one that goes
    without a keyword, and no object pronoun follows it."""
    found = _trigger_info(lex, m.group(0))
    return (
        found is None
        or found[0] is None
        or (found[0] not in _UNKEYED_ACTIONS and not _OBJECT_PRONOUN_EN.match(text, m.end()))
    )


def _events_of(doc: _Doc, c: _Cand) -> list[dict[str, Any]]:
    """The event(s) one trigger reports: mechanism, evidence, actor, treaty and date."""
    out: list[dict[str, Any]] = []
    ss, se = c.sent
    if c.voice == "active" and doc.lex.language == "en" and _NO_OBJECT.match(doc.text, c.end):
        return out  # "had suspended no part of the talks": nothing was
    if c.voice == "passive" and c.tense == "perfect":
        since = _SINCE_CLAUSE.match(doc.text, c.end, se)
        if since is not None:
            k = bisect_left(doc.trigger_starts, since.end())
            if (
                k < len(doc.trigger_starts)
                and doc.trigger_starts[k] < se
                and not _RX_PUNCT.search(doc.text, since.end(), doc.trigger_starts[k])
            ):
                # "have been frozen since Russia exempted its sites from them in August":
                # the state began with the event the clause reports, which is its own
                return out
    clause_lo = _clause_start(doc.text, ss, c.start)
    right_hi = _right_end(doc.text, c.end, se)
    clip = _next_event(doc, c.end, se)
    right_hi = min(right_hi, clip)
    left = (clause_lo, c.start)
    right = (c.end, right_hi)
    if c.mech_window is not None:
        windows = [(c.mech_window[0], min(c.mech_window[1], max(clip, c.mech_window[0] + 1)))]
    elif c.voice == "passive" or c.action in _INTRANSITIVE:
        windows = [left, (ss, c.start), right]
        coord = max(_COORDINATION.finditer(doc.text, clause_lo, c.start), default=None, key=_m_end)
        if c.voice == "passive" and coord is not None and _SUBJECT_NP.match(doc.text, coord.end()):
            # "..., y la sesión ... fue aplazada": the subject is after the last coordination
            windows.insert(0, (coord.end(), c.start))
        if c.voice == "passive" and _RX_COMMA_END.search(doc.text[max(ss, c.start - 4) : c.start]):
            # "the resumption of inspections, halted by Russia": the noun just before
            windows.insert(0, (max(clause_lo, c.start - 40), c.start))
    else:
        windows = [right, left]
        relative = _RELATIVE_HEAD.search(doc.text, ss, clause_lo)
        if relative and _WORD.search(doc.text, clause_lo, c.start):
            # "the inspections, which both sides paused": the object is the antecedent
            lo = max(_clause_start(doc.text, ss, relative.start()), relative.start() - 80)
            windows.insert(1, (lo, relative.start()))
    if c.action == "propose":
        # a proposal's mechanism is its object, never its subject ("postponed the meeting
        # and would propose new dates")
        if c.mech_window is None and c.voice == "active":
            windows = [right]
        # "made the offer last month, saying Russia would observe the limits" (but not
        # "..., while Washington insists on talks")
        contrast = _CONTRAST.search(doc.text, c.end, se)
        windows.append((c.end, contrast.start() if contrast else se))
    if c.action == "sign" and _LAW.match(doc.text[c.end : right_hi]):
        # "signed the law suspending the treaty": the law's content is the event
        inner = doc.lex.trigger_re.search(doc.text, c.end, right_hi)
        act = _action_of(doc.lex, inner.group(0)) if inner else None
        if inner is None or act is None:
            return []
        c.action = act
        c.mech_window = (inner.end(), right_hi)
        windows = [c.mech_window]
    if c.action == "other":
        # "hold meetings", "ruled out talks": the meeting must be the object; "the
        # session will be held", "the talks took place": the subject
        subject_side = c.voice == "passive" or c.action_form == "intransitive"
        near = (
            " ".join(_WORD.findall(doc.text[max(clause_lo, c.start - 80) : c.start])[-6:])
            if subject_side
            else " ".join(_WORD.findall(doc.text[c.end : c.end + 60])[:6])
        )
        wanted = ("meeting", "bcc") if subject_side else ("meeting",)  # "the commission met"
        purpose = None
        if not any(mech in wanted and rx.search(near) for rx, mech in doc.lex.mechanisms):
            # "diplomats met in Geneva on Thursday for a second round of their dialogue"
            purpose = _MET_FOR.match(doc.text, c.end, se) if subject_side else None
            if purpose is None:
                return []
        if purpose is not None:
            windows = [(c.end, purpose.end())]
        else:
            windows = [left, (ss, c.start)] if subject_side else [right]
    mechs: list[str] = []
    used = right
    for lo, hi in windows:
        mechs = _mechanisms(
            doc.lex,
            doc.text,
            lo,
            hi,
            doc.has_bcc,
            doc.dialogue_article,
            doc.mech,
            doc.dialogue_rounds,
        )
        if mechs:
            used = (lo, hi)
            break
    if c.mechanism_hint and (not mechs or c.action != "propose"):
        mechs = [c.mechanism_hint]
    if (
        c.action == "other"
        and (not mechs or (mechs == ["bcc"] and not _BCC_WORDS.search(doc.text, *used)))
        and "strategic_dialogue"
        in _mechanisms(doc.lex, doc.text, ss, c.start, False, index=doc.mech)
    ):
        mechs = ["strategic_dialogue"]  # "the dialogue ... had held two rounds": its sessions
    if (
        not mechs
        and c.action in _INTRANSITIVE
        and doc.default_treaty
        and _PRONOUN_SUBJECT.search(doc.text[clause_lo : c.start])
    ):
        mechs = ["treaty"]  # "It lapses at midnight": only a treaty expires
    if c.action == "enter_into_force":
        subject = _NOMINAL.search(doc.text, max(clause_lo, c.start - 60), c.start)
        if subject and _NOMINALS[subject.group("noun").lower()] not in ("enter_into_force",):
            c.action = _NOMINALS[subject.group("noun").lower()]  # "the withdrawal took effect"
            if not mechs and doc.default_treaty:
                mechs = ["treaty"]
    if (
        not mechs
        and c.action == "extend"
        and doc.default_treaty
        and (
            _RX_CLITIC_END.search(doc.text[c.start : c.end])
            or _RX_IT_THEM.match(doc.text[c.end : c.end + 8])
        )
    ):
        mechs = ["treaty"]  # "agreed to extend it", "acordaron prorrogarlo"
    if (
        not mechs
        and c.voice == "active"
        and c.mech_window is None
        and c.action not in ("propose", "other", "sign")
        and (
            _OBJECT_PRONOUN_EN.match(doc.text, c.end)
            if doc.lex.language == "en"
            else _CLITIC_BEFORE.search(doc.text, max(clause_lo, c.start - 8), c.start)
        )
    ):
        # "Russia suspended it in February", "Rusia lo suspendió": what the sentence before
        # names, else the article's treaty
        prev = _previous_sentence(doc, c)
        mechs = _mechanisms(doc.lex, doc.text, *prev, doc.has_bcc, index=doc.mech) if prev else []
        if not mechs and doc.default_treaty:
            mechs = ["treaty"]
    if c.action in ("expire", "enter_into_force", "sign") and mechs:
        mechs = ["treaty"]  # only treaties expire, enter into force or are signed
    if not mechs:
        return []

    ev_lo, ev_hi, date = _evidence_and_date(doc, c, clause_lo, right_hi, used)
    evidence = doc.text[ev_lo:ev_hi]

    actor = _actor_for(doc, c, clause_lo, right_hi)
    if c.action in ("expire", "enter_into_force") or (
        c.action in ("extend", "sign") and actor in (None, _BOTH)
    ):
        actor = _BOTH

    # treaty
    # the treaty the clause names ("revoked its ratification of the CTBT and left the CFE"),
    # else the sentence's, else the article's
    treaty = _treaty_of(doc, c.sent, used, (ev_lo, ev_hi))
    if treaty is None and any(m != "strategic_dialogue" for m in mechs):
        treaty = doc.default_treaty

    # date
    # a day said in the event's own sentence, or an announced (future) step, is its own
    # event, not a later mention of an older one
    said_day = (
        date is not None and c.date_source == "report" and date.precision == "day"
    ) or c.tense == "future"
    if (
        date is None
        and (c.tense in ("present", "perfect", "future", "propose") or c.para == doc.lede)
        and not _is_headline(doc.text, doc.paras[c.para], doc.title)  # asked only if needed
    ):
        date = _report_date(doc.text, c, doc.paras, doc.dates, doc.pub)
        c.date_source = "report" if date is not None else None
    until = next(
        (d for d in doc.untils if c.end <= d.start < max(right_hi, ev_hi) + 40 and d.end <= se),
        None,
    )

    action = c.action
    if action == "suspend" and _HAS_COVID(doc.text[ss:se]):
        action = "pause"
    if action == "withdraw" and mechs == ["inspections"]:
        action = "ban"  # "withdrew its facilities from inspections"
    if action == "pause" and actor is None:
        actor = _BOTH  # pauses (the pandemic) were mutual
    for mech in mechs:
        out.append(
            {
                "date": date.value if date else None,
                "date_precision": date.precision if date else "unknown",
                "date_text": date.text if date else None,
                "actor": actor,
                "mechanism": mech,
                "action": action,
                "treaty": None if mech == "strategic_dialogue" else treaty,
                "evidence": evidence,
                "start": ev_lo,
                "end": ev_hi,
                "until": until.value if until else None,
                "date_source": c.date_source if date else None,
                "_said_day": said_day,
            }
        )
    return out


def find_events(
    text: str,
    *,
    published: dt.date | None = None,
    language: str = "en",
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Events in one article's text, dates resolved against ``published``.

    Each event: date, date_precision, date_text, actor, mechanism, action, treaty,
    evidence, start, end (``text[start:end] == evidence``), until (the end date an
    extension runs to, when the clause gives one) and date_source ("text" when the
    event's own clause dates it, "report" when the date is that of the report: a
    "said on Monday that ..." day, the paragraph's or the publication's day; None when
    undated). The title only lends context.
    """
    if not text or not text.strip():
        return []
    lang = "es" if (language or "en").lower().startswith("es") else "en"
    lex = _lexicon(lang)
    pub = _normalise_published(published)
    low = _folded(lex, text)
    dates = _find_dates(text, pub, lang, low)
    paras = _paragraphs(text)
    title = title if isinstance(title, str) else None
    context = f"{title or ''}\n{text}"
    # the article speaks of the BCC ("the meeting" then means a BCC session); like the
    # dialogue below, looked for only if a candidate's mechanism needs it
    low_context = _low_context(lex, title, low)
    has_bcc = _LazyFlag(lambda: _context_has(context, low_context, "bcc"))
    treaty_counts = Counter(_treaty_named(lex, m.group(0)) for m in _TREATY_ANY.finditer(context))
    default_treaty = treaty_counts.most_common(1)[0][0] if treaty_counts else None
    lede = next((i for i, p in enumerate(paras) if not p.intro and p.has_words(15)), -1)

    index = _MechIndex(lex, text, low) if low is not None and lex.mech_low is not None else None
    # Where a proposal, a cessation, a law or a revoked visa may begin: every match of those
    # constructions in a sentence starts at a place where one of their heads matches
    # (gate_low), so a sentence with no such place, and where no trigger starts, yields no
    # candidate.
    gate: list[int] | None = None
    spans: list[tuple[int, int]] | None = None
    nouns: list[int] | None = None  # where a noun _dated_nominals looks for is (_NOMINAL_LOW)
    if low is not None and lex.trigger_gate is not None:
        spans, gate, nouns = _trigger_gate_places(lex.trigger_gate, low)
    elif low is not None and lex.gate_places is not None:
        gate = _head_places(lex.gate_places, low)
    triggers = _trigger_matches(lex, text, low, spans)
    starts = [m.start() for m in triggers]
    cands: list[_Cand] = []
    heads: list[int] | None = None
    known: dict[int, bool] = {}  # _keyless's answers, by sentence start
    # the paragraphs and sentences are in order: ti, gi are the first trigger start and
    # gate place not before the current one (bisect_left's answers, found by walking)
    nt, ng = len(starts), 0 if gate is None else len(gate)
    ti = gi = 0
    for pi, p in enumerate(paras):
        if gate is not None:
            while ti < nt and starts[ti] < p.start:
                ti += 1
            while gi < ng and gate[gi] < p.start:
                gi += 1
            if (ti == nt or starts[ti] >= p.end) and (gi == ng or gate[gi] >= p.end):
                continue  # the same test as below, for all the paragraph's sentences at once
        for ss, se in p.sentences:
            # only the triggers that start inside the sentence can lie inside it
            while ti < nt and starts[ti] < ss:
                ti += 1
            t_hi = ti
            while t_hi < nt and starts[t_hi] < se:
                t_hi += 1
            mine = triggers[ti:t_hi]
            if gate is not None:
                while gi < ng and gate[gi] < ss:
                    gi += 1
                g_hi = gi
                while g_hi < ng and gate[g_hi] < se:
                    g_hi += 1
                heads = gate[gi:g_hi]
                if not heads and mine and lang == "en":
                    known[ss] = kl = _keyless(lex, low, ss, se)
                    if kl:
                        # only the triggers give candidates, and none overlaps another, so
                        # one that _doomed will drop changes nothing: not analysed
                        mine = [m for m in mine if not _doomed_trigger(lex, text, m)]
                if not mine and not heads:
                    continue
            cands.extend(
                _analyse_sentence(
                    lex,
                    lang,
                    text,
                    ss,
                    se,
                    pi,
                    mine,
                    heads is None or bool(heads),
                    index,
                    low,
                    heads,
                    True,
                    known,
                )
            )
    cands = _dedup_spans(cands)

    doc = _Doc(
        text,
        lex,
        dates,
        paras,
        pub,
        title,
        has_bcc,
        default_treaty,
        lede,
        tuple([m.span() for m in triggers]),
        index,
        _LazyFlag(lambda: not has_bcc and _context_has(context, low_context, "dialogue")),
        starts,
        low,
        [d for d in dates if d.role == "until"],
        known,
        [d.start for d in dates],
        _LazyFlag(lambda: _context_has(context, low_context, "dialogue")),
    )
    events = [ev for c in cands if not _doomed(doc, c) for ev in _events_of(doc, c)]
    events.extend(_dated_nominals(lex, text, dates, paras, default_treaty, low, index, nouns))
    events.extend(_back_references(lex, text, dates, paras, events, default_treaty, low))
    merged = _merge(events)
    for ev in merged:
        ev.pop("_said_day", None)
        ev.pop("_backref", None)
    return merged


def _low_context(lex: _Lexicon, title: str | None, low: str | None) -> str | None:
    """``f"{title or ''}\\n{text}"`` folded (see _folded) when the title and the text are
    and the lexicon's folder knows every letter _context_has looks for; else None."""
    if low is None or not lex.folder.alphabet >= _CONTEXT_LETTERS:
        return None
    if not title:
        return "\n" + low
    folded = lex.folder.fold(title)
    return None if folded is None else folded + "\n" + low


def _context_has(context: str, low_context: str | None, what: str) -> bool:
    """``_BCC_SCAN.search(context)`` ("bcc") or ``_DIALOGUE_SCAN.search(context)``
    ("dialogue") found something, told from the folded context when there is one."""
    if low_context is None:
        scan = _BCC_SCAN if what == "bcc" else _DIALOGUE_SCAN
        return scan.search(context) is not None
    if what == "bcc":
        return _has_any(low_context, _BCC_LOW) or (
            ("bcc" in low_context or "ccb" in low_context)
            and _BCC_ACRONYMS_LOW.search(low_context) is not None
        )
    return _has_any(low_context, _DIALOGUE_LOW)


# every letter of _BCC_LOW, _DIALOGUE_LOW and the acronyms
_CONTEXT_LETTERS = frozenset("".join(_BCC_LOW + _DIALOGUE_LOW) + "bc") - {" "}


def _ends_with_stop(line: str) -> bool:
    """``bool(_RX_LINE_END.search(line))`` for a line without a line break: it ends with a
    stop, closing quotes or brackets after it, told from its end."""
    tail = line.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in ".!?…"


_CLOSERS = '"”’»)'  # what _RX_LINE_END lets follow the stop


def _is_headline(text: str, para: _Para, title: str | None) -> bool:
    """A title-like line ("Russia suspends New START treaty"): its present tense says
    nothing about the day, so it gets no date of its own."""
    known = para.headline  # worked out already for this paragraph of this article
    if known is not None and known[0] is title:
        return known[1]
    line = text[para.start : para.end].strip()
    heading = title.strip() if title else ""
    # casefold() makes each character one to three: lengths further apart never match
    if (
        heading
        and len(line) <= 3 * len(heading)
        and len(heading) <= 3 * len(line)
        and (line.casefold() == heading.casefold())
    ):
        found = True
    else:
        found = not _ends_with_stop(line) and not para.has_words(20)
    para.headline = (title, found)
    return found


def _report_date(
    text: str, c: _Cand, paras: list[_Para], dates: list[DateMention], pub: dt.date | None
) -> DateMention | None:
    """The date of the report a statement belongs to (earlier in its paragraph, the
    lead-in of its list, a nearby paragraph's day), else the publication day."""
    p = paras[c.para]
    usable = [d for d in dates if d.value is not None and d.role not in ("until", "end")]
    # an earlier date of the paragraph dates the report only if it reads like one (a day,
    # or beside a reporting verb), not "the treaty expires in 2021. Russia has offered ..."
    same = [
        d
        for d in usable
        if p.start <= d.start < c.sent[0]
        and (
            d.precision == "day"
            or _HAS_REPORTING(text, max(0, d.start - 50), min(len(text), d.end + 50))
        )
    ]
    if same:
        return same[-1]
    if p.bullet:
        for q in reversed(paras[: c.para]):
            if q.bullet:
                continue
            if q.intro:
                intro = [d for d in usable if q.start <= d.start < q.end]
                if intro:
                    return intro[-1]
            break
    for q in reversed(paras[max(0, c.para - 3) : c.para]):
        day = [
            d
            for d in usable
            if q.start <= d.start < q.end
            and d.precision == "day"
            and (d.start - q.start < 40 or _HAS_REPORTING(text[max(0, d.start - 50) : d.end + 50]))
        ]
        if day:
            return day[-1]
    if pub is not None:
        return DateMention("", c.start, c.start, pub.isoformat(), "day")
    return None


_NOMINALS: dict[str, str] = {
    "expiry": "expire", "expiration": "expire", "expiración": "expire", "vencimiento": "expire",
    "caducidad": "expire", "suspension": "suspend", "suspensión": "suspend",
    "withdrawal": "withdraw", "exit": "withdraw", "retirada": "withdraw", "salida": "withdraw",
    "extension": "extend", "prolongation": "extend", "prórroga": "extend", "extensión": "extend",
    "postponement": "postpone", "aplazamiento": "postpone", "resumption": "resume",
    "reanudación": "resume", "signing": "sign", "firma": "sign", "exemption": "ban",
    "entry into force": "enter_into_force", "entrada en vigor": "enter_into_force",
}  # fmt: skip
_NOMINAL = re.compile(
    r"(?<![\w-])(?P<noun>" + "|".join(sorted(_NOMINALS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)
# _NOMINAL for a whole text: the whole match is the noun
_NOMINAL_SCAN = _skippable(
    [re.escape(n) for n in sorted(_NOMINALS, key=len, reverse=True)], r"[\w-]", r"(?![\w-])"
)
_NOMINAL_BLOCK = re.compile(
    r"(?<![\w-])(?:prior to|ahead of|in the run-up to|possible|potential|proposed|planned|future|"
    r"likely|any|no|without|new|another|further|next|call(?:ed|s)? for|demand(?:ed|s)? for|"
    r"request(?:ed)? for|seek(?:s|ing)?|one[- ]year|posible|discuss(?:ed|es|ing)?|"
    r"talk(?:s|ed)? about|consider(?:s|ed|ing)?|prospects? (?:of|for)|hopes? for|plans? for|"
    r"need for|possibility of|chances? of|discutir|discutieron|posibilidad de|"
    r"eventual|nueva|nuevo|otra|otro)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)

# _NOMINAL_SCAN for a _folded text (the nouns are lower case, plain letters and blanks)
_NOMINAL_LOW = _first_letter_scan([re.escape(n) for n in sorted(_NOMINALS, key=len, reverse=True)])


_NOMINAL_LONGEST = max(map(len, _NOMINALS))
# _NOMINAL_LOW's spans found from the character before each noun (see _GuardedScan)
_NOMINAL_GUARDED = _GuardedScan(_NOMINAL_LOW) if _NOMINAL_LOW is not None else None


def _nominal_low_spans(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``[m.span() for m in _NOMINAL_LOW.finditer(low, lo, hi)]``, found quicker."""
    assert _NOMINAL_LOW is not None and _NOMINAL_GUARDED is not None
    found = _NOMINAL_GUARDED.spans(low, lo, hi)
    return [m.span() for m in _NOMINAL_LOW.finditer(low, lo, hi)] if found is None else found


_BLANKS = re.compile(r"\s*")


def _nominal_matches(
    text: str,
    low: str | None,
    dates: list[DateMention] | None = None,
    nouns: list[int] | None = None,
) -> list[re.Match[str]]:
    """``_NOMINAL_SCAN.finditer(text)``, from a quicker scan of ``low`` (see _folded) when
    given: the same spans, each matched again on ``text`` to hand back its own match.

    With ``dates``, only the nouns that _dated_nominals can date: those that end at most
    80 characters before a usable date, or begin right after one (blanks between).
    ``nouns``: see _nominal_matches_near."""
    if low is not None and _NOMINAL_LOW is not None and dates is not None:
        return _nominal_matches_near(text, low, dates, nouns)
    if low is not None and _NOMINAL_LOW is not None:
        out: list[re.Match[str]] = []
        for f in _NOMINAL_LOW.finditer(low):
            m = _NOMINAL_SCAN.match(text, f.start())
            if m is None or m.span() != f.span():
                break
            out.append(m)
        else:
            return out
    return list(_NOMINAL_SCAN.finditer(text))


def _nominal_matches_near(
    text: str, low: str, dates: list[DateMention], nouns: list[int] | None = None
) -> list[re.Match[str]]:
    """See _nominal_matches. A noun is a whole word (or "entry into force"): whether one
    matches somewhere depends only on the text around it, no noun hides another, so the
    scans of the windows where such nouns can lie, matched again on ``text``, find what
    the whole scan finds there.

    ``nouns``, every place where _NOMINAL_LOW matches ``low`` (if known): a window without
    one is not scanned. Its scan could only find a noun the window's end cuts, which
    _NOMINAL_SCAN does not match on ``text`` (where it does, _NOMINAL_LOW matches too)."""
    assert _NOMINAL_LOW is not None
    if nouns is not None and not nouns:
        return []
    windows: list[tuple[int, int]] = []
    for d in dates:
        if not d.value or d.role in ("until", "end"):
            continue  # no noun takes it (see _dated_nominals)
        windows.append((max(0, d.start - 80 - _NOMINAL_LONGEST), d.start))
        after = _BLANKS.match(text, d.end)
        assert after is not None
        windows.append((d.end, min(len(text), after.end() + _NOMINAL_LONGEST)))
    windows.sort()
    out: list[re.Match[str]] = []
    lo = hi = -1
    for a, b in [*windows, (len(text) + 1, len(text) + 1)]:
        if a <= hi:
            hi = max(hi, b)
            continue
        if hi > lo and (nouns is None or bisect_left(nouns, lo) < bisect_left(nouns, hi)):
            for start, _ in _nominal_low_spans(low, lo, hi):
                m = _NOMINAL_SCAN.match(text, start)
                if m is not None:  # None: a longer word the window cut ("exit|s")
                    out.append(m)
        lo, hi = a, b
    return out


def _dated_nominals(
    lex: _Lexicon,
    text: str,
    dates: list[DateMention],
    paras: list[_Para],
    default_treaty: str | None,
    low: str | None = None,
    index: _MechIndex | None = None,
    nouns: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Dated noun phrases: "its expiry on 5 February", "Russia's suspension of the treaty in
    February 2023", "tras su expiración el 5 de febrero". ``nouns``: every place in ``low``
    where _NOMINAL_LOW matches, if known."""
    out: list[dict[str, Any]] = []
    sents: list[tuple[int, int]] = []
    sent_starts: list[int] = []
    for m in _nominal_matches(text, low, dates, nouns):
        action = _NOMINALS[m.group(0).lower()]
        if not sents:
            sents = [s for p in paras for s in p.sentences]
            sent_starts = [ss for ss, _ in sents]
        # the sentence holding the noun (sentences are in order and do not overlap)
        i = bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.start() >= sents[i][1]:
            continue
        ss, se = sents[i]
        d = next(
            (
                d
                for d in dates
                if m.end() <= d.start <= min(se, m.end() + 80)
                and d.value
                and d.role not in ("until", "end")
                and not _RX_BREAK.search(_BRIDGE.sub(" ", text[m.end() : d.start]))
                and len(_WORD.findall(text[m.end() : d.start])) <= 12
            ),
            None,
        )
        if d is None:
            # "the Feb. 21 suspension of the treaty": a date right before the noun
            d = next(
                (
                    d
                    for d in dates
                    if ss <= d.start
                    and d.end <= m.start()
                    and d.value
                    and d.role not in ("until", "end")
                    and not text[d.end : m.start()].strip()
                ),
                None,
            )
        if d is None:
            continue
        # the noun's object: up to its date, or (a date before the noun) to the clause's end
        obj_hi = d.start if d.start >= m.end() else _right_end(text, m.end(), se, 80)
        before = text[max(ss, m.start() - 60) : m.start()]
        if _HAS_CONDITIONAL(before) or _NOMINAL_BLOCK.search(before):
            continue
        if action in ("expire", "enter_into_force", "sign"):
            mechs = ["treaty"]
            if not _mechanisms(lex, text, ss, se, False, index=index) and default_treaty is None:
                continue
        else:
            mechs = _mechanisms(lex, text, m.end(), obj_hi, False, index=index)
            if not mechs and action == "extend" and default_treaty and _HAS_POSSESSIVE(before):
                mechs = ["treaty"]  # "Its extension in 2021": only a treaty is extended
            if not mechs:
                continue
        near = _actor_span(lex, before)
        actor = near[0] if near and len(_WORD.findall(before[near[1] :])) <= 1 else None
        agent = _NOMINAL_AGENT.search(text, m.end(), obj_hi)
        if actor is None and agent:
            # "the suspension of the treaty by Moscow", "la retirada de Rusia del tratado"
            actor = _actor_in(lex, agent.group(1), last=False)
        if action in ("expire", "enter_into_force", "sign", "extend"):
            actor = _BOTH if actor in (None, _BOTH) or action == "expire" else actor
        lo = max(ss, min(d.start, m.start() - 40))
        lo = text.find(" ", lo, m.start()) + 1 if lo > ss else ss
        hi = max(d.end, obj_hi)
        for mech in mechs:
            out.append(
                {
                    "date": d.value,
                    "date_precision": d.precision,
                    "date_text": d.text,
                    "actor": actor,
                    "mechanism": mech,
                    "action": action,
                    "treaty": None
                    if mech == "strategic_dialogue"
                    else (_treaty_in(lex, text[ss:se]) or default_treaty),
                    "evidence": text[lo:hi],
                    "start": lo,
                    "end": hi,
                    "until": None,
                    "date_source": "text",
                }
            )
    return out


# "signed the law a week later", "announced the U.S. suspension on Friday", "la Duma aprobó
# la prórroga al día siguiente", "respondió con la misma medida": a dated act on an event
# named earlier in the article (the noun says the action, or the last event found does)
_BACKREF_TAIL = (
    r")\s+(?:(?:on|last|este|esta|el)\s+\w+\s+)??"
    r"(?P<det>the|that|this|its|his|their|la|el|esa|ese|esta|este|su|dicha|dicho)\s+"
    r"(?:(?:U\.S\.|US|American|Russian|Russia's|misma|mismo|same|whole)\s+)?"
    r"(?P<noun>suspension|withdrawal|exit|extension|postponement|revocation|move|step|"
    r"decision|measure|law|bill|decree|legislation|suspensión|retirada|salida|prórroga|"
    r"aplazamiento|medida|decisión|ley|proyecto|decreto)(?![\w-])"
)
_BACKREF = {  # by language: the article's own verbs only
    "en": re.compile(
        r"(?<![\w-])(?P<verb>announced|signed|approved|passed|endorsed|backed|completed|"
        r"responded\s+with|answered\s+with" + _BACKREF_TAIL,
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<![\w-])(?P<verb>anunció|firmó|aprobó|aprobaron|respaldó|promulgó|culminó|"
        r"completó|respondió\s+con|respondieron\s+con|anunciado|firmado|aprobado|"
        r"respaldado|promulgado" + _BACKREF_TAIL,
        re.IGNORECASE,
    ),
}
# every match of _BACKREF starts with one of these (lower case, as _folded gives them)
_BACKREF_HEADS = (
    "announced", "signed", "approved", "passed", "endorsed", "backed", "completed",
    "responded", "answered", "anunci", "firm", "aprob", "respald", "promulg", "culmin",
    "complet", "respondi",
)  # fmt: skip


# every _BACKREF match, in the folded text, is its verb's ending (English "-ed", Spanish
# "-ó", "-ado", "-ron"), at most two words, a determiner, at most one word and the noun;
# each scan starts with a literal, so it is quick
_BACKREF_NOUNS_LOW = (
    "suspension|withdrawal|exit|extension|postponement|revocation|move|step|decision|measure|"
    "law|bill|decree|legislation|suspensión|retirada|salida|prórroga|aplazamiento|medida|"
    "decisión|ley|proyecto|decreto"
)
_BACKREF_GATES = tuple(
    re.compile(
        ending
        + "(?:"
        + "|".join(f"(?<={v})" for v in verbs.split())
        + r")\s+(?:\S+\s+){0,2}?(?:"
        + words
        + r")\s+(?:\S+\s+)?(?:"
        + _BACKREF_NOUNS_LOW
        + r")(?![\w-])"
    )
    for ending, verbs, words in (
        (
            "ed",
            "announced signed approved passed endorsed backed completed responded answered",
            "the|that|this|its|his|their",
        ),
        (
            "ó",
            "anunció firmó aprobó respaldó promulgó culminó completó respondió",
            "la|el|esa|ese|esta|este|su|dicha|dicho",
        ),
        (
            "ado",
            "anunciado firmado aprobado respaldado promulgado",
            "la|el|esa|ese|esta|este|su|dicha|dicho",
        ),
        ("ron", "aprobaron respondieron", "la|el|esa|ese|esta|este|su|dicha|dicho"),
    )
)
_BACKREF_GATES = {
    "en": _BACKREF_GATES[:1],
    "es": _BACKREF_GATES[1:],
}  # by language, as _BACKREF
_BACKREF_HEAD_LOW = re.compile(_grouped([re.escape(h) for h in _BACKREF_HEADS]))
_BACKREF_LONGEST = 12  # the longest verb ("respondieron")


def _backref_matches(text: str, low: str | None, lang: str) -> list[re.Match[str]]:
    """``list(_BACKREF[lang].finditer(text))``, tried only where a gate finds a verb's ending
    when the folded text is known."""
    backref = _BACKREF[lang]
    if low is None:
        return list(backref.finditer(text))
    places = set()
    for gate in _BACKREF_GATES[lang]:
        for g in gate.finditer(low):
            # back to the start of the word that ends here
            w = g.start()
            lo = max(0, w - _BACKREF_LONGEST)
            while w > lo and low[w - 1].isalpha():
                w -= 1
            if _BACKREF_HEAD_LOW.match(low, w):
                places.add(w)
    out: list[re.Match[str]] = []
    end = 0
    for i in sorted(places):
        if i >= end:
            m = backref.match(text, i)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


_BACKREF_NOUN = {
    "suspension": "suspend", "suspensión": "suspend", "withdrawal": "withdraw",
    "exit": "withdraw", "retirada": "withdraw", "salida": "withdraw", "revocation": "withdraw",
    "extension": "extend", "prórroga": "extend", "postponement": "postpone",
    "aplazamiento": "postpone",
}  # fmt: skip
_BACKREF_ACTIONS = {"suspend", "withdraw", "extend", "postpone", "ban", "pause", "resume"}
_BACKREF_OBJECT = re.compile(r"\s+(?:of|from|del?)\s", re.IGNORECASE)
_BACKREF_NEG = re.compile(r"\b(?:not|never|no|nunca|n't)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _back_references(
    lex: _Lexicon,
    text: str,
    dates: list[DateMention],
    paras: list[_Para],
    events: list[dict[str, Any]],
    default_treaty: str | None,
    low: str | None = None,
) -> list[dict[str, Any]]:
    """Dated acts on an event named before: its action from the noun ("the suspension") or
    from the last event found before ("the law", "the move"), its mechanism and treaty from
    that event, its date from its own sentence. ``low``: the _folded text, if known."""
    out: list[dict[str, Any]] = []
    matches = _backref_matches(text, low, lex.language)
    if not matches:
        return out
    usable = [d for d in dates if d.value and d.role not in ("until", "end")]
    sents = [s for p in paras for s in p.sentences]
    sent_starts = [ss for ss, _ in sents]
    found: list[tuple[tuple[int, int], re.Match[str]]] = []
    for m in matches:
        i = bisect_right(sent_starts, m.start()) - 1
        if i >= 0 and m.start() < sents[i][1]:
            found.append((sents[i], m))
    for (ss, se), m in found:
        i = sents.index((ss, se))
        if _BACKREF_NEG.search(text, max(ss, m.start() - 20), m.start()):
            continue
        noun = m.group("noun").lower()
        action = _BACKREF_NOUN.get(noun)
        if action is None and lex.trigger_re.search(text, m.end(), min(se, m.end() + 40)):
            continue  # "signed the law suspending the treaty", "la ley que revoca": its own rule
        if action is not None and _BACKREF_OBJECT.match(text, m.end(), se):
            # "culminó su retirada del Tratado ...": the object names the mechanism
            hi = _right_end(text, m.end(), se)
            mechs = _mechanisms(lex, text, m.end(), hi, False)
            treaty = _treaty_in(lex, text[m.end() : hi])
            if not mechs and treaty is None:
                continue
            mech = mechs[0] if mechs else "treaty"
            ante = {"date": None, "actor": None, "mechanism": mech, "action": action, "end": 0}
            ante["treaty"] = None if mech == "strategic_dialogue" else treaty
            prior = [ante]
        else:
            prior = []
        prior = prior or [
            e
            for e in events
            if e["end"] <= m.start()
            and (e["action"] == action if action else e["action"] in _BACKREF_ACTIONS)
        ]
        if prior:
            ante = max(prior, key=lambda e: e["end"])
        elif action is not None and default_treaty is not None:
            # "Pompeo announced the U.S. suspension on Friday": the article's treaty
            ante = {"date": None, "actor": None, "mechanism": "treaty", "action": action}
            ante["treaty"] = _treaty_in(lex, text[ss:se]) or default_treaty
        else:
            # "La suspensión de ... ya está en vigor. Putin firmó el martes la ley
            # correspondiente": an undated noun just before names the law's content
            lo = sents[i - 1][0] if i > 0 else ss
            nom = [
                n
                for n in _NOMINAL.finditer(text, lo, m.start())
                if _NOMINALS[n.group("noun").lower()] in _BACKREF_ACTIONS
            ]
            if not nom:
                continue
            n = nom[-1]
            n_hi = next((b for a, b in sents if a <= n.start() < b), se)
            mechs = _mechanisms(lex, text, n.end(), n_hi, False)
            treaty = _treaty_in(lex, text[n.start() : n_hi]) or default_treaty
            if not mechs and treaty is None:
                continue
            ante = {
                "date": None,
                "actor": _actor_in(lex, text[n.start() : n_hi]),
                "mechanism": mechs[0] if mechs else "treaty",
                "action": _NOMINALS[n.group("noun").lower()],
                "treaty": treaty,
            }
        near = [d for d in usable if ss <= d.start < se]
        if not near:
            continue
        # the nearest date: one inside the match ("firmó este martes la ley") first
        d = min(
            near,
            key=lambda d: (
                0
                if m.start() <= d.start < m.end()
                else min(abs(d.start - m.end()), abs(d.end - m.start()))
            ),
        )
        before = text[ss : m.start()]
        actor = _actor_in(lex, before) or ante["actor"]
        lo, hi = min(m.start(), d.start), max(m.end(), d.end)
        out.append(
            {
                "date": d.value,
                "date_precision": d.precision,
                "date_text": d.text,
                "actor": actor,
                "mechanism": ante["mechanism"],
                "action": ante["action"],
                "treaty": ante["treaty"],
                "evidence": text[lo:hi],
                "start": lo,
                "end": hi,
                "until": None,
                "date_source": "text",
                "_backref": True,  # its own act: merged only with an event of its own date
            }
        )
    return out


def _same_time(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Dates that can name one event: equal at the coarser precision, one missing, or one
    only the day of a report that came (within a year) after the other's stated date."""
    if _compatible(a["date"], b["date"]):
        return True
    sources = {a.get("date_source"), b.get("date_source")}
    if sources != {"report", "text"}:
        return False
    report, stated = (a, b) if a.get("date_source") == "report" else (b, a)
    rb, sb = period_bounds(report["date"]), period_bounds(stated["date"])
    if not (rb and sb):
        return False
    if report.get("_said_day") and (rb[0] - sb[1]).days > 31:
        # "has withdrawn, the ministry said on Tuesday" is not the decree of months before;
        # "will not provide telemetry" (announced today) is not March's refusal
        return False
    return sb[0] <= rb[1] and (rb[0] - sb[1]).days <= 366


def _merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per (mechanism, action, compatible date and actor), first mention kept."""
    events = sorted(events, key=lambda e: e["start"])
    kept: list[dict[str, Any]] = []
    for ev in events:
        twin = next(
            (
                k
                for k in kept
                if k["mechanism"] == ev["mechanism"]
                and k["action"] == ev["action"]
                and (
                    _compatible(k["date"], ev["date"])
                    if "_backref" in k or "_backref" in ev
                    else _same_time(k, ev)
                )
                and _actor_compatible(k["actor"], ev["actor"])
                and (not k["treaty"] or not ev["treaty"] or k["treaty"] == ev["treaty"])
            ),
            None,
        )
        if twin is None:
            kept.append(dict(ev))
            continue
        better = ev["date"] and (
            not twin["date"]
            or (twin.get("date_source") == "report" and ev.get("date_source") == "text")
            or (
                ev.get("date_source") == twin.get("date_source")
                and len(ev["date"]) > len(twin["date"])
            )
        )
        if better:
            for key in ("date", "date_precision", "date_text", "date_source"):
                twin[key] = ev[key]
        for key in ("actor", "treaty", "until"):
            if not twin.get(key) and ev.get(key):
                twin[key] = ev[key]
    return kept


def extract_events(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per event for every article of an articles frame (frames.EVENT_COLUMNS)."""
    from analysis.pipeline import extract

    return extract(articles, statements=False)[1]
