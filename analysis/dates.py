"""Dates in news text, resolved against the article's publication date.

News is written relative to the day it appears: "on Monday" is the Monday of that
week, "in August" the latest August, "last November 29" the latest 29 November
before the article, unless the sentence speaks of the future ("will hold meetings
... from Nov. 29"). The resolver follows HeidelTime's news mode: relative
expressions are anchored to the publication date and stay unresolved
(precision ``unknown``) when that date is not known. No date is invented.

Standard library only: the grammar of dates in news is small, and a general parser
misreads the relative forms that matter here (see ``docs/environment.md``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["DateMention", "find_dates", "resolve_date", "period_bounds"]


@dataclass(frozen=True)
class DateMention:
    """One date expression in a text: where it is and what it resolves to."""

    text: str
    start: int
    end: int
    value: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    precision: str  # day | month | year | unknown
    #: point | until (end of a period: "until X") | since ("since X") | end (a range's end)
    role: str = "point"


#: A day named without a year in a future-tense sentence ("will meet on Nov. 29") is taken
#: to lie ahead only within this many days of publication; further off, the past one.
FUTURE_HORIZON_DAYS: int = 183

# --------------------------------------------------------------------------- vocabulary

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_ES_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
_EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_ES_WEEKDAYS = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "un": 1,
    "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10,
}  # fmt: skip

# English month names are capitalised in news; matching them case-sensitively keeps
# the modal "may" and the verb "march" out.
_EN_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_EN_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ES_MON = (
    r"(?P<mon>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)"
)
_ES_WD = r"(?P<wd>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
# "after"/"before" alone, or with an object named as known: "a day after," "a day after the
# vote" (not "a day after a meeting": which one, when?)
_OBJECT_OK = r"(?:after|before)(?=\s*(?:[,.;:)!?]|\Z)|\s+(?:that|the|its|his|her|their|this)\b)"
# "November 29 last year", "29 November of the previous year"
_EN_YREL = r"|\s+(?:of\s+)?(?i:(?P<yrel>last|this|next|the previous|the following))\s+year\b"
# "el 29 de noviembre del año pasado", "marzo de este año"
_ES_YREL = (
    r"|\s+(?:del|de este)\s+(?P<yrel>año pasado|pasado año|año anterior|año próximo|"
    r"próximo año|año que viene|año)(?![\w-])"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|,\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"

_I = re.IGNORECASE

# (compiled pattern, kind). Each kind has a resolver below.
_EN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), "iso"),
    (
        re.compile(
            r"\b(?:(?i:(?P<mod>last|this|next|past|coming))\s+)?(?:"
            + _EN_WD
            + r",?\s+)?"
            + _EN_MON
            + r"\s+"
            + _DAY
            + r"(?:,?\s+"
            + _YEAR
            + _EN_YREL
            + r")?"
        ),
        "md",
    ),
    (
        re.compile(
            r"\b(?:"
            + _EN_WD
            + r",?\s+)?(?:the\s+)?"
            + _DAY
            + r"(?:\s+of)?\s+"
            + _EN_MON
            + r"(?:,?\s+"
            + _YEAR
            + _EN_YREL
            + r")?"
        ),
        "md",
    ),
    (
        re.compile(
            r"\b(?:(?i:(?P<mod>last|this|next|past|coming|early|late|mid|earlier|later|in|since|"
            r"until|by|during|from|through|of))[\s-]+)?"
            + _EN_MON
            + r"(?:,?\s+"
            + _YEAR
            + _EN_YREL
            + r")?"
        ),
        "month",
    ),
    (
        re.compile(
            r"\b(?i:(?P<mod>in|since|by|until|till|through|from|to|of|during|before|after|early|"
            r"late|mid|end of|start of|beginning of|the end of|(?:spring|summer|autumn|fall|"
            r"winter)(?: of)?))[\s-]+" + _YEAR
        ),
        "year",
    ),
    (
        re.compile(
            r"\b(?:(?i:(?P<mod>last|this|next|past|coming|earlier on|later on|on|earlier|late|"
            r"early))\s+)?" + _EN_WD + r"(?:\s+(?i:(?P<part>morning|afternoon|evening|night)))?"
        ),
        "weekday",
    ),
    (
        re.compile(
            r"\b(?P<rel>the day before yesterday|the day after tomorrow|yesterday|today|tonight|"
            r"tomorrow|this morning|this afternoon|this evening|the day before|the previous day|"
            r"the day after|the next day|the following day|the eve(?= of\b))\b",
            _I,
        ),
        "relday",
    ),
    (
        re.compile(
            r"\b(?P<mod>earlier this|later this|this|last|next|past|previous|coming|the past|"
            r"the previous|the coming|the next|the following|the last)\s+(?P<unit>week|month|"
            r"year)\b",
            _I,
        ),
        "relunit",
    ),
    (
        # counted from the date just named: "a week later", "two days earlier"
        re.compile(
            r"\b(?P<num>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>(?:later|earlier|afterwards)\b|"
            + _OBJECT_OK
            + ")",
            _I,
        ),
        "counted",
    ),
    (
        # part of a period named by "the": "at the end of the month", "by the end of the year"
        re.compile(
            r"\b(?P<pos>end|beginning|start|middle|turn)\s+of\s+(?P<art>the|this)\s+"
            r"(?P<unit>week|month|year)\b",
            _I,
        ),
        "part",
    ),
    (
        re.compile(
            r"\b(?P<num>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
            _I,
        ),
        "ago",
    ),
]

_ES_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), "iso"),
    (
        # wire datelines: "Moscú, 29 nov (Prensa Latina)", "MADRID, 5 Feb. (EUROPA PRESS)"
        re.compile(
            _DAY + r"\s+(?P<mon>ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.?"
            r"(?=\s*(?:\(|/|\.-|-))",
            _I,
        ),
        "md",
    ),
    (
        re.compile(
            r"\b(?:el\s+)?(?:(?P<mod>pasado|próximo|proximo)\s+)?(?:"
            + _ES_WD
            + r",?\s+)?"
            + _DAY
            + r"\s+de\s+"
            + _ES_MON
            + r"(?:\s+(?:de|del)\s+"
            + _YEAR
            + _ES_YREL
            + r")?"
            + r"(?:\s+(?P<mod2>pasado|próximo|proximo|que viene))?",
            _I,
        ),
        "md",
    ),
    (
        re.compile(
            r"\b(?:(?P<mod>en|desde|hasta|durante|a (?:fines|finales|principios|mediados) de|"
            r"(?:el|este|del) (?:pasado|próximo|proximo)(?: mes de)?|el mes de|este mes de|"
            r"antes de|después de|despues de)\s+)?"
            + _ES_MON
            + r"(?:\s+(?:de|del)\s+"
            + _YEAR
            + _ES_YREL
            + r")?(?:\s+(?P<mod2>pasado|próximo|proximo|"
            r"que viene))?",
            _I,
        ),
        "month",
    ),
    (
        re.compile(
            r"\b(?P<mod>en|desde|hasta|de|del|durante|antes de|después de|despues de|a "
            r"(?:fines|finales|principios|mediados) de|(?:primavera|verano|otoño|invierno)"
            r"(?: de)?)\s+(?:el\s+año\s+)?" + _YEAR,
            _I,
        ),
        "year",
    ),
    (
        re.compile(
            r"\b(?:(?P<art>el|este)\s+)?(?:(?P<mod>pasado|próximo|proximo)\s+)?"
            + _ES_WD
            + r"(?:\s+(?P<mod2>pasado|próximo|proximo|que viene))?",
            _I,
        ),
        "weekday",
    ),
    (
        re.compile(
            r"\b(?P<rel>anteayer|antier|ayer|hoy|esta mañana|esta tarde|esta noche|"
            r"pasado mañana|mañana|el día anterior|la víspera|el día siguiente|"
            r"al día siguiente)\b",
            _I,
        ),
        "relday",
    ),
    (
        re.compile(
            r"\b(?:(?P<art>el|la|este|esta)\s+)?(?:(?P<pre>pasado|pasada|próximo|próxima|"
            r"proximo|proxima)\s+)?(?P<unit>año|mes|semana)(?:\s+(?P<post>pasado|pasada|próximo|"
            r"próxima|proximo|proxima|que viene|en curso|siguiente|anterior))?\b",
            _I,
        ),
        "relunit",
    ),
    (
        # counted from the date just named: "una semana después", "cinco días antes"
        re.compile(
            r"\b(?P<num>\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+"
            r"(?P<unit>días|dias|día|dia|semanas?|mes|meses|años?)\s+(?P<dir>después|despues|"
            r"antes|más tarde|mas tarde)\b",
            _I,
        ),
        "counted",
    ),
    (
        # part of the current period: "a finales de mes", "a principios del año"
        re.compile(
            r"\ba\s+(?P<pos>fines|finales|fin|principios|mediados|comienzos)\s+(?:de|del)\s+"
            r"(?:(?P<art>este|esta)\s+)?(?P<unit>mes|año|semana)\b(?!\s+(?:pasad|próxim|"
            r"proxim|que\s|anterior|siguiente|en curso|de\s|del\s|\d))",
            _I,
        ),
        "part",
    ),
    (
        re.compile(
            r"\bhace\s+(?P<num>\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"
            r"\s+(?P<unit>días|dias|día|dia|semanas?|mes|meses|años?)\b",
            _I,
        ),
        "ago",
    ),
]

# Words near a date that say the sentence speaks of the future.
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|is to|are to|to be held|scheduled|set to|is due|are due|"
    r"poised to|slated to|slated for|lapses|"
    r"is also due|are also due|is still due|are still due|"
    r"'s due|due on|expires|ends|runs out|vence|expira|planned|plans? to|upcoming|expected|"
    r"takes effect|comes into force|enters into force|entra en vigor|se hace efectiv[oa]|"
    r"going to|next|intends? to|"
    r"se celebrará|se realizará|tendrá|tendrán|será|serán|previst[ao]s?|programad[ao]s?|"
    r"\w+(?:ará|erá|irá|arán|erán|irán))\b",
    _I,
)
# A past reporting verb right before the date: the date is the report's, whatever follows.
_SAID_BEFORE = re.compile(
    r"\b(?:said|told\s+\w+|announced|stated|confirmed|declared|reported|wrote|"
    r"dijo|anunció|informó|declaró|afirmó|confirmó|aseguró|señaló)\s+(?:on\s+|el\s+)?$",
    _I,
)
_PAST_MARK = re.compile(
    r"\b(?:previously|earlier|originally|had been|was|were|ago|pasado|pasada)\b", _I
)
_UNTIL = re.compile(
    r"\b(?:until|till|through|untill|hasta|to run to|running to)\s+(?:the\s+)?$", _I
)
_RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|through|till|until|al|a|hasta(?: el)?|y el)\s*", re.I)
_SINCE = re.compile(r"\b(?:since|desde)\s+$", _I)


# _UNTIL and _SINCE need one of their words ("til" for until, till, untill; "run" for "to run
# to", "running to"), which an ASCII text (where IGNORECASE is plain case) holds in lower
# case once lowered: else the patterns are not asked.
def _until_before(before: str) -> bool:
    """True if ``_UNTIL`` is found in ``before``."""
    if before.isascii():
        words = before.lower()
        if not ("til" in words or "through" in words or "hasta" in words or "run" in words):
            return False
    return _UNTIL.search(before) is not None


def _since_before(before: str) -> bool:
    """True if ``_SINCE`` is found in ``before``."""
    if before.isascii():
        words = before.lower()
        if not ("since" in words or "desde" in words):
            return False
    return _SINCE.search(before) is not None


# --------------------------------------------------------------------------- helpers


def _date_label(d: dt.date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ES_ABBREV = {"ene": 1, "abr": 4, "ago": 8, "dic": 12}


def _month_num(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return _EN_MONTHS.get(key) or _ES_MONTHS.get(key) or _ES_ABBREV.get(key)


def _weekday_num(name: str) -> int | None:
    key = name.lower()
    if key in _EN_WEEKDAYS:
        return _EN_WEEKDAYS[key]
    return _ES_WEEKDAYS.get(key)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _direction(mod: str | None) -> str | None:
    """'past', 'future', 'this' or None from a modifier word."""
    if not mod:
        return None
    m = mod.lower().strip()
    if m in (
        "last", "past", "previous", "pasado", "pasada", "earlier", "the last", "the past",
        "the previous", "anterior",
    ):  # fmt: skip
        return "past"
    if m in (
        "next", "coming", "próximo", "proximo", "próxima", "proxima", "que viene",
        "the next", "the coming", "the following", "later", "siguiente",
    ):  # fmt: skip
        return "future"
    if m in ("this", "este", "esta", "en curso", "earlier this", "later this"):
        return "this"
    return None


# Words that can anchor a date, grouped by the kinds of expression they can start.
_MON_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|"
    r"marzo|abril|mayo|junio|julio|agosto|setiembre|septiembre|octubre|noviembre|diciembre"
)
_WD_WORDS = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|mi[ée]rcoles|jueves|"
    r"viernes|s[áa]bado|domingo"
)
_REL_WORDS = (
    r"yesterday|today|tonight|tomorrow|morning|afternoon|"
    r"evening|eve|ayer|anteayer|antier|hoy|mañana|tarde|noche|v[íi]spera"
)
_UNIT_WORDS = (
    r"weeks?|"
    r"months?|years?|days?|ago|semanas?|mes|meses|años?|hace|d[íi]as?"
)
_ANCHOR_WORDS = (
    rf"(?:(?P<mon>{_MON_WORDS})|(?P<wd>{_WD_WORDS})|(?P<rel>{_REL_WORDS})|(?P<unit>{_UNIT_WORDS}))"
)
_ANCHOR = re.compile(rf"(?P<num>\d+)|\b{_ANCHOR_WORDS}\b", re.IGNORECASE)
# The same anchors found word by word: every alternative of _ANCHOR_WORDS is made of word
# characters, so it matches a whole word or nothing; a word that is no anchor may hold digits.
_ANCHOR_WORD = re.compile(_ANCHOR_WORDS, re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
# "\d+" as "\d\d*": the same runs, found quicker (a leading class lets the regex engine
# skip to digits in C)
_DIGIT_RUN = re.compile(r"\d\d*")
_ANCHOR_CACHE: dict[str, tuple[tuple[int, int, str], ...]] = {}
#: word -> its group, for the words that are one anchor as a whole
_ANCHOR_GROUP: dict[str, str] = {}


def _anchors(text: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, group) of every ``_ANCHOR`` match in ``text``, in order (same matches,
    found a word at a time with a cache of the words seen). ``low``, ``text`` lowered by a
    _Folder whose alphabet holds ANCHOR_ALPHABET, allows one quicker scan."""
    if low is not None and _ANCHOR_LOW is not None:
        return _anchors_low(text, low)
    out: list[tuple[int, int, str]] = []
    for w in _WORD_RUN.finditer(text):
        hits = _cached_anchors(w.group())
        if hits:
            start = w.start()
            out.extend((start + a, start + b, group) for a, b, group in hits)
    return out


