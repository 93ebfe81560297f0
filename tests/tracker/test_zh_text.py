"""Chinese sentence splitting and language detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.language import detect_language, segment_language
from tracker.zh.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_splits_at_chinese_terminators() -> None:
    text = "营收增长3.5%。利润下降了！明年会更好吗？会的。"
    assert sentences(text) == ["营收增长3.5%。", "利润下降了！", "明年会更好吗？", "会的。"]


def test_quoted_passage_stays_whole_and_ends_with_its_closing_quote() -> None:
    text = "他说：“今年的投入已经翻了一番。明年还会继续增长。”记者了解到，项目已开工。"
    assert sentences(text) == [
        "他说：“今年的投入已经翻了一番。明年还会继续增长。”",
        "记者了解到，项目已开工。",
    ]


def test_quotation_then_speaker_is_two_sentences() -> None:
    text = "“价格下降了约百分之二十。”协会理事长王勃华说。"
    assert sentences(text) == ["“价格下降了约百分之二十。”", "协会理事长王勃华说。"]


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "第一段没有句号\n\n第二段。"
    assert sentences(text) == ["第一段没有句号", "第二段。"]


def test_english_sentences_inside_chinese_keep_abbreviations_and_decimals() -> None:
    text = "美国U.S. Steel公司股价上涨2.5%。Dr. Smith said growth was 3.1%. 他表示同意。"
    assert sentences(text) == [
        "美国U.S. Steel公司股价上涨2.5%。",
        "Dr. Smith said growth was 3.1%.",
        "他表示同意。",
    ]


def test_titles_and_parentheses_do_not_end_sentences() -> None:
    text = "电影《你好！李焕英》票房领先（数据来自某平台。）。下一句。"
    assert sentences(text) == ["电影《你好！李焕英》票房领先（数据来自某平台。）。", "下一句。"]


@given(st.text(alphabet="。！？“”「」《》（）.!? \nabcU.S中文12", max_size=60))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("国庆中秋假期期间，全市共接待游客1286.5万人次，同比增长18.6%。", "zh"),
        ("The company said revenue rose 12% to $3.4 billion in the quarter.", "en"),
        ("英伟达（Nvidia）首席执行官黄仁勋表示，H100芯片需求强劲。", "zh"),
        ("Analysts at UBS Securities (瑞银证券) expect capital spending to rise sharply.", "en"),
        ("", "en"),
        ("2025 12 12", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_segment_language_keeps_the_default_for_figures_only() -> None:
    assert segment_language("12.5%  3,400", default="zh") == "zh"
    assert segment_language("Morgan Stanley said so.", default="zh") == "en"


def test_page_furniture_lines_are_told_from_story_paragraphs() -> None:
    from tracker.zh.text import is_furniture

    lines = [
        "- 某市地铁三号线年底通车 全长42公里 2023-05-06 10:21",
        "（原标题：新能源车销量再创新高，渗透率突破40%）",
        "春运首日铁路发送旅客900万人次",
        "热门 评论 35 暴雨过后的老城区 评论 12 城市夜经济",
        "港口集团上半年吞吐量增长6%。",
        "截至6月底，全省共有新能源汽车120万辆，比年初增加18万辆。",
        "- 截至6月底，全省共有新能源汽车120万辆。",
    ]
    assert [is_furniture(line, 0, len(line)) for line in lines] == [
        True, True, True, True, False, False, False,
    ]  # fmt: skip
