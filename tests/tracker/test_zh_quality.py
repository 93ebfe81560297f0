"""Quality gate for the Chinese tracker on its own test articles, with pinned floors.

Each ``tests/tracker/fixtures/zh/<name>.txt`` has a hand-checked ``<name>.expected.json``
(drafted by ``make_expected.py``, then corrected by hand). The floors in
``floors.json`` only ever rise: raise them when the tracker gets better.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from claimwatch.cli import cli
from tests.tracker.quality import Score

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "zh"
ARTICLES = sorted(FIXTURES.glob("*.txt"))
FLOORS = json.loads((FIXTURES / "floors.json").read_text(encoding="utf-8"))


def _expected(article: Path) -> dict:
    return json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _score() -> dict[str, float]:
    """The tracker against the expected files: claims matched by offset, value and unit."""
    score = Score()
    for article in ARTICLES:
        expected = _expected(article)
        text = article.read_text(encoding="utf-8")
        found = tracker.extract(text, published=expected["published"])
        wanted = {claim["start"]: claim for claim in expected["claims"]}
        for claim in found.claims:
            gold = wanted.get(claim.start)
            if gold is None or gold["unit"] != claim.unit:
                continue
            if not same_value(float(gold["value"]), claim.value):
                continue
            score.matched += 1
            if gold["source"] or claim.source:
                score.attributed += 1
                score.attributed_right += gold["source"] == claim.source
        names = {source["name"] for source in expected["sources"]}
        predicted = {source.name for source in found.sources}
        score.gold += len(wanted)
        score.predicted += len(found.claims)
        score.sources_gold += len(names)
        score.sources_predicted += len(predicted)
        score.sources_found += len(names & predicted)
        score.sources_right += len(names & predicted)
    return {
        "claims_f1": score.f1,
        "claims_precision": score.precision,
        "claims_recall": score.recall,
        "attribution": score.attribution,
        "sources_f1": score.sources_f1,
    }


def test_every_article_has_expected_claims() -> None:
    assert len(ARTICLES) >= 5
    missing = [a.name for a in ARTICLES if not a.with_suffix(".expected.json").exists()]
    assert not missing, f"run make_expected.py and check by hand: {missing}"


def test_quality_does_not_fall_below_the_pinned_floors() -> None:
    scores = _score()
    below = {name: round(scores[name], 3) for name, floor in FLOORS.items() if scores[name] < floor}
    assert not below, f"below the floors {FLOORS}: {below}"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_offsets_point_at_the_surface(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    found = tracker.extract(text, published=_expected(article)["published"])
    assert found.language == "zh"
    for claim in found.claims:
        assert text[claim.start : claim.end] == claim.surface
        assert (
            claim.sentence
            == text[claim.sentence_start : claim.sentence_start + len(claim.sentence)]
        )
        assert claim.source is None or claim.source in {s.name for s in found.sources}


def test_claims_carry_a_subject_and_a_key() -> None:
    text = (FIXTURES / "zh-economy.txt").read_text(encoding="utf-8")
    claims = tracker.extract(text, published="2025-12-16").claims
    first = claims[0]
    # 全国规模以上工业增加值 describes the country; the statistics bureau is the source, not
    # the entity (SCHEMA "Claim keys"), so this no longer expects 国家统计局.
    assert (first.entity, first.metric, first.surface) == (
        "中国",
        "规模以上工业增加值同比增长",
        "4.8%",
    )
    # 11月份 is the figure's period (SCHEMA: "2024-03"); it used to be left empty.
    assert first.key and first.key.endswith("|%|2025-11")
    assert sum(1 for claim in claims if claim.key) >= len(claims) * 0.8


def test_mixed_article_reads_english_paragraphs_with_the_english_engine() -> None:
    text = (FIXTURES / "zh-economy.txt").read_text(encoding="utf-8")
    found = tracker.extract(text, published="2025-12-16")
    english = [claim for claim in found.claims if claim.sentence.startswith("Morgan Stanley")]
    assert [(c.surface, c.value, c.source) for c in english] == [("4.5%", 4.5, "Morgan Stanley")]


def test_cli_detects_chinese_and_lang_forces_it(runner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("据国家统计局统计，全年增长5%。", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--format", "jsonl", str(article)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["article"]["language"] == "zh"
    assert [(c["surface"], c["source"]) for c in record["claims"]] == [("5%", "国家统计局")]
    forced = runner.invoke(cli, ["extract", "--format", "jsonl", "--lang", "zh", str(article)])
    assert json.loads(forced.output)["claims"] == record["claims"]


def test_gb18030_page(runner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html = (
        '<html><head><meta charset="gb18030"><title>票房创新高</title></head><body><article>'
        "<h1>票房创新高</h1><p>据国家电影数据平台统计，春节档票房达到96.8亿元，同比增长11.2%。</p>"
        "<p>青禾影业董事长许志平表示，影片总投资约4.5亿元。</p></article></body></html>"
    )
    page.write_bytes(html.encode("gb18030"))
    result = runner.invoke(cli, ["extract", "--format", "jsonl", str(page)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    claims = [(c["surface"], c["source"]) for c in record["claims"]]
    assert ("96.8亿元", "国家电影数据平台") in claims
    assert ("4.5亿元", "许志平") in claims


def test_dev_gold_chinese_articles(shared: Path) -> None:
    """The shared dev set's Chinese articles, scored like score_claims.py (by offsets)."""
    tp = gold_n = pred_n = attr_ok = 0
    for path in sorted((shared / "gold" / "dev").glob("dev-zh*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        found = tracker.extract(gold["text"], published=gold["published"])
        expected = [
            (c["surface"], round(c["value"], 4), c["unit"], c["source"]) for c in gold["claims"]
        ]
        got = [(c.surface, round(c.value, 4), c.unit, c.source) for c in found.claims]
        gold_n, pred_n = gold_n + len(expected), pred_n + len(got)
        tp += sum(1 for item in got if item[:3] in {e[:3] for e in expected})
        attr_ok += sum(1 for item in got if item in expected)
    precision, recall = tp / pred_n, tp / gold_n
    assert 2 * precision * recall / (precision + recall) >= 0.92
    assert attr_ok / tp >= 0.85


def test_odd_input_never_crashes() -> None:
    for text in [
        "",
        "。。。",
        "“" * 50,
        "第" * 30,
        "１" * 40 + "亿",
        "据" * 20 + "表示",
        "\n\n\u3000",
        "他说：“",
        "张三说" * 3000,  # long clauses without a boundary stay cheap
        "据国家统计局" * 3000,
        "中文内容 a. " * 3000,
    ]:
        found = tracker.extract(text, language="zh")
        assert found.language == "zh"


CUE_WORDS = [
    "据",
    "统计",
    "表示",
    "他",
    "该公司",
    "（以下简称“",
    "”）",
    "《",
    "》",
    "“",
    "”",
    "第",
    "前",
]
NUMBERS = [
    "3.2万亿元",
    "十五",
    "两",
    "百分之",
    "四分之一",
    "三成",
    "翻一番",
    "居首",
    "约",
    "余",
    "%",
]
NAMES = ["瑞银证券分析师熊伟", "国家统计局", "华为", "Morgan Stanley said", "记者", "在报告中指出"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(CUE_WORDS + NUMBERS + NAMES + ["，", "。", "\n\n", "A", "2025年"]),
        max_size=40,
    )
)
def test_any_mix_of_cues_and_figures_keeps_the_contract(parts: list[str]) -> None:
    text = "".join(parts)
    found = tracker.extract(text, language="zh")
    names = {source.name for source in found.sources}
    for claim in found.claims:
        assert text[claim.start : claim.end] == claim.surface
        assert claim.source is None or claim.source in names


def test_english_sentence_inside_a_chinese_paragraph_goes_to_the_english_engine() -> None:
    text = "据国家统计局统计，全年增长5%。Morgan Stanley said revenue rose 12% to $3.4 billion. 他表示同意。"
    found = tracker.extract(text)
    assert found.language == "zh"
    assert [(c.surface, c.unit, c.source) for c in found.claims] == [
        ("5%", "%", "国家统计局"),
        ("12%", "%", "Morgan Stanley"),
        ("$3.4 billion", "USD", "Morgan Stanley"),
    ]
    assert all(text[c.start : c.end] == c.surface for c in found.claims)


def test_traditional_characters_are_read_with_the_same_rules() -> None:
    text = "據國家統計局統計，社會消費品零售總額為48.3萬億元。該局發言人付凌暉表示，共有1600餘家企業參與。"
    found = tracker.extract(text)
    assert [(c.surface, c.value, c.unit, c.source) for c in found.claims] == [
        ("48.3萬億元", 48.3e12, "CNY", "國家統計局"),
        ("1600", 1600, "count", "付凌暉"),
    ]
    assert found.sources[1].role == "發言人"
    assert found.claims[0].key == "国家统计局|社会消费品零售总额|CNY|"
