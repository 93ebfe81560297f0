"""Counts told by words alone: "only one nurse", "a single bidder", and what looks like a count
but is none: a named pair ("the two sides"), a duration ("two more years").

Each check reads a few characters around its number, so scanning stays linear.
"""

from __future__ import annotations

import re

from tracker import lexicon as lx
from tracker.en.numbers_words import WORD_NUM, Quantity, _next_word

# "including one woman", "only one toilet", "charged with one count": a count of one.
ONE_BEFORE = re.compile(
    r"\b(?:only|just|including|include|includes|included|with|exactly|but|and|had|has|have|"
    r"killed|injured|left|leaving|won|lost|sold|bought|added|named|hired|opened|closed)\s\Z",
    re.I,
)
ONE_NEXT_BLOCKERS = {
    "of", "another", "or", "more", "such", "day", "time", "point", "way", "thing", "hand",
    "side", "in", "at", "on", "who", "that", "which", "and", "to", "per", "for", "by", "is",
    "was", "other", "year", "month", "week", "night", "hour", "minute", "moment", "stage",
    "off", "piece", "less", "last", "final", "hundred", "thousand", "million", "billion",
    "with", "as", "after", "before", "but", "if", "from", "generation", "decade", "season",
    "century", "go",
}  # fmt: skip
# "the two sides", "the two were": a pair already named, not a count ("the two main forms" is).
THE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s\Z")
PAIR_AFTER = re.compile(
    r"\s+(?:[a-z]+s|men|women|people|children)\b(?!\s+(?:of|in|on|at|from|by)\s+(?:the\s+)?\d)"
    r"|\s+(?:were|are|have|had|will|would|could|can|did|do|also|both|agreed|said|met|signed)\b"
    r"|\s*[,.;:)]"
)
# "a single bidder" is a count of one, not "not a single year", "a single market", "a single
# mother" or "the single largest".
SINGLE_NEXT_BLOCKERS = {
    "father", "mother", "parent", "parents", "mom", "dad", "mum", "man", "woman", "person",
    "market", "currency", "digit", "digits", "point", "use", "family", "source", "window",
    "file", "one", "most", "best", "worst", "biggest", "largest", "greatest", "highest",
    "lowest", "entity", "unit", "payer", "voice", "step",
}  # fmt: skip
NEGATION_BEFORE = re.compile(
    r"(?:\bnot|n['’]t|\bno|\bnever|\bwithout|\bnor)\s+(?:\w+\s+)?\Z"
    r"|\b(?:on|in|from|for|with|at|into|by|of|to|per|under|over|than|within|via)\s\Z",
    re.I,
)
# "two more years", "for three straight months": a duration.
MORE_TIME = re.compile(
    r"\s+(?:more|additional|extra|further|full|straight|consecutive|long)\s+(?:years?|months?|"
    r"weeks?|days?|hours?|decades?|minutes?|seasons?|quarters?|nights?)\b"
)


def lone_one_counts(text: str, start: int, end: int) -> bool:
    """Is the word "one" at ``start`` a count ("only one toilet") rather than a pronoun?"""
    if not ONE_BEFORE.search(text, max(0, start - 12), start):
        return False
    following = _next_word(text, end)
    return following.isalpha() and following not in ONE_NEXT_BLOCKERS


def the_pair(text: str, start: int, end: int) -> bool:
    """ "the two sides continue", "the two were charged": a named pair."""
    return bool(THE_BEFORE.search(text, max(0, start - 7), start) and PAIR_AFTER.match(text, end))


def single(text: str, match: re.Match[str]) -> Quantity | None:
    """ "a single bidder": a count of one."""
    start, end = match.span()
    following = _next_word(text, end)
    if following in SINGLE_NEXT_BLOCKERS or following in lx.TIME_UNITS or following.endswith("est"):
        return None
    if text.startswith("-", end) or NEGATION_BEFORE.search(text, max(0, start - 24), start):
        return None
    return Quantity(start, end, 1.0, "count", "count", bare=True)


_TIME = "|".join(sorted((re.escape(unit) for unit in lx.TIME_UNITS), key=len, reverse=True))
# "10 or 15 minutes", "three to four days": the first end of a duration.
RANGE_TIME = re.compile(rf"\s*(?:-|–|or|to|and)\s*(?:\d[\d,.]*|(?i:{WORD_NUM}))[ -](?i:{_TIME})\b")
