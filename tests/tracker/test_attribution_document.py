"""tracker.en.attribution: figures take a source from beyond their own sentence."""

from __future__ import annotations

from tracker import extract


def _sources(text: str) -> dict[str, str | None]:
    return {claim.surface: claim.source for claim in extract(text, published="2024-05-02").claims}


def test_closing_according_to_covers_its_paragraph() -> None:
    text = (
        "Home sales in the county fell last month.\n\n"
        "Buyers closed on 4,120 houses in April. Condominium sales dropped 7.5 percent. "
        "The median price rose to $412,000, according to Harbor Realty Data.\n\n"
        "The county added 900 jobs in April."
    )
    found = _sources(text)
    assert found["4,120"] == "Harbor Realty Data"
    assert found["7.5 percent"] == "Harbor Realty Data"
    assert found["$412,000"] == "Harbor Realty Data"
    assert found["900"] is None  # another paragraph: the writer's own


def test_opening_according_to_covers_what_follows() -> None:
    text = (
        "According to the Ostrava Statistics Office, exports rose 3.1% in March. "
        "Imports grew 2.2%.\n\n"
        "Analysts had expected less."
    )
    found = _sources(text)
    assert found["3.1%"] == "Ostrava Statistics Office"
    assert found["2.2%"] == "Ostrava Statistics Office"


def test_speech_verb_keeps_to_its_sentence() -> None:
    text = (
        "Marta Lindqvist, chief economist at Nordbank, said inflation would ease to 2.4%. "
        "Wages rose 4.1% in the year to March."
    )
    found = _sources(text)
    assert found["2.4%"] == "Marta Lindqvist"
    assert found["4.1%"] is None


def test_said_in_a_statement_is_no_publisher_of_the_paragraph() -> None:
    text = (
        "Copper climbed 1.2% to $9,410 a tonne. "
        "The miners' group agreed to cut output, the Copper Council said in a statement."
    )
    found = _sources(text)
    assert found["1.2%"] is None
    assert found["$9,410"] is None


def test_speaker_named_after_an_apposition_with_another() -> None:
    text = (
        "“It took everything we had,” said Tomas Ferreira, a fisherman.\n\n"
        "Rui Costa, another fisherman, said he had lost 12,000 euros this season."
    )
    assert _sources(text)["12,000 euros"] == "Rui Costa"


def test_temporal_phrase_and_parenthesis_between_speaker_and_verb() -> None:
    text = (
        "Tilbury Foods (ticker: TLB) reported $1.12 in earnings per share. "
        "Jana Novak in March revealed plans to open 40 stores."
    )
    found = _sources(text)
    assert found["$1.12"] == "Tilbury Foods"
    assert found["40"] == "Jana Novak"


def test_acronym_in_brackets_joins_the_full_name() -> None:
    text = (
        "The Ministry of Agriculture, Fisheries and Food (MAFF) published its plan. "
        "According to data released by MAFF in June, wheat output reached 3.2 million tonnes."
    )
    names = [s.name for s in extract(text).sources]
    assert names == ["Ministry of Agriculture, Fisheries and Food"]


def test_acronym_spelling_a_word_is_a_name_and_units_are_not() -> None:
    text = "According to WHO, there were 1,204 cases in 2023. Plants added 2.5 GW."
    found = _sources(text)
    assert found["1,204"] == "WHO"
    assert [s.name for s in extract(text).sources] == ["WHO"]


def test_names_joined_by_and_part_when_one_stands_alone() -> None:
    text = (
        "The deal was blessed by Northgate Capital and Priya Raman. "
        "Raman said the fund would put in $40 million."
    )
    assert _sources(text)["$40 million"] == "Priya Raman"


def test_places_are_no_sources_but_bodies_named_by_place_are() -> None:
    text = (
        "Ottawa said it would spend $2 billion on ports. "
        "Chile's mining ministry said copper output rose 4% in May. "
        "The Peruvian government expects exports to reach $70 billion this year."
    )
    found = _sources(text)
    assert found["$2 billion"] is None
    assert found["4%"] == "Chile's mining ministry"
    assert found["$70 billion"] == "Peruvian government"
    assert "Ottawa" not in [s.name for s in extract(text).sources]


