"""The speakers registry: canonical names, aliases, roles; matching a mention to a speaker.

The registry is data (``data/speakers.csv``, documented in ``data/README.md``): one row per
institution or country and one per role of a person (with the role's dates), with aliases and
transliterations separated by ``|``. Analysts add a person by adding a row. ``role_at`` gives
the role a person held on a day. People who are not in the registry are still named from the
article's own words (``split_mention``).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

#: Where the registry lives (``data/speakers.csv`` at the project root).
DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "speakers.csv"

REGISTRY_COLUMNS = [
    "name",
    "kind",
    "aliases",
    "role",
    "org",
    "country",
    "gender",
    "role_start",
    "role_end",
    "source_url",
]

KINDS = ("person", "institution", "country")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that describe a role or an office rather than name a person (lowercase).
ROLE_WORDS = _wordset(
    """
    acting adviser advisor aide ambassador american analyst assistant attache british
    canciller chair chairman chairwoman chancellor chief chinese commander commissioner
    councillor counsellor defence defense delegate delegation deputy diplomat director
    disarmament envoy executive expert first foreign former french general german head
    intelligence international leader minister ministry national nato negotiator official
    permanent premier president press prime principal representative researcher russian
    secretary security senator senior special speaker spokesman spokesperson spokeswoman state
    top ukrainian under undersecretary us vice white house kremlin un iaea presidente ministro
    ministra vicecanciller viceministro portavoz vocero vocera secretario secretaria embajador
    embajadora jefe jefa ruso rusa estadounidense norteamericano exteriores asuntos canciller
    funcionario funcionaria asesor asesora alto alta representante director directora general
    vicepresidente chino china ucraniano ucraniana experto experta analista estado kremlin's
    ministry's embassy mission embajada dr mr mrs ms prof sen rep gen adm col lt capt sir lord
    sr sra dra administration government military western european
    scholar fellow professor academic lecturer investigador investigadora profesor profesora
    académico académica catedrático catedrática especialista politólogo politóloga
    defensa interior energía hacienda economía justicia seguridad negociador negociadora
    presidential presidencial
    """
)

#: Countries whose names put the family name first ("Mao Ning" -> "Mao").
FAMILY_NAME_FIRST = frozenset(
    {"China", "Taiwan", "Japan", "North Korea", "South Korea", "Korea", "Vietnam"}
)

_WORD_RE = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


@dataclass(frozen=True)
class Speaker:
    """One row of the registry."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    role: str = ""
    org: str = ""
    country: str = ""
    gender: str = ""
    role_start: str = ""
    role_end: str = ""
    source_url: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""

    @property
    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """(first day in the role, first day out of it); None where the registry has no date."""
        return role_period(self.role_start, self.role_end)

    def held_at(self, when: dt.date) -> bool:
        """Whether the role may be held on ``when`` (an unknown bound does not exclude it)."""
        first, out = self.period
        return (first is None or first <= when) and (out is None or when < out)


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_role_date(value: str) -> tuple[dt.date, str] | None:
    """("YYYY-MM-DD" | "YYYY-MM" | "YYYY") -> (first day of that period, precision), or None."""
    m = _DATE_RE.fullmatch((value or "").strip())
    if m is None:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        first = dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    return first, ("day" if d else "month" if mo else "year")


@lru_cache(maxsize=4096)
def role_period(start: str, end: str) -> tuple[dt.date | None, dt.date | None]:
    """The days a role covers: (first day, first day out of it).

    ``role_end`` on a day is the first day out of office (the successor's first day); a month or
    a year as ``role_end`` means the role was held through that month or year.
    """
    s = parse_role_date(start) if start else None
    e = parse_role_date(end) if end else None
    out = None
    if e is not None:
        day, precision = e
        if precision == "day":
            out = day
        elif precision == "month":
            out = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            out = day.replace(year=day.year + 1)
    return (s[0] if s else None), out


