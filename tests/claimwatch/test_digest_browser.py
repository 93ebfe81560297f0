"""The HTML digest in a real browser (Debian chromium + Playwright): charts drawn, page inert.

Keeps a screenshot at test-artifacts/digest.png (phone width, whole page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.digest import build_digest, parse_week
from claimwatch.digest.render import render_html
from db.schema import connect
from tests.claimwatch.digest_fixture import HOSTILE_TITLE, WEEK, build_newsroom

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.mark.browser
def test_html_digest_in_chromium(browser_page: object, tmp_path: Path) -> None:
    db_path = tmp_path / "newsroom.db"
    build_newsroom(db_path)
    db = connect(db_path, create=False)
    try:
        html = render_html(build_digest(db, parse_week(WEEK)))
    finally:
        db.close()
    page_file = tmp_path / "digest.html"
    page_file.write_text(html, encoding="utf-8")

    page = browser_page
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    page.goto(page_file.as_uri())  # type: ignore[attr-defined]

    charts = page.locator("figure.chart svg")  # type: ignore[attr-defined]
    assert charts.count() == 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        # Something is drawn inside: bars or the line's dots, each with a size.
        marks = chart.locator("rect.rect, circle.dot")
        assert marks.count() >= 1
        mark_box = marks.first.bounding_box()
        assert mark_box is not None and mark_box["width"] > 0 and mark_box["height"] > 0

    # Planted markup is text on the page, nothing ran, nothing was fetched.
    assert HOSTILE_TITLE in page.locator("#changes").inner_text()  # type: ignore[attr-defined]
    assert dialogs == []
    assert requests == [page_file.as_uri()]
    # Readable on a phone: nothing wider than the screen.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")  # type: ignore[attr-defined]
    assert overflow <= 0

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "digest.png"), full_page=True)  # type: ignore[attr-defined]
    assert (ARTIFACTS / "digest.png").stat().st_size > 10_000
