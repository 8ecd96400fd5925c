"""The speakers registry: canonical names, aliases, roles; matching a mention to a speaker.

The registry is data (``data/speakers.csv``, documented in ``data/README.md``): one row per
person, institution or country, with aliases and transliterations separated by ``|``. Analysts
add a person by adding a row. People who are not in the registry are still named from the
article's own words (``split_mention``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
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


class RegistryError(ValueError):
    """The speakers registry cannot be read; ``problems`` lists one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, strip accents, punctuation to spaces (for comparing names)."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = text.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


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


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A key that folds accents and common transliterations (Riabkov/Ryabkov, Zajárova)."""
    w = fold(word).replace(" ", "")
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    return re.sub(r"i$", "y", w)


def _tokens_key(text: str) -> tuple[str, ...]:
    return tuple(name_key(t) for t in fold(text).split() if t)


def _strip_article(folded: str) -> str:
    return re.sub(r"^(?:the|el|la|los|las|desde)\s+", "", folded)


class Registry:
    """Speakers with indexes for matching mentions."""

    def __init__(self, speakers: list[Speaker]):
        self.speakers = speakers
        self.by_alias: dict[tuple[str, ...], Speaker] = {}
        self.by_surname: dict[str, list[Speaker]] = {}
        self.org_aliases: dict[str, Speaker] = {}
        self.acronyms: set[str] = set()
        self._org_cache: dict[tuple[str, bool], Speaker | None] = {}
        for sp in speakers:
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
                        if re.fullmatch(r"[A-Z][A-Z.]{1,5}", n):
                            self.acronyms.add(f)  # "UN" is not the Spanish article "un"
        self.max_org_words = max((len(k.split()) for k in self.org_aliases), default=1)

    def person(self, name: str) -> Speaker | None:
        """The registry person a name refers to (full name, alias or surname), or None."""
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
            for m in re.finditer(r" (?:de|del|of) (?:la |el |the )?", f) if " " in f else ():
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
        if sp.kind == "country" and not countries:
            return None
        return sp


def _read(path: Path) -> list[Speaker]:
    problems: list[str] = []
    speakers: list[Speaker] = []
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
    """The speakers registry as a frame (``aliases`` as lists)."""
    reg = get_registry(path)
    rows = [
        {c: getattr(sp, c) for c in REGISTRY_COLUMNS} | {"aliases": list(sp.aliases)}
        for sp in reg.speakers
    ]
    return pd.DataFrame(rows, columns=REGISTRY_COLUMNS)


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


def split_mention(mention: str) -> tuple[str, str]:
    """Split "Deputy Foreign Minister Sergey Riabkov" into (stated role, name).

    The name is the run of capitalised words at the end that are not role words; an
    appositive ("Thomas Countryman, a former official") gives the role after the name.
    """
    mention = " ".join(mention.split())
    m = re.match(r"^(?P<name>[^,]+?),\s+(?P<role>[^,]+?),?$", mention)
    if m and (
        any(fold(w) in ROLE_WORDS for w in m.group("role").split())
        or re.match(r"(?:a|an|the|el|la|un|una)\s", m.group("role"))
    ):
        words = m.group("name").split()
        k = 0
        while k < len(words) - 1 and fold(words[k]) in ROLE_WORDS:
            k += 1  # "Dr. Jane Smith, a physicist": the title goes with the role
        if words and all(_is_name_word(w) for w in words[k:]):
            role = " ".join([*words[:k], m.group("role").strip()])
            return role, " ".join(words[k:])
    m = re.match(r"^(?P<role>[^,]+?),\s+(?P<name>[^,]+?),?$", mention)
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
