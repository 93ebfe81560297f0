"""crawler.dates: the page's own date over sidebar dates, labelled dates, midnight UTC."""

from __future__ import annotations

import lxml.html

from crawler.dates import date_in_line, labelled_date, local_day
from crawler.metadata import find_published


def published_of(body: str) -> str | None:
    tree = lxml.html.document_fromstring(f"<html><head></head><body>{body}</body></html>")
    return find_published(tree, {}, {})


def test_a_related_story_date_loses_to_the_page_own_labelled_date() -> None:
    sidebar = (
        "<div class='col3 relatedContent'><a href='/other'><h2>Other story "
        "<span class='date'>24.04.2023</span></h2></a></div>"
    )
    own = "<ul><li><strong>Datum</strong> 28.04.2023</li></ul>"
    assert published_of(sidebar + own) == "2023-04-28"
    assert published_of("<aside><span class='date'>May 2, 2024</span></aside>") is None


def test_day_first_dotted_dates_and_labels() -> None:
    assert date_in_line("28.04.2023, 14:05") == "2023-04-28T14:05:00"
    assert date_in_line("Version 1.2.2023.4") is None
    tree = lxml.html.document_fromstring("<p>Published: March 3, 2024</p>")
    assert labelled_date(tree) == "2024-03-03"


def test_a_midnight_utc_date_stays_on_its_day() -> None:
    assert local_day("2024-05-03T00:00:00+00:00", ["2024-05-02"]) == "2024-05-03T00:00:00+00:00"
    assert local_day("2024-05-03T00:00:00+00:00", ["2024-05-02T20:00:00"]) == (
        "2024-05-03T00:00:00+00:00"
    )
