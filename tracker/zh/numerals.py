"""Values of Chinese numerals: Arabic (also full-width) digits, Chinese numerals (三百二十,
两, 一万二千), and the scales 万/亿/万亿."""

from __future__ import annotations

from tracker.zh.units import CN_DIGITS, CN_SMALL_UNITS, FULL_WIDTH


def arabic_value(digits: str) -> float:
    """'1,286.5' or full-width '１２' -> float."""
    return float(digits.translate(FULL_WIDTH).replace(",", ""))


def _section_value(numeral: str) -> int | None:
    """A Chinese numeral below 10,000 (三百二十, 十五, 一千零五), or None if malformed."""
    total, digit, last_unit, zero_seen = 0, None, 100_000, False
    for char in numeral:
        if char in CN_DIGITS:
            if digit is not None:
                return None
            if CN_DIGITS[char] == 0:
                zero_seen = True
                continue
            digit = CN_DIGITS[char]
        else:
            unit = CN_SMALL_UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero_seen = None, unit, False
    if digit is not None:
        # 三百五 means 350; 三百零五 means 305.
        total += digit * (last_unit // 10 if 10 < last_unit < 100_000 and not zero_seen else 1)
    return total


def chinese_value(numeral: str) -> float | None:
    """Strictly parse a Chinese numeral with 万/亿 and 点 (三点五亿 -> 350000000.0)."""
    if not numeral:
        return None
    for scale_char, scale in (("亿", 10**8), ("万", 10**4)):
        if scale_char in numeral:
            high, _, low = numeral.partition(scale_char)
            high_value = chinese_value(high)
            low_value = chinese_value(low) if low else 0.0
            if high_value is None or low_value is None:
                return None
            return high_value * scale + low_value
    whole, dot, fraction = numeral.partition("点")
    value = _section_value(whole) if whole else None
    if value is None:
        return None
    if dot:
        digits = "".join(str(CN_DIGITS.get(char, "x")) for char in fraction)
        if not digits.isdigit():
            return None
        return float(f"{value}.{digits}")
    return float(value)


def scale_value(scale: str) -> float:
    """万 -> 1e4, 亿 -> 1e8, 万亿 -> 1e12, 千万 -> 1e7, 千 -> 1e3, 兆 -> 1e12."""
    value = 1.0
    for char in scale:
        value *= {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "兆": 10**12}[char]
    return value
