"""Units around English numbers: currency prefixes, and what may follow a number.

``UNIT_AFTER`` is matched right after a number and its scale; its named group says what
followed: ``pct``, ``pp``, ``bp``, ``times``, ``cur`` (a currency word, maybe with a
country adjective), ``iso`` (a currency code), ``qty`` (a physical unit) or ``time`` (a
duration, which makes the number no claim); and the units a range or "cents" carry over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from tracker import lexicon as lx
from tracker.en.numbers_words import Quantity


def _alt(words: Iterable[object]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_ISO = _alt(lx.ISO_CODES | {"RMB"})
CURRENCY_PREFIX = re.compile(
    r"(?:\b(?:US|HK|AU|CA|NZ|NT)\s?\$|U\.S\.\s?\$|\b(?:C|A|S|R|MX)\$"
    r"|\$(?:US|AU|NZ|HK|NT|A|C|S)?|€|£|¥|₹|₩|₽|₺|₱|₦|฿|\bR"
    r"|\bRM|\bDh|\bRp\s?"
    rf"|\bRs\.?\s?|\b(?:{_ISO})\s?)\Z"
)
_ADJECTIVES = sorted({adj for adj, _ in lx.CURRENCY_ADJECTIVES}, key=len, reverse=True)
_ADJ = "|".join(re.escape(a).replace(r"\ ", r"\s") for a in _ADJECTIVES)
_CURRENCY_WORDS = _alt(lx.CURRENCY_WORDS) + r"|real|reals|pounds\s+sterling"
_QTY = _alt(lx.QUANTITY_UNITS).replace(r"\ ", r"\s+")
UNIT_AFTER = re.compile(
    r"(?P<pct>\s?%|[ -](?i:percent|per\s?cent|pct)\b|(?<=\d)pc\b)"
    r"|(?P<pp>[ -](?i:percentage|per\s?centage)[ -]points?\b)"
    r"|(?P<bp>[ -]?(?i:basis[ -]points?|bps|bp)\b)"
    r"|(?P<points>[ -]points?\b)"
    r"|(?P<sym>\s?[€£₹₩₽₺₱₦฿¥](?!\w))"
    r"|(?P<times>[ -]times\b|(?<=\d)x(?![\w-]))"
    rf"|(?P<cur>[ -](?:(?P<adj>(?i:{_ADJ}))\s)?(?P<curword>(?i:{_CURRENCY_WORDS}))\b)"
    rf"|(?P<iso>\s(?:{_ISO})\b)"
    rf"|(?P<qty>(?:[ -]|(?<=\d))(?:(?i:{_QTY}))(?!\w|-(?!(?:wide|long|high|deep|tall|thick)\b)))"
    rf"|(?P<time>[ -](?i:{_alt(lx.TIME_UNITS)})\b)"
)

SCALE_WORD = re.compile(
    r"[ \u00a0-](?i:(hundred|thousand|million|billion|trillion|crores?|lakhs?|bn|mn|mln|bln|tn))\b"
)


def currency_of_word(word: str, adjective: str | None) -> str | None:
    """ISO code of a currency word; None when the article's country must decide, "" for none."""
    word = re.sub(r"\s+", " ", word.lower())
    if word.startswith("pounds sterling"):
        return "GBP"
    singular = word[:-1] if word.endswith("s") and word not in ("reais", "kronor") else word
    if singular == "kroner":
        singular = "krone"
    if adjective:
        adj = re.sub(r"\s+", " ", adjective.lower())
        for key in ((adj, singular), (adj, word)):
            if key in lx.CURRENCY_ADJECTIVES:
                return lx.CURRENCY_ADJECTIVES[key]
    if singular in ("real", "reai"):
        return "BRL" if adjective else ""
    if word in lx.CURRENCY_WORDS:
        return lx.CURRENCY_WORDS[word]
    return lx.CURRENCY_WORDS.get(singular)


def context_currency(text: str, stem: str) -> str:
    """The currency an ambiguous word ("pesos", "kroner") means in this article."""
    lowered = text[:20000].lower()
    best = (len(lowered) + 1, lx.DEFAULT_AMBIGUOUS[stem])
    for cue, code in lx.COUNTRY_CURRENCY[stem]:
        index = lowered.find(cue)
        if 0 <= index < best[0]:
            best = (index, code)
    return best[1]


