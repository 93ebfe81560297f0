"""English number parsing: values, units, kinds, approximations, and what is no claim."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.en.numbers import find_quantities


def quantities(text: str) -> list[tuple[str, float, str, str]]:
    return [
        (text[q.start : q.end], round(q.value, 6), q.unit, q.kind) for q in find_quantities(text)
    ]


def one(text: str) -> tuple[str, float, str, str]:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It earned $630 million.", ("$630 million", 630e6, "USD", "currency")),
        ("It earned US$1.2bn.", ("US$1.2bn", 1.2e9, "USD", "currency")),
        ("It earned HK$45 billion.", ("HK$45 billion", 45e9, "HKD", "currency")),
        ("Profit was C$412 million.", ("C$412 million", 412e6, "CAD", "currency")),
        ("Exports were A$19.4 billion.", ("A$19.4 billion", 19.4e9, "AUD", "currency")),
        ("Sales hit NT$3.2 trillion.", ("NT$3.2 trillion", 3.2e12, "TWD", "currency")),
        ("It raised €5m.", ("€5m", 5e6, "EUR", "currency")),
        ("Bonuses of £3.2mn were paid.", ("£3.2mn", 3.2e6, "GBP", "currency")),
        ("It cost 400 billion yuan.", ("400 billion yuan", 400e9, "CNY", "currency")),
        ("It holds RMB 31.5 billion.", ("RMB 31.5 billion", 31.5e9, "CNY", "currency")),
        ("Costs rose to 8 billion renminbi.", ("8 billion renminbi", 8e9, "CNY", "currency")),
        ("It lost 60 million euros.", ("60 million euros", 60e6, "EUR", "currency")),
        ("A 750 million euro fund.", ("750 million euro", 750e6, "EUR", "currency")),
        ("It paid 2 million pounds.", ("2 million pounds", 2e6, "GBP", "currency")),
        ("The bill was 21 trillion won.", ("21 trillion won", 21e12, "KRW", "currency")),
        ("It invested Rs 1,240 crore.", ("Rs 1,240 crore", 12.4e9, "INR", "currency")),
        ("It spent 50 lakh rupees.", ("50 lakh rupees", 5e6, "INR", "currency")),
        (
            "Revenue was 98 billion Danish kroner.",
            ("98 billion Danish kroner", 98e9, "DKK", "currency"),
        ),
        ("It was 5 million U.S. dollars.", ("5 million U.S. dollars", 5e6, "USD", "currency")),
        (
            "It was 7 million Canadian dollars.",
            ("7 million Canadian dollars", 7e6, "CAD", "currency"),
        ),
        ("Shares rose 14.1%.", ("14.1%", 14.1, "%", "percent")),
        ("Sales fell 18 per cent.", ("18 per cent", 18, "%", "percent")),
        ("Sales fell 9 percent.", ("9 percent", 9, "%", "percent")),
        ("Churn rose 0.3 percentage points.", ("0.3 percentage points", 0.3, "pp", "percent")),
        ("Rates rose 25 basis points.", ("25 basis points", 0.25, "pp", "percent")),
        ("Rates were cut by a quarter-point.", ("quarter-point", 0.25, "pp", "percent")),
        ("It is four times that of the U.S.", ("four times", 4, "x", "multiple")),
        ("Debt is 3.4 times earnings.", ("3.4 times", 3.4, "x", "multiple")),
        ("Debt is 1.5 times earnings.", ("1.5 times", 1.5, "x", "multiple")),
        ("Output grew fourfold.", ("fourfold", 4, "x", "multiple")),
        ("The value tripled.", ("tripled", 3, "x", "multiple")),
        ("It is twice as large.", ("twice", 2, "x", "multiple")),
        ("The EU wants to double freight.", ("double", 2, "x", "multiple")),
        ("It cost a third less.", ("a third", 1 / 3, "x", "multiple")),
        ("One-fifth of courses changed.", ("One-fifth", 0.2, "x", "multiple")),
        ("Two-thirds of the market.", ("Two-thirds", 2 / 3, "x", "multiple")),
        ("More than half of all homes.", ("half", 0.5, "x", "multiple")),
        ("It is roughly one in ten jets.", ("one in ten", 0.1, "x", "multiple")),
        ("Huawei ranked fifth among firms.", ("fifth", 5, "rank", "rank")),
        ("It is the second-largest airline.", ("second-largest", 2, "rank", "rank")),
        ("It is the No. 1 carrier.", ("No. 1", 1, "rank", "rank")),
        ("It came second in the survey.", ("second", 2, "rank", "rank")),
        ("It is second only to China.", ("second", 2, "rank", "rank")),
        ("Japan finished in third place.", ("third", 3, "rank", "rank")),
        ("It built 120 gigawatts.", ("120 gigawatts", 120, "GW", "quantity")),
        ("A 3,400 MW portfolio.", ("3,400 MW", 3400, "MW", "quantity")),
        ("They used 19.6 terawatt-hours.", ("19.6 terawatt-hours", 19.6, "TWh", "quantity")),
        ("A harvest of 17.2 million tonnes.", ("17.2 million tonnes", 17.2e6, "t", "quantity")),
        ("A new 3-million-tonne mill.", ("3-million-tonne", 3e6, "t", "quantity")),
        ("It covers 9,800 kilometres.", ("9,800 kilometres", 9800, "km", "quantity")),
        (
            "Farms cover 63,500 square kilometres.",
            ("63,500 square kilometres", 63500, "km2", "quantity"),
        ),
        ("It pumps 2 million barrels a day.", ("2 million barrels", 2e6, "bbl", "quantity")),
        ("A payload of 20 kilograms.", ("20 kilograms", 20, "kg", "quantity")),
        ("It hired 3,000 engineers.", ("3,000", 3000, "count", "count")),
        ("It has 4.2 million homes.", ("4.2 million", 4.2e6, "count", "count")),
        ("It ordered a dozen jets.", ("a dozen", 12, "count", "count")),
        ("It leased four aircraft.", ("four", 4, "count", "count")),
        ("It has twenty-five shops.", ("twenty-five", 25, "count", "count")),
        ("It has 5m users.", ("5m", 5e6, "count", "count")),
        ("The sol was at 3.74 per dollar.", ("3.74", 3.74, "PEN", "currency")),
    ],
)
def test_values_units_and_kinds(text: str, expected: tuple[str, float, str, str]) -> None:
    surface, value, unit, kind = one(text)
    assert (surface, unit, kind) == expected[0:1] + expected[2:]
    assert value == pytest.approx(expected[1])


def test_yen_sign_follows_the_country() -> None:
    assert one("Tokyo-based Denki booked ¥180 billion in Japan.")[2] == "JPY"
    assert one("Beijing said China's firms raised ¥5 billion.")[2] == "CNY"


def test_pesos_follow_the_country() -> None:
    assert one("Argentina will lend 150 billion pesos.")[2] == "ARS"
    assert one("Mexico will lend 150 billion pesos.")[2] == "MXN"


def test_ranges_carry_the_unit_to_both_ends() -> None:
    assert quantities("It will cost between 45 million and 60 million euros.") == [
        ("45 million", 45e6, "EUR", "currency"),
        ("60 million euros", 60e6, "EUR", "currency"),
    ]
    assert quantities("Orders may rise by between 5 and 8 percent.") == [
        ("5", 5, "%", "percent"),
        ("8 percent", 8, "%", "percent"),
    ]
    assert quantities("The rate went from 8.7% to 14.1%.") == [
        ("8.7%", 8.7, "%", "percent"),
        ("14.1%", 14.1, "%", "percent"),
    ]


def test_approximations_are_flagged_and_left_out_of_the_surface() -> None:
    for text in ("about 400 jobs", "nearly 40 jets", "more than 120 jets", "roughly $940"):
        (quantity,) = find_quantities(text)
        assert quantity.approximate
        assert not text[quantity.start : quantity.end].startswith(("about", "nearly", "more"))
    (exact,) = find_quantities("It hired 400 people.")
    assert not exact.approximate


@pytest.mark.parametrize(
    "text",
    [
        "The plan was approved in 2022.",
        "It opened on December 10 and closed on 12 March.",
        "Trading starts at 9:30 a.m. each day.",
        "It ran for three months over the past two years.",
        "A 30-year mortgage and a five-year low.",
        "The A321neo, 5G, ChatGPT-3.5, Model 3 and the H20 chip.",
        "Under Section 232 and Category 4 rules on Route 5.",
        "The No. 4 blast furnace and the Orion-3 and K-7 robots.",
        "Call 1-800-555-0199 or visit example.com/plans/2025 today.",
        "It is a Fortune 500 company founded in the 1990s.",
        "The 2025/26 harvest and the 2024-25 season.",
        "In the first half and the third quarter of the year.",
        "It offers one-way fares and two-day passes.",
        "One of the firms said no one would go.",
        "The double-digit growth was several times higher.",
    ],
)
def test_not_claims(text: str) -> None:
    assert quantities(text) == []


@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(["", " thousand", " million", " billion"]),
    st.sampled_from(["$", "€", "£", ""]),
)
def test_number_round_trip(whole: int, scale: str, symbol: str) -> None:
    written = f"{whole:,}"
    text = f"The company reported {symbol}{written}{scale} on Monday."
    factor = {"": 1, " thousand": 1e3, " million": 1e6, " billion": 1e9}[scale]
    found = find_quantities(text)
    if not symbol and not scale and 1800 <= whole <= 2100:
        return  # a bare number in year range reads as a year, "in 2022"
    assert len(found) == 1
    assert found[0].value == pytest.approx(whole * factor)
    assert text[found[0].start : found[0].end] == f"{symbol}{written}{scale}"


@given(st.decimals(min_value="0.01", max_value="999.99", places=2))
def test_decimal_percent_round_trip(number: object) -> None:
    text = f"Prices rose {number}% last year."
    (found,) = find_quantities(text)
    assert found.unit == "%"
    assert found.value == pytest.approx(float(str(number)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boeing delivered 48 737 MAX jets.", [("48", "count")]),
        ("Apple sold 50 million iPhone 15 units.", [("50 million", "count")]),
        ("Sales rose 7.5pc last year.", [("7.5pc", "%")]),
        ("Trading volume was 3x higher.", [("3x", "x")]),
        ("The ratio was 2:1 and the score 3-2.", []),
        ("Fares could rise 8-12% in May.", [("8", "%"), ("12%", "%")]),
        ("Carriers parked more than 120 A320neo-family aircraft.", [("120", "count")]),
    ],
)
def test_model_numbers_scores_and_short_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(surface, unit) for surface, _, unit, _ in quantities(text)] == expected


def test_rand_prefix_only_in_a_south_african_story() -> None:
    assert one("Power cuts in South Africa cost the miner R900 million.")[2] == "ZAR"
    assert quantities("The R2 engine was tested in Detroit.") == []


def test_ounces() -> None:
    assert one("Output fell to 1.35 million ounces.") == (
        "1.35 million ounces",
        1.35e6,
        "oz",
        "quantity",
    )


def test_currency_range_shares_scale_and_currency() -> None:
    assert quantities("It will cost $5-7 billion.") == [
        ("$5", 5e9, "USD", "currency"),
        ("7 billion", 7e9, "USD", "currency"),
    ]
    assert quantities("It will cost $5 to 7 billion.") == [
        ("$5", 5e9, "USD", "currency"),
        ("7 billion", 7e9, "USD", "currency"),
    ]


def test_half_a_million_and_no_overlapping_claims() -> None:
    assert quantities("It drew half a million people.") == [
        ("half a million", 5e5, "count", "count")
    ]
    assert quantities("It cost half a billion dollars.") == [
        ("half a billion dollars", 5e8, "USD", "currency")
    ]
    assert quantities("It hired half a dozen firms.") == [("half a dozen", 6, "count", "count")]


def test_crowns_follow_the_country() -> None:
    assert one("Shares rose to 212.40 crowns in Oslo.")[2] == "NOK"
    assert one("Shares rose to 212.40 crowns in Stockholm.")[2] == "SEK"


def test_fractions_of_a_percentage_point() -> None:
    assert one("It raised rates by a quarter of a percentage point.")[1:3] == (0.25, "pp")
    assert one("Rates fell half a percentage point.")[1:3] == (0.5, "pp")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Petronas earned RM2.5 billion.", "MYR"),
        ("Emaar sold Dh5 billion of homes.", "AED"),
        ("It owes Rp 5 trillion.", "IDR"),
        ("It cut costs by ₦40bn.", "NGN"),
        ("It paid CHF 2 billion.", "CHF"),
        ("It raised R$4.5 billion.", "BRL"),
        ("It made S$1.2 billion.", "SGD"),
    ],
)
def test_more_currency_prefixes(text: str, unit: str) -> None:
    assert one(text)[2:] == (unit, "currency")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It handled 1.1 million twenty-foot equivalent units (TEU).",
            [("1.1 million twenty-foot equivalent units", 1.1e6, "TEU", "quantity")],
        ),
        ("A 40-foot box cost $4,150.", [("$4,150", 4150, "USD", "currency")]),
        ("JOHANNESBURG, Feb.  17 (Wire) — Sales rose 4%.", [("4%", 4, "%", "percent")]),
        ("Chief Executive Salil Menon, 58, said deals hit 7.", [("7", 7, "count", "count")]),
        ("Two-thirds were aged 65 or over.", [("Two-thirds", 0.666667, "x", "multiple")]),
        ("said Sipho Nkosi, who is 52.", []),
        ("The win lifted it to seventh in La Liga.", [("seventh", 7, "rank", "rank")]),
        # a sequence is no standing: "the second increase in a month"
        ("It raised rates, the second increase in a month.", []),
        (
            "Profit hit 21.4 billion rand and the dividend 745 cents.",
            [
                ("21.4 billion rand", 21.4e9, "ZAR", "currency"),
                ("745 cents", 7.45, "ZAR", "currency"),
            ],
        ),
        (
            "In Tokyo, fees were ¥2 billion. In Shanghai, fees were ¥3 billion.",
            [("¥2 billion", 2e9, "JPY", "currency"), ("¥3 billion", 3e9, "CNY", "currency")],
        ),
    ],
)
def test_units_labels_ages_and_local_currency(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_age_ranges_and_foreign_cents() -> None:
    assert quantities("For workers aged 15 to 24, it rose 1.4 percentage points.") == [
        ("1.4 percentage points", 1.4, "pp", "percent")
    ]
    assert quantities("It fell to C$36.12 and the loonie to 72.10 U.S. cents.")[-1] == (
        "72.10 U.S. cents",
        0.721,
        "USD",
        "currency",
    )


def test_a_place_in_a_table() -> None:
    assert quantities("Redbridge City sits second in the table.") == [("second", 2, "rank", "rank")]


def test_pence_minus_and_units_of_comparison() -> None:
    assert quantities("Harcourt will pay 215 pence a share.") == [
        ("215 pence", 2.15, "GBP", "currency")
    ]
    assert quantities("Confidence fell to minus 17.") == [("17", -17, "count", "count")]
    assert quantities("Every ¥1 move changes profit by ¥50 billion.") == [
        ("¥50 billion", 50e9, "JPY", "currency")
    ]


def test_exchange_rate_of_the_currency_spoken_of() -> None:
    text = "The peso has strengthened 11% against the dollar, trading at 18.45 per dollar."
    assert quantities(text)[-1] == ("18.45", 18.45, "MXN", "currency")


def test_children_under_five() -> None:
    assert quantities("Children under five accounted for about 40% of cases.") == [
        ("40%", 40, "%", "percent")
    ]


def test_plus_or_minus_is_no_negative() -> None:
    assert quantities("It forecast $14.2 billion, plus or minus 2%.")[-1] == (
        "2%",
        2,
        "%",
        "percent",
    )


@pytest.mark.parametrize(
    "text",
    [
        "7-Eleven opened stores.",  # a name
        "3M cut jobs.",  # a name, where a count in millions is "3m" or "3 million"
        "The console streams at 4K.",
        "Write to 520 Third Street or visit 10 Downing Street.",  # addresses
    ],
)
def test_names_and_addresses_with_digits_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_millions_written_with_a_capital_m_after_a_currency_or_a_decimal_still_count() -> None:
    found = find_quantities("The startup raised $3M and has 1.2M subscribers.")
    assert [(q.value, q.unit) for q in found] == [(3_000_000, "USD"), (1_200_000, "count")]
