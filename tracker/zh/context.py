"""Chinese figures that only their context decides (a second pass over tracker.zh.numbers).

- A scaled amount without 元 in a clause about money (销售规模达到2000亿, 年薪200多万) is
  money; a bare 千元 / 千亿 / 百亿 there is too (千元档, 千亿目标).
- A number after 这 / 那 / 此 (这7名前外相, 那两个小孩) points back at things already
  counted: no new claim.
- Sports records and scores: 0胜29负, 13投8中, 以139-107大胜, 得到20分 are counts.
- Written fractions 1/3 are multiples; 十几 / 十来 (a dozen or so) counts as ten; N强 and
  N大 + noun (五强, 两大难题) count the members.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from tracker.zh.units import MEASURE_WORDS


class _Figure(Protocol):
    start: int
    end: int
    value: float
    unit: str
    kind: str
    approximate: bool


MONEY_WORDS = re.compile(
    r"销售|金额|营收|收入|营业额|利润|年薪|月薪|工资|薪酬|奖金|资金|投资|融资|市值|估值|"
    r"售价|价格|成本|费用|预算|补贴|罚款|赔偿|贷款|存款|规模|身价|票房|交易额|成交额|GMV"
)
MONEY_CLAUSE = 24  # characters before a figure that can say it is money
CLAUSE_MARK = re.compile(r"[，。；：！？,;:!?]")
BARE_SCALE = re.compile(
    r"(?<![\d一二三四五六七八九十两百千万亿几数上成])(千|百)(亿|万)?(?=元|亿|万|档|级|目标|以下|以上)"
)
SCALE = {"千": 1e3, "百": 1e2, "万": 1e4, "亿": 1e8}
POINTING = frozenset("这那此")
MEASURES = frozenset(word for word in MEASURE_WORDS if len(word) == 1) - {"城"}
RECORD = re.compile(r"(\d{1,3})(?:胜|勝)(\d{1,3})(?:负|負)|(\d{1,3})投(\d{1,3})中")
SCORE = re.compile(r"(?:以|比分|比分为|比分是)(\d{2,3})[-:：比](\d{2,3})(?=[^\d])")
POINTS = re.compile(r"(?:得到|拿下|砍下|贡献|得|拿到|轰下|攻下)(\d{1,3})分(?![钟之])")
WRITTEN_FRACTION = re.compile(r"(?<![\d/.])([1-9])/([2-9]|10)(?![\d/.])")
TEENS = re.compile(r"十(?:几|来)(?=[个名位家人次所])")
MEMBERS = re.compile(
    r"(?<![第前\d一二三四五六七八九十两])([两二三四五六七八九十])(?:强(?![化调度])|大(?=[\u4e00-\u9fff0-9A-Za-z])(?!"
    r"会|学|众|概|约|幅|多|量|小|家|型|批|部|都|力|胆|规模|范围|程度|面积|比例|楼|厦|道|街|门|师|使|佬|妈|爷|哥|姐))"
)
CN_DIGITS = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def refine(text: str, start: int, end: int, figures: list, make) -> list:  # noqa: ANN001
    """The figures of text[start:end] after the context rules; ``make`` builds a Figure."""
    kept = []
    for figure in figures:
        if figure.start > start and text[figure.start - 1] in POINTING:
            continue
        scaled = "万" in text[figure.start : figure.end] or "亿" in text[figure.start : figure.end]
        if figure.kind == "count" and scaled and _about_money(text, figure, start):
            figure = replace(figure, unit="CNY", kind="currency")
        kept.append(figure)
    added = list(_context_figures(text, start, end, make))
    if added:
        taken = [(f.start, f.end) for f in kept]
        for figure in added:
            if not any(s < figure.end and figure.start < e for s, e in taken):
                kept.append(figure)
        kept.sort(key=lambda figure: (figure.start, -figure.end))
    return kept


def _about_money(text: str, figure: _Figure, floor: int) -> bool:
    """Is the clause before the figure about money (and the figure not a count of things)?"""
    after = text[figure.end : figure.end + 2].lstrip("余多来")[:1]
    if after in MEASURES:
        return False  # 2000亿块, 8亿部: a measure word follows
    begin = max(floor, figure.start - MONEY_CLAUSE)
    clause = text[begin : figure.start]
    mark = max((m.end() for m in CLAUSE_MARK.finditer(clause)), default=0)
    return bool(MONEY_WORDS.search(clause, mark)) or "元" in text[figure.end : figure.end + 2]


def _context_figures(text: str, start: int, end: int, make):  # noqa: ANN001, ANN202
    segment = text[start:end]
    if "千" in segment or "百" in segment:
        for match in BARE_SCALE.finditer(text, start, end):
            value = SCALE[match.group(1)] * (SCALE[match.group(2)] if match.group(2) else 1)
            follows = text[match.end() : match.end() + 1]
            if follows == "元" or _about_money(text, _Span(match.start(), match.end()), start):
                surface_end = match.end() + (1 if follows == "元" else 0)
                yield make(match.start(), surface_end, value, "CNY", "currency", False)
    for pattern in (RECORD, SCORE):
        for match in pattern.finditer(text, start, end):
            for group in (1, 2, 3, 4) if pattern is RECORD else (1, 2):
                if match.group(group) is not None:
                    value = float(match.group(group))
                    yield make(match.start(group), match.end(group), value, "count", "count", False)
    if "分" in segment:
        for match in POINTS.finditer(text, start, end):
            yield make(match.start(1), match.end(1), float(match.group(1)), "count", "count", False)
    if "/" in segment:
        for match in WRITTEN_FRACTION.finditer(text, start, end):
            numerator, denominator = int(match.group(1)), int(match.group(2))
            if numerator < denominator and _han_around(text, match.start(), match.end()):
                value = numerator / denominator
                yield make(match.start(), match.end(), value, "x", "multiple", False)
    if "十" in segment:
        for match in TEENS.finditer(text, start, end):
            yield make(match.start(), match.end(), 10.0, "count", "count", True)
    for match in MEMBERS.finditer(text, start, end):
        if match.start() > start and text[match.start() - 1] in POINTING:
            continue
        value = float(CN_DIGITS[match.group(1)])
        yield make(match.start(1), match.end(1), value, "count", "count", False)


def _han_around(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return "\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
