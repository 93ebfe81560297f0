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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The watchdog fined the lender CHF45m.", [("CHF45m", 45e6, "CHF", "currency")]),
        ("The miner booked $US310 million.", [("$US310 million", 310e6, "USD", "currency")]),
        ("Wool exports hit $A2.1 billion.", [("$A2.1 billion", 2.1e9, "AUD", "currency")]),
        ("The tycoon paid HK $3.4 billion.", [("HK $3.4 billion", 3.4e9, "HKD", "currency")]),
        ("A ticket costs 95€ in Paris.", [("95€", 95, "EUR", "currency")]),
        (
            "The laptop lists at 7,999 Chinese yuan.",
            [("7,999 Chinese yuan", 7999, "CNY", "currency")],
        ),  # fmt: skip
        (
            "The budget is 40 billion Japanese yen.",
            [("40 billion Japanese yen", 40e9, "JPY", "currency")],
        ),  # fmt: skip
        ("Net profit was RMB12.6bn in the year.", [("RMB12.6bn", 12.6e9, "CNY", "currency")]),
        (
            "Osaka's Nishida Corp earned ¥820 billion in Japan.",
            [("¥820 billion", 820e9, "JPY", "currency")],
        ),  # fmt: skip
        (
            "Shenzhen's builder sold ¥8 billion of homes in China.",
            [("¥8 billion", 8e9, "CNY", "currency")],
        ),  # fmt: skip
    ],
)
def test_currency_codes_and_symbols_glued_or_spaced(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_a_range_carries_scale_and_currency_to_both_ends() -> None:
    assert quantities("It sees sales of from $7 to $9 billion.") == [
        ("$7", 7e9, "USD", "currency"),
        ("$9 billion", 9e9, "USD", "currency"),
    ]
    assert quantities("The fee is between €3 and €4.5 million.") == [
        ("€3", 3e6, "EUR", "currency"),
        ("€4.5 million", 4.5e6, "EUR", "currency"),
    ]
    # a price range keeps its own values
    assert quantities("Crude traded from $70 to $85 a barrel.") == [
        ("$70", 70, "USD", "currency"),
        ("$85", 85, "USD", "currency"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Retail sales changed -1.3% on the month.", [("-1.3%", -1.3, "%", "percent")]),
        ("The gauge stood at minus 4% in June.", [("4%", -4, "%", "percent")]),
        ("Prices for 2024-25 rose 2%.", [("2%", 2, "%", "percent")]),
        ("Output rose 2.5-fold in a decade.", [("2.5-fold", 2.5, "x", "multiple")]),
        ("The senate overrode him nine times this year.", [("nine", 9, "count", "count")]),
        ("The governor vetoed the bill five times.", [("five", 5, "count", "count")]),
        ("Its debt is now six times earnings.", [("six times", 6, "x", "multiple")]),
        ("Output is also three times.", [("three times", 3, "x", "multiple")]),
        ("Carriers want more 787x jets.", []),
        ("Ash particles were below 10 microns.", [("10 microns", 10, "µm", "quantity")]),
        ("Officers seized 450 grams of heroin.", [("450 grams", 450, "g", "quantity")]),
        ("Gusts reached 120 kph on the coast.", [("120 kph", 120, "km/h", "quantity")]),
        (
            "The game runs at 120 frames per second.",
            [("120 frames per second", 120, "fps", "quantity")],
        ),  # fmt: skip
        ("They mapped the 3,000-mile-long rift.", [("3,000-mile", 3000, "mi", "quantity")]),
        ("Module costs fell to $0.18/W last year.", [("$0.18", 0.18, "USD", "currency")]),
    ],
)
def test_negatives_folds_occurrences_and_units(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tender drew a single bidder.", [("a single", 1, "count", "count")]),
        ("Not a single seat changed hands.", []),
        ("It lasts a week on a single charge.", []),
        ("He is a single father.", []),
        ("Tokyo is the single largest market.", []),
        (
            "The town has a quarter million residents.",
            [("a quarter million", 250e3, "count", "count")],
        ),  # fmt: skip
        (
            "Seven migrants, including one child, drowned.",
            [("Seven", 7, "count", "count"), ("one", 1, "count", "count")],
        ),  # fmt: skip
        ("The ward had only one nurse on duty.", [("one", 1, "count", "count")]),
        ("One of the banks said one day it may merge.", []),
        ("The two sides met again. The two were charged.", []),
        ("The two largest lenders merged.", [("two", 2, "count", "count")]),
        ("The three carriers cut fares.", [("three", 3, "count", "count")]),
        ("After three more years of talks, they signed.", []),
        ("Jobs fell for two straight years.", []),
        ("The hosts led for the opening three quarters of the match.", []),
        ("Three quarters of voters agree.", [("Three quarters", 0.75, "x", "multiple")]),
        (
            "Bids came from two carriers and a third unnamed buyer.",
            [("two", 2, "count", "count")],
        ),  # fmt: skip
        ("A third owned by pension funds was sold.", [("A third", 0.333333, "x", "multiple")]),
        ("Analysts expect softer [first-half] margins.", []),
        ("Pupils aged between 11 to 16-years-old took part.", []),
        ("My advice is, number one, save early.", []),
    ],
)
def test_counts_of_one_pairs_durations_and_fractions(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Troops seized a .50 calibre machine gun.",
        "Under clause 4 of the accord, duties fall.",
        "Britain invoked Article 50 in March.",
        "Its phones run on 5nm chips.",
    ],
)
def test_calibres_clauses_and_articles_are_no_figures(text: str) -> None:
    assert quantities(text) == []


