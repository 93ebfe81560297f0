"""Claim assembly: the extract entry point, subject, period and claim key."""

from __future__ import annotations

import pytest

import tracker
from tracker.en.periods import parse_date, period_of
from tracker.en.subject import claim_key, normalize
from tracker.model import Claim


def claims(text: str, published: str | None = "2025-01-16") -> list[Claim]:
    return tracker.extract(text, published=published, language="en").claims


def test_extract_returns_typed_records_with_offsets() -> None:
    text = "Acme Corp. said on Monday profit rose 12% to $4.1 billion."
    found = tracker.extract(text, published="2025-06-01")
    assert found.language == "en"
    assert [type(s) for s in found.sources] == [tracker.Source]
    for claim in found.claims:
        assert isinstance(claim, Claim)
        assert text[claim.start : claim.end] == claim.surface
        assert (
            text[claim.sentence_start : claim.sentence_start + len(claim.sentence)]
            == claim.sentence
        )
    record = found.claims[1].to_dict()
    assert record["value"] == 4_100_000_000 and isinstance(record["value"], int)
    assert set(record) >= {"start", "end", "surface", "sentence", "value", "unit", "kind",
                           "approximate", "source", "subject", "entity", "metric", "period", "key"}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Estrela Air carried 18.4 million passengers last year.", "2024"),
        ("For this year, Estrela Air aims to carry 20 million passengers.", "2025"),
        ("It expects 19.2 million passengers in 2025.", "2025"),
        ("Net income rose 5% in the fourth quarter.", "2024-Q4"),
        ("Capacity will lift spending next year by 9%.", "2026"),
        ("Sales fell 9% in the first half.", "2025-H1"),
        ("Prices rose 3% in December.", "2024-12"),
    ],
)
def test_period_resolves_against_the_article_date(sentence: str, period: str) -> None:
    (claim,) = claims(sentence)
    assert claim.period == period


def test_period_prefers_the_expression_next_to_the_figure() -> None:
    sentence = (
        "Spending will rise to C$2.6 billion next year, compared with C$2.3 billion this year."
    )
    assert period_of(sentence, sentence.index("C$2.6"), parse_date("2025-11-04")) == "2026"
    assert period_of(sentence, sentence.index("C$2.3"), parse_date("2025-11-04")) == "2025"


def test_key_is_stable_across_wordings_and_differs_by_period_and_entity() -> None:
    early = claims(
        "Estrela Air said it carried a record 18.4 million passengers last year.", "2025-01-16"
    )[0]
    later = claims(
        "Estrela Air said on Tuesday it carried 18.37 million passengers in 2024.", "2025-05-20"
    )[0]
    rival = claims("Sulbrisa said it carried 9.6 million passengers last year.", "2025-05-20")[0]
    next_year = claims(
        "Estrela Air said it aims to carry 20 million passengers this year.", "2025-01-16"
    )[0]
    assert early.key == later.key
    assert early.entity == "Estrela Air" and early.metric == "passengers"
    assert rival.key != early.key
    assert next_year.key != early.key


def test_key_parts_are_normalized() -> None:
    assert normalize("The Company's Wireless Subscribers") == "company wireless subscriber"
    assert claim_key("Huawei", "patent licensing income", "USD", "2024") == (
        "huawei|patent licensing income|USD|2024"
    )
    assert claim_key(None, None, "%", None) == "||%|"


def test_entity_from_the_speaking_company_and_metric_from_of_phrase() -> None:
    (claim,) = claims("Northline Telecom Inc. reported net income of C$412 million.", "2025-11-04")
    assert claim.entity == "Northline Telecom"
    assert claim.metric == "net income"
    assert claim.subject == "Northline Telecom net income"


def test_language_auto_and_chinese_delegation() -> None:
    assert tracker.extract("Profit rose 5%.").language == "en"
    chinese = tracker.extract("华为去年专利许可收入达到6.3亿美元，同比增长百分之五。")
    assert chinese.language == "zh"


def test_type_error_for_non_text() -> None:
    with pytest.raises(TypeError):
        tracker.extract(b"bytes")  # type: ignore[arg-type]