def _cached_anchors(word: str) -> tuple[tuple[int, int, str], ...]:
    cache = _ANCHOR_CACHE
    hits = cache.get(word)
    if hits is None:
        hits = _word_anchors(word)
        if len(cache) > 50_000:
            cache.clear()
        cache[word] = hits
    return hits


def _anchors_low(text: str, low: str) -> list[tuple[int, int, str]]:
    """_anchors from one scan of the lowered text: every run of digits, and every word
    whose lower case is an anchor word (on a folded text, exactly the words that
    ``_ANCHOR_WORD`` matches), its group told by the word itself as in _anchors."""
    assert _ANCHOR_LOW is not None and _ANCHOR_WORDS_LOW is not None
    if _ANCHOR_LED is None:
        # two quicker scans, then in order: runs of digits and anchor words never meet
        out = [(m.start(), m.end(), "num") for m in _DIGIT_RUN.finditer(low)]
        for start, end in _anchor_word_spans(low):
            hits = _cached_anchors(text[start:end])
            out.extend((start + a, start + b, group) for a, b, group in hits)
        out.sort()
        return out
    # The anchor words are the matches of \b(?:words)\b: each starts the text or follows a
    # non-word character, a blank (first scan) or another one (second scan, which finds the
    # runs of digits too). Matches are made of letters only, so none takes the character
    # before another: each scan finds all of its own (see _led_scans).
    spaced, other = _ANCHOR_LED
    out: list[tuple[int, int, str]] = []
    cached = _ANCHOR_CACHE
    first = _ANCHOR_WORDS_LOW.match(low)
    spans = [first.span()] if first is not None else []
    spans += [(m.start() + 1, m.end()) for m in spaced.finditer(low)]
    for m in other.finditer(low):
        if m.lastindex is None:
            out.append((m.start(), m.end(), "num"))
        else:
            spans.append(m.span(1))
    groups = _ANCHOR_GROUP
    for start, end in spans:
        word = text[start:end]
        group = groups.get(word)
        if group is not None:  # the whole word is one anchor (as nearly always)
            out.append((start, end, group))
            continue
        hits = cached.get(word)
        if hits is None:
            hits = _cached_anchors(word)
        if len(hits) == 1 and hits[0][:2] == (0, len(word)):
            if len(groups) > 50_000:
                groups.clear()
            groups[word] = hits[0][2]
        out.extend((start + a, start + b, group) for a, b, group in hits)
    out.sort()
    return out


