"""Who said what: direct quotes, reported speech and partial quotes, with resolved speakers.

A rule-based pipeline in small parts (after BBC R&D's Citron and the Gender Gap Tracker):
quotation marks are paired first, then the text is split into sentences that never cut a
quote, then speech cues from the lexicons in ``data/lexicon/`` are found outside quotes, each
cue gets a speaker (a name, a pronoun, a role noun, an institution) and a reported clause;
finally mentions are resolved to canonical speakers with the registry (``analysis.speakers``)
and the people the article itself introduces.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.speakers import (
    ROLE_WORDS,
    Registry,
    Speaker,
    _wordset,
    as_date,
    fold,
    get_registry,
    name_key,
    split_mention,
)

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"

# ---------------------------------------------------------------------------------------------
# Lexicons (data/lexicon/*.csv), read once.


@dataclass(frozen=True)
class RoleNoun:
    phrase: str
    language: str
    match: tuple[tuple[str, ...], ...]  # alternatives, each a conjunction of substrings
    exclude: tuple[str, ...]
    country: str
    gender: str
    target: str  # person | institution | any


@dataclass
class Lexicon:
    cues: dict[str, tuple[str, str]]  # cue (lowercase) -> (lemma, pattern)
    cue_re: re.Pattern
    first_words: frozenset[str]
    role_nouns: list[RoleNoun]
    role_tokens: frozenset[str]
    unnamed: frozenset[str]
    first_re: re.Pattern  # a cue's first word in lowered text, after a non-word character
    # cue_re's alternatives (in its order) by their leading run of word characters: where a
    # word w starts, only the cues whose leading run is w can match (their run must be the
    # whole word, under re.IGNORECASE; for a word whose lower() is w that means equal to w)
    cue_by_first: dict[str, re.Pattern]
    # first_re without "~" before the word: for a text without "~", whose masked form has
    # "~" only inside quotations, never before a word character (_CueIndex)
    first_nt_re: re.Pattern | None = None
    role_cache: dict = field(default_factory=dict)  # folded mention -> RoleNoun | None
    cue_entry: dict = field(default_factory=dict)  # a cue as written -> (lemma, pattern)


def _read_csv(name: str) -> list[dict[str, str]]:
    path = LEXICON_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


_FUNCTION_WORDS = _wordset("de del la el los las of the a an and y en in on for por para con with")


@lru_cache(maxsize=4)
def _lexicon(language: str) -> Lexicon:
    lang = "es" if language == "es" else "en"
    cues: dict[str, tuple[str, str]] = {}
    for row in _read_csv(f"speech_verbs_{lang}.csv"):
        cues[row["cue"].lower()] = (row["lemma"], row["pattern"])
    alts = sorted(cues, key=len, reverse=True)
    cue_re = re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in alts)
        + r")(?![\w])",
        re.IGNORECASE,
    )
    role_nouns = []
    tokens: set[str] = set()
    for row in _read_csv("role_nouns.csv"):
        match = tuple(
            tuple(part.strip() for part in alt.split("+") if part.strip())
            for alt in row["match"].split("|")
            if alt.strip()
        )
        role_nouns.append(
            RoleNoun(
                phrase=fold(row["phrase"]),
                language=row["language"],
                match=match,
                exclude=tuple(x for x in row["exclude"].split("|") if x),
                country=row["country"],
                gender=row["gender"],
                target=row["target"] or "person",
            )
        )
        tokens.update(w for w in fold(row["phrase"]).split() if w not in _FUNCTION_WORDS)
    role_nouns.sort(key=lambda r: len(r.phrase), reverse=True)
    unnamed = frozenset(fold(r["word"]) for r in _read_csv("unnamed_sources.csv"))
    first = frozenset(c.split()[0] for c in cues)
    first_re = re.compile("[^a-z0-9_](" + _trie_pattern(first) + ")")
    # (not followed by an ASCII word character: a shorter first word there is a prefix of
    # the longer, followed by a letter too)
    first_nt_re = re.compile("[^a-z0-9_~](" + _trie_pattern(first) + ")(?![a-z0-9_])")
    groups: dict[str, list[str]] = {}
    for c in alts:
        lead = _WORD_RE.match(c)
        groups.setdefault(lead.group() if lead else "", []).append(c)
    cue_by_first = {
        w: re.compile(
            r"(?<![\w])(?:"
            + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in group)
            + r")(?![\w])",
            re.IGNORECASE,
        )
        for w, group in groups.items()
    }
    return Lexicon(
        cues,
        cue_re,
        first,
        role_nouns,
        frozenset(tokens),
        unnamed,
        first_re,
        cue_by_first,
        first_nt_re,
    )


def _trie_pattern(words: frozenset[str]) -> str:
    """A regex matching the longest of the words that starts at a position (a trie: one
    branch per letter, so the regex engine never backtracks across words)."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


_WORD_RE = re.compile(r"\w+")

# True: the extractor takes the plain path where a shortcut skips work (the cue index, the
# sentence gate, the early returns of _cue, the quote bisects, the document-verb pass, the
# fast split_sentences); tests compare both paths. The exact rewrites (memos by mention or
# name run, equivalent regexes, end-of-text prefilters) are tested on their own.
_EXACT = False


def _find_cues(lex: Lexicon, s: str, a: int, b: int, *, caps: bool = False) -> list[re.Match]:
    """Speech cues in s[a:b] (fast: a word lookup before the regex). A capitalised cue in
    the middle of a sentence is a name ("the United States"), unless caps (headlines)."""
    out = []
    last = a
    for wm in _WORD_RE.finditer(s, a, b):
        if wm.start() < last or wm.group().lower() not in lex.first_words:
            continue
        if not caps and wm.group()[0].isupper():
            prev = s[a : wm.start()].rstrip()[-1:]
            if prev and (prev.isalnum() or prev in ",;’'"):
                continue
        cm = lex.cue_re.match(s, wm.start(), b)
        if cm:
            out.append(cm)
            last = cm.end()
    return out


_W1_RE = re.compile(r"\w")


def _cue_match(lex: Lexicon, s: str, pos: int = 0) -> re.Match | None:
    """lex.cue_re.match(s, pos), the same match, trying only the cues that can start there:
    those whose leading run of word characters is the word at pos, lowered (see
    Lexicon.cue_by_first), or, before a character that is no word character, those with none.
    A word with a letter of _IGNORECASE_ODD takes the whole regex."""
    if _EXACT:
        return lex.cue_re.match(s, pos)
    wm = _WORD_RE.match(s, pos)
    if wm is None:
        rx = lex.cue_by_first.get("")
        return None if rx is None else rx.match(s, pos)
    w = wm.group()
    if not w.isascii() and not _IGNORECASE_ODD.isdisjoint(w):
        return lex.cue_re.match(s, pos)
    rx = lex.cue_by_first.get(w.lower())
    return None if rx is None else rx.match(s, pos)


class _CueIndex:
    """The cue first words of one (masked) text, found in one pass; ``find(a, b)`` then
    gives exactly what ``_find_cues(lex, s, a, b)`` gives, looking only at those words."""

    def __init__(self, lex: Lexicon, s: str, text: str | None = None):
        """``text``: the text s masks (s is its _masked form), when known."""
        self.lex = lex
        self.s = s
        low = " " + s.lower()
        starts: list[int] = []
        words: list[str] = []  # each lowered
        first = lex.first_words
        w1 = _W1_RE.match
        if len(low) == len(s) + 1:
            # str.lower() maps each character to one here (only "İ" lowers to two), so low
            # lines up with s and a word w of s lowers to low[p:e]. A first word is letters,
            # and no non-word character lowers to a word character, so the character before
            # a cue's first word is outside [a-z0-9_] in low too: every word of s whose
            # lower() is a first word is a hit of first_re (which takes the longest first
            # word at a place). Each hit is checked exactly against s. In the masked form of
            # a text without "~", "~" fills quotations, which end before a closing mark, white
            # space or the end: no "~" stands before a first word (first_nt_re skips them).
            nt = text is not None and "~" not in text
            rx = lex.first_nt_re if nt else lex.first_re
            for hm in rx.finditer(low):
                p, e = hm.start(), hm.end() - 1
                w = hm.group(1)  # low[p + 1 : e + 1], which is s[p:e].lower() (lined up)
                # low[p] is the character before s[p], lowered (lowering keeps a character a
                # word character or not): an ASCII one outside [a-z0-9_] is no word character.
                # first_nt_re has seen that the one after, lowered, is no ASCII word character
                if (
                    (p and not low[p].isascii() and w1(s, p - 1))
                    or ((not nt or not low[e + 1 : e + 2].isascii()) and w1(s, e))
                    or w not in first
                ):
                    continue
                starts.append(p)
                words.append(w)
        else:  # exact: every word
            for wm in _WORD_RE.finditer(s):
                w = wm.group().lower()
                if w in first:
                    starts.append(wm.start())
                    words.append(w)
        self.starts = starts
        self.words = words
        self._odd: bool | None = None

    def odd_case(self) -> bool:
        """Whether the text holds a letter of _IGNORECASE_ODD."""
        if self._odd is None:
            self._odd = any(c in self.s for c in _IGNORECASE_ODD)
        return self._odd

    def find_in_sentence(self, a: int, b: int, *, caps: bool = False) -> list[re.Match]:
        """``find(a, b)`` for a span of split_sentences: it starts after a space (or at 0)
        and ends before one (or at the end), so it cuts no word."""
        if _EXACT:
            return _find_cues(self.lex, self.s, a, b, caps=caps)
        starts = self.starts
        k = bisect.bisect_left(starts, a)
        if k == len(starts) or starts[k] >= b:
            return []
        s = self.s
        lex = self.lex
        out = []
        last = a
        n = len(starts)
        words = self.words
        by_first = lex.cue_by_first
        while k < n and starts[k] < b:
            p = starts[k]
            k += 1
            if p < last:
                continue
            if not caps and s[p].isupper():
                prev = s[a:p].rstrip()[-1:]
                if prev and (prev.isalnum() or prev in ",;’'"):
                    continue
            cm = by_first[words[k - 1]].match(s, p, b)
            if cm:
                out.append(cm)
                last = cm.end()
        return out

    def find(self, a: int, b: int, *, caps: bool = False) -> list[re.Match]:
        """``_find_cues(lex, s, a, b, caps=caps)``, the same matches."""
        s = self.s
        if _EXACT:
            return _find_cues(self.lex, s, a, b, caps=caps)
        if a >= b:
            return []
        lex = self.lex
        first = lex.first_words
        starts = self.starts
        cands: list[tuple[int, str]] = []
        # s[a:b] is what _WORD_RE.finditer(s, a, b) sees: a word cut at a is seen from a,
        # a word cut at b up to b; such words are tested as seen, the others come from
        # the index.
        # c.isalnum() or c == "_" is what \w matches at c (tested at every code point)
        head_cut = False
        if 0 < a < len(s):
            c = s[a - 1]
            if c.isalnum() or c == "_":
                c = s[a]
                head_cut = c.isalnum() or c == "_"
        if head_cut:
            wm = _WORD_RE.match(s, a, b)
            w = wm.group().lower()
            if w in first:
                cands.append((a, w))
        tail = -1
        if b < len(s) and ((c := s[b]).isalnum() or c == "_"):
            c = s[b - 1]
            if c.isalnum() or c == "_":
                p = b - 1
                while p > a and ((c := s[p - 1]).isalnum() or c == "_"):
                    p -= 1
                if p > a or not head_cut:
                    tail = p
        k = bisect.bisect_left(starts, a)
        n = len(starts)
        while k < n and starts[k] < b:
            if starts[k] == tail:
                break  # the word goes on past b: tested below as seen
            cands.append((starts[k], self.words[k]))
            k += 1
        if tail >= 0 and s[tail:b].lower() in first:
            cands.append((tail, s[tail:b].lower()))
        out = []
        last = a
        for p, w in cands:
            if p < last:
                continue
            if not caps and s[p].isupper():
                prev = s[a:p].rstrip()[-1:]
                if prev and (prev.isalnum() or prev in ",;’'"):
                    continue
            cm = lex.cue_by_first[w].match(s, p, b)
            if cm:
                out.append(cm)
                last = cm.end()
        return out


# ---------------------------------------------------------------------------------------------
# Quotation marks.

_DOUBLE_OPEN = "“«„‹"
_DOUBLE_CLOSE = "”»›"
_MARK_CHARS = "\"“”«»„‹›‘’'"
_MARKS_RE = re.compile("[" + _MARK_CHARS + "]")


def _positions(text: str, chars: str) -> list[int]:
    """The offsets of the characters of chars (each once) in text, in order: the starts of
    re.finditer("[" + chars + "]", text), found with str.find, which skips to a character
    faster than the regex engine does to a class holding characters outside ASCII."""
    out: list[int] = []
    find = text.find
    for c in chars:
        i = find(c)
        while i >= 0:
            out.append(i)
            i = find(c, i + 1)
    out.sort()
    return out


_OPENERS_CTX = set(" \t\n\r([{—–-/\u00a0") | set("“«„‘‹")
_CLOSERS_CTX = set(" \t\n\r.,;:!?)]}…—–-\u00a0") | set("”»’›")


@dataclass
class Quote:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark (None: runs to the paragraph end)
    start: int  # content start
    end: int  # content end (exclusive)


_RE1 = re.compile(r"\n(?:[ \t]*\n)*")


def _para_breaks(text: str) -> list[int]:
    """Offsets where paragraphs end: the first newline of each run of blank lines."""
    return [m.start() for m in _RE1.finditer(text)]


def _mark_role(text: str, i: int) -> str:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_open = prev in _OPENERS_CTX
    right_close = nxt in _CLOSERS_CTX
    if c in "“„":
        return "close" if (right_close and not left_open and c == "“") else "open"
    if c in "«‹":
        return "open"
    if c in "”»›":
        return "open" if (left_open and not right_close) else "close"
    if c == "‘":
        return "sopen" if left_open and not right_close else "none"
    if c in "’'":
        if prev.isalnum() and nxt.isalnum():
            return "none"  # apostrophe: Russia’s, don’t
        if c == "'" and left_open and not right_close and nxt.isalpha():
            return "sopen"
        return "sclose" if not left_open else "none"
    # straight double quote
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "toggle"


def find_quotes(text: str, nl: list[int] | None = None) -> list[Quote]:
    """Outermost quotations in a text: curly, straight, angle and low-9 marks, tolerant of
    mismatched pairs; a paragraph left open continues into the next one. ``nl``: the text's
    _para_breaks, when known."""
    if _EXACT:
        marks = [m.start() for m in _MARKS_RE.finditer(text)]
    else:
        marks = _positions(text, _MARK_CHARS)
    if not marks:
        return []
    if nl is None:
        nl = _para_breaks(text)

    def para(i: int) -> int:
        return bisect.bisect_left(nl, i)

    def para_end(i: int) -> int:
        p = para(i)
        end = nl[p] if p < len(nl) else len(text)
        while end > i and text[end - 1].isspace():
            end -= 1
        return end

    quotes: list[Quote] = []
    stack: list[tuple[int, str]] = []  # (index, "d"|"s")

    def close_at(end_mark: int | None, end: int) -> None:
        o, kind = stack[0]
        if end_mark is None and kind == "s":
            stack.clear()  # a lone single mark is an apostrophe, not a quotation
            return
        if end > o + 1:
            quotes.append(Quote(o, end_mark, o + 1, end))
        stack.clear()

    for i in marks:
        role = _mark_role(text, i)
        if role == "none":
            continue
        if stack:
            op = para(stack[0][0])
            p = para(i)
            if p > op:
                # the quote stayed open at a paragraph end
                line_start = nl[p - 1] + 1 if p > 0 else 0
                starts_para = text[line_start:i].strip() == ""
                if p == op + 1 and role in ("open", "toggle") and starts_para:
                    continue  # next paragraph re-opens: the same quotation goes on
                if p == op + 1 and role in ("close", "toggle", "sclose") and len(stack) == 1:
                    close_at(i, i)
                    continue
                close_at(None, para_end(stack[0][0]))
        if role == "toggle":
            role = "close" if stack and stack[-1][1] == "d" else "open"
        if role == "open":
            stack.append((i, "d"))
        elif role == "sopen":
            if not stack or stack[-1][1] == "d":
                stack.append((i, "s"))
        elif role == "sclose":
            if stack and stack[-1][1] == "s":
                stack.pop() if len(stack) > 1 else close_at(i, i)
        elif role == "close":
            while len(stack) > 1 and stack[-1][1] == "s":
                stack.pop()
            if len(stack) > 1:
                stack.pop()
            elif stack:
                close_at(i, i)
    if stack:
        close_at(None, para_end(stack[0][0]))
    return [q for q in quotes if text[q.start : q.end].strip()]


# ---------------------------------------------------------------------------------------------
# Sentences.

_ABBREV = _wordset(
    """
    mr mrs ms dr st gen lt col sen rep gov prof jr sr sra srta inc corp co no nos vs jan feb
    mar apr jun jul aug sep sept oct nov dec ene dic etc approx est ft gral lic art fig vol pp
    min max adm maj capt cmdr
    """
)
_SENT_STARTERS = _wordset(
    """
    the he she it they in but a this that we on at el la los las según and earlier however
    """
)


_NOT_NL_RE = re.compile(r"[^\n]")


def _masked(text: str, quotes: list[Quote]) -> str:
    """The text with the inside of every quotation replaced by "~" (offsets unchanged)."""
    parts = []
    last = 0
    for q in quotes:
        parts.append(text[last : q.start])
        inner = text[q.start : q.end]
        parts.append(_NOT_NL_RE.sub("~", inner) if "\n" in inner else "~" * len(inner))
        last = q.end
    parts.append(text[last:])
    return "".join(parts)


_BOUNDARY_CHARS = '\n.!?…”»"'
_BOUNDARY_CAND_RE = re.compile("[" + _BOUNDARY_CHARS + "]")


def split_sentences(text: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) that never cut inside a quotation; newlines end sentences."""
    if quotes is None:
        quotes = find_quotes(text)
    q_starts = [q.start for q in quotes]
    q_ends = [q.end for q in quotes]
    if _EXACT or any(q_ends[k] > q_starts[k + 1] for k in range(len(quotes) - 1)):
        return _split_sentences_plain(text, quotes)
    # quotes are in order and apart: the one a candidate may be inside is found by walking
    # forward with the candidates
    nq = len(quotes)
    qk = 0
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for i in _positions(text, _BOUNDARY_CHARS):  # _BOUNDARY_CAND_RE's matches
        if i < start:
            continue
        while qk < nq and q_ends[qk] <= i:
            qk += 1
        if qk < nq and q_starts[qk] <= i:
            continue  # inside a quotation
        c = text[i]
        cut = nxt = None
        if c == "\n":
            # a run of newlines cuts once: the later ones would cut empty spans, and are
            # inside a quotation when the first is (skipped, as before start)
            nxt = i + 1
            while nxt < n and text[nxt] == "\n":
                nxt += 1
            cut = i
        elif c in ".!?…":
            j = i + 1
            while j < n and text[j] in '"”»’)]':
                j += 1
            if (
                j < n
                and text[j] in " \t\u00a0"
                # _starts_sentence(text, j), whose answer is True when the character after
                # this blank is a capital (no capital is a blank)
                and ((j + 1 < n and text[j + 1].isupper()) or _starts_sentence(text, j))
                and (c != "." or not _is_abbrev(text, i, j))
            ):
                cut = nxt = j
        elif i > 0 and text[i - 1] in ".!?…":
            j = i + 1
            if j < n and text[j] in " \t" and _starts_sentence(text, j):
                cut = nxt = j
        if cut is not None:
            # _add_span, inline
            sa, sb = start, cut
            while sa < sb and text[sa].isspace():
                sa += 1
            while sb > sa and text[sb - 1].isspace():
                sb -= 1
            if sb > sa:
                spans.append((sa, sb))
            start = nxt
    _add_span(text, start, n, spans)
    return spans


def _split_sentences_plain(text: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """split_sentences as first written (tests compare the two)."""
    if quotes is None:
        quotes = find_quotes(text)
    q_starts = [q.start for q in quotes]
    q_ends = [q.end for q in quotes]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(q_starts, i) - 1
        return k >= 0 and i < q_ends[k]

    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for mm in _BOUNDARY_CAND_RE.finditer(text):
        i = mm.start()
        if i < start or inside(i):
            continue
        c = text[i]
        cut = nxt = None
        if c == "\n":
            cut, nxt = i, i + 1
        elif c in ".!?…":
            j = i + 1
            while j < n and text[j] in '"”»’)]':
                j += 1
            if (
                j < n
                and text[j] in " \t\u00a0"
                and _starts_sentence(text, j)
                and (c != "." or not _is_abbrev(text, i, j))
            ):
                cut = nxt = j
        elif i > 0 and text[i - 1] in ".!?…":
            j = i + 1
            if j < n and text[j] in " \t" and _starts_sentence(text, j):
                cut = nxt = j
        if cut is not None:
            _add_span(text, start, cut, spans)
            start = nxt
    _add_span(text, start, n, spans)
    return spans


def _starts_sentence(text: str, j: int) -> bool:
    k = j
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    if k >= len(text):
        return False
    c = text[k]
    return c.isupper() or c.isdigit() or c in '“«„"‘•–—-(¿¡'


_RE2 = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_RE3 = re.compile(r"\s*(\w+)")


_TOKEN_TAIL_RE = re.compile(r"\S*\Z")  # \S is "not str.isspace()"


def _is_abbrev(text: str, i: int, j: int) -> bool:
    # k: where the run of non-space characters ending at i starts (searched in the 40
    # characters before i; a longer run is walked back from there)
    lo = i - 40 if i > 40 else 0
    if _EXACT:
        k = _TOKEN_TAIL_RE.search(text, lo, i).start()
    else:
        if i >= 7 and text[i - 7 : i].isalpha():
            # the word ends with 7 letters: what strip leaves of it holds them, longer than
            # any abbreviation (lower() never shortens a text), not one capital, and its
            # last-but-one character is no full stop (_RE2)
            return False
        # the same k: str.split() and \S both go by str.isspace()
        seg = text[lo:i]
        if not seg or seg[-1].isspace():
            return False  # no word before the full stop: bare would be empty
        k = i - len(seg.rsplit(None, 1)[-1])
    if k == lo:
        while k > 0 and not text[k - 1].isspace():
            k -= 1
    word = text[k:i]
    bare = word.strip("([\"'“")
    if not bare:
        return False
    if bare.lower() in _ABBREV:
        return True
    if len(bare) == 1 and bare.isupper():
        return True  # an initial
    if bare[1:2] == "." and _RE2.fullmatch(bare):  # U.S, U.N, e.g (a match has "." second)
        m = _RE3.match(text, j)
        return not (m and m.group(1).lower() in _SENT_STARTERS)
    return False


def _add_span(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


# ---------------------------------------------------------------------------------------------
# Mentions and entities.

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_NAME_TOKEN = rf"(?:(?:{_CAP}\.){{2,}}|{_CAP}\.(?=\s+{_CAP})|{_CAP}[\w’'\-]*)"
# (?<![\w’'.]){_NAME_TOKEN}(?:...)*, written with the capital first: the regex engine then
# skips to capitals instead of trying the lookbehind at every character. The lookbehind, put
# after the capital, looks at the same character (the one before it).
_NAME_RUN_RE = re.compile(
    rf"{_CAP}(?<![\w’'.]{_CAP})(?:\.(?:{_CAP}\.)+|\.(?=\s+{_CAP})|[\w’'\-]*)"
    rf"(?:\s+(?:(?:de|del|van|von|bin|al|da|der|la)\s+)?{_NAME_TOKEN})*"
)
_STOP_CAPS = _wordset(
    """
    however earlier meanwhile later also but and then now yet still in on at last this that
    asked speaking moreover furthermore separately previously sin embargo por su parte en
    además asimismo así según mientras tanto when while after before since if as so thus
    indeed today yesterday first como tal
    """
)
_NON_NAMES = _wordset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday new start treaty the a an it he
    she they we i this that there here enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre el la los las un una lunes martes miércoles jueves
    viernes sábado domingo tratado inf ssd bcc covid ria novosti tass interfax
    se lo le les no ya esto eso ello ese esa este esta such our my your his her its their
    """
)
_ORG_WORDS = _wordset(
    """
    ministry department office council agency house kremlin pentagon nato union nations
    committee commission association institute center centre service senate congress duma
    parliament government administration conference news channel newspaper times post press
    ministerio departamento consejo casa gobierno tratado organization organisation forces
    force army navy university foundation bank zeitung televisión television radio agencia
    federation federación instituto fundación universidad centro comisión comité observatorio
    programme program programa command comando
    """
)
_COUNTRY_ADJ = {
    "russian": "Russia",
    "russia's": "Russia",
    "russias": "Russia",
    "ruso": "Russia",
    "rusa": "Russia",
    "moscow's": "Russia",
    "us": "United States",
    "u s": "United States",
    "american": "United States",
    "estadounidense": "United States",
    "norteamericano": "United States",
    "washington's": "United States",
    "chinese": "China",
    "chino": "China",
    "china's": "China",
    "ukrainian": "Ukraine",
    "ucraniano": "Ukraine",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "norteamericana": "United States",
    "china": "China",
    "ucraniana": "Ukraine",
    "britanico": "United Kingdom",
    "britanica": "United Kingdom",
    "frances": "France",
    "francesa": "France",
    "aleman": "Germany",
    "alemana": "Germany",
    "japanese": "Japan",
    "japones": "Japan",
    "japonesa": "Japan",
    "iranian": "Iran",
    "irani": "Iran",
}
_PRONOUNS = {
    "he": "m",
    "she": "f",
    "him": "m",
    "her": "f",
    "his": "m",
    "they": "",
    "them": "",
    "their": "",
    "it": "i",
    "its": "i",
    "él": "m",
    "ella": "f",
}


