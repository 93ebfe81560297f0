"""crawler.titles: entities, site names, kickers, and which candidate wins."""

from __future__ import annotations

import json

import lxml.html

from crawler.metadata import json_ld_article, meta_tags
from crawler.titles import find_title


def title_of(head: str, body: str = "", url: str | None = None) -> str | None:
    tree = lxml.html.document_fromstring(
        f"<html><head>{head}</head><body>{body}<p>x</p></body></html>"
    )
    return find_title(tree, json_ld_article(tree), meta_tags(tree), url)


def ld(headline: str) -> str:
    data = {"@type": "NewsArticle", "headline": headline}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_entities_in_json_ld_headlines_are_unescaped_even_twice_escaped() -> None:
    assert (
        title_of(ld("Taylor Swift&#8217;s &#8216;best work&#8217;")) == "Taylor Swift’s ‘best work’"
    )
    assert title_of(ld("R&amp;uuml;ckbau beginnt")) == "Rückbau beginnt"


def test_site_name_suffix_is_dropped_from_structured_titles() -> None:
    site = "<meta property='og:site_name' content='经济日报'>"
    assert (
        title_of(site + "<meta property='og:title' content='油价上涨三成 - 经济日报'>")
        == "油价上涨三成"
    )
    reuters = "<meta property='og:title' content='Oil prices rise on supply fears | Reuters'>"
    assert title_of(reuters, url="https://www.reuters.com/markets/oil-2025-05-01/") == (
        "Oil prices rise on supply fears"
    )
    assert title_of("<title>Oil prices rise on supply fears - Daily Wire</title>") == (
        "Oil prices rise on supply fears"
    )


def test_a_trailing_part_of_a_structured_headline_that_is_no_site_name_stays() -> None:
    headline = "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen"
    assert (
        title_of(ld(headline), url="https://www.tagesschau.de/inland/ahrtal-100.html") == headline
    )


def test_a_kicker_is_dropped_when_a_structured_value_has_the_headline_alone() -> None:
    kicked = "SVP-Parteitag zur Migration: Chiesa ruft zum Widerstand auf"
    head = ld(kicked) + "<meta property='og:title' content='Chiesa ruft zum Widerstand auf'>"
    assert title_of(head, f"<h1>{kicked}</h1>") == "Chiesa ruft zum Widerstand auf"


def test_agreeing_structured_values_win_over_a_longer_visible_heading() -> None:
    short = "Sinkt der Leitzins? Klare Ansage"
    head = (
        ld(short) + f"<meta property='og:title' content='{short}'><title>{short} von Profis</title>"
    )
    assert title_of(head, f"<h1>{short} von Profis</h1>") == short
    assert title_of(
        "<title>Council approves bus lines | City News</title>",
        "<h1>Council approves bus lines</h1>",
    ) == ("Council approves bus lines")
