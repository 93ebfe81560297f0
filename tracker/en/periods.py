"""Periods of English figures: years, quarters, halves, months, days, fiscal years and spans,
relative ones ("last year", "the fourth quarter", "on Tuesday") resolved against the
article's date. A dateline or the publication date alone is no period.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker import lexicon as lx
from tracker.en.subject import MARKET_WORDS, normalize
from tracker.en.text import DATELINE

TIME_HINT = re.compile(  # the lookahead lets the scan skip most positions at once
    r"(?=[\dyshqQmwMTWFSJADNO])(?:\d{4}|year|season|quarter|half|Q[1-4]|month|week|"
    r"[MTWFS][a-z]+day\b|" + "|".join(m.capitalize() for m in lx.MONTHS) + ")"
)
YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?![/-]\d)")
RELATIVE = re.compile(
    r"\b(?:(last|this|next|the\s+past|the\s+current|a)\s+"
    r"(year|season|fiscal\s+year|financial\s+year)(?:['’]s)?(?:\s+(earlier|ago|before))?)\b",
    re.I,
)
_MONTH_NAMES = "|".join(m.capitalize() for m in lx.MONTHS if len(m) > 3)
FISCAL = re.compile(
    rf"\b(?:fiscal|financial|business)\s+year\s+(?:ending|ended|that\s+ends|to)\s+(?:in\s+)?({_MONTH_NAMES})"
    r"(?:\s+(?:[1-9]|[12]\d|3[01])\b)?(?!,?\s+\d)"  # "ending June 30"; "ending June 2025" is MONTH_YEAR
)
FISCAL_BEFORE = re.compile(r"year\s+(?:ending|ended|that\s+ends|to)\s+(?:in\s+)?\Z")
QUARTER = re.compile(r"\b(first|second|third|fourth)[- ]quarter\b|\bQ([1-4])\b", re.I)
MONTHS_OF_YEAR = re.compile(
    r"\b(?:first|last|past)\s+(?:\w+\s+)?months\s+of\s+(?:the|this)\s+year\b", re.I
)
HALF = re.compile(r"\b(first|second)\s+half\b(?:\s+of\s+((?:19|20)\d\d)\b)?", re.I)
_MONTHS_FULL = "|".join(m.capitalize() for m in lx.MONTHS if len(m) > 3 or m == "may")
# A month named after "in", "as of", "the", "early" ("in May" too: after "in" it is no modal
# verb): found by its name, then the words before it are checked.
MONTH_NAME = re.compile(rf"\b({_MONTHS_FULL})\b(?!\s+\d)")
MONTH_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Ff]or|[Dd]uring|[Aa]s\s+of|[Tt]hrough|[Ss]ince|[Uu]ntil|[Tt]he|[Ee]arly|[Ll]ate|"
    r"[Mm]id-?|[Tt]his\s+past)\s+(?:(?:early|late|mid-?)\s*)?\Z"
)
# "May 2019", "in November 2018": a month of a named year.
MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES}|May)\.?,?\s+((?:19|20)\d\d)\b")
# "between 2010 and 2015", "from 2008 to 2016", "2016-2018": a span of years.
YEAR_SPAN = re.compile(
    r"\b(?i:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|through)\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)[-–]((?:19|20)?\d\d)\b"
)
# "the first seven months of the year": January to the seventh month.
FIRST_MONTHS = re.compile(
    r"\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+of\s+"
    r"(?:the|this)\s+year\b",
    re.I,
)
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip
# "fiscal year 2019", "fiscal 2019", "FY2019": the fiscal year by the year it ends in.
FISCAL_YEAR = re.compile(r"\b(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*((?:19|20)\d\d)\b")
# "last month", "this month", "year to date": told from the article's date.
NEAR = re.compile(
    r"\b(?:(last|this|previous)\s+(month)|(year)[- ]to[- ]date|so\s+far\s+this\s+(year))\b",
    re.I,
)
ON_THE_DAY = re.compile(r"\bon\s+the\s+day\b")
# The year before the sentence's own period: "$19.5 billion the previous year".
PREVIOUS_YEAR = re.compile(r"\bthe\s+(?:previous|prior|preceding)\s+(year|month)\b", re.I)
# A weekday names the day of its week on or before the article's date ("on Tuesday").
WEEKDAY_ANY = re.compile(
    r"\b(?:(last|next|this)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A date that only labels a noun: "in a Nov. 5 letter", "an Oct. 21 cabinet meeting".
LABEL_DATE = re.compile(r"\b(?:a|an)\s+\Z")
# A day's date: "on Sept. 18", "October 3, 2024"; the figure is of that month.
DAY_DATE = re.compile(
    rf"\b({'|'.join(m.capitalize() for m in sorted(lx.MONTHS, key=len, reverse=True))})\.?"
    r"\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?!\s*%|[.,]\d|\s*(?:percent|per\s+cent))"
    r"(?:,?\s+((?:19|20)\d\d)\b)?"
)
PAST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|was|were|had|did|rose|fell|grew|began|made|paid|sold|took|came|went|"
    r"saw|won|lost|spent|held)\b"
)
PREVIOUS_MARK = "<"
FUTURE = re.compile(
    r"\b(?:will|could|would|might|may|(?:is|are)\s+(?:set|due|expected|scheduled|poised|likely)"
    r"\s+to|plans?\s+to|planned\s+to|aims?\s+to|expects?\s+to|going\s+to|scheduled|upcoming)\b"
)
PREVIOUS = re.compile(r"\ba\s+(year|month|week)(?:\s+|-)(?:earlier|ago|before)\b", re.I)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(?:on|On)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
ORDINAL_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _quarter_period(number: int, year: int | None, published: date | None) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        if number > (published.month - 1) // 3 + 1:
            year -= 1  # "the fourth quarter" told in January is last year's
    return f"{year}-Q{number}"


def period_of(sentence: str, offset: int, published: date | None) -> str | None:
    """The period a claim at ``offset`` in ``sentence`` speaks of, nearest expression first."""
    return nearest_period(time_expressions(sentence, published), offset)


FISCAL_CONTEXT = re.compile(
    r"\b(?:annual|full[- ]year|(?:the|this)\s+(?:fiscal|financial)\s+year)\b"
)


def fiscal_years(text: str, published: date | None) -> list[tuple[int, str]]:
    """(offset, "FY2025") of every "fiscal year ending in March" of a whole text."""
    if published is None or "year" not in text:
        return []
    if "iscal" not in text and "inancial" not in text and "usiness" not in text:
        return []  # the pattern's first words: a cheap test before scanning the whole text
    return [(m.start(), _fiscal_period(m, published)) for m in FISCAL.finditer(text)]


def _fiscal_period(match: re.Match[str], published: date) -> str:
    month = lx.MONTHS[match.group(1).lower()]
    year = published.year + (1 if month < published.month else 0)
    return f"FY{year}"  # the fiscal year ending that month, named by the year it ends in


def nearest_period(found: list[tuple[int, str]], offset: int, end: int | None = None,
                   published: date | None = None) -> str | None:  # fmt: skip
    """The period of the expression nearest ``offset``; one just after the figure is nearer.

    "from 13.9 GW a year earlier": a figure right before "a year earlier" (or "a year ago")
    gets the period before the sentence's own one; no other figure takes that marker.
    """
    own = [item for item in found if not item[1].startswith(PREVIOUS_MARK)]
    if end is not None:
        for at, mark in found:
            if mark.startswith(PREVIOUS_MARK) and 0 <= at - end <= 2:
                earlier = [item for item in own if item[0] < offset]
                base = nearest_period(earlier or own, offset) if own else None
                return _previous(base, mark[len(PREVIOUS_MARK) :], published)
    if not own:
        return None
    return min(own, key=lambda item: abs(item[0] - offset) + (0 if item[0] >= offset else 15))[1]


def _previous(base: str | None, unit: str, published: date | None) -> str | None:
    """The period one ``unit`` (year, month, week) before ``base`` (else the article's)."""
    if base is None:
        if published is None:
            return None
        base = {"year": str(published.year), "month": f"{published:%Y-%m}"}.get(
            unit, published.isoformat()
        )
    year = re.match(r"(?:FY)?(\d{4})", base)
    if unit == "year" and year is not None:
        return base.replace(year.group(1), str(int(year.group(1)) - 1), 1)
    if unit == "month" and re.fullmatch(r"\d{4}-\d{2}", base):
        number = int(base[:4]) * 12 + int(base[5:]) - 2
        return f"{number // 12}-{number % 12 + 1:02d}"
    if unit == "week" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", base):
        return (date.fromisoformat(base) - timedelta(days=7)).isoformat()
    return None


def market_day(sentence: str, metric: str | None, own_period: bool,
               published: date | None) -> str | None:  # fmt: skip
    """A day's market move ("shares rose 2.3% on Tuesday") is a figure of that day: the
    named weekday on or before the article's date, else the article's date."""
    words = set(normalize(metric).split()) if metric else set()
    moved = "change" in words or " price per " in f" {metric} "  # "rose 0.9% to $5,880 a tonne"
    if published is None or not MARKET_WORDS.intersection(words) and not moved:
        return None
    if " of " in f" {metric} " or "market share" in metric:
        return None  # "share of transit traffic", "a market share of 20%": not a market move
    weekday = WEEKDAY.search(sentence)
    if weekday is not None:
        back = (published.weekday() - WEEKDAYS.index(weekday.group(1).lower())) % 7
        return (published - timedelta(days=back)).isoformat()
    return None if own_period else published.isoformat()


def _month_period(sentence: str, at: int, month: int, published: date) -> str:
    """The month of a date without a year at ``at``: the coming one in a clause about the
    future ("fares will rise in March"), else the last one ("exports rose in March", "the
    deficit it forecast in December" after "will run a deficit of ...,")."""
    clause = re.split(r"[,;]", sentence[max(0, at - 80) : at])[-1]
    future = [m.end() for m in FUTURE.finditer(clause)]
    past = [m.end() for m in PAST_VERB.finditer(clause)]
    if future and (not past or future[-1] >= past[-1]):  # "would not match plans launched in"
        return f"{published.year + (1 if month < published.month else 0)}-{month:02d}"
    return f"{published.year - (1 if month > published.month else 0)}-{month:02d}"


def time_expressions(sentence: str, published: date | None) -> list[tuple[int, str]]:
    """(offset, period) of every year, quarter, half, month and relative year in a sentence."""
    found: list[tuple[int, str]] = []
    if not TIME_HINT.search(sentence):
        return found
    lowered = sentence.lower()  # cheap word checks skip patterns that cannot match
    years = [(m.start(), int(m.group(1))) for m in YEAR.finditer(sentence)]
    for match in QUARTER.finditer(sentence) if "quarter" in lowered or "q" in lowered else ():
        number = ORDINAL_NUM[match.group(1).lower()] if match.group(1) else int(match.group(2))
        near = [y for p, y in years if abs(p - match.start()) < 30]
        period = _quarter_period(number, near[0] if near else None, published)
        if period:
            found.append((match.start(), period))
    for match in HALF.finditer(sentence) if "half" in lowered else ():
        year = int(match.group(2)) if match.group(2) else published.year if published else None
        if match.group(2):  # "the first half of 2019": that year's half, not the year
            years = [(p, y) for p, y in years if not match.start() <= p < match.end()]
        if year:
            found.append(
                (match.start(), f"{year}-H{1 if match.group(1).lower() == 'first' else 2}")
            )
    if published is not None:
        months_of = "months" in lowered
        for match in MONTHS_OF_YEAR.finditer(sentence) if months_of else ():
            # "the first nine months of the year"
            first = FIRST_MONTHS.search(match.group())
            if first is not None:
                count = first.group(1).lower()
                months = int(count) if count.isdigit() else COUNT_WORDS[count]
                if 1 < months <= 12:
                    year = published.year
                    found.append((match.start(), f"{year}-01/{year}-{months:02d}"))
                    continue
            found.append((match.start(), str(published.year)))
        _more_expressions(sentence, published, found, years)
        for match in FISCAL.finditer(sentence) if " year " in lowered else ():
            found.append((match.start(), _fiscal_period(match, published)))
        yearly = "year" in lowered or "season" in lowered
        for match in RELATIVE.finditer(sentence) if yearly else ():
            which = re.sub(r"\s+", " ", match.group(1).lower())
            shift = {"last": -1, "this": 0, "next": 1, "the previous": -1, "the past": -1,
                     "the current": 0, "a": -1 if match.group(3) else 0}[which]  # fmt: skip
            if which == "a":
                continue  # "a year earlier": PREVIOUS below, relative to the sentence's period
            found.append((match.start(), str(published.year + shift)))
        for match in PREVIOUS.finditer(sentence) if "a " in lowered else ():
            found.append((match.start(), PREVIOUS_MARK + match.group(1).lower()))
        for name in MONTH_NAME.finditer(sentence):
            match = MONTH_BEFORE.search(sentence, max(0, name.start() - 20), name.start())
            if match is None:
                continue
            if FISCAL_BEFORE.search(sentence, max(0, match.start() - 30), match.start()):
                continue  # "the fiscal year ending in March" is not March
            month = lx.MONTHS[name.group(1).lower()]
            found.append((match.start(), _month_period(sentence, match.start(), month, published)))
        dateline = DATELINE.match(sentence)
        for match in DAY_DATE.finditer(sentence, dateline.end() if dateline else 0):
            # after a dateline ("SEOUL, Nov. 20 (Wire) —"), whose date is when it was filed
            if FISCAL_BEFORE.search(sentence, max(0, match.start() - 30), match.start()):
                continue  # "the fiscal year ending June 30": the fiscal year, found above
            if LABEL_DATE.search(sentence, max(0, match.start() - 4), match.start()):
                continue  # "in a Nov. 5 letter": when the letter was written
            month = lx.MONTHS[match.group(1).lower()]
            day = int(match.group(2))
            if match.group(3):
                year = int(match.group(3))
            else:
                year = int(_month_period(sentence, match.start(), month, published)[:4])
            try:
                found.append((match.start(), date(year, month, day).isoformat()))
            except ValueError:
                found.append((match.start(), f"{year}-{month:02d}"))
    found.extend((p, str(y)) for p, y in years)
    return _without_report_days(sentence, found)


# "the agency said on Friday": when the statement was made, not what the figure is about.
SPOKEN_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|noted|wrote|estimated|disclosed|revealed|"
    r"confirmed|released|published|issued)\s+(?:on\s+|late\s+|early\s+)?\Z"
)
SPOKEN_AFTER = re.compile(r"\s*,?\s+(?:said|says|told|announced|reported)\b")


