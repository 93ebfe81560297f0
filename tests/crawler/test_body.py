"""crawler.body and crawler.boilerplate: the choice between extractions, page data, furniture lines."""

from __future__ import annotations

import json

import lxml.html

from crawler.body import _against_reference, app_data_body, extract_body, structured_body
from crawler.boilerplate import drop_boilerplate, is_boilerplate
from crawler.extract import extract_article

SENTENCES = [
    f"Paragraph {n} reports that the city council approved {n + 3} new bus lines on Monday evening."
    for n in range(12)
]


def test_an_extraction_that_missed_half_the_article_gives_way_to_article_body() -> None:
    reference = " ".join(SENTENCES)
    half = "\n".join(SENTENCES[:5])
    chosen = _against_reference([half, ""], reference)
    assert chosen.count("approved") == 12
    # cut into paragraphs where the extraction's paragraphs begin
    assert chosen.splitlines()[1] == SENTENCES[1]


def test_an_extraction_with_other_stories_keeps_only_what_article_body_has() -> None:
    reference = " ".join(SENTENCES)
    teasers = [
        f"Other story {n}: a football club hired coach number {n} for the season." for n in range(8)
    ]
    noisy = "\n".join(SENTENCES + teasers)
    chosen = _against_reference([noisy], reference)
    assert chosen.splitlines() == SENTENCES


def test_the_candidate_closer_to_article_body_wins() -> None:
    reference = " ".join(SENTENCES)
    wrong = "\n".join(f"Menu item {n} about weather and sports" for n in range(30))
    assert _against_reference([wrong, "\n".join(SENTENCES)], reference) == "\n".join(SENTENCES)


def test_article_body_printed_twice_counts_once_and_a_teaser_is_ignored() -> None:
    body = " ".join(SENTENCES)
    assert structured_body({"articleBody": body + " " + body}) == body
    assert structured_body({"articleBody": SENTENCES[0]}) == ""  # too short to trust
    assert structured_body(
        {"articleBody": "<p>" + body + "</p><p>Second &amp; last.</p>"}
    ).endswith("\nSecond & last.")


def _next_page(paragraphs: list[str]) -> str:
    data = {
        "props": {
            "pageProps": {
                "story": {"title": "T", "blocks": [{"html": f"<p>{p}</p>"} for p in paragraphs]}
            }
        }
    }
    return (
        "<html lang='en'><head><title>Bus lines approved</title></head><body><div id='__next'></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script></body></html>"
    )


def test_a_next_js_page_without_html_body_gives_its_page_data_prose() -> None:
    tree = lxml.html.document_fromstring(_next_page(SENTENCES))
    assert app_data_body(tree).splitlines() == SENTENCES
    assert extract_body(tree, None, {}).splitlines() == SENTENCES
    article = extract_article(_next_page(SENTENCES), url="https://news.example.org/2025/05/01/bus")
    assert article.text.split("\n\n") == SENTENCES


def test_boilerplate_lines_are_dropped_and_article_lines_kept() -> None:
    for line in (
        "Read more: Council votes on bus lines",
        "Lesen Sie auch: Der Stadtrat stimmt ab",
        "Sign up for our daily newsletter",
        "Advertisement",
        "相关阅读：公交线路",
        "Follow us on Instagram and X",
    ):
        assert is_boilerplate(line), line
    for line in (
        SENTENCES[0],
        "Readers wrote more letters than ever, the editor said.",
        "The newsletter, which the council sends to 40,000 homes every week, listed the new lines "
        "and their timetables, and the council said it would keep sending it for at least two more years.",
    ):
        assert not is_boilerplate(line), line
    text = "\n".join([SENTENCES[0], "Read more: Other story", SENTENCES[1]])
    assert drop_boilerplate(text) == "\n".join(SENTENCES[:2])