def as_date(when: object) -> dt.date | None:
    """A date from a date, datetime, pandas Timestamp or "YYYY-MM-DD" string (else None)."""
    if when is None:
        return None
    if isinstance(when, str):
        p = parse_role_date(when[:10])
        return p[0] if p else None
    if isinstance(when, dt.datetime):
        return None if pd.isna(when) else when.date()
    if isinstance(when, dt.date):
        return when
    try:
        if pd.isna(when):
            return None
        return pd.Timestamp(when).date()
    except (TypeError, ValueError):
        return None


class RegistryError(ValueError):
    """The speakers registry cannot be read; ``problems`` lists one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


_RE1 = re.compile(r"[^a-z0-9]+")


# fold of ASCII text, a byte at a time: A-Z lowercased, a-z and 0-9 kept, every other byte a
# space (what lower() and _RE1 do to ASCII); the apostrophe is deleted first.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)
#: texts longer than this are folded without the cache (quotes and sentences do not repeat)
FOLD_CACHE_MAX = 60


def _fold_exact(text: str) -> str:
    """fold as written first (the reference the tests compare _fold_text with)."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = text.replace("’", "").replace("'", "")
    return _RE1.sub(" ", text).strip()


def _fold_text(text: str) -> str:
    """fold without the cache."""
    if not text:
        return ""
    if text.isascii():  # the words of the byte table, one space between them, none at the ends
        return b" ".join(text.encode("ascii").translate(_ASCII_FOLD, b"'").split()).decode("ascii")
    return _fold_exact(text)


_fold_short = lru_cache(maxsize=65536)(_fold_text)


def fold(text: str) -> str:
    """Lowercase, strip accents, punctuation to spaces (for comparing names)."""
    if isinstance(text, str) and len(text) > FOLD_CACHE_MAX:
        return _fold_text(text)
    return _fold_short(text)


