"""English numbers -> quantities: value, unit, kind, approximate, with exact offsets.

One precompiled regex finds every number-like token (digits, number words, fractions,
multiples, ordinals, "No. 1", "one in ten"); each is then judged by anchored matches on the
few characters around it, so the scan is linear in the text. What is *not* a claim is decided
here too: years, dates, times and durations; labels, model names, specs, index levels, codes,
phone numbers, URLs and promo lines are judged in ``numbers_labels``, counts told by words
alone ("only one", "a single", "the two sides") in ``numbers_counts``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker import lexicon as lx
from tracker.en import numbers_counts as nc
from tracker.en import numbers_words as nw
from tracker.en.numbers_labels import (
    SPEC_AFTER,
    masked_spans,
    not_a_count,
    occurrence,
    points_unit,
)
from tracker.en.numbers_units import (
    AGAINST_BEFORE,
    CHILD_AGE,
    CONTAINER_SIZE,
    CURRENCY_PREFIX,
    EVERY_BEFORE,
    MINUS_BEFORE,
    OUNCES_AFTER,
    SCALE_WORD,
    UNIT_AFTER,
    WEIGHT_BEFORE,
    WORD_AGE_BEFORE,
    carry_cents,
    carry_list_percent,
    carry_range_units,
    context_currency,
    currency_of_word,
    quantity_symbol,
)
from tracker.en.numbers_words import Quantity


def _alt(words: Iterable[object]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_WORD_NUM = nw.WORD_NUM
_FRACTION_NUMERATORS = "a|an|one|two|three|four|five|six|seven|eight|nine"
# Every alternative starts at a word boundary (or at a digit right after a currency mark)
# with a digit or one of these openings of a number word; checking them first lets the regex
# engine give up on most positions of a text at once. Keep it in step with the alternatives.
_FIRST = (
    r"(?=\d|(?i:a\s+(?:do|hu|th|mi|bi|tr|qu|ha|fi|si|se|ei|ni|te|fo|tw)|an\s|do[zu]|eig|ele|"
    r"fi[frv]|fo[ur]|hal|hun|nin|no\.|numb|one|qu[ai]|se[cv]|six|ten|thir|thr|tri|tw|zer))"
)
CANDIDATE = re.compile(
    r"(?:\b|(?=\d)(?:(?<=\bR)|(?<=\$[A-Z])|(?<=\bRM|\bDh|\bRp)|(?<=\$[A-Z]{2})|(?<=\b[A-Z]{3})))"
    rf"{_FIRST}(?:"
    r"(?P<oneinx>(?i:one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+(?:in|out\s+of)\s+"
    r"(?P<den>(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|\d{1,3}))\b)"
    rf"|(?P<frac>(?i:{_FRACTION_NUMERATORS})[\s-](?i:{_alt(lx.FRACTIONS)})\b(?![- ](?:percentage[- ])?point))"
    r"|(?P<point>(?i:quarter|half)[- ](?:percentage[- ])?point\b)"
    r"|(?P<no>(?:No\.|no\.|number)\s?(?P<nonum>\d{1,3}|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten)(?!-))\b)"
    r"|(?P<fold>(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3}(?:\.\d+)?)-?fold\b)"
    r"|(?P<ord>\d{1,3}(?:st|nd|rd|th)\b)"
    r"|(?P<num>(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?)"
    rf"|(?P<word>(?i:a\s+dozen|dozen|(?:{_WORD_NUM})(?:[- ]and[- ]a[- ]half\b|\s+dozen\b)?|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b))\b)"
    r"|(?P<single>(?i:a)\s+single\b)"
    r"|(?P<half>(?i:half)\b)"
    rf"|(?P<mult>(?i:{_alt(lx.MULTIPLE_WORDS)})\b)"
    rf"|(?P<ordw>(?i:{_alt(lx.ORDINALS)})\b)"
    r")"
)
SCALE_GLUED = re.compile(r"(bn|mn|m|k|b|tn|trn|bln|mln|Bn|BN|M|K|B)\b")
# "5m users" is five million; "a 5m-long wall" or "5m high" is a length.
GLUED_SCALE_NOUN = re.compile(
    r" (?!long\b|high\b|tall\b|deep\b|wide\b|away\b)(?:[a-z]{2,}s|people|staff|children)\b"
    r"| (?:new|more|active|monthly|daily|paying|registered|unique|former|current|young)\b"
)
TIME_AFTER = re.compile(
    rf"(?:[ -](?i:{_alt(lx.TIME_UNITS)})\b(?!-?(?:old|long)\b(?<=old))"
    r"|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|BST\b|ET\b)|:\d|/\d|s\b)"
)
HYPHEN_WORD = re.compile(r"-([a-z]+)")
TIMES_FREQ = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|quarter|season)\b")
PER_CURRENCY = re.compile(
    r"\s+(?:per|to\s+the|against\s+the|a)\s+(?:U\.S\.\s+)?(?:dollar|euro|pound|yen|yuan|greenback)\b"
)
CURRENCY_NAMED = re.compile(
    rf"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?({_alt(lx.CURRENCY_WORDS)}|sol|soles)\b"
)
YEN_YUAN_CUE = re.compile("|".join(lx.CHINA_CUES + lx.JAPAN_CUES))
LONG_DIGITS = 15  # longer digit runs are identifiers, not amounts


class _Scanner:
    """Judges the candidates of one text; ``masked`` holds URL and phone spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = masked_spans(text)
        self._mask_at = 0
        self._context: dict[str, str] = {}

    def _in_mask(self, start: int) -> bool:
        """Is ``start`` inside a masked span? Called with increasing positions."""
        masked = self.masked
        while self._mask_at < len(masked) and masked[self._mask_at][1] <= start:
            self._mask_at += 1
        return self._mask_at < len(masked) and masked[self._mask_at][0] <= start

    def currency(self, word: str, adjective: str | None) -> str | None:
        code = currency_of_word(word, adjective)
        if code == "":
            return None
        if code is None:
            lowered = word.lower()
            stem = (
                "peso"
                if lowered.startswith("peso")
                else "shilling"
                if lowered.startswith("shilling")
                else "krone"
            )
            if stem not in self._context:
                self._context[stem] = context_currency(self.text, stem)
            code = self._context[stem]
        return code

    def scan(self) -> list[Quantity]:
        found: list[Quantity] = []
        covered = 0  # claims never overlap: "half a dozen" holds no second "a dozen"
        for match in CANDIDATE.finditer(self.text):
            if match.start() < covered or (self.masked and self._in_mask(match.start())):
                continue
            quantity = self._judge(match)
            if quantity is not None and quantity.start >= covered:
                found.append(quantity)
                covered = quantity.end
        found = carry_range_units(self.text, found)
        return carry_cents(self.text, carry_list_percent(self.text, found))

    def _judge(self, match: re.Match[str]) -> Quantity | None:
        group = match.lastgroup
        if group == "num":
            return self._number(match, float(match.group().replace(",", "")), digits=True)
        if group == "word":
            return self._word(match)
        if group == "frac":
            return nw.fraction(self.text, match)
        if group == "oneinx":
            return nw.one_in(self.text, match)
        if group == "single":
            return nc.single(self.text, match)
        if group == "half":
            return nw.half(self.text, match)
        if group == "mult":
            return nw.multiple(self.text, match)
        if group == "fold":
            head = match.group()[: -len("fold")].rstrip("-").lower()
            value = float(head) if head[0].isdigit() else nw._word_value(head) or 100.0
            start, end = match.span()
            return Quantity(start, end, value, "x", "multiple", nw._approximate(self.text, start))
        if group in ("ord", "ordw"):
            return nw.ordinal(self.text, match)
        if group == "no":
            return nw.number_sign(self.text, match)
        if group == "point":
            start, end = match.span()
            value = 0.25 if match.group().lower().startswith("quarter") else 0.5
            return Quantity(start, end, value, "pp", "percent", nw._approximate(self.text, start))
        return None

    def _word(self, match: re.Match[str]) -> Quantity | None:
        text, start = self.text, match.start()
        word = match.group()
        if word[0].isupper() and not nw._sentence_initial(text, start):
            return None  # "Big Four", "Group of Seven"
        value = nw._word_value(word)
        if value is None:
            return None
        quantity = self._number(match, value, digits=False)
        if quantity is None:
            return None
        if quantity.scale != 1.0:
            return quantity  # "one million jobs", "a million people"
        if (
            value < 20
            and WORD_AGE_BEFORE.search(text, max(0, start - 20), start)
            and text.startswith((",", " and", ")"), quantity.end)
        ):
            return None  # "Bebe Lane, six, and ...": an age
        if quantity.bare and word.lower() == "one":
            return quantity if nc.lone_one_counts(text, start, quantity.end) else None
        if quantity.bare and (value <= 1 or word.lower() in ("a", "zero")):
            return None  # "one of", "no one": not a count
        if quantity.bare and value == 2 and nc.the_pair(text, start, quantity.end):
            return None
        return quantity

    def _number(self, match: re.Match[str], value: float, *, digits: bool) -> Quantity | None:
        text = self.text
        start, end = match.span()
        raw = match.group()
        if digits and (len(raw) > LONG_DIGITS or SPEC_AFTER.match(text, end)):
            return None  # an identifier, or a spec: "3-nanometer chips", "4K streaming"
        prefix = CURRENCY_PREFIX.search(text, max(0, start - 6), start) if start else None
        currency = None
        if prefix is not None:
            currency = _prefix_code(prefix.group())
            if prefix.group().strip() == "¥":
                currency = self._yen_or_yuan(start)
            elif prefix.group() == "R":
                currency = self._rand()
                if currency is None:
                    return None  # "R2" in another story is a label
            start = prefix.start()
        scale, pos = 1.0, end
        glued = SCALE_GLUED.match(text, pos) if digits else None
        if glued is not None and (
            currency
            or glued.group(1).lower() in ("bn", "mn", "tn", "trn", "bln", "mln")
            or _unit_follows(text, glued.end())
            or GLUED_SCALE_NOUN.match(text, glued.end())
            or (glued.group(1) == "m" and "million" in text[max(0, start - 80) : start])
        ):  # "27 million customers, ahead of EE with 25m"
            scale, pos = lx.SCALES[glued.group(1).lower()], glued.end()
        for _ in range(2):
            word = SCALE_WORD.match(text, pos)
            if word is None:
                break
            scale *= lx.SCALES[word.group(1).lower()]
            pos = word.end()
        if start and text[start - 1] in "-−" and (start < 2 or text[start - 2] in " ([\n"):
            start, value = start - 1, -value  # "output fell -0.8%"
        approximate = nw._approximate(text, start)
        if MINUS_BEFORE.search(text, max(0, start - 7), start):
            value = -value  # "confidence rose to minus 17"
        if currency is not None:
            if value == 1 and EVERY_BEFORE.search(text, max(0, start - 7), start):
                return None  # "every ¥1 move": a unit of comparison, no figure
            return Quantity(
                start, pos, value * scale, currency, "currency", approximate, scale=scale
            )
        unit = UNIT_AFTER.match(text, pos)
        if unit is not None and unit.lastgroup == "qty" and CONTAINER_SIZE.match(text, pos):
            return None  # "a 40-foot box": a container size, a label
        if unit is not None:
            judged = self._unit(unit, start, value * scale, approximate, scale)
            if judged is not None or unit.lastgroup in ("time", "times_freq", "points"):
                return judged
        if digits and not_a_count(text, start, pos, raw, value, scale):
            return None
        rate = self._exchange_rate(start, pos)
        if rate is not None:
            return Quantity(start, pos, value * scale, rate, "currency", approximate, scale=scale)
        if scale == 1.0 and value < 20 and CHILD_AGE.search(text, max(0, start - 24), start):
            return None  # "children under five": an age
        if not digits and HYPHEN_WORD.match(text, pos) and scale == 1.0:
            return None  # "one-way", "two-day": a compound adjective
        if digits and scale == 1.0 and TIME_AFTER.match(text, end):
            return None
        if scale == 1.0 and (nc.MORE_TIME.match(text, pos) or nc.RANGE_TIME.match(text, pos)):
            return None  # "two more years", "10 or 15 minutes": a duration
        return Quantity(
            start, pos, value * scale, "count", "count", approximate, scale=scale, bare=True
        )

    def _unit(self, unit: re.Match[str], start: int, value: float, approximate: bool,
              scale: float) -> Quantity | None:  # fmt: skip
        group = unit.lastgroup
        end = unit.end()
        if group == "pct":
            return Quantity(start, end, value, "%", "percent", approximate, True, scale)
        if group == "pp":
            return Quantity(start, end, value, "pp", "percent", approximate, True, scale)
        if group == "bp":
            return Quantity(start, end, value / 100, "pp", "percent", approximate, True, scale)
        if group == "sym":  # "800€"
            symbol = unit.group().strip()
            code = self._yen_or_yuan(start) if symbol == "¥" else lx.CURRENCY_SYMBOLS[symbol]
            return Quantity(start, end, value, code, "currency", approximate, True, scale)
        if group == "points":
            hyphen = unit.group().startswith("-")
            unit_name = points_unit(self.text, start, end, hyphen)
            if unit_name is None:
                return None
            if unit_name == "pp":
                return Quantity(start, end, value, "pp", "percent", approximate, True, scale)
            raw = self.text[start : unit.start()]  # "49 points" in a table, "a 24-point deficit"
            if not hyphen and raw[-1].isdigit():
                if not_a_count(self.text, start, unit.start(), raw, value, scale):
                    return None
            return Quantity(start, unit.start(), value, "count", "count", approximate,
                            scale=scale, bare=True)  # fmt: skip
        if group == "times":
            if TIMES_FREQ.match(self.text, end):
                return None
            if unit.group() == "x" and value >= 100:
                return None  # "777x jets": a model name
            if occurrence(self.text, start, end, value):  # "went to the polls four times"
                return Quantity(start, unit.start(), value, "count", "count", approximate,
                                scale=scale, bare=True)  # fmt: skip
            return Quantity(start, end, value, "x", "multiple", approximate, True, scale)
        if group == "cur":
            code = self.currency(unit.group("curword"), unit.group("adj"))
            if code is None:
                return None
            word = unit.group("curword").lower()
            if word.startswith("pound") and (
                OUNCES_AFTER.match(self.text, end)
                or WEIGHT_BEFORE.search(self.text, max(0, start - 40), start)
            ):  # "it weighs 2 pounds"
                return Quantity(start, end, value, "lb", "quantity", approximate, True, scale)
            if word.startswith(("cent", "pence", "penny")):
                value /= 100
            return Quantity(start, end, value, code, "currency", approximate, True, scale)
        if group == "iso":
            code = unit.group("iso").strip().upper()
            code = "CNY" if code == "RMB" else code
            return Quantity(start, end, value, code, "currency", approximate, True, scale)
        if group == "qty":
            return Quantity(start, end, value, quantity_symbol(unit.group("qty")), "quantity",
                            approximate, True, scale)  # fmt: skip
        return None  # a time unit: a duration, not a claim

    def _exchange_rate(self, start: int, end: int) -> str | None:
        """ "The sol was little changed at 3.74 per dollar": 3.74 of the currency named."""
        if PER_CURRENCY.match(self.text, end) is None:
            return None
        named = [  # "The peso, up 11% against the dollar, traded at 18.45 per dollar": the peso
            match
            for match in CURRENCY_NAMED.finditer(self.text, max(0, start - 80), start)
            if not AGAINST_BEFORE.search(self.text, max(0, match.start() - 16), match.start())
        ]
        if not named:
            return None
        return self.currency(named[-1].group(1), None)

    def _rand(self) -> str | None:
        if "rand" not in self._context:
            lowered = self.text[:20000].lower()
            self._context["rand"] = "ZAR" if any(cue in lowered for cue in lx.RAND_CUES) else ""
        return self._context["rand"] or None

    def _yen_or_yuan(self, position: int) -> str:
        """¥ is yuan or yen: by the nearest country cue before it in the paragraph, else by
        which country the article names more."""
        paragraph = max(0, self.text.rfind("\n", 0, position))
        near = YEN_YUAN_CUE.findall(self.text[max(paragraph, position - 400) : position].lower())
        if near:
            return "JPY" if near[-1] in lx.JAPAN_CUES else "CNY"
        if "yen" not in self._context:
            lowered = self.text[:20000].lower()
            china = sum(lowered.count(w) for w in lx.CHINA_CUES)
            japan = sum(lowered.count(w) for w in lx.JAPAN_CUES)
            self._context["yen"] = "CNY" if china > japan else "JPY"
        return self._context["yen"]


def _prefix_code(symbol: str) -> str:
    symbol = re.sub(r"\s+", "", symbol).lower()
    if symbol in lx.CURRENCY_SYMBOLS:
        return lx.CURRENCY_SYMBOLS[symbol]
    code = symbol.upper()
    return "CNY" if code == "RMB" else code


def _unit_follows(text: str, pos: int) -> bool:
    unit = UNIT_AFTER.match(text, pos)
    return unit is not None and unit.lastgroup in ("cur", "iso", "qty")


def find_quantities(text: str) -> list[Quantity]:
    """Every claim-like number in ``text``, in order of position."""
    if not text:
        return []
    return _Scanner(text).scan()
