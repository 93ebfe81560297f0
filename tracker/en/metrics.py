"""What an English figure measures when ``metric_of`` finds no noun phrase before it.

``metric_of`` (tracker.en.subject) reads the noun phrase a figure is "of", the subject of
its verb or the thing a count counts. Many figures name their measure otherwise: a verb
("earned $2.8 billion": earnings), a noun right after them ("a $3 billion buyout", "a
$9.99 monthly rate"), a share of something ("40 percent of the region's pollution"), or a
market's move ("Copper rose 0.9% to $5,880 a tonne": change, price per tonne). These rules
fill such metrics in the text's words; ``canonical_metric`` maps the words news uses for
one measure to a single form for the claim key ("jobless rate" = "unemployment rate").
"""

from __future__ import annotations

import re
from functools import lru_cache

# A verb before a figure names its measure: "earned $2.8 billion" -> earnings.
VERB_NOUNS = {
    "earned": "earnings", "earns": "earnings", "earn": "earnings", "sold": "sales",
    "sells": "sales", "spent": "spending", "spends": "spending", "spend": "spending",
    "paid": "payment", "pays": "payment", "pay": "payment", "raised": "proceeds",
    "raise": "proceeds", "raises": "proceeds", "lost": "loss", "loses": "loss",
    "invested": "investment", "invest": "investment", "invests": "investment",
    "borrowed": "borrowing", "borrow": "borrowing", "inject": "injection",
    "injected": "injection", "owes": "debt", "owed": "debt", "hired": "hires",
    "exported": "exports", "imported": "imports", "produced": "production",
    "produces": "production", "generated": "revenue", "booked": "revenue",
    "valued": "value", "priced": "price", "cost": "cost", "costs": "cost",
    "charge": "charge", "charged": "charge", "bid": "bid", "offered": "offer",
    "received": "receipts", "collected": "collections", "given": "payment",
    "gave": "payment", "donated": "donation", "cut": "cut", "yield": "yield",
    "yielding": "yield", "employs": "employees", "employed": "employees",
}  # fmt: skip
VERB_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:(?:up\s+to|about|around|nearly|almost|roughly|some|more\s+than|"
    r"less\s+than|at\s+least|at|a\s+total\s+of|an?\s+estimated|another|just|only|over)\s+)*"
    r"(?:\S*\d\S*(?:\s+(?:[mb]illion|trillion))?,\s+or\s+)?\Z"  # "earned $2.8 billion, or"
)
# Words right before a figure that name it whatever else the sentence says.
STRONG = {"yield", "yielding"}
# Words that are no measure after a figure.
NOT_MEASURE = {"a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "by", "and", "or",
               "but", "with", "than", "per", "each", "this", "that", "which", "who", "as",
               "year", "years", "month", "months", "week", "weeks", "day", "days", "ago",
               "earlier", "later", "more", "less", "higher", "lower", "up", "down", "times",
               "percent", "cent", "points", "point", "is", "was", "were", "are", "will",
               "would", "has", "have", "had", "be", "been", "it", "its", "their", "so",
               "over", "under", "into", "since", "after", "before", "when", "while", "if",
               "now", "today", "last", "next", "compared", "according", "said", "says",
               "worth", "dollar", "dollars", "euros", "pounds", "yen", "yuan", "rupees",
               "lakh", "crore", "million", "billion", "trillion", "thousand", "hundred",
               "not", "no", "about", "around", "almost", "nearly", "just", "only", "say",
               "want", "wants", "think", "thinks", "they", "we", "can", "could", "may",
               "might", "should", "against", "versus", "vs", "one", "two", "three", "four",
               "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
               "thirty", "fifty", "dozen", "dozens", "hundreds", "thousands", "millions"}  # fmt: skip
PERIODIC = {"monthly", "yearly", "quarterly", "weekly", "daily", "hourly", "early"}
NOUN_AFTER = re.compile(r"\s*(?:[-–]\s*)?((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)")
SHARE_OF = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:(?:this|last|next|the)\s+(?:year|month|quarter|week)['’]s\s+)?"  # "this year's"
    r"(?:(?:expected|estimated|projected|planned|forecast|total|annual)\s+)?"
    r"((?:[\w’'-]+\s+){0,2}[a-z][\w-]*)"
)
PER_UNIT = re.compile(r"\s+(?:per|a|an)\s+(barrel|ounce|tonne|ton|share|gallon|litre|liter|"
                      r"kilogram|pound|bushel|megawatt-hour|kilowatt-hour|unit|night|month)\b")  # fmt: skip
