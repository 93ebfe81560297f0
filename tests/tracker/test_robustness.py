"""Odd input never crashes the English tracker, and every claim slices back to its surface."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker

NEWSY = st.lists(
    st.sampled_from(
        list("0123456789 .,;:%$€£¥-–—'\"“”()\n abcdefghijklmnopqrstuvwxyz")
        + [
            "Mr. ",
            "Dr. ",
            "Inc. ",
            "U.S. ",
            "No. ",
            " said ",
            " according to ",
            " million",
            " billion",
            " percent",
            " times",
            " half",
            " third",
            " He ",
            " She ",
            " the company",
            "Acme Corp.",
            " Jane Doe",
            ", an analyst at ",
            " told reporters",
            "\n\n",
            "C$",
            "Rs ",
            " crore",
            " basis points",
            " one in ten",
            " fifth-largest",
            " between ",
            " and ",
            " to ",
        ]
    ),
    max_size=120,
).map("".join)


def check(text: str) -> None:
    found = tracker.extract(text, published="2025-06-01", language="en")
    names = {source.name for source in found.sources}
    for claim in found.claims:
        assert text[claim.start : claim.end] == claim.surface
        assert claim.surface in claim.sentence
        assert claim.source is None or claim.source in names


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_never_raises_and_offsets_slice_the_surface(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text(text: str) -> None:
    check(text)
    tracker.extract(text)  # language auto


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\n\t ",
        "\x00\x01\x02\ufffd\ud7ff" * 50,
        "1 2 3 4 5 6 7 8 9 10 " * 2000,
        "9" * 50_000,
        "1,000,000,000,000,000,000,000,000,000 dollars",
        "word " * 40_000,
        '"' * 5000 + "He said 5% " * 500,
        "“unbalanced quote 5% and more " * 1000,
        "$" * 10_000 + "5",
        "A" * 20_000 + " said 5%",
        "the company said " * 3000 + "12%",
    ],
)
def test_bad_input(text: str) -> None:
    check(text)
