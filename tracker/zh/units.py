"""Word lists behind tracker.zh.numbers: units, measure words and context words.

Kept apart from the parsing code so the vocabulary can grow without touching the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CURRENCIES = {
    "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "美元": "USD", "美金": "USD",
    "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD", "韩元": "KRW",
    "英镑": "GBP", "澳元": "AUD", "加元": "CAD", "加拿大元": "CAD", "新加坡元": "SGD",
    "新台币": "TWD", "台币": "TWD", "卢布": "RUB", "卢比": "INR", "瑞士法郎": "CHF",
    "越南盾": "VND", "泰铢": "THB", "林吉特": "MYR", "雷亚尔": "BRL", "兰特": "ZAR",
}  # fmt: skip
CURRENCY_PREFIXES = (
    ("新台币", "TWD"), ("台币", "TWD"), ("港币", "HKD"), ("人民币", "CNY"), ("美元", "USD"), ("US$", "USD"), ("HK$", "HKD"), ("$", "USD"),
    ("￥", "CNY"), ("¥", "CNY"), ("€", "EUR"), ("£", "GBP"),
)  # fmt: skip
QUANTITIES = {
    "吉瓦时": "GWh", "兆瓦时": "MWh", "千瓦时": "kWh", "太瓦时": "TWh", "瓦时": "Wh",
    "吉瓦": "GW", "兆瓦": "MW", "千瓦": "kW", "太瓦": "TW", "瓦": "W",
    "公吨": "t", "吨": "t", "公斤": "kg", "斤": "jin", "千克": "kg", "毫克": "mg", "克": "g",
    "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "立方米": "m3",
    "公里": "km", "千米": "km", "厘米": "cm", "公分": "cm", "毫米": "mm", "米": "m",
    "公顷": "ha", "亩": "mu", "桶": "bbl", "毫升": "mL", "升": "L",
    "标准箱": "TEU", "标箱": "TEU", "英里": "mi", "海里": "nmi", "度电": "kWh", "盎司": "oz", "摄氏度": "°C",
}  # fmt: skip
LATIN_UNITS = {
    "GWh": "GWh", "MWh": "MWh", "kWh": "kWh", "TWh": "TWh", "GW": "GW", "MW": "MW",
    "kW": "kW", "km2": "km2", "km²": "km2", "km": "km", "kg": "kg", "mg": "mg",
    "mm": "mm", "cm": "cm", "m2": "m2", "m3": "m3", "t": "t", "TEU": "TEU",
}  # fmt: skip
# Measure words: the number before them counts things; the surface leaves them out.
MEASURE_WORDS = (
    "人次 家次 架次 辆次 人 名 位 家 个 款 辆 台 件 项 座 所 只 头 条 部 套 架 艘 枚 颗 张 本 场 "
    "次 户 间 栋 幢 份 笔 单 批 支 种 起 例 宗 类 处 段 片 棵 株 匹 篇 首 册 票 口 列 趟 班 "
    "门 轮 床 粒 盒 瓶 包 箱 袋 根 块 把 届次 城"
).split()
# After a number these make it a date, time, duration, age-like label or name: no claim.
NOT_FIGURE_WORDS = (
    "个年头 年头 个月 个季度 个小时 个工作日 个交易日 个星期 个周 周年 年代 年 月 日 号 天 周 小时 分钟 秒 "
    "季度 世纪 时 分 点 度 级 线 期 届 代 国 版 楼 层 环 星 后 寸 英寸 核 纳米 帧 倍速 路 岁 周岁"
).split()

APPROX_BEFORE = (
    "约", "大约", "约为", "约合", "约有", "近", "将近", "接近", "近乎", "超过", "超", "逾",
    "多达", "不到", "不足", "不少于", "至少", "最多",
)  # fmt: skip
APPROX_AFTER = ("左右", "上下", "以上", "以下", "以内", "附近", "有余", "出头", "多")
CHENG_NOT_AFTER = frozenset("为功果本员立交绩长熟型品就效语分份都败形活色全像批套群千不年家")
RANK_NOT_AFTER = tuple(
    "季度 季 方 时间 次 届 期 批 条 章 节 号 轮 代 阶段 步 天 年 个 财经 部分 产业 梯队 把手 "
    "责任 书记 课 集 页 版 站 人称 手 线 波 大道 中学 小学 医院 要务 生产力 现场 作者 视角 "
    "大会 场 层 周 月 日 回 曲 幕 单元 道 桶金 印象 反应 阵营 家 款 部 座".split()
)
RANK_VERBS = (
    "排名", "排行", "排在", "位居", "位列", "名列", "跻身", "位于", "升至", "升到", "降至",
    "降到", "跃居", "跃升至", "位次", "居", "列", "成为",
)  # fmt: skip
RANK_REGIONS = (
    "全球", "全国", "全省", "全市", "世界", "国内", "行业", "同类", "亚洲", "全网", "榜单", "全区",
)  # fmt: skip
# 目前 / 此前 / 提前 / 年前: 前 that is not "top N".
TOP_NOT_BEFORE = frozenset("目此之以提当事眼空向年日月天周生从战会门面跟史")
TOP_NOT_AFTER = tuple(
    "季度 个月 月 年 天 日 周 小时 期 次 批 轮 阶段 几 半 夜 后 段 代 届 个交易日 个工作日".split()
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so 千瓦时 wins over 千瓦."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


UNIT = re.compile(
    r"(?P<pp>个百分点|百分点)"
    r"|(?P<bp>个基点|基点)"
    r"|(?P<pct>[%％])"
    rf"|(?P<cur_word>(?:{_alternation(CURRENCIES)})(?![素旦宵件器宇]))"
    r"|(?P<x>倍)"
    r"|(?P<cheng>成)"
    rf"|(?P<qty>{_alternation(QUANTITIES)})"
    rf"|(?P<skip>{_alternation(NOT_FIGURE_WORDS)})"
    rf"|(?P<count>{_alternation(MEASURE_WORDS)})"
    rf"|(?P<latin_unit>(?:{_alternation(LATIN_UNITS)})(?![A-Za-z]))"
    r"|(?P<latin_word>[A-Za-z])"
)


def unit_of(match: re.Match[str]) -> tuple[str, str, float]:
    """(unit, kind, value multiplier) of a UNIT match that names a unit."""
    group, word = match.lastgroup, match.group()
    if group == "pp":
        return "pp", "percent", 1.0
    if group == "bp":
        return "pp", "percent", 0.01
    if group == "pct":
        return "%", "percent", 1.0
    if group == "cur_word":
        return CURRENCIES[word], "currency", 1.0
    if group == "x":
        return "x", "multiple", 1.0
    if group == "qty":
        return QUANTITIES[word], "quantity", 1.0
    if group == "latin_unit":
        return LATIN_UNITS[word], "quantity", 1.0
    return "count", "count", 1.0


# Word figures: 翻一番 (doubling), 每10个…中就有6个 (one in), 一半 (half), 居首 / 头号 (first).
DOUBLING = re.compile(r"翻(?:了)?(?P<n>[一两二三四])番|翻番|翻了?一?倍|倍增(?!计划)")
# 每10个市民中就有6个: "six in ten", a fraction.
ONE_IN = re.compile(
    r"每(?P<n>[0-9]+|[一二两三四五六七八九十百千万]+)(?:个|名|位|人|家|户|辆)?[^，。；！？]{0,15}?"
    r"(?:中|里|当中)[，,]?(?:就|便)?(?:有|会有)(?P<m>[0-9]+|[一二两三四五六七八九十]+)"
)
DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
HALF = re.compile(r"(?<!另)一半|半数")
TOP_RANK = re.compile(
    r"(?:位居|位列|名列|跃居|居于|排名|排在|居)(?:全球|全国|全省|全市|世界|国内|行业|同类|榜单)?"
    r"(?P<s>首位|榜首|首)"
    r"|(?P<head>头号)(?=[\u4e00-\u9fff]{0,6}(?:威胁|杀手|敌人|难题|问题|市场|强国|大国|玩家|对手|目标|"
    r"选择|品牌|企业|公司|经济体|出口国|进口国|生产国|消费国))"
)

# Numerals: Arabic (also full-width), Chinese, and their scales.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
# 兆 is a trillion before money (1.77兆元, in Taiwan); before 瓦 or 帕 it is mega.
SCALE = r"(?:[十百千]?万亿|[十百千]?[万亿]|千(?![米瓦克])|兆(?=[元美新港日欧英韩台]))"
TOKEN = re.compile(
    r"(?P<pre>百分之|千分之)?"
    rf"(?:(?P<ar>{ARABIC})(?P<ar_more>[余多])?(?P<ar_scale>{SCALE})?"
    rf"|(?P<cn>{CHINESE})(?P<cn_more>[余多])?(?P<cn_scale>[万亿]+)?)"
    rf"(?:分之(?P<den>{ARABIC}|[零〇一二两三四五六七八九十百千]+))?"
)

# Context around a figure: titles, ranges, approximators, clause tails.
TITLE = re.compile(r"《[^《》\n]{0,80}》")
RANGE = re.compile(rf"(?:至|到|-|~|～|—|－)(?:{ARABIC}|{CHINESE})[余多]?{SCALE}?")
APPROXIMATOR_BEFORE = re.compile(
    "(?:" + "|".join(sorted(APPROX_BEFORE, key=len, reverse=True)) + ")$"
)
CLAUSE_TAIL = re.compile(r"[^，。；：、,;:！？“”]*$")
UNIT_OR_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
VAGUE = re.compile(r"[几数][十百千万]|上[百千万]|成[百千]")
LATIN_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_/.:#+")
