"""Number words and their judges: fractions, "one in ten", half, multiples, ranks.

Also the ``Quantity`` record and the small context helpers the number scanner shares.
Every judge reads only a few characters around its match, so scanning stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker import lexicon as lx


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number the text asserts; ``text[start:end]`` is its surface."""

    start: int
    end: int
    value: float
    unit: str
    kind: str  # currency | percent | multiple | rank | count | quantity
    approximate: bool = False
    suffix_unit: bool = False  # the unit follows the number (a range's first end may borrow it)
    scale: float = 1.0
    bare: bool = False  # a plain count with no unit of its own


def _alt(words: Iterable[object]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


WORD_NUM = (
    rf"(?:{_alt(lx.TENS_WORDS)})(?:-(?:{_alt(k for k in lx.UNITS_WORDS if lx.UNITS_WORDS[k] < 10)}))?"
    rf"|{_alt(lx.UNITS_WORDS)}"
)
NEXT_WORD = re.compile(r"\s*([A-Za-z]+|[,.;:)\]—–\"”]|$)")
WORD_BEFORE = re.compile(r"([A-Za-z][\w&.'’-]*)\s\Z")
MONTH_BEFORE = re.compile(rf"\b(?:{_alt(m.capitalize() for m in lx.MONTHS)})\.?,?\s{{1,3}}\Z")
MONTH_AFTER = re.compile(rf"\s(?:{_alt(m.capitalize() for m in lx.MONTHS)})\b")
SUPERLATIVE = re.compile(r"[-\s](most\s+[a-z]+|least\s+[a-z]+|[a-z]{2,}est|best|worst)\b")
NOT_SUPERLATIVE = {"interest", "west", "test", "request", "harvest", "forest", "protest", "guest",
                   "chest", "nest", "rest", "quest", "crest", "invest", "suggest", "honest",
                   "modest", "contest", "arrest", "manifest", "digest", "earnest", "latest",
                   "midwest", "southwest", "northwest", "pest", "vest"}  # fmt: skip
RANK_BEFORE = re.compile(rf"\b(?i:{_alt(lx.RANK_VERBS)})\s+(?:as\s+)?(?:the\s+)?(?:[\w.]+\s+)?\Z")
RANK_AFTER = re.compile(rf"\s+(?:{_alt(lx.RANK_AFTER)})\b|\s+only\s+to\b")
# "lifted it to seventh in La Liga", "climbed to third in the standings": a move in a table.
RANK_MOVE = re.compile(
    r"\b(?:rose|climbed|moved|jumped|fell|dropped|slipped|slid|lifted\s+\w+|up|down)\s+to\s+\Z"
)
RANK_MOVE_NEAR = re.compile(
    r"\b(?:rose|climbed|moved|jumped|fell|dropped|slipped|slid|sank|tumbled|lifted|up|down|"
    r"rising|falling|climbing|slipping|dropping|moving)\b"
)
NO_RANK_AFTER = re.compile(
    r"[,.;:)]|\s+(?:in|among|on|spot|position|ranking|slot|player|maker|producer|seller|"
    r"supplier|carrier|airline|brand|economy|exporter|importer|bank|company|firm|lender|"
    r"insurer|retailer|automaker|carmaker|chipmaker|spot|choice|destination|market)\b"
)
# "served as number two at the ministry", "the number eight is lucky": a deputy, a numeral.
NO_DEPUTY_AFTER = re.compile(
    r"\s+(?:at|to|under|official|officials|leader|man|woman|figure|in\s+command|is|was|has|are|"
    r"were|will|would)\b"
)
# "its sixth straight monthly gain", "the third year running", "a second month in a row".
STREAK_AFTER = re.compile(
    r"[\s-]+(?:straight|consecutive|successive|back-to-back)\b"
    r"|(?:\s+[a-z-]+){1,3}\s+(?:running|in\s+a\s+row)\b"
)
IDIOM_PLACE = re.compile(r" place\b(?!\s+(?:in|among|on|at|with|behind|finish))")
_ORDINAL = rf"(?:{_alt(lx.ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
# "slipped to fourth from first", "rose from 12th to ninth": both ends of a move are ranks.
RANK_PAIR_BEFORE = re.compile(rf"\b{_ORDINAL}\s+(?:from|to)\s+\Z", re.I)
RANK_PAIR_AFTER = re.compile(rf"\s+(?:from|to)\s+{_ORDINAL}\b", re.I)
NO_RANK_BEFORE = re.compile(
    r"(?:became|become|becomes|is|was|remains|remained|ranked|ranks|the world's|'s|at|as)\s+(?:the\s+)?\Z"
)
FRACTION_NEXT_OK = {
    "of", "less", "more", "fewer", "lower", "higher", "smaller", "larger", "bigger", "cheaper",
    "as", "to", "from", "in", "than", "and", "or", "said", "say", "says", "were", "was", "are",
    "is", "had", "have", "has", "will", "would", "could", "may", "might", "expect", "that",
    "what", "over", "compared", "since", "at", "on", "for", "by", "last", "this", "worried",
    "saw", "think", "believe", "reported", "plan", "plans", "want", "wanted", "but", "while",
}  # fmt: skip
GAME_PARTS_BEFORE = {"opening", "first", "last", "final", "closing", "remaining", "early", "late",
                     "past", "next", "previous", "initial"}  # fmt: skip
TIME_NEXT = {"earlier", "ago", "later", "before", "after", "century", "hour", "mile", "point"}
HALF_POINT = re.compile(r"\s+(?:of\s+)?a\s+(?:percentage|per\s?centage)\s+point\b", re.I)
OF_A_POINT = re.compile(r"\s+of\s+a\s+(?:percentage|per\s?centage)\s+point\b", re.I)
HALF_SCALE = re.compile(
    r"\s+an?\s+(million|billion|trillion|thousand|dozen)\b(?:\s+(dollars|euros|pounds|yuan|yen))?",
    re.I,
)
FRACTION_SCALE = re.compile(
    r"\s+(?:of\s+an?\s+)?(million|billion|trillion|thousand)\b(?:\s+(dollars|euros|pounds|yuan|yen))?",
    re.I,
)
HALF_BLOCKERS_EXTRA = {"upper", "lower", "back", "front", "top", "bottom", "northern", "southern",
                       "eastern", "western", "better", "other"}  # fmt: skip
HALF_BLOCKERS = HALF_BLOCKERS_EXTRA | {"first", "second", "the", "this", "that", "each", "every", "a", "one", "last",
                 "next", "latter", "former", "other", "third", "fourth", "and"}  # fmt: skip
HALF_NEXT_BLOCKERS = {"time", "year", "hour", "day", "century", "decade", "way", "term", "point",
                      "hearted", "brother", "sister", "life", "yearly", "price", "mast"}  # fmt: skip
TWICE_NEXT_OK = {"as", "the", "that", "what", "its", "their", "his", "her", "our", "this",
                 "those", "these", "than", "a"}  # fmt: skip
_BOUNDARY_BEFORE = set(".!?\"“”‘'(—–:\n")


def _word_value(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word in ("a dozen", "dozen"):
        return 12.0
    if word == "a":
        return 1.0
    if word.endswith(" dozen"):
        count = _word_value(word[: -len(" dozen")])
        return None if count is None else count * 12
    if word.endswith("and a half") or word.endswith("and-a-half"):
        whole = _word_value(word[: -len("and a half")].strip(" -"))
        return None if whole is None else whole + 0.5
    if "-" in word:
        tens, _, unit = word.partition("-")
        return float(lx.TENS_WORDS.get(tens, 0) + lx.UNITS_WORDS.get(unit, 0))
    return float(lx.UNITS_WORDS.get(word, lx.TENS_WORDS.get(word, 0)))


def _next_word(text: str, pos: int) -> str:
    match = NEXT_WORD.match(text, pos)
    return match.group(1).lower() if match else ""


def _prev_word(text: str, pos: int) -> str:
    match = WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return match.group(1) if match else ""


def _sentence_initial(text: str, pos: int) -> bool:
    index = pos - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    return index < 0 or text[index] in _BOUNDARY_BEFORE


_APPROX_PHRASES = frozenset(lx.APPROXIMATORS)
_APPROX_LONGEST = max(len(word.split()) for word in lx.APPROXIMATORS)
_OPENING_MARKS = "([\"'“‘—–-"


def _approximate(text: str, start: int) -> bool:
    """Does "about", "nearly", "more than" ... stand right before ``start``?"""
    if start < 2 or text[start - 1] != " ":
        return False
    tail = text[max(0, start - 24) : start].lower().split()[-_APPROX_LONGEST:]
    for size in range(1, len(tail) + 1):
        if " ".join(tail[-size:]).lstrip(_OPENING_MARKS) in _APPROX_PHRASES:
            return True
    return False


def fraction(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    numerator_word, denominator_word = re.split(r"[\s-]", match.group().lower(), maxsplit=1)
    if match.group()[0].isupper() and not _sentence_initial(text, start):
        return None
    if text.startswith("-", end):
        return None  # "a half-century", "a third-quarter loss"
    if denominator_word == "half" and text.endswith(" and ", 0, start):
        return None  # "a decade and a half", "two and a half": part of a larger figure
    if STREAK_AFTER.match(text, end) and denominator_word in lx.ORDINALS:
        value = float(lx.ORDINALS[denominator_word])  # "a seventh straight session": a streak
        return Quantity(end - len(denominator_word), end, value, "rank", "rank")
    following = _next_word(text, end)
    if denominator_word.startswith("quarter") and following in TIME_NEXT:
        return None
    numerator = 1.0 if numerator_word in ("a", "an") else float(lx.UNITS_WORDS[numerator_word])
    scaled = FRACTION_SCALE.match(text, end)
    if scaled is not None:  # "a quarter million people", "a third of a billion"
        value = numerator / lx.FRACTIONS[denominator_word] * lx.SCALES[scaled.group(1).lower()]
        code = lx.CURRENCY_WORDS.get((scaled.group(2) or "").lower())
        return Quantity(start, scaled.end(), value, code or "count", "currency" if code else "count",
                        _approximate(text, start), scale=lx.SCALES[scaled.group(1).lower()])  # fmt: skip
    prev = _prev_word(text, start).lower()
    if denominator_word.startswith(("quarter", "half", "halves")) and prev in GAME_PARTS_BEFORE:
        return None  # "the opening three quarters of the game", "the first three quarters"
    if denominator_word.startswith("quarter") and prev in (
        "in",
        "per",
        "each",
        "every",
        "this",
        "last",
        "next",
    ):
        return None
    if (
        following
        and following.isalpha()
        and following not in FRACTION_NEXT_OK
        and not (
            following.endswith("ed")
            and _next_word(text, end + 1 + len(following) + 1) in FRACTION_NEXT_OK | {"", ",", "."}
        )
    ):  # "a third owned by the state" is a fraction, "a third undisclosed buyer" an ordinal
        if "-" not in match.group():
            return None  # "a third term", "a quarter century"
    value = numerator / lx.FRACTIONS[denominator_word]
    point = OF_A_POINT.match(text, end)
    if point is not None:  # "a quarter of a percentage point"
        return Quantity(start, point.end(), value, "pp", "percent", _approximate(text, start))
    return Quantity(start, end, value, "x", "multiple", _approximate(text, start))


def one_in(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    head = match.group().split()[0].lower()
    numerator = float(head) if head.isdigit() else float(lx.UNITS_WORDS[head])
    den_word = re.sub(r"\s+", " ", match.group("den").lower())
    denominator = float(den_word) if den_word.isdigit() else (
        100.0 if den_word == "a hundred" else float(lx.UNITS_WORDS.get(den_word) or lx.TENS_WORDS[den_word]))  # fmt: skip
    if denominator <= numerator or _next_word(text, end) in lx.TIME_UNITS:
        return None
    return Quantity(start, end, numerator / denominator, "x", "multiple", _approximate(text, start))


def half(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    if match.group()[0].isupper() and not _sentence_initial(text, start):
        return None
    if start and text[start - 1] == "-":
        return None  # "second-half results"
    prev = _prev_word(text, start)
    if prev.lower() in HALF_BLOCKERS or (
        prev[:1].isupper() and not _sentence_initial(text, start - len(prev) - 1)
    ):
        return None  # "the first half", "the April-September half"
    if end < len(text) and text[end] == "-":
        return None
    following = _next_word(text, end)
    if following in HALF_NEXT_BLOCKERS:
        return None
    point = HALF_POINT.match(text, end)
    if point is not None:  # "half a percentage point"
        return Quantity(start, point.end(), 0.5, "pp", "percent", _approximate(text, start))
    if following in ("a", "an"):
        after = _next_word(text, end + 1 + len(following) + 1)
        if after in lx.TIME_UNITS or after in HALF_NEXT_BLOCKERS:
            return None
        scaled = HALF_SCALE.match(text, end)
        if scaled is not None:  # "half a million people": a count, or money with its currency
            value = 0.5 * (
                12.0 if scaled.group(1).lower() == "dozen" else lx.SCALES[scaled.group(1).lower()]
            )
            code = lx.CURRENCY_WORDS.get((scaled.group(2) or "").lower())
            kind = "currency" if code else "count"
            return Quantity(
                start, scaled.end(), value, code or "count", kind, _approximate(text, start)
            )
    return Quantity(start, end, 0.5, "x", "multiple", _approximate(text, start))


def multiple(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    word = match.group()
    if word[0].isupper() and not _sentence_initial(text, start):
        return None
    if end < len(text) and text[end] == "-":
        return None
    following = _next_word(text, end)
    if following in lx.MULTIPLE_BLOCKERS:
        return None
    if word.lower() == "twice" and following.isalpha() and following not in TWICE_NEXT_OK:
        return None
    if word.lower() == "twice" and _prev_word(text, start).lower() in (
        "think",
        "thinking",
        "thought",
    ):
        return None  # "think twice"
    if word.lower() == "twice" and following == "a" and _next_word(text, end + 3) in lx.TIME_UNITS:
        return None
    value = lx.MULTIPLE_WORDS[word.lower()]
    return Quantity(start, end, value, "x", "multiple", _approximate(text, start))


def ordinal(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    word = match.group().lower()
    if word[0].isdigit():
        if MONTH_BEFORE.search(text, max(0, start - 12), start) or MONTH_AFTER.match(text, end):
            return None
        value = float(re.match(r"\d+", word).group())  # type: ignore[union-attr]
    else:
        value = float(lx.ORDINALS[word])
    if match.group()[0].isupper() and not _sentence_initial(text, start):
        return None
    superlative = SUPERLATIVE.match(text, end)
    if superlative is not None and superlative.group(1) not in NOT_SUPERLATIVE:
        return Quantity(start, superlative.end(), value, "rank", "rank", _approximate(text, start))
    if STREAK_AFTER.match(text, end):
        return Quantity(start, end, value, "rank", "rank", _approximate(text, start))
    if (
        text.startswith("-", end)
        or IDIOM_PLACE.match(text, end)
        and text.endswith("the ", 0, start)
    ):
        return None  # "first-class", "in the first place"
    if (
        RANK_AFTER.match(text, end)
        or RANK_BEFORE.search(text, max(0, start - 40), start)
        or RANK_MOVE.search(text, max(0, start - 30), start)
        or (
            RANK_PAIR_BEFORE.search(text, max(0, start - 20), start)
            and RANK_MOVE_NEAR.search(text, max(0, start - 60), start)
        )
        or (
            RANK_PAIR_AFTER.match(text, end)
            and RANK_MOVE_NEAR.search(text, max(0, start - 30), start)
        )
    ):
        if _next_word(text, end) in lx.TIME_UNITS or _next_word(text, end) in ("half", "time"):
            return None
        return Quantity(start, end, value, "rank", "rank", _approximate(text, start))
    return None


def number_sign(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    head = match.group("nonum")
    value = float(head) if head.isdigit() else float(lx.UNITS_WORDS[head])
    if NO_DEPUTY_AFTER.match(text, end):
        return None
    if not head.isdigit() and not re.match(r" [a-z]{3,}", text[end : end + 5]):
        return None  # "number one, prioritize": an enumeration, not a standing
    if NO_RANK_AFTER.match(text, end) or NO_RANK_BEFORE.search(text, max(0, start - 30), start):
        return Quantity(start, end, value, "rank", "rank")
    return None
