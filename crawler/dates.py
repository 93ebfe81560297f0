"""Dates of a page: machine-readable values and visible date lines (English and Chinese).

Every date goes through :func:`parse_date`, which returns ISO 8601 text (with the time and
timezone when the page gives them) and refuses dates in the future, which no published
article has.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

from lxml.html import HtmlElement

_ZH_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2}))?"
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)"
)
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(?:um\s+)?(\d{1,2})[:.](\d{2}))?(?![\d.])"
)
_LABELLED_DATE = re.compile(
    r"^(?:datum|date|published|posted|veröffentlicht(?: am)?|publié le|publicado(?: el)?|"
    r"pubblicato(?: il)?|fecha|dato|data|publikováno|opublikowano|发布时间|發佈時間|发表时间)\s*[:：]?\s*",
    re.I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_EN_DATE = re.compile(
    rf"\b(?:(?P<mon1>{_MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{{4}})|"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH}),?\s+(?P<year2>\d{{4}}))"
    r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?)?",
    re.IGNORECASE,
)
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip
_UPDATED = re.compile(r"\b(updated?|modified|edited|更新|修改)\b", re.IGNORECASE)
_DATE_NODES = (
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish') or "
    "contains(@class,'info') or contains(@class,'meta') or contains(@class,'byline') or "
    "contains(@class,'dateline') or contains(@id,'date') or contains(@id,'time') or "
    "contains(@id,'publish')]"
)


def _not_future(value: datetime) -> bool:
    today = datetime.now(UTC).date()
    return value.date() <= today + timedelta(days=1) and value.year >= 1990


def _iso(value: datetime, has_time: bool) -> str:
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def parse_date(text: str) -> str | None:
    """Machine or human date text -> ISO 8601, or None when unreadable or in the future."""
    text = (text or "").strip()
    if not text or len(text) > 80:
        return None
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        value = datetime.fromisoformat(candidate)
    except ValueError:
        value = None
    if value is not None:
        return _iso(value, "T" in candidate or " " in candidate) if _not_future(value) else None
    if text.isdigit() and len(text) in (10, 13):  # epoch seconds / milliseconds
        value = datetime.fromtimestamp(int(text[:10]), UTC)
        return _iso(value, True) if _not_future(value) else None
    match = _ZH_DATE.search(text)
    if match:
        return _from_parts(match.groups())
    match = _NUMERIC_DATE.search(text)
    if match and len(text) < 40:
        return _from_parts(match.groups()[:5])
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return _dateparser(text)
    return _iso(value, True) if _not_future(value) else None


def _from_parts(parts: tuple[str | None, ...]) -> str | None:
    year, month, day, hour, minute = (int(p) if p else None for p in parts[:5])
    try:
        value = datetime(year or 0, month or 0, day or 0, hour or 0, minute or 0)
    except ValueError:
        return None
    if not _not_future(value):
        return None
    return _iso(value, hour is not None)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> str | None:
    import dateparser  # slow to import; most pages never need it

    value = dateparser.parse(
        text,
        languages=["en", "zh", "de", "fr", "es"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    if value is None or not _not_future(value):
        return None
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}", text))
    return _iso(value, has_time)


def _english_parts(match: re.Match[str]) -> tuple[str | None, ...]:
    month = _MONTHS[(match["mon1"] or match["mon2"])[:3].lower()]
    hour = match["hour"]
    if hour is not None and match["ampm"]:
        hour = str(int(hour) % 12 + (12 if match["ampm"].lower() == "p" else 0))
    return (
        match["year1"] or match["year2"],
        str(month),
        match["day1"] or match["day2"],
        hour,
        match["minute"],
    )


def date_in_line(line: str) -> str | None:
    """The first full date (day, month, year) written in a short visible line."""
    for pattern in (_ZH_DATE, _EN_DATE, _NUMERIC_DATE, _DOTTED_DATE):
        match = pattern.search(line)
        if match:
            if pattern is _EN_DATE:
                parts = _english_parts(match)
            elif pattern is _DOTTED_DATE:  # 28.04.2023: day first
                day, month, year, hour, minute = match.groups()
                parts = (year, month, day, hour, minute)
            else:
                parts = match.groups()[:5]
            if parsed := _from_parts(parts):
                return parsed
    return None


def labelled_date(tree: HtmlElement) -> str | None:
    """A date in a short element that labels it: "Datum 28.04.2023", "Published: May 2, 2025"."""
    for node in tree.xpath("//body//*[self::li or self::p or self::dd or self::span or self::div]"):
        line = " ".join(node.text_content().split())
        if 8 <= len(line) <= 60 and _LABELLED_DATE.match(line):
            if parsed := date_in_line(line):
                return parsed
    return None


_FURNITURE_TAGS = {"a", "aside", "nav", "footer"}
_FURNITURE_CLASS = re.compile(
    r"related|teaser|sidebar|recommend|more-|most-|popular|trending|widget|footer|comment", re.I
)


def in_furniture(node: HtmlElement) -> bool:
    """Inside a link, a sidebar, a related-stories list or a footer: another page's date."""
    for ancestor in node.iterancestors():
        if ancestor.tag in _FURNITURE_TAGS:
            return True
        if _FURNITURE_CLASS.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