def _word_anchors(word: str) -> tuple[tuple[int, int, str], ...]:
    """The anchors in one word: the whole word, or the runs of digits in it."""
    m = _ANCHOR_WORD.fullmatch(word)
    if m:
        return ((0, len(word), m.lastgroup or "num"),)
    if word.isalpha():
        return ()
    return tuple((d.start(), d.end(), "num") for d in _DIGIT_RUN.finditer(word))


# --------------------------------------------------------------------------- lowered text
#
# An IGNORECASE alternation scans a text slowly: the regex engine cannot skip the branches
# whose first letter differs from the text's. On ``text.lower()`` the same patterns, written
# in lower case and compiled without IGNORECASE, find the same spans much faster, provided
# every character of the text lowers to one character that IGNORECASE treats exactly like
# it (not "İ", "ſ", "ı"...): a _Folder checks that, else the exact path runs.


def _bar_at_top(pattern: str) -> bool:
    """True if ``pattern`` has an alternation outside any group or class."""
    return len(_top_level_parts(pattern)) > 1


def _top_level_parts(pattern: str) -> list[str]:
    """``pattern`` split at the bars outside any group or class."""
    parts, depth, start, in_class, escaped = [], 0, 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _grouped(patterns: list[str]) -> str:
    """``p1|p2|...`` regrouped by first letter (``s(?:uspend|uspends)|p(?:...)``), so the
    engine tries only the branches of the text's letter. Same matches as the plain
    alternation, case-sensitively: two branches of different first letters never both
    match at one place, and within a letter the order is kept. Each pattern starts with a
    lowercase letter that no quantifier follows and has no top-level alternation."""
    groups: dict[str, list[str]] = {}
    for p in patterns:
        groups.setdefault(p[0], []).append(p[1:])
    out = []
    for first, rests in groups.items():
        if all(_plainly_lettered(r) for r in rests):
            inner = _grouped(rests)  # the same again on the second letter
        else:
            inner = "|".join(f"(?:{r})" for r in rests)
        out.append(f"{first}(?:{inner})")
    return "|".join(out)


def _plainly_lettered(p: str) -> bool:
    return (
        p[:1].isalpha()
        and p[:1] == p[:1].lower()
        and p[1:2] not in ("?", "*", "+", "{")
        and not _bar_at_top(p)
    )


