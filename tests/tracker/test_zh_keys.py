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
