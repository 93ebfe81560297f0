"""English sentence segmentation."""

from __future__ import annotations

import pytest

from tracker.en.text import paragraph_spans, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Imports into the U.S. fell 5% in May.",
        "Dr. Miriam Achebe told analysts the plan was sound.",
        "Northline Telecom Inc. raised its target on Tuesday.",
        "Calloway Steel Corp. restarted the No. 4 blast furnace.",
        "Trading opened at 9 a.m. and closed at 4 p.m. in New York.",
        "The index rose 2.5 points to 1,034.75 on Friday.",
        "John F. Kennedy Airport handled 62.5 million passengers.",
        "HARTFORD, Conn., Oct. 14 — Losses could reach $38 billion.",
        "Shares fell on Sept. 3 after the report.",
    ],
)
def test_abbreviations_decimals_and_initials_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_quotation_ending_with_period_inside_quote() -> None:
    text = 'She said: "Prices will rise." The board agreed. "Why?" he asked.'
    assert sentences(text) == [
        'She said: "Prices will rise."',
        "The board agreed.",
        '"Why?" he asked.',
    ]


def test_company_suffix_ends_a_sentence_before_an_opener() -> None:
    text = "The deal was signed by Acme Inc. The shares rose 4%."
    assert sentences(text) == ["The deal was signed by Acme Inc.", "The shares rose 4%."]


def test_dotted_abbreviation_ends_a_sentence_before_an_opener() -> None:
    text = "Few engineers want to work in the U.S. The reasons vary."
    assert sentences(text) == ["Few engineers want to work in the U.S.", "The reasons vary."]


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert len(sentences('"It is fragile," he said. "very" was the word.')) == 2
    assert len(sentences("Profit was up 3.4 percent. analysts said so.")) == 1


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Revenue rose to $4 billion\n\nThe company said it would hire"
    assert sentences(text) == ["Revenue rose to $4 billion", "The company said it would hire"]
    assert paragraph_spans(text) == [(0, 26), (28, len(text))]


def test_hard_wrapped_line_is_not_a_boundary() -> None:
    text = "The company said revenue\nrose by a third in the year."
    assert sentences(text) == [text]


def test_offsets_are_trimmed_and_exact() -> None:
    text = "  First one.   Second one!  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!"]


def test_a_text_without_punctuation_is_cut_into_bounded_sentences() -> None:
    text = "word " * 5000
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(b - a <= 3000 for a, b in spans)
