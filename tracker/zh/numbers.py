"""Figures in Chinese text: numerals, scales, units and what is not a figure.

Reads Arabic (also full-width) and Chinese numerals and their mixtures (3.2万亿元,
1286.5万, 三百二十, 两), scales 万/亿/万亿, currencies (元, 美元, 欧元, ...) as ISO codes,
percentages (%, 百分之十五), percentage points (个百分点 -> ``pp``), 成 and 分之
fractions and 倍 / 翻一番 multiples (``x``), ranks (第N, 排名第N, 第N大, 居首), counts with
measure words (300家, 15款) and physical quantities (吉瓦, 吨). Approximators (约, 近,
超过, 逾, 余, 左右, 以上) mark a figure approximate and stay outside its surface.

A Chinese numeral only counts with a unit, a measure word or a scale after it, so words
that merely contain numeral characters (统一, 一些, 七国集团, 十四五, 三线城市, 第一财经)
are not figures; dates, times, durations, labels (5A级, 一期) and numbers inside
《titles》 or glued to Latin letters (5G, H100) are dropped. Everything is one pass of
compiled patterns over a paragraph, with a few characters of context on either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.zh.context import refine
from tracker.zh.numerals import arabic_value, chinese_value, scale_value
from tracker.zh.units import (
    APPROX_AFTER,
    APPROXIMATOR_BEFORE,
    CHENG_NOT_AFTER,
    CLAUSE_TAIL,
    CN_SMALL_UNITS,
    CURRENCY_PREFIXES,
    DOUBLING,
    DOUBLINGS,
    HALF,
    LATIN_BEFORE,
    ONE_IN,
    RANGE,
    RANK_NOT_AFTER,
    RANK_REGIONS,
    RANK_VERBS,
    TITLE,
    TOKEN,
    TOP_NOT_AFTER,
    TOP_NOT_BEFORE,
    TOP_RANK,
    UNIT,
    UNIT_OR_HAN,
    VAGUE,
    unit_of,
)

# 从8.7%升至14.1: a later figure of the same clause written without its unit.
CARRY_BEFORE = re.compile(r"(?:至|到)$")


@dataclass(frozen=True)
class Figure:
    """One figure: ``text[start:end]`` is its surface."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    approximate: bool = False


def _plain_number(numeral: str) -> float | None:
    return arabic_value(numeral) if numeral[0].isdigit() else chinese_value(numeral)


def _approximate_before(text: str, start: int, floor: int) -> bool:
    return APPROXIMATOR_BEFORE.search(text, max(floor, start - 4), start) is not None


def _number_value(match: re.Match[str]) -> tuple[float | None, bool]:
    """(value, approximate-inside) of a TOKEN match's main number, scale included."""
    arabic, arabic_scale, arabic_more, numeral, chinese_scale, chinese_more = match.group(
        "ar", "ar_scale", "ar_more", "cn", "cn_scale", "cn_more"
    )
    if arabic:
        value: float | None = arabic_value(arabic)
        scale, more = arabic_scale, arabic_more
    else:
        scale, more = chinese_scale, chinese_more
        bare_round = numeral in ("百", "千") and not (more or scale)
        if bare_round and APPROXIMATOR_BEFORE.search(
            match.string, max(0, match.start() - 4), match.start()
        ):
            return float(CN_SMALL_UNITS[numeral]), False  # 近千座, 超过百款: about a thousand
        if numeral in ("零", "〇") or (
            numeral[0] in "百千" and not (more or scale or "万" in numeral or "亿" in numeral)
        ):
            return None, False
        value = chinese_value(numeral)
    if value is not None and scale:
        value *= scale_value(scale)
    return value, bool(more)


