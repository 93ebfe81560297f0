"""Digits that are no figures: labels, codes, addresses, model names, index levels, promo lines.

The number scanner asks ``not_a_count`` about every bare number (one with no unit of its own)
and skips the spans of ``masked_spans`` (URLs, e-mail addresses, phone numbers and "Read more:"
lines). Each check reads only a few characters around the number, so scanning stays linear.
"""

from __future__ import annotations

import re

from tracker import lexicon as lx
from tracker.en import numbers_words as nw
from tracker.en.numbers_units import AGE_BEFORE, SCALE_WORD, UNIT_AFTER, YOUNG_AS_BEFORE

PHONE = re.compile(
    r"(?<![\w.,])(?=[+(\d])(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?\b"
)
# A line that only points elsewhere: "Read more: 5 ways to save", "RELATED: ...".
PROMO_LINE = re.compile(
    r"^[ \t]*(?:Read more|READ MORE|Read More|Also read|ALSO READ|Read also|Related|RELATED|"
    r"See also|More from|MORE FROM|Watch|WATCH|Listen|Sign up|Subscribe|SUBSCRIBE|Click here|"
    r"Follow us|Get the latest|Download the)\b[^\n]*",
    re.M,
)
DOMAIN = re.compile(r"[A-Za-z]\.[A-Za-z]")  # "example.com/news", not "$0.23/W"
# A stock-quote widget laid out as a table: "| Ticker | Security | Last | Change |" and its rows.
QUOTE_TABLE = re.compile(r"^\|[ \t]*(?i:ticker|symbol)[ \t]*\|[^\n]*(?:\n+\|[^\n]*)*", re.M)
NUMBER_BEFORE = re.compile(rf"(?:\b\d[\d,.]*|\b(?i:{nw.WORD_NUM}))\s\Z")
_STREET = (
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Square|Place|Boulevard|Blvd\.|Drive|Way|"
    r"Highway|Parkway|Court|Terrace|Pike)"
)
STREET_AFTER = re.compile(
    rf"\s+(?:[NSEW]\.\s+)?(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}\b|\s+[NSEW]\.\s+[A-Z][a-z]+\b"
)
# "the 737 Max", "its 777X jets": a model name, not a count.
MODEL_AFTER = re.compile(
    r"[Xx]?\s(?:Max|MAX|Pro|Plus|Ultra|Mini|Neo|neo|Lite|XL|XS|SE|GT|Air)\b"
    r"|[Xx]?\s+(?:program|programme|model|variant|jetliner|series|family)\b"
)
# "a 3-nanometer chip", "a .50 calibre rifle", "a 9mm pistol", "4K streaming": product specs.
SPEC_AFTER = re.compile(
    r"[ -]?nm\b|-(?:degree|denier|fill)\b|(?i:[ -]?nanomet(?:er|re)s?\b|[ -](?:calibre|caliber)\b|mm[ -](?:pistol|handgun|"
    r"gun|rifle|round|rounds|ammunition|bullets?|shells?|howitzers?|cannon|artillery)\b"
    r"|[kK][ -](?:streaming|resolution|video|tvs?|televisions?|displays?|screens?|content|"
    r"monitors?|ultra)\b)"
)
# "a 529 plan", "the 401 program": an integer before a singular noun names a thing.
SINGULAR_AFTER = re.compile(
    r" ([a-z]{3,})(?=[,.;:)]|\s+(?:is|was|has|had|and|or|that|which|to|for|of|in|on|at|with|"
    r"account|accounts|will|would|can|could|may|might)\b)"
)
ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Yy]our|[Oo]ur)\s\Z")
IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "staff", "police", "personnel", "cattle", "sheep",
    "fish", "aircraft", "deer", "feet", "teeth", "mice", "geese", "media", "data", "crew",
    "livestock", "head", "troops", "youth", "clergy", "offspring", "series", "species",
}  # fmt: skip
# Stock-index levels ("the Dow closed at 27,934.02") and readings of an index are no claims.
INDEX_CUE = re.compile(
    r"\b(?:Dow|S&P|Nasdaq|NASDAQ|FTSE|Nikkei|Hang Seng|DAX|CAC|STOXX|Stoxx|Kospi|KOSPI|Sensex|"
    r"Nifty|Topix|TOPIX|ASX|TSX|Bovespa|Composite|Average|(?:stock|share|equity|equities|"
    r"market|benchmark|blue-chip|composite)\s+(?:index|indices|indexes|gauge|average))\b"
)
INDEX_LEVEL_BEFORE = re.compile(
    r"\b(?:to|at|from|reached|hit|touched|of|above|below|near|around|past|crossed|topped)\s\Z"
)
INDEX_LEVEL_AFTER = re.compile(r"[,.;:)]|\s+(?:points?|on|in|and|as|after|before|by|level)\b|\Z")
# "won by 30 points", "a 6-point lead", "up 4 points in the poll": percentage points.
MARGIN_BEFORE = re.compile(
    r"\b(?:by|margin\s+of|lead\s+of|gap\s+of|edge\s+of|deficit\s+of|advantage\s+of|"
    r"swing\s+of)\s+(?:(?:about|around|roughly|nearly|almost|more\s+than|less\s+than|over|"
    r"under|just|some|at\s+least)\s+)?\Z"
)
MARGIN_AFTER = re.compile(r"\s+(?:lead|margin|gap|edge|deficit|advantage|swing)\b")
POLL_CUE = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|voters?|votes?|elections?|electoral|approval|"
    r"ballots?|primary|primaries|candidates?|nominee|Democrats?|Republicans?|GOP|governor|"
    r"senator|mayor|presidential|incumbent|challenger|Labour|Tories|Conservatives)\b"
)
PERCENT_CUE = re.compile(r"%|\bper\s?cent\b")
# "N times" counts occurrences when a time frame or the clause's end follows it and no
# copula or comparison stands before it ("is four times", "about four times").
OCCURRENCE_AFTER = re.compile(
    r"\s+times\s*(?:[,;]|\.(?!\d)|\s(?:this|last|since|during|so\s+far|already|before|in\s+(?:the|"
    r"recent|\d{4}|a\s+row)|over\s+the|between|on\s+\w+day|while|when|to\s+\w+\s+(?:in|for)))"
)
COMPARISON_BEFORE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|also|about|around|roughly|nearly|almost|some|than|"
    r"by|only|just|up|down|least|most)\s+\Z",
    re.I,
)
# "2. The second reason", "- 10. Title", "others 1) did not": a list marker, no figure.
LIST_MARKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?\Z")
LIST_MARKER_AFTER = re.compile(r"[.)][ \t]+(?=\S)")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]|\n")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, phone numbers, promo lines and stock-quote tables."""
    spans = [m.span() for m in PHONE.finditer(text)] if "-" in text or " " in text else []
    spans.extend(m.span() for m in PROMO_LINE.finditer(text))
    if "|" in text:
        spans.extend(m.span() for m in QUOTE_TABLE.finditer(text))
    for mark in ("/", "@"):
        index = text.find(mark)
        while index >= 0:
            left = max(text.rfind(" ", 0, index), text.rfind("\n", 0, index)) + 1
            right = index
            while right < len(text) and not text[right].isspace():
                right += 1
            token = text[left:right]
            if (
                "://" in token
                or "www." in token
                or mark == "@"
                or DOMAIN.search(token, 0, index - left)
            ):
                spans.append((left, right))
            index = text.find(mark, right)
    return sorted(spans)


