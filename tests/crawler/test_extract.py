"""crawler.extract: golden pages (page + expected JSON), metadata rules, and the dev gold pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawler.extract import ExtractionError, extract_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "crawler" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))

BODY = "".join(
    f"<p>Paragraph {n} says the company sold 4,000 cars, its chief executive said on Monday.</p>"
    for n in range(6)
)


def page(head: str = "", body_top: str = "", body: str = BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body_top}<article>{body}</article></body></html>"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_golden_pages(name: str) -> None:
    expected = EXPECTED[name]
    article = extract_article((PAGES / name).read_bytes())
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert article.published == expected["published"]
    assert article.language == expected["language"]
    assert article.text.startswith(expected["text_starts"])
    assert article.text.count("\n\n") + 1 == expected["paragraphs"]
    assert "\n\n\n" not in article.text


def test_metadata_of_every_dev_gold_page(shared: Path) -> None:
    pages = shared / "gold" / "dev-pages"
    for name, gold in json.loads((pages / "pages.json").read_text(encoding="utf-8")).items():
        article = extract_article((pages / name).read_bytes())
        assert article.title == gold["title"], name
        assert (article.published or "")[:10] == gold["published"], name
        assert (article.authors or [None])[0] == gold["author"], name


def test_json_ld_beats_meta_and_visible_lines() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Site"}, {"@type": "NewsArticle", "headline": "LD headline",'
        '"datePublished": "2024-03-02T10:00:00+01:00", "dateModified": "2024-03-03T09:00:00+01:00",'
        '"author": {"@type": "Person", "name": "Lina Ortiz"}}]}</script>'
    )
    head = (
        ld
        + '<meta property="og:title" content="OG title"><meta name="author" content="Someone Else">'
    )
    article = extract_article(page(head, "<h1>LD headline</h1><p class='date'>May 1, 2020</p>"))
    assert article.title == "LD headline"
    assert article.authors == ["Lina Ortiz"]
    assert article.published == "2024-03-02T10:00:00+01:00"
    assert article.modified == "2024-03-03T09:00:00+01:00"


def test_visible_byline_and_chinese_date_line() -> None:
    top = "<h1>标题</h1><div class='info'>2025年12月12日 08:15 来源：新华社</div>"
    body = "".join(
        f"<p>本报讯 第{n}段，公司销售额增长了百分之十二，达到四十亿元。</p>" for n in range(5)
    )
    article = extract_article(page("<title>标题_某网</title>", top, body))
    assert article.published == "2025-12-12T08:15:00"
    assert article.language == "zh"
    assert article.via == "新华社"


def test_english_date_line_and_by_line() -> None:
    top = "<h1>Title here</h1><p class='byline'>By Ann Lee and Bo Chen</p><p class='date'>Published: December 12, 2025 10:31</p>"
    article = extract_article(page("<title>Title here | Paper</title>", top))
    assert article.authors == ["Ann Lee", "Bo Chen"]
    assert article.published == "2025-12-12T10:31:00"
    assert article.title == "Title here"


def test_future_dates_are_never_published_dates() -> None:
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    head = f'<meta property="article:published_time" content="{future}">'
    article = extract_article(page(head), url="https://example.org/news/2021/04/05/story-slug-here")
    assert article.published == "2021-04-05"  # the URL is the last resort


def test_canonical_url_and_tracking_parameters() -> None:
    head = '<link rel="canonical" href="/news/a-story-about-things?utm_source=x">'
    article = extract_article(page(head), url="https://www.example.org/m/a-story?fbclid=1#top")
    assert article.url == "https://www.example.org/news/a-story-about-things"
    offsite = '<link rel="canonical" href="https://elsewhere.example.com/x/y">'
    article = extract_article(page(offsite), url="https://example.org/a/b?utm_medium=y&id=3")
    assert article.url == "https://example.org/a/b?id=3"


def test_dateline_agency_is_via() -> None:
    body = (
        "<p>DUBLIN, Feb. 17 (Meridian Wire) — Aerlinn said on Monday it grounded 14 jets.</p>"
        + BODY
    )
    article = extract_article(page("<title>T</title>", "<h1>T</h1>", body))
    assert article.via == "Meridian Wire"


def test_page_without_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        extract_article(
            b"<html><head><title>x</title></head><body><script>var a;</script></body></html>"
        )
    with pytest.raises(ExtractionError):
        extract_article(b"   ")


def test_utc_timestamp_near_midnight_takes_the_pages_local_day() -> None:
    from crawler.dates import local_day

    utc = "2020-02-25T02:25:54+00:00"
    assert local_day(utc, ["2020-02-24T21:25:54-05:00"]) == "2020-02-24T21:25:54-05:00"
    assert local_day(utc, ["2020-02-24T21:25:54"]) == "2020-02-24T21:25:54"  # naive, same instant
    assert local_day(utc, ["2020-02-24"]) == "2020-02-24"  # early UTC hour: the day before
    assert local_day(utc, ["2020-02-26"]) == utc  # the next day is not possible at 02:25 UTC
    evening = "2022-02-08T18:05:43+00:00"
    assert local_day(evening, ["2022-02-09", "2022-02-09T08:49:44+00:00"]) == evening
    assert local_day("2022-02-08T18:05:43+01:00", ["2022-02-07"]) == "2022-02-08T18:05:43+01:00"
