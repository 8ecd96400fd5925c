"""Statements on the team-written held-out articles (tests/heldout/*.json, gold format of the
project's scorer): every gold statement is found with the right speaker, and nothing else is
reported. The pairing rules mirror the scorer's (word overlap of at least half the longer
quote; speakers agree on the surname, and on the first initial when both give one) but are
written here so the test needs nothing outside the project.

The articles were written for this test and are not the dev corpus; see tests/heldout/README.md
for how they were made and the figures measured with the real scorer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from analysis.statements import find_statements

HELDOUT = Path(__file__).resolve().parent / "heldout"
FILES = sorted(HELDOUT.glob("*.json"))

# Gold statements the extractor is known to miss (file stem, start of the quote): constructions
# left for later, listed in tests/heldout/README.md. Keep this list short and honest.
KNOWN_MISSES = {
    ("h41-europapress-rutte-otan", "reforzar la disuasión nuclear"),  # "X defiende + infinitive"
    # "El gobierno ruso sostiene que A. Así lo dijo Peskov": the same words are attributed to
    # Peskov (the whole sentence); overlapping statements of one kind are reported once
    ("h71-bbcmundo-experta-dijo-a", "Washington es el único responsable"),
    # "el diplomático argentino" for an official whose registered role is not diplomatic
    ("h97-prensalatina-grossi-oiea", "la ausencia de límites verificables"),
    # "STRATCOM chief tells ...": a headline role whose holder's role in the text ("the
    # commander of U.S. Strategic Command, Gen.") has none of the role noun's words
    ("h155-defensenews-cotton-testimony", "China's buildup is"),
}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9 ]+", " ", s).strip()


def _translit(word: str) -> str:
    for a, b in (("iy", "y"), ("ia", "ya"), ("ye", "e"), ("sergei", "sergey"), ("ei", "ey")):
        word = word.replace(a, b)
    return word


def same_speaker(gold: str, pred: str | None) -> bool:
    g, p = _fold(gold), _fold(pred or "")
    if not p:
        return False
    if g == p:
        return True
    gt, pt = g.split(), p.split()
    if _translit(gt[-1]) == _translit(pt[-1]) and len(gt[-1]) > 2:
        if len(gt) > 1 and len(pt) > 1:
            return _translit(gt[0])[0] == _translit(pt[0])[0]
        return True
    return SequenceMatcher(None, g, p).ratio() >= 0.85


def overlap(a: str, b: str) -> float:
    wa, wb = _fold(a).split(), _fold(b).split()
    if not wa or not wb:
        return 0.0
    pool: dict[str, int] = {}
    for w in wb:
        pool[w] = pool.get(w, 0) + 1
    common = 0
    for w in wa:
        if pool.get(w, 0):
            pool[w] -= 1
            common += 1
    return common / max(len(wa), len(wb))


def pair(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs of quotes that overlap by at least half, best first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = overlap(g["quote"], p["quote"])
            if s >= 0.5:
                cands.append((s, i, j))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def test_the_matching_rules_can_fail():
    assert same_speaker("Sergey Ryabkov", "Sergei Riabkov")
    assert not same_speaker("Sergey Lavrov", "Sergey Ryabkov")
    assert not same_speaker("Mao Ning", "Mao")
    assert overlap("the treaty is dead", "the treaty is dead now") >= 0.5
    assert overlap("the treaty is dead", "talks will resume in Geneva") < 0.5


def test_the_heldout_corpus_is_there():
    assert len(FILES) >= 16
    languages = [json.loads(f.read_text(encoding="utf-8"))["language"] for f in FILES]
    assert languages.count("es") >= 5


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_heldout_article(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    for st in doc["statements"]:
        assert st["quote"] in doc["text"], f"gold quote not in the text: {st['quote'][:60]}"
    found = find_statements(
        doc["text"], language=doc["language"], title=doc["title"], published=doc["published"]
    )
    gold = doc["statements"]
    pairs = pair(gold, found)
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    known = {q for stem, q in KNOWN_MISSES if stem == path.stem}
    missed = [
        g["quote"][:70]
        for i, g in enumerate(gold)
        if i not in paired_gold and not any(g["quote"].startswith(q) for q in known)
    ]
    wrong = [
        (gold[i]["speaker"], found[j]["speaker"], gold[i]["quote"][:50])
        for i, j in pairs
        if not same_speaker(gold[i]["speaker"], found[j]["speaker"])
    ]
    spurious = [
        (p["speaker"], p["quote"][:70]) for j, p in enumerate(found) if j not in paired_pred
    ]
    assert not missed, f"missed: {missed}"
    assert not wrong, f"wrong speaker (gold, found, quote): {wrong}"
    assert not spurious, f"spurious: {spurious}"