def _sentence_before(text: str, start: int, reach: int = 160) -> str:
    """The part of ``start``'s sentence before it, at most ``reach`` characters."""
    window = text[max(0, start - reach) : start]
    breaks = list(SENTENCE_BREAK.finditer(window))
    return window[breaks[-1].end() - 1 :] if breaks else window


def index_level(text: str, start: int, end: int) -> bool:
    """ "the Dow fell 102 points to 27,934.02", "the air quality index reached 408"."""
    if not INDEX_LEVEL_BEFORE.search(text, max(0, start - 10), start):
        return False
    if not INDEX_LEVEL_AFTER.match(text, end):
        return False
    return INDEX_CUE.search(_sentence_before(text, start)) is not None


def points_unit(text: str, start: int, end: int, hyphen: bool) -> str | None:
    """ "N points": "pp" in a poll or an election ("won by 30 points", "a 6-point lead in the
    polls"); a count of points in a game or a table ("49 points", "a 24-point deficit"); no
    figure as an index move ("the Dow fell 102 points") or a label ("a 10-point plan")."""
    if INDEX_CUE.search(_sentence_before(text, start)):
        return None
    paragraph = max(text.rfind("\n", 0, start), start - 400)
    stop = text.find("\n", end, end + 200)
    if POLL_CUE.search(text, max(0, paragraph), stop if stop >= 0 else min(len(text), end + 200)):
        return "pp"
    sentence = _sentence_before(text, start) + text[start : end + 120].split("\n", 1)[0]
    if PERCENT_CUE.search(sentence):
        return "pp"  # "support rose 4 points to 38%"
    if MARGIN_BEFORE.search(text, max(0, start - 30), start) or MARGIN_AFTER.match(text, end):
        return "count"
    return None if hyphen else "count"


