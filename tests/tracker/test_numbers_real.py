"""English number finding on real-news patterns: labels, index levels, streaks, margins, money."""

from __future__ import annotations

import pytest

from tracker.en.numbers import find_quantities


def quantities(text: str) -> list[tuple[str, float, str, str]]:
    return [
        (text[q.start : q.end], round(q.value, 6), q.unit, q.kind) for q in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stock-index levels and point moves are no claims; their % moves are
        (
            "The FTSE 100 shed 41.3 points, or 0.6%, to 7,212.55 on Friday.",
            [("0.6%", 0.6, "%", "percent")],
        ),
        ("The Nikkei share average ended at 23,180.4.", []),
        # an economic index reading is a figure
        (
            "The services index rose to 51.7 from 50.2.",
            [("51.7", 51.7, "count", "count"), ("50.2", 50.2, "count", "count")],
        ),  # fmt: skip
        # model names and product specs
        ("Airlines grounded the 787 Max after the fault.", []),
        ("The 320 program has run late, the maker said.", []),
        ("Foundries will build 2-nanometer processors.", []),
        ("Investigators found a .45 caliber handgun and a 9mm pistol.", []),
        ("The set-top box offers 8K streaming.", []),
        ("Savers can open a 401 account at work.", []),
        # a possessive before a number is no label
        (
            "Nearly a tenth of Rivian's 14,000 workers were let go.",
            [("a tenth", 0.1, "x", "multiple"), ("14,000", 14000, "count", "count")],
        ),  # fmt: skip
        ("She lives at 2210 N. Harbor Drive with her family.", []),
    ],
)
def test_labels_index_levels_and_specs(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_promo_lines_hold_no_figures() -> None:
    text = "Exports rose 4% in May.\nRead more: 7 stocks to buy now\nRELATED: 3 charts on trade"
    assert quantities(text) == [("4%", 4, "%", "percent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # streaks are ranks; an ordinal naming one event in a series is not
        ("Exports grew for a fifth straight month.", [("fifth", 5, "rank", "rank")]),
        ("It was the bank's 11th consecutive quarterly loss.", [("11th", 11, "rank", "rank")]),
        ("Rents rose for the third year running.", [("third", 3, "rank", "rank")]),
        ("It is the second week in a row of gains.", [("second", 2, "rank", "rank")]),
        ("Envoys gathered for the fourth round of talks.", []),
        # a move in a table: both ends are ranks
        (
            "The striker's side dropped to sixth from second.",
            [("sixth", 6, "rank", "rank"), ("second", 2, "rank", "rank")],
        ),
        # "number one" as a standing; a deputy or the numeral itself is no figure
        ("Norway is the number one market for electric cars.", [("number one", 1, "rank", "rank")]),
        ("She spent a decade as number two at the central bank.", []),
        ("He served as number 2 at the ministry.", []),
        ("In many cultures the number four is considered unlucky.", []),
    ],
)
def test_ranks_streaks_and_numerals(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor held the seat by 14 points.", [("14 points", 14, "pp", "percent")]),
        (
            "She trails by nearly three points in one survey.",
            [("three points", 3, "pp", "percent")],
        ),  # fmt: skip
        ("He opened up an 8-point lead over the mayor.", [("8-point", 8, "pp", "percent")]),
        (
            "The challenger lost by six-and-a-half points.",
            [("six-and-a-half points", 6.5, "pp", "percent")],
        ),  # fmt: skip
        ("The S&P 500 fell 31.2 points on Monday.", []),
        ("Ministers unveiled a 12-point plan on housing.", []),
        ("Leeds are top of the table with 61 points.", [("61", 61, "count", "count")]),
        ("Nearly four dozen workers were laid off.", [("four dozen", 48, "count", "count")]),
    ],
)
def test_points_and_dozens(text: str, expected: list) -> None:
    assert quantities(text) == expected