def _alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level bars, a leading group of alternatives multiplied
    out ("(?:is|are)\\s+open" -> "is\\s+open", "are\\s+open"): the same strings matched."""
    parts = _top_level_parts(pattern)
    out: list[str] = []
    for part in parts:
        if part.startswith("(?:") and len(parts) + len(out) < 500:
            close = _group_end(part)
            rest = part[close + 1 :]
            if close > 0 and rest[:1] not in ("?", "*", "+", "{"):
                out.extend(a + rest for a in _alternatives(part[3:close]))
                continue
        out.append(part)
    return out


def _group_end(pattern: str) -> int:
    """Index of the ")" closing the group that opens ``pattern`` (-1 if none)."""
    depth, in_class, escaped = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _case_safe(ch: str, alphabet: frozenset[str]) -> bool:
    """True if ``ch`` lowers to one character that every pattern character (``alphabet``)
    matches, under IGNORECASE, exactly when it equals that lower case; and lowering keeps
    its class (word, digit, space)."""
    low = ch.lower()
    if len(low) != 1:
        return False
    for cls in (r"\w", r"\d", r"\s"):
        if (re.match(cls, ch) is None) != (re.match(cls, low) is None):
            return False
    return all(
        (re.fullmatch("(?i:" + re.escape(x) + ")", ch) is not None) == (x == low) for x in alphabet
    )


class _Folder:
    """Lowers texts for the patterns whose characters are ``alphabet`` (see above)."""

    def __init__(self, alphabet: str) -> None:
        self.alphabet = frozenset(alphabet)
        self.safe: set[str] = set()
        self.unsafe: set[str] = set()
        self.probe: re.Pattern[str] | None = None

    def fold(self, text: str) -> str | None:
        """``text.lower()``, aligned with ``text``, when every character of it is case-safe
        (see _case_safe) for the alphabet; else None."""
        while True:
            probe = self.probe
            if probe is None:
                self.safe.update(c for c in map(chr, range(128)) if _case_safe(c, self.alphabet))
                probe = self.probe = _probe(self.safe)
            m = probe.search(text)
            if m is None:
                return text.lower()
            ch = m.group()
            if ch in self.unsafe or len(self.safe) > 5000:
                return None
            if not _case_safe(ch, self.alphabet):
                self.unsafe.add(ch)
                return None
            self.safe.add(ch)
            self.probe = _probe(self.safe)


def _probe(safe: set[str]) -> re.Pattern[str]:
    """Finds a character not in ``safe``."""
    return re.compile("[^" + "".join(re.escape(c) for c in sorted(safe)) + "]")


def _low_word_scan(alternations: list[str], digits: bool = True) -> re.Pattern[str] | None:
    """Whole words matching one of ``alternations`` (lower case) or (``digits``) runs of
    digits (group ``num``), for a lowered text; None if a piece cannot be grouped by its
    first letter."""
    words = [a for alt in alternations for a in _alternatives(alt)]
    if not all(w == w.lower() and _plainly_lettered(w) for w in words):
        return None
    source = rf"\b(?:{_grouped(words)})\b"
    return re.compile(rf"(?P<num>\d+)|{source}" if digits else source)


#: Characters of the patterns run on lowered text here: a _Folder for them must know them.
ANCHOR_ALPHABET = (
    _MON_WORDS + _WD_WORDS + _REL_WORDS + _UNIT_WORDS + _FUTURE.pattern + _SAID_BEFORE.pattern
)
_FUTURE_VERB = r"\w+(?:ará|erá|irá|arán|erán|irán)"


def _future_words_low() -> re.Pattern[str] | None:
    """_FUTURE without its last alternative (``_FUTURE_VERB``), for a lowered text: found
    somewhere exactly when one of those alternatives is (their order does not matter)."""
    src = _FUTURE.pattern
    head, tail = r"\b(?:", ")\\b"
    if not (
        src.startswith(head) and src.endswith("|" + _FUTURE_VERB + tail) and src == src.lower()
    ):
        return None
    alts = _alternatives(src[len(head) : -len("|" + _FUTURE_VERB + tail)])
    plain = [a for a in alts if _plainly_lettered(a)]
    rest = [f"(?:{a})" for a in alts if not _plainly_lettered(a)]
    return re.compile(r"\b(?:" + "|".join([_grouped(plain), *rest]) + r")\b")


_FUTURE_WORDS_LOW = _future_words_low()
# "\b\w+(?:ará|erá|irá|arán|erán|irán)\b" is found somewhere exactly when one of those
# endings is, after a word character and before a word boundary: that ending closes a word.
_FUTURE_VERB_LOW = re.compile(r"[aei](?<=\w.)rán?\b")
# the same, behind the literal "rá" (the regex engine skips to it in C)
_FUTURE_VERB_LED = re.compile(r"rá(?<=\w[aei]rá)n?\b")
_SAID_BEFORE_LOW = re.compile(_SAID_BEFORE.pattern)
_TENSE_LOW = _FUTURE_WORDS_LOW is not None and _SAID_BEFORE.pattern == _SAID_BEFORE.pattern.lower()


class _LedSearch:
    """Whether ``\\b(?:alternatives)tail`` is found in ``s[pos:endpos]`` (as a search with
    ``pos`` and ``endpos`` tells), quicker. Every alternative starts with a lowercase letter
    (``_plainly_lettered``), so a match starts the text or follows a non-word character: a
    blank (a literal lead, which the regex engine skips to in C) or another one (a class
    quick to tell, ``[^a-zA-Z_ ]``, then checked to be ``\\W``); a pattern starting at a
    word boundary is tried at every place instead. ``odd``: the alternatives that start
    with an apostrophe, found after a word character (the boundary before them)."""

    def __init__(self, alternatives: list[str], tail: str, odd: list[str] = ()) -> None:
        body = f"(?:{_grouped(alternatives)}){tail}"
        self.first = re.compile(body)
        self.spaced = re.compile(" " + body)
        self.other = re.compile(r"[^a-zA-Z_ ](?<=\W)" + body)
        self.odd = (
            re.compile("'(?<=\\w')(?:" + "|".join(a[1:] for a in odd) + f"){tail}") if odd else None
        )

    def found(self, s: str, pos: int, endpos: int) -> bool:
        if pos == 0 and self.first.match(s, 0, endpos):
            return True
        back = max(pos - 1, 0)
        return bool(
            self.spaced.search(s, back, endpos)
            or self.other.search(s, back, endpos)
            or (self.odd is not None and self.odd.search(s, pos, endpos))
        )


def _led_search(pattern: str, tail: str) -> _LedSearch | None:
    """A _LedSearch for ``pattern``, ``\\b(?:alternatives)`` + ``tail`` in lower case, or None
    if its alternatives are not all plainly lettered (or apostrophe-led)."""
    head = r"\b(?:"
    if (
        not (pattern.startswith(head) and pattern.endswith(")" + tail))
        or pattern != pattern.lower()
    ):
        return None
    alts = _alternatives(pattern[len(head) : -len(")" + tail)])
    plain = [a for a in alts if _plainly_lettered(a)]
    odd = [a for a in alts if not _plainly_lettered(a)]
    if not all(a[:1] == "'" and _plainly_lettered(a[1:]) for a in odd):
        return None
    return _LedSearch(plain, tail, odd)


_FUTURE_BODY = _FUTURE.pattern.replace("|" + _FUTURE_VERB + ")", ")", 1)
_FUTURE_LED = _led_search(_FUTURE_BODY, r"\b") if _FUTURE.pattern != _FUTURE_BODY else None
_SAID_LED = _led_search(_SAID_BEFORE.pattern, r"\s+(?:on\s+|el\s+)?$")
_ANCHOR_LOW = _low_word_scan([_MON_WORDS, _WD_WORDS, _REL_WORDS, _UNIT_WORDS])
_ANCHOR_WORDS_LOW = _low_word_scan([_MON_WORDS, _WD_WORDS, _REL_WORDS, _UNIT_WORDS], False)
_NON_WORD = re.compile(r"\W")


def _after_word_break(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """For ``\\b`` + body (a body match starts with a word character), ``\\W(body)``: a
    pattern that starts with a character class, which the regex engine skips to in C (one
    that starts with ``\\b`` is tried at every position). None if it cannot be made."""
    if pattern is None or not pattern.pattern.startswith("\\b") or pattern.flags & ~re.UNICODE:
        return None
    return re.compile(rf"\W({pattern.pattern[2:]})")


_ANCHOR_WORDS_AFTER = _after_word_break(_ANCHOR_WORDS_LOW)


def _led_scans(
    pattern: re.Pattern[str] | None,
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """For ``\\b(?:words)\\b`` (``_ANCHOR_WORDS_LOW``) whose matches are made of letters only:
    the words after a blank, each match with its blank (a literal lead: the regex engine
    skips to blanks in C, much quicker than to ``\\W``); and, in one scan, every run of digits
    (no group 1) and the words after any other non-word character (group 1). The second scan
    starts at the characters ``[^a-zA-Z_ ]``, quick to tell, which hold every digit and every
    non-word character but the blank. None if it cannot be made."""
    if pattern is None or pattern.flags & ~re.UNICODE:
        return None
    src = pattern.pattern
    if not (src.startswith("\\b(?:") and src.endswith(")\\b")):
        return None
    body = src[2:-2]
    if not all(ch.isalpha() for ch in re.sub(r"[()?:|\[\]]", "", body)):
        return None  # a match might hold a non-word character
    # (no match is empty: each alternative starts with a letter no quantifier follows)
    spaced = re.compile(f" {body}\\b")
    other = re.compile(f"[^a-zA-Z_ ](?:(?<=\\d)\\d*|(?<=\\W)({body})\\b)")
    return spaced, other


_ANCHOR_LED = _led_scans(_ANCHOR_WORDS_LOW)


def _anchor_word_spans(low: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _ANCHOR_WORDS_LOW.finditer(low)]``, quicker: each match after
    the character before it (``\\b`` before a word character asks for a non-word one), or
    at the text's start. Each is searched for from where the last one ended, or one
    character earlier when that match ended with a non-word character (a next match may
    start right after it); an empty match sends the scan back to the plain pattern."""
    assert _ANCHOR_WORDS_LOW is not None
    plain = _ANCHOR_WORDS_LOW
    if _ANCHOR_WORDS_AFTER is None:
        return [m.span() for m in plain.finditer(low)]
    out: list[tuple[int, int]] = []
    pos = 0
    first = plain.match(low)
    if first is not None:
        if first.end() == 0:
            return [m.span() for m in plain.finditer(low)]
        out.append(first.span())
        pos = first.end() - 1 if _NON_WORD.match(low, first.end() - 1) else first.end()
    while pos >= 0:
        restart = -1
        for m in _ANCHOR_WORDS_AFTER.finditer(low, pos):
            s, e = m.span(1)
            if s == e:
                return [m.span() for m in plain.finditer(low)]
            out.append((s, e))
            if _NON_WORD.match(low, e - 1):
                restart = e - 1  # finditer would go on from e
                break
        pos = restart
    return out


_ANCHOR_FOLDER = _Folder(ANCHOR_ALPHABET)


