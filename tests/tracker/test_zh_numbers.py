"""Chinese figures: numerals, scales, units, approximations, and what is not a figure."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tracker.zh.numbers import chinese_value, find_figures


def figures(text: str) -> list[tuple[str, float, str, bool]]:
    return [
        (text[f.start : f.end], round(f.value, 6), f.unit, f.approximate)
        for f in find_figures(text)
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("市场规模达到3.2万亿元。", "3.2万亿元", 3.2e12, "CNY"),
        ("资本开支为4000亿元。", "4000亿元", 4e11, "CNY"),
        ("接待游客1286.5万人次。", "1286.5万", 12865000, "count"),
        ("共有十五家企业参展。", "十五", 15, "count"),
        ("推出两款新车。", "两", 2, "count"),
        ("增加三百二十亿港元。", "三百二十亿港元", 3.2e10, "HKD"),
        ("增长百分之十五。", "百分之十五", 15, "%"),
        ("出口额为1200亿美元。", "1200亿美元", 1.2e11, "USD"),
        ("投资18亿欧元。", "18亿欧元", 1.8e9, "EUR"),
        ("降至3.5万亿日元。", "3.5万亿日元", 3.5e12, "JPY"),
        ("成交额为15万亿韩元。", "15万亿韩元", 1.5e13, "KRW"),
        ("市值为2.1万亿英镑。", "2.1万亿英镑", 2.1e12, "GBP"),
        ("人民币300亿的基金。", "人民币300亿", 3e10, "CNY"),
        ("提高6.2个百分点。", "6.2个百分点", 6.2, "pp"),
        ("下调25个基点。", "25个基点", 0.25, "pp"),
        ("同比增长三成。", "三成", 0.3, "x"),
        ("占比达到四分之一。", "四分之一", 0.25, "x"),
        ("出货量是去年的1.8倍。", "1.8倍", 1.8, "x"),
        ("投入已经翻了一番。", "翻了一番", 2, "x"),
        ("规模将翻两番。", "翻两番", 4, "x"),
        ("在全球排名第五。", "第五", 5, "rank"),
        ("成为全球第二大芯片出口国。", "第二", 2, "rank"),
        ("申请量排名居首。", "首", 1, "rank"),
        ("全市共有300家酒店。", "300", 300, "count"),
        ("推出15款新车型。", "15", 15, "count"),
        ("装机容量达到250吉瓦。", "250吉瓦", 250, "GW"),
        ("发电量达到6237亿千瓦时。", "6237亿千瓦时", 6.237e11, "kWh"),
        ("渗透率达到５３．２％。", "５３．２％", 53.2, "%"),
        ("出口货值为4,512亿港元。", "4,512亿港元", 4.512e11, "HKD"),
        ("观影人次为1.87亿，同比增长。", "1.87亿", 1.87e8, "count"),
        ("排名前三的企业。", "三", 3, "count"),
        ("增速接近一半。", "一半", 0.5, "x"),
        ("同比增长-3.2%。", "-3.2%", -3.2, "%"),
        ("覆盖率达到百分之百。", "百分之百", 100, "%"),
        ("利润翻倍。", "翻倍", 2, "x"),
        ("发电量达到1200亿度电。", "1200亿度电", 1.2e11, "kWh"),
        ("每10个市民中，就有6个选择地铁。", "10个市民中，就有6", 0.6, "x"),
        ("净利润为−1.5亿元。", "−1.5亿元", -1.5e8, "CNY"),
    ],
)
def test_figure(text: str, surface: str, value: float, unit: str) -> None:
    found = figures(text)
    assert [(s, v, u) for s, v, u, _ in found] == [(surface, round(value, 6), unit)]


def test_a_range_gives_its_unit_to_the_first_number() -> None:
    text = "投资3000万至5000万元，增长10-15%，新建5至8座工厂。"
    assert [(s, v, u) for s, v, u, _ in figures(text)] == [
        ("3000万", 3e7, "CNY"), ("5000万元", 5e7, "CNY"), ("10", 10, "%"), ("15%", 15, "%"),
        ("5", 5, "count"), ("8", 8, "count"),
    ]  # fmt: skip


def test_a_later_figure_of_the_clause_takes_the_unit_it_omits() -> None:
    text = "占比从8.7%升至14.1，营收从3.5亿元增至4.2亿，销量从10万辆增至14.1万辆。"
    assert [(s, v, u) for s, v, u, _ in figures(text)] == [
        ("8.7%", 8.7, "%"), ("14.1", 14.1, "%"), ("3.5亿元", 3.5e8, "CNY"),
        ("4.2亿", 4.2e8, "CNY"), ("10万", 1e5, "count"), ("14.1万", 1.41e5, "count"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("约有20万辆。", "20万"),
        ("近六成的市场。", "六成"),
        ("超过15万件专利。", "15万"),
        ("与逾200家企业签约。", "200"),
        ("有1600余名动画师。", "1600"),
        ("回落至7.5万元左右。", "7.5万元"),
        ("占四成以上。", "四成"),
        ("共有2000余万元投资。", "2000余万元"),
        ("从业人员8万余人。", "8万"),
        ("独角兽企业达千余家。", "千"),
    ],
)
def test_approximation_stays_out_of_the_surface(text: str, surface: str) -> None:
    assert [(s, a) for s, _, _, a in figures(text)] == [(surface, True)]


@pytest.mark.parametrize(
    "text",
    [
        "2025年12月12日，会议在北京召开。",
        "12月10日上午9时30分，峰会开幕。",
        "“十四五”期间，规划顺利实施。",
        "科幻续集《星际救援2》上映。",
        "我国5G基站建设加快。",
        "七国集团峰会召开。",
        "据第一财经报道，市场回暖。",
        "清溪古城是5A级景区，新增五星级酒店。",
        "三线城市和一期工程、二期项目。",
        "统一大市场，一些企业，唯一一家。",
        "前三季度经济平稳，此前三年也是如此。",
        "第一季度和第三方平台的第一次合作。",
        "英伟达H100芯片和COVID-19疫情，会议在2025-12-12举行，时间为9:30。",
        "这一成果来之不易。",
        "数十家企业和几十万人，成千上万。",
        "千万不要掉以轻心，百家争鸣。",
        "有两位数增长，这是第十五届展会，持续3年、5个月、10天。",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十五", 15), ("三百二十", 320), ("两千", 2000), ("一千零五", 1005), ("三百五", 350),
        ("十万", 100000), ("三点五亿", 350000000), ("一万亿", 10**12), ("二十", 20),
    ],
)  # fmt: skip
def test_chinese_value(numeral: str, value: float) -> None:
    assert chinese_value(numeral) == value


@pytest.mark.parametrize("numeral", ["十四五", "一九九八", "万亿", "亿", ""])
def test_malformed_chinese_numerals_are_rejected(numeral: str) -> None:
    assert chinese_value(numeral) is None


DIGITS = "零一二三四五六七八九"


def to_chinese(number: int) -> str:
    """A plain reference writer of Chinese numerals below 10**12, for the round trip."""
    if number == 0:
        return "零"
    parts: list[str] = []
    for scale, char in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section, number = divmod(number, scale)
        if section:
            if parts and section < 1000:
                parts.append("零")
            parts.append(_section(section) + char)
        elif parts and number:
            parts.append("零")
    text = "".join(parts)
    while "零零" in text:
        text = text.replace("零零", "零")
    return text.rstrip("零")


def _section(number: int) -> str:
    out = ""
    zero = False
    for value, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero:
                out += "零"
            out += DIGITS[digit] + char
            zero = False
        elif out:
            zero = True
    return out


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(number: int) -> None:
    assert chinese_value(to_chinese(number)) == number


@given(
    st.text(
        alphabet="一二两三十百千万亿点零0123456789.,%％元美亿万个百分点成倍第前约余年月日家《》“”，。 AGH-",
        max_size=40,
    )
)
def test_odd_input_never_crashes(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)


UNITS = {"亿元": (1e8, "CNY"), "万美元": (1e4, "USD"), "%": (1, "%"), "万人次": (1e4, "count"),
         "个百分点": (1, "pp"), "倍": (1, "x"), "万吨": (1e4, "t")}  # fmt: skip


@given(
    st.decimals(min_value=1, max_value=99999, places=1, allow_nan=False),
    st.sampled_from(sorted(UNITS)),
    st.booleans(),
)
def test_arabic_and_chinese_numerals_with_units_read_back(number, unit: str, chinese: bool) -> None:
    scale, code = UNITS[unit]
    assume(not (chinese and number >= 10000))  # 一万万 is not written; it is 一亿
    written = to_chinese(int(number)) if chinese else str(number)
    value = int(number) if chinese else float(number)
    found = find_figures(f"全年增长{written}{unit}。")
    assert [(round(f.value, 3), f.unit) for f in found] == [(round(value * scale, 3), code)]


def test_ages_are_no_claims_and_touhao_is_first() -> None:
    found = find_figures("全国65岁及以上老年人口达2.2亿，慢性病已成为居民健康的头号威胁。")
    assert [(round(f.value), f.unit) for f in found] == [(220_000_000, "count"), (1, "rank")]


def test_taiwan_dollars_trillions_and_doubling() -> None:
    found = find_figures("上半年累計營收約1.77兆元，新台币2637亿元，人工智慧營收可望倍增。")
    assert [(round(f.value), f.unit) for f in found] == [
        (1_770_000_000_000, "CNY"),
        (263_700_000_000, "TWD"),
        (2, "x"),
    ]


def test_about_a_thousand_and_a_bare_ratio() -> None:
    found = find_figures("全年或有超过百款车型降价，经销商库存系数为1.58，处于警戒线以上。")
    assert [(f.value, f.unit, f.approximate) for f in found] == [
        (100, "count", True),
        (1.58, "count", False),
    ]


def test_index_points_and_jin() -> None:
    found = find_figures("上证指数报3856.21点，上午9点开盘，全年产量1.4万亿斤。")
    assert [(round(f.value, 2), f.unit) for f in found] == [
        (3856.21, "count"),
        (1.4e12, "jin"),
    ]


def _figures(text: str) -> list[tuple[str, float, str]]:
    from tracker.zh.numbers import find_figures

    return [(text[f.start : f.end], f.value, f.unit) for f in find_figures(text)]


def test_amounts_without_yuan_in_a_clause_about_money() -> None:
    assert _figures("公司去年的销售规模达到3500亿，排名行业前列。") == [("3500亿", 3.5e11, "CNY")]
    assert _figures("猎头给他开出年薪三百多万。") == [("三百多万", 3e6, "CNY")]
    assert _figures("这款车把价格拉到了千元以下。")[0][1:] == (1000.0, "CNY")
    assert _figures("全年出货量达到8亿部。") == [("8亿", 8e8, "count")]


def test_pointing_back_is_no_new_count() -> None:
    assert _figures("这5名球员都来自青训营。") == []


def test_sports_records_scores_and_points() -> None:
    assert [f[1] for f in _figures("主队以118-96获胜，此前对阵记录是3胜5负。")] == [118, 96, 3, 5]
    assert [f[1] for f in _figures("他全场12投7中，得到19分。")] == [12, 7, 19]


def test_written_fractions_teens_and_members() -> None:
    assert _figures("仅有1/4的受访者支持。") == [("1/4", 0.25, "x")]
    assert _figures("每年有十几位医生离开。")[0][1] == 10
    assert [f[1] for f in _figures("行业形成三强格局，面临两大难题。")] == [3, 2]
    assert _figures("距离不到80公分。") == [("80公分", 80, "cm")]
