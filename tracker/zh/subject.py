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
# Words trimmed from the end of a metric phrase, longest first.
TRAILING = tuple(
    sorted(
        "同比 环比 较上年 较去年同期 较去年 比去年同期 比上年 累计 合计 共计 共 总计 实现 达到 达 "
        "约为 约 为 是 近 超过 逾 至 到 了 的 有 将 已 仍 高达 多达 每晚 每吨 每人 仅 只有 占比 "
        "分别为 分别 均为 均 都 也 还 则 却 更是 更 最高 最 仅有 已达 突破 大约 可能在 可能 或将 预计 "
        "保持着 保持 持续 在".split(),
        key=len,
        reverse=True,
    )
)
TRAILING_RUN = re.compile("(?:" + "|".join(TRAILING) + ")+$")
# Longest stretch before a figure that can hold its metric.
METRIC_WINDOW = 24
RESPECTIVE_ITEMS = re.compile(r"和|与|及|、")
JOINERS = frozenset("和 与 及 、 或 以及 而".split())
# 比2017年的 / 较上年: the comparison inside a metric phrase, left out of it.
COMPARED = re.compile(r"(?:比|较|与)(?:上年|去年|前年|[0-9]{4}年)(?:同期)?(?:的)?")
# A count's measure word (optional) and the noun after it, up to a clause mark.
MEASURE = re.compile(
    r"(?:多|余|来)?(?:个|名|位|家|款|项|件|所|座|台|辆|架|艘|例|户|只|条|种|类|次|篇|场|届|幅|幢|栋|"
    r"块|张|部|本|口|批|支|套|份|间|头)?"
)
NOUN = re.compile(r"[\u4e00-\u9fff]{2,10}")
NOUN_STOP = re.compile(
    r"[的和与及在将已都均按被把从向为是了着过就也还却又再会要让使给对于全仅只接中里上下]"
)
CHANGE_ONLY = re.compile(
    r"^(?:同比|环比)?(?:增长|下降|提高|提升|增加|减少|上涨|下跌|回落|回升|扩大|缩小)$"
)
LEADING = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十—\-]+(?:年|月份|月|日)|截至|其中|同时|此外|另外|而|但|并|且|"
    r"全市|全省|全国|全县|全区|当地|公司|今年|去年|上半年|下半年|前三季度|全年|实现|完成|录得|累计|共计|合计|"
    r"更是|也|还|则|均|都|仍|又|却|并且|并|且|分别|其|目前|当前|共)+"
)
# Legal forms left out of an entity's key, so 华岳新能源科技股份有限公司 and a later
# article's 华岳新能源科技有限公司 key alike.
LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司)$")
PERIOD = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年|(?P<relative>今年|本年|去年|上年|明年|前年))?"
    r"(?:(?P<first>1|一)(?:月)?[-—–~至到](?P<last>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?"
    r"|前(?P<quarters>[一二三])季度|前(?P<months>\d{1,2}|[一二三四五六七八九十]{1,2})个月"
    r"|(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?(?:(?P<day>\d{1,2})日)?(?![\d底末])"
    r"|(?:第)?(?P<quarter>[一二三四1-4])季度|(?P<half>上|下)半年)"
    r"|(?P<year_only>(?:19|20)\d{2})年(?!\d)|(?P<relative_only>今年|本年|去年|上年|明年|前年)"
)
CHINESE_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                  "十": 10, "十一": 11, "十二": 12}  # fmt: skip
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


def metric_before(text: str, floor: int, figure_start: int, previous: str | None) -> str | None:
    """The phrase naming what the figure at ``figure_start`` measures.

    ``floor`` is where the search may begin: the sentence start or the end of the figure
    before it, so "从19.6%提升至27.2%" does not fold the first figure into the second's metric.
    """
    begin = figure_start
    floor = max(floor, figure_start - METRIC_WINDOW)
    while begin > floor and text[begin - 1] not in CLAUSE_BOUNDARY:
        begin -= 1
    words = text[begin:figure_start].strip()
    origin = words.find("从", 2)
    if origin > 0:
        words = words[:origin]  # 比重从去年同期的19.6%: the metric ends before 从
    leading = LEADING.match(words)
    if leading:
        words = words[leading.end() :]
    words = COMPARED.sub("", _trim_end(words.strip()))
    words = _trim_end(words.strip())[-16:]
    if not words or CHANGE_ONLY.match(words) or len(words) <= 2:
        # 同比增长 / 价值 / 和 after a figure: a part of the metric before it.
        words = "" if words in JOINERS else words
        return f"{previous} {words}".strip() if previous else (words or None)
    return words