def visible_date(tree: HtmlElement) -> str | None:
    """A publication date from the page's date line ("Published: May 12, 2025 10:31", "2025年5月12日")."""
    fallback = None
    for node in tree.xpath(_DATE_NODES)[:40]:
        if node.tag in ("html", "body", "script", "style") or in_furniture(node):
            continue
        line = " ".join(node.text_content().split())
        if not line or len(line) > 160:
            continue
        parsed = date_in_line(line)
        if parsed is None:
            continue
        if _UPDATED.search(line) and not re.search(r"publi|posted|发布|发表", line, re.I):
            fallback = fallback or parsed
            continue
        return parsed
    return fallback


def loose_date(tree: HtmlElement) -> str | None:
    """The first short element of the page that is mostly a full date (weak evidence)."""
    for node in tree.xpath(
        "//body//*[self::p or self::span or self::div or self::time or self::small]"
    )[:300]:
        line = " ".join(node.text_content().split())
        if 6 <= len(line) <= 60 and (parsed := date_in_line(line)):
            return parsed
    return None


def local_day(published: str, shown: list[str | None]) -> str:
    """The newsroom's own day for a UTC timestamp, when the page also states it locally.

    A UTC timestamp near midnight names the wrong calendar day for most newsrooms. Best
    evidence: another value on the page for the same instant in local time (with an offset,
    or naive but a whole number of quarter hours away). Weaker: a date-only value one day
    off, accepted only in the direction the time of day allows (early UTC hours: the Americas,
    still the day before; late UTC hours: Europe and east, already the next day).
    """
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if moment.utcoffset() != timedelta(0) or moment.time() == time(0, 0):
        return published  # a midnight UTC value is a bare date written as a time: its day stands
    utc = moment.replace(tzinfo=None)
    for candidate in shown:
        if not candidate or "T" not in candidate:
            continue
        local = datetime.fromisoformat(candidate)
        if local.tzinfo is not None:
            if local.utcoffset() and abs(
                local.astimezone(UTC).replace(tzinfo=None) - utc
            ) < timedelta(minutes=2):
                return candidate
            continue
        gap = abs((local - utc).total_seconds())
        if 0 < gap <= 14 * 3600 and min(gap % 900, 900 - gap % 900) < 60:
            return candidate
    for candidate in shown:
        if not candidate or "T" in candidate:
            continue
        days = (
            datetime.fromisoformat(candidate[:10])
            - utc.replace(hour=0, minute=0, second=0, microsecond=0)
        ).days
        if (days == -1 and utc.hour < 8) or (days == 1 and utc.hour >= 21):
            return candidate
    return published