def test_stock_quote_tables_hold_no_figures() -> None:
    text = (
        "Shares slid.\n\n| Symbol | Name | Last | Change | Change % |\n\n|---|---|---|---|---|\n\n"
        "| ACME | ACME CORP. | 41.20 | -1.10 | -2.60% |\n\nProfit rose 8%."
    )
    assert quantities(text) == [("8%", 8, "%", "percent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The scheme will create one million jobs.", [("one million", 1e6, "count", "count")]),
        ("A million fans watched.", [("A million", 1e6, "count", "count")]),
        (
            "It borrowed $1.1trn and €2.5bln.",
            [("$1.1trn", 1.1e12, "USD", "currency"), ("€2.5bln", 2.5e9, "EUR", "currency")],
        ),  # fmt: skip
        ("Why build it in the first place?", []),
        ("She flew first-class to Geneva.", []),
        ("The choir sits in second place in the vote.", [("second", 2, "rank", "rank")]),
    ],
)
def test_scaled_words_glued_scales_and_idioms(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visitors erased a 17-point deficit to win.", [("17", 17, "count", "count")]),
        (
            "Sentiment rose three points to minus 9.",
            [("three", 3, "count", "count"), ("9", -9, "count", "count")],
        ),  # fmt: skip
        ("Tom Reed, eight, and Amy Reed, five, were rescued.", []),
        ("She was abused from the ages of 12 to 15.", []),
        ("Some recruits were as young as 16 at the time.", []),
        ("The queue lasted 20 or 30 minutes, then two to three days.", []),
        ("The coastguard's 40m cutter was rammed.", []),
        (
            "The app has 8m users and 1m new sign-ups.",
            [("8m", 8e6, "count", "count"), ("1m", 1e6, "count", "count")],
        ),  # fmt: skip
    ],
)
def test_game_points_ages_duration_ranges_and_lengths(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tent weighs 3 pounds and 2 ounces.",
            [("3 pounds", 3, "lb", "quantity"), ("2 ounces", 2, "oz", "quantity")],
        ),  # fmt: skip
        (
            "The club paid 40 million pounds for him.",
            [("40 million pounds", 40e6, "GBP", "currency")],
        ),  # fmt: skip
        (
            "Nights fell to 14 degrees Fahrenheit (minus 10 Celsius).",
            [
                ("14 degrees Fahrenheit", 14, "°F", "quantity"),
                ("10 Celsius", -10, "°C", "quantity"),
            ],
        ),  # fmt: skip
        ("A 15-degree bag with a 30-denier shell and 800-fill down.", []),
        ("She ran the agency for a decade and a half.", []),
        (
            "He has posted there over a thousand times since 2019.",
            [("a thousand", 1000, "count", "count")],
        ),  # fmt: skip
    ],
)
def test_weights_temperatures_specs_and_occurrences(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_list_markers_are_no_figures() -> None:
    text = (
        "Three reasons stand out:\n1. Costs rose 4%.\n- 2. Demand fell.\nSome 1) left or 2) stayed."
    )
    assert quantities(text) == [("Three", 3, "count", "count"), ("4%", 4, "%", "percent")]
    assert quantities("It had 35 beds (12) in use.")[0] == ("35", 35, "count", "count")


def test_the_last_item_of_a_list_of_percentages_is_one() -> None:
    text = "Of the voters, 41 percent were under 30, 22.5 percent were retired, and 9.4 of neither."
    assert quantities(text)[-1] == ("9.4", 9.4, "%", "percent")
    # an integer after a list is no share: "and 7 of 10 firms"
    assert quantities("Sales rose 5%, costs 3%, and 7 of 10 firms hired.")[-2][2] == "count"