@dataclass
class Entity:
    name: str
    kind: str  # person | institution | country
    start: int
    mention: str
    role: str = ""
    org: str = ""
    country: str = ""
    gender: str = ""
    role_text: str = ""  # everything known about the role, folded, for matching role nouns
    # a registry person's office on the article's date: True held, False left (per the
    # registry's dates), None unknown
    current: bool | None = None
    past_text: str = ""  # roles left before the article's date ("former president of russia")

    def as_fields(self, mention: str) -> dict[str, Any]:
        return {
            "speaker": self.name,
            "speaker_mention": mention,
            "speaker_role": self.role or None,
            "speaker_org": self.org or None,
            "speaker_country": self.country or None,
        }


_RE4 = re.compile(r"^(?:the|el|la|a|an)\s+", re.IGNORECASE)


def _entity_from_registry(
    sp: Speaker,
    start: int,
    mention: str,
    stated_role: str,
    *,
    reg: Registry | None = None,
    published: dt.date | None = None,
) -> Entity:
    """An entity for a registry row; a person's role and org are those the registry gives for
    the article's date (the same for every mention of them in an article)."""
    if sp.kind != "person":
        return Entity(
            name=sp.name,
            kind=sp.kind,
            start=start,
            mention=mention,
            role=stated_role or sp.role,
            org=sp.org or sp.name,
            country=sp.country,
            gender=sp.gender,
            role_text=fold(" ".join([stated_role, sp.role, sp.org, sp.name])),
        )
    row: Speaker | None = sp
    current: bool | None = None
    if reg is not None:
        if published is None:
            row = _row_for_stated(reg, sp, stated_role)
        else:
            row = reg.role_at(sp.name, published)
            current = row is not None
            if row is None:
                row = reg.former_role(sp.name, published)
            if current and not (row.role_start or row.role_end):
                current = None  # no dates: nothing known about that day
    past = ""
    if reg is not None:
        # roles left before the article's date: "the former president" is still them
        until = published or (row.period[0] if row is not None else None)
        past = " ".join(
            "former " + r.role
            for r in reg.roles.get(sp.name, ())
            if r.role and until is not None and r.period[1] is not None and r.period[1] <= until
        )
    if row is None or not row.role:
        # no registry role for that day: the role the article states
        role = _RE4.sub("", stated_role.strip(" ,"))
        org = row.org if row is not None else ""
    else:
        role = row.role
        org = "" if current is False else row.org
    return Entity(
        name=sp.name,
        kind=sp.kind,
        start=start,
        mention=mention,
        role=role,
        org=org,
        country=sp.country,
        gender=sp.gender,
        role_text=fold(" ".join([stated_role, role, org])),
        current=current,
        past_text=fold(past),
    )


def _row_for_stated(reg: Registry, sp: Speaker, stated_role: str) -> Speaker:
    """With no article date: the person's role the article's words name, else the current one."""
    rows = reg.roles.get(sp.name) or [sp]
    if len(rows) > 1 and stated_role:
        f = fold(stated_role)
        named = [r for r in rows if r.role and fold(r.role) in f]
        if named:
            return named[-1]
    return reg.role_at(sp.name) or sp


_COUNTRY_ADJ_RES = [
    (re.compile(rf"\b{re.escape(fold(adj))}\b"), country) for adj, country in _COUNTRY_ADJ.items()
]


# any of them: most phrases name no country, and one search says so
_ANY_COUNTRY_ADJ_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(fold(adj)) for adj in _COUNTRY_ADJ) + r")\b"
)


@lru_cache(maxsize=65536)
def _country_of(role_words: str) -> str:
    f = fold(role_words)
    if not _EXACT and _ANY_COUNTRY_ADJ_RE.search(f) is None:
        return ""
    for rx, country in _COUNTRY_ADJ_RES:
        if rx.search(f):
            return country
    return ""


_RE5 = re.compile(
    r"\b(?:spokeswoman|chairwoman|vocera|portavoz\s+rusa|ministra|embajadora|"
    r"secretaria|directora|asesora|funcionaria|experta|jefa)\b"
)
_RE6 = re.compile(
    r"\b(?:spokesman|chairman|vocero|ministro|embajador|secretario|director|"
    r"asesor|funcionario|experto|jefe)\b"
)


def _gender_of(role_words: str) -> str:
    f = fold(role_words)
    if _RE5.search(
        f,
    ):
        return "f"
    if _RE6.search(
        f,
    ):
        return "m"
    return ""


# ---------------------------------------------------------------------------------------------
# The extractor.

_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_TIME_LEAD_RE = re.compile(
    r"^\s*,?\s*(?:(?:on|late|early|last|this|next|el|este|el pasado)\s+)?"
    rf"(?:{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}|yesterday|today|tonight|earlier|later|"
    rf"recently|again|also|previously|repeatedly|ayer|hoy|también|además|nuevamente|asimismo|"
    rf"igualmente|de nuevo|otra vez|una vez más|once more|"
    rf"posteriormente|más tarde|luego|finalmente|por último|"
    rf"separately|publicly|privately|bluntly|flatly|firmly|openly|explicitly|categorically|"
    rf"subsequently|then|further|once again|"
    rf"(?:last|this|earlier this|later this)\s+(?:week|month|year)|repetidamente|"
    rf"hace\s+(?:\w+\s+)?(?:años|meses|semanas|días)|(?:\w+\s+)?(?:years|months|weeks)\s+ago|"
    rf"(?:\w+\s+)?(?:días|horas|semanas|meses)\s+(?:después|más tarde)|"
    rf"(?:\w+\s+)?(?:days|hours|weeks|months)\s+later)\b,?",
    re.IGNORECASE,
)
# _TIME_LEAD_RE for lowered text: the same pattern with its letters lowered, without
# re.IGNORECASE (its escapes are all lower-case ones: \s \w \d \b). On a text without the
# letters of _IGNORECASE_ODD, lowering maps each character to one of the same class (\w, \d,
# \s), so both match the same span; case folding is what makes _TIME_LEAD_RE slow.
_TIME_LEAD_LOW_RE = re.compile(_TIME_LEAD_RE.pattern.lower())
# _TIME_LEAD_LOW_RE without the alternatives that need "ago", "later", "después" or
# "más tarde" (each holds one of them literally): on a lowered text holding none of these
# words those alternatives never match, and dropping alternatives that cannot match keeps
# the first one that does, so both give the same match. Their "(?:\w+\s+)?" heads are
# what makes the full pattern slow to fail.
_TIME_LEAD_WORDS = ("ago", "later", "después", "más tarde")


def _time_lead_short_pattern() -> str:
    pattern = _TIME_LEAD_LOW_RE.pattern
    for alt in (
        r"|(?:\w+\s+)?(?:years|months|weeks)\s+ago",
        r"|(?:\w+\s+)?(?:días|horas|semanas|meses)\s+(?:después|más tarde)",
        r"|(?:\w+\s+)?(?:days|hours|weeks|months)\s+later",
        "|later|",
        "|más tarde|",
    ):
        if pattern.count(alt) != 1:
            raise AssertionError(f"_TIME_LEAD_RE changed: {alt!r} not found once")
        pattern = pattern.replace(alt, "|" if alt.endswith("|") else "")
    return pattern