# Kinds of the patterns, as asked for by anchors: the two English "md" patterns apart (the
# second, day first, is asked for as "md2").
_ANCHOR_KINDS = {
    "num": {"iso", "md", "md2", "year", "ago"},
    "mon": {"md", "md2", "month"},
    "wd": {"weekday", "md", "md2"},
    "rel": {"relday", "relunit"},
    "unit": {"relunit", "ago", "relday", "counted", "part"},
}
# The English kinds an anchor can start, told by the anchor and the characters next to it
# (a narrower set than its group's). Each English pattern's match holds an anchor that calls
# for its kind, lying inside the match as a whole word (or a run of digits after a non-word
# character), and so within the same segment (segments only grow over letters and digits):
# - an "ago" match holds "ago";
# - a relday one "yesterday", "today", "tonight" or "tomorrow", or "morning", "afternoon"
#   or "evening" after "this ", or "day" after "the ", "previous ", "next " or "following ";
# - a relunit one "week", "month" or "year" after blanks after a word ending in "this",
#   "last", "next", "past", "previous", "coming" or "following" (its modifiers' last words);
# - an iso one a run of four digits followed by "-";
# - a year one a run of four digits from 19 or 20 after blanks or hyphens after a letter
#   (every modifier ends with one);
# - an md one its day: a run of one or two digits (a day, [0-3]?\d, is one: no digit stands
#   next to it), after a blank (md: month first) or, md2 (day first), before one, maybe after
#   st/nd/rd/th;
# - a month one a month name; a weekday one a weekday name.
# The words before are checked with IGNORECASE patterns (the patterns' own case rules); a
# word of another case than these lower ones ("ſ", the Kelvin sign) gets its group's kinds.
_RELDAY = frozenset({"relday"})
_RELUNIT = frozenset({"relunit"})
_NO_KIND: frozenset[str] = frozenset()
_THIS_BEFORE = re.compile(r"this \Z", _I)
_DAY_BEFORE = re.compile(r"(?:the|previous|next|following) \Z", _I)
_UNIT_BEFORE = re.compile(r"(?:this|last|next|past|previous|coming|following)\Z", _I)
#: word -> kinds, or (pattern the text before the word must match, kinds)
_COUNTED = frozenset({"counted"})
_PART = frozenset({"part"})
_PART_UNITS = frozenset({"week", "month", "year"})  # the part pattern's units, lowered
# what must follow a unit word for "counted", precede it for "part" (looser than the patterns)
_COUNTED_AFTER = re.compile(r"s?\s+(?:later|earlier|afterwards|" + _OBJECT_OK + ")", _I)
_PART_BEFORE = re.compile(r"of\s+(?:the|this)\s+\Z", _I)
_EN_WORD_KINDS: dict[str, Any] = {
    "ago": frozenset({"ago"}),
    **dict.fromkeys(("yesterday", "today", "tonight", "tomorrow"), _RELDAY),
    **dict.fromkeys(("morning", "afternoon", "evening"), (_THIS_BEFORE, _RELDAY)),
    "day": (_DAY_BEFORE, _RELDAY),
    "eve": (re.compile(r"the \Z", _I), _RELDAY),
    **dict.fromkeys(("week", "month", "year"), (_UNIT_BEFORE, _RELUNIT)),
}
# plurals ("weeks"), "days" and the Spanish words: no English match holds them
_NO_KIND_WORDS = (
    "days weeks months years ayer anteayer antier hoy mañana tarde noche víspera vispera "
    "semana semanas mes meses año años hace día días dia dias"
)
_EN_WORD_KINDS.update((w, _NO_KIND) for w in _NO_KIND_WORDS.split())
_EN_GROUP_KINDS = {"mon": frozenset({"month"}), "wd": frozenset({"weekday"})}
_EN_NUM_KINDS = (_NO_KIND, frozenset({"md"}), frozenset({"md2"}), frozenset({"md", "md2"}))
_EN_FOUR_KINDS = (_NO_KIND, frozenset({"iso"}), frozenset({"year"}), frozenset({"iso", "year"}))
_DAY_SUFFIXES = ("st", "nd", "rd", "th")


