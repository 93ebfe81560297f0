"""What a Chinese figure is about: entity, metric and period (best effort).

The metric is the phrase in front of the figure in its clause (旅游总收入, 净利润), with
verbs of change and approximators trimmed; a bare change (同比增长18.6%) borrows the metric
of the figure before it. The period comes from the sentence (2025年上半年, 一季度, 去年)
resolved against the publication date. The entity is the latest organization the article
named in or before the sentence.
"""

from __future__ import annotations

import re

CLAUSE_BOUNDARY = "，。；：！？,;:!?、\n（）()"
TRAILING = re.compile(
    r"(?:同比|环比|较上年|较去年同期|较去年|比去年同期|比上年|累计|合计|共计|共|总计|"
    r"实现|达到|达|约为|约|为|是|近|超过|逾|至|到|了|的|有|将|已|仍|高达|多达|每晚|每吨|每人|仅|只有|占比)+$"
)
CHANGE_ONLY = re.compile(
    r"^(?:同比|环比)?(?:增长|下降|提高|提升|增加|减少|上涨|下跌|回落|回升|扩大|缩小)$"
)
LEADING = re.compile(
    r"^(?:其中|同时|此外|另外|而|但|并|且|全市|全省|全国|当地|公司|今年|去年|上半年)+"
)
YEAR = re.compile(r"(20\d{2}|19\d{2})年")
HALF = re.compile(r"(上|下)半年|半年报|半年度")
QUARTER = re.compile(r"(?:第)?([一二三四1-4])季度")
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


def metric_before(
    text: str, sentence_start: int, figure_start: int, previous: str | None
) -> str | None:
    """The phrase naming what the figure at ``figure_start`` measures."""
    begin = figure_start
    while begin > sentence_start and text[begin - 1] not in CLAUSE_BOUNDARY:
        begin -= 1
    words = text[begin:figure_start]
    for _ in range(3):
        trimmed = TRAILING.sub("", LEADING.sub("", words)).strip()
        if trimmed == words:
            break
        words = trimmed
    words = words[-16:]
    if not words or CHANGE_ONLY.match(words):
        return f"{previous} {words}".strip() if previous else (words or None)
    return words


def period_of(sentence: str, published: str | None) -> str | None:
    """'2025-H1', '2025-Q3', '2025' or None, from the sentence and the article date."""
    year: int | None = None
    explicit = YEAR.search(sentence)
    if explicit:
        year = int(explicit.group(1))
    else:
        for word, offset in RELATIVE_YEAR.items():
            if word in sentence and published and published[:4].isdigit():
                year = int(published[:4]) + offset
                break
    half = HALF.search(sentence)
    quarter = QUARTER.search(sentence)
    if year is None and (half or quarter) and published and published[:4].isdigit():
        year = int(published[:4])
    if year is None:
        return None
    if quarter:
        digit = quarter.group(1)
        return f"{year}-Q{QUARTERS.get(digit, digit)}"
    if half:
        return f"{year}-H{2 if half.group(1) == '下' else 1}"
    return str(year)


def entity_in(sentence: str, names: list[str], previous: str | None) -> str | None:
    """The latest known organization mentioned in the sentence, else the previous entity."""
    best: tuple[int, str] | None = None
    for name in names:
        position = sentence.rfind(name)
        if position >= 0 and (best is None or position > best[0]):
            best = (position, name)
    return best[1] if best else previous