def _without_report_days(sentence: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop weekdays that date a statement ("said on Friday"), and every weekday when the
    sentence names a month, quarter or year for its figures."""
    weekdays = []
    for at, _ in found:
        day = WEEKDAY_ANY.match(sentence, at)
        if day is not None:
            weekdays.append((at, day))
    if not weekdays:
        return found
    dropped = {
        at
        for at, day in weekdays
        if SPOKEN_BEFORE.search(sentence, max(0, at - 30), at)
        or SPOKEN_AFTER.match(sentence, day.end())
    }
    if len(weekdays) < len(found):
        dropped.update(at for at, _ in weekdays)
    return [(at, period) for at, period in found if at not in dropped]


def _more_expressions(sentence: str, published: date, found: list[tuple[int, str]],
                      years: list[tuple[int, int]]) -> None:  # fmt: skip
    """Months of named years, spans of years, fiscal years, nearby months and weeks,
    weekdays and "the previous year"; a year they contain is no period by itself."""
    taken: list[tuple[int, int]] = []
    for match in MONTH_YEAR.finditer(sentence) if years else ():
        month = lx.MONTHS[match.group(1).lower()]
        found.append((match.start(), f"{match.group(2)}-{month:02d}"))
        taken.append(match.span())
    for match in YEAR_SPAN.finditer(sentence) if years else ():
        first, last = match.group(1) or match.group(3), match.group(2) or match.group(4)
        if len(last) == 2:
            last = first[:2] + last
        if int(first) < int(last):
            found.append((match.start(), f"{first}/{last}"))
            taken.append(match.span())
    fiscal = years and ("iscal" in sentence or "FY" in sentence or "inancial" in sentence)
    for match in FISCAL_YEAR.finditer(sentence) if fiscal else ():
        found.append((match.start(), f"FY{match.group(1)}"))
        taken.append(match.span())
    near = "month" in sentence or "date" in sentence or "so far" in sentence
    for match in NEAR.finditer(sentence) if near else ():
        if match.group(3) or match.group(4):
            found.append((match.start(), str(published.year)))  # "year to date"
            continue
        back = 0 if match.group(1).lower() == "this" else 1
        found.append((match.start(), _month_back(published, back)))
    for match in ON_THE_DAY.finditer(sentence) if "day" in sentence else ():
        found.append((match.start(), published.isoformat()))  # a market's move "on the day"
    opening = PREVIOUS.match(sentence.lstrip("“\"' "))
    if opening is not None:  # "A year ago, NASA announced ...": before the article's date
        unit = opening.group(1).lower()
        back = {"year": str(published.year - 1), "month": _month_back(published, 1)}
        if unit in back:
            found.append((0, back[unit]))
    previous = "previous" in sentence or "prior" in sentence or "preceding" in sentence
    for match in PREVIOUS_YEAR.finditer(sentence) if previous else ():
        found.append((match.start(), PREVIOUS_MARK + match.group(1).lower()))
    for match in WEEKDAY_ANY.finditer(sentence) if "day" in sentence else ():
        weekday = WEEKDAYS.index(match.group(2).lower())
        back = (published.weekday() - weekday) % 7
        ahead = _ahead(sentence, match.start(), match.group(1))
        if ahead:
            day = published + timedelta(days=(weekday - published.weekday()) % 7)
        else:
            day = published - timedelta(
                days=back + (7 if match.group(1) == "last" and not back else 0)
            )
        found.append((match.start(), day.isoformat()))
    if taken:
        years[:] = [(p, y) for p, y in years if not any(a <= p < b for a, b in taken)]


def _month_back(published: date, back: int) -> str:
    number = published.year * 12 + published.month - 1 - back
    return f"{number // 12}-{number % 12 + 1:02d}"


def _ahead(sentence: str, at: int, which: str | None) -> bool:
    """Is a weekday at ``at`` a coming one ("will vote on Thursday", "next Monday")?"""
    if which in ("next",):
        return True
    if which == "last":
        return False
    clause = re.split(r"[,;]", sentence[max(0, at - 80) : at])[-1]
    future = [m.end() for m in FUTURE.finditer(clause)]
    past = [m.end() for m in PAST_VERB.finditer(clause)]
    return bool(future) and (not past or future[-1] >= past[-1])


def parse_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
