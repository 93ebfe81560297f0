"""Claim keys of English figures: the entity from the figure's own clause, then its sentence,
then the paragraph's running subject; never a document-wide default."""

from __future__ import annotations

import pytest

import tracker
from tracker.model import Claim


def claims(text: str, published: str | None = "2025-03-12") -> list[Claim]:
    return tracker.extract(text, published=published, language="en").claims


def entity_of(text: str, surface: str) -> str | None:
    return next(c for c in claims(text) if c.surface == surface).entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        # a possessive before the measured noun
        ("Norway's salmon exports rose 7% in February.", "7%", "Norway"),
        # an "of"-phrase naming whose share a figure is
        ("About 40% of Chileans said they would vote.", "40%", "Chileans"),
        # the subject of the figure's verb, not a name later in the clause
        ("Kestrel Foods sold 2.1 million crates to Walmart last year.", "2.1 million", "Kestrel Foods"),
        # an apposition does not take the figure
        ("Marlow Bank, Scotland's oldest lender, lent £3 billion.", "£3 billion", "Marlow Bank"),
        # coordinated clauses: each figure has its own subject
        ("Ardent Steel shipped 40,000 tonnes and Vireo Metals shipped 25,000 tonnes.",
         "25,000 tonnes", "Vireo Metals"),
        # a name in a prepositional phrase after the figure
        ("Ticket sales rose 12% in Portugal.", "12%", "Portugal"),
    ],
)  # fmt: skip
def test_entity_from_the_figures_own_clause(text: str, surface: str, entity: str) -> None:
    assert entity_of(text, surface) == entity


def test_the_source_of_a_figure_is_not_its_entity() -> None:
    text = "Used car sales in Ohio fell 10% in May, according to AutoTrack Data."
    assert entity_of(text, "10%") == "Ohio"
    text = "Used car sales fell 10% in May, according to AutoTrack Data."
    assert entity_of(text, "10%") is None


def test_a_speaker_is_the_entity_of_what_it_says_about_itself() -> None:
    text = "Pellam Rail said it carried 41 million passengers in 2024."
    assert entity_of(text, "41 million") == "Pellam Rail"


def test_no_document_wide_default_entity() -> None:
    text = (
        "Orvane Telecom added 120,000 subscribers in the quarter.\n\n"
        "Household broadband prices rose 4% across the country, a regulator found."
    )
    assert entity_of(text, "120,000") == "Orvane Telecom"
    assert entity_of(text, "4%") is None


def test_the_paragraph_running_subject_carries_to_the_next_sentence() -> None:
    text = "Orvane Telecom added 120,000 subscribers in the quarter. Churn fell to 1.1%."
    assert entity_of(text, "1.1%") == "Orvane Telecom"


def test_an_anaphor_points_back_to_the_organization_named_most() -> None:
    text = (
        "Brightwell Homes reported results on Monday. Brightwell Homes beat forecasts, and "
        "rival Castor Build fell.\n\n"
        "The Leeds-based housebuilder earned £210 million in the half."
    )
    assert entity_of(text, "£210 million") == "Brightwell Homes"


def test_a_pronoun_points_back_to_the_person_named() -> None:
    text = "Ravi Menon sold his bakery last year. He said he spent Rs 12 lakh on repairs."
    assert entity_of(text, "Rs 12 lakh") == "Ravi Menon"


def test_lowercase_noun_phrase_entities_and_instrument_codes() -> None:
    text = "Emerging market bonds rose 0.3%. Spot silver XAG= added 1.2% to $31.40 an ounce."
    found = {c.surface: c.entity for c in claims(text)}
    assert found["0.3%"] == "emerging market bonds"
    assert found["1.2%"] == "spot silver"


def test_commenters_name_is_not_the_entity() -> None:
    text = "Harlow Foods earned £90 million. City analysts had expected £84 million."
    assert entity_of(text, "£84 million") == "Harlow Foods"


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("The miner earned $310 million in the half.", "$310 million", "earnings"),
        ("The brewer earned $1.2 billion, or $0.84 per diluted share.", "$0.84",
         "earnings per diluted share"),
        ("The city will spend $40 million next year.", "$40 million", "spending"),
        ("Lakeview Capital agreed a $2 billion buyout of minority holders.", "$2 billion", "buyout"),
        ("The studio charges a $14.99 monthly fee.", "$14.99", "monthly fee"),
        ("Trucks make up 35 percent of the region's traffic.", "35 percent",
         "share of region's traffic"),
        ("Nickel rose 1.4% to $16,200 a tonne.", "1.4%", "change"),
        ("Nickel rose 1.4% to $16,200 a tonne.", "$16,200", "price per tonne"),
        ("The 10-year gilt rose to yield 4.1%.", "4.1%", "yield"),
    ],
)  # fmt: skip
def test_metric_from_a_verb_a_noun_after_the_figure_a_share_or_a_market_move(
    text: str, surface: str, metric: str
) -> None:
    assert next(c for c in claims(text) if c.surface == surface).metric == metric


