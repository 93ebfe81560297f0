"""English attribution: sources, appositions, roles, pronouns, generic nouns, quotations."""

from __future__ import annotations

import pytest

import tracker


def attributed(text: str) -> list[tuple[str, str | None]]:
    found = tracker.extract(text, published="2025-06-01", language="en")
    return [(claim.surface, claim.source) for claim in found.claims]


def sources(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    found = tracker.extract(text, published="2025-06-01", language="en")
    return {s.name: (s.kind, s.role, s.organization) for s in found.sources}


def test_said_before_and_after_the_name() -> None:
    assert attributed("Acme Corp. said on Monday profit rose 12%.") == [("12%", "Acme Corp.")]
    assert attributed('"Prices rose 12%," said Jane Doe, an economist at Birch Bank.') == [
        ("12%", "Jane Doe")
    ]
    assert attributed("Profit rose 12% last year, Acme Corp. said.") == [("12%", "Acme Corp.")]


def test_apposition_gives_role_and_organization() -> None:
    text = (
        "Xiong Wei, an analyst at UBS Securities covering China's internet sector, noted in a "
        "recent report that spending reached about 400 billion yuan."
    )
    assert attributed(text) == [("400 billion yuan", "Xiong Wei")]
    assert sources(text)["Xiong Wei"] == ("person", "analyst", "UBS Securities")


def test_title_before_the_name_is_a_role() -> None:
    text = "Calloway Steel Corp. said output rose. Calloway Chief Executive Gerald Munro told reporters costs fell 5%."
    found = sources(text)
    assert found["Gerald Munro"] == ("person", "Chief Executive", "Calloway Steel Corp.")
    assert attributed(text) == [("5%", "Gerald Munro")]


def test_according_to_and_data_from() -> None:
    assert attributed(
        "Imports fell 21%, according to the Steel Trade Council, an industry group."
    ) == [("21%", "Steel Trade Council")]
    assert attributed("Data from the National Statistics Institute show exports rose 58%.") == [
        ("58%", "National Statistics Institute")
    ]
    assert attributed("Prices climbed to $940, data from price agency SteelBench show.") == [
        ("$940", "SteelBench")
    ]
    assert attributed(
        "Sales fell 9%, according to a report published by data provider Foundry Metrics."
    ) == [("9%", "Foundry Metrics")]


def test_possessive_report_and_passive_by() -> None:
    assert attributed(
        "Granby Securities covers telecoms. According to Granby's estimates, losses hit C$900 million."
    ) == [("C$900 million", "Granby Securities")]
    text = "An index compiled by Pillar Risk Capital fell 1.4% last week."
    assert attributed(text) == [("1.4%", "Pillar Risk Capital")]


def test_passive_by_in_a_later_clause_covers_only_that_clause() -> None:
    text = "Revenue rose 34% to $7.9 billion, beating the $7.6 billion estimate of analysts polled by Tallymark."
    assert attributed(text) == [
        ("34%", None),
        ("$7.9 billion", None),
        ("$7.6 billion", "Tallymark"),
    ]


def test_pronoun_and_generic_noun_continue_the_source() -> None:
    text = (
        "Hannah Obi, an aviation analyst at Carrow Partners, said fares would rise. "
        "She estimated that fares could rise by 8%. "
        "Coastal Mutual Insurance Co. writes policies in Texas. "
        "The company said it expected claims of $2.2 billion."
    )
    assert attributed(text) == [
        ("8%", "Hannah Obi"),
        ("$2.2 billion", "Coastal Mutual Insurance Co."),
    ]


def test_generic_noun_finds_the_organization_named_by_its_head() -> None:
    text = (
        "The Pampas Grain Exchange cut its forecast on Thursday. Carrow Partners disagreed. "
        "Farmers planted 63,500 hectares, the exchange estimates."
    )
    assert attributed(text)[0][1] == "Pampas Grain Exchange"


def test_later_speech_verbs_belong_to_the_first_speaker() -> None:
    text = "Keogh works at Aerlinn Air. Ronan Keogh added that the airline expected costs of 60 million euros."
    assert attributed(text) == [("60 million euros", "Ronan Keogh")]


def test_trailing_speaker_wins_over_a_verb_in_the_reported_clause() -> None:
    text = (
        "Marta Seixas is the finance chief of Estrela Air. "
        "The airline now forecasts a fuel bill of €618 million, she said."
    )
    assert attributed(text) == [("€618 million", "Marta Seixas")]


def test_quotation_spanning_sentences_and_follow_up_quote() -> None:
    text = (
        '"Turbine prices have come down by about a fifth. That changes things," said Ingrid Moe. '
        '"We will hire 450 people."'
    )
    assert attributed(text) == [("a fifth", "Ingrid Moe"), ("450", "Ingrid Moe")]


def test_names_are_canonical_within_an_article() -> None:
    text = (
        "Tomoko Arai, an analyst at Shirogane Securities, spoke on Monday. "
        "Ms. Arai said orders could reach ¥180 billion in Japan."
    )
    assert attributed(text) == [("¥180 billion", "Tomoko Arai")]
    assert list(sources(text)) == ["Tomoko Arai"]


def test_writers_own_figures_have_no_source() -> None:
    assert attributed("Northline shares fell 2.3% to C$48.62 in Toronto trading.") == [
        ("2.3%", None),
        ("C$48.62", None),
    ]


def test_dateline_wire_and_generic_groups_are_not_sources() -> None:
    text = "TORONTO, Nov. 4 (Harbour Ledger) — Analysts said prices rose 4%. Bankers said few firms would list."
    assert attributed(text) == [("4%", None)]
    assert sources(text) == {}


def test_more_attribution_forms() -> None:
    assert attributed("A spokesman for Delta Air Lines said the carrier would add 12 flights.") == [
        ("12", "Delta Air Lines")
    ]
    assert attributed("As reported by Bloomberg, the fund lost 8%.") == [("8%", "Bloomberg")]
    assert attributed("Goldman Sachs analysts estimate the market at $40 billion.") == [
        ("$40 billion", "Goldman Sachs")
    ]
    assert attributed("Moody's said it cut the rating, citing debt of $12 billion.") == [
        ("$12 billion", "Moody's")
    ]
    assert attributed("Prices could fall 10%, warned John Doe of Birch Bank.") == [
        ("10%", "John Doe")
    ]
    assert attributed(
        "Acme Corp. posted revenue of $5 billion, according to a statement from the company."
    ) == [("$5 billion", "Acme Corp.")]
    assert attributed(
        "Sales grew 15%, Acme's chief financial officer, Tom Lee, said on a call."
    ) == [("15%", "Tom Lee")]


def test_unnamed_speakers_are_no_sources() -> None:
    text = "People familiar with the matter said the deal was worth $3 billion. Officials said 40 were hurt."
    assert attributed(text) == [("$3 billion", None), ("40", None)]


def test_speech_inside_a_subordinate_clause_covers_only_that_clause() -> None:
    text = "Shares in Norvale Pharma jumped 23% after the drugmaker said patients lost 14.6% of their weight."
    assert attributed(text) == [("23%", None), ("14.6%", "Norvale Pharma")]


def test_quotation_after_the_speakers_sentence_keeps_the_speaker() -> None:
    text = (
        '"This is the result we hoped for," said Kasper Lindahl. "A pill is cheaper to make. '
        'We can sell it at half the price."'
    )
    assert attributed(text) == [("half", "Kasper Lindahl")]


def test_the_agency_is_the_body_that_just_spoke() -> None:
    text = (
        "Platinum output fell 6.5%, Statistics South Africa said on Tuesday. "
        "Mining production dropped 2.1%, the agency said."
    )
    assert attributed(text) == [
        ("6.5%", "Statistics South Africa"),
        ("2.1%", "Statistics South Africa"),
    ]


def test_acronym_and_person_of_organization() -> None:
    text = (
        "General Motors will cut about 1,000 jobs, the automaker said. GM said it sold 594,233 "
        "vehicles. Analyst John Murphy of Bank of America wrote in a note that savings could "
        "reach $400 million."
    )
    assert attributed(text) == [
        ("1,000", "General Motors"),
        ("594,233", "General Motors"),
        ("$400 million", "John Murphy"),
    ]
    assert sources(text)["John Murphy"] == ("person", "Analyst", "Bank of America")


def test_family_name_first_with_a_title() -> None:
    text = (
        "Xiong Wei, an analyst at UBS Securities, spoke on Monday. "
        "In a statement, Mr. Xiong said spending reached 400 billion yuan."
    )
    assert attributed(text) == [("400 billion yuan", "Xiong Wei")]
    assert list(sources(text)) == ["Xiong Wei"]


def test_data_released_and_company_spokesman() -> None:
    assert attributed("Eurostat data released on Tuesday showed inflation at 2.4%.") == [
        ("2.4%", "Eurostat")
    ]
    assert attributed("A Halden Bank spokesman said the lender would cut 300 jobs.") == [
        ("300", "Halden Bank")
    ]
    text = "Profit rose 12%, according to Maria Lopez, a spokeswoman for Halden Bank."
    assert sources(text)["Maria Lopez"] == ("person", "spokeswoman", "Halden Bank")


def test_generic_nouns_for_compound_descriptors() -> None:
    text = (
        "Spot rates averaged $38,500 a day, according to shipbroker Westmark Clarke. "
        "The broker estimates that about 300 carriers will be delivered. "
        "Fjordkraft Shipping ASA ordered ships. The vessels will carry 174,000 cubic metres, "
        "the Oslo-listed shipowner said."
    )
    assert attributed(text) == [
        ("$38,500", "Westmark Clarke"),
        ("300", "Westmark Clarke"),
        ("174,000 cubic metres", "Fjordkraft Shipping ASA"),
    ]


def test_participles_and_added_amounts_are_no_speech() -> None:
    assert attributed(
        "Acme shares rose 6% in late trading, adding roughly $90 billion to its value."
    ) == [
        ("6%", None),
        ("$90 billion", None),
    ]
    assert attributed("The museum added 310 paintings.") == [("310", None)]
    assert attributed("Acme Corp. raised its target, saying it now expects 5% growth.") == [
        ("5%", "Acme Corp.")
    ]


def test_title_case_datelines_name_no_source() -> None:
    text = "Dubai, Feb. 3 (Meridian Wire) — Prices rose 5%, the company said. Emirates Air said fares rose 2%."
    assert attributed(text) == [("5%", None), ("2%", "Emirates Air")]


def test_dash_apposition_and_company_prefix_title() -> None:
    assert attributed("Kretsloop — which raised money last year — said revenue doubled.") == [
        ("doubled", "Kretsloop")
    ]
    text = '"Growth will be 3%," Acme Corp. Chief Executive John Smith said in an interview.'
    assert sources(text)["John Smith"] == ("person", "Chief Executive", "Acme Corp.")


def test_two_speakers_plural_agencies_and_the_report() -> None:
    text = (
        "Measles cases rose to 127,350, the World Health Organization and UNICEF said in a joint "
        "report. Children accounted for 40% of cases, the agencies said. Dr. Amira Haddad, an "
        "epidemiologist at the University of Lyon, said one in 20 children missed a dose. "
        "The report found that 38 people died."
    )
    assert attributed(text) == [
        ("127,350", "World Health Organization"),
        ("40%", "World Health Organization"),
        ("one in 20", "Amira Haddad"),
        ("38", "World Health Organization"),
    ]
    assert set(sources(text)) == {"World Health Organization", "UNICEF", "Amira Haddad"}


def test_descriptor_apposition_before_a_name() -> None:
    text = (
        "Spain's grid operator, Red Electrica, said solar plants produced 21% of power. "
        "According to the operator's figures, curtailment rose to 4.8%."
    )
    assert attributed(text) == [("21%", "Red Electrica"), ("4.8%", "Red Electrica")]
    assert sources(text)["Red Electrica"][0] == "organization"


def test_the_minister_is_the_person_named_before() -> None:
    text = (
        "Finance Minister Grace Wanjiru said spending would fall by 120 billion shillings in "
        "Kenya. The minister told parliament that debt stood at 68% of GDP."
    )
    assert attributed(text) == [
        ("120 billion shillings", "Grace Wanjiru"),
        ("68%", "Grace Wanjiru"),
    ]


def test_a_quoted_paragraph_goes_on_with_the_person_quoted_last() -> None:
    text = (
        '"We will cut 500 jobs," said Jane Doe, chief executive of Acme Corp.\n\n'
        '"The market has fallen by a third."\n\n'
        "Acme shares fell 4%.\n\n"
        '"Output fell 3%."'
    )
    assert attributed(text) == [
        ("500", "Jane Doe"),
        ("a third", "Jane Doe"),
        ("4%", None),
        ("3%", None),
    ]


def test_generic_noun_resolves_to_an_organization_named_after_it() -> None:
    text = (
        "Throughput fell 4.2% in February, the port authority said on Monday.\n\n"
        "The Port of Rotterdam Authority said volumes from Asia dropped 9%."
    )
    assert attributed(text) == [
        ("4.2%", "Port of Rotterdam Authority"),
        ("9%", "Port of Rotterdam Authority"),
    ]
    text = (
        "Turkey's banking watchdog said loans grew 38% last year. The Banking Regulation and "
        "Supervision Agency also said bad loans made up 2.1% of the total."
    )
    assert attributed(text)[0] == ("38%", "Banking Regulation and Supervision Agency")


def test_role_like_generic_nouns_fit_the_organization_they_describe() -> None:
    text = (
        "Utilities plan to add 62 gigawatts, the Federal Energy Regulatory Commission said. "
        "The regulator said about 9 GW of gas plants were under construction."
    )
    assert attributed(text) == [
        ("62 gigawatts", "Federal Energy Regulatory Commission"),
        ("9 GW", "Federal Energy Regulatory Commission"),
    ]
    text = (
        "Banco Central do Brasil raised its rate to 14.75%. Policymakers voted 9-0 to raise it "
        "by 50 basis points, the bank said in a statement."
    )
    assert attributed(text)[-1] == ("50 basis points", "Banco Central do Brasil")


def test_title_before_a_trailing_speaker_still_makes_the_tail() -> None:
    text = (
        "Lowlands Air expects its fuel bill to reach about €690 million this year, "
        "Chief Financial Officer Pieter Jansen told a conference."
    )
    assert attributed(text) == [("€690 million", "Pieter Jansen")]


def test_more_attribution_shapes() -> None:
    assert attributed(
        "The Federal Energy Regulatory Commission said 62 GW were planned. Battery storage "
        "additions were put at 14.3 GW by the commission."
    )[-1] == ("14.3 GW", "Federal Energy Regulatory Commission")
    assert attributed("Health Secretary Wes Harding spoke. He pledged £1.8 billion.") == [
        ("£1.8 billion", "Wes Harding")
    ]
    assert attributed(
        "Grid operator Electric Reliability Council of Texas (ERCOT) said demand could hit "
        "89,000 megawatts."
    ) == [("89,000 megawatts", "Electric Reliability Council of Texas")]
    text = (
        "NHS England said 7.4 million referrals were open. The health watchdog will inspect "
        "the 12 worst trusts, it said. The Care Quality Commission rated 41% of services poor."
    )
    assert attributed(text)[1] == ("12", "Care Quality Commission")
    text = (
        "Rival Sagar Digital Services reports on Jan. 19.\n\nNandi Securities expects revenue "
        "to grow 6%, it said in a note."
    )
    assert attributed(text) == [("6%", "Nandi Securities")]
    assert "Sagar Digital Services" not in sources(text)


def test_banks_named_like_people_are_organizations_by_their_context() -> None:
    found = sources(
        "Morgan Stanley said in a note that profit could rise 4%. Economists at Hart Lyle "
        "expect a cut of 25 basis points."
    )
    assert found["Morgan Stanley"][0] == "organization"
    assert found["Hart Lyle"][0] == "organization"


def test_unnamed_bodies_owners_and_pronoun_reports() -> None:
    text = (
        "Kpler data showed imports of 4.8 million barrels. The oil ministry said demand grew 3.1%."
    )
    assert attributed(text)[-1] == ("3.1%", "oil ministry")
    text = (
        '"We think the Bank of Canada will cut in June," said Andrea Lindqvist. The central '
        "bank held its key rate at 2.75%. Its governor said the economy could shrink by 1.5%."
    )
    assert attributed(text) == [("2.75%", None), ("1.5%", "Bank of Canada")]
    text = "Park Min-seo spoke. The phones sold 12 million units, according to her estimates."
    assert attributed(text) == [("12 million", "Park Min-seo")]
    text = (
        "Statistics Canada said 32,000 jobs were lost. The Canadian Chamber of Commerce "
        "spoke too. Canada ranked fifth in the G7, the statistics office said."
    )
    assert attributed(text)[-1] == ("fifth", "Statistics Canada")


def test_honorifics_openers_clubs_governments_and_rankers() -> None:
    text = '"This is the first oral drug," said Dr. Helen Okonkwo, a professor. "About 10% lost."'
    assert attributed(text) == [("10%", "Helen Okonkwo")]
    text = "Rival Norvale's drug costs about $1,000 a month, the Danish company said last month."
    assert attributed(text) == [("$1,000", "Norvale")]
    text = (
        "Premier League clubs spent £440 million. Redbridge City paid £95 million for a "
        "striker. The fee could rise to £110 million, the club said."
    )
    assert attributed(text)[-1] == ("£110 million", "Redbridge City")
    text = (
        "Treasurer Jim Calloway said the deficit would be A$42.1 billion. The government "
        "expects the economy to grow 2.25%."
    )
    assert attributed(text)[-1] == ("2.25%", "Jim Calloway")
    text = "Transfer platform TransferIQ spoke. The platform ranked the Saudi league fourth among big spenders."
    assert attributed(text) == [("fourth", "TransferIQ")]


def test_data_brands_places_and_unnamed_ministries() -> None:
    text = (
        "Quarrion Systems forecast revenue of $5.1 billion. Analysts had expected $4.9 billion, "
        "according to LSEG data.\n\nRevenue rose 18%, the San Jose, California-based company said."
    )
    assert attributed(text)[-1] == ("18%", "Quarrion Systems")
    text = "Norway delivered 48% of imports last year, according to the economy ministry."
    assert attributed(text) == [("48%", "economy ministry")]


def test_indices_in_possessive_reports_and_personal_targets() -> None:
    text = (
        "A survey by Stanbic Bank found activity contracted. The bank's purchasing managers' "
        "index fell to 48.2 from 49.6 in July."
    )
    assert [source for _, source in attributed(text)] == ["Stanbic Bank", "Stanbic Bank"]
    text = "Luca Ferri is an analyst. He raised his price target to 720 euros from 690 euros."
    assert attributed(text) == [("720 euros", "Luca Ferri"), ("690 euros", "Luca Ferri")]
    text = (
        "Growth slowed to 4.9%, the Kenya National Bureau of Statistics said. Tourism earnings "
        "rose to 352 billion shillings, according to the tourism ministry."
    )
    assert attributed(text)[-1] == ("352 billion shillings", "tourism ministry")


def test_the_companies_and_the_industry_body() -> None:
    text = (
        "Retailer Harcourt & Lowe agreed to buy fashion seller Modeway for £1.1bn, the "
        "companies said."
    )
    assert attributed(text) == [("£1.1bn", "Harcourt & Lowe")]
    assert set(sources(text)) == {"Harcourt & Lowe", "Modeway"}
    text = (
        "The Japan Automobile Dealers Association said sales fell 4.1%. The industry body said "
        "Haruna's market share was 33.5%."
    )
    assert attributed(text)[-1] == ("33.5%", "Japan Automobile Dealers Association")


def test_coordinated_speech_and_one_word_openers() -> None:
    text = "Fitch Ratings affirmed the BBB rating and said the deficit would stay below 3% of GDP."
    assert attributed(text) == [("3%", "Fitch Ratings")]
    text = (
        "Delays at Boeing and Airbus persist.\n\nAirbus delivered 63 jets in May, the European "
        "planemaker said."
    )
    assert attributed(text) == [("63", "Airbus")]
    text = "Ryanair, Europe's largest airline, carried 19.6 million people, the carrier said."
    assert attributed(text) == [("19.6 million", "Ryanair")]


def test_titles_between_names_ministries_and_market_openers() -> None:
    text = '"Incomes are up," said Westpac senior economist Satish Ranchhod. He expects 2% growth.'
    assert attributed(text) == [("2%", "Satish Ranchhod")]
    assert "Westpac" not in sources(text)
    text = (
        "Growth will be a quarter of what the finance ministry forecast in January. The "
        "ministry now sees growth of between 0.5% and 1.5%."
    )
    assert attributed(text)[-2:] == [("0.5%", "finance ministry"), ("1.5%", "finance ministry")]
    text = (
        "Kiwi Pastoral said it would pay more.\n\nGlobal Dairy Trade prices rose 3.8% at "
        "Tuesday's auction, the platform said."
    )
    assert attributed(text) == [("3.8%", "Global Dairy Trade")]


def test_they_continue_the_group_that_spoke() -> None:
    text = (
        "Analysts at Berenberg said the cuts were smaller than feared. They estimate the group "
        "will have 27 million customers, ahead of EE with 25m."
    )
    assert attributed(text) == [("27 million", "Berenberg"), ("25m", "Berenberg")]


def test_coordinated_speech_after_a_dateline() -> None:
    text = (
        "SAO PAULO, Oct. 2 (Atlantic Markets) — Brazilian planemaker Aerovale delivered 62 jets "
        "in the third quarter and said it would hand over 200 aircraft this year."
    )
    assert attributed(text) == [("62", "Aerovale"), ("200", "Aerovale")]


def test_report_titles_and_interjected_reports() -> None:
    text = (
        "Growth will slow to 2.9%, the International Monetary Fund said. Public debt will exceed "
        "100% of GDP, according to the fund's Fiscal Monitor."
    )
    assert attributed(text)[-1] == ("100%", "International Monetary Fund")
    assert "Fiscal Monitor" not in sources(text)
    text = "The World Bank, in a separate report, said 26 countries were in debt distress."
    assert attributed(text) == [("26", "World Bank")]


def test_he_and_she_before_a_capitalized_name_are_surnames() -> None:
    text = "He Lin, chief executive of Orbis Motors, told reporters that deliveries rose 40%."
    assert attributed(text) == [("40%", "He Lin")]
    assert sources(text)["He Lin"] == ("person", "chief executive", "Orbis Motors")
    # A pronoun followed by a verb is still a pronoun, even a capitalized one.
    assert "He Said" not in sources("He Said the plan was fine, and sales rose 5%, he said.")


def test_a_public_body_named_by_its_field_is_not_the_one_that_just_spoke() -> None:
    said = "Statistics Norway said industrial output rose 2% in May. "
    assert attributed(said + "Wages climbed 4.1%, according to data from the tax authority.") == [
        ("2%", "Statistics Norway"),
        ("4.1%", None),
    ]
    for body in ("the agency", "the statistics agency", "the national agency"):
        text = said + f"Employment rose 0.4%, {body} said."
        assert attributed(text)[-1] == ("0.4%", "Statistics Norway"), body


def test_a_company_opening_the_sentence_is_the_operator_that_said_it() -> None:
    text = "Midland Connect carried 48.2 million passengers last year, the operator said."
    assert attributed(text) == [("48.2 million", "Midland Connect")]


def test_the_ministry_with_no_ministry_named_is_nobody() -> None:
    assert attributed("The ministry said waiting lists had grown to 790,000.") == [
        ("790,000", None)
    ]


def test_its_analysts_speak_for_the_organization_the_sentence_before_was_about() -> None:
    text = (
        "Shipping consultancy Harrow Maritime estimates that port volumes grew about 6% last "
        "year. Its analysts said the region's share of transit traffic was close to 40%."
    )
    assert attributed(text) == [("6%", "Harrow Maritime"), ("40%", "Harrow Maritime")]


@pytest.mark.parametrize(
    ("according_to", "source"),
    [
        ("data from Chile's mining regulator Sernageomin", "Sernageomin"),
        ("Germany's Federal Statistical Office", "Federal Statistical Office"),
        ("Orbis's chief economist Jane Roe", "Jane Roe"),
        ("Orbis's annual report", "Orbis"),
    ],
)
def test_according_to_a_possessive_name_is_the_body_or_person_it_owns(
    according_to: str, source: str
) -> None:
    assert attributed(f"Output rose 3% in May, according to {according_to}.") == [("3%", source)]


def test_a_plan_is_not_shared_with_another_company_coordinated_after_it() -> None:
    text = (
        "India's Orbis Steel plans to invest Rs 15,000 crore over five years, and Japan's "
        "Kanto Motors will spend 1.2 trillion yen on batteries."
    )
    assert attributed(text)[0] == ("Rs 15,000 crore", "Orbis Steel")
    assert attributed(text)[1][1] != "Orbis Steel"
    text = "Orbis Steel plans to invest Rs 15,000 crore and hire 2,000 people."
    assert attributed(text) == [("Rs 15,000 crore", "Orbis Steel"), ("2,000", "Orbis Steel")]


def test_a_group_with_its_leader_in_commas_is_still_the_source() -> None:
    text = "Analysts at Harrow Bank, led by Stephen Reed, estimate that imports fell 4% in May."
    assert attributed(text) == [("4%", "Harrow Bank")]