_TRANSLIT = (
    ("kh", "h"),
    ("j", "h"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("iy", "y"),
    ("ii", "y"),
    ("ia", "ya"),
    ("ye", "e"),
    ("ei", "ey"),
    ("yy", "y"),
)


_RE2 = re.compile(r"i$")


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A key that folds accents and common transliterations (Riabkov/Ryabkov, Zajárova)."""
    w = fold(word).replace(" ", "")
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    return _RE2.sub("y", w)


def _tokens_key(text: str) -> tuple[str, ...]:
    return tuple(name_key(t) for t in fold(text).split() if t)


_RE3 = re.compile(r"^(?:the|el|la|los|las|desde)\s+")


def _strip_article(folded: str) -> str:
    return _RE3.sub("", folded)


_RE4 = re.compile(r" (?:de|del|of) (?:la |el |the )?")
_RE5 = re.compile(r"[A-Z][A-Z.]{1,5}")


class Registry:
    """Speakers with indexes for matching mentions."""

    def __init__(self, speakers: list[Speaker]):
        self.speakers = speakers
        self.by_alias: dict[tuple[str, ...], Speaker] = {}
        self.by_surname: dict[str, list[Speaker]] = {}
        self.org_aliases: dict[str, Speaker] = {}
        self.acronyms: set[str] = set()
        self._org_cache: dict[tuple[str, bool], Speaker | None] = {}
        self._person_cache: dict[str, Speaker | None] = {}
        #: answers other modules derive from the registry alone, keyed by what they ask
        self.memo: dict[tuple, object] = {}
        #: every role row of a person, by canonical name (oldest first)
        self.roles: dict[str, list[Speaker]] = {}
        for sp in speakers:
            if sp.kind == "person":
                self.roles.setdefault(sp.name, []).append(sp)
        primaries: list[Speaker] = []
        for sp in speakers:
            if sp.kind != "person":
                primaries.append(sp)
            elif self.roles[sp.name][0] is sp:
                rows = self.roles[sp.name]
                rows.sort(key=lambda r: r.period[0] or dt.date.min)
                aliases = tuple(dict.fromkeys(a for r in rows for a in r.aliases))
                primary = _primary(rows)
                if aliases != primary.aliases:
                    primary = replace(primary, aliases=aliases)
                primaries.append(primary)
        for sp in primaries:
            names = (sp.name, *sp.aliases)
            if sp.kind == "person":
                for n in names:
                    key = _tokens_key(n)
                    if key:
                        self.by_alias.setdefault(key, sp)
                        surnames = [key[-1]]
                        if sp.country in FAMILY_NAME_FIRST and len(key) > 1:
                            surnames.append(key[0])  # "Mao Ning" is "Mao" on second mention
                        for sn in surnames:
                            bucket = self.by_surname.setdefault(sn, [])
                            if sp not in bucket:
                                bucket.append(sp)
            else:
                for n in names:
                    f = _strip_article(fold(n))
                    if f:
                        self.org_aliases.setdefault(f, sp)
                        if _RE5.fullmatch(n):
                            self.acronyms.add(f)  # "UN" is not the Spanish article "un"
        self.max_org_words = max((len(k.split()) for k in self.org_aliases), default=1)

    def person(self, name: str) -> Speaker | None:
        """The registry person a name refers to (full name, alias or surname), or None."""
        if name in self._person_cache:
            return self._person_cache[name]
        if len(self._person_cache) > 50000:
            self._person_cache.clear()
        sp = self._person_cache[name] = self._person(name)
        return sp

    def _person(self, name: str) -> Speaker | None:
        key = _tokens_key(name)
        if not key:
            return None
        if key in self.by_alias:
            return self.by_alias[key]
        cands = self.by_surname.get(key[-1], [])
        if not cands:
            return None
        if len(key) == 1:
            return cands[0] if len(cands) == 1 else None
        first = key[0][:1]
        fitting = [
            c for c in cands if any(_tokens_key(n)[0][:1] == first for n in (c.name, *c.aliases))
        ]
        return fitting[0] if len(fitting) == 1 else None

    def role_at(self, person: str | Speaker, when: object = None) -> Speaker | None:
        """The registry row of ``person`` whose role is held on ``when``.

        With several rows that fit, the one that began last; with no date, the current (or
        latest) role. None when the person is not in the registry or, by the registry's
        dates, held none of its roles on that day.
        """
        name = person.name if isinstance(person, Speaker) else person
        rows = self.roles.get(name)
        if not rows:
            sp = self.person(name) if isinstance(person, str) else None
            rows = self.roles.get(sp.name) if sp is not None else None
            if not rows:
                return None
        day = as_date(when)
        if day is None:
            return _primary(rows)
        held = [r for r in rows if r.held_at(day)]
        if not held:
            return None
        return max(held, key=lambda r: r.period[0] or dt.date.min)

    def former_role(self, person: str | Speaker, when: object) -> Speaker | None:
        """The last role ``person`` left before ``when`` (as a row whose role reads "former
        ..."), when the registry dates show no role held on that day; else None."""
        name = person.name if isinstance(person, Speaker) else person
        day = as_date(when)
        rows = self.roles.get(name) or []
        if day is None or not rows or any(r.held_at(day) for r in rows):
            return None
        ended = [r for r in rows if r.period[1] is not None and r.period[1] <= day and r.role]
        if not ended:
            return None
        last = max(ended, key=lambda r: r.period[1])
        role = last.role if last.role.lower().startswith("former") else f"former {last.role}"
        return replace(last, role=role)

    def holders_at(self, when: object) -> list[Speaker]:
        """Person rows whose role may be held on ``when`` (unknown bounds included)."""
        day = as_date(when)
        if day is None:
            return []
        return [r for rows in self.roles.values() for r in rows if r.held_at(day)]

    def organisation(self, mention: str, *, countries: bool = True) -> Speaker | None:
        """The institution (or country) a phrase names exactly, or None."""
        key = (mention, countries)
        if key not in self._org_cache:
            if len(self._org_cache) > 50000:
                self._org_cache.clear()
            self._org_cache[key] = self._organisation(mention, countries)
        return self._org_cache[key]

    def _organisation(self, mention: str, countries: bool) -> Speaker | None:
        f = _strip_article(fold(mention))
        sp = self.org_aliases.get(f)
        if sp is None:
            # "Departamento de Estado de Estados Unidos", "the Foreign Ministry of Russia"
            for m in _RE4.finditer(f) if " " in f else ():
                inst = self.org_aliases.get(f[: m.start()])
                place = self.org_aliases.get(f[m.end() :])
                if (
                    inst is not None
                    and inst.kind == "institution"
                    and place is not None
                    and place.kind == "country"
                    and inst.country == place.country
                ):
                    return inst
            return None
        if f in self.acronyms and mention.strip().islower():
            return None
        if f in self.acronyms and len(f) <= 2 and not mention.split()[-1].isupper():
            return None  # "Un funcionario": the Spanish article, not the UN
        if sp.kind == "country" and not countries:
            return None
        return sp


def _primary(rows: list[Speaker]) -> Speaker:
    """A person's role when no date is given: an open role that began last, else the one that
    ended last."""
    open_rows = [r for r in rows if not r.role_end]
    if open_rows:
        return max(open_rows, key=lambda r: r.period[0] or dt.date.min)
    return max(rows, key=lambda r: r.period[1] or dt.date.min)


def _check_dates(row: dict[str, str], where: str) -> list[str]:
    problems = []
    start, end = (row.get("role_start") or "").strip(), (row.get("role_end") or "").strip()
    for col, value in (("role_start", start), ("role_end", end)):
        if value and parse_role_date(value) is None:
            problems.append(
                f"{where}: {col} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"
            )
    if not problems and start and end:
        first, out = role_period(start, end)
        if first is not None and out is not None and out <= first:
            problems.append(f"{where}: role_end {end} is not after role_start {start}")
    return problems


def _read(path: Path) -> list[Speaker]:
    problems: list[str] = []
    speakers: list[Speaker] = []
    seen: dict[str, tuple[str, int]] = {}
    seen_roles: dict[tuple[str, str, str], int] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("name", "kind") if c not in (reader.fieldnames or [])]
            if missing:
                raise RegistryError([f"{path}: missing column(s) {', '.join(missing)}"])
            for lineno, row in enumerate(reader, start=2):
                name = (row.get("name") or "").strip()
                kind = (row.get("kind") or "person").strip() or "person"
                if not name:
                    problems.append(f"{path}:{lineno}: empty name")
                    continue
                if kind not in KINDS:
                    problems.append(f"{path}:{lineno}: kind {kind!r} is not one of {KINDS}")
                    continue
                bad = _check_dates(row, f"{path}:{lineno}")
                if bad:
                    problems += bad
                    continue
                key = (
                    name,
                    (row.get("role_start") or "").strip(),
                    (row.get("role_end") or "").strip(),
                )
                if name in seen and (kind != "person" or seen[name][0] != "person"):
                    problems.append(
                        f"{path}:{lineno}: {name!r} is already on line {seen[name][1]}; only a "
                        "person may have several rows (one per role, with its dates)"
                    )
                    continue
                if key in seen_roles:
                    problems.append(
                        f"{path}:{lineno}: {name!r} has the same role_start and role_end as on "
                        f"line {seen_roles[key]}; give each role of a person its own dates"
                    )
                    continue
                seen.setdefault(name, (kind, lineno))
                seen_roles[key] = lineno
                aliases = tuple(
                    a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()
                )
                speakers.append(
                    Speaker(
                        name=name,
                        kind=kind,
                        aliases=aliases,
                        **{c: (row.get(c) or "").strip() for c in REGISTRY_COLUMNS[3:]},
                    )
                )
    except OSError as exc:
        raise RegistryError(
            [f"{path}: cannot read the speakers registry ({exc.strerror})"]
        ) from None
    if problems:
        raise RegistryError(problems)
    return speakers


@lru_cache(maxsize=8)
def _registry(path: str) -> Registry:
    return Registry(_read(Path(path)))


def get_registry(path: str | Path | None = None) -> Registry:
    """The registry (read once per path and cached)."""
    return _registry(str(path or DEFAULT_REGISTRY))


def load_registry(path: str | Path | None = None) -> pd.DataFrame:
    """The speakers registry as a frame, one row per registry row (``aliases`` as lists)."""
    reg = get_registry(path)
    rows = [
        {c: getattr(sp, c) for c in REGISTRY_COLUMNS} | {"aliases": list(sp.aliases)}
        for sp in reg.speakers
    ]
    return pd.DataFrame(rows, columns=REGISTRY_COLUMNS)


def role_at(person: str, when: object = None, path: str | Path | None = None) -> Speaker | None:
    """The registry row (role, org, dates) of ``person`` valid on ``when`` (a date, or None for
    the current role); None if the registry dates show no role held that day."""
    return get_registry(path).role_at(person, when)


def match_speaker(mention: str, path: str | Path | None = None) -> Speaker | None:
    """The registry entry a mention refers to ("Riabkov", "the Kremlin", "Zajárova"), or None."""
    reg = get_registry(path)
    org = reg.organisation(mention)
    if org is not None:
        return org
    _, name = split_mention(mention)
    return reg.person(name) if name else None


def _is_name_word(word: str) -> bool:
    w = word.strip(".,")
    if not w or not w[0].isupper():
        return False
    f = fold(w)
    if f in ROLE_WORDS or (" " in f and all(p in ROLE_WORDS for p in f.split())):
        return False  # "Secretary-General", "Vice-President"
    return not (w.endswith("'s") or w.endswith("’s"))


_RE6 = re.compile(r"^(?P<name>[^,]+?),\s+(?P<role>[^,]+?),?$")
_RE7 = re.compile(r"^(?P<role>[^,]+?),\s+(?P<name>[^,]+?),?$")
_RE8 = re.compile(r"(?:a|an|the|el|la|un|una)\s")


@lru_cache(maxsize=65536)
def split_mention(mention: str) -> tuple[str, str]:
    """Split "Deputy Foreign Minister Sergey Riabkov" into (stated role, name).

    The name is the run of capitalised words at the end that are not role words; an
    appositive ("Thomas Countryman, a former official") gives the role after the name.
    """
    mention = " ".join(mention.split())
    m = _RE6.match(mention)
    if m and (
        any(fold(w) in ROLE_WORDS for w in m.group("role").split()) or _RE8.match(m.group("role"))
    ):
        words = m.group("name").split()
        k = 0
        while k < len(words) - 1 and fold(words[k]) in ROLE_WORDS:
            k += 1  # "Dr. Jane Smith, a physicist": the title goes with the role
        if words and all(_is_name_word(w) for w in words[k:]):
            role = " ".join([*words[:k], m.group("role").strip()])
            return role, " ".join(words[k:])
    m = _RE7.match(mention)
    if m and all(_is_name_word(w) for w in m.group("name").split()):
        return m.group("role").strip(), m.group("name").strip()
    words = mention.split()
    i = len(words)
    while i > 0 and (_is_name_word(words[i - 1]) or (i < len(words) and _particle(words[i - 1]))):
        i -= 1
    while i < len(words) and _particle(words[i]):
        i += 1
    name = " ".join(words[i:]).strip(",")
    role = " ".join(words[:i]).strip(" ,")
    return role, name


def _particle(word: str) -> bool:
    return word in {"de", "del", "van", "von", "bin", "al", "da", "di", "dos", "der", "le"}