_TIME_LEAD_SHORT_RE = re.compile(_time_lead_short_pattern())
_ADJUNCT_RE = re.compile(
    r"^\s*,?\s*(?:in|at|on|during|to|from|via|through|after|before|when|while|as|with|for|"
    r"about|of|against|over|en|durante|a|al|ante|tras|desde|con|por|sobre|para)\b",
    re.IGNORECASE,
)
_AUX_TAIL_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|further|again|then|later|earlier|reportedly|repeatedly|"
    r"previously|recently|publicly|separately|once again|ha|han|había|también|además|"
    r"nuevamente|ya|was quoted as|is quoted as|has been quoted as|would|will))+\s*$",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^(?:[A-ZÀ-Þ]{2}[A-ZÀ-Þ .'\-]*?)?"  # CITY
    r"(?:\s*[,.]?\s*(?:[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+(?:de\s+)?[A-Za-z]+\.?)"
    r"(?:,?\s*\d{4})?)?"  # date
    r"\s*[.,]?\s*"
    r"(?:(?:\([^)]{1,80}\)|/[A-Za-z\- ]{2,20}/)\s*(?:\.-|[-–—]+|\.)?|(?:\.-|[-–—]+))\s*"
)
_DATELINE_TC_RE = re.compile(  # "Pekín, 22 feb (EFE).-", "Naciones Unidas, 3 feb (EFE).-"
    r"^[A-ZÀ-Þ][a-zà-ÿ]+(?:\s+(?:de\s+)?[A-ZÀ-Þ][a-zà-ÿ]+){0,3},?\s+"
    r"(?:[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\s+(?:de\s+)?[A-Za-z]+\.?)(?:,?\s*\d{4})?\s*"
    r"\([^)]{1,80}\)\s*(?:\.-|[-–—]+|\.)?\s*"
)
_APPOSITION_START_RE = re.compile(
    r"\s*,\s*(?:a|an|the|who|which|whose|el|la|los|las|un|una|quien|quienes|que|su|his|her|"
    r"former|ex|senior|deputy|head|director|chief|spokesman|spokeswoman|spokesperson|portavoz|"
    r"vocero|vocera|jefe|jefa|presidente|ministro|ministra|embajador|embajadora)\b",
    re.IGNORECASE,
)
_DOCUMENT_OF_RE = re.compile(
    r"(?:a|an|the|un|una|el|la)?\s*(?:\w+\s+)?(?:statement|report|readout|communiqu[eé]|release|"
    r"comunicado|nota|informe|declaración|mensaje|texto)\s+(?:(?:issued|released|published|"
    r"posted)\s+)?(?:from|by|of|del|de la|de|por|emitido por|publicado por)\s+",
    re.IGNORECASE,
)
_NATIONALITY_ADJ = _wordset(
    """
    venezolano venezolana cubano cubana mexicano mexicana argentino argentina chileno chilena
    colombiano colombiana peruano peruana brasileno brasilena boliviano boliviana ecuatoriano
    ecuatoriana uruguayo uruguaya paraguayo paraguaya nicaraguense canadiense europeo europea
    irani norcoreano norcoreana surcoreano surcoreana israeli polaco polaca bielorruso
    bielorrusa kazajo kazaja indio pakistani egipcio egipcia sirio siria turca alemana francesa
    britanica japones japonesa ucraniana norteamericana italiano italiana espanol espanola
    """
)
_GOVERNMENT_RE = re.compile(
    r"(?:the |el |la )?(?:(?P<a1>\w+) (?:government|cabinet)|(?:gobierno|ejecutivo) (?P<a2>\w+))"
)
_GOVERNMENT_ADJ = {
    "german": "German",
    "aleman": "German",
    "french": "French",
    "frances": "French",
    "british": "British",
    "britanico": "British",
    "polish": "Polish",
    "polaco": "Polish",
    "chinese": "Chinese",
    "chino": "Chinese",
    "ukrainian": "Ukrainian",
    "ucraniano": "Ukrainian",
    "japanese": "Japanese",
    "japones": "Japanese",
    "russian": "Russian",
    "ruso": "Russian",
    "italian": "Italian",
    "italiano": "Italian",
    "spanish": "Spanish",
    "espanol": "Spanish",
    "turkish": "Turkish",
    "turco": "Turkish",
    "iranian": "Iranian",
    "irani": "Iranian",
    "indian": "Indian",
    "indio": "Indian",
    "israeli": "Israeli",
    "dutch": "Dutch",
    "neerlandes": "Dutch",
    "swedish": "Swedish",
    "sueco": "Swedish",
    "finnish": "Finnish",
    "finlandes": "Finnish",
}
# object verbs whose object is part of what was said ("accused X of Y", "pidió a X que Y")
_OBJECT_SAID = frozenset(
    {
        "accuse",
        "blame",
        "urge",
        "slam",
        "blast",
        "pedir",
        "instar",
        "exhortar",
        "acusar",
        "call on",
        "responsabilizar",
        "culpar",
    }
)
_CONJ_AUX_RE = re.compile(r"\s+(?:y|e|pero)\s+(?:ha|han|había|habían)\s+\w+(?:ado|ido)\b")
_THAT_NEXT_RE = re.compile(r"\s*(?:(?:en|de)\s+)?(?:that|que)\b|\s*[“«„\"‘]")
_CLAUSE_START_RE = re.compile(
    r"\s+(?:(?:the|a|an|it|he|she|they|we|i|this|these|there|no|el|la|los|las|un|una)\b|[A-ZÀ-Þ])",
)
_BARE_CONJ_RE = re.compile(
    r"\s+(?:but|and|yet|pero|y|e)\s+(?:(?:also|then|later|too|también|luego)\s+)?",
    re.IGNORECASE,
)
# "In Moscow, the foreign ministry said ...": a bare institution in a capital's lead
_CITY_LEAD_RE = re.compile(
    r"(?:In|En)\s+(?P<city>Moscow|Moscú|Washington|Beijing|Pekín|Kyiv|Kiev|London|Londres|"
    r"Paris|París|Berlin|Berlín|Tehran|Teherán)\s*,\s*$"
)
_CITY_ADJ = {
    "Moscow": "Russian",
    "Washington": "U.S.",
    "Beijing": "Chinese",
    "Kyiv": "Ukrainian",
    "London": "British",
    "Paris": "French",
    "Berlin": "German",
    "Tehran": "Iranian",
}
_CITY_COUNTRY = {
    "Moscú": "Rusia",
    "Washington": "Estados Unidos",
    "Pekín": "China",
    "Kiev": "Ucrania",
    "Londres": "Reino Unido",
    "París": "Francia",
    "Berlín": "Alemania",
    "Teherán": "Irán",
}


def _city_lead_np(front: str, np: str) -> str | None:
    """ "the foreign ministry" after "In Moscow," as "the Russian foreign ministry" (Spanish:
    "el Ministerio de Exteriores" after "En Moscú," as "... de Rusia"); None otherwise."""
    cm = _CITY_LEAD_RE.search(front)
    if cm is None:
        return None
    city = cm.group("city")
    low = np.lower()
    if low.startswith("the ") and city in _CITY_ADJ:
        return f"the {_CITY_ADJ[city]} {np[4:]}"
    if low.startswith(("el ", "la ")) and city in _CITY_COUNTRY:
        return f"{np} de {_CITY_COUNTRY[city]}"
    return None


_NAME_END_RE = re.compile(r"(?<=\s)[A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){0,3}$")
_ADJUNCT_THAT_RE = re.compile(
    r"\s+(?:en|in|durante|during|ante|a|to)\s+[^,;:~“«„\"]{1,60}?\s+(?:that|que)\b"
)
_CONJ_RE = re.compile(
    r"(?:,|;)\s*(?:but|and|while|whereas|although|though|pero|y|mientras|aunque|si bien)\s+",
    re.IGNORECASE,
)
_LISTENER_RE = re.compile(
    r"\s*(?:(?:to|a|ante)\s+)?(?:(?:the|a|an|local|state|russian|american|us|u\.s\.|national|"
    r"german|french|la|el|los|las|un|una)\s+)*(?:news\s+)?(?:(?:reporters|journalists|the\s+press|"
    r"press|media|lawmakers|senators|legislators|audience|students|prensa|periodistas|medios)\b"
    # an outlet's name after its noun ("the agency Interfax"); people ("senators") have none
    r"|(?:channel|agency|outlet|station|newspaper|daily|television|broadcaster|radio|agencia|"
    r"canal|diario|cadena|emisora)\b(?:\s+[A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*){0,3})?)"
    r"|\s*(?:to\s+|a\s+)?(?:[Tt]he\s+)?[A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*){0,3}"
    r"(?=\s+(?:that|que|on|in|at|el|la|en)\b|\s*[,.:]|\s*$"
    r"|\s+(?:the|a|an|he|she|it|they|we|its|his|her|their|this|these|there|no)\s)"  # a bare clause
)
_RIGHT_APPOS_RE = re.compile(
    r"\s*((?:el|la|the|su|his|her|its)\s+[^,.;~]{2,60}?),\s+([A-ZÀ-Þ](?:[\w’'\-]+|\.)(?:\s+[A-ZÀ-Þ](?:[\w’'\-]+|\.)){0,3})"
    r"(?=\s*[,.;]|\s*$)"
)
_APP_NAME_RE = re.compile(
    r",\s+([A-ZÀ-Þ](?:[\w’'\-]+|\.)(?:\s+[A-ZÀ-Þ](?:[\w’'\-]+|\.)){0,3})(?=[,.;]|\s*$)"
)
_POST_LISTENER_RE = re.compile(
    r"(?:\s+(?:to\s+(?:reporters|journalists|the\s+press)|a\s+(?:la\s+prensa|los\s+periodistas|"
    r"los\s+medios)|(?:to|a)\s+(?:this|este|esta)\s+(?:newspaper|agency|outlet|website|channel|"
    r"diario|periódico|medio|agencia|cadena|canal|emisora|portal)|"
    r"a\s+(?:la\s+agencia\s+|el\s+diario\s+|la\s+cadena\s+)?[A-Z][\w\-]+(?=\s+(?:el|la)\s)|"
    r"(?:este|el)\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|hoy|ayer))+"
)
_QUOTED_AS_RE = re.compile(
    r"(?:\b(?:was|were|is|are|has been|had been)\s+(?:quoted|cited)(?:\s+by\s+[^,~]{2,60}?)?"
    r"|\b(?:quoted|cited|citó a|citando a)\s+"
    r"(?P<obj>[A-ZÀ-Þ][\w’'\-]*(?:\s+[A-ZÀ-Þ][\w’'\-]*){0,3}))"
    r"\s+(?:as|como)\s*$"
)
_ANONYMOUS_RE = re.compile(
    r"\b(?:not to be (?:named|identified)|condition of anonymity|"
    r"declined to be (?:named|identified)|"
    r"speaking anonymously|bajo condición de anonimato|que pidió no ser identificad[oa]|"
    r"que pidió el anonimato)\b",
    re.IGNORECASE,
)
_BLOCKED_CUE_RE = re.compile(
    r"\b(?:when|if|was|were|be|been|being|to|not|n't|never|did|does|do|would|could|should|"
    r"may|might|must|can)\s*$",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^[\s•·\-–—*▪►]+")
_CUT_RE_EN = re.compile(
    r"(?:,\s*|(?<=[”»\"’~])\s+)(?:while\s+|and\s+)?(?:saying|adding|noting|stressing|warning|claiming|blaming|"
    r"insisting|arguing|explaining|emphasizing|emphasising|recalling|accusing|pointing out|"
    r"calling|describing|declaring|asserting|urging|dismissing)\b"
    r"|,\s*according to\b|,\s*(?:he|she|they|it)\s+(?:said|added|noted|stressed)\b"
    r"|,\s*(?:just\s+|only\s+|some\s+)?(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)\s+"
    r"(?:after|before|since)\b",
    re.IGNORECASE,
)
_CUT_RE_ES = re.compile(
    r",\s*(?:y\s+)?(?:señalando|agregando|añadiendo|afirmando|asegurando|indicando|subrayando|"
    r"advirtiendo|calificando|tildando|acusando|alegando|insistiendo|recordando)\b|,\s*según\b|"
    r",\s*(?:dijo|afirmó|añadió|agregó)\b"
    r"|,?\s+y\s+(?:aseguran?|afirman?|señalan?|dicen?|advierten?|agregan?|añaden?|"
    r"subrayan?|recuerdan?|insisten?|sostienen?|denuncian?)\b"
    # "..., tras una reunión de hora y media": when it was said, not what
    r"|,\s*(?:tras|después de)\s+(?:una|la|el|un|su|sus|las|los)\s+(?:\w+\s+)?(?:reunión|"
    r"reuniones|encuentro|conversación|conversaciones|cumbre|llamada|entrevista|negociaciones|"
    r"consultas|conversación telefónica)\b",
    re.IGNORECASE,
)
_ACCORDING_VERB = (
    r"(?:l\b)?\s+(?:(?:lo\s+)?(?:declaró|dijo|afirmó|informó|indicó|señaló|explicó|expresó|"
    r"resumió|precisó|aseguró|subrayó|recordó|advirtió|reconoció|ha\s+(?:dicho|declarado|"
    r"afirmado|indicado|señalado|explicado|expresado|resumido|precisado|asegurado|subrayado|"
    r"recordado|advertido|reconocido))\s+(?:(?:este|el)\s+(?:lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo)\s+|hoy\s+|ayer\s+)?)?"
)
_ACCORDING_PHRASES = (
    *("according to", "según", "de acuerdo con", "in the words of", "en palabras de"),
    *("a juicio de", "a decir de", "en opinión de"),
)
_ACCORDING_RE = re.compile(
    r"(?P<cue>" + "|".join(_ACCORDING_PHRASES) + ")" + _ACCORDING_VERB, re.IGNORECASE
)
# "Como explicó Riabkov, ...", "Tal y como ha recordado X, ...": like "según", with its verb
_COMO_RE = re.compile(
    r"(?P<cue>(?<![\w])(?:tal\s+(?:y\s+)?)?como(?=\s+(?:lo\s+)?(?:ha\s+)?(?:declar|dij|dich|"
    r"afirm|indic|señal|explic|precis|asegur|subray|record|advirti|advertido|reconoci|expres|"
    r"resum)\w*\s))" + _ACCORDING_VERB,
    re.IGNORECASE,
)
_INWORDS_RE = re.compile(
    r"^(?P<cue>in (?P<pron>his|her|their) (?:words|opinion|view))\s*,\s*"
    r"|^(?P<cue2>in (?P<np>[A-Z][\w’'\- ]+?)[’']s? (?:words|opinion|view))\s*,\s*"
    r"|^(?P<cue3>(?:en su opinión|a su juicio|en sus palabras|según sus palabras|según él|"
    r"según ella))\s*,\s*",
    re.IGNORECASE,
)
_PASSIVE_PREV_RE = re.compile(
    r"^(?:This|That|It|These words|Such remarks)\s+(?:was|were|has been|had been)\s+"
    r"(?P<cue>stated|said|announced|reported|noted|declared|emphasized|stressed|voiced)\s+by\s+"
    r"(?P<np>.+?)(?:\s+(?:in|at|on|during|to|while|after)\b.*)?\.?$"
    r"|^Así lo (?P<cue2>\w+)\s+(?P<np2>[^,]+?)(?:,.*|\s+(?:en|durante|ante|tras)\b.*)?\.?$",
)
_PASSIVE_THAT_RE = re.compile(
    r"\b(?:was|were|has been|had been|fue)\s+(?P<cue>informed|told|notified|assured|informado)\s+"
    r"(?:by|por)\s+(?P<np>.+?)\s+(?:that|de que|que)\s+",
    re.IGNORECASE,
)
_NP_PREP_RE = re.compile(
    r"^(?P<head>[^,]+?)\s+(?:of|in|at|from|for|de|del|en)\s+(?P<tail>(?:the|el|la)\s+.+|[A-Z].+)$"
)
_NP_PREP_WORDS = frozenset(("of", "in", "at", "from", "for", "de", "del", "en"))
_LEAD_ADVERB_RE = re.compile(
    r"\s*(?:(?:still|however|meanwhile|later|earlier|separately|previously|moreover|"
    r"furthermore|also|then|now|yet|sin embargo|por su parte|además|asimismo|mientras tanto|"
    r"luego|después|antes)\s*,?\s+)+",
    re.IGNORECASE,
)
_ENVOY_WORDS = _wordset(
    "ambassador envoy representative delegate embajador embajadora representante enviado"
)
_TIME_TAIL_RE = re.compile(
    rf"(?:\s+(?:on|this|last|late|early|el|este|el pasado)\s+{_DAY}(?:\s+(?:morning|afternoon|"
    rf"evening|night))?|\s+(?:on\s+)?{_MONTH}\s+\d{{1,2}}|\s+(?:this|last|earlier this)\s+"
    r"(?:week|month|year)|\s+(?:today|yesterday|hoy|ayer))(?=\s*,?\s*$)",
    re.IGNORECASE,
)
_TRAILING_ADJUNCT_RE = re.compile(
    r"\s*,?\s*(?:just|only|shortly|some|hours|days|weeks|months|as|after|before|while|amid|"
    r"when|following|ahead|despite|during|citing|in|at|from|poco|horas|días|tras|antes|después|"
    r"mientras|durante|en|desde|[a-z]+ing|[a-z]+(?:ando|iendo))\b",
    re.IGNORECASE,
)
_SCARE_RE = re.compile(
    r"\b(?:so-called|so called|self-styled|the (?:term|word|phrase|label)|known as|dubbed|"
    r"llamad[oa]s?|denominad[oa]s?|supuest[oa]s?|autodenominad[oa]s?|(?:el|del) término|"
    r"la palabra|conocid[oa]s? como|bautizad[oa]s? como|apodad[oa]s?)\s*$",
    re.IGNORECASE,
)
_TRANSCRIPT_RE = re.compile(
    r"^[ \t]*(?P<label>(?:(?:MR|MS|MRS|DR)\.?\s+)?[A-Z][A-Z’'\-]+(?:[ \t]+[A-Z][A-Z’'\-]+){0,2})"
    r"[ \t]*:[ \t]*(?P<rest>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_PERSON_HEAD_RE = re.compile(
    r"\b(?:head|chief|deputy|chairman|chairwoman|chair|secretary|director|minister|spokes\w*|"
    r"aide|adviser|advisor|jefe|jefa|vicepresidente|vicepresidenta|presidente|presidenta|"
    r"secretario|secretaria|director|directora|ministro|ministra|portavoz|vocero|vocera|asesor|"
    r"asesora)\b"
)
_NEAR_ROLE_RE = re.compile(r"((?:[^\W\d_]+\s+){1,3})$")
_AFFILIATION_RE = re.compile(
    r"\s*(?:del|de la|de los|of the|from the|at the|at|of|from)\s+[A-ZÀ-Þ]"
)
_SEGUN_VERB_RE = re.compile(
    r"(?P<cue>(?:Según|Tal y como|Tal como)\s+(?:(?:ha|han|había|habían)\s+)?(?P<verb>\w+))"
    r"(?:\s+(?:en|a|durante|ante|este|esta|hoy|ayer|el pasado|más tarde)\b[^,~]{0,60})?,\s*"
)
_ONLY_COLON_RE = re.compile(
    r"\s*(?:only|simply|just|merely|briefly|solo|sólo|solamente|únicamente|escuetamente)\s*:\s*"
    r"[.,;]?\s*",
    re.IGNORECASE,
)
_DOCUMENT_NP_RE = re.compile(
    r"(?:the|this|that|its|el|la|este|esta|su)\s+(?:statement|communique|readout|release|note|"
    r"commentary|comment|comunicado|nota|declaracion|texto|documento|comentario)"
)
# a document as the subject or inverted subject of a speech verb: "El comunicado señala que",
# "..., reza la nota", "Según el texto, ...", "The statement says" (resolved to its issuer)
_DOC_NP_LEFT_RE = re.compile(
    r"\s*(?P<np>(?:the|this|that|its|el|la|este|esta|su)\s+"
    r"(?:statement|communique|readout|release|note|comunicado|nota|texto|documento))\s*$",
    re.IGNORECASE,
)
# what _DOC_NP_LEFT_RE's match ends with, lowered (before its trailing spaces)
_DOC_NP_ENDS = (
    *("statement", "communique", "readout", "release", "note", "comunicado", "nota"),
    *("texto", "documento"),
)
_DOC_NP_RIGHT_RE = re.compile(
    r"\s*(?P<np>(?:the|this|its|el|la|este|esta|su)\s+(?:statement|communique|readout|release|"
    r"note|comunicado|nota|texto|documento))\b(?!\s+(?:of|from|by|de|del)\b)",
    re.IGNORECASE,
)
_DOC_TAIL_RE = re.compile(
    r"\s+(?:readout|statement|communiqu[eé]|release|report|comunicado|nota)"
    r"(?:\s+(?:of|on|about|de|del|sobre)\s+(?:the|a|el|la)\s+\w+)?"
)
# "X emitió un comunicado en el que afirma que ...", "X issued a statement saying that ..."
_DOC_VERBS = (
    "issued",
    "released",
    "published",
    "posted",
    "put out",
    "emitió",
    "publicó",
    "difundió",
    "divulgó",
    "hizo público",
    "ha emitido",
    "ha publicado",
    "ha difundido",
)
# Every place where a document verb and a space start, in one pass: no verb and space is a
# prefix of another, nor starts inside another (tests check), so the matches are those places.
_DOC_VERB_RE = re.compile(_trie_pattern(frozenset(_DOC_VERBS)) + " ")
_DOC_VERB_LONGEST = max(len(v) for v in _DOC_VERBS) + 1  # with its space
# the nouns _DOC_SAYING_RE needs one of (it is case-sensitive)
_DOC_NOUNS = (
    *("statement", "communiqu", "note", "article", "message", "post", "comunicado", "nota"),
    *("declaración", "artículo", "mensaje", "texto"),
)
_DOC_SAYING_RE = re.compile(
    r"\s(?:" + "|".join(_DOC_VERBS) + r")\s+(?:a|an|un|una|su)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé]|note|article|message|post|comunicado|nota|"
    r"declaración|artículo|mensaje|texto)\b[^,~]{0,60}?(?:\s+en\s+(?:el|la)\s+que\s+|,?\s+)"
    r"(?P<cue>(?:ha\s+)?[\w]+)\s+(?:que|that)\s+"
)
_AS_PUT_RE = re.compile(
    r"(?:As|Como)\s+(?P<np>[^,~]{2,80}?)\s+(?P<cue>(?:has\s+|had\s+)?put it|lo expresó|"
    r"lo resumió|lo dijo)\s*,\s*"
)
_PARA_RE = re.compile(
    r"(?P<cue>Para|For)\s+(?=[A-ZÀ-Þ]|(?:el|la|the)\s+(?:[a-zà-ÿ\-]+,?\s+){0,3}[A-ZÀ-Þ])"
)
_RAYA_RE = re.compile(r"\s*—\s*(?=[^\W\d_])")
_DASH_TURN_RE = re.compile(r"^[ \t]*[—–-][ \t]*(?P<rest>\S[^\n]*?)[ \t]*$", re.MULTILINE)
_QUESTION_LABELS = _wordset("question q questioner reporter journalist pregunta periodista")
# Interviews set as labelled lines: "P: ...?" / "R: ...", "Q. ...?" / "A. ...",
# "Pregunta: ...?" / "Respuesta: ...", or the interviewee's surname as the answer's label.
_QA_LINE_RE = re.compile(
    r"^[ \t]*(?P<label>[PQRA]|Pregunta|Respuesta|Question|Answer|PREGUNTA|RESPUESTA|QUESTION|"
    r"ANSWER|(?P<name>[A-ZÀ-Þ][a-zà-ÿ’'\-]+(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ’'\-]+)?))"
    r"(?(name)[ \t]*:|[ \t]*(?::|\.(?=[ \t])))[ \t]*(?P<rest>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_QA_QUESTION = frozenset({"p", "q", "pregunta", "question"})
_UNKNOWN_INSTITUTION_RE = re.compile(
    r"(?:[Tt]he\s+|[Ee]l\s+|[Ll]a\s+)?(?P<inst>(?:[A-Z][\w.]*\s+){1,4}(?:Department|Ministry|Agency|"
    r"Commission|Office)|(?:Ministerio|Departamento|Secretaría)\s+de\s+[A-Z][\w]*"
    r"(?:\s+(?:de\s+)?[A-Z][\w]*){0,3})"
)
_INV_ADJUNCT_RE = re.compile(
    r"\s*(?:en|in|durante|during)\s+(?:una?|an?|su|his|her)\s+(?:entrevista|declaraciones|"
    r"comunicado|rueda de prensa|conferencia de prensa|interview|statement|news conference)"
    r"(?:\s+(?:con|a|with|to)\s+(?:la agencia\s+|el diario\s+|the\s+)?[A-Z][\w\-]*"
    r"(?:\s+[A-Z][\w\-]*)?)?(?=\s+(?:el|la|the|[A-Z]))"
    # '», afirmó por su parte el líder chino', '," said, for her part, the minister'
    r"|\s*,?\s*(?:por su parte|a su vez|for (?:his|her|its|their) part|in turn)\s*,?"
    r"(?=\s+(?:el|la|the|[A-Z]))"
)
_INTERJECTION_RE = re.compile(
    r"\s*,\s*(?:según|de acuerdo con|citad[oa] por|en declaraciones|en una entrevista|"
    r"according to|quoted by|in an interview|in a statement|no obstante|sin embargo|además|"
    r"asimismo|por su parte|however|though|moreover|also)\b[^,~]{0,80}?,\s*",
    re.IGNORECASE,
)
_NAMED_LISTENER_RE = re.compile(r"\s*(?:to|a)\s+(?:[A-Z][\w\-.]*\s+){2,5}")
_POST_AUX_RE = re.compile(
    r"(?:(?:le|les|nos|me)\s+)?(?:(?:ha|han|había|habían|has|had)\s+)?(?=\w)", re.IGNORECASE
)
# page labels a headline may open with ("Exclusive: ..."), not speakers
_HEADLINE_LABELS = _wordset(
    """
    exclusive analysis explainer factbox opinion editorial update watch live breaking video
    photos interview comment review timeline profile podcast listen correction transcript
    exclusiva analisis opinion entrevista urgente ultima cronologia claves perfil fotos
    directo tribuna reportaje cronica actualizacion envivo breve tags topics source sources
    temas tema fuente fuentes etiquetas related relacionado photo foto
    """
)
_HEAD_COLON_RE = re.compile(r"^(?P<np>[^:]{2,70}?):\s+(?P<q>\S.+)$")
_TAIL_COLON_RE = re.compile(r"^(?P<q>.+?\S):\s+(?P<np>[^:]{2,60})$")
_TAIL_DASH_RE = re.compile(r"^(?P<q>.+?\S)\s+[-–—|]\s+(?P<np>[^-–—|]{2,60})$")
_TAIL_SAYS_RE = re.compile(
    r"^(?P<q>.+?\S),\s+(?P<cue>says|said|warns|tells|confirms|claims|insists|notes|dice|afirma|"
    r"asegura|advierte|confirma|insiste|señala|sostiene|denuncia|subraya|reconoce)\s+(?P<np>.+)$",
    re.IGNORECASE,
)
_TAIL_NP_SAYS_RE = re.compile(
    r"^(?P<q>.+?\S),\s+(?P<np>[A-ZÀ-Þ][^,]{1,50}?)\s+(?P<cue>says|said|warns|tells|confirms|"
    r"claims|insists|notes|dice|afirma|asegura|advierte|confirma|insiste|señala|sostiene)$",
)
_RELATIVE_TAIL_RE = re.compile(
    r",\s*(?:quien|who|which|que|(?:en|con|durante|tras)\s+(?:el|la|los|las)\s+que|in which|"
    r"during which|donde|where)\s*$",
    re.IGNORECASE,
)


@dataclass
class _Stmt:
    speaker: dict[str, Any] | None
    kind: str
    start: int
    end: int
    cue: str
    sentence: tuple[int, int]
    field: str
    pending: tuple | None = None  # (role-noun entry, mention, position) for cataphora
    para: int = 0
    co: tuple = ()  # all the speakers of a joint subject ("Lavrov and Blinken said"), in order


@dataclass
class _Ctx:
    text: str
    masked: str
    lang: str
    lex: Lexicon
    field: str
    quotes: list[Quote]
    sentences: list[tuple[int, int]]
    entities: list[Entity] = field(default_factory=list)
    statements: list[_Stmt] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # cue start offsets already used
    prior: list[Entity] = field(default_factory=list)  # entities from the other field
    published: dt.date | None = None  # the article's publication date: whose role is whose
    title: str | None = None  # the headline, when the text's people may be named only there


_RE7 = re.compile(r"[a-z]+[’']s")


# Words of a portfolio inside a title: "White House arms control adviser Pranay Vaddi"
_PORTFOLIO_WORDS = frozenset(
    [
        "arms",
        "control",
        "nuclear",
        "nonproliferation",
        "non-proliferation",
        "proliferation",
        "policy",
        "strategic",
        "stability",
    ]
)


_NP_BRACKETS = '()[]"“”«»'


def _np_words_ok(w: str, lex: Lexicon) -> bool:
    bare = w.strip(_NP_BRACKETS)
    if not bare:
        return False
    if bare[0].isupper():
        return True
    return _np_folded_ok(bare, fold(bare), lex)


def _np_folded_ok(bare: str, f: str, lex: Lexicon) -> bool:
    """_np_words_ok for a word without brackets, not capitalised, f = fold(bare)."""
    return (
        f in ROLE_WORDS
        or f in _ORG_WORDS
        or f in _GOVERNMENT_ADJ
        or f in _NATIONALITY_ADJ
        or bool(_RE7.fullmatch(bare))  # "the alliance's Secretary General"
        or (f[:2] == "ex" and f[2:].lstrip("- ") in ROLE_WORDS)  # "exministro", "ex-envoy"
        or f in lex.role_tokens
        or (f[:2] == "ex" and f[2:].lstrip("- ") in lex.role_tokens)  # "exdiplomático"
        or f in _PORTFOLIO_WORDS
        or f
        in {
            "the",
            "of",
            "for",
            "de",
            "del",
            "la",
            "el",
            "los",
            "las",
            "and",
            "y",
            "on",
            "in",
            "a",
            "an",
            "un",
            "una",
            "former",
            "ex",
        }
        # "secretary-general", "director-general": each part a role word
        or (
            "-" in bare
            and " " in f
            and all(w in ROLE_WORDS or w in lex.role_tokens for w in f.split())
        )
    )


def _is_role_word(w: str, lex: Lexicon) -> bool:
    """A word of a role ("minister", "portavoz"), not an article that looks like one ("un")."""
    f = fold(w)
    if f in _FUNCTION_WORDS or f in ("un", "una"):
        return w == "UN"
    return f in ROLE_WORDS or f in lex.role_tokens


_RE8 = re.compile(r"\S+")
_RE9 = re.compile(r"(?:\.-|\)\W*)$")
_RE10 = re.compile(r"[,;:]$")
_RE11 = re.compile(r"[,;:.!?)\]~”»\"]$")
_RE12 = re.compile(r"[,;:~”»\"]$")
_RE13 = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.")


# The last character of a word that ends the phrase (_RE11, _RE12, _RE10 at the word's end: a
# word has no newline, so "$" is its end)
_NP_END_STOP = frozenset(',;:.!?)]~”»"')
_NP_LAST_STOP = frozenset(',;:~”»"')
_PRONOUN_STOP = frozenset(",;:")


def _scan_np_left(s: str, lex: Lexicon) -> tuple[int, str] | None:
    """The noun phrase that ends s (a speaker before its verb): (offset in s, phrase)."""
    if _EXACT:
        return _scan_np_left_exact(s, lex)
    # The words from the right (rw[0] is the last), a few first: str.rsplit() splits at the
    # characters \s matches in a str pattern (both use Py_UNICODE_ISSPACE), so these are
    # _RE8's words. With more, rw holds only the last 4 and the rest is split when needed.
    rw = s.rsplit(None, 4)
    if not rw:
        return None
    more = len(rw) == 5
    if more:
        del rw[0]
    rw.reverse()
    last = rw[0]
    if last.lower() in _PRONOUNS and last[-1] not in _PRONOUN_STOP:
        return len(s.rstrip()) - len(last), last
    j = 0  # words taken into the phrase, from the right
    lows: list[str] = []  # their folds
    while True:
        if more and len(rw) < j + 2:  # rw[j] and rw[j + 1] may be read below
            rw = s.split()
            rw.reverse()
            more = False
        if j >= len(rw):
            break
        w = rw[j]
        if j:
            if w[-1] in _NP_END_STOP and not _RE13.fullmatch(w):
                break
        elif w[-1] in _NP_LAST_STOP:
            break
        if (")" in w or w.endswith(".-")) and _RE9.search(w):
            break  # a dateline's "(EFE).-"
        low = fold(w)
        # _np_words_ok(w, lex), folding only once: bare is w when strip takes nothing
        bare = w.strip(_NP_BRACKETS)
        if not (
            bare
            and (
                bare[0].isupper()
                or _np_folded_ok(bare, low if len(bare) == len(w) else fold(bare), lex)
            )
        ) and not (low in {"to", "ante"} and j + 1 < len(rw) and fold(rw[j + 1]) in _ENVOY_WORDS):
            break
        if low in {"and", "y"} and not (
            j and rw[j - 1][:1].isupper() and j + 1 < len(rw) and rw[j + 1][:1].isupper()
        ):
            break
        lows.append(low)
        j += 1
    # trim leading connectors and sentence adverbs; a phrase that starts with a preposition
    # is the object of that preposition ("... in Washington said"), not a subject
    if j and lows[j - 1] in {"of", "for", "de", "del", "on", "in"}:
        return None
    while j:
        f = lows[j - 1]
        if f in {"and", "y"} or f in _STOP_CAPS:
            j -= 1
            continue
        break
    if not j:
        return None
    # the phrase is the last j words: it starts after what rsplit leaves of the rest of s
    parts = s.rsplit(None, j)
    rest = len(parts[0]) if len(parts) > j else 0
    start = len(s) - len(s[rest:].lstrip())
    return start, s[start:].strip()


def _scan_np_left_exact(s: str, lex: Lexicon) -> tuple[int, str] | None:
    """_scan_np_left on all of _RE8's words (the reference the tests compare with)."""
    words = list(_RE8.finditer(s))
    if not words:
        return None
    last = words[-1].group()
    if last.lower() in _PRONOUNS and not _RE10.search(last):
        return words[-1].start(), last
    i = len(words)
    while i > 0:
        w = words[i - 1].group()
        if i < len(words) and _RE11.search(w) and not _RE13.fullmatch(w):
            break
        if i == len(words) and _RE12.search(w):
            break
        if _RE9.search(w):
            break  # a dateline's "(EFE).-"
        if not _np_words_ok(w, lex) and not (
            fold(w) in {"to", "ante"} and i >= 2 and fold(words[i - 2].group()) in _ENVOY_WORDS
        ):
            break
        low = fold(w)
        if low in {"and", "y"} and not (
            i < len(words)
            and words[i].group()[:1].isupper()
            and i >= 2
            and words[i - 2].group()[:1].isupper()
        ):
            break
        i -= 1
    # trim leading connectors and sentence adverbs; a phrase that starts with a preposition
    # is the object of that preposition ("... in Washington said"), not a subject
    if i < len(words) and fold(words[i].group()) in {"of", "for", "de", "del", "on", "in"}:
        return None
    while i < len(words):
        w = words[i].group()
        f = fold(w)
        if f in {"and", "y"} or f in _STOP_CAPS:
            i += 1
            continue
        break
    if i >= len(words):
        return None
    start = words[i].start()
    return start, s[start:].strip()


_APPOS_ROLE_NAME_RE = re.compile(
    r"(?:^|,\s*|\b(?:and|y|que)\s+)(?P<np>(?:the|el|la|a|an|un|una)?\s*[^,~]{2,90},\s+"
    r"[A-ZÀ-Þ][^,~]{1,40}),\s*$"
)
_APPOS_NAME_ROLE_RE = re.compile(
    r"(?:^|,\s*|\b(?:and|y|que)\s+)(?P<np>[A-ZÀ-Þ][\w.’'\- ]{1,40},\s+[^,~]{2,90}),\s*$"
)
_LEAD_STOP_RE = re.compile(r"(?:(?:" + "|".join(sorted(_STOP_CAPS)) + r")\s+)+", re.IGNORECASE)
_INTERRUPT_RE = re.compile(
    r"(?P<np>[A-ZÀ-Þ][\w.’'\- ]{1,60}?),\s+(?:[a-z]+ing|[a-z]+(?:ando|iendo)|speaking|writing|"
    r"addressing|answering|commenting|"
    r"responding|replying|asked|who|hablando|en declaraciones|en una entrevista|in an interview|"
    r"in a statement|at a|during|quoted by|cited by|citado por|for his part|for her part|"
    r"in turn|however|meanwhile|though|por su parte|a su vez|sin embargo|asimismo|por otro lado|"
    r"en cambio|por el contrario|in contrast|by contrast|instead|on the other hand|for its part|"
    r"también|además|en tanto|en (?:un|su) comunicado|en una nota|en (?:su )?(?:rueda|conferencia) "
    r"de prensa|en (?:un|su) mensaje|en una declaración|a través de|in remarks|in a post|"
    r"of the|from the|del|de la|"
    r"in (?:his|her|its|their|a|an|the)\s+(?:[a-z]+\s+){0,2}(?:address|speech|remarks|message|"
    r"letter|interview|briefing|testimony|op-ed|article|post)|"
    r"en (?:su|un|una)\s+(?:[a-z]+\s+){0,2}(?:discurso|intervención|carta|artículo|"
    r"comparecencia|alocución))\b"
    r"[^~]{0,140}?,\s*$"
)


_RE14 = re.compile(r"(?:who|which|que|quien)\b")
_RE15 = re.compile(r"(?:a|an|the|el|la|un|una)\s")


def _appositive(s: str, lex: Lexicon) -> tuple[int, str] | None:
    """ "el presidente ruso, Vladimir Putin," or "Thomas Countryman, a former official," before a
    verb: (offset, phrase)."""
    if "," not in s:
        return None  # each regex below needs one
    m = _INTERRUPT_RE.search(s)
    if m:  # "X, speaking in Brussels, said": the interruption is not an appositive role
        inner = _scan_np_left(m.group("np") + " ", lex)
        if inner is not None:
            return m.start("np") + inner[0], inner[1]
    for rx in (_APPOS_NAME_ROLE_RE, _APPOS_ROLE_NAME_RE):
        m = rx.search(s)
        if not m:
            continue
        role, name = split_mention(m.group("np"))
        if not name or not role or _RE14.match(role):
            continue
        if not any(
            _is_role_word(w, lex) or fold(w) in _COUNTERPART for w in role.split()
        ) and not _RE15.match(role):
            continue
        start, np = m.start("np"), m.group("np")
        d = _dateline_len(np)
        start, np = start + d, np[d:]
        lead = _LEAD_STOP_RE.match(np)
        if lead:
            start, np = start + lead.end(), np[lead.end() :]
        return start, np
    return None


_RE16 = re.compile(r"\s*")
_RE17 = re.compile(r"(\w+)\b")
_RE18 = re.compile(r"(?:[A-Z]\.){2,}")


def _scan_np_right(s: str, lex: Lexicon) -> tuple[int, int, str] | None:
    """The noun phrase that starts s (a speaker after its verb): (start, end, phrase)."""
    m = _RE16.match(s)
    pos = m.end()
    pm = _RE17.match(s[pos:])
    if pm and pm.group(1).lower() in _PRONOUNS:
        return pos, pos + pm.end(), pm.group(1)
    out_end = None
    for k, wm in enumerate(_RE8.finditer(s, pos)):  # the words from pos, as they come
        w = wm.group()
        # "U.S." (a match of _RE18 has "." second)
        bare = w if w[1:2] == "." and _RE18.fullmatch(w) else w.rstrip(",.;:!?")
        f = fold(bare)
        # _np_words_ok(bare, lex), folding once when strip takes nothing
        inner = bare.strip(_NP_BRACKETS)
        if not inner:
            break
        if not inner[0].isupper() and not _np_folded_ok(
            inner, f if len(inner) == len(bare) else fold(inner), lex
        ):
            break
        if k > 0 and f in {"in", "on", "a", "an", "un", "una", "en", "to", "at"}:
            break
        out_end = wm.start() + len(bare)
        if bare != w:
            break
    if out_end is None:
        return None
    return pos, out_end, s[pos:out_end]


_ROLE_BEFORE_NAME_RE = re.compile(
    r"(?:^|[,(.;]\s*)(?:(?:the|his|her|its|their|a|an|el|la|su|sus)\s+)?([^,(.;~]{2,90}?),\s*$",
    re.IGNORECASE,
)
_SUBJ_APPOS_RE = re.compile(
    r"\s*(?P<role>[^,.;~]{2,60}?),\s+(?P<name>[A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){1,3})\s*,"
)


def _subject_appositive(s: str, d: int, lex: Lexicon) -> tuple[int, int, str] | None:
    """A sentence opening "His deputy, Sergey Ryabkov, ..." / "El presidente de Rusia,
    Vladimir Putin, ...": (start, end, name) relative to s[d:]."""
    m = _SUBJ_APPOS_RE.match(s, d)
    if m is None:
        return None
    if not any(_is_role_word(w, lex) or fold(w) in _COUNTERPART for w in m["role"].split()):
        return None
    return m.start("name") - d, m.end("name") - d, m["name"]


_RE19 = re.compile(r"[^\W\d_][\w’'\-]*")


def _looks_like_a_name(s: str) -> bool:
    """A short quotation whose every word is capitalised: a title or a name."""
    words = _RE19.findall(s)
    if not words or len(words) > 5:
        return False
    small = {"of", "the", "and", "for", "in", "on", "a", "de", "del", "la", "el", "y"}
    return all(w[0].isupper() or w in small for w in words) and words[0][0].isupper()


def _dateline_len(s: str) -> int:
    # _DATELINE_RE needs "(", "/", "-" (".-" too), "–" or "—"; _DATELINE_TC_RE needs "("
    if _EXACT or "-" in s or "(" in s or "—" in s or "/" in s or "–" in s:
        m = _DATELINE_RE.match(s) or _DATELINE_TC_RE.match(s)
        n = m.end() if m else 0
    else:
        n = 0
    b = _BULLET_RE.match(s[n:])
    return n + (b.end() if b else 0)


_FORMER_RE = re.compile(r"\b(?:former|ex|then|antiguo|antigua|entonces|anterior)\b")
_GLUED_EX_RE = re.compile(r"\bex-?([a-z]{4,})\b")


@lru_cache(maxsize=65536)
def _unglue_ex(f: str, role_tokens: frozenset[str]) -> str:
    """A folded role phrase with a glued "ex" prefix read as "former": "la exministra" -> "la
    former ministra", so the role noun is looked up and read as a role left before."""
    if "ex" not in f:
        return f
    return _GLUED_EX_RE.sub(
        lambda m: (
            "former " + m.group(1)
            if m.group(1) in ROLE_WORDS or m.group(1) in role_tokens
            else m.group(0)
        ),
        f,
    )


_RE20 = re.compile(r"(?:’s|'s)$")
_RE21 = re.compile(
    r"\b(?:del|de la|de los|of the|at the|from the|[A-ZÀ-Þ][\w’'\-]*\s+(?:de|of))\s*$"
)
# what text less trailing white space (\s is str.isspace) ends with when _RE21 matches it
_RE21_ENDS = ("del", "la", "los", "the", "de", "of")


def _of_institution_left(left: str) -> bool:
    """_RE21.search(left) is not None ("... of the Arms Control Association")."""
    if not _EXACT and not left.rstrip().endswith(_RE21_ENDS):
        return False  # the regex, searched from every place, would find nothing
    return _RE21.search(left) is not None


_RE22 = re.compile(r"[^s]s$")
_RE23 = re.compile(r"^(?:a|an|un|una|one)\b")
_RE24 = re.compile(r"^(?:a|an|un|una|one|some|unos|unas)\b")
_RE25 = re.compile(r",\s*([^,.;]{3,80})")
_RE26 = re.compile(r"['’]s$")


_APPOS_AFTER_RE = re.compile(r",\s+(?:a|an|the|el|la|un|una)\s+([^,.;]{3,60}?)(?=\s*[,.;)])")
_APPOS_AFTER_END_RE = re.compile(
    r",\s+(?:a|an|the|el|la|un|una)\s+([^,.;]{3,60}?)(?=\s*[,.;)]|\s*$)"
)


@lru_cache(maxsize=65536)
def _institution_suffix(reg: Registry, run: str) -> Speaker | None:
    """The registry institution named by the longest suffix of a run of words, or None."""
    words = run.split()
    for k in range(len(words)):
        org = reg.organisation(" ".join(words[k:]))
        if org is not None and org.kind == "institution":
            return org
    return None


class _Resolver:
    """Turns a mention into a speaker, using the registry and the article's own people."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.reg = get_registry()
        self._starts: list[int] | None = None
        self._people_of: tuple[int, int] | None = None
        self._people_list: list[tuple[Entity, str, frozenset[str], int]] = []
        self._in_salience = False
        self._title_people: list[Entity] | None = None
        self._title_unregistered: str | None = None

    def _headline_people(self) -> list[Entity]:
        """The people the headline names (for the text: "Lavrov warns ..." over "The Russian
        foreign minister said ..."), last named first; read only when asked."""
        if self._title_people is None:
            self._title_people = []
            title = self.ctx.title
            if self.ctx.field == "text" and title and title.strip():
                tex = _Extractor(title, self.ctx.lang, "title", published=self.ctx.published)
                tex.res.collect()
                self._title_people = [e for e in reversed(tex.ctx.entities) if e.kind == "person"]
        return self._title_people

    def _headline_unregistered(self) -> str | None:
        """The one person the headline has say something who is in neither the registry nor
        the text's people ("Baerbock pide ...", "Sherman: ..."); read only when asked."""
        if self._title_unregistered is None:
            self._title_unregistered = ""
            title = self.ctx.title
            if self.ctx.field == "text" and title and title.strip():
                tex = _Extractor(title, self.ctx.lang, "title", published=self.ctx.published)
                names = set()
                for row in tex.run():
                    sp = row.speaker
                    if not sp or sp.get("speaker_org") or sp.get("speaker_role"):
                        continue
                    name = sp["speaker"]
                    if self.reg.person(name) is None and self.reg.organisation(name) is None:
                        names.add(name)
                known = {name_key(e.name.split()[-1]) for e in self._entities()}
                if len(names) == 1:
                    name = names.pop()
                    if name_key(name.split()[-1]) not in known:
                        self._title_unregistered = name
        return self._title_unregistered or None

    def _registry_entity(self, sp: Speaker, start: int, mention: str, stated: str) -> Entity:
        if _EXACT:
            return _entity_from_registry(
                sp, start, mention, stated, reg=self.reg, published=self.ctx.published
            )
        e = self._registry_template(sp, stated)
        return Entity(
            name=e.name,
            kind=e.kind,
            start=start,
            mention=mention,
            role=e.role,
            org=e.org,
            country=e.country,
            gender=e.gender,
            role_text=e.role_text,
            current=e.current,
            past_text=e.past_text,
        )

    def _registry_fields(self, sp: Speaker, mention: str, stated: str) -> dict[str, Any]:
        """_registry_entity(sp, _, mention, stated).as_fields(mention)."""
        if _EXACT:
            return self._registry_entity(sp, 0, mention, stated).as_fields(mention)
        return self._registry_template(sp, stated).as_fields(mention)

    def _registry_template(self, sp: Speaker, stated: str) -> Entity:
        """_entity_from_registry for a registry row and a stated role on the article's date,
        at offset 0 without a mention (which it only copies). Memoised on the registry by
        row, stated role and date; the row is kept with it, so a reused id() cannot match."""
        published = self.ctx.published
        key = ("registry_entity", id(sp), stated, published)
        memo = self.reg.memo
        got = memo.get(key)
        if got is None or got[0] is not sp:
            got = (sp, _entity_from_registry(sp, 0, "", stated, reg=self.reg, published=published))
            if len(memo) > 50000:
                memo.clear()
            memo[key] = got
        return got[1]

    # entities -----------------------------------------------------------------------------
    def collect(self) -> None:
        ctx = self.ctx
        s = ctx.masked
        memo = self.reg.memo
        # the runs whose plan is ("none",) (a plan depends on the run alone), kept with the
        # plans so that it goes when they do: a set is quicker to ask than the memo
        nothing = memo.get(("run_none",))
        if nothing is None or len(nothing) > 50000:
            nothing = memo[("run_none",)] = set()
        for m in _NAME_RUN_RE.finditer(s):
            raw = m.group()
            if raw in nothing and not _EXACT:
                continue
            plan = memo.get(("run_plan", raw))
            if plan is not None and plan[0] == "none":
                nothing.add(raw)
                continue  # what _entity_for_run answers first
            ent = self._entity_for_run(raw, m.start())
            if ent is not None:
                ctx.entities.append(ent)
        ctx.entities.sort(key=lambda e: e.start)

    def _run_plan(self, raw: str) -> tuple:
        """What a name run says by itself (the registry's answers, the name in it), before
        its context: ("org", org, run), ("none",), ("single_org", org, run, shift) or
        ("person", run, role_part, name, shift, sp). Memoised by run on the registry."""
        key = ("run_plan", raw)
        memo = self.reg.memo
        got = memo.get(key)
        if got is not None:
            return got
        got = self._run_plan_uncached(raw)
        if len(memo) > 50000:
            memo.clear()
        memo[key] = got
        return got

    def _run_plan_uncached(self, raw: str) -> tuple:
        run = _RE20.sub("", raw).rstrip(".")
        # institutions and countries: the longest matching suffix of the run
        org = _institution_suffix(self.reg, run)
        if org is not None:
            return ("org", org, run)
        role_part, name = split_mention(run)
        if not name:
            return ("none",)
        trimmed = self._trim_name(name)
        shift = 0
        if trimmed != name:
            role_part = (role_part + " " + name[: len(name) - len(trimmed)]).strip()
            shift = run.find(trimmed) if run.find(trimmed) > 0 else 0
            run, name = trimmed, trimmed
        nwords = name.split()
        if all(fold(w) in _NON_NAMES or fold(w) in _ORG_WORDS for w in nwords):
            return ("none",)
        sp = self.reg.person(name)
        if sp is None and len(nwords) > 1 and not role_part:
            org = self.reg.organisation(name)
            if org is not None and org.kind == "country":
                return ("org", org, run)  # "United States", "North Korea": no person
        if sp is None:
            # the answers below without a person that need no context
            if len(nwords) == 1:
                org = self.reg.organisation(name)
                return ("none",) if org is None else ("single_org", org, run, shift)
            if any(fold(w) in _ORG_WORDS or fold(w) in _NON_NAMES for w in nwords):
                return ("none",)
        return ("person", run, role_part, name, shift, sp)

    def _entity_for_run(self, raw: str, start: int) -> Entity | None:
        lex = self.ctx.lex
        plan = self._run_plan(raw)
        if plan[0] == "none":
            return None
        if plan[0] == "org":
            return _entity_from_registry(plan[1], start, plan[2], "")
        if plan[0] == "single_org":
            start += plan[3]
            left = self.ctx.masked[max(0, start - 80) : start]
            if _of_institution_left(left):
                return None
            return _entity_from_registry(plan[1], start, plan[2], "")
        _, run, role_part, name, shift, sp = plan
        start += shift
        nwords = name.split()
        left = self.ctx.masked[max(0, start - 80) : start]
        if sp is None and _of_institution_left(left):
            return None  # "... of the Arms Control Association", "del Centro de Estudios"
        pre = _scan_np_left(left, lex)
        stated = role_part
        if pre is not None:
            stated = (pre[1] + " " + role_part).strip()
        if sp is not None:
            return self._registry_entity(sp, start, run, stated)
        if len(nwords) == 1:
            org = self.reg.organisation(name)
            if org is not None:
                return _entity_from_registry(org, start, run, "")
        if len(nwords) < 2 or any(fold(w) in _ORG_WORDS or fold(w) in _NON_NAMES for w in nwords):
            return None
        if not any(fold(w) in ROLE_WORDS for w in stated.split()):
            after = self.ctx.masked[start + len(run) : start + len(run) + 100]
            end_ok = len(after) < 100  # the text ends inside the window
            app = (_APPOS_AFTER_END_RE if end_ok else _APPOS_AFTER_RE).match(after)
            follows_cue = _cue_match(lex, after.lstrip()) is not None
            if app is not None and lex.cue_re.search(app.group(1)):
                app = None  # ", the Secretary-General urged calm": a subject, not an appositive
            before = _ROLE_BEFORE_NAME_RE.search(left)
            if (
                app is None
                and before
                and any(
                    fold(w) in ROLE_WORDS or fold(w) in lex.role_tokens
                    for w in before.group(1).split()
                )
            ):
                app = before  # "his spokesperson, Stéphane Dujarric,"
            if app is None:
                near = _NEAR_ROLE_RE.search(left)
                nw = near.group(1).split()[-2:] if near else []
                if (
                    nw
                    and any(
                        fold(w) in ROLE_WORDS or (fold(w) in lex.role_tokens and len(w) > 3)
                        for w in nw
                    )
                    and not any(lex.cue_re.fullmatch(w) or fold(w) in _NON_NAMES for w in nw)
                    and self.reg.organisation(name) is None
                ):
                    app = near  # "el investigador argentino Martín Ferreyra"
            if app is None and _AFFILIATION_RE.match(after[1:] if after[:1] == "," else "~"):
                app = _RE25.match(after)  # "X, del Centro de Estudios"
            if app is not None:
                stated = app.group(1)
            elif not follows_cue:
                return None
        role = _RE4.sub("", stated.strip(" ,"))
        return Entity(
            name=name,
            kind="person",
            start=start,
            mention=run,
            role=role,
            country=_country_of(stated),
            gender=_gender_of(stated),
            role_text=_unglue_ex(fold(stated), self.ctx.lex.role_tokens),  # "exdiplomático"
        )

    # resolution ---------------------------------------------------------------------------
    def resolve(
        self, np: str, pos: int, *, countries: bool = True
    ) -> tuple[dict | None, tuple | None]:
        """(speaker fields, pending) for a mention at pos; pending is set for cataphora."""
        lex = self.ctx.lex
        key = ("resolve", np, countries, lex.role_tokens, lex.unnamed)
        memo = self.reg.memo
        plan = memo.get(key)
        if plan is None:
            plan = self._resolve_plan(np, countries)
            if len(memo) > 50000:
                memo.clear()
            memo[key] = plan
        how = plan[0]
        if how == "none":
            return None, None
        if how == "fields":
            return dict(plan[1]), None
        if how == "person":
            _, name, role_part, np = plan
            return self._person(name, role_part, np, pos), None
        if how == "pronoun":
            return self._pronoun(plan[1], plan[2], pos), None
        if how == "document":
            # "the statement said", "indica el comunicado": whoever issued it, named before
            np = plan[1]
            prev = next(
                (st for st in reversed(self.ctx.statements) if st.speaker and st.start < pos),
                None,
            )
            if prev is None:
                # no statement yet: the institution named just before ("El Ministerio ha
                # anunciado ... El comunicado señala que ...")
                ent = next(
                    (
                        e
                        for e in reversed(self._entities())
                        if e.kind == "institution" and pos - 600 < e.start < pos
                    ),
                    None,
                )
                return (ent.as_fields(np) if ent is not None else None), None
            return (dict(prev.speaker, speaker_mention=np) if prev else None), None
        # a role noun: "the minister", "el vocero", "A senior Russian diplomat"
        _, np, f, fallback, entry, person_head, indefinite = plan
        fallback = dict(fallback) if fallback is not None else None
        if entry is None:
            if fallback is not None and person_head:
                # "the deputy head of Russia's Security Council": a person of that body
                ent = self._member_of(fallback["speaker"], pos)
                if ent is None and _TOP_HEAD_RE.search(f):
                    # "the head of the IAEA": the one person the registry has at its head
                    ent = self._holder(None, f, org=fallback["speaker"])
                if ent is not None:
                    return ent.as_fields(np), None
            return fallback, None
        if indefinite:
            return None, (entry, np, pos, fallback)
        ent = self._by_role(entry, f, pos)
        if ent is None:
            return None, (entry, np, pos, fallback)
        return ent.as_fields(np), None

    def _resolve_plan(self, np: str, countries: bool) -> tuple:
        """What resolve makes of a mention before the article is asked (who is named, said
        before, holds a role): ("none",), ("fields", speaker fields), ("person", name,
        role part, mention), ("pronoun", gender, mention), ("document", mention) or ("role",
        mention, folded, fallback fields, role noun, person head, indefinite). Depends on
        the mention, the registry and the lexicon only (memoised on the registry)."""
        np = np.strip(" ,")
        np = _RE20.sub("", np)
        if not np:
            return ("none",)
        if "s " in np and ("'s " in np or "’s " in np):
            # "the Kremlin's spokesman", "NATO's secretary general": as "the Kremlin spokesman"
            plain = _INST_POSSESSIVE_RE.sub(self._institution_possessive, np)
            if plain != np:
                return self._resolve_plan(plain, countries)
        lex = self.ctx.lex
        f = _unglue_ex(fold(np), lex.role_tokens)
        if np.lower() in _PRONOUNS:
            if _PRONOUNS[np.lower()] == "":
                return ("none",)  # "they": too often an unnamed group
            return ("pronoun", _PRONOUNS[np.lower()], np)
        words = f.split()
        if _DOCUMENT_NP_RE.fullmatch(f):
            return ("document", np)
        if words and words[-1] in lex.unnamed:
            return ("none",)
        last = np.split()[-1]
        if (
            last[:1].islower()
            and _RE22.search(last)
            and fold(last) not in ROLE_WORDS
            and not last.endswith("és")  # "neerlandés", "francés": singular adjectives
        ):
            return ("none",)  # a plural group: "independent researchers", "los analistas"
        if "," in np:
            role_part, name = split_mention(np)
            if name and role_part and np.startswith(name) and "," not in name:
                # "Heather Williams, a nuclear expert at CSIS in Washington"
                return ("person", self._trim_name(name), role_part, np)
            head, rest = np.split(",", 1)
            if _AFFILIATION_RE.match(rest):
                # "El investigador Martín Ferreyra, del Centro de Estudios Estratégicos"
                r1, n1 = split_mention(head)
                if (
                    n1
                    and len(n1.split()) >= 2
                    and head.rstrip().endswith(n1)
                    and self.reg.organisation(n1) is None
                    and not any(fold(w) in _ORG_WORDS for w in n1.split())
                ):
                    return ("person", n1, (r1 + " " + rest.strip()).strip(), np)
        gm = _GOVERNMENT_RE.fullmatch(f)
        if gm is not None:
            adj = _GOVERNMENT_ADJ.get(gm.group("a1") or gm.group("a2"))
            if adj:  # "the German government", "el Gobierno alemán"
                return (
                    "fields",
                    {
                        "speaker": f"{adj} government",
                        "speaker_mention": np,
                        "speaker_role": None,
                        "speaker_org": f"{adj} government",
                        "speaker_country": None,
                    },
                )
        # a match has one of its prepositions between white space: a word of np.split()
        prep = _EXACT or not _NP_PREP_WORDS.isdisjoint(np.split())
        pm = _NP_PREP_RE.match(np) if prep else None
        if pm is not None:
            head = pm.group("head")
            hw = fold(head).split()
            if hw and hw[-1] in lex.unnamed:
                return ("none",)  # "Officials in Paris", "Sources at the ministry"
            role_part, name = split_mention(head)
            if (
                not role_part
                and len(name.split()) >= 2
                and not any(fold(w) in _ORG_WORDS or fold(w) in _NON_NAMES for w in name.split())
                and self.reg.organisation(name) is None
            ):
                # "Andrey Baklitskiy of the UN Institute for Disarmament Research"
                return ("person", name, pm.group("tail"), np)
        # institution / country named by the whole phrase or its tail (entity fields do not
        # depend on where the mention is)
        role_head = False
        fallback = None
        how, org = self._phrase_org(np, countries)
        if how == "org":
            return ("fields", _entity_from_registry(org, 0, np, "").as_fields(np))
        if how == "country":
            return ("none",)
        if how == "role_head":
            role_head = True  # "the spokesman of the Kremlin", "el inquilino de la Casa Blanca"
            if org.kind == "institution":
                fallback = _entity_from_registry(org, 0, np, "").as_fields(np)
        if not role_head:
            # an institution inside a role phrase: "a Pentagon spokesman", "a Kremlin aide"
            org = self._role_phrase_org(np)
            if org is not None:
                fallback = _entity_from_registry(org, 0, np, "").as_fields(np)
                role_head = True
        im = None if role_head else _UNKNOWN_INSTITUTION_RE.fullmatch(np)
        if im is not None:  # "the US Energy Department", "el Ministerio de Defensa de Japón"
            inst = im.group("inst")
            return (
                "fields",
                {
                    "speaker": inst,
                    "speaker_mention": np,
                    "speaker_role": None,
                    "speaker_org": inst,
                    "speaker_country": _country_of(inst) or None,
                },
            )
        role_part, name = ("", "") if role_head else split_mention(np)
        if name:
            name = self._trim_name(name)
        if name and not all(fold(w) in _NON_NAMES for w in name.split()):
            if any(fold(w) in _ORG_WORDS for w in name.split()):
                return ("none",)
            if (
                len(name.split()) == 1
                and not role_part
                and (name.isupper() or "." in name)
                and self.reg.person(name) is None
            ):
                return ("none",)
            return ("person", name, role_part, np)
        entry = self._role_entry(f)
        person_head = entry is None and fallback is not None and bool(_PERSON_HEAD_RE.search(f))
        indefinite = entry is not None and bool(_RE23.match(f))
        return ("role", np, f, fallback, entry, person_head, indefinite)

    def _institution_possessive(self, pm: re.Match) -> str:
        """'Kremlin's' -> 'Kremlin' when the registry's institution; else as written."""
        org = self.reg.organisation(pm.group(1))
        return pm.group(1) if org is not None and org.kind == "institution" else pm.group()

    def _phrase_org(self, np: str, countries: bool) -> tuple[str, Speaker | None]:
        """The registry institution or country named by np or its tail: ("org", it) names
        it, ("country", it) a country that is no speaker here, ("role_head", it) a role of
        it ("the spokesman of the Kremlin"), ("", None) none. Memoised by phrase."""
        lex = self.ctx.lex
        key = ("phrase_org", np, countries, lex.role_tokens)
        memo = self.reg.memo
        got = memo.get(key)
        if got is not None:
            return got
        got = ("", None)
        toks = np.split()
        for k in range(len(toks)):
            org = self.reg.organisation(" ".join(toks[k:]))
            if org is None:
                continue
            head = _unglue_ex(" ".join(fold(t) for t in toks[:k]), lex.role_tokens).split()
            if any(
                (t in ROLE_WORDS or t in lex.role_tokens) and t not in _COUNTRY_ADJ for t in head
            ):
                got = ("role_head", org)
            elif org.kind == "country" and (
                not countries or any(t not in {"the", "desde"} for t in head)
            ):
                got = ("country", org)
            else:
                got = ("org", org)
            break
        if len(memo) > 50000:
            memo.clear()
        memo[key] = got
        return got

    def _role_phrase_org(self, np: str) -> Speaker | None:
        """The institution inside a role phrase ("a Pentagon spokesman"): the first run of
        np's words that names one and is followed by role words only. Memoised by phrase."""
        lex = self.ctx.lex
        key = ("role_phrase_org", np, lex.role_tokens)
        memo = self.reg.memo
        if key in memo:
            return memo[key]
        got = None
        toks = np.split()
        for i in range(len(toks)):
            for j in range(len(toks) - 1, i, -1):
                org = self.reg.organisation(" ".join(toks[i:j]), countries=False)
                # "secretary-general": each word of a hyphenated role word
                tail = [w for t in toks[j:] for w in fold(t).split()]
                if org is not None and all(t in ROLE_WORDS or t in lex.role_tokens for t in tail):
                    got = org
                    break
            if got is not None:
                break
        if len(memo) > 50000:
            memo.clear()
        memo[key] = got
        return got

    def _member_of(self, org: str, pos: int) -> Entity | None:
        """The latest speaker, else the latest person named, who belongs to an institution."""
        for ent in self._speakers_before(pos):
            if ent.kind == "person" and ent.org == org:
                return ent
        for ent in reversed([e for e in self._entities() if e.start < pos]):
            if ent.kind == "person" and ent.org == org:
                return ent
        return None

    def _trim_name(self, name: str) -> str:
        """A name run without the institution or country glued before it: "Council Dmitry
        Medvedev", "United States Anatoly Antonov" -> the person's name."""
        words = name.split()
        if len(words) < 2:
            return name
        for k in range(len(words) - 1):
            if self.reg.person(" ".join(words[k:])) is not None:
                return " ".join(words[k:])
        last_org = max((i for i, w in enumerate(words) if fold(w) in _ORG_WORDS), default=-1)
        if 0 <= last_org < len(words) - 2:
            # "Real Instituto Elcano Carmen González": the institute's own name goes too
            rest = words[last_org + 1 :]
            return " ".join(rest[1:] if len(rest) >= 3 else rest)
        for k in range(len(words) - 2, 0, -1):
            prefix = words[:k]
            if all(fold(w) in _ORG_WORDS for w in prefix) or self.reg.organisation(
                " ".join(prefix)
            ):
                return " ".join(words[k:])
        return name

    def _role_entry(self, f: str) -> RoleNoun | None:
        cache = self.ctx.lex.role_cache
        if f not in cache:
            if len(cache) > 50000:
                cache.clear()
            cache[f] = next(
                (e for e in self.ctx.lex.role_nouns if re.search(rf"\b{re.escape(e.phrase)}\b", f)),
                None,
            )
            plain = " ".join(w for w in f.split() if w not in _COUNTRY_ADJ)
            if plain != f:
                # "el ministro ruso de Exteriores": the office named around the nationality
                longer = next(
                    (
                        e
                        for e in self.ctx.lex.role_nouns
                        if re.search(rf"\b{re.escape(e.phrase)}\b", plain)
                    ),
                    None,
                )
                if longer is not None and (
                    cache[f] is None or len(longer.phrase) > len(cache[f].phrase)
                ):
                    cache[f] = longer
        return cache[f]

    def _fits(self, entry: RoleNoun, f: str, ent: Entity) -> bool:
        if entry.target == "person" and ent.kind != "person":
            return False
        if ent.current is False and not _FORMER_RE.search(f):
            return False  # by the registry's dates, not in that office on the article's date
        if entry.target == "institution" and ent.kind == "person":
            return False
        if ent.kind == "country":
            return False
        text = ent.role_text
        if ent.past_text and _FORMER_RE.search(f):
            text = text + " " + ent.past_text  # "the former president": a role left before
        if entry.target == "institution":
            text = fold(ent.name + " " + ent.org)
        if entry.match and not any(all(p in text for p in alt) for alt in entry.match):
            return False
        for x in entry.exclude:
            if x in text and x not in f:
                return False
        country = entry.country or _country_of(f) or self._tail_country(f)
        if country and ent.country and ent.country != country:
            return False
        if entry.gender and ent.gender and entry.gender != ent.gender:
            return False
        if entry.target == "person":
            # words of the role noun phrase beyond the lexicon phrase must fit the role too
            extra = [
                w
                for w in f.split()
                if w in ROLE_WORDS
                and w not in entry.phrase.split()
                and w not in {"former", "top", "senior", "ex", "un", "una", "el", "la"}
                and w not in _COUNTRY_ADJ
            ]
            if extra and not all(
                w in text or any(t in text for t in _PORTFOLIO_EN.get(w, ())) for w in extra
            ):
                return False
        return True

    def _tail_country(self, f: str) -> str:
        """The country a role phrase ends by naming: "the foreign minister of Russia", "el
        ministro de Exteriores de Rusia" -> "Russia"; "" if none. Memoised by phrase."""
        key = ("tail_country", f)
        memo = self.reg.memo
        got = memo.get(key)
        if got is None:
            got = ""
            words = f.split()
            for k in range(len(words) - 1, max(0, len(words) - 4), -1):
                if words[k - 1] not in ("of", "de", "del", "the"):
                    continue
                tail = " ".join(words[k:])
                org = self.reg.organisation(tail)
                if org is None and len(tail) <= 6:
                    org = self.reg.organisation(tail.upper())  # "de EE.UU." folds to "ee uu"
                if org is not None and org.kind == "country":
                    got = org.name
                    break
            if len(memo) > 50000:
                memo.clear()
            memo[key] = got
        return got

    def _by_role(self, entry: RoleNoun, f: str, pos: int) -> Entity | None:
        if entry.target == "person":
            # "Grushko struck a harsher tone. ... the diplomat warned": the sentence subject
            ent = self._salient_subject(lambda e: self._fits(entry, f, e), pos)
            if ent is not None:
                return ent
        seen = self._speakers_before(pos)
        for ent in seen:
            if self._fits(entry, f, ent):
                return ent
        for ent in reversed([e for e in self._entities() if e.start < pos]):
            if self._fits(entry, f, ent):
                return ent
        if entry.target == "any":
            for ent in seen:
                if ent.kind == "institution":
                    return ent
        return None

    def _holder(self, entry: RoleNoun | None, f: str, org: str | None = None) -> Entity | None:
        """The one registry person who held the office a definite role noun names ("the
        Secretary of State") on the article's date; None without a date or if several fit.
        ``org``: only people of that institution ("the NATO secretary general"); with it, no
        role noun (``entry`` None: "the head of the IAEA") takes its one person."""
        day = self.ctx.published
        if (
            day is None
            or (entry is None and org is None)
            or (entry is not None and (entry.target != "person" or not entry.match))
            or _FORMER_RE.search(f)
            or _RE24.match(f)
        ):
            return None
        found: dict[str, Entity] = {}
        for row in self.reg.holders_at(day):
            if not row.role or (not row.role_start and not row.role_end):
                continue  # undated roles may not be held that day: never guessed
            if org is not None and row.org != org:
                continue
            ent = _entity_from_registry(row, -1, row.name, "", reg=self.reg, published=day)
            if entry is None or self._fits(entry, f, ent):
                found[ent.name] = ent
                if len(found) > 1:
                    return None
        if len(found) != 1:
            return None
        ent = next(iter(found.values()))
        # undated rows of other people could fit too: then it is not one person
        for rows in self.reg.roles.values():
            for row in rows:
                if row.name == ent.name or row.role_start or row.role_end or not row.role:
                    continue
                if org is not None and row.org != org:
                    continue
                other = _entity_from_registry(row, -1, row.name, "")
                if entry is None or self._fits(entry, f, other):
                    return None
        return ent

    def _entities(self) -> list[Entity]:
        return self.ctx.prior + self.ctx.entities

    def _people(self) -> list[tuple[Entity, str, frozenset[str], int]]:
        """The person entities, in _entities' order, with their surname's name_key, the
        name_keys of their other words and their number of words (kept while the entities
        stay the same)."""
        size = (len(self.ctx.prior), len(self.ctx.entities))
        if self._people_of != size:
            self._people_list = [
                (
                    e,
                    name_key(e.name.split()[-1]),
                    frozenset(name_key(w) for w in e.name.split()[:-1]),
                    len(e.name.split()),
                )
                for e in self._entities()
                if e.kind == "person"
            ]
            self._people_of = size
        return self._people_list

    def _speakers_before(self, pos: int) -> list[Entity]:
        """Speakers of earlier statements, latest first, as entities."""
        out: list[Entity] = []
        seen: set[str] = set()
        for st in reversed(self.ctx.statements):
            if st.speaker is None or st.start >= pos and st.sentence[0] >= pos:
                continue
            name = st.speaker["speaker"]
            if name in seen:
                continue
            seen.add(name)
            ent = self._entity_named(name)
            if ent is None and st.speaker.get("speaker_mention"):
                # a person the article names only as a speaker ("Jana Novak of the institute")
                role = st.speaker.get("speaker_role") or ""
                ent = Entity(
                    name,
                    "person",
                    st.start,
                    st.speaker["speaker_mention"],
                    role=role,
                    country=st.speaker.get("speaker_country") or "",
                    gender=_gender_of(role),
                    role_text=fold(role),
                )
            if ent is not None and ent.kind != "person" and st.speaker.get("speaker_mention"):
                # "a State Department spokesperson said" ... "the spokesperson added"
                mention = fold(st.speaker["speaker_mention"])
                ent = replace(ent, role_text=ent.role_text + " " + mention)
            if ent is not None:
                out.append(ent)
        return out

    def _entity_named(self, name: str) -> Entity | None:
        for e in reversed(self._entities()):
            if e.name == name:
                return e
        sp = self.reg.person(name) or self.reg.organisation(name)
        if sp is not None:
            return self._registry_entity(sp, 0, name, "")
        return None

    def _salient_subject(self, accept: Any, pos: int) -> Entity | None:
        """The person who opens the pronoun's own sentence or a previous sentence without
        statements ("Putin floated it in June, when he said ..."; "X was more reserved. “...,”
        he said"): more salient than the last speaker."""
        ctx = self.ctx
        if self._in_salience:
            return None
        if self._starts is None:
            self._starts = [a for a, _ in ctx.sentences]
        i = bisect.bisect_right(self._starts, pos) - 1
        for j in (i, i - 1):
            if j < 0:
                return None
            sa, sb = ctx.sentences[j]
            if j < i and any(sa <= st.start < sb for st in ctx.statements):
                return None  # the previous sentence has its own speaker: the usual rules
            seg = ctx.masked[sa : min(sb, pos)]
            d = _dateline_len(seg)
            lead = _LEAD_ADVERB_RE.match(seg, d)
            d = lead.end() if lead else d
            hd = _subject_appositive(seg, d, ctx.lex) or _scan_np_right(seg[d:], ctx.lex)
            if hd is None or sa + d + hd[0] >= pos:
                continue
            np_text = hd[2]
            if np_text.lower() in _PRONOUNS or _RE26.search(np_text):
                if j == i:
                    continue
                return None
            self._in_salience = True
            try:
                fields, _ = self.resolve(np_text, sa + d + hd[0])
                while fields is None and " " in np_text and np_text.split()[-1][:1].islower():
                    np_text = np_text.rsplit(" ", 1)[0]  # "Putin first (floated)"
                    fields, _ = self.resolve(np_text, sa + d + hd[0])
            finally:
                self._in_salience = False
            if fields is None:
                if j == i:
                    continue  # "Asked about Blinken, he said": look at the sentence before
                return None
            ent = self._entity_named(fields["speaker"])
            if ent is None:
                if len(fields["speaker"].split()) < 2:
                    return None
                ent = Entity(fields["speaker"], "person", sa + d, np_text, gender="")
            return ent if accept(ent) else None
        return None

    def _pronoun(self, gender: str, np: str, pos: int) -> dict | None:
        want_inst = gender == "i"
        if not want_inst:
            ent = self._salient_subject(
                lambda e: e.kind == "person" and not (gender and e.gender and e.gender != gender),
                pos,
            )
            if ent is not None:
                return ent.as_fields(np)
        for ent in self._speakers_before(pos):
            if want_inst:
                if ent.kind != "person":
                    return ent.as_fields(np)
                return None
            if ent.kind == "person" and (not gender or not ent.gender or ent.gender == gender):
                return ent.as_fields(np)
            if gender == "" and ent.kind != "person":
                return ent.as_fields(np)
        if want_inst:
            return None
        for ent in reversed([e for e in self._entities() if e.start < pos]):
            if ent.kind == "person" and (not gender or not ent.gender or ent.gender == gender):
                return ent.as_fields(np)
        for ent in self._headline_people():  # nobody named before it: the headline's person
            if not gender or not ent.gender or ent.gender == gender:
                return ent.as_fields(np)
        if gender in ("m", "f"):
            name = self._headline_unregistered()  # "Sherman: ..." over "..., she said"
            if name is not None:
                return {
                    "speaker": name,
                    "speaker_mention": np,
                    "speaker_role": None,
                    "speaker_org": None,
                    "speaker_country": None,
                }
        return None

    def _person(self, name: str, role_part: str, np: str, pos: int) -> dict | None:
        sp = self.reg.person(name)
        if sp is not None:
            return self._registry_fields(sp, np, role_part)
        key = name_key(name.split()[-1])
        people = self._people()
        # the article's own people: a fuller mention of the same surname
        best = None
        best_words = 0
        for ent, last_key, _others, n_words in people:
            if last_key == key and (best is None or n_words > best_words):
                best, best_words = ent, n_words
        if best is None and len(name.split()) == 1:
            # family name first ("Lin Jian" ... "Lin said"), or a name among several
            # ("Luiz Inácio Lula da Silva" ... "Lula"): another word of a fuller name
            for ent, _last, other_keys, n_words in people:
                if n_words >= 2 and key in other_keys:
                    best = ent
        if best is not None:
            fields = best.as_fields(np)
            if role_part and not fields["speaker_role"]:
                fields["speaker_role"] = role_part
            return fields
        if (
            len(name.split()) < 2
            and not role_part
            and (fold(name) in _STOP_CAPS or fold(name) in _NON_NAMES)
        ):
            return None  # a lone capitalised word that names nobody we know
        role = _RE4.sub("", role_part)
        return {
            "speaker": name,
            "speaker_mention": np,
            "speaker_role": role or None,
            "speaker_org": None,
            "speaker_country": _country_of(role_part) or None,
        }

    def resolve_pending(self) -> None:
        """Cataphora and missing antecedents: the next matching person named after the mention."""
        for st in self.ctx.statements:
            if st.speaker is not None or st.pending is None:
                continue
            entry, np, pos, fallback = st.pending
            f = fold(np)
            later = [e for e in self.ctx.entities if e.start > pos] if entry.match else []
            if entry.match and self.ctx.field == "title":
                later += self.ctx.prior  # a headline's "Kremlin aide" is named in the text
            for ent in later[:6]:
                if self._fits(entry, f, ent):
                    st.speaker = ent.as_fields(np)
                    break
            if st.speaker is None:
                for other in self.ctx.statements:
                    if other.start > st.start and other.speaker is not None:
                        ent = self._entity_named(other.speaker["speaker"])
                        if ent is not None and self._fits(entry, f, ent):
                            st.speaker = ent.as_fields(np)
                        break
            if st.speaker is None and entry.match:
                # the person the headline names: "Putin advierte ..." / "El presidente aseguró"
                for ent in self._headline_people():
                    if self._fits(entry, f, ent):
                        st.speaker = ent.as_fields(np)
                        break
            if st.speaker is None:
                ent = self._holder(entry, f)
                if ent is None and fallback is not None:
                    # "the NATO secretary general": NATO's one, not the UN's
                    ent = self._holder(entry, f, org=fallback["speaker"])
                if ent is not None:
                    st.speaker = ent.as_fields(np)
            if st.speaker is None and fallback is not None:
                st.speaker = fallback
            if st.speaker is None:
                # "a State Department spokesperson said ..." ... "the spokesperson added"
                for other in reversed(self.ctx.statements):
                    if other.start >= st.start or other.speaker is None:
                        continue
                    mention = fold(other.speaker.get("speaker_mention") or "")
                    if re.search(rf"\b{re.escape(entry.phrase)}\b", mention):
                        st.speaker = dict(other.speaker, speaker_mention=np)
                        break
            if st.speaker is None and entry.match and entry.target != "institution":
                # "Baerbock pide ..." over "La ministra alemana ... pidió": a person the
                # registry does not know, named only in the headline, when nothing else fits
                name = self._headline_unregistered()
                if name is not None:
                    st.speaker = {
                        "speaker": name,
                        "speaker_mention": np,
                        "speaker_role": None,
                        "speaker_org": None,
                        "speaker_country": _country_of(f) or None,
                    }


_RE27 = re.compile(r"^\s*[,.:;]?\s*[,]?\s*(?:[-–—]\s*)?")
_RE28 = re.compile(r",\s+([A-ZÀ-Þ][\w.’'\- ]{1,40}),")
_POSSESSIVE_RE = re.compile(r"\s*(?:su|sus|his|her|its|their)\s+", re.IGNORECASE)
_RE28_END = re.compile(r",\s+([A-ZÀ-Þ][\w’'\- ]{1,40}?)(?=\s*\.?\s*$)")
_RE29 = re.compile(r"\b(?:that|que)\b|:")
_RE30 = re.compile(r",\s*$|[~”»\"]\s*,?\s*$")
# the name in apposition after the rest of a role phrase ("... en Viena, Name,")
_APPOS_NAME_AT_RE = re.compile(
    r",\s+([A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){1,3})(?=\s*,|\s*\.?\s*$)"
)
# "SUBJECT, según X, rest of the clause": a lowercase word that neither joins nor relates
_MID_REST_RE = re.compile(
    r",\s+(?!(?:y|e|and|but|pero|que|quien|quienes|who|which|tras|after|en|in|durante|during|"
    r"mientras|while|aunque|although|donde|where|cuando|when)\b)[a-záéíóúñ]"
)
# "CLAUSE, según X, que firmaron ...": a relative clause about X to the sentence's end
_ACCORDING_REL_TAIL_RE = re.compile(
    r",\s*(?:que|quien|quienes|who|el cual|la cual|los cuales|las cuales)\s+[^~]*$"
)
_RELATIVE_ASIDE_RE = re.compile(
    r",\s*(?:quien|quienes|who|que|el cual|la cual)\s+[^,~]{2,100}(?=,)"
)
_RE31 = re.compile(r"[^,~]{0,80}?,\s*")
_RE32 = re.compile(r"\s+")
_RE33 = re.compile(r"(?:that|que)\b")
_RE34 = re.compile(r"\s*(?:(?:only|simply|just|solo|sólo|de|en)\s+)?(?:that|que)\b|\s*:")
_RE35 = re.compile(r",\s*$")
_RE36 = re.compile(r"\s*[“«„\"‘]")
_RE37 = re.compile(r"[,~”»\"]\s*$")
_RE38 = re.compile(r"^\s*[“«„\"‘]")
_RE39 = re.compile(r"(?:,|\bwhile|\band|\by|[~][”»\"’])\s*$")
_RE40 = re.compile(r"\w")
_RE41 = re.compile(r"[.!?…]\W*$")
_RE42 = re.compile(r"\s*[.,]?\s*$")
_RE43 = re.compile(r"[\w~”»\"]\s*$")
_RE44 = re.compile(r"\b(?:ha|han|había|habían|habría|habrían|hemos)\s*$")
_RE45 = re.compile(r"[~”»\"]\s*,?\s*$")
_RE46 = re.compile(r"[,~”»\"]\s*,?\s*$")
_RE47 = re.compile(
    r"\b(?:y|and|e|but|yet|pero|aunque|si bien)(?:\s+(?:also|then|later|too|también|luego))?\s*$"
)
# the words a match of _RE47 ends with, before its white space (it has no flags)
_RE47_ENDS = ("y", "and", "e", "but", "yet", "pero", "also", "then", "later", "too", "también")
_RE47_ENDS = (*_RE47_ENDS, "luego", "aunque", "si bien")


def _re47(s: str) -> re.Match | None:
    """_RE47.search(s): searched only when s, less white space at the end, ends with one of
    its words (\\s is str.isspace, which rstrip takes)."""
    if _EXACT or s.rstrip().endswith(_RE47_ENDS):
        return _RE47.search(s)
    return None


_RE48 = re.compile(r"\s*,")
_RE49 = re.compile(r"\w[^~]*,\s*$")
_RE50 = re.compile(r"\s*(?:for|on|upon)\b")
_RE51 = re.compile(r"[^~]*?,\s*")
_RE52 = re.compile(r"\s*(?:de\s+)?(?:that|que)\b")
_RE53 = re.compile(r"\s*(?:that|que)\b")
_RE54 = re.compile(r"\s*to\s")
_RE55 = re.compile(r"\w+")
_RE56 = re.compile(r"\s*(?:that\b|que\b)?")
_RE57 = re.compile(r"\s*(?:(?:en\s+|de\s+)?(?:that|que)\b)?")
_RE58 = re.compile(r"\s*,\s*\w+\s+\w+")
_RE59 = re.compile(r"(?:^|,)\s*(?:\w+\s+){0,3}$")


# Words one of the constructions of _Extractor._special needs (lower case): a sentence
# without any of them cannot match there. The letters re.IGNORECASE matches to these words
# whose lower() differs ("ſ" for "s") send a sentence down the full path.
_SPECIAL_WORDS = (
    "words",
    "opini",
    "view",
    "juicio",
    "palabras",
    "según",
    "according",
    "acuerdo",
    "informed",
    "told",
    "notified",
    "assured",
    "informado",
    "así lo",
    "a decir de",
    "put it",
    " lo expres",
    " lo resum",
    " lo dijo",
)
_SPECIAL_SHORT = (
    ("by", re.compile(r"\sby\s")),
    ("for", re.compile(r"for\s")),
    ("para", re.compile(r"para\s")),
    ("tal", re.compile(r"tal\s")),
    (
        "como",
        re.compile(
            r"como\s+(?:lo\s+)?(?:ha\s+)?(?:declar|dij|dich|afirm|indic|señal|explic|precis|"
            r"asegur|subray|record|advirti|advertido|reconoci|expres|resum)"
        ),
    ),
)
_IGNORECASE_ODD = frozenset("\u0130\u0131\u017f")


# What each construction of _Extractor._special cannot match without (each a necessary
# condition of one of its regexes; case-sensitive ones on the text, re.IGNORECASE ones on the
# lowered text, which is exact but for the letters of _IGNORECASE_ODD):
# _INWORDS_RE: words/opinion/view, opinión/juicio/palabras/según; _ACCORDING_RE: according to,
# según, de acuerdo con, in the words of, en palabras de, a juicio de, a decir de, en opinión
# de; _SEGUN_VERB_RE: Según, Tal y como, Tal como; _AS_PUT_RE: put it, lo expresó, lo resumió,
# lo dijo; _PASSIVE_PREV_RE: "<verb> by " or "Así lo"; _PASSIVE_THAT_RE: "<verb> by|por ";
# _PARA_RE: "Para " or "For "; _COMO_RE: _SPECIAL_SHORT's "como" pattern.
_NEEDS_LOW = (
    "words",
    "opini",
    "view",
    "juicio",
    "palabras",
    "según",
    "according to",
    "de acuerdo con",
    "a decir de",
)
_NEEDS_CASED = ("put it", "lo expresó", "lo resumió", "lo dijo", "Así lo", "Tal y como", "Tal como")
# an ASCII text holds none of the others
_NEEDS_CASED_ASCII = tuple(w for w in _NEEDS_CASED if w.isascii())
_NEEDS_LOW_ASCII = tuple(w for w in _NEEDS_LOW if w.isascii())
_NEEDS_PARA_RE = re.compile(r"(?:Para|For)\s")
_NEEDS_PASSIVE_BY_RE = re.compile(
    r"(?:stated|said|announced|reported|noted|declared|emphasized|stressed|voiced)\s+by\s"
)
_NEEDS_PASSIVE_THAT_RE = re.compile(r"(?:informed|told|notified|assured|informado)\s+(?:by|por)\s")


_PASSIVE_THAT_VERBS = ("informed", "told", "notified", "assured", "informado")


def _lowered(s: str) -> str | None:
    """s.lower() when a literal of a re.IGNORECASE pattern matches s exactly where it is in
    s.lower() (found at the same offset): no letter of _IGNORECASE_ODD, which the regex
    matches to letters lower() does not give, and one character for each. None otherwise (and
    on the exact path)."""
    if _EXACT or not (s.isascii() or _IGNORECASE_ODD.isdisjoint(s)):
        return None
    low = s.lower()
    return low if len(low) == len(s) else None


def _according_matches(s: str, low: str | None) -> list[re.Match]:
    """list(_ACCORDING_RE.finditer(s)); with low (_lowered(s)), the regex is tried only where
    one of its phrases starts (a match starts with one), in order, past the last match."""
    if low is None:
        return list(_ACCORDING_RE.finditer(s))
    starts = []
    for p in _ACCORDING_PHRASES:
        i = low.find(p)
        while i >= 0:
            starts.append(i)
            i = low.find(p, i + 1)
    out: list[re.Match] = []
    if not starts:
        return out
    starts.sort()
    end = 0
    for i in starts:
        if i < end:
            continue
        mm = _ACCORDING_RE.match(s, i)
        if mm is not None:
            out.append(mm)
            end = mm.end()
    return out


def _special_needs(s: str) -> bool:
    """Whether s holds what one of _Extractor._special's constructions needs."""
    ascii = s.isascii()
    if not ascii and not _IGNORECASE_ODD.isdisjoint(s):
        return True
    return _special_needs_even(s, ascii)


def _special_needs_even(s: str, ascii: bool) -> bool:
    """_special_needs(s) for s without a letter of _IGNORECASE_ODD (ascii: s.isascii())."""
    # one test after another, each enough: the words first, the regexes last
    for w in _NEEDS_CASED_ASCII if ascii else _NEEDS_CASED:
        if w in s:
            return True
    low = s.lower()
    for w in _NEEDS_LOW_ASCII if ascii else _NEEDS_LOW:
        if w in low:
            return True
    if ("Para" in s or "For" in s) and _NEEDS_PARA_RE.search(s):
        return True
    if "by" in s and _NEEDS_PASSIVE_BY_RE.search(s):
        return True
    if ("by" in low or "por" in low) and _NEEDS_PASSIVE_THAT_RE.search(low):
        return True
    return "como" in low and _SPECIAL_SHORT[-1][1].search(low) is not None


# For an ASCII text, a word one of the tests of _special_needs_even needs, each in lower case
# (its cased words lower to a text holding one of these: "Tal como" holds "como"; its regexes
# need "by", "por" or "como"), but "Para" and "For", looked for as written.
_NEEDS_ANY_LOW_ASCII = (*_NEEDS_LOW_ASCII, "put it", "lo dijo", "como", "by", "por")


def _special_hint(s: str) -> bool:
    """Whether s may hold one of _Extractor._special's constructions."""
    ascii = s.isascii()
    if ascii:
        # _special_needs_even(s, True) is False without one of these words: asked first,
        # with one lowering instead of its loops and regexes
        low = s.lower()
        for w in _NEEDS_ANY_LOW_ASCII:
            if w in low:
                break
        else:
            if "Para" not in s and "For" not in s:
                return False
    elif not _IGNORECASE_ODD.isdisjoint(s):
        return True
    if not _special_needs_even(s, ascii):
        return False
    low = s.lower()
    for w in _SPECIAL_WORDS:
        if w in low:
            return True
    return any(w in low and rx.search(low) is not None for w, rx in _SPECIAL_SHORT)


# Prefilters for regexes that match at the end of a text (searched from every place, they cost
# a scan): a match needs the text, less trailing white space (\s is str.isspace), to end with
# one of their last words. Compared lowered, which agrees with re.IGNORECASE on ASCII.
_BLOCKED_ENDS = (
    *("when", "if", "was", "were", "be", "been", "being", "to", "not", "n't", "never", "did"),
    *("does", "do", "would", "could", "should", "may", "might", "must", "can"),
)
_AUX_ENDS = (
    *("has", "have", "had", "also", "further", "again", "then", "later", "earlier"),
    *("reportedly", "repeatedly", "previously", "recently", "publicly", "separately", "ha"),
    *("han", "había", "también", "además", "nuevamente", "ya", "as", "would", "will"),
)
# _TIME_TAIL_RE ends with a day, a part of the day, a day of the month (a digit), a week,
# month or year, today/yesterday/hoy/ayer, before "\s*,?\s*$"
_TIME_ENDS = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes"),
    *("martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "morning", "afternoon"),
    *("evening", "night", "week", "month", "year", "today", "yesterday", "hoy", "ayer"),
    *"0123456789",
)


def _time_lead(s: str) -> re.Match | None:
    """_TIME_LEAD_RE.match(s), the same span (through the lowered text when it may)."""
    if s.isascii() or _IGNORECASE_ODD.isdisjoint(s):
        low = s.lower()
        for w in _TIME_LEAD_WORDS:
            if w in low:
                return _TIME_LEAD_LOW_RE.match(low)
        return _TIME_LEAD_SHORT_RE.match(low)
    return _TIME_LEAD_RE.match(s)


def _rel_may(s: str) -> bool:
    """False only if _RELATIVE_TAIL_RE cannot match s nor what _AUX_TAIL_RE and the time
    tail leave of it (they only take text away): it needs a comma and one of its words (every
    alternative holds que/quien/who/which/donde/where), looked for in the lower case, which agrees
    with re.IGNORECASE but for the letters of _IGNORECASE_ODD (those say True)."""
    if "," not in s:
        return False
    if not s.isascii() and not _IGNORECASE_ODD.isdisjoint(s):
        return True
    low = s.lower()
    return "que" in low or "quien" in low or "wh" in low or "donde" in low


def _may_end_with(s: str, ends: tuple[str, ...]) -> bool:
    """False only if s, less trailing white space, ends with none of ends (any case; ends are
    at most 12 long). A tail that is not ASCII says True: there str.lower() may not agree
    with re.IGNORECASE ("ſ", "İ"), and \\d takes other digits."""
    t = s.rstrip()[-12:]
    return not t.isascii() or t.lower().endswith(ends)


def _aux_tail_sub(s: str) -> str:
    """_AUX_TAIL_RE.sub("", s)."""
    return _AUX_TAIL_RE.sub("", s) if _may_end_with(s, _AUX_ENDS) else s


def _time_tail_sub(s: str) -> str:
    r"""_TIME_TAIL_RE.sub("", s): its matches end before "\s*,?\s*$"."""
    t = s.rstrip()
    t = t[:-1] if t.endswith(",") else t
    return _TIME_TAIL_RE.sub("", s) if _may_end_with(t, _TIME_ENDS) else s


_ASKED_LEFT_RE = re.compile(r"\b(?:asked|question)\b[^,]*$", re.IGNORECASE)
# "posted the message", "wrote a post", "tuiteó un vídeo": what was put out, not what was said
_MEDIA_OBJECT_RE = re.compile(
    r"\s*(?:the|a|an|his|her|its|their|this|that|el|la|un|una|su)\s+(?:\w+\s+)?(?:message|"
    r"post|video|photo|picture|image|clip|link|letter|note|statement|text|tweet|thread|"
    r"mensaje|vídeo|video|foto|imagen|carta|nota|texto|publicación)s?\b",
    re.IGNORECASE,
)
# Spanish words of an office and what the registry's English roles say for them ("el ministro
# de Relaciones Exteriores ruso" is the Foreign Minister)
_PORTFOLIO_EN = {
    "exteriores": ("foreign",),
    "asuntos": ("foreign", "affairs"),
    "defensa": ("defen",),
    "estado": ("state",),
    "seguridad": ("security",),
    "energia": ("energy",),
    "hacienda": ("treasury", "finance"),
    "economia": ("econom",),
    "justicia": ("justice",),
    "presidente": ("president",),
    "vicepresidente": ("vice president", "deputy chairman"),
    "ministro": ("minister",),
    "ministra": ("minister",),
    "secretario": ("secretary",),
    "secretaria": ("secretary",),
    "embajador": ("ambassador",),
    "embajadora": ("ambassador",),
    "portavoz": ("spokes", "press secretary"),
    "vocero": ("spokes", "press secretary"),
    "vocera": ("spokes", "press secretary"),
    "asesor": ("advis", "aide"),
    "asesora": ("advis", "aide"),
    "representante": ("representative",),
    "jefe": ("head", "chief", "director"),
    "jefa": ("head", "chief", "director"),
    "negociador": ("negotiator",),
    "negociadora": ("negotiator",),
    "presidencial": ("president",),
}
_HAN_END_RE = re.compile(r"\bhan\s+(?:\w+\s+)?$")
# "warned Washington that", "cautioned the West that", "reminded European capitals that": who
# was warned, a short noun phrase with no verb, before the clause
_WARN_LISTENER_VERBS = frozenset({"warn", "caution", "remind", "reassure"})
_WARN_LISTENER_RE = re.compile(
    r"\s*(?:(?:the|its|his|her|their|our|all|both)\s+)?(?!(?:that|it|he|she|they|we)\b)"
    r"[\w.’'\-]+(?:\s+(?!(?:is|was|were|are|would|will|had|has|have|could|should|may|might|"
    r"must|did|does|do)\b)[\w.’'\-]+){0,3}\s*"
)
# nothing after "was quoted as saying" but who quoted it: "by TASS.", "by the agency"
_AGENT_ONLY_RE = re.compile(r"\s*(?:(?:by|in|to)\s+[^,;:~]{1,60}?)?\s*[.!]?\s*")
# the top of an institution, with no role noun for it: "the head of the IAEA", "la jefa de X"
_TOP_HEAD_RE = re.compile(
    r"^(?:the|el|la)\s+(?:(?!(?:deputy|vice|assistant|acting|former|ex)\b)[\w.\-]+\s+)?"
    r"(?:head|chief|leader|jefe|jefa|director|directora)\b"
)
_INST_POSSESSIVE_RE = re.compile(r"\b([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})['’]s(?=\s)")


# "his counterpart", "su homólogo": a role relative to the person named before
_COUNTERPART = frozenset({"counterpart", "homologo", "homologa"})


def _opens_subject(before: str) -> bool:
    """Whether the words of a sentence before a subject leave it its opening: after the
    dateline and a fronted phrase ending in a comma, only role words ("El canciller ruso, ",
    "In a joint statement, "), not a clause ("Lavrov met Blinken and Wang said")."""
    before = before[_dateline_len(before) :].rsplit(",", 1)[-1]
    role_tokens = _lexicon("en").role_tokens | _lexicon("es").role_tokens
    for w in _WORD_RE.findall(before):
        if not w[:1].islower():
            continue
        lw = fold(w)
        if lw in _FUNCTION_WORDS or lw in _COUNTRY_ADJ or lw in ROLE_WORDS or lw in role_tokens:
            continue
        if lw in _COUNTERPART:  # "Lavrov and his counterpart, Wang Yi, said"
            continue
        # plurals: "los presidentes", "the ministers", "los cancilleres"
        if lw[:-1] in ROLE_WORDS or lw[:-2] in ROLE_WORDS or lw[:-1] in role_tokens:
            continue
        return False
    return True


# a first person named before "and his counterpart" / "y su homólogo"
_JOINT_LEFT_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<first>[A-ZÀ-Þ][\w’'\-.]*(?:\s+[A-ZÀ-Þ][\w’'\-.]*){0,3})"
    r"(?:,\s*[^,;:~]{2,60}?,)?,?\s+(?:and|y|e)\s+"
    r"(?:(?:his|her|its|their|su|sus)(?:\s+[^\s,;:~]+){0,4}\s*,?\s*)?$"
)
# two coordinated names: "Joe Biden and Vladimir Putin", "Lavrov y Blinken"
_JOINT_RE = re.compile(
    r"\s*(?:[Bb]oth\s+)?(?P<a>(?:[^,;:~]{0,60}?\s)?[A-ZÀ-Þ][\w’'\-.]*)\s+(?:and|y|e)\s+"
    r"(?P<b>(?:[^,;:~]{0,50}?\s)?[A-ZÀ-Þ][\w’'\-.]*)\s*"
)
# "warned (the conference) of/about/against <noun>": what was warned of, not a clause
_WARN_OF_RE = re.compile(
    r"\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.’'\-]+\s+){0,4}?(?:of|about|against)\s",
    re.IGNORECASE,
)
_CONCLUDED_OBJECT_RE = re.compile(
    r"\s*(?:the|a|an|its|their|his|her|this)\s+(?:[\w\-]+\s+){0,3}?(?:session|talks|meeting|"
    r"visit|round|negotiations|agreement|deal|treaty|summit|consultations|exercises?|drills|"
    r"review|conference|tour|trip|inspection|dialogue)s?\b",
    re.IGNORECASE,
)
_MEDIA_VERBS = frozenset({"write", "post", "tweet", "escribir", "publicar", "tuitear"})
_SAID_LITTLE_RE = re.compile(
    r"\s*(?:(?:little|nothing|something|anything|otherwise|nada|poco)\b"
    r"|(?:much|so|yes|no|more|less|mucho|sí)\s*(?:[.,;:]|$))",
    re.IGNORECASE,
)
_RELATIVE_END_RE = re.compile(r"\b(?:que|quien|el|la|lo|se)\s*$", re.IGNORECASE)
_LOWER_WORD_SPLIT_RE = re.compile(r"\s(?=[a-z])")


class _Extractor:
    def __init__(
        self,
        text: str,
        language: str,
        field_name: str,
        prior: list[Entity] | None = None,
        published: dt.date | None = None,
        title: str | None = None,
    ):
        self._nl = _para_breaks(text)
        quotes = find_quotes(text, self._nl)
        self.ctx = _Ctx(
            text=text,
            masked=_masked(text, quotes),
            lang="es" if language == "es" else "en",
            lex=_lexicon(language),
            field=field_name,
            quotes=quotes,
            sentences=split_sentences(text, quotes),
            prior=list(prior or []),
            published=published,
            title=title,
        )
        self.res = _Resolver(self.ctx)
        self.cues = _CueIndex(self.ctx.lex, self.ctx.masked, text)
        self._q_open = [q.open for q in quotes]
        if any(  # find_quotes gives them in order and apart
            quotes[k].end > quotes[k + 1].open or quotes[k].open >= quotes[k].end
            for k in range(len(quotes) - 1)
        ):
            self._q_open = None
        self._doc_at: list[int] = []  # where "issued a", "publicó un"... start
        self._joint_co: tuple | None = None  # (speaker, others) of the cue being read

    def para(self, i: int) -> int:
        return bisect.bisect_left(self._nl, i)

    # ------------------------------------------------------------------------------------
    def run(self) -> list[_Stmt]:
        ctx = self.ctx
        self.res.collect()
        if _EXACT or self._q_open is None:
            for v in _DOC_VERBS:
                i = ctx.masked.find(v + " ")
                while i >= 0:
                    self._doc_at.append(i)
                    i = ctx.masked.find(v + " ", i + 1)
            self._doc_at.sort()
        # else _sentence asks _doc_may of each sentence that needs it
        turns = (
            self._transcript_turns()
            if ":" in ctx.text or "?" in ctx.text or "—" in ctx.text
            else []
        )
        k = 0
        for sent in ctx.sentences:
            while k < len(turns) and turns[k][1] <= sent[0]:
                k += 1
            if k < len(turns) and turns[k][0] <= sent[0] < turns[k][1]:
                a, b, speaker, qa = turns[k]
                if speaker is not None and qa is not None:
                    if not self._turn_with_inciso(qa, b, (a, b)):
                        self._add(speaker, "direct", qa, b, ":", (a, b))
                    turns[k] = (a, b, speaker, None)
                continue  # a reporter's question, or an answer already taken whole
            self._sentence(sent)
        self.res.resolve_pending()
        return ctx.statements

    def _transcript_turns(self) -> list[tuple[int, int, dict | None, int | None]]:
        """Briefing transcripts: "MR PRICE: ..." is the speaker's answer (one direct statement
        per turn); "QUESTION: ..." is a reporter's question (no statement). Interviews set as
        dashed lines ("— Question?" / "— Answer.") give the answers to the person introduced
        before the first question."""
        out = self._interview_turns() + self._labelled_turns() if "?" in self.ctx.text else []
        taken = {t[0] for t in out}
        if "—" in self.ctx.text:
            for turn in self._dialogue_turns():
                if turn[0] not in taken:
                    out.append(turn)
                    taken.add(turn[0])
        for lm in _TRANSCRIPT_RE.finditer(self.ctx.text):
            if lm.start() in taken:
                continue
            label = lm.group("label")
            if fold(label) in _QUESTION_LABELS:
                out.append((lm.start(), lm.end(), None, None))
                continue
            name = " ".join(w.capitalize() for w in label.split())
            speaker, _ = self.res.resolve(name, lm.start())
            if speaker is None or self.res.reg.organisation(speaker["speaker"]) is not None:
                continue
            out.append((lm.start(), lm.end(), speaker, lm.start("rest")))
        return sorted(out, key=lambda t: t[0])

    def _interviewee(self, before: int) -> dict | None:
        """The person an interview introduces before its first question (at ``before``)."""
        people = [e for e in self.res._entities() if e.kind == "person" and e.start < before]
        if not people:
            return None
        said = [st for st in self.ctx.statements if st.speaker and st.start < before]
        return said[-1].speaker if said else people[-1].as_fields(people[-1].mention)

    def _labelled_turns(self) -> list[tuple[int, int, dict | None, int | None]]:
        """Interview lines labelled "P:"/"R:", "Q."/"A.", "Pregunta:"/"Respuesta:" or with the
        interviewee's name: answers are direct statements of the person introduced before the
        first question; the questions are none."""
        lines = [
            lm
            for lm in _QA_LINE_RE.finditer(self.ctx.text)
            if fold(lm.group("label")) in _QA_QUESTION and lm.group("rest").endswith("?")
        ]
        if not lines:
            return []
        first_q = lines[0].start()
        speaker = self._interviewee(first_q)
        out: list[tuple[int, int, dict | None, int | None]] = []
        for lm in _QA_LINE_RE.finditer(self.ctx.text, first_q):
            label = fold(lm.group("label"))
            if label in _QA_QUESTION:
                out.append((lm.start(), lm.end(), None, None))
                continue
            who = speaker
            if lm.group("name"):
                if fold(lm.group("name")) in _QA_QUESTION | {"respuesta", "answer"}:
                    pass
                else:
                    who, _ = self.res.resolve(lm.group("name"), lm.start())
                    if who is None or self.res.reg.organisation(who["speaker"]) is not None:
                        continue
            if who is not None:
                out.append((lm.start(), lm.end(), who, lm.start("rest")))
        return out

    def _inciso(self, a: int, b: int) -> tuple[re.Match, int, dict | None, tuple | None] | None:
        """The first "—respondió Lavrov—" in text[a:b] after some words: (the raya's match,
        where the words go on, speaker, pending); None without one naming a speaker."""
        t = self.ctx.text
        for rm in _RAYA_RE.finditer(t, a, b):
            if rm.start() <= a:
                continue
            cm = self.ctx.lex.cue_re.match(t, rm.end())
            if cm is None:
                continue
            close = t.find("—", cm.end(), b)
            stop = close if close >= 0 else b
            np = t[cm.end() : stop].strip(" ,.")
            speaker, pending = self.res.resolve(np, cm.end()) if np else (None, None)
            if speaker is None and pending is None:
                return None
            end = close + 1 if close >= 0 else b
            while end < b and t[end] in " ,.":
                end += 1
            return rm, end, speaker, pending
        return None

    def _turn_with_inciso(self, qa: int, b: int, sent) -> bool:
        """An answer cut by "—respondió el ministro—": two direct statements around it."""
        found = self._inciso(qa, b) if "—" in self.ctx.text[qa:b] else None
        if found is None:
            return False
        rm, end, speaker, pending = found
        cue = self.ctx.lex.cue_re.match(self.ctx.text, rm.end()).group()
        self._add(speaker, "direct", qa, rm.start(), cue, sent, pending)
        self._add(speaker, "direct", end, b, cue, sent, pending)
        return True

    def _dialogue_turns(self) -> list[tuple[int, int, dict | None, int | None]]:
        """Lines opened by a raya that name their speaker in an inciso ("—No —dijo Lavrov—."):
        the speaker's words, whatever came before."""
        out: list[tuple[int, int, dict | None, int | None]] = []
        for lm in _DASH_TURN_RE.finditer(self.ctx.text):
            rest = lm.group("rest")
            if rest.endswith("?") or "—" not in rest:
                continue
            found = self._inciso(lm.start("rest"), lm.end())
            if found is not None and found[2] is not None:
                out.append((lm.start(), lm.end(), found[2], lm.start("rest")))
        return out

    def _interview_turns(self) -> list[tuple[int, int, dict | None, int | None]]:
        lines = list(_DASH_TURN_RE.finditer(self.ctx.text))
        if not any(lm.group("rest").endswith("?") for lm in lines):
            return []
        first_q = next(lm for lm in lines if lm.group("rest").endswith("?"))
        people = [
            e for e in self.res._entities() if e.kind == "person" and e.start < first_q.start()
        ]
        if not people:
            return []
        said = [st for st in self.ctx.statements if st.speaker and st.start < first_q.start()]
        speaker = said[-1].speaker if said else people[-1].as_fields(people[-1].mention)
        out: list[tuple[int, int, dict | None, int | None]] = []
        asked = False
        for lm in lines:
            if lm.start() < first_q.start():
                continue
            if lm.group("rest").endswith("?"):
                out.append((lm.start(), lm.end(), None, None))
                asked = True
            elif asked:
                out.append((lm.start(), lm.end(), speaker, lm.start("rest")))
        return out

    def _add(self, speaker, kind, start, end, cue, sent, pending=None) -> _Stmt | None:
        text = self.ctx.text
        strip = ",;:" if kind == "indirect" else ""
        while start < end and (text[start].isspace() or text[start] in strip):
            start += 1
        strip = ",;:." if kind == "indirect" else ""
        while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
            if text[end - 1] == "." and end - 2 >= start and self.ctx.masked[end - 2] == "~":
                break
            end -= 1
        if end - start < 2 or not _RE40.search(text[start:end]):
            return None
        if speaker is None and pending is None:
            return None
        st = _Stmt(speaker, kind, start, end, cue, sent, self.ctx.field, pending, self.para(start))
        self.ctx.statements.append(st)
        return st

    def _clause(self, speaker, pending, a: int, b: int, cue: str, sent) -> None:
        """Clause text[a:b]: one direct when it is all quoted, else indirect + partials."""
        text = self.ctx.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:"):
            if text[b - 1] == "." and self.ctx.masked[b - 2 : b - 1] == "~":
                break
            b -= 1
        if self._q_open is None or _EXACT:
            inner = [q for q in self.ctx.quotes if q.open >= a and q.end <= b]
        else:  # in order and apart: those opening from a on, up to the first ending after b
            quotes = self.ctx.quotes
            k = bisect.bisect_left(self._q_open, a)
            k1 = k
            while k1 < len(quotes) and quotes[k1].end <= b:
                k1 += 1
            inner = quotes[k:k1]
        if len(inner) == 1:
            q = inner[0]
            outside = text[a : q.open] + text[(q.close + 1 if q.close is not None else q.end) : b]
            if not _RE40.search(outside) or _ONLY_COLON_RE.fullmatch(outside):
                self._add(speaker, "direct", q.start, q.end, cue, sent, pending)
                return
        main = self._add(speaker, "indirect", a, b, cue, sent, pending)
        if main is None:
            return
        for q in inner:
            if _looks_like_a_name(text[q.start : q.end]):
                continue  # a quoted title or name ("the “Sarmat” missile"), not words said
            if _SCARE_RE.search(text, max(a, q.open - 30), q.open):
                continue  # "the so-called “security architecture”": the writer's distance
            st = self._add(speaker, "partial", q.start, q.end, cue, sent, pending)
            if st is not None and pending is not None:
                st.pending = pending

    # ------------------------------------------------------------------------------------
    def _sentence(self, sent: tuple[int, int]) -> None:
        ctx = self.ctx
        a, b = sent
        m = ctx.masked
        if _EXACT or self._q_open is None:
            quotes = [q for q in ctx.quotes if a <= q.open < b]
            headline = self._is_headline(sent)
            cues = _find_cues(ctx.lex, m, a, b, caps=headline)
            hint = _special_hint(m[a:b])
        else:
            q_open = self._q_open
            quotes = ctx.quotes[bisect.bisect_left(q_open, a) : bisect.bisect_left(q_open, b)]
            if ctx.field != "title" and ctx.text[b - 1] in ".!?…":
                headline = False  # what _is_headline answers first
            else:
                headline = self._is_headline(sent)
            starts = self.cues.starts
            k = bisect.bisect_left(starts, a)
            if k == len(starts) or starts[k] >= b:
                cues = []  # what find_in_sentence answers first
            else:
                cues = self.cues.find_in_sentence(a, b, caps=headline)
            s = m[a:b]
            hint = _special_hint(s)
            doc = ("that" in s or "que" in s) and self._doc_may(s, a, b)  # its first test
            if not (quotes or cues or hint or headline or doc):
                # each stage below starts from one of these: a quote opening in the
                # sentence, a headline, a special construction's word, what _doc_saying
                # needs, a cue
                return
        if headline and self._headline(sent):
            return
        # 1. direct quotes with attribution right after the closing mark
        attributed: dict[int, _Stmt] = {}
        for qi, q in enumerate(quotes):
            if "—" in ctx.text[q.start : q.end] and self._raya_split(q, sent):
                attributed[qi] = ctx.statements[-1]
                continue
            qend = q.close + 1 if q.close is not None else q.end
            nxt = quotes[qi + 1].open if qi + 1 < len(quotes) else b
            tail = m[qend:nxt]
            n0 = len(ctx.statements)
            self._joint_co = None
            got = self._post_attribution(tail, qend, sent)
            if got is not None:
                speaker, pending, cue, cue_pos, rest_pos = got
                d = _dateline_len(m[a:b])
                pre = m[a + d : q.open]
                if (
                    qi == 0
                    and len(_WORD_RE.findall(pre)) >= 3
                    and not pre.rstrip().endswith(":")
                    and not self.cues.find(a + d, q.open)
                ):
                    # 'La decisión se debe a que "...", indica el comunicado': the clause
                    # around the quote is what was said, the quote a partial of it
                    self._clause(speaker, pending, a + d, qend, cue, sent)
                    attributed[qi] = ctx.statements[-1]
                    ctx.consumed.add(cue_pos)
                    if self._joint_co is not None:
                        self._mark_joint(n0)
                    continue
                st = self._add(speaker, "direct", q.start, q.end, cue, sent, pending)
                if st is not None:
                    attributed[qi] = st
                ctx.consumed.add(cue_pos)
                # "“A,” he said, “B.”": the next quote belongs to the same speaker
                if qi + 1 < len(quotes) and _RE51.fullmatch(m[rest_pos : quotes[qi + 1].open]):
                    q2 = quotes[qi + 1]
                    st2 = self._add(speaker, "direct", q2.start, q2.end, cue, sent, pending)
                    if st2 is not None:
                        attributed[qi + 1] = st2
                if self._joint_co is not None:
                    self._mark_joint(n0)
        # 2. special constructions
        if hint:
            self._special(sent)
        if _EXACT or self._q_open is None:
            if self._doc_at and self._doc_in(a, b):
                self._doc_saying(sent)
        elif doc:
            self._doc_saying(sent, checked=True)
        # 3. speech cues outside quotes
        for cm in cues:
            if cm.start() in ctx.consumed:
                continue
            n0 = len(ctx.statements)
            self._joint_co = None
            self._cue(cm, sent)
            if self._joint_co is not None:
                self._mark_joint(n0)
        # 4. quotes nobody claimed: continuation of the previous speaker
        for qi, q in enumerate(quotes):
            if qi in attributed:
                continue
            if any(
                st.start <= q.start and q.end <= st.end
                for st in ctx.statements
                if st.field == ctx.field
            ):
                continue
            self._floating(q, sent)

    def _raya_split(self, q: Quote, sent) -> bool:
        """«Hicimos una propuesta —dijo Peskov, portavoz— y nadie respondió»: two direct
        statements around the interpolated attribution."""
        ctx = self.ctx
        t = ctx.text
        for rm in _RAYA_RE.finditer(t, q.start, q.end):
            cm = ctx.lex.cue_re.match(t, rm.end())
            if cm is None:
                continue
            close = t.find("—", cm.end(), q.end)
            if close < 0:
                return False
            np = t[cm.end() : close].strip(" ,.")
            if np:
                speaker, pending = self.res.resolve(np, cm.end())
            else:  # "«... —subrayó—. ...»": the speaker goes on
                speaker, pending = self._last_speaker(q.start), None
            if speaker is None and pending is None:
                return False
            end = close + 1
            while end < q.end and t[end] in " ,.":
                end += 1
            first = self._add(speaker, "direct", q.start, rm.start(), cm.group(), sent, pending)
            second = self._add(speaker, "direct", end, q.end, cm.group(), sent, pending)
            return first is not None or second is not None
        return False

    def _is_headline(self, sent) -> bool:
        a, b = sent
        text = self.ctx.text
        if self.ctx.field == "title":
            return True
        if text[b - 1] in ".!?…":
            return False  # _RE41 below matches
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:a].strip() or text[b:line_end].strip():
            return False
        s = text[a:b]
        return not _RE41.search(s) and len(s.split()) <= 25

    def _headline(self, sent) -> bool:
        """Headline forms: "Lavrov: ...", "...: Ryabkov", "... - Peskov", "..., says X"."""
        a, b = sent
        s = self.ctx.text[a:b]
        for rx, needs in (
            (_HEAD_COLON_RE, ":"),
            (_TAIL_COLON_RE, ":"),
            (_TAIL_DASH_RE, "-–—|"),
            (_TAIL_SAYS_RE, ","),
            (_TAIL_NP_SAYS_RE, ","),
        ):
            # each needs one of its characters (needs) to match
            if not _EXACT and not any(c in s for c in needs):
                continue
            mm = rx.match(s)
            if not mm:
                continue
            np = mm.group("np").strip()
            if len(np.split()) > 8 or not np[:1].isupper():
                continue
            speaker = self._headline_speaker(np, a + mm.start("np"))
            if speaker is None and rx is _HEAD_COLON_RE and (self.ctx.field == "title" or a == 0):
                speaker = self._headline_surname(np, mm.group("q"), sent)
            if speaker is None:
                continue
            cue = (
                mm.group("cue")
                if "cue" in rx.groupindex
                else ":"
                if rx is not _TAIL_DASH_RE
                else "-"
            )
            qa, qb = a + mm.start("q"), a + mm.end("q")
            self._clause(speaker, None, qa, qb, cue, sent)
            return True
        return False

    def _headline_surname(self, np: str, rest: str, sent) -> dict | None:
        """ "Sherman: ..." for a surname neither the registry nor the text knows: a person when
        the word is found nowhere else in the text (a place or a label such as "Exclusive"
        would be, or is a known label) and what follows is no question."""
        word = np.strip()
        if (
            " " in word
            or len(word) < 3
            or not word[0].isupper()
            or word[1:].isupper()
            or not word.isalpha()
            or rest.rstrip().endswith("?")
        ):
            return None
        f = fold(word)
        if f in _STOP_CAPS or f in _NON_NAMES or f in _HEADLINE_LABELS or f in ROLE_WORDS:
            return None
        if self.res.reg.organisation(word) is not None or self.res.reg.person(word) is not None:
            return None
        a, b = sent
        t = self.ctx.text
        rx = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        if rx.search(t, 0, a) or rx.search(t, b):
            return None
        return {
            "speaker": word,
            "speaker_mention": word,
            "speaker_role": None,
            "speaker_org": None,
            "speaker_country": None,
        }

    def _headline_speaker(self, np: str, pos: int) -> dict | None:
        reg = self.res.reg
        org = reg.organisation(np, countries=False)
        if org is not None:
            return _entity_from_registry(org, pos, np, "").as_fields(np)
        role, name = split_mention(np)
        if not name:
            f = fold(np)
            entry = self.res._role_entry(f)
            if entry is None or any(w in _ORG_WORDS for w in f.split()):
                return None  # "Office of the Spokesperson" is page furniture
            # "Embajador ruso: ...": the role noun's holder, named in the text
            ent = self.res._by_role(entry, f, pos) or next(
                (e for e in self.res._entities() if e.start > pos and self.res._fits(entry, f, e)),
                None,
            )
            return ent.as_fields(np) if ent is not None else None
        sp = reg.person(name)
        if sp is not None:
            return self.res._registry_fields(sp, np, role)
        if len(name.split()) == 1:
            # "Austin: ..." where the article names "Defense Secretary Lloyd Austin"
            key = name_key(name)
            for ent in self.res._entities():
                if ent.kind == "person" and name_key(ent.name.split()[-1]) == key:
                    return ent.as_fields(np)
        if (
            role
            and any(fold(w) in ROLE_WORDS for w in role.split())
            and len(name.split()) >= 2
            and fold(name.split()[0]) not in _NON_NAMES
            and not any(fold(w) in {"in", "on", "at", "en"} for w in role.split())
        ):
            return self.res._person(name, role, np, pos)
        return None

    # ------------------------------------------------------------------------------------
    def _post_attribution(self, tail: str, base: int, sent):
        """'," he said', '», precisó el vocero', '," said Kremlin spokesman X' after a quote."""
        ctx = self.ctx
        mm = _RE27.match(tail)
        rest = tail[mm.end() :]
        off = base + mm.end()
        if not rest:
            return None
        # verb first: "said X", "precisó el vocero", ", dijo.", "ha dicho el portavoz"
        aux = _POST_AUX_RE.match(rest)
        cm = _cue_match(ctx.lex, rest, aux.end() if aux else 0)
        if cm and aux is None and ctx.lex.cues.get(cm.group().lower(), ("", ""))[1] == "perfect":
            cm = None  # a bare participle ("dicho") is not an attribution
        if cm:
            skip = cm.end()
            lm = _POST_LISTENER_RE.match(rest, skip)
            if lm:
                skip = lm.end()
            ia = _INV_ADJUNCT_RE.match(rest, skip)  # '», señaló en un comunicado el ministerio'
            if ia:
                skip = ia.end()
                lm = _POST_LISTENER_RE.match(rest, skip)
                if lm:
                    skip = lm.end()
            after = rest[skip:]
            app = _RIGHT_APPOS_RE.match(after)
            np = (app.start(1), app.end(), app.group(0).strip()) if app else None
            doc = _DOCUMENT_NP_RE.match(after.lstrip())
            if np is None and doc is not None:  # "..., indica el comunicado"
                lead = len(after) - len(after.lstrip())
                np = (lead, lead + doc.end(), doc.group())
            np = np or _scan_np_right(after, ctx.lex)
            cue = rest[aux.start() : cm.end()] if aux else cm.group()
            lm2 = _NAMED_LISTENER_RE.match(after)
            if lm2:
                # "le dijo a BBC Mundo Lynn Rusten, exdirectora ...": the listener's name first
                words = list(_RE8.finditer(after[: lm2.end()]))
                for k in range(len(words) - 1, 1, -1):  # the shortest full name first
                    at = words[k].start()
                    app = _RIGHT_APPOS_RE.match(after[at:])
                    cand = (app.start(1), app.end(), app.group(0).strip()) if app else None
                    cand = cand or _scan_np_right(after[at:], ctx.lex)
                    if cand is None or len(cand[2].split(",")[0].split()) < 2:
                        continue
                    speaker, pending = self.res.resolve(cand[2], off + skip + at + cand[0])
                    if speaker is not None:
                        return speaker, pending, cue, off + cm.start(), off + skip + at + cand[1]
            if np is not None:
                np_text, np_end = np[2], np[1]
                app = _APP_NAME_RE.match(after[np_end:])
                if app and not np_text[:1].isupper():
                    np_text = after[np[0] : np_end + app.end(1)]
                    np_end += app.end(1)
                speaker, pending = self.res.resolve(np_text, off + skip + np[0])
                if (
                    speaker is not None
                    and (" and " in np_text or " y " in np_text)
                    and self._plural_cue(cue, "")
                ):
                    co = self._joint(np_text, off + skip + np[0], speaker)  # "», dijeron X y Y"
                    if co:
                        self._joint_co = (speaker["speaker"], co)
                if speaker is not None or pending is not None:
                    return speaker, pending, cue, off + cm.start(), off + skip + np_end
            if ctx.lang == "es" or _RE42.match(after):
                speaker, pending = self._last_speaker_pending(off)
                if speaker is not None or pending is not None:
                    return speaker, pending, cue, off + cm.start(), off + cm.end()
            return None
        # subject first: "he said", "the former deputy secretary general said"
        if _EXACT or self.cues.odd_case():
            cm = next(
                (c for c in ctx.lex.cue_re.finditer(rest[:160]) if c.group()[:1].islower()), None
            )
            if not cm:
                return None  # a capitalised "States" is a name, not a verb
            cm_start, cm_end, cue = cm.start(), cm.end(), cm.group()
        else:
            # the same first match: rest[:160] is masked[off:off + 160], cut after a quote mark
            # and punctuation (no word goes on across off), and without the letters of
            # _IGNORECASE_ODD a cue matches where the cue index has its first word
            c = next(
                (
                    c
                    for c in self.cues.find(off, off + min(160, len(rest)), caps=True)
                    if c.group()[:1].islower()
                ),
                None,
            )
            if c is None:
                return None
            cm_start, cm_end, cue = c.start() - off, c.end() - off, c.group()
        left = _aux_tail_sub(_time_tail_sub(_aux_tail_sub(rest[:cm_start])))
        if not left.strip() or len(left.split()) > 14 or "~" in left:
            return None
        np = _scan_np_left(left, ctx.lex)
        if np is None and _DOCUMENT_NP_RE.fullmatch(fold(left.strip())):
            np = (len(left) - len(left.lstrip()), left.strip())  # '"...," the commentary reads'
        if (np is None or left[: np[0]].strip()) and "," in left:
            np = _appositive(left, ctx.lex)  # "Ambassador X, who negotiated START I, told"
        if np is None or left[: np[0]].strip():
            return None
        speaker, pending = self.res.resolve(np[1], off + np[0])
        if speaker is None and pending is None:
            return None
        if (
            speaker is not None
            and (" and " in np[1] or " y " in np[1])
            and self._plural_cue(cue, rest[:cm_start])
        ):
            co = self._joint(np[1], off + np[0], speaker)  # '"...," Lavrov and Wang said'
            if co:
                self._joint_co = (speaker["speaker"], co)
        return speaker, pending, cue, off + cm_start, off + cm_end

    def _last_speaker_pending(self, pos: int) -> tuple[dict | None, tuple | None]:
        """(speaker, pending) of a subject-less attribution: as _last_speaker, but when the
        latest statement before pos waits for its speaker ("El ministro de Exteriores ruso
        advirtió ...", the name only in the headline), the same wait."""
        for st in reversed(self.ctx.statements):
            if st.start >= pos:
                continue
            if st.speaker is not None:
                return dict(st.speaker, speaker_mention=None), None
            if st.pending is not None:
                return None, st.pending
        return self._last_speaker(pos), None

    def _last_speaker(self, pos: int) -> dict | None:
        """The speaker a subject-less attribution ("..., dijo.") refers to."""
        for st in reversed(self.ctx.statements):
            if st.speaker is not None and st.start < pos:
                return dict(st.speaker, speaker_mention=None)
        for ent in reversed([e for e in self.res._entities() if e.start < pos]):
            if ent.kind == "person":
                return ent.as_fields(None)
        return None

    # ------------------------------------------------------------------------------------
    def _doc_in(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self._doc_at, a)
        return k < len(self._doc_at) and self._doc_at[k] < b

    def _doc_may(self, s: str, a: int, b: int) -> bool:
        """Whether sentence s = masked[a:b] holds what _doc_saying goes on with: a document
        verb and a space starting in it (as in _doc_at), and what _DOC_SAYING_RE (no flags)
        cannot match without: one of _DOC_NOUNS, and "that" or "que"."""
        if "that" not in s and "que" not in s:
            return False
        for w in _DOC_NOUNS:
            if w in s:
                break
        else:
            return False
        # verbs and a space neither nest nor overlap (tests check), so the first one from a
        # on is the first of _doc_at from a on; one starting before b ends before this endpos
        dm = _DOC_VERB_RE.search(self.ctx.masked, a, b + _DOC_VERB_LONGEST)
        return dm is not None and dm.start() < b

    def _doc_saying(self, sent, *, checked: bool = False) -> None:
        """ "X emitió un comunicado en el que afirma que ...", "X issued a statement saying
        that ...": the issuer's clause. ``checked``: _doc_may said True."""
        ctx = self.ctx
        a, b = sent
        s = ctx.masked[a:b]
        if not checked:
            k = bisect.bisect_left(self._doc_at, a)
            if k == len(self._doc_at) or self._doc_at[k] >= b:
                return
            if not _EXACT and not any(w in s for w in _DOC_NOUNS):
                return  # _DOC_SAYING_RE needs one
        d = _dateline_len(s)
        dm = _DOC_SAYING_RE.search(s, d)
        if dm is not None and ctx.lex.cue_re.fullmatch(dm.group("cue")):
            np_at = max(d, s.rfind(",", d, dm.start()) + 1)
            got = _scan_np_left(s[np_at : dm.start()] + " ", ctx.lex)
            if got is not None:
                speaker, pending = self.res.resolve(got[1], a + np_at + got[0])
                if speaker is not None or pending is not None:
                    ca = a + dm.end()
                    self._clause(
                        speaker, pending, ca, self._clause_end(ca, b), dm.group("cue"), sent
                    )
                    self._consume_cues(a + d, ca)

    def _special(self, sent) -> None:
        """Special constructions: only for a sentence _special_hint says may hold one."""
        ctx = self.ctx
        a, b = sent
        s = ctx.masked[a:b]
        d = _dateline_len(s)
        # "In her words, ...", "In X's words, ..."
        lead_adv = _LEAD_ADVERB_RE.match(s, d)
        mm = _INWORDS_RE.match(s[lead_adv.end() if lead_adv else d :])
        if mm and lead_adv:
            d = lead_adv.end()
        if mm:
            pos = a + d
            if mm.group("pron"):
                speaker = self.res._pronoun(
                    _PRONOUNS[mm.group("pron").lower()], mm.group("pron"), pos
                )
                cue = mm.group("cue")
            elif mm.group("np"):
                speaker, _ = self.res.resolve(mm.group("np"), pos + mm.start("np"))
                cue = mm.group("cue2")
            else:
                speaker = self._last_speaker(pos)
                cue = mm.group("cue3")
            if speaker is not None:
                self._clause(speaker, None, a + d + mm.end(), b, cue, sent)
        # "This was stated by X" -> the previous sentence
        mm = _PASSIVE_PREV_RE.match(s[d:])
        if mm and (mm.group("cue") or ctx.lex.cue_re.fullmatch(mm.group("cue2"))):
            np = mm.group("np") or mm.group("np2")
            speaker, pending = self.res.resolve(
                np, a + d + (mm.start("np") if mm.group("np") else mm.start("np2"))
            )
            idx = ctx.sentences.index(sent)
            if (speaker or pending) and idx > 0:
                pa, pb = ctx.sentences[idx - 1]
                pd = _dateline_len(ctx.masked[pa:pb])
                self._clause(
                    speaker, pending, pa + pd, pb, mm.group("cue") or mm.group("cue2"), (pa, pb)
                )
                np_end = a + d + (mm.end("np") if mm.group("np") else mm.end("np2"))
                self._consume_cues(a, np_end)  # "..., quien acusó a X" is still its own
        # "X was informed by Y that ..."
        # (with low, a match needs "by" or "por" and one of its verbs there: see _lowered)
        low = _lowered(s)
        # a match holds "<verb> by|por " (its verbs, any white space), which is what
        # _NEEDS_PASSIVE_THAT_RE looks for in the lower case
        passive = low is None or (
            ("by" in low or "por" in low)
            and any(v in low for v in _PASSIVE_THAT_VERBS)
            and (_EXACT or _NEEDS_PASSIVE_THAT_RE.search(low) is not None)
        )
        for mm in _PASSIVE_THAT_RE.finditer(s) if passive else ():
            speaker, pending = self.res.resolve(mm.group("np"), a + mm.start("np"))
            if speaker or pending:
                self._clause(
                    speaker,
                    pending,
                    a + mm.end(),
                    self._clause_end(a + mm.end(), b),
                    "was " + mm.group("cue"),
                    sent,
                )
        # "Para Lavrov, ...", "Para el Kremlin, ...": a person's or an institution's view
        pm = _PARA_RE.match(s, d)
        if pm is not None:
            np = _scan_np_right(s[pm.end() :], ctx.lex)
            if np is not None and s[pm.end() + np[1] : pm.end() + np[1] + 1] == ",":
                np_text, np_end = np[2], pm.end() + np[1]
                app = _RE28.match(s, np_end)
                if app and split_mention(app.group(1))[1] == app.group(1).strip():
                    # "Para el canciller ruso, Serguéi Lavrov, ..."
                    np_text, np_end = s[pm.end() + np[0] : app.end(1)], app.end(1)
                speaker, pending = self.res.resolve(np_text, a + pm.end() + np[0], countries=False)
                if speaker is not None:
                    ca = a + np_end + 1
                    self._clause(speaker, None, ca, self._clause_end(ca, b), pm.group("cue"), sent)
        # "As Lavrov put it, ...", "Como lo expresó Lavrov, ..." is below (según-like)
        am = _AS_PUT_RE.match(s, d) if "put it" in s or "lo " in s else None
        if am is not None:
            speaker, pending = self.res.resolve(am.group("np"), a + am.start("np"))
            if speaker is not None or pending is not None:
                ca = a + am.end()
                self._clause(speaker, pending, ca, self._clause_end(ca, b), am.group("cue"), sent)
                self._consume_cues(a + d, ca)
        # "Según ha explicado en un comunicado, ...": the speaker goes on, unnamed
        sm = _SEGUN_VERB_RE.match(s, d) if ctx.lang == "es" else None
        if sm is not None and ctx.lex.cue_re.fullmatch(sm.group("verb")):
            speaker = self._last_speaker(a + d)
            if speaker is not None:
                ca = a + sm.end()
                self._clause(speaker, None, ca, self._clause_end(ca, b), sm.group("cue"), sent)
                self._consume_cues(a + d, a + sm.end())
        # "according to X" / "según X"
        for mm in _according_matches(s, low):
            self._according(mm, sent, d)
        if "omo " in s:
            for mm in _COMO_RE.finditer(s):
                self._according(mm, sent, d)

    def _consume_cues(self, a: int, b: int) -> None:
        for cm in self.cues.find(a, b):
            self.ctx.consumed.add(cm.start())

    def _according(self, mm, sent, d: int) -> None:
        ctx = self.ctx
        a, b = sent
        s = ctx.masked[a:b]
        doc = _DOCUMENT_OF_RE.match(s, mm.end())  # "according to a statement from X"
        at = doc.end() if doc else mm.end()
        dn = _DOC_NP_RIGHT_RE.match(s, at)  # "Según el texto, ..."
        if dn is not None:
            np = (dn.start("np") - at, dn.end("np") - at, dn.group("np"))
        else:
            np = _scan_np_right(s[at:], ctx.lex)
        poss = None
        if np is None:
            # "según su portavoz, Dmitri Peskov, ...": a possessive role, taken only with the name
            poss = _POSSESSIVE_RE.match(s, at)
            if poss is None:
                return
            np = _scan_np_right(s[poss.end() :], ctx.lex)
            if np is None:
                return
            np = (np[0] + poss.end() - at, np[1] + poss.end() - at, np[2])
        np_text = np[2]
        pos = a + at + np[0]
        np_end = a + at + np[1]
        app = _RE28.match(ctx.masked[np_end:b]) or _RE28_END.match(ctx.masked[np_end:b])
        k = ctx.masked.find(",", np_end, min(b, np_end + 100)) if app is None else -1
        if k > np_end and poss is None and np_text[:1].islower():
            # "según explicó el representante permanente de Rusia ante ... en Viena, Name,":
            # a role phrase longer than the scan, then the name in apposition
            lm = _APPOS_NAME_AT_RE.match(ctx.masked, k, b)
            if (
                lm is not None
                and ctx.masked[np_end].isspace()
                and "~" not in ctx.masked[np_end:k]
                and split_mention(lm.group(1))[1] == lm.group(1).strip()
            ):
                np_text = ctx.masked[pos : lm.end(1)]
                np_end = lm.end(1)
        if poss is not None and not (
            app and split_mention(app.group(1))[1] == app.group(1).strip()
        ):
            return
        if app and split_mention(app.group(1))[1] == app.group(1).strip():
            # "según el canciller ruso, Serguéi Lavrov, ...", "..., según el vicecanciller, X."
            np_text = ctx.masked[pos : np_end + app.end(1)]
            np_end += app.end(1)
        speaker, pending = self.res.resolve(np_text, pos)
        if speaker is None and pending is None:
            return
        dm = _DOC_TAIL_RE.match(ctx.masked, np_end, b)
        if dm:  # "according to the White House readout of the call"
            np_end = dm.end()
        self._consume_cues(a + mm.start(), np_end)
        cue = mm.group("cue")
        lead = s[d : mm.start()]
        co = ()
        if speaker is not None and (" y " in np_text or " and " in np_text or " e " in np_text):
            co = self._joint(np_text, pos, speaker)  # "según Lavrov y Wang Yi"
        n0 = len(ctx.statements)
        if not lead.strip(" ,"):
            # "According to X, CLAUSE."
            rest = ctx.masked[np_end:b]
            rel = _RELATIVE_ASIDE_RE.match(rest)  # "Según X, quien habló en Moscú, ..."
            if rel:
                np_end += rel.end()
                rest = rest[rel.end() :]
            cm = _RE31.match(rest)
            if cm:
                ca = np_end + cm.end()
                self._clause(speaker, pending, ca, self._clause_end(ca, b), cue, sent)
        elif _RE35.search(lead) or _RE43.search(lead):
            # "CLAUSE, according to X."
            tail = ctx.masked[np_end:b].strip(" .")
            if tail and not _ADJUNCT_RE.match(tail) and not _ACCORDING_REL_TAIL_RE.match(tail):
                # "La medida, según explicó X, solo busca ...": the sentence around the aside
                if (
                    _MID_REST_RE.match(tail)
                    and _RE35.search(lead)
                    and len(lead.split()) <= 8
                    and not self.cues.find(a + d, a + mm.start())
                ):
                    self._clause(speaker, pending, a + d, self._clause_end(np_end, b), cue, sent)
                return
            self._clause(speaker, pending, a + d, a + mm.start(), cue, sent)
        if co:
            for st in ctx.statements[n0:]:
                if st.speaker is not None and st.speaker["speaker"] == speaker["speaker"]:
                    st.co = co

    def _clause_end(self, ca: int, b: int) -> int:
        """Where a reported clause starting at ca ends: before "..., adding", "..., but X said"."""
        m = self.ctx.masked
        cut = (_CUT_RE_ES if self.ctx.lang == "es" else _CUT_RE_EN).search(m, ca, b)
        end = cut.start() if cut else b
        for cm in _CONJ_RE.finditer(m, ca, end):
            if self.cues.find(cm.end(), min(end, cm.end() + 90)):
                return cm.start()
        # (a match ends with a word ending in "ado" or "ido")
        second = _EXACT or m.find("ado", ca, end) >= 0 or m.find("ido", ca, end) >= 0
        aux = _CONJ_AUX_RE.search(m, ca, end) if second else None
        if aux:  # "ha lamentado X y ha responsabilizado a Rusia": a second predicate
            end = aux.start()
        for cm in _BARE_CONJ_RE.finditer(m, ca, end):
            # "... open to talks but stressed that ...": a second verb of the same subject
            hit = self.cues.find(cm.end(), min(end, cm.end() + 30))
            if (
                hit
                and hit[0].start() == cm.end()
                and (
                    _RE52.match(m[hit[0].end() : end])
                    or _ADJUNCT_THAT_RE.match(m, hit[0].end(), end)  # "y aseguró en un X que"
                    or self.ctx.lex.cues.get(_RE32.sub(" ", hit[0].group().lower()), "")[1:]
                    == ("clause",)
                    and _CLAUSE_START_RE.match(m, hit[0].end(), end)
                    or self.ctx.lex.cues.get(_RE32.sub(" ", hit[0].group().lower()), ("",))[0]
                    in _OBJECT_SAID
                )
            ):
                return cm.start()
        return end

    # ------------------------------------------------------------------------------------
    def _mark_joint(self, n0: int) -> None:
        """The statements added since the n0th, of the joint subject's speaker found, carry
        all its speakers (_joint_co)."""
        who, co = self._joint_co
        for st in self.ctx.statements[n0:]:
            if st.speaker is not None and st.speaker["speaker"] == who:
                st.co = co

    def _joint_left(self, left: str, base: int, speaker: dict) -> tuple:
        """(first, speaker) when the words before a subject are "<a person named> and (his
        counterpart ...)": "Sergey Lavrov and his Chinese counterpart Wang Yi said"."""
        jm = _JOINT_LEFT_RE.search(left)
        if jm is None:
            return ()
        if not _opens_subject(left[: jm.start("first")]):
            return ()
        first = jm.group("first")
        if self.res._resolve_plan(first, True)[0] not in ("person", "fields"):
            return ()
        who, _ = self.res.resolve(first, base + jm.start("first"))
        if who is None or who["speaker"] == speaker["speaker"]:
            return ()
        return (who, speaker)

    def _plural_cue(self, cue: str, left: str) -> bool:
        """Whether a verb may have a coordinated subject: in Spanish only a plural one
        ("afirmaron", "han dicho"; "dijo Lavrov y ..." is Lavrov alone)."""
        if self.ctx.lang != "es":
            return True
        return cue.split()[0].lower().endswith("n") or bool(_HAN_END_RE.search(left))

    def _joint(self, np: str, pos: int, speaker: dict | None, before: str = "") -> tuple:
        """The people of a coordinated subject ("President Joe Biden and Russian President
        Vladimir Putin", "Los cancilleres, Serguéi Lavrov y Antony Blinken"): each conjunct
        names a person; () unless both do and one of them is the speaker found."""
        base = np.rfind(",") + 1  # "Los presidentes de Rusia y China, Vladímir Putin y Xi"
        jm = _JOINT_RE.fullmatch(np, base)
        if jm is None or not _opens_subject(before):
            return ()
        people = []
        for g in ("a", "b"):
            part = jm.group(g)
            if not any(w[:1].isupper() for w in part.split()[1:] or part.split()):
                return ()  # "the minister and his deputy": no names
            if self.res._resolve_plan(part, True)[0] not in ("person", "fields"):
                return ()  # a person, an institution or a country, named
            who, _ = self.res.resolve(part, pos + jm.start(g))
            if who is None:
                return ()
            people.append(who)
        names = [p["speaker"] for p in people]
        if names[0] == names[1] or (speaker is not None and speaker["speaker"] not in names):
            return ()
        return tuple(people)  # in the text's order, the speaker found (if any) among them

    def _cue(self, cm: re.Match, sent) -> None:
        ctx = self.ctx
        a, b = sent
        m = ctx.masked
        cue = cm.group()
        entry = ctx.lex.cue_entry.get(cue)  # memoised by the cue's words as written
        if entry is None:
            entry = ctx.lex.cues.get(_RE32.sub(" ", cue.lower()), ("", "clause"))
            if len(ctx.lex.cue_entry) > 10000:
                ctx.lex.cue_entry.clear()
            ctx.lex.cue_entry[cue] = entry
        lemma, pattern = entry
        left_raw = m[a : cm.start()]
        if (
            not _EXACT
            and (pattern == "quote_only" or pattern == "that_only")
            and not _rel_may(left_raw)
        ):
            # Nothing below adds a statement for these patterns unless _RELATIVE_TAIL_RE
            # matches (see _rel_may) or the quote_only/that_only checks further down pass:
            # asked here first, the same checks
            right = m[cm.end() : b]
            if pattern == "quote_only":
                if "~" not in right:
                    return
            elif (
                "that" not in right
                and "que" not in right
                and ":" not in right
                and not any(c in right for c in '“«„"‘')
                and left_raw.rstrip()[-1:] not in (",", "~", "”", "»", '"')
            ):
                return
        # the end-anchored regexes below need left_raw to end with one of their words (see
        # _may_end_with); its lowered tail, when ASCII, says which may match
        left_t = left_raw.rstrip()
        tail = left_t[-12:]
        low_tail = tail.lower() if tail.isascii() else None
        if (low_tail is None or low_tail.endswith(_BLOCKED_ENDS)) and _BLOCKED_CUE_RE.search(
            left_raw
        ):
            return  # "would say", "did not say", "to say", "was told"
        if _EXACT or (not left_raw.isascii() and not _IGNORECASE_ODD.isdisjoint(left_raw)):
            if _ASKED_LEFT_RE.search(left_raw):
                return
            if _ANONYMOUS_RE.search(left_raw):
                return  # "an official, who asked not to be identified, said"
        else:
            # each regex searched only when its lower-case words are there: without the
            # letters of _IGNORECASE_ODD, lower() agrees with re.IGNORECASE. _ASKED_LEFT_RE
            # needs "asked" or "question"; every alternative of _ANONYMOUS_RE holds "named",
            # "identif", "anonym" or "anonim"
            low_left = left_raw.lower()
            if ("asked" in low_left or "question" in low_left) and _ASKED_LEFT_RE.search(left_raw):
                return
            if (
                "named" in low_left
                or "identif" in low_left
                or "anonym" in low_left
                or "anonim" in low_left
            ) and _ANONYMOUS_RE.search(left_raw):
                return  # "an official, who asked not to be identified, said"
        right = m[cm.end() : b]
        if pattern == "participle":
            self._participle(cm, sent)
            return
        if pattern == "perfect":
            if not _RE44.search(left_raw):
                return
            pattern = next(
                (p for lm, p in ctx.lex.cues.values() if lm == lemma and p != "perfect"),
                "clause",
            )  # "ha acusado a X de Y" is "acusó a X de Y"
        if low_tail is None or low_tail.endswith(_AUX_ENDS):
            rel_left = _AUX_TAIL_RE.sub("", left_raw)
        else:
            rel_left = left_raw
        rel = _RELATIVE_TAIL_RE.search(rel_left)
        if rel is None and "," in rel_left:
            rel_left_t = _time_tail_sub(rel_left)  # "Trump, que el domingo dijo a ..."
            if rel_left_t is not rel_left:
                rel = _RELATIVE_TAIL_RE.search(rel_left_t)
        if rel and pattern == "that_only" and not _THAT_NEXT_RE.match(right):
            rel = None  # "..., en el que destacó el compromiso": a noun, not what was said
        if rel:
            # "..., dijo Lavrov, quien agregó que ...", "statements by Rutte, who said that ...":
            # the person named just before the relative pronoun, else the sentence's speaker
            speaker = None
            ant = _scan_np_left(rel_left[: rel.start()] + " ", ctx.lex)
            if ant is None:
                # "las palabras de Donald Trump, que dijo": the person named at the end
                nm = _NAME_END_RE.search(rel_left, 0, rel.start())
                if nm is not None:
                    who, _ = self.res.resolve(nm.group(), a + nm.start())
                    if who is not None and any(
                        e.kind == "person" and e.name == who["speaker"]
                        for e in self.res._entities()
                    ):
                        speaker = who
            if ant is not None:
                speaker, _ = self.res.resolve(ant[1], a + ant[0])
            if speaker is None:
                prev = next(
                    (st for st in reversed(ctx.statements) if st.sentence == sent and st.speaker),
                    None,
                )
                speaker = prev.speaker if prev is not None else None
            if speaker is None:
                # "Nebenzia rechazó las acusaciones, que calificó de ...": the sentence subject
                d = _dateline_len(m[a:b])
                lead = _LEAD_ADVERB_RE.match(m, a + d, b)
                d = lead.end() - a if lead else d
                head = _scan_np_right(m[a + d : cm.start()], ctx.lex)
                if head is not None and head[0] == 0:
                    speaker, _ = self.res.resolve(head[2], a + d)
            if speaker is not None:
                ca = cm.end()
                for _ in range(2):  # "who said earlier this week that ..."
                    lead = _TIME_LEAD_RE.match(m[ca:b])
                    ca += lead.end() if lead else 0
                pl = _POST_LISTENER_RE.match(m, ca, b)  # "que dijo a los periodistas que"
                if pl and _RE53.match(m, pl.end(), b):
                    ca = pl.end()
                ca += _RE57.match(m[ca:b]).end()
                self._clause(speaker, None, ca, self._clause_end(ca, b), cue, sent)
                return
        # From here to the checks of "quote_only" and "that_only" below nothing is added, and
        # those checks return unless (quote_only) a quote is masked after the cue, or
        # (that_only) "that"/"que"/":" or an opening mark follows it, or it is inverted
        # (_RE46: the words before it end with a comma or a quote): asked here first.
        if not _EXACT and pattern == "quote_only" and "~" not in right:
            return
        if (
            not _EXACT
            and pattern == "that_only"
            and "that" not in right
            and "que" not in right
            and ":" not in right
            and not any(c in right for c in '“«„"‘')
            and left_raw.rstrip()[-1:] not in (",", "~", "”", "»", '"')
        ):
            return
        if rel_left is left_raw and low_tail is not None:
            # no aux tail: the time tail's prefilter on the same tail (less one comma)
            t = left_t[:-1] if left_t.endswith(",") else left_t
            if _may_end_with(t, _TIME_ENDS):
                left = _aux_tail_sub(_TIME_TAIL_RE.sub("", left_raw))
            else:
                left = left_raw  # neither sub changes it
        else:
            left = _aux_tail_sub(_time_tail_sub(rel_left))
        np = _appositive(left, ctx.lex) or _scan_np_left(left, ctx.lex)
        if (
            np is None
            and pattern != "cite"
            and (_EXACT or left.rstrip()[-10:].lower().endswith(_DOC_NP_ENDS))
        ):
            d0 = _dateline_len(left)
            dn = _DOC_NP_LEFT_RE.match(left, d0)
            if dn is not None:
                np = (dn.start("np"), dn.group("np"))  # "El comunicado señala que ..."
        speaker = pending = None
        subj_start = None
        mention_ok = False
        if np is not None and not _RE45.search(left[: np[0]]):
            subj_start = a + np[0]
            speaker, pending = self.res.resolve(
                np[1], subj_start, countries=lemma not in {"announce", "inform", "notify"}
            )
            if (
                speaker is None
                and pending is None
                and (" and " in np[1] or " y " in np[1])
                and lemma not in {"announce", "inform", "notify"}
                and self._plural_cue(cue, left_raw)
                and _RE29.search(m, cm.end(), min(b, cm.end() + 120)) is not None
            ):
                # "Russia and China said in a joint statement": no one phrase, two speakers
                both = self._joint(np[1], subj_start, None, m[a:subj_start])
                if both:
                    speaker = both[-1]
            if speaker is not None and self._plural_cue(cue, left_raw):
                co = ()
                if " and " in f" {np[1]}" or " y " in f" {np[1]}":
                    co = self._joint(np[1], subj_start, speaker, m[a:subj_start])
                    k = np[1].rfind(",")
                    if not co and k > 0:
                        # "Lavrov and his Chinese counterpart, Wang Yi": the name after it
                        co = self._joint_left(m[a : subj_start + k + 1], a, speaker)
                elif " and " in m[a:subj_start] or " y " in m[a:subj_start]:
                    # "El canciller ruso, Serguéi Lavrov, y su homólogo chino, Wang Yi,
                    # afirmaron": the first one before
                    co = self._joint_left(m[a:subj_start], a, speaker)
                if co:
                    self._joint_co = (speaker["speaker"], co)
            mention_ok = speaker is not None or pending is not None
            if (
                speaker is None
                and (_EXACT or m[a:subj_start].rstrip().endswith(","))
                and m.startswith(("In ", "En "), a + _dateline_len(m[a:b]))
            ):
                alt = _city_lead_np(m[a:subj_start], np[1])
                alt_speaker = self.res.resolve(alt, subj_start)[0] if alt else None
                if alt_speaker is not None:
                    # "In Moscow, the foreign ministry said": that capital's ministry
                    speaker, pending = dict(alt_speaker, speaker_mention=np[1]), None
                    mention_ok = True
            if (
                not mention_ok
                and np[1].split()[-1][:1].isupper() is False
                and fold(np[1].split()[-1]) in ctx.lex.unnamed
            ):
                return
            if not mention_ok and fold(np[1]) not in _STOP_CAPS:
                return  # a subject we cannot resolve (an unnamed source, a thing)
        if (
            not _EXACT
            and not mention_ok
            and ctx.lang != "es"
            and pattern != "cite"
            and not _RE37.search(left_raw)
            and not _re47(left)
        ):
            # Without a subject, below only "cite" adds before "if not mention_ok:", whose
            # ways to a speaker need _RE37 (inverted), _RE47 ("and warned") or Spanish: it
            # would return with nothing.
            return
        # where does the reported clause start?
        lead = _time_lead(right)  # its group is lowered
        r_off = cm.end() + (lead.end() if lead else 0)
        r = m[r_off:b]
        clause_start = None
        if pattern == "cite":
            self._cite(cm, sent, speaker)
            return
        listener = False
        if pattern == "object" and lemma not in _OBJECT_SAID:
            lm = _LISTENER_RE.match(r)
            if lm and lm.end() > 0 and not _RE53.match(r):
                listener = True
                r_off += lm.end()
                lead = _TIME_LEAD_RE.match(m, r_off, b)
                r_off = lead.end() if lead else r_off
                r = m[r_off:b]
        that = _RE29.search(r[:160])
        if that and _INTERJECTION_RE.fullmatch(r[: that.start()]):
            # "ha explicado, según ha recogido la agencia TASS, que ...": skip the aside
            r_off += that.start()
            r = m[r_off:b]
            that = _RE33.match(r)
        if that and that.start() > 0 and self.cues.find(r_off, r_off + that.start()):
            that = None  # "commented on remarks by X, who said that ...": the later verb's "that"
        if that and r[: that.start()].strip() in (
            "",
            "en",
            "only",
            "simply",
            "just",
            "solo",
            "sólo",
            "de",
        ):
            that = _RE34.match(r)
        if _SAID_LITTLE_RE.match(r):
            return  # "said little about", "said nothing"
        if lemma in _MEDIA_VERBS and that is None and _MEDIA_OBJECT_RE.match(r):
            return  # "posted the message a day before ...": a thing put out, no clause
        if lemma == "warn" and that is None and _WARN_OF_RE.match(r):
            return  # "warns NPT conference of rising danger": a listener and a noun, no clause
        if lemma == "conclude" and _CONCLUDED_OBJECT_RE.match(r):
            return  # "concluded the fourth session of the BCC": an event ended, no clause
        r_stripped = r.strip(" .,;")
        starts_adjunct = bool(_ADJUNCT_RE.match(r))
        if pattern == "object" and lemma in _OBJECT_SAID:
            that = None  # "accused X of Y": the object is part of what was said
        if that and (
            not r[: that.start()].strip()
            or starts_adjunct
            or pattern == "object"
            or (that.group() == ":" and "~" not in r[: that.start()])
            or (
                lemma in _WARN_LISTENER_VERBS
                and that.group() != ":"
                and _WARN_LISTENER_RE.fullmatch(r, 0, that.start()) is not None
            )
        ):
            if not (pattern == "object" and that.start() > 90):
                clause_start = r_off + that.end()
        elif (
            r_stripped
            and not starts_adjunct
            and pattern in ("clause", "quote_only")
            or r_stripped
            and pattern == "object"
            and (lemma in _OBJECT_SAID or listener and not starts_adjunct)
            or pattern == "infinitive"
            and _RE54.match(r)
        ):
            clause_start = r_off
        if (
            clause_start == r_off
            and mention_ok
            and subj_start is not None
            and (
                (lead is not None and lead.group().rstrip().endswith(",")) or r.lstrip()[:1] == ","
            )
            and _TRAILING_ADJUNCT_RE.match(r)
            and len(_RE55.findall(m[a:subj_start])) >= 4
            and _RE35.search(m[a:subj_start])
        ):
            clause_start = None  # "CLAUSE, the ministry said Wednesday, just days before ..."
        if pattern == "quote_only" and (
            clause_start is None or "~" not in m[clause_start : self._clause_end(clause_start, b)]
        ):
            return
        inverted = not mention_ok and bool(_RE46.search(left_raw))
        if pattern == "that_only" and clause_start is None:
            if _RE36.match(r):
                clause_start = r_off
            elif not inverted:  # "..., informó la portavoz": a fronted clause, below
                return
        if pattern == "that_only" and not (that or _RE36.match(r) or inverted):
            return
        if not mention_ok:
            # no subject before the verb: inverted ("..., said X") or subject-less (Spanish)
            inv_at = cm.end()
            if _RE37.search(left_raw):
                tl = _TIME_LEAD_RE.match(m[inv_at:b])  # "..., aseguró este viernes el portavoz"
                if tl and tl.end() and not tl.group().rstrip().endswith(","):
                    inv_at += tl.end()
                ia = _INV_ADJUNCT_RE.match(m[inv_at:b])  # "afirmó en una entrevista con Sputnik"
                if ia:
                    inv_at += ia.end()
                il = _POST_LISTENER_RE.match(m[inv_at:b])  # "declaró a los periodistas el ..."
                if il:
                    inv_at += il.end()
                app = _RIGHT_APPOS_RE.match(m[inv_at:b])  # "el portavoz del Kremlin, Dmitri Peskov"
                dn = None if app else _DOC_NP_RIGHT_RE.match(m, inv_at, b)
                if dn is not None:  # "..., señala el comunicado."
                    inv = (dn.start("np") - inv_at, dn.end("np") - inv_at, dn.group("np"))
                else:
                    inv = (
                        (app.start(1), app.end(), app.group(0).strip())
                        if app
                        else _scan_np_right(m[inv_at:b], ctx.lex)
                    )
            else:
                inv = None
            if inv is not None:
                speaker, pending = self.res.resolve(inv[2], inv_at + inv[0])
                if speaker is not None or pending is not None:
                    clause_start = None
                    subj_start = cm.start()
                    after = m[inv_at + inv[1] : b]
                    if (
                        _RE58.match(after)
                        and not _APPOSITION_START_RE.match(after)
                        and not _ADJUNCT_RE.match(after)
                        and _RE40.search(m[a : cm.start()])
                    ):
                        # parenthetical: "El tratado, dijo Lavrov, ha muerto."
                        ca = a + _dateline_len(m[a:b])
                        ce = self._clause_end(inv_at + inv[1], b)
                        self._clause(speaker, pending, ca, ce, cue, sent)
                        return
            if speaker is None and pending is None and _re47(left):
                # "X lamented ... and warned that ...": the sentence's subject goes on
                prev = next(
                    (
                        st
                        for st in reversed(ctx.statements)
                        if st.sentence == sent and st.start < cm.start() and st.kind == "indirect"
                    ),
                    None,
                )
                if prev is not None:
                    speaker, pending = prev.speaker, prev.pending
                else:
                    d = _dateline_len(m[a : cm.start()])
                    head = _subject_appositive(m[a : cm.start()], d, ctx.lex) or _scan_np_right(
                        m[a + d : cm.start()], ctx.lex
                    )
                    if head is not None:
                        speaker, pending = self.res.resolve(head[2], a + d + head[0])
            if speaker is None and pending is None:
                if (
                    ctx.lang == "es"
                    and clause_start is not None
                    and not left.strip(" ,")[-1:].isalpha()
                    or (
                        ctx.lang == "es"
                        and clause_start is not None
                        and _RE59.search(left)
                        and not _RELATIVE_END_RE.search(left)
                    )
                ):
                    speaker, pending = self._last_speaker_pending(cm.start())
                elif (
                    ctx.lang == "es"
                    and clause_start is None
                    and inv is None
                    and not r.strip(" .")
                    and _RE35.search(left_raw)
                ):
                    # "Esa decisión puede revisarse, advirtió.": a fronted clause, the
                    # speaker goes on
                    speaker, pending = self._last_speaker_pending(cm.start())
                    subj_start = cm.start() if speaker or pending else None
                if speaker is None and pending is None:
                    return
        if clause_start is not None:
            front = m[a : subj_start if subj_start is not None else cm.start()]
            if _RE48.match(r) and _RE49.search(front) and not self.cues.find(a, cm.start()):
                # parenthetical: "The treaty, he said, is dead." -> the whole sentence
                ce = self._clause_end(clause_start, b)
                clause_start = a + _dateline_len(m[a:b])
            else:
                ce = self._clause_end(clause_start, b)
            self._clause(speaker, pending, clause_start, ce, cue, sent)
            return
        # fronted: "CLAUSE, X said." / "CLAUSE, said X."
        if subj_start is None:
            return
        front = m[a:subj_start]
        fm = _RE30.search(front)
        if not fm:
            return
        d = _dateline_len(front)
        ca, cb = a + d, a + fm.start()
        if len(m[ca:cb].split()) < 3:
            return
        if (
            any(q.open >= ca and q.end <= cb + 1 for q in ctx.quotes)
            and _RE38.match(m[ca:cb])
            and m[cb - 1 : cb] in '”»"’~'
        ):
            return  # a quotation with its attribution: the direct pass had it
        self._clause(speaker, pending, ca, cb, cue, sent)

    def _participle(self, cm: re.Match, sent) -> None:
        ctx = self.ctx
        a, b = sent
        m = ctx.masked
        left = m[a : cm.start()]
        quoted = _QUOTED_AS_RE.search(left)
        if quoted:
            if quoted.group("obj"):
                np = (quoted.start("obj"), quoted.group("obj"))
            else:
                head = _AUX_TAIL_RE.sub("", left[: quoted.start()])
                np = _appositive(head, ctx.lex) or _scan_np_left(head, ctx.lex)
            if np is None:
                return
            speaker, pending = self.res.resolve(np[1], a + np[0])
            if speaker is None and pending is None:
                return
            r = m[cm.end() : b]
            if not quoted.group("obj") and _AGENT_ONLY_RE.fullmatch(r):
                # "CLAUSE, X was quoted as saying by TASS.": the clause is the one before
                d = _dateline_len(left)
                front = left[d : np[0]].rstrip()
                if front.endswith(",") and len(front.split()) >= 3:
                    ce = a + d + len(front) - 1
                    self._clause(speaker, pending, a + d, ce, cm.group(), sent)
                return
            ca = cm.end() + (_RE56.match(r).end())
            self._clause(speaker, pending, ca, self._clause_end(ca, b), cm.group(), sent)
            return
        if not _RE39.search(left):
            return
        speaker = None
        for st in reversed(ctx.statements):
            if st.sentence == sent and st.speaker is not None:
                speaker = st.speaker
                break
        if speaker is None:
            d = _dateline_len(left)
            lead = _LEAD_ADVERB_RE.match(left, d)
            d2 = lead.end() if lead else d
            # "His deputy, X, went further, declaring ...", "Later, spokesperson X echoed it,
            # saying ...", "Foreign Ministry spokeswoman X condemned it, calling it ..."
            hd = _subject_appositive(left, d2, ctx.lex) or _scan_np_right(left[d2:], ctx.lex)
            while hd is not None and speaker is None:
                speaker, _ = self.res.resolve(hd[2], a + d2 + hd[0])
                words = hd[2].split()
                if speaker is not None or len(words) < 2 or not words[-1][:1].islower():
                    break
                hd = (hd[0], hd[1], " ".join(words[:-1]))
            if speaker is None:
                np = _scan_np_left(
                    _LOWER_WORD_SPLIT_RE.split(left[d:], maxsplit=1)[0] + " ", ctx.lex
                )
                if np is not None:
                    speaker, _ = self.res.resolve(np[1], a + d + np[0])
            if speaker is None:
                return
        r = m[cm.end() : b]
        ca = cm.end() + (_RE56.match(r).end())
        ce = self._clause_end(ca, b)
        lemma = ctx.lex.cues.get(_RE32.sub(" ", cm.group().lower()), ("", ""))[0]
        if lemma in ("call", "describe") and (_RE50.match(r) or "~" not in m[ca:ce]):
            return  # "calling for talks"; "calling it X" only with the quoted words
        self._clause(speaker, None, ca, ce, cm.group(), sent)

    def _cite(self, cm: re.Match, sent, fallback) -> None:
        """'X citó palabras del presidente Y ...: «...»' -> Y said the quoted words."""
        ctx = self.ctx
        a, b = sent
        m = ctx.masked
        rest = m[cm.end() : b]
        colon = rest.find(":")
        if colon < 0:
            return
        seg = rest[:colon]
        speaker = None
        for run in _NAME_RUN_RE.finditer(seg):
            speaker, _ = self.res.resolve(run.group(), cm.end() + run.start())
            if speaker is not None and speaker.get("speaker") != (fallback or {}).get("speaker"):
                break
        if speaker is None:
            return
        ca = cm.end() + colon + 1
        q = next((q for q in ctx.quotes if q.open >= ca), None)
        if q is None:
            return
        self._add(speaker, "direct", q.start, q.end, cm.group(), sent)

    def _floating(self, q: Quote, sent) -> None:
        """A quote on its own after the speaker's attributed quote: the same speaker goes on."""
        ctx = self.ctx
        a, b = sent
        before = ctx.masked[a : q.open].strip()
        after = ctx.masked[(q.close + 1 if q.close is not None else q.end) : b].strip(" .,")
        words = ctx.text[q.start : q.end].split()
        if before.endswith(":") and not after and "~" not in before:
            # "Lavrov was blunt: “...”", "Peskov: “...”"
            d = _dateline_len(before)
            head = _scan_np_right(ctx.masked[a + d : q.open], ctx.lex)
            if head is not None and len(before[d:].split()) <= len(head[2].split()) + 6:
                speaker, pending = self.res.resolve(head[2], a + d + head[0])
                if speaker is not None or pending is not None:
                    self._add(speaker, "direct", q.start, q.end, ":", sent, pending)
            return
        if before or after or len(words) < 2:
            return
        prev = next((st for st in reversed(ctx.statements) if st.start < q.start), None)
        if prev is None or prev.speaker is None:
            return
        if len(words) < 4 and not (prev.kind == "direct" and prev.para == self.para(q.open)):
            return  # a short quote goes on only right after the speaker's quote
        if prev.kind != "direct" and not (words[0][:1].isupper() and len(words) >= 5):
            return
        if self.para(q.open) - prev.para > 1:
            return
        self._add(prev.speaker, "direct", q.start, q.end, prev.cue, sent)