def _part_before(text: str, start: int) -> bool:
    """True if ``_PART_BEFORE`` can be found right before ``start`` (a plain walk back over
    blanks, "the"/"this", blanks and "of" in ASCII; else the pattern)."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == start:
        return False
    i = j
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i:j]
    if not word.isascii():
        return _PART_BEFORE.search(text, max(0, start - 40), start) is not None
    if word.lower() not in ("the", "this"):
        return False
    k = i
    while k > 0 and text[k - 1].isspace():
        k -= 1
    of = text[max(0, k - 2) : k]
    if k == i or not of.isascii():
        return k < i and _PART_BEFORE.search(text, max(0, start - 40), start) is not None
    return of.lower() == "of"


def _en_kinds(text: str, start: int, end: int, group: str) -> frozenset[str] | set[str]:
    """The kinds of English expression the anchor at ``text[start:end]`` can start."""
    if group == "num":
        n = end - start
        if n == 4:
            iso = text[end : end + 1] == "-"
            year = False
            if text[start : start + 2] in ("19", "20"):
                j = start
                while j > 0 and (text[j - 1].isspace() or text[j - 1] == "-"):
                    j -= 1
                year = 0 < j < start and text[j - 1].isalpha()
            return _EN_FOUR_KINDS[iso + 2 * year]
        if n > 2:
            return _NO_KIND
        after = text[end : end + 1]
        if text[end : end + 2] in _DAY_SUFFIXES:
            after = text[end + 2 : end + 3]
        md = start > 0 and text[start - 1].isspace()
        return _EN_NUM_KINDS[md + 2 * after.isspace()]
    if group in ("rel", "unit"):
        word = text[start:end].lower()
        found = _EN_WORD_KINDS.get(word)
        if found is None:
            return _ANCHOR_KINDS[group]
        if type(found) is tuple:
            before, kinds = found
            j = start
            if before is _UNIT_BEFORE:
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                if j == start:
                    kinds = _NO_KIND
            if kinds and not before.search(text, max(0, j - 10), j):
                kinds = _NO_KIND
            found = kinds
        if group == "unit":
            # "a week later" (counted), "the end of the month" (part)
            c = text[end : end + 1]
            if c == " ":
                # one blank, then no first letter of later/earlier/afterwards/after/before
                n = text[end + 1 : end + 2]
                if n.isascii() and not n.isspace() and n not in "lLeEaAbB":
                    c = ""
            if c and (c.isspace() or c in "sSſ") and _COUNTED_AFTER.match(text, end):
                found = found | _COUNTED
            if word in _PART_UNITS:
                tail = text[start - 4 : start] if start >= 4 else ""
                # "... the year" / "... this year" after one blank, else the longer check
                if (
                    tail[3:] != " "
                    or tail[2:3].isspace()
                    or not tail.isascii()
                    or tail[:3].lower() in ("the", "his")
                ) and _part_before(text, start):
                    found = found | _PART
        return found
    return _EN_GROUP_KINDS[group]


# Every English md or month match holds a month name, which begins (case and all) with one
# of these: without one of them in a segment, neither kind can match there.
_EN_MONTH_HEAD = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_EN_NAMED_MONTH = frozenset({"md", "md2", "month"})

_TENSED = frozenset({"md", "month", "weekday"})  # the kinds _resolve reads the tense for
_KIND_RANK = {"iso": 0, "md": 1, "month": 2, "year": 3, "weekday": 4, "relday": 5}
_KIND_RANK.update({"relunit": 6, "ago": 7, "counted": 5, "part": 5})
# "[.!?][\"”’»)]?\s+(?=[A-Z¿¡\"“«])|\n", behind a class of its first characters (the regex
# engine skips to them in C; the alternation alone is tried at every place)
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’»)]?\s+(?=[A-Z¿¡\"“«])|(?<=\n))")


def _tense(text: str, start: int, end: int, low: str | None = None) -> str:
    """'future' if the words around a date (same sentence) speak of the future, else 'past'.
    ``low``: ``text`` lowered by a _Folder that knows ANCHOR_ALPHABET, for quicker scans."""
    lo = max(start - 90, 0)
    for m in _BOUNDARY.finditer(text, lo, start):
        lo = m.end()
    m = _BOUNDARY.search(text, end, end + 40)
    hi = m.start() if m else min(len(text), end + 40)
    if low is not None and _TENSE_LOW:
        assert _FUTURE_WORDS_LOW is not None
        if _SAID_LED is not None:
            if _SAID_LED.found(low, lo, start):
                return "past"
        elif _SAID_BEFORE_LOW.search(low, lo, start):
            return "past"
        window = low[lo:start] + " " + low[end:hi]
        # _FUTURE's alternatives, apart: the words, and "\w+ará"-like verbs (see below)
        if _FUTURE_LED is not None:
            found = _FUTURE_LED.found(window, 0, len(window)) or _FUTURE_VERB_LED.search(window)
        else:
            found = _FUTURE_WORDS_LOW.search(window) or _FUTURE_VERB_LOW.search(window)
        return "future" if found else "past"
    if _SAID_BEFORE.search(text, lo, start):
        return "past"  # "said on Thursday it will stop ...": the day of the (past) report
    window = text[lo:start] + " " + text[end:hi]
    return "future" if _FUTURE.search(window) else "past"


# --------------------------------------------------------------------------- resolvers


def _resolve(
    kind: str, g: dict[str, Any], published: dt.date | None, tense: str
) -> tuple[str | None, str]:
    """(value, precision) of one matched expression."""
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return (d.isoformat(), "day") if d else (None, "unknown")

    if kind == "md":
        month = _month_num(g["mon"])
        day = int(g["day"])
        if month is None or not 1 <= day <= 31:
            return None, "unknown"
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            return (d.isoformat(), "day") if d else (None, "unknown")
        if published is None:
            return None, "unknown"
        if g.get("yrel"):
            # "November 29 last year", "el 29 de noviembre del año pasado"
            d = _safe_date(published.year + _yrel_step(g["yrel"]), month, day)
            return (d.isoformat(), "day") if d else (None, "unknown")
        cands = [
            c for y in range(published.year - 2, published.year + 3)
            if (c := _safe_date(y, month, day)) is not None
        ]  # fmt: skip
        wd = _weekday_num(g["wd"]) if g.get("wd") else None
        direction = _direction(g.get("mod")) or _direction(g.get("mod2"))
        if wd is not None:
            matching = [c for c in cands if c.weekday() == wd]
            if matching:
                best = min(matching, key=lambda c: abs((c - published).days))
                return best.isoformat(), "day"
        if direction == "past":
            pick = max(c for c in cands if c < published)
        elif direction == "future":
            pick = min(c for c in cands if c > published)
        elif tense == "future" and (
            ahead := min(c for c in cands if c >= published)
        ) - published <= dt.timedelta(days=FUTURE_HORIZON_DAYS):
            pick = ahead
        else:
            pick = max(c for c in cands if c <= published)
        return pick.isoformat(), "day"

    if kind == "month":
        month = _month_num(g["mon"])
        if month is None:
            return None, "unknown"
        if g.get("year"):
            return f"{int(g['year']):04d}-{month:02d}", "month"
        if g.get("yrel") and published is not None:
            # "August of last year", "agosto del año pasado", "marzo de este año"
            return f"{published.year + _yrel_step(g['yrel']):04d}-{month:02d}", "month"
        mod = (g.get("mod") or "").lower()
        direction = _direction(mod) or _direction(g.get("mod2"))
        if "pasado" in mod:
            direction = "past"
        elif "próximo" in mod or "proximo" in mod:
            direction = "future"
        elif mod.startswith("este"):
            direction = "this"
        explicit = bool(mod) or bool(g.get("mod2"))
        if not explicit:
            return None, "unknown"  # a bare month name without a year or preposition
        if published is None:
            return None, "unknown"
        py, pm = published.year, published.month
        if direction == "this":
            return f"{py:04d}-{month:02d}", "month"
        if direction == "past":
            year = py if month < pm else py - 1
        elif direction == "future":
            year = py if month > pm else py + 1
        elif (
            tense == "future"
            and mod not in ("since", "desde")
            and (_shift_month(py, pm, FUTURE_HORIZON_DAYS // 30))
            >= (
                py if month >= pm else py + 1,
                month,
            )
        ):
            # a month ahead only within the horizon: "planned for November" in February is
            # the November just past
            year = py if month >= pm else py + 1
        else:
            year = py if month <= pm else py - 1
        return f"{year:04d}-{month:02d}", "month"

    if kind == "year":
        return f"{int(g['year']):04d}", "year"

    if kind == "weekday":
        wd = _weekday_num(g["wd"])
        if wd is None or published is None:
            return None, "unknown"
        direction = _direction(g.get("mod")) or _direction(g.get("mod2"))
        if direction is None and (g.get("art") or "").lower() == "este":
            direction = "this"  # "este jueves": the Thursday of the article's week
        back = (published.weekday() - wd) % 7
        fwd = (wd - published.weekday()) % 7
        if direction == "past":
            d = published - dt.timedelta(days=back or 7)
        elif direction == "future":
            d = published + dt.timedelta(days=fwd or 7)
        elif direction == "this":
            d = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=wd)
        elif tense == "future":
            d = published + dt.timedelta(days=fwd)
        else:
            d = published - dt.timedelta(days=back)
        return d.isoformat(), "day"

    if kind == "relday":
        if published is None:
            return None, "unknown"
        rel = g["rel"].lower()
        offsets = {
            "the day before yesterday": -2, "anteayer": -2, "antier": -2,
            "the day after tomorrow": 2, "pasado mañana": 2,
            "yesterday": -1, "ayer": -1, "the day before": -1, "the previous day": -1,
            "el día anterior": -1, "la víspera": -1, "the eve": -1,
            "tomorrow": 1, "mañana": 1, "the day after": 1, "the next day": 1,
            "the following day": 1, "el día siguiente": 1, "al día siguiente": 1,
        }  # fmt: skip
        d = published + dt.timedelta(days=offsets.get(rel, 0))
        return d.isoformat(), "day"

    if kind == "relunit":
        if published is None:
            return None, "unknown"
        unit = g["unit"].lower()
        unit = {"año": "year", "mes": "month", "semana": "week"}.get(unit, unit)
        mod = g.get("mod") or g.get("pre") or g.get("post")
        if mod is None and (g.get("art") or "").lower() in ("este", "esta"):
            mod = "this"
        direction = _direction(mod)
        if mod is None:
            # Spanish "el año", "la semana" alone name no period.
            return None, "unknown"
        step = {"past": -1, "future": 1}.get(direction or "this", 0)
        return _period(published, unit, step)

    if kind == "part":
        if published is None:
            return None, "unknown"
        unit = g["unit"].lower()
        return _period(
            published, {"año": "year", "mes": "month", "semana": "week"}.get(unit, unit), 0
        )

    if kind == "ago":
        if published is None:
            return None, "unknown"
        raw = g["num"].lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
        unit = g["unit"].lower()
        if unit.startswith(("día", "dia", "day")):
            return (published - dt.timedelta(days=n)).isoformat(), "day"
        if unit.startswith(("semana", "week")):
            return _period(published, "week", -n)
        if unit.startswith(("mes", "month")):
            return _period(published, "month", -n)
        if n == 1:
            # "a year ago", "hace un año": the same month a year back
            y, m = _shift_month(published.year, published.month, -12)
            return f"{y:04d}-{m:02d}", "month"
        return _period(published, "year", -n)

    return None, "unknown"


def _yrel_step(yrel: str) -> int:
    """-1, 0 or 1: the year a "last year", "this year", "del año próximo" names."""
    low = yrel.lower()
    if re.search(r"next|following|próximo|que viene", low):
        return 1
    return -1 if re.search(r"last|previous|pasado|anterior", low) else 0


def _period(published: dt.date, unit: str, step: int) -> tuple[str | None, str]:
    """The week, month or year ``step`` units away from ``published``."""
    if unit == "year":
        return f"{published.year + step:04d}", "year"
    if unit == "month":
        y, m = _shift_month(published.year, published.month, step)
        return f"{y:04d}-{m:02d}", "month"
    # A week has no label of its own: give its month when the whole week lies in one
    # month, its year when in one year, else nothing.
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", "month"
    if monday.year == sunday.year:
        return f"{monday.year:04d}", "year"
    return None, "unknown"


# --------------------------------------------------------------------------- public API


def _patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    return _ES_PATTERNS if (language or "en").lower().startswith("es") else _EN_PATTERNS


#: Days counted from the last day the text named ("on February 1 ... the following day").
_ANAPHORIC_DAYS = {
    "the day before": -1, "the previous day": -1, "el día anterior": -1, "la víspera": -1,
    "the eve": -1, "the day after": 1, "the next day": 1, "the following day": 1,
    "el día siguiente": 1, "al día siguiente": 1,
}  # fmt: skip


#: "the following month", "el año anterior": a period counted from the date just named
_ANAPHORIC_UNIT_MODS = frozenset({"the following", "the previous", "siguiente", "anterior"})


def _shifted(prior: DateMention, unit: str, n: int) -> tuple[str | None, str]:
    """``prior`` moved by ``n`` days, weeks, months or years, at the precision it allows."""
    assert prior.value is not None
    if unit.startswith(("year", "año")):
        return f"{int(prior.value[:4]) + n:04d}", "year"
    if unit.startswith(("month", "mes")):
        if prior.precision not in ("day", "month"):
            return None, "unknown"
        y, m = _shift_month(int(prior.value[:4]), int(prior.value[5:7]), n)
        return f"{y:04d}-{m:02d}", "month"
    if prior.precision != "day":
        return None, "unknown"
    days = n * (7 if unit.startswith(("week", "seman")) else 1)
    return (dt.date.fromisoformat(prior.value) + dt.timedelta(days=days)).isoformat(), "day"


# "after the vote", "antes de la salida": an object named as known, so dated before
_DEFINITE = re.compile(
    r"\s+(?:(?:de|del)\s+)?(?:the|its|his|her|their|this|that|el|la|los|las|su|sus|dicha|"
    r"dicho)\b",
    _I,
)
_ADVERB_END = re.compile(r"\s*(?:[,.;:)!?]|that\b|\Z)", _I)
_OF_NEXT = re.compile(r"\s+(?:de|del|que)\b", _I)


def _bound_offset(direction: str, text: str, end: int) -> bool:
    """True when "after"/"before" ("después"/"antes") takes an object: "a day after the
    vote", "dos días antes de la cumbre", not "a day after," or "dos días después"."""
    d = direction.lower()
    if d in ("after", "before"):
        return not _ADVERB_END.match(text, end)
    return d in ("después", "despues", "antes") and _OF_NEXT.match(text, end) is not None


