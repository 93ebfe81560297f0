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
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from tracker.model import Claim

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
# "reduce coal-fired fine dusts by 90%": the verb's object is what changes.
CHANGED_BY = re.compile(
    r"\b(?:reduce[sd]?|reducing|cut(?:s|ting)?|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
    r"increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|expand(?:s|ed|ing)?|shrink(?:s|ing)?|"
    r"shrank|grow(?:s|ing)?|grew|lift(?:s|ed|ing)?|trim(?:s|med|ming)?|slash(?:es|ed|ing)?|"
    r"double[sd]?|increase)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?"
    r"((?:[\w’'-]+\s+){0,3}?[\w-]+)\s+by\s+(?:(?:about|around|nearly|almost|some|"
    r"more\s+than|up\s+to|as\s+much\s+as|at\s+least|an?\s+)\s*)*\Z"
)
# "increase solar module efficiency from around 20% now to 24%", "valuation slashed from".
FROM_BEFORE = re.compile(
    r"(?:\b(?:increase|raise|cut|reduce|lift|boost|lower)\s+(?:the\s+|its\s+|their\s+)?"
    r"((?:[a-z][\w-]*\s+){0,5}?[a-z][\w-]*)|\b((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:slashed|cut|raised|increased|"
    r"reduced|lowered|lifted|trimmed))\s+from\s+(?:(?:about|around|nearly|almost|some)\s+)?\Z"
)
# After an amount: "in cash reserves", "of cell capacity", "worth of Chinese goods", "of
# the 12 cities"; a parenthesis with another unit may stand between ("2 inches (50.8 mm) of").
OF_AFTER = re.compile(
    r"(?:\s*\([^)]{1,40}\))?,?\s+(worth\s+of|of|in)\s+"
    r"(?:(?:the|those|these|their|its|his|her|our|all)\s+|[\w-]+['’]s?\s+)?"
    r"(?:\d[\d,.]*\s+|(?:two|three|four|five|six|seven|eight|nine|ten|dozen)\s+)?"
    r"((?:[\w’'-]+\s+){0,3}[\w’'-]+)"
)
OF_STOP = {"about", "with", "by", "from", "into", "per", "that", "which", "who", "were", "was",
           "are", "is", "had", "have", "has", "will", "would", "can", "in", "on", "at", "to",
           "for", "and", "or", "but", "as", "if", "so", "than", "over", "under", "after",
           "before", "since", "during", "including", "between", "among", "across"}  # fmt: skip
# What joins two figures of one measure: a parenthesis, "or", a range.
LINK = re.compile(r"\s*\(\s*|\)?,?\s+or\s+|\s*(?:to|-|–|and)\s*(?:around\s+|about\s+)?")
TRADED = {"crude", "oil", "gold", "silver", "copper", "aluminum", "aluminium", "nickel", "zinc",
          "brent", "wheat", "corn", "soybeans", "bitcoin", "dollar", "euro", "yen", "sterling",
          "yuan", "rupee", "peso", "rand", "lira", "index", "bond", "bonds", "notes", "futures",
          "spot", "gilt", "gilts", "treasuries"}  # fmt: skip
STOCK_WORDS = {"stock", "stocks", "shares", "share", "share price", "stock price"}
# "cases reported", "cases of plague have been diagnosed", "illnesses were confirmed".
PARTICIPLE_AFTER = re.compile(
    r"(?:\s+of\s+[a-z]+)?(?:\s+(?:have|has|had)\s+been|\s+(?:were|was|are|is)(?:\s+being)?)?"
    r"(?:\s+(?:initially|later|also|first))?\s+([a-z]{3,}ed)\b(?!\s+(?:to|by)\b)"
)
NOT_PARTICIPLE = {"need", "used", "based", "related", "expected", "planned", "aimed", "seed",
                  "speed", "feed", "bred", "shed", "hundred", "red"}  # fmt: skip
# A count's noun after names or numbers: "nine US companies", "150 Indians returned".
NAMED_COUNT = re.compile(r"\s+((?:[A-Z0-9][\w.&-]*\s+){0,2}[A-Z0-9][\w.&-]*)(?:\s+([a-z][a-z-]+))?")
PER_SHARE = re.compile(r"\s+(?:a|per)\s+share\b")
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
    "operating income": "operating profit", "ebit": "operating profit", "sale": "revenue",
    "net sale": "revenue", "restructuring charge": "restructuring cost", "position": "job",
}  # fmt: skip
# Words before a metric that only say who expects it or that it is counted: "the company expects
# revenue", "the number of measles cases".
COUNTED = re.compile(
    r"^(?:(?:company |firm |group |government |agency |it )?"
    r"(?:expect|forecast|see|project|estimate|predict|plan|target)s? )?"  # "the company expects"
    r"(?:total |number |count |amount |level |tally )*"
)


@lru_cache(maxsize=4096)  # metrics repeat within and across articles
def canonical_metric(normalized: str) -> str:
    """One form for a normalized metric that news also words otherwise."""
    if not normalized:
        return normalized
    normalized = COUNTED.sub("", normalized) or normalized
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
    if kind == "count" and metric and not set(metric.split()) <= TRADED:
        return _with_participle(sentence, end, metric)  # what is counted, even if the entity
    near = before[-30:]
    if kind == "percent" and metric in STOCK_WORDS and MOVE_BEFORE.search(near):
        return "share price change"  # "the stock was down 5%"
    if before.split()[-1:] and before.split()[-1] in STRONG:
        return VERB_NOUNS[before.split()[-1]]  # "rose to yield 4.1%"
    if metric and not _only_entity(metric, entity):
        return metric
    share = _share(sentence, end, kind)
    if share:
        return share
    if kind == "percent" and MOVE_BEFORE.search(near):
        return "change"  # "Copper rose 0.86%", "down 2.74% on the day"
    found = _verb_noun(sentence, start, end, before)
    if found:
        return found
    if kind == "currency" and TRADED_AT.search(near) and MOVE.search(before):
        per = PER_UNIT.match(sentence, end)
        return f"price per {per.group(1)}" if per else "price"  # "rose 0.9% to $5,880 a tonne"
    return (
        _named_count(sentence, end, kind)
        or _changed_by(sentence, start, kind)
        or _of_after(sentence, end, kind)
        or _from_to(sentence, start)
        or _noun_after(sentence, end)
        or _per_share(sentence, end, kind)
        or metric
    )