def occurrence(text: str, start: int, end: int, value: float) -> bool:
    """ "went to the polls four times this month": a count of events, not a multiple."""
    if value != int(value) or value < 2:
        return False
    after = (
        OCCURRENCE_AFTER.match(text, end - len(" times"))
        if text.endswith("times", 0, end)
        else None
    )
    return after is not None and not COMPARISON_BEFORE.search(text, max(0, start - 14), start)


def _label_before(text: str, start: int) -> bool:
    prev = nw._prev_word(text, start)
    if not prev or text[start - 1] != " ":
        return False
    if prev[0].islower() and any(c.isupper() for c in prev[1:]):
        return True  # "iPhone 15"
    low = prev.lower().rstrip(".")
    if low in lx.LABEL_WORDS:
        return True
    if prev.endswith(("'s", "’s", "s'", "s’")):
        return False  # "WeWork's 12,000 employees"
    return prev[0].isupper() and low not in lx.CAPITAL_NON_LABELS and low not in lx.MONTHS


def _names_a_thing(text: str, start: int, end: int, raw: str, value: float) -> bool:
    """ "a 529 plan", "the 777 program has": an integer that names one thing, not a count."""
    if value < 100 or "." in raw or "," in raw or not ARTICLE_BEFORE.search(text, start - 6, start):
        return False
    noun = SINGULAR_AFTER.match(text, end)
    if noun is None:
        return False
    word = noun.group(1)
    return not word.endswith("s") and word not in IRREGULAR_PLURALS and word not in lx.TIME_UNITS


def not_a_count(text: str, start: int, end: int, raw: str, value: float, scale: float) -> bool:
    """Is the bare number ``text[start:end]`` a label, code, date, address or model name?"""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalpha() or before in "#/:" or after.isalpha() or after in "/°":
        return True
    if text.startswith("-for-", end) and end + 6 < len(text) and text[end + 5].isdigit():
        return True  # "a 2-for-1 split"
    if after in "-–" and end + 1 < len(text) and text[end + 1].isupper():
        return True  # a name: "7-Eleven"
    if scale != 1.0 and re.fullmatch(r"\d+[MBK]", text[start:end]):
        return True  # a name: "3M" (a count in millions is written "3m" or "3 million")
    if STREET_AFTER.match(text, end):
        return True  # an address: "10 Downing Street", "of 3170 W. County Road"
    if before in "-–" and start >= 2 and (text[start - 2].isalpha()):
        return True  # K-7, COVID-19, mid-2026
    if before in "-–" and start >= 2 and text[start - 2].isdigit() and scale == 1.0:
        return True  # the tail of "2024-25" or a code (not of "$5-7 billion")
    if after in "-–" and end + 1 < len(text) and text[end + 1].isdigit() and "," not in raw:
        tail = re.match(r"[-–]\d+(?:[-–]\d+)?", text[end : end + 12])
        if tail and tail.group().count("-") + tail.group().count("–") > 1:
            return True  # 555-123-4567
        second = end + len(tail.group()) if tail else end
        if not UNIT_AFTER.match(text, second) and not SCALE_WORD.match(text, second):
            return True  # a score or a code: "won 3-2", "ages 18-24"
    if SPEC_AFTER.match(text, end):
        return True
    if after in ".)" and LIST_MARKER_AFTER.match(text, end) and "." not in raw:
        if LIST_MARKER_BEFORE.search(text, max(0, start - 8), start):
            return True  # a numbered list
        if after == ")" and "(" not in text[max(0, start - 12) : start]:
            return True  # "others 1) did not see them or 2) ..."
    if scale == 1.0:
        if re.fullmatch(r"(1[89]\d\d|20\d\d)", raw):
            return True  # a year
        if raw.startswith("0") and len(raw) > 1 and "." not in raw:
            return True
        if value <= 31 and "." not in raw:
            if nw.MONTH_BEFORE.search(text, max(0, start - 12), start) or nw.MONTH_AFTER.match(
                text, end
            ):
                return True
        if value < 120 and YOUNG_AS_BEFORE.search(text, max(0, start - 16), start):
            return True  # "as young as 14"
        if value < 120 and "." not in raw and AGE_BEFORE.search(text, max(0, start - 20), start):
            if not raw[0] == "0" and (
                after in ",.;)" or text.startswith((" or ", " and ", " to "), end)
            ):
                return True
        if NUMBER_BEFORE.search(text, max(0, start - 16), start):
            return True  # "48 737 MAX jets", "three 787 Dreamliners": a model number
        if value >= 100 and "," not in raw and MODEL_AFTER.match(text, end):
            return True  # "the 737 Max", "the 777 program"
        if _label_before(text, start):
            return True  # "Section 232", "Route 5", "Model 3", "iPhone 15"
        if _names_a_thing(text, start, end, raw, value):
            return True
        if index_level(text, start, end):
            return True
    return False