def test_trailing_speaker_after_the_or_a_field_title_wins_over_the_subject() -> None:
    text = (
        "Norway's government plans to sell 40 billion crowns of bonds, the Finance Ministry said. "
        "Chile's government plans to build 12,000 homes, Housing Minister Ana Soto said."
    )
    found = _sources(text)
    assert found["12,000"] == "Ana Soto"
    assert found["40 billion crowns"] == "Finance Ministry"


def test_report_named_as_origin_gives_its_publisher() -> None:
    text = "Dealers sold 9,870 boats in May, according to the Marine Pulse report from Seacount."
    assert _sources(text)["9,870"] == "Seacount"


def test_possessive_announcement_is_a_publication_and_an_index_is_not() -> None:
    text = (
        "Closer to launch, ESA’s Monday announcement added three firms to the pool. "
        "FTSE’s broadest index of Gulf shares rose 0.4%."
    )
    found = _sources(text)
    assert found["three"] == "ESA"
    assert found["0.4%"] is None


def test_company_management_speaks_for_the_company_and_acronyms_join_with_ampersand() -> None:
    text = (
        "Shares of Alder & Birch Holdings rose on Tuesday. AB&H reported $3.10 a share. "
        "Company management said sales would grow 2.5% in 2025."
    )
    found = _sources(text)
    assert found["$3.10"] == "Alder & Birch Holdings"
    assert found["2.5%"] == "Alder & Birch Holdings"


def test_a_place_never_abbreviates_an_organization() -> None:
    text = (
        "The Oregon Public Utility Commission approved the plan. "
        "More than 20,000 homes lost power, according to a group representing Oregon towns."
    )
    assert _sources(text)["20,000"] is None


def test_unnamed_group_in_a_relative_clause_is_no_report() -> None:
    text = (
        "The Grain Council published its estimates in May. Brussels-based analysts who have "
        "done the calculations say the deal is worth at most $12 billion."
    )
    assert _sources(text)["$12 billion"] is None


def test_a_paragraph_with_two_voices_carries_no_publisher() -> None:
    text = (
        "Floods are rare in the region, killing 300 people in the 1950s. According to the "
        "Delta Water Board, 41 homes were flooded last week. The mayor, Ines Varga, said 12 "
        "roads were closed."
    )
    assert _sources(text)["300"] is None


def test_the_thing_a_possessive_owns_is_not_the_source() -> None:
    text = "The map used 1,400 images collected by ESA's Rosetta probe over two years."
    assert _sources(text)["1,400"] == "ESA"


def test_the_title_resolves_to_the_person_holding_it() -> None:
    text = (
        "President Ana Ruiz met Trade Secretary Tomas Bell on Monday. "
        "The president said exports would reach $80 billion."
    )
    assert _sources(text)["$80 billion"] == "Ana Ruiz"


def test_a_clause_with_saying_belongs_to_the_pronoun_subject() -> None:
    text = (
        "Dana Whitlock runs the rover programme at Orbital Freight. "
        "She declined to give a date for the XR-2 missions, saying the firm had 3 launches booked."
    )
    assert _sources(text)["3"] == "Dana Whitlock"


def test_a_poll_that_shows_frames_the_sentences_after_it() -> None:
    text = (
        "Support for the levy is growing. A new Harlow Institute poll shows most voters back it. "
        "Fifty-four percent say the levy is fair. Another 12 percent are unsure."
    )
    found = _sources(text)
    assert found["Fifty-four percent"] == "Harlow Institute"
    assert found["12 percent"] == "Harlow Institute"


def test_titles_with_a_field_and_peoples_adjectives_are_no_part_of_a_name() -> None:
    text = (
        "Secretary of Energy Dana Brook said 14 plants would close. "
        "Canadian Ivo Lanz said he lost 20 kg. "
        "The Canadian Chamber of Commerce said 1,200 firms replied."
    )
    names = {s.name: s.role for s in extract(text).sources}
    assert names == {
        "Dana Brook": "Secretary of Energy",
        "Ivo Lanz": None,
        "Canadian Chamber of Commerce": None,
    }