def _with_participle(sentence: str, end: int, counted: str) -> str:
    """What happened to the things counted: "3,248 cases reported", "Three cases of plague
    have been diagnosed", "two illnesses were confirmed" -> "cases diagnosed"."""
    at = sentence.find(counted.split()[-1], end)
    if at < 0 or at - end > 30:
        return counted
    found = PARTICIPLE_AFTER.match(sentence, at + len(counted.split()[-1]))
    if found is None or found.group(1) in NOT_PARTICIPLE:
        return counted
    return f"{counted} {found.group(1)}"


ESTIMATE_NEXT = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:estimates?|forecasts?|consensus|expectations?|projections?)\b"
)


def estimated(sentence: str, end: int, metric: str | None) -> str | None:
    """ "beating the $7.6 billion average estimate": analysts' figure for the metric, not the
    metric itself, so a later article's actual figure is never compared with it."""
    if metric and ESTIMATE_NEXT.match(sentence, end) and not metric.endswith("estimate"):
        return f"{metric} estimate"
    return metric


def share_metrics(text: str, claims: list[Claim], key: Callable[..., str]) -> list[Claim]:
    """A figure without a metric takes the one of the figure it restates or pairs with:
    "3,200 miles (5,150 km)", "0.25 percent or $63.1 billion", "40 to 80 percent",
    "$40-50 billion", "from 23% to 35%". ``key`` makes the claim key again."""
    claims = list(claims)
    for index in range(len(claims) - 1):
        first, second = claims[index], claims[index + 1]
        if first.sentence_start != second.sentence_start:
            continue
        if bool(first.metric) == bool(second.metric):
            continue
        if not LINK.fullmatch(text, first.end, second.start):
            continue
        at, metric = (index, second.metric) if second.metric else (index + 1, first.metric)
        empty = claims[at]
        claims[at] = replace(
            empty,
            metric=metric,
            subject=" ".join(p for p in (empty.entity, metric) if p) or None,
            key=key(empty.entity, metric, empty.unit, empty.period),
        )
    return claims


def _named_count(sentence: str, end: int, kind: str) -> str | None:
    """ "nine US companies", "five 787 Dreamliner sales", "150 Indians returned": what a
    count counts when names or numbers qualify it."""
    if kind != "count":
        return None
    found = NAMED_COUNT.match(sentence, end)
    if found is None:
        return None
    noun = found.group(2)
    if noun is not None and (noun in NOT_MEASURE or noun.endswith(("ed", "ly"))):
        noun = None
    if noun is None:
        words = found.group(1).split()
        return words[-1] if len(words) == 1 and words[0].endswith("s") else None
    return f"{found.group(1).strip()} {noun}"


def _changed_by(sentence: str, start: int, kind: str) -> str | None:
    """ "reduce coal-fired fine dust by 90%", "boosted school spending by 2.5%": what the
    verb changes."""
    if kind not in ("percent", "multiple", "currency", "count", "quantity"):
        return None
    if " by " not in sentence[max(0, start - 30) : start]:
        return None
    found = CHANGED_BY.search(sentence, max(0, start - 80), start)
    return _lower_phrase(found.group(1)) if found else None


def _from_to(sentence: str, start: int) -> str | None:
    """ "increase module efficiency from around 20% to 24%", "valuation slashed from $47
    billion": the noun phrase before the verb or "from"."""
    if "from" not in sentence[max(0, start - 25) : start]:
        return None
    found = FROM_BEFORE.search(sentence, max(0, start - 90), start)
    return _lower_phrase(found.group(1) or found.group(2)) if found else None


def _lower_phrase(phrase: str) -> str | None:
    words = [w for w in phrase.split() if w.lower() not in NOT_MEASURE]
    words = [w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words]
    return " ".join(words[-4:]) or None


def _of_after(sentence: str, end: int, kind: str) -> str | None:
    """ "$2 billion in cash reserves", "3.7 GW of cell capacity", "11 of the 12 cities",
    "$125 billion worth of Chinese goods": the noun phrase the amount is of."""
    found = OF_AFTER.match(sentence, end)
    if found is None or (found.group(1) == "in" and kind != "currency"):
        return None
    words: list[str] = []
    for word in found.group(2).split():
        low = word.lower()
        if (
            low in NOT_MEASURE
            or low in OF_STOP
            or (words and word[:1].isupper() and not low.endswith(("an", "ese", "ish")))
        ):
            break
        if word[:1].isupper() and not words and found.group(1) == "in":
            return None  # "$5 billion in Texas": a place, not a measure
        words.append(word if word.isupper() else low)
    return " ".join(words) or None


def _per_share(sentence: str, end: int, kind: str) -> str | None:
    """ "$13 a share": the price of one share."""
    if kind == "currency" and PER_SHARE.match(sentence, end):
        return "price per share"
    return None


def _only_entity(metric: str, entity: str | None) -> bool:
    words = set(metric.lower().split())
    if words <= TRADED:
        return True  # "U.S. crude fell 3.4%": the thing traded, whose price moves
    if not entity:
        return False
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
    verb = VERB_BEFORE.search(before[-45:])
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