def test_series_keys_match_restated_figures_and_split_traps(shared) -> None:  # type: ignore[no-untyped-def]
    """../shared series: a later article restates figures of an earlier one in other words."""
    import json

    folder = shared / "gold" / "dev" / "series"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    found: dict[str, list[Claim]] = {}

    def claim(article: str, surface: str) -> Claim:
        if article not in found:
            gold = json.loads((folder / f"{article}.json").read_text(encoding="utf-8"))
            found[article] = claims(gold["text"], gold["published"])
        return next(c for c in found[article] if c.surface == surface)

    same = sum(
        claim(c["early"], c["old_surface"]).key == claim(c["later"], c["new_surface"]).key
        for c in expected["changed"]
    )
    assert same >= 6
    for trap in expected["traps"]:
        if trap["why"] in ("different entity", "different period", "different metric"):
            old = claim(trap["early"], trap["old_surface"])
            new = claim(trap["later"], trap["new_surface"])
            assert old.key != new.key, trap


def test_the_first_months_of_the_year_are_a_span_of_this_year() -> None:
    (claim,) = claims(
        "It connected 1.4 gigawatts in the first nine months of the year.", "2025-10-02"
    )
    assert claim.period == "2025-01/2025-09"  # SCHEMA.md: a span as "start/end"


def test_a_year_earlier_is_the_period_before_the_sentences_own() -> None:
    found = claims(
        "Revenue rose to $5 billion in the third quarter from $4 billion a year earlier. "
        "Sales in December were 12,000 units, compared with 10,000 a year ago.",
        published="2026-01-15",
    )
    assert [c.period for c in found] == ["2025-Q3", "2024-Q3", "2025-12", "2024-12"]


def test_a_days_share_move_is_a_figure_of_that_day() -> None:
    tuesday, wednesday = (
        claims("Acme's shares rose 2.3% on Tuesday.", published=day)[0]
        for day in ("2026-02-17", "2026-02-18")
    )
    assert tuesday.period == "2026-02-17"
    assert wednesday.period == "2026-02-17"  # Tuesday, told on Wednesday
    other = claims("Acme's shares rose 1.1% on Wednesday.", published="2026-02-18")[0]
    assert other.key != tuesday.key


def test_a_numbered_label_stays_in_the_metric() -> None:
    found = claims("The average 30-year fixed mortgage rate fell to 6.09%.")[0]
    assert found.metric == "30-year fixed mortgage rate"


def test_the_metric_starts_after_the_speech_verb() -> None:
    found = claims(
        "Kanto Airways said on Thursday it expects its fuel bill to reach about ¥410 billion."
    )[0]
    assert (found.entity, found.metric) == ("Kanto Airways", "fuel bill")


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # a level word before "of" is not the thing measured: the subject of the verb is
        ("Borealis Mining's quarterly copper output hit a record high of 412,000 tonnes.",
         "quarterly copper output"),
        ("The lender's bad-loan ratio fell to an all-time low of 0.9% in March.",
         "bad-loan ratio"),
        # spending that names itself keeps its name; other spending is a cost of its object
        ("Veltra Motors invested $2 billion in research spending last year.", "research spending"),
        ("Veltra Motors spent $2 billion on battery cells last year.", "cells cost"),
        # a preposition before the "of" phrase is not part of it
        ("The city will build 4,000 flats at a cost of $900 million.", "cost"),
        # a common noun opening the sentence is the metric; a name there is not
        ("Exports to Chile climbed 9% in June.", "exports"),
        ("Revenue at the unit rose 7% to $3 billion.", "revenue"),
        ("Shares of Norvik rose 4.1% on Tuesday.", "share price change"),
        # a traded thing's own move is a change of it (gold convention on real articles)
        ("Norvik Energy rose 3% on Tuesday.", "change"),
        ("The rand weakened 0.8% against the dollar.", "change"),
        # a dateline, a relative clause or a name in commas is not part of the subject
        ("HELSINKI, May 2 (Nordwire) - Finland's jobless rate fell to 8.1% in April.",
         "jobless rate"),
        ("Youth unemployment, which covers people aged 15 to 24, dropped to 17.2%.",
         "youth unemployment"),
        # "A of B" is A, unless A only measures B
        ("Sales of its best-selling heart drug, Cardexa, had fallen 18% by June.", "sales"),
        ("The value of exports rose 4% in May.", "value of exports"),
        ("The pension fund has grown to a record $54 billion.", "pension fund"),
    ],
)  # fmt: skip
def test_the_metric_is_the_thing_measured_not_its_level_or_preposition(
    sentence: str, metric: str | None
) -> None:
    found = [claim for claim in claims(sentence) if claim.kind != "count"][0]
    assert found.metric == metric


