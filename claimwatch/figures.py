"""Figures and claim keys as a person writes them: "$630 million", "14.1%", "400 billion yuan",
"1.1 percentage points", "5th"; a key as "Stratacloud · cloud revenue · 2025-Q4".

The database keeps values in whole units of ``unit`` (630000000.0 USD); these functions are
for display only (Datasette cells, the demo's tables).
"""

from __future__ import annotations

# Money written with a symbol before the number, and money written with a word after it.
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "C$", "AUD": "A$", "HKD": "HK$"}
CURRENCY_WORDS = {
    "CNY": "yuan", "JPY": "yen", "KRW": "won", "INR": "rupees", "DKK": "Danish kroner",
    "SEK": "Swedish kronor", "NOK": "Norwegian kroner", "CHF": "Swiss francs", "RUB": "roubles",
}  # fmt: skip
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def human_number(value: float) -> str:
    """630000000 -> '630 million', 7.9e9 -> '7.9 billion', 36400 -> '36,400', 14.1 -> '14.1'."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _ordinal(value: float) -> str:
    number = int(value)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def human_figure(value: float | None, unit: str | None) -> str:
    """A stored value and unit as an article would write them ('' for no value)."""
    if value is None:
        return ""
    sign, size = ("-" if value < 0 else ""), abs(value)
    if unit in CURRENCY_SYMBOLS:
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{human_number(size)}"
    if unit in CURRENCY_WORDS:
        return f"{human_number(value)} {CURRENCY_WORDS[unit]}"
    if unit == "%":
        return f"{human_number(value)}%"
    if unit == "pp":
        return f"{human_number(value)} percentage point" + ("" if size == 1 else "s")
    if unit == "x":
        return f"{human_number(value)} times"
    if unit == "rank" and float(value).is_integer() and value > 0:
        return _ordinal(value)
    if not unit or unit == "count":
        return human_number(value)
    return f"{human_number(value)} {unit}"


def key_label(entity: str | None, metric: str | None, period: str | None) -> str | None:
    """What a claim key speaks about: 'Stratacloud · cloud revenue · 2025-Q4' (parts it lacks
    left out; None when it has none)."""
    return " · ".join(part for part in (entity, metric, period) if part) or None


def key_text_label(key: str) -> str | None:
    """A stored key ('entity|metric|unit kind|period') as 'entity · metric · period'."""
    parts = key.split("|")
    if len(parts) != 4:
        return None
    entity, metric, _, period = parts
    return key_label(entity, metric, period)