def _anaphoric(
    kind: str,
    g: dict[str, Any],
    text: str,
    start: int,
    end: int,
    out: list[DateMention],
    value: str | None,
    precision: str,
    periods: set[int],
) -> tuple[str | None, str]:
    """(value, precision) of an expression counted from the date named just before it:
    "a week later", "cinco días antes", "the following month" (that date in the same or the
    sentence before), "at the end of the month" (the same sentence; else the publication's
    month). Others as resolved. ``periods``: the starts of the periods in ``out`` ("last
    year", "the previous year"), which no period counts from."""
    if kind == "relunit":
        mod = (g.get("mod") or g.get("post") or "").lower()
        if mod not in _ANAPHORIC_UNIT_MODS:
            return value, precision
    prior = next(
        (o for o in reversed(out) if o.value and o.role != "until" and start - o.end < 400), None
    )
    if kind == "relunit" and prior is not None:
        if prior.start in periods:
            prior = None  # "the previous year" after "the previous year"
        elif (cut := _BOUNDARY.search(text, prior.end, start + 1)) and _BOUNDARY.search(
            text, cut.end(), start + 1
        ):
            prior = None  # two sentences back or more
    if kind == "part":
        unit = g["unit"].lower()
        if (
            prior is None
            or unit in ("week", "semana")
            or _BOUNDARY.search(text, prior.end, start + 1)
        ):
            return value, precision  # the publication's month or year
        return _shifted(prior, unit, 0)  # "in March ... at the end of the month"
    if prior is None:
        # counted with nothing to count from: unknown; a period "following": as published
        return (None, "unknown") if kind == "counted" else (value, precision)
    unit = g["unit"].lower()
    if kind == "relunit":
        step = 1 if _direction(mod) == "future" else -1
        if unit in ("week", "semana"):
            # "the following week": that week's month (or year), not a day
            if prior.precision != "day":
                return None, "unknown"
            return _period(dt.date.fromisoformat(prior.value), "week", step)
        return _shifted(prior, unit, step)
    if _bound_offset(g["dir"], text, end):
        if not _DEFINITE.match(text, end) or not _BOUNDARY.search(text, prior.end, start + 1):
            # "a day after a meeting": which meeting, when? Not the date named before
            # "on Friday, a day after the treaty lapsed": the day of another event, counted
            # back from Friday (the events' own reckoning), not Friday plus one
            return None, "unknown"
        if prior.precision != "day" and not unit.startswith(("month", "mes", "year", "año")):
            # "five days before the exit": the exit named earlier, on the last day named
            prior = next(
                (
                    o
                    for o in reversed(out)
                    if o.precision == "day" and o.value and start - o.end < 400
                ),
                prior,
            )
    if unit.startswith(("month", "mes")) and prior.precision != "day":
        # "in May ... six months later": left to the events module, which may know the day
        # from a report ("has withdrawn, the ministry said on Tuesday")
        return None, "unknown"
    raw = g["num"].lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    back = g["dir"].lower() in ("earlier", "before", "antes")
    return _shifted(prior, unit, -n if back else n)


def _names_a_date(kind: str, g: dict[str, Any]) -> bool:
    """False for a match that names no period by itself ("el año", "un año más")."""
    if kind == "relunit":
        return bool(
            g.get("mod")
            or g.get("pre")
            or g.get("post")
            or (g.get("art") or "").lower() in ("este", "esta")
        )
    return True


_UNSET: Any = object()