def test_a_ministers_portfolio_is_not_the_entity_but_a_company_before_a_title_is() -> None:
    text = (
        "Finance Minister Rui Castro told reporters growth would reach 2.1%. "
        "Northline Chief Executive Ann Lee said sales rose 5%."
    )
    assert [(c.surface, c.entity) for c in claims(text)] == [("2.1%", None), ("5%", "Northline")]


def test_a_month_in_a_sentence_about_the_future_is_the_coming_one() -> None:
    text = "Fares are set to rise by 4.6% in March. Fares rose 3.1% in March."
    assert [(c.metric, c.period) for c in claims(text, published="2025-02-13")] == [
        ("fares", "2025-03"),
        ("fares", "2024-03"),
    ]


def test_metric_words_around_the_subject_are_trimmed() -> None:
    found = claims("Only 71% of patients were seen within four hours, short of a 95% goal.")
    assert found[-1].metric == "patients"  # not "of patients"
    found = claims("The ministry said waiting lists there had grown to 790,000.")
    assert found[0].metric == "waiting lists"  # not "waiting lists there"


def test_a_share_of_something_is_a_proportion_not_a_days_share_move() -> None:
    found = claims("The region's share of transit traffic was close to 40% in 2024.")[0]
    assert (found.metric, found.period) == ("share of transit traffic", "2024")


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("A poll of 31 economists surveyed by the agency showed growth.", "economists"),
        ("The carrier plans to launch 1,500 more satellites this year.", "satellites"),
        ("The industry employs 385,000 people directly.", "people"),
        ("Waiting lists held 310,000 twelve months earlier.", None),
    ],
)
def test_a_count_measures_the_noun_after_it_not_the_verb(sentence: str, metric: str | None) -> None:
    found = [claim for claim in claims(sentence) if claim.kind == "count"][0]
    assert found.metric == metric


def test_a_figure_of_a_dated_day_is_of_that_day_but_a_dateline_is_not_a_period() -> None:
    text = "The central bank cut rates by 25 basis points on Sept. 18, its first cut since 2020."
    assert claims(text, published="2024-11-20")[0].period == "2024-09-18"
    text = "Output rose 2% on October 3, 2023, the agency said."
    assert claims(text, published="2024-11-20")[0].period == "2023-10-03"
    text = "OSLO, Nov. 20 (Nordwire) - Norvik said it would hire 300 engineers."
    assert claims(text, published="2024-11-20")[0].period is None


def test_an_organizations_apposition_does_not_take_its_figures() -> None:
    text = "Orbis Motors, Europe's largest carmaker, kept a market share of 20.3% in May."
    found = claims(text, published="2024-07-04")[0]
    assert (found.entity, found.metric, found.period) == ("Orbis Motors", "market share", "2024-05")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Mining output rose 2.3% in May.", "2026-05"),  # "in May": a month, no modal verb
        ("We think the bank will cut by 25 basis points in June.", "2027-06"),
        # the verb nearest the month decides, not any "will" elsewhere in the sentence
        ("The state will run a deficit of A$42 billion, double the A$19.6 billion it forecast "
         "in December.", "2025-12"),
        ("It would not match the C$35 plans its rivals launched in September.", "2025-09"),
        ("BRASILIA/ANKARA, March 19 (Wire) - The bank raised its rate by 50 basis points.", None),
    ],
)  # fmt: skip
def test_a_month_without_a_year_is_the_last_or_the_coming_one(
    sentence: str, period: str | None
) -> None:
    assert claims(sentence, published="2026-07-08")[-1].period == period


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # the change named as a noun, then what changed
        ("Orbis Bank reported a 27% jump in quarterly net profit to Rs 1,240 crore.", "net profit"),
        ("Its rival reported a 5% drop in traffic for the same period.", "traffic"),
        # a lowercase apposition between the subject and its verb
        ("Net interest income, the gap between interest earned and paid, rose 18%.",
         "net interest income"),
        # "of total loans" is no verb "total"
        ("Bad loans fell to 2.1% of total loans from 2.9% a year earlier.", "bad loans"),
        ("The bank's shares closed up 3.2% at Rs 812.", "shares"),
    ],
)  # fmt: skip
def test_more_ways_news_names_what_changed(sentence: str, metric: str) -> None:
    assert claims(sentence)[-1].metric == metric