# Context that makes a number no figure, or changes its sign or currency.
AGAINST_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|to|per)\s+(?:the\s+)?(?:U\.S\.\s+)?\Z")
CHILD_AGE = re.compile(
    r"\b(?:children|kids|babies|infants|girls|boys)\s+(?:under|over|aged)\s\Z", re.I
)
MINUS_BEFORE = re.compile(r"(?<!or )\bminus\s\Z", re.I)  # not "plus or minus 2%"
EVERY_BEFORE = re.compile(r"\b(?:every|each|per)\s\Z", re.I)
CONTAINER_SIZE = re.compile(
    r"-(?i:foot|ft)\s+(?:equivalent|containers?|box(?:es)?|dry|reefers?|high-cube)\b"
)
# Ages: "Salil Menon, 58, said", "who is 52", "people aged 65 or over".
AGE_BEFORE = re.compile(
    r"(?:\b(?:aged|ages?)(?:\s+(?:between|from|of))?|\bwho\s+(?:is|was)|[A-Z][a-z]+,"
    r"|\b(?:aged|ages?)(?:\s+of)?\s+\d{1,2}\s+(?:to|and|or))\s\Z"
)
# "weighs 2 pounds", "2 pounds and 5 ounces": a weight, not sterling.
WEIGHT_BEFORE = re.compile(
    r"\b(?:weigh\w*|weight|heavy|heavier|lighter|light\s+enough|mere)\b[^.;\n]{0,24}\Z", re.I
)
OUNCES_AFTER = re.compile(r",?\s*(?:and\s+)?[\d.]+\s*(?:ounces?|oz)\b")
YOUNG_AS_BEFORE = re.compile(r"\bas\s+(?:young|old)\s+as\s\Z")
# "Bebe Lane, six, and ...": a child's age after a name, in words.
WORD_AGE_BEFORE = re.compile(r"[A-Z][a-z]+,\s\Z")


def quantity_symbol(unit: str) -> str:
    """The SI-style symbol of a unit word as written ("terawatt-hours" -> "TWh")."""
    key = re.sub(r"\s+", " ", unit.strip(" -").lower())
    return lx.QUANTITY_UNITS.get(key, key)


RANGE_JOIN = re.compile(r"\s*(?:-|–|to|and|or)\s*\Z")


def carry_range_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """'between 45 million and 60 million euros': the first end takes the second's unit."""
    result = list(found)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if second.start - first.end > 6:
            continue
        joined = RANGE_JOIN.search(text, first.end, second.start)
        if joined is None or joined.start() != first.end:
            continue
        if first.kind == "currency" and first.scale == 1.0 and second.bare and second.scale > 1:
            # "$5-7 billion", "$5 to 7 billion": the scale goes back, the currency forward
            result[i] = Quantity(first.start, first.end, first.value * second.scale, first.unit,
                                 "currency", first.approximate, False, second.scale)  # fmt: skip
            result[i + 1] = Quantity(second.start, second.end, second.value, first.unit,
                                     "currency", second.approximate, False, second.scale)  # fmt: skip
            continue
        if (
            first.kind == "currency" == second.kind
            and first.unit == second.unit
            and first.scale == 1.0
            and second.scale > 1.0
            and 0.1 < first.value / (second.value / second.scale) < 10
        ):  # "from $4 to $6 billion": the scale goes back to the first end
            result[i] = replace(first, value=first.value * second.scale, scale=second.scale)
            continue
        if not first.bare or not second.suffix_unit:
            continue
        value = first.value
        if first.scale == 1.0 and second.scale != 1.0:
            value *= second.scale
        if second.unit == "pp" and "basis" in text[second.start : second.end].lower():
            value /= 100
        result[i] = Quantity(first.start, first.end, value, second.unit, second.kind,
                             first.approximate, False, second.scale)  # fmt: skip
    return result


LIST_AND = re.compile(r",?\s+(?:and|or)\s+\Z")


def carry_list_percent(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "65 percent were white, 11.9 percent black, and 7.3 of another race": the last item of
    a list of percentages, a bare decimal after "and", is a percentage too."""
    for index in range(2, len(found)):
        item, before = found[index], found[index - 1]
        if not item.bare or item.scale != 1.0 or item.value == int(item.value):
            continue
        if before.unit != "%" or item.start - before.end > 40:
            continue
        if not any(other.unit == "%" for other in found[max(0, index - 4) : index - 1]):
            continue
        between = text[before.end : item.start]
        if "." in between.replace("..", "") or not LIST_AND.search(text, before.end, item.start):
            continue
        found[index] = replace(item, unit="%", kind="percent", bare=False)
    return found


BARE_CENTS = re.compile(r"[\d.,]+\s+cents?", re.I)
CENT_CURRENCIES = {"USD", "EUR", "ZAR", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "BRL", "MXN"}


def carry_cents(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "745 cents a share" after "21.4 billion rand": cents of the currency before them."""
    currency = None
    for index, quantity in enumerate(found):
        if quantity.kind != "currency":
            continue
        if BARE_CENTS.fullmatch(text, quantity.start, quantity.end):  # not "72 U.S. cents"
            if currency in CENT_CURRENCIES and currency != quantity.unit:
                found[index] = replace(quantity, unit=currency)
        else:
            currency = quantity.unit
    return found