# ---------------------------------------------------------------------------------------------
# Public API.


def _finish(stmts: list[_Stmt], text: str) -> list[dict[str, Any]]:
    out = []
    for st in stmts:
        if st.speaker is None:
            continue
        sa, sb = st.sentence
        sa, sb = min(sa, st.start), max(sb, st.end)
        out.append(
            {
                "speaker": st.speaker["speaker"],
                "speaker_mention": st.speaker.get("speaker_mention"),
                "speaker_role": st.speaker.get("speaker_role"),
                "speaker_org": st.speaker.get("speaker_org"),
                "speaker_country": st.speaker.get("speaker_country"),
                "kind": st.kind,
                "quote": text[st.start : st.end],
                "cue": st.cue,
                "start": st.start,
                "end": st.end,
                "field": st.field,
                "sentence": text[sa:sb],
            }
        )
        if st.co:
            out[-1]["_co"] = st.co
    return out


def _expand_joint(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each statement of a joint subject once for each of its speakers, in the text's order."""
    out: list[dict[str, Any]] = []
    for r in rows:
        co = r.pop("_co", ())
        if not co:
            out.append(r)
        for who in co:
            out.append(
                dict(
                    r,
                    speaker=who["speaker"],
                    speaker_mention=who.get("speaker_mention"),
                    speaker_role=who.get("speaker_role"),
                    speaker_org=who.get("speaker_org"),
                    speaker_country=who.get("speaker_country"),
                )
            )
    return out


def _row_key(r: dict[str, Any]) -> tuple[str, str]:
    """What makes two statements the same: kind and words; a partial quote also by its
    sentence (the same words quoted in the headline and in the body are two statements)."""
    if r["kind"] == "partial":
        return r["kind"], fold(r["quote"]) + "|" + fold(r["sentence"])
    return r["kind"], fold(r["quote"])


def _dedupe(rows: list[dict[str, Any]], keys: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """rows without repeats (keys: each row's _row_key)."""
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for r, key in zip(rows, keys, strict=True):
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    # no two statements of the same kind overlap in one field
    final: list[dict[str, Any]] = []
    ordered = sorted(out, key=lambda r: (r["field"] != "title", r["start"], -r["end"]))
    if not _EXACT and all(r["start"] < r["end"] for r in out):
        # a field's rows come by start: a kept row o before r has o.start <= r.start < r.end,
        # so they overlap when r.start < o.end, which the greatest end kept so far tells (the
        # last kept: a row kept starts at or after it and ends after its start)
        reach: dict[tuple[str, str], int] = {}
        for r in ordered:
            group = (r["field"], r["kind"])
            e = reach.get(group)
            if e is not None and r["start"] < e:
                continue
            final.append(r)
            reach[group] = r["end"]
        ordered = []
    for r in ordered:
        if any(
            o["field"] == r["field"]
            and o["kind"] == r["kind"]
            and o["start"] < r["end"]
            and r["start"] < o["end"]
            for o in final
        ):
            continue
        final.append(r)
    order = {id(r): i for i, r in enumerate(out)}
    final.sort(key=lambda r: order[id(r)])
    return final


# what a title's headline forms and interview turns need (_Extractor._headline's regexes need a
# colon, a dash or a comma; _transcript_turns a colon, "?" or a raya)
_TITLE_FORM_CHARS = ":?—-–|,"


def _title_may_say(title: str, language: str) -> bool:
    """False only if an extractor of the title finds no statement there. A title sentence
    is a headline: it yields one only through a headline form, a quotation, a construction
    of _special (_special_hint of a sentence holds for the title holding it: its tests look
    for words and unanchored regexes), a document verb with "that" or "que", a speech cue
    (whose first word the cue index finds) or an interview turn. Without quotation marks the
    masked title is the title."""
    if any(c in title for c in _MARK_CHARS) or any(c in title for c in _TITLE_FORM_CHARS):
        return True
    if "that" in title or "que" in title or _special_hint(title):
        return True
    return bool(_CueIndex(_lexicon(language), title, title).starts)


def find_statements(
    text: str,
    *,
    language: str = "en",
    title: str | None = None,
    published: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """Statements in one article's text (and title), as dicts with the statement columns.

    Each dict has speaker, speaker_mention, speaker_role, speaker_org, speaker_country, kind
    (direct/indirect/partial), quote, cue, start, end, field ("text" or "title": where the
    offsets point) and sentence. A statement repeated verbatim (headline and body, a
    standfirst repeating a paragraph) is reported once. ``published`` (the article's date)
    picks, for people in the speakers registry, the role they held that day ("the Secretary of
    State" in 2023 and in 2025 are two people); without it, their current role is used.
    """
    text = text if isinstance(text, str) else ""
    language = language.lower()[:2] if isinstance(language, str) and language else "en"
    day = as_date(published)
    ex = _Extractor(
        text, language, "text", published=day, title=title if isinstance(title, str) else None
    )
    rows = _finish(ex.run(), text)
    keys = [_row_key(r) for r in rows]  # once per row: a quote's fold is not cached
    if isinstance(title, str) and title.strip() and (_EXACT or _title_may_say(title, language)):
        tex = _Extractor(title, language, "title", prior=ex.ctx.entities, published=day)
        title_rows = _finish(tex.run(), title)
        rows = title_rows + rows
        keys = [_row_key(r) for r in title_rows] + keys
        # the headline repeated as the first line of the text: keep the text's copy
        text_keys = {k for r, k in zip(rows, keys, strict=True) if r["field"] == "text"}
        kept = [i for i, r in enumerate(rows) if r["field"] == "text" or keys[i] not in text_keys]
        rows = [rows[i] for i in kept]
        keys = [keys[i] for i in kept]
    return _expand_joint(_dedupe(rows, keys))


def extract_statements(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per statement for every article of an articles frame."""
    from analysis.pipeline import extract

    return extract(articles, events=False)[0]