def _matches(
    pattern: re.Pattern[str],
    text: str,
    lo: int,
    hi: int,
    quick: re.Pattern[str] | None = _UNSET,
) -> list[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of ``pattern.finditer(text, lo, hi)``, found with ``quick``, the
    primed pattern (see _primed; by default looked up), when there is one; the match's
    groupdict() holds the pattern's named groups (and maybe ``_all``, the whole match)."""
    if quick is _UNSET:
        quick = _primed(pattern)
    if quick is None:
        return [(m.start(), m.end(), m) for m in pattern.finditer(text, lo, hi)]
    # the primed pattern stops at every place where the pattern matches, overlaps and all:
    # finditer takes the first and goes on after its end
    out = []
    last = -1
    for m in quick.finditer(text, lo, hi):
        if m.start() >= last:
            start, last = m.span("_all")
            out.append((start, last, m))
    return out


_PRIMED: dict[str, list[tuple[re.Pattern[str], str, re.Pattern[str] | None, str]]] = {}


def _primed_patterns(
    language: str,
) -> list[tuple[re.Pattern[str], str, re.Pattern[str] | None, str]]:
    """(pattern, kind, primed pattern or None, kind as anchors ask for it) for the
    language's patterns (the second English md pattern is asked for as "md2")."""
    key = "es" if _patterns(language) is _ES_PATTERNS else "en"
    found = _PRIMED.get(key)
    if found is None:
        found = []
        for p, kind in _patterns(language):
            asked = (
                "md2"
                if key == "en" and kind == "md" and any(k == "md" for *_, k in found)
                else kind
            )
            found.append((p, kind, _primed(p), asked))
        _PRIMED[key] = found
    return found


@lru_cache(maxsize=64)
def _primed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` behind the characters its matches can start with, ``[C](?<=(?=P).)``:
    the regex engine skips ahead to those characters. At each place where ``pattern``
    matches, this matches one character, its group ``_all`` the pattern's whole match, its
    other groups the pattern's. None when the first characters cannot be told."""
    chars = _first_chars(pattern)
    if chars is None or "_all" in pattern.groupindex:
        return None
    body = f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else pattern.pattern
    return re.compile(f"[{chars}](?<=(?=(?P<_all>{body}))(?s:.))", pattern.flags & ~re.IGNORECASE)


_BMP: str | None = None


def _first_chars(pattern: re.Pattern[str]) -> str | None:
    """A character class body holding every character a match of ``pattern`` can start
    with (worked out from its parse tree), or None if that is not simple to tell."""
    global _BMP
    try:
        from re import _constants as c  # noqa: PLC0415
        from re import _parser  # noqa: PLC0415

        tree = _parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return None
    plain: set[str] = set()
    folded: set[str] = set()  # characters whose case IGNORECASE ignores
    cats: set[str] = set()
    category = {
        getattr(c, "CATEGORY_DIGIT", None): r"\d",
        getattr(c, "CATEGORY_WORD", None): r"\w",
        getattr(c, "CATEGORY_SPACE", None): r"\s",
    }

    def add(op: Any, av: Any, icase: bool) -> bool:
        if op is c.LITERAL:
            (folded if icase else plain).add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 200:
            (folded if icase else plain).update(map(chr, range(av[0], av[1] + 1)))
        elif op is c.CATEGORY and av in category:
            cats.add(category[av])
        else:
            return False
        return True

    def first(seq: Any, flags: int) -> bool | None:
        """Adds the first characters of ``seq``; True if it can match nothing at all."""
        icase = bool(flags & re.IGNORECASE)
        for op, av in seq:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # takes no character
            if op is c.LITERAL:
                return add(op, av, icase) and False
            if op is c.IN:
                if not all(add(o, a, icase) for o, a in av):
                    return None
                return False
            if op is c.BRANCH:
                empties = [first(alt, flags) for alt in av[1]]
                if None in empties:
                    return None
                if not any(empties):
                    return False
                continue
            if op is c.SUBPATTERN:
                _, add_flags, del_flags, sub = av
                empty = first(sub, (flags | add_flags) & ~del_flags)
                if empty is None:
                    return None
                if not empty:
                    return False
                continue
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, _, sub = av
                empty = first(sub, flags)
                if empty is None:
                    return None
                if low > 0 and not empty:
                    return False
                continue
            return None  # anything else: not worked out here
        return True

    try:
        if first(tree, pattern.flags) is not False:
            return None
    except (AttributeError, TypeError, ValueError):  # a parse tree of another make
        return None
    if folded:
        # what IGNORECASE equates with them (the engine's own answer; no character outside
        # the basic plane has a case partner inside it, see the tests)
        if _BMP is None:
            _BMP = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
        cls = "".join(re.escape(ch) for ch in sorted(folded))
        plain.update(re.findall(f"(?i:[{cls}])", _BMP))
    return "".join(re.escape(ch) for ch in sorted(plain)) + "".join(sorted(cats))


def find_dates(
    text: str, published: dt.date | None = None, language: str = "en"
) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``."""
    return _find_dates(text, published, language, _ANCHOR_FOLDER.fold(text))


def _find_dates(
    text: str, published: dt.date | None, language: str, low: str | None
) -> list[DateMention]:
    """find_dates, given ``text`` as a _Folder that knows ANCHOR_ALPHABET lowers it (or
    None)."""
    if isinstance(published, dt.datetime):
        published = published.date()
    found: list[tuple[int, int, str, dict[str, Any]]] = []
    # Run the full patterns only around words that can anchor a date (fast on long texts):
    # a segment runs from 28 characters before an anchor to 26 after it, joined with the
    # next while they meet; only the segments some anchor asks a pattern for are kept
    # (bounds clamped to the text below: the same joins as with clamped bounds).
    segments: list[tuple[int, int, Any]] = []
    english = _patterns(language) is _EN_PATTERNS
    lo = hi = -(10**9)
    asking: Any = _NO_KIND
    for a_start, a_end, group in _anchors(text, low):
        kinds = _en_kinds(text, a_start, a_end, group) if english else _ANCHOR_KINDS[group]
        if a_start - 28 <= hi:
            hi = a_end + 26
            if kinds:
                asking = asking | kinds
        else:
            if asking:
                segments.append((lo, hi, asking))
            lo, hi, asking = a_start - 28, a_end + 26, kinds
    if asking:
        segments.append((lo, hi, asking))
    seen: set[tuple[int, int, str]] = set()
    primed = _primed_patterns(language)
    n = len(text)
    for lo, hi, kinds in segments:
        lo, hi = max(0, lo), min(n, hi)
        while lo > 0 and text[lo - 1].isalnum():
            lo -= 1
        while hi < n and text[hi].isalnum():
            hi += 1
        if english and kinds & _EN_NAMED_MONTH and not _EN_MONTH_HEAD.search(text, lo, hi):
            kinds = kinds - _EN_NAMED_MONTH  # "may" the verb, or a number with no month
        for pattern, kind, quick, asked in primed:
            if asked not in kinds:
                continue
            for m_start, m_end, m in _matches(pattern, text, lo, hi, quick):
                g = m.groupdict()
                if kind == "relunit" and not _names_a_date(kind, g):
                    continue  # "el año", a bare month word: must not hide "hace un año"
                key = (m_start, m_end, kind)
                if m_end > m_start and key not in seen:
                    seen.add(key)
                    found.append((m_start, m_end, kind, g))
    # The more specific kind wins an overlap ("Nov. 29" over "from Nov."), then the longer.
    found.sort(key=lambda t: (_KIND_RANK[t[2]], -(t[1] - t[0]), t[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str, dict[str, Any]]] = []
    for s, e, kind, g in found:
        for ts, te in taken:
            if s < te and ts < e:
                break  # overlaps one taken
        else:
            taken.append((s, e))
            chosen.append((s, e, kind, g))
    chosen.sort(key=lambda t: t[0])

    out: list[DateMention] = []
    eves = False
    periods: set[int] = set()
    for s, e, kind, g in chosen:
        # only a day, a month or a weekday without a year can lie ahead or behind
        # _resolve reads the tense only of a day or a month without a year (they return
        # before it when a year is given) or of a weekday, and only with a publication day
        tense = (
            _tense(text, s, e, low)
            if kind in _TENSED
            and published is not None
            and (kind == "weekday" or not g.get("year"))
            else "past"
        )
        value, precision = _resolve(kind, g, published, tense)
        if kind == "relday" and g["rel"].lower() in _ANAPHORIC_DAYS:
            # "the following day" counts from the day just named, not from publication; the
            # eve of a range is the eve of its first day
            eve = g["rel"].lower() in _EVES
            prior = next(
                (
                    o
                    for o in reversed(out)
                    if o.precision == "day"
                    and o.value
                    and s - o.end < 400
                    and not (eve and o.role in ("end", "until"))
                ),
                None,
            )
            if prior is not None:
                day = dt.date.fromisoformat(prior.value) + dt.timedelta(
                    days=_ANAPHORIC_DAYS[g["rel"].lower()]
                )
                value, precision = day.isoformat(), "day"
            elif g["rel"].lower() == "the eve":
                value, precision = None, "unknown"  # the eve of what: no day named
            eves = eves or eve
        elif (
            kind == "counted"
            or kind == "part"
            or (
                kind == "relunit"
                and (g.get("mod") or g.get("post") or "").lower() in _ANAPHORIC_UNIT_MODS
            )
        ):
            value, precision = _anaphoric(kind, g, text, s, e, out, value, precision, periods)
            if kind == "counted" and value is None:
                continue  # nothing to count from: no date here
        if kind == "relunit" or kind == "part":
            periods.add(s)
        if kind == "month" and value is None and not (g.get("mod") or g.get("mod2")):
            continue  # a bare month word: not a date expression
        if kind == "relunit" and not (
            g.get("mod")
            or g.get("pre")
            or g.get("post")
            or (g.get("art") or "") in ("este", "esta")
        ):
            continue  # "el año", "un año más": no period named
        before = text[max(0, s - 25) : s]
        mod = (g.get("mod") or "").lower()
        role = "point"
        if out and _RANGE_LINK.fullmatch(text, out[-1].end, s):
            role = "end"  # "from Nov. 29 to Dec. 6", "del 29 de noviembre al 6 de diciembre"
        elif mod in ("until", "till", "through", "hasta") or _until_before(before):
            role = "until"
        elif mod in ("since", "desde") or _since_before(before):
            role = "since"
        out.append(DateMention(text[s:e], s, e, value, precision, role))
    return _eves_ahead(text, out) if eves else out


_EVES = frozenset({"the eve", "la víspera"})


def _eves_ahead(text: str, out: list[DateMention]) -> list[DateMention]:
    """ "the eve of" / "la víspera de" followed, in the same sentence, by the day it is the eve
    of ("aplazó la víspera de su apertura la reunión que debía comenzar el 29 de noviembre"):
    the day before that day; with no day named before it, also the first day the next
    sentence names ("... on the eve of the talks. They were to open on Nov. 29.")."""
    for i, d in enumerate(out):
        if d.text.lower() not in _EVES or not _OF_AFTER.match(text, d.end):
            continue
        for later in out[i + 1 :]:
            cuts = 0
            for _ in _BOUNDARY.finditer(text, d.end, later.start + 1):
                cuts += 1
                if cuts > 1:
                    break
            if cuts > 1 or (cuts == 1 and d.value is not None):
                break  # a day named before it wins over one in a later sentence
            if later.precision == "day" and later.value and later.role in ("point", "since"):
                day = dt.date.fromisoformat(later.value) - dt.timedelta(days=1)
                out[i] = DateMention(d.text, d.start, d.end, day.isoformat(), "day", d.role)
                break
    return out


_OF_AFTER = re.compile(r"\s+(?:of|de|del)\b", _I)


def resolve_date(
    expression: str, published: dt.date | None = None, language: str = "en"
) -> DateMention | None:
    """The first date expression in ``expression`` resolved against ``published``."""
    found = find_dates(expression, published, language)
    return found[0] if found else None


def period_bounds(label: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period a "YYYY[-MM[-DD]]" label names."""
    if not label:
        return None
    parts = [int(p) for p in str(label).split("-")[:3]]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
