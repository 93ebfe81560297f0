"""Claim keys of Chinese figures: entity, metric and period."""

from __future__ import annotations

from tracker.zh.claims import extract_zh


def keys(text: str, published: str = "2024-06-20") -> list[tuple[str, str | None]]:
    return [(claim.surface, claim.entity) for claim in extract_zh(text, published=published).claims]


def test_entity_is_the_name_nearest_before_the_figure_not_the_speaker() -> None:
    text = "海川集团董事长周文表示，海川集团今年营收增长8%，其中美国市场增长12%。"
    assert keys(text) == [("8%", "海川集团"), ("12%", "美国")]


def test_figures_without_a_name_are_about_the_paragraph_then_the_article_topic() -> None:
    text = (
        "上半年，青岚县地区生产总值增长6.1%。青岚县工业投资增长9%。\n\n"
        "全年计划新建道路40公里。\n\n"
        "青岚县还将新增学位3000个，其中高中学位800个。"
    )
    assert keys(text) == [
        ("6.1%", "青岚"), ("9%", "青岚"), ("40公里", "青岚"), ("3000", "青岚"), ("800", "青岚"),
    ]  # fmt: skip


def test_short_name_of_a_company_is_the_company() -> None:
    text = "远舟科技有限公司发布年报。远舟全年净利润为5.2亿元。"
    assert keys(text)[0] == ("5.2亿元", "远舟科技有限公司")


def periods(text: str, published: str = "2024-06-20") -> list[tuple[str, str | None]]:
    return [(claim.surface, claim.period) for claim in extract_zh(text, published=published).claims]


def test_month_spans_months_and_days_are_periods() -> None:
    assert periods("1-5月，全省快递业务量增长21%。") == [("21%", "2024-01/2024-05")]
    assert periods("2023年1—9月，港口吞吐量增长4%。") == [("4%", "2023-01/2023-09")]
    assert periods("前三季度，全市社零总额增长5%。") == [("5%", "2024-01/2024-09")]
    assert periods("今年4月，新能源车渗透率达到41%。") == [("41%", "2024-04")]
    assert periods("截至5月31日，累计签约项目120个。") == [("120", "2024-05-31")]
    assert periods("11月，客流量增长8%。") == [("8%", "2023-11")]


def test_a_paragraph_keeps_its_period_for_the_sentences_after() -> None:
    text = "2023年，全市旅游收入增长12%。其中乡村旅游增长20%。\n\n游客人数增长9%。"
    assert periods(text) == [("12%", "2023"), ("20%", "2023"), ("9%", None)]


def metrics(text: str) -> list[tuple[str, str | None]]:
    return [(claim.surface, claim.metric) for claim in extract_zh(text).claims]


def test_a_count_is_of_the_noun_after_its_measure_word() -> None:
    assert metrics("展会吸引了320家参展企业，发布新品45款。")[0] == ("320", "参展企业")


def test_a_joined_figure_borrows_the_metric_before_it() -> None:
    found = metrics("出口集成电路2171亿块，价值846亿美元。")
    assert found[1][1] is not None and found[1][1].endswith("价值")


def test_respectively_gives_each_figure_its_own_metric() -> None:
    found = metrics("该行的存款和贷款分别增长6.2%和8.5%。")
    assert found == [("6.2%", "存款增长"), ("8.5%", "贷款增长")]


def test_the_measured_head_after_an_owner() -> None:
    assert metrics("新款电池的续航里程达到650公里。") == [("650公里", "续航里程")]


def test_transliterated_surnames_are_entities() -> None:
    text = "前锋卡尔-安东尼全场得到31分。安东尼还抢下12个篮板。"
    assert [c.entity for c in extract_zh(text).claims] == ["卡尔-安东尼", "卡尔-安东尼"]


def test_money_with_its_noun_after_measures_that_noun() -> None:
    assert metrics("对方提出需要3000元赔偿金。") == [("3000元", "赔偿金")]


def test_named_craft_and_a_product_the_article_keeps_naming_are_entities() -> None:
    text = "天舟六号于5月10日发射，天舟六号携带物资7.4吨。"
    assert [c.entity for c in extract_zh(text).claims] == ["天舟六号"]
    text = "4K电视销量回暖。4K电视价格下降。4K电视渗透率提升。据统计，上月4K电视出货量为120万台。"
    assert [c.entity for c in extract_zh(text).claims] == ["4K电视"]


def test_a_name_inside_a_longer_name_does_not_make_the_topic() -> None:
    text = (
        "中国数字经济论坛在杭州开幕。中国数字经济论坛由多家机构主办。"
        "中国数字经济论坛今年吸引了参会者3000人。\n\n共发布成果45项。"
    )
    assert [c.entity for c in extract_zh(text).claims][-1] == "中国数字经济论坛"


def test_a_speaker_is_the_entity_only_when_nothing_else_is_named() -> None:
    text = "退休教师王建国说，他每月养老金有4200元。"
    assert [c.entity for c in extract_zh(text).claims] == ["王建国"]
    text = "王建国说，青石县去年新增企业35家。"
    assert [c.entity for c in extract_zh(text).claims] == ["青石"]


def test_surname_and_title_name_the_person_met_before() -> None:
    text = "校长刘卫东表示，今年招生扩大。\n\n刘校长先后资助了120名学生。"
    assert [c.entity for c in extract_zh(text).claims] == ["刘卫东"]


def test_the_whole_country_of_a_story_about_china() -> None:
    text = "中国旅游研究院发布报告。据测算，全国约有5亿人次出游。"
    assert [c.entity for c in extract_zh(text).claims] == ["中国"]