def test_synonymous_metrics_share_one_key() -> None:
    early = claims("Vestland's jobless rate fell to 3.9% in May.", "2025-06-20")[0]
    later = claims("Vestland's unemployment rate was 3.9% in May.", "2025-07-02")[0]
    assert early.key == later.key
    first = claims("Brightwell Homes said turnover reached £2.1 billion in 2024.")[0]
    second = claims("Brightwell Homes said revenue reached £2.1 billion in 2024.")[0]
    assert first.key == second.key


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("Refinery output fell 3% in May 2023.", "2024-02-01", "2023-05"),
        ("In July, the port handled 410,000 containers.", "2025-10-02", "2025-07"),
        ("As of September, the fund held $3.2 billion.", "2025-10-02", "2025-09"),
        ("Fares rose 6% last month.", "2025-03-12", "2025-02"),
        ("The index is up 11% year to date.", "2025-03-12", "2025"),
        ("Harlow sees fiscal 2026 sales of £4 billion.", "2025-03-12", "FY2026"),
        ("Between 2015 and 2022 the region lost 8,000 farms.", "2025-03-12", "2015/2022"),
        ("Voters approved a $40 million bond on Tuesday.", "2025-03-12", "2025-03-11"),
        ("The council will vote on a $12 million budget on Friday.", "2025-03-12", "2025-03-14"),
        ("A year ago, the agency approved 12 new drugs.", "2025-03-12", "2024"),
        ("Imports fell to $8 billion in 2024 from $9.5 billion the previous year.",
         "2025-03-12", "2023"),
    ],
)  # fmt: skip
def test_period_from_the_clause_resolved_against_the_article_date(
    text: str, published: str, period: str
) -> None:
    assert claims(text, published)[-1].period == period


def test_a_date_that_labels_a_noun_or_a_dateline_is_no_period() -> None:
    text = "In a Feb. 3 letter, 40 lawmakers urged a review."
    assert claims(text, "2025-03-12")[0].period is None
    text = "LIMA, March 11 (Andes Wire) - Peru's miners hired 2,000 workers."
    assert claims(text, "2025-03-12")[0].period is None


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("The plan would cut farm emissions by 30%.", "30%", "farm emissions"),
        ("The county holds $1.4 billion in rainy-day reserves.", "$1.4 billion", "rainy-day reserves"),
        ("The plant adds 2.2 GW of wind capacity.", "2.2 GW", "wind capacity"),
        ("Seven of the 40 reactors were offline.", "Seven", "reactors"),
        ("Regulators want to raise bank capital from 8% to 10%.", "8%", "bank capital"),
        ("The bridge spans 1,200 feet (366 meters) of open water.", "366 meters", "open water"),
        ("Its valuation was slashed from $20 billion to $6 billion.", "$6 billion", "valuation"),
    ],
)  # fmt: skip
def test_metric_of_a_changed_object_an_amount_of_something_or_a_paired_figure(
    text: str, surface: str, metric: str
) -> None:
    assert next(c for c in claims(text) if c.surface == surface).metric == metric


def test_a_rivals_name_is_not_what_the_company_points_to() -> None:
    text = (
        "Brightwell Homes beat forecasts on Monday. Rival Castor Build fell 2%.\n\n"
        "The housebuilder earned £210 million in the half."
    )
    assert entity_of(text, "£210 million") == "Brightwell Homes"


def test_a_name_opening_a_sentence_before_a_verb_is_a_name() -> None:
    assert entity_of("Ankara also wants a 20% cut in the levy.", "20%") == "Ankara"


def test_a_possessive_place_before_a_company_name_gives_way_to_the_company() -> None:
    text = "Oslo's flagship carrier Nordair ordered 12 jets."
    assert entity_of(text, "12") == "Nordair"


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("Four cases of measles have been confirmed in the county.", "Four", "cases confirmed"),
        ("There were 612 complaints filed last year.", "612", "complaints filed"),
        ("The average price of a used truck sold in Ohio was $28,400.", "$28,400",
         "average price of used truck"),
        ("The stock was down 3% in early trading.", "3%", "share price change"),
    ],
)  # fmt: skip
def test_metric_of_counted_things_with_what_happened_to_them_and_of_prices(
    text: str, surface: str, metric: str
) -> None:
    assert next(c for c in claims(text) if c.surface == surface).metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("The agency cleared seven EU carriers to fly the route.", "seven", "EU carriers"),
        ("Nearly 90 Peruvians returned home on Friday.", "90", "Peruvians"),
    ],
)  # fmt: skip
def test_a_count_qualified_by_names_counts_the_noun_after_them(
    text: str, surface: str, metric: str
) -> None:
    assert next(c for c in claims(text) if c.surface == surface).metric == metric