def _title_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [match.span() for match in TITLE.finditer(text, start, end)]


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in text[start:end] (a sentence or paragraph), in order of position."""
    end = len(text) if end is None else end
    segment = text[start:end]  # each word figure below needs a character of its own
    titles = _title_spans(text, start, end) if "《" in segment else []
    figures: list[Figure] = []
    for match in TOKEN.finditer(text, start, end):
        if titles and any(s <= match.start() < e for s, e in titles):
            continue
        figure = _figure(text, match, start, end)
        if figures and (figure is None or figure.unit == "count") and match.group("ar"):
            figure = _carried_unit(text, match, figure, figures[-1]) or figure
        if figure is not None:
            figures.append(figure)
    for match in ONE_IN.finditer(text, start, end) if "每" in segment else ():
        many, few = _plain_number(match.group("n")), _plain_number(match.group("m"))
        if many and few is not None and few <= many:
            figures = [f for f in figures if not match.start() <= f.start < match.end()]
            figures.append(Figure(match.start("n"), match.end("m"), few / many, "x", "multiple"))
    doubling = "翻" in segment or "倍增" in segment
    for match in DOUBLING.finditer(text, start, end) if doubling else ():
        times = DOUBLINGS.get(match.group("n") or "一", 1)
        figures.append(Figure(match.start(), match.end(), float(2**times), "x", "multiple"))
    for match in HALF.finditer(text, start, end) if "半" in segment else ():
        approximate = _approximate_before(text, match.start(), start)
        figures.append(Figure(match.start(), match.end(), 0.5, "x", "multiple", approximate))
    top = "首" in segment or "头号" in segment
    for match in TOP_RANK.finditer(text, start, end) if top else ():
        group = "s" if match.group("s") else "head"  # 头号威胁: the No. 1 threat
        figures.append(Figure(match.start(group), match.end(group), 1.0, "rank", "rank"))
    figures.sort(key=lambda figure: (figure.start, -figure.end))
    kept: list[Figure] = []
    for figure in figures:
        if not kept or figure.start >= kept[-1].end:
            kept.append(figure)
    return refine(text, start, end, kept, Figure)


def _carried_unit(
    text: str, match: re.Match[str], figure: Figure | None, previous: Figure
) -> Figure | None:
    """The figure at ``match`` with the unit of ``previous`` when the clause implies it.

    "从8.7%升至14.1" and "从3.5亿元增至4.2亿": the second figure, right after 至 / 到 in
    the same clause, has no unit (or only a scale) and takes the first one's.
    """
    if previous.kind not in ("percent", "currency") or previous.end > match.start():
        return None
    between = text[previous.end : match.start()]
    if any(mark in between for mark in "，。；：,;") or not CARRY_BEFORE.search(between):
        return None
    end = figure.end if figure is not None else match.end()
    if UNIT_OR_HAN.match(text, end):
        return None  # a measure word follows: 升至14.1万辆 stays a count
    value = figure.value if figure is not None else arabic_value(match.group("ar"))
    if figure is None and match.group("ar_scale"):
        value *= scale_value(match.group("ar_scale"))
    return Figure(match.start(), end, value, previous.unit, previous.kind, previous.approximate)


def _figure(text: str, match: re.Match[str], floor: int, ceiling: int) -> Figure | None:
    """The figure a TOKEN match stands for, or None when it is not a claim."""
    first = match.start()
    before = text[first - 1] if first > floor else ""
    negative = before in ("−", "－") and bool(match.group("ar"))
    if match.group("ar") and not match.group("pre") and before and before in LATIN_BEFORE:
        ahead = text[first - 2] if first - 2 >= floor else ""
        if before in "-~" and ahead.isdigit():
            pass  # 10-15%: the end of a range
        elif before == "-" and not (ahead.isascii() and (ahead.isalnum() or ahead in "-_/.")):
            negative = True  # 增速为-3.2%
        else:
            return None
    figure = _unsigned(text, match, floor, ceiling, before)
    if negative and figure is not None and figure.start == first:
        return replace(figure, start=first - 1, value=-figure.value)
    return figure


def _unsigned(
    text: str, match: re.Match[str], floor: int, ceiling: int, before: str
) -> Figure | None:
    first, last = match.span()
    prefix, chinese, denominator = match.group("pre", "cn", "den")
    if prefix == "百分之":
        return _percent_words(text, match, floor, ceiling)
    value, more = _number_value(match)
    if value is None:
        return None
    if chinese and first > floor and VAGUE.match(text, first - 1):
        return None  # 数十家, 几十万人, 上百家, 成千上万: no figure is asserted
    if denominator:
        return _fraction(text, match, value, floor)
    if prefix == "千分之":
        return Figure(
            first, last, value / 1000, "x", "multiple", _approximate_before(text, first, floor)
        )
    if before == "第":
        return _rank(text, match, value, floor, ceiling)
    if before == "前":
        return _top(text, match, value, floor, ceiling)
    approximate = more or _approximate_before(text, first, floor)
    # 1600余名: the surface stops before 余 unless a scale follows it (2000余万).
    surface_end = last
    more_group = "cn_more" if chinese else "ar_more"
    scale_group = "cn_scale" if chinese else "ar_scale"
    if match.group(more_group) and not match.group(scale_group):
        surface_end = match.start(more_group)
    return _with_unit(text, match, value, approximate, surface_end, floor, ceiling)


def _with_unit(
    text: str,
    match: re.Match[str],
    value: float,
    approximate: bool,
    surface_end: int,
    floor: int,
    ceiling: int,
) -> Figure | None:
    first, last = match.start(), match.end()
    scaled = match.group("ar_scale") or match.group("cn_scale") or _has_scale(match)
    if scaled and text.startswith(("余", "多"), last):
        approximate, last = True, last + 1  # 8万余人: the surface stays 8万
    unit_match = UNIT.match(text, last, ceiling)
    if unit_match is None:
        carried = RANGE.match(text, last, ceiling)
        if carried:
            unit_match = UNIT.match(text, carried.end(), ceiling)
            group = unit_match.lastgroup if unit_match is not None else None
            if unit_match is not None and group in (
                "pct",
                "pp",
                "bp",
                "cur_word",
                "x",
                "qty",
                "count",
            ):
                # 3000万至5000万元, 10-15%, 5至8座: the first number takes the second's unit.
                unit, kind, scale = unit_of(unit_match)
                return Figure(first, surface_end, value * scale, unit, kind, approximate)
            unit_match = None
    if unit_match is None:
        return _bare(text, match, value, approximate, surface_end, floor, ceiling)
    group = unit_match.lastgroup
    unit_end = unit_match.end()
    approximate = approximate or text.startswith(APPROX_AFTER, unit_end)
    if group == "skip" and unit_match.group() == "点" and (value > 24 or value != int(value)):
        if not text.startswith(("钟", "半"), unit_end):  # 报3856.21点: index points, not 9点
            return Figure(first, surface_end, value, "count", "count", approximate)
    if group in ("skip", "latin_word"):
        return None
    if group == "cheng":
        cn = match.group("cn")
        if value > 10 or text[unit_end : unit_end + 1] in CHENG_NOT_AFTER:
            return None
        if cn is None and value != int(value) and value > 10:
            return None
        return Figure(first, unit_end, value / 10, "x", "multiple", approximate)
    if group == "count":
        if match.group("cn") == "一" or text.startswith("数", unit_end):
            return None
        return Figure(first, surface_end, value, "count", "count", approximate)
    unit, kind, scale = unit_of(unit_match)
    if unit == "CNY" and text[unit_match.start() : unit_end] == "元":
        prefix = _currency_prefix(text, first, floor)  # 新台币2637亿元: New Taiwan dollars
        unit = prefix[1] if prefix else unit
    return Figure(first, unit_end, value * scale, unit, kind, approximate)


def _bare(
    text: str,
    match: re.Match[str],
    value: float,
    approximate: bool,
    surface_end: int,
    floor: int,
    ceiling: int,
) -> Figure | None:
    """A number with no unit after it: money after 人民币/$, a scaled count, or nothing."""
    first, last = match.start(), match.end()
    after = text[last : last + 1]
    if after and (after.isascii() and after.isalnum()):
        return None
    prefix = _currency_prefix(text, first, floor)
    if prefix:
        return Figure(prefix[0], last, value, prefix[1], "currency", approximate)
    numeral = match.group("cn") or ""
    if numeral[:1] in ("十", "百", "千"):
        return None  # 千万不要, 百万富翁: words, not figures, without a unit
    if match.group("ar_scale") or match.group("cn_scale") or _has_scale(match):
        if text.startswith(("年", "月", "日"), last):
            return None
        return Figure(first, surface_end, value, "count", "count", approximate)
    arabic = match.group("ar") or ""
    if "." in arabic and text[first - 1 : first] in ("为", "达", "是") and after in "，。；、":
        return Figure(first, last, value, "count", "count", approximate)  # 库存系数为1.58，
    return None


def _has_scale(match: re.Match[str]) -> bool:
    numeral = match.group("cn") or ""
    return "万" in numeral or "亿" in numeral


PREFIX_LAST = frozenset(word[-1] for word, _ in CURRENCY_PREFIXES)


def _currency_prefix(text: str, first: int, floor: int) -> tuple[int, str] | None:
    if first <= floor or text[first - 1] not in PREFIX_LAST:
        return None  # most numbers have no currency word right before them
    for word, code in CURRENCY_PREFIXES:
        if text.startswith(word, max(floor, first - len(word))) and first - len(word) >= floor:
            return first - len(word), code
    return None


def _percent_words(text: str, match: re.Match[str], floor: int, ceiling: int) -> Figure | None:
    """百分之十五 -> 15 %."""
    if match.group("den"):
        return None
    value, _ = _number_value(match) if match.group("cn") != "百" else (100.0, False)
    if value is None:
        return None
    first, last = match.start(), match.end()
    approximate = _approximate_before(text, first, floor) or text.startswith(APPROX_AFTER, last)
    return Figure(first, last, value, "%", "percent", approximate)


def _fraction(text: str, match: re.Match[str], denominator: float, floor: int) -> Figure | None:
    """四分之一 -> 0.25 x (the first number is the denominator)."""
    den = match.group("den")
    numerator = arabic_value(den) if den[0].isdigit() else chinese_value(den)
    if not numerator or not denominator:
        return None
    approximate = _approximate_before(text, match.start(), floor)
    return Figure(match.start(), match.end(), numerator / denominator, "x", "multiple", approximate)


def _rank(text: str, match: re.Match[str], value: float, floor: int, ceiling: int) -> Figure | None:
    """第N is a rank after 排名/位居/跻身 or a region word, or as 第N大 / 第N名 / 第N位."""
    first, last = match.start() - 1, match.end()
    tail = text[last:ceiling]
    if tail.startswith(RANK_NOT_AFTER) or value != int(value):
        return None
    clause = CLAUSE_TAIL.search(text, max(floor, first - 8), first)
    lead = clause.group() if clause else ""
    ranked = tail[:1] in ("大", "名", "位") or any(verb in lead for verb in RANK_VERBS)
    ranked = ranked or lead.endswith(RANK_REGIONS)
    if not ranked:
        return None
    return Figure(first, last, value, "rank", "rank", _approximate_before(text, first, floor))


def _top(text: str, match: re.Match[str], value: float, floor: int, ceiling: int) -> Figure | None:
    """排名前三 / 前三名 -> a count of 3 with surface 三; 前三季度 and 此前三年 are periods."""
    first, last = match.start(), match.end()
    if text.startswith(TOP_NOT_AFTER, last) or value != int(value):
        return None
    before = text[first - 2] if first - 2 >= floor else ""
    if value == 1 or (before and before in TOP_NOT_BEFORE):
        return None
    return Figure(first, last, value, "count", "count")