_MOVES = (
    r"rose|fell|gained|lost|added|shed|climbed|dropped|jumped|slipped|slid|eased|edged|"
    r"firmed|weakened|strengthened|rallied|tumbled|sank|advanced|retreated|closed|ended|"
    r"finished|surged|plunged|soared|dipped|declined|increased|decreased|grew|shrank"
)
MOVE = re.compile(rf"\b(?:{_MOVES})\b")
# A move right before a percentage: "rose 0.86%", "down 2.74%", "fell 102.2 points, or 0.36%".
MOVE_BEFORE = re.compile(
    rf"(?:\b(?:{_MOVES}|(?<!make\s)(?<!made\s)(?<!makes\s)up|down)\s+(?:by\s+)?(?:(?:about|nearly|some|just|almost|roughly)\s+)?"
    r"|\bpoints?,?\s+or\s+)\Z"
)
TRADED_AT = re.compile(r"\b(?:to|at|was\s+at|last\s+at|trading\s+at|closed\s+at)\s+\Z")
FRACTION_WORDS = re.compile(r"(?:a|one|two)?[\s-]*(?:half|third|quarter|fifth|tenth)s?$", re.I)

# Words news uses for one measure, mapped to one form for the claim key.
SYNONYMS = {
    "jobless rate": "unemployment rate", "joblessness": "unemployment rate",
    "unemployment": "unemployment rate", "turnover": "revenue", "revenues": "revenue",
    "sales revenue": "revenue", "top line": "revenue", "earnings per share": "eps",
    "diluted earnings per share": "eps", "earnings per diluted share": "eps",
    "net profit": "net income", "net earnings": "net income", "bottom line": "net income",
    "profit after tax": "net income", "capex": "capital expenditure",
    "capital spending": "capital expenditure", "gross domestic product": "gdp",
    "economic growth": "gdp growth", "consumer price index": "cpi",
    "inflation rate": "inflation", "consumer price inflation": "inflation",
    "headcount": "employees", "workforce": "employees", "staff": "employees",
    "payrolls": "jobs", "stock price": "share price", "market capitalisation": "market value",
    "market capitalization": "market value", "market cap": "market value",
    "operating income": "operating profit", "ebit": "operating profit",
}  # fmt: skip


@lru_cache(maxsize=4096)  # metrics repeat within and across articles
def canonical_metric(normalized: str) -> str:
    """One form for a normalized metric that news also words otherwise."""
    if not normalized:
        return normalized
    whole = SYNONYMS.get(normalized)
    if whole is not None:
        return whole
    for words, canonical in SYNONYMS.items():
        if " " in words and f" {words} " in f" {normalized} ":
            return f" {normalized} ".replace(f" {words} ", f" {canonical} ").strip()
    return normalized


def refine_metric(sentence: str, start: int, end: int, kind: str, metric: str | None,
                  entity: str | None) -> str | None:  # fmt: skip
    """The metric of a figure at ``start``..``end`` when ``metric`` is missing or only
    repeats the entity ("The dollar index rose 0.05%": change, not "dollar index")."""
    before = sentence[max(0, start - 60) : start]
    if before.split()[-1:] and before.split()[-1] in STRONG:
        return VERB_NOUNS[before.split()[-1]]  # "rose to yield 4.1%"
    if metric and not _only_entity(metric, entity):
        return metric
    share = _share(sentence, end, kind)
    if share:
        return share
    if kind == "percent" and MOVE_BEFORE.search(before):
        return "change"  # "Copper rose 0.86%", "down 2.74% on the day"
    found = _verb_noun(sentence, start, end, before)
    if found:
        return found
    if kind == "currency" and TRADED_AT.search(before) and MOVE.search(before):
        per = PER_UNIT.match(sentence, end)
        return f"price per {per.group(1)}" if per else "price"  # "rose 0.9% to $5,880 a tonne"
    return _noun_after(sentence, end) or metric


def _only_entity(metric: str, entity: str | None) -> bool:
    if not entity:
        return False
    words = set(metric.lower().split())
    return words <= set(entity.lower().replace("’s", "").replace("'s", "").split())


def _share(sentence: str, end: int, kind: str) -> str | None:
    """ "40 to 80 percent of the region's total pollution": share of that."""
    if kind != "percent" and not FRACTION_WORDS.search(sentence[max(0, end - 12) : end]):
        return None
    found = SHARE_OF.match(sentence, end)
    if found is None:
        return None
    words = found.group(1).split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in NOT_MEASURE), len(words))
    words = words[:cut]
    while words and words[-1].lower() in NOT_MEASURE:
        words.pop()
    return "share of " + " ".join(words) if words else None


def _verb_noun(sentence: str, start: int, end: int, before: str) -> str | None:
    """ "earned $2.8 billion, or $2.53 per diluted share": earnings (per diluted share)."""
    verb = VERB_BEFORE.search(before)
    if verb is None or verb.group(1) not in VERB_NOUNS:
        return None
    noun = VERB_NOUNS[verb.group(1)]
    per = re.match(r"\s+(?:per|a)\s+((?:[a-z]+\s+)?share)\b", sentence[end:])
    return f"{noun} per {per.group(1)}" if per else noun


def _noun_after(sentence: str, end: int) -> str | None:
    """ "a $3 billion buyout of existing shareholders": buyout; "a $9.99 monthly rate"."""
    found = NOUN_AFTER.match(sentence, end)
    if found is None:
        return None
    words: list[str] = []
    for word in found.group(1).split():
        if word in NOT_MEASURE or word.endswith("ly") and word not in PERIODIC:
            break
        words.append(word)
    return " ".join(words) or None