def test_a_half_of_a_named_year_and_a_past_month_after_planned() -> None:
    text = "Exports to Chile in the first half of 2024 fell to $2.1 billion."
    assert claims(text, "2025-03-12")[0].period == "2024-H1"
    text = "The utility ran three rounds of planned outages in October."
    assert claims(text, "2025-11-20")[0].period == "2025-10"


def test_country_names_and_peoples_adjectives_as_entities() -> None:
    assert entity_of("U.S. soybean exports fell 12% in May.", "12%") == "U.S."
    text = "The South Korean government wants module efficiency to reach 26%."
    assert entity_of(text, "26%") == "South Korea"


def test_the_paragraph_subject_carries_to_figures_without_an_entity() -> None:
    text = "Orvane Telecom reported results on Monday. Churn fell to 1.1% in the quarter."
    assert entity_of(text, "1.1%") == "Orvane Telecom"


def test_a_market_move_on_the_day_is_of_the_article_date() -> None:
    text = "Brent crude was last at $71.20, down 1.4% on the day."
    assert [c.period for c in claims(text, "2025-03-12")] == ["2025-03-12", "2025-03-12"]


def test_a_later_clause_of_the_sentence_keeps_its_entity() -> None:
    text = (
        "Ravi Menon sold his bakery. He said he spent Rs 12 lakh on repairs and Rs 3 lakh on ads."
    )
    assert entity_of(text, "Rs 3 lakh") == "Ravi Menon"


def test_bond_codes_are_no_part_of_the_bonds_name() -> None:
    text = "Benchmark 10-year notes US10YT=RR last rose to yield 4.2%."
    assert entity_of(text, "4.2%") == "10-year notes"


def test_the_company_can_point_to_a_two_word_name_of_unknown_kind() -> None:
    text = (
        "Dow component Harlow Foods reported results that topped estimates.\n\n"
        "The grocer earned $1.4 billion in the quarter."
    )
    assert entity_of(text, "$1.4 billion") == "Harlow Foods"


def test_a_count_in_the_subject_is_its_entity_and_its_measure() -> None:
    (claim,) = claims("Nearly 40 rural clinics closed because of the storm.")
    assert (claim.entity, claim.metric) == ("rural clinics", "rural clinics closed")


def test_an_analysts_estimate_is_its_own_metric() -> None:
    from tracker import extract

    text = (
        "Harbor Foods said its quarterly sales rose 6% to $2.1 billion in the third quarter, "
        "beating the $2.0 billion average estimate of analysts."
    )
    keys = {c.surface: c.metric for c in extract(text, published="2024-11-02").claims}
    assert keys["$2.0 billion"] == f"{keys['$2.1 billion']} estimate"


def test_a_weekday_that_dates_a_statement_is_no_period() -> None:
    from tracker import extract

    text = (
        "The state's jobless rate for March was revised to 4.1%, the labor department said on "
        "Friday. Shares of Oakline rose 3% on Tuesday."
    )
    periods = {c.surface: c.period for c in extract(text, published="2025-05-16").claims}
    assert periods["4.1%"] == "2025-03"
    assert periods["3%"] == "2025-05-13"


def test_a_fiscal_year_ending_on_a_day_is_that_fiscal_year() -> None:
    from tracker import extract

    text = (
        "Corvid Systems expects restructuring costs of $40 million in the fiscal year ending "
        "June 30, the company said."
    )
    periods = {c.surface: c.period for c in extract(text, published="2025-01-22").claims}
    assert periods["$40 million"] == "FY2025"


def test_who_expects_a_metric_is_no_part_of_its_key() -> None:
    from tracker.en.subject import claim_key

    assert claim_key("Acme", "company expects revenue", "USD", "FY2025") == claim_key(
        "Acme", "revenue", "USD", "FY2025"
    )
    assert claim_key("Texas", "the number of measles cases", "count", "2025") == claim_key(
        "Texas", "measles cases", "count", "2025"
    )


def test_a_figure_revised_to_keeps_the_metric_of_its_subject() -> None:
    from tracker import extract

    text = "Ohio's unemployment rate for March has been revised up to 4.6%, the state said."
    claim = extract(text, published="2025-05-16").claims[0]
    assert (claim.entity, claim.metric, claim.period) == ("Ohio", "unemployment rate", "2025-03")
