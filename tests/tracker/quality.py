"""Scores extractions against gold-schema articles (the rules of ../shared/eval/score_claims.py).

A predicted claim matches an unused gold claim with the same value (0.5% tolerance) and unit
whose sentence holds it; attribution counts matched claims where either side has a source;
source names match when one's tokens contain the other's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import tracker

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "en"


def _tokens(name: str | None) -> set[str]:
    name = unicodedata.normalize("NFKC", name or "").casefold()
    name = re.sub(r"\b(mr|mrs|ms|dr|prof)\.?\s+", "", name)
    return set(re.findall(r"\w+", name))


def same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    left, right = _tokens(a), _tokens(b)
    return bool(left) and bool(right) and (left <= right or right <= left)


def _same_value(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 0.005 * max(abs(a), abs(b))


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attributed: int = 0
    attributed_right: int = 0
    sources_gold: int = 0
    sources_predicted: int = 0
    sources_found: int = 0
    sources_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribution(self) -> float:
        return self.attributed_right / self.attributed if self.attributed else 0.0

    @property
    def sources_f1(self) -> float:
        p = self.sources_right / self.sources_predicted if self.sources_predicted else 0.0
        r = self.sources_found / self.sources_gold if self.sources_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_article(gold: dict, score: Score) -> None:
    text = gold["text"]
    found = tracker.extract(text, published=gold.get("published"), language="en")
    spans = []
    for claim in gold["claims"]:
        start = text.find(claim["sentence"])
        spans.append((start, start + len(claim["sentence"])))
    used: set[int] = set()
    for claim in found.claims:
        for index, expected in enumerate(gold["claims"]):
            left, right = spans[index]
            if index in used or expected["unit"] != claim.unit:
                continue
            if not _same_value(float(expected["value"]), claim.value):
                continue
            if left <= claim.start and claim.end <= right:
                used.add(index)
                score.matched += 1
                if expected.get("source") or claim.source:
                    score.attributed += 1
                    score.attributed_right += same_name(expected.get("source"), claim.source)
                break
    score.gold += len(gold["claims"])
    score.predicted += len(found.claims)
    names = [s["name"] for s in gold["sources"]]
    predicted = [s.name for s in found.sources]
    score.sources_gold += len(names)
    score.sources_predicted += len(predicted)
    score.sources_found += sum(any(same_name(n, p) for p in predicted) for n in names)
    score.sources_right += sum(any(same_name(n, p) for n in names) for p in predicted)


def score_folder(folder: Path = FIXTURES) -> Score:
    score = Score()
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "claims" in gold and gold.get("language", "en") == "en":
            score_article(gold, score)
    return score
