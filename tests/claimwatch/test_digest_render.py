"""HTML and Atom digests: untrusted article text stays text; the feed reads cleanly."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from claimwatch.digest import Digest, build_digest, parse_week
from claimwatch.digest.render import render_atom, render_html, render_markdown
from db.schema import connect
from tests.claimwatch.digest_fixture import (
    HOSTILE_SENTENCE_TAIL,
    HOSTILE_SOURCE,
    HOSTILE_TITLE,
    WEEK,
    build_newsroom,
)

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def digest(tmp_path_factory: pytest.TempPathFactory) -> Digest:
    path = tmp_path_factory.mktemp("digest") / "newsroom.db"
    build_newsroom(path)
    db = connect(path, create=False)
    try:
        return build_digest(db, parse_week(WEEK))
    finally:
        db.close()


def test_html_renders_planted_markup_as_text(digest: Digest) -> None:
    html = render_html(digest)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("script") == []
    assert soup.find_all("img") == []
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    # Each planted string is shown, as the reader would read it.
    text = soup.get_text()
    for planted in (HOSTILE_TITLE, HOSTILE_SOURCE, HOSTILE_SENTENCE_TAIL):
        assert planted in text
    # The planted <b> and <i> never became elements.
    assert not [tag for tag in soup.find_all(["b", "i"]) if tag.text in ("bold", "Evil")]


def test_html_is_self_contained(digest: Digest) -> None:
    soup = BeautifulSoup(render_html(digest), "html.parser")
    assert soup.find("meta", attrs={"name": "viewport"})
    assert (
        "default-src 'none'"
        in soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    )
    assert not soup.find_all("link") and not soup.find_all(src=True)
    assert len(soup.find_all("svg")) == 2  # the changed figure's history and claims per day
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs and all(href.startswith("https://") for href in hrefs)
    # The article whose URL is javascript: is named but not linked.
    assert "Odd link" in soup.get_text() and not any("javascript" in href for href in hrefs)


def test_markdown_escapes_planted_markup(digest: Digest) -> None:
    text = render_markdown(digest)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "](<javascript" not in text


def test_atom_parses_without_errors(digest: Digest) -> None:
    xml = render_atom(digest)
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.updated == "2025-12-13T10:01:00Z"
    entries = feed.entries
    assert len(entries) == len(digest.flags) == 6
    ids = [entry.id for entry in entries]
    assert len(set(ids)) == len(ids)
    assert all(entry.updated_parsed for entry in entries)
    changed = next(entry for entry in entries if entry.title.startswith("changed"))
    links = {link.rel: link.href for link in changed.links}
    assert links == {
        "alternate": "https://daily.example/2025/12/09/sales",
        "related": "https://wire.example/2025/3/sales",
    }
    assert "14% → 12.9%" in changed.title
    # Ids are stable: the same flags give the same ids in a regenerated feed.
    assert [entry.id for entry in feedparser.parse(render_atom(digest)).entries] == ids


def test_atom_keeps_planted_markup_as_text(digest: Digest) -> None:
    root = ET.fromstring(render_atom(digest).encode())
    assert not [
        element for element in root.iter() if element.tag.rsplit("}", 1)[-1] in ("script", "img")
    ]
    changed = next(
        entry
        for entry in root.iter(f"{ATOM}entry")
        if entry.findtext(f"{ATOM}title", "").startswith("changed")
    )
    assert changed.find(f"{ATOM}content").get("type") == "text"
    assert HOSTILE_SENTENCE_TAIL in changed.findtext(f"{ATOM}content")
    assert changed.findtext(f"{ATOM}author/{ATOM}name") == HOSTILE_SOURCE
    # No entry links to the javascript: URL.
    assert not [
        link for link in root.iter(f"{ATOM}link") if not link.get("href", "").startswith("https://")
    ]


def test_atom_drops_characters_xml_forbids(digest: Digest, tmp_path: Path) -> None:
    original = digest.flags[0]["new_sentence"]
    digest.flags[0]["new_sentence"] = "bell \x07 and form feed \x0c"
    try:
        assert not feedparser.parse(render_atom(digest)).bozo
    finally:
        digest.flags[0]["new_sentence"] = original


def test_long_windows_chart_claims_per_week_or_month() -> None:
    from datetime import date, timedelta

    from claimwatch.digest.charts import claims_per_day_chart

    def days(count: int) -> list[dict[str, object]]:
        first = date(2025, 1, 6)
        return [{"day": (first + timedelta(days=n)).isoformat(), "claims": 1} for n in range(count)]

    assert "Claims per day" in claims_per_day_chart(days(7))
    assert "Claims per week" in claims_per_day_chart(days(70))
    assert "Claims per month" in claims_per_day_chart(days(800))


def test_chart_labels_from_article_text_stay_text(digest: Digest) -> None:
    history = dict(digest.histories[0], entity="<script>alert('chart')</script>")
    from claimwatch.digest.charts import history_chart

    soup = BeautifulSoup(f"<figure>{history_chart(history)}</figure>", "html.parser")
    assert soup.find_all("script") == []
    assert "<script>alert('chart')</script>" in soup.get_text()


def test_the_moved_figure_is_marked_in_both_sentences(digest: Digest) -> None:
    soup = BeautifulSoup(render_html(digest), "html.parser")
    cards = soup.select("#changes article.card")
    assert [card.select_one(".kind").text for card in cards] == ["changed", "revised"]
    changed = cards[0]
    assert [mark.text for mark in changed.find_all("mark")] == ["14.0%", "12.9%"]
    revised = cards[1]
    assert [mark.text for mark in revised.select("blockquote mark")] == [
        "500 workers",
        "650 workers",
    ]
    # A changed flag names the key of each claim: why the two figures were compared.
    keys = [key.text for key in changed.find_all("span", class_="key")]
    assert keys == ["china · retail sales growth · 2025-11"] * 2
    markdown = render_markdown(digest)
    assert "rose **14.0%** in November" in markdown
    assert "rose **12.9%** in November" in markdown
    assert "- before (china · retail sales growth · 2025-11): " in markdown


def test_removed_figures_are_one_collapsed_line_each(digest: Digest) -> None:
    soup = BeautifulSoup(render_html(digest), "html.parser")
    removed = soup.select_one("details#removed")
    assert removed is not None and not removed.has_attr("open")
    assert removed.summary.text.startswith("1 removed figure ")
    assert [li.get_text(" ", strip=True) for li in removed.select("li")] == [
        "30 t · factories · output · Jobs"
    ]
    assert not soup.select("#changes article.card .kind-removed")
    markdown = render_markdown(digest)
    assert "## Removed figures (1)\n\n- 30 t · factories · output · [Jobs](" in markdown


def test_no_none_anywhere_and_subjects_need_entity_and_metric(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    path = tmp_path_factory.mktemp("none") / "newsroom.db"
    build_newsroom(path)
    db = connect(path, create=False)
    try:
        # Claims without an entity, or a metric: tracker output a desk cannot read as a subject.
        db.execute("UPDATE claims SET entity = NULL WHERE metric = 'export growth'")
        db.execute("UPDATE claims SET metric = NULL WHERE entity = 'graduates'")
        db.conn.commit()
        digest = build_digest(db, parse_week(WEEK))
    finally:
        db.close()
    assert all(row["entity"] and row["metric"] for row in digest.subjects)
    assert ("china", "import growth") in {(row["entity"], row["metric"]) for row in digest.subjects}
    for text in (render_html(digest), render_markdown(digest)):
        assert "None" not in text
        assert "— · export growth" in text  # a new figure with no entity: shown as "—"