def respective(text: str, floor: int, figure_start: int) -> list[str] | None:
    """'毛利率和净利率分别较去年同期下滑' -> ['毛利率下滑', '净利率下滑']: one per figure."""
    begin = figure_start
    floor = max(floor, figure_start - METRIC_WINDOW)
    while begin > floor and text[begin - 1] not in CLAUSE_BOUNDARY:
        begin -= 1
    words = text[begin:figure_start]
    if "分别" not in words:
        return None
    head, verb = words.split("分别", 1)
    leading = LEADING.match(head.strip())
    head = head.strip()[leading.end() :] if leading else head.strip()
    items = [_trim_end(item.strip()) for item in RESPECTIVE_ITEMS.split(head)]
    if len(items) < 2 or not all(items):
        return None
    verb = _trim_end(COMPARED.sub("", verb).strip())
    return [item + verb for item in items]


def counted_noun(text: str, figure_end: int, limit: int) -> str | None:
    """'航天员' in '3名航天员按计划……': what a count counts, after its measure word."""
    stop = min(limit, figure_end + 12)
    measure = MEASURE.match(text, figure_end, stop)
    match = NOUN.match(text, measure.end() if measure else figure_end, stop)
    if not match:
        return None
    if match.group().startswith(("以上", "以下", "左右", "以内", "之间", "上下", "之多")):
        return None
    noun = NOUN_STOP.split(match.group(), maxsplit=1)[0]
    return noun if len(noun) >= 2 else None


def _trim_end(words: str) -> str:
    trailing = TRAILING_RUN.search(words)
    return words[: trailing.start()].rstrip() if trailing else words


def period_marks(sentence: str, published: str | None) -> list[tuple[int, str]]:
    """(position, period) of every period expression of a sentence: '2025-H1', '2025-Q3', '2025'.

    A relative year in a comparison (去年同期, 较上年, 是去年的) names the base a figure is
    compared with, not its period, and is left out.
    """
    if "年" not in sentence and "季度" not in sentence and "月" not in sentence:
        return []
    base_year = int(published[:4]) if published and published[:4].isdigit() else None
    found: list[tuple[int, str]] = []
    for match in PERIOD.finditer(sentence):
        if _comparison_base(sentence, match):
            continue
        explicit = match.group("year") or match.group("year_only")
        relative = match.group("relative") or match.group("relative_only")
        if explicit:
            year: int | None = int(explicit)
        elif relative:
            year = base_year + RELATIVE_YEAR[relative] if base_year else None
        else:
            year = base_year
        if year is None:
            continue
        span = _span(match, year)
        if span:
            found.append((match.start(), span))
            continue
        month = _month(match.group("month"))
        if month:
            if not explicit and not relative and published and month > int(published[5:7]):
                year -= 1  # 11月 in a March article: last November
            day = match.group("day")
            found.append(
                (match.start(), f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else ""))
            )
            continue
        quarter = match.group("quarter")
        half = match.group("half")
        if quarter:
            found.append((match.start(), f"{year}-Q{QUARTERS.get(quarter, quarter)}"))
        elif half:
            found.append((match.start(), f"{year}-H{2 if half == '下' else 1}"))
        else:
            found.append((match.start(), str(year)))
    return found


def _month(numeral: str | None) -> int | None:
    if not numeral:
        return None
    month = int(numeral) if numeral.isdigit() else CHINESE_MONTHS.get(numeral, 0)
    return month if 1 <= month <= 12 else None


def _span(match: re.Match[str], year: int) -> str | None:
    """1-7月 / 前三季度 / 前5个月 -> '2019-01/2019-07'."""
    last = _month(match.group("last") or match.group("months"))
    if match.group("quarters"):
        last = QUARTERS[match.group("quarters")] * 3
    return f"{year}-01/{year}-{last:02d}" if last else None


def period_at(marks: list[tuple[int, str]], offset: int) -> str | None:
    """The period of the nearest expression before ``offset`` (a figure's place in its sentence)."""
    period = None
    for position, value in marks:
        if position > offset:
            break
        period = value
    return period


def _comparison_base(sentence: str, match: re.Match[str]) -> bool:
    """去年同期 / 较上年 / 是去年的: the year a figure is compared with, not its period."""
    before = sentence[match.start() - 1 : match.start()]
    return sentence.startswith(("同期", "持平"), match.end()) or before in (
        "较",
        "比",
        "是",
        "于",
        "与",
    )


def mentioned_entity(sentence: str, names: dict[str, str]) -> str | None:
    """The latest known organization the sentence mentions, short names mapped to full ones."""
    best: tuple[int, str] | None = None
    for name, full in names.items():
        position = sentence.rfind(name)
        if position >= 0 and (best is None or position > best[0]):
            best = (position, full)
    return best[1] if best else None


def entity_key(entity: str | None) -> str | None:
    """The entity as it goes into a claim key: without its legal form."""
    return LEGAL_FORM.sub("", entity) or entity if entity else None
