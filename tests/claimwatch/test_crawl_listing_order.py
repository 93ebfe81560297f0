"""An edit of a known article is seen whatever order the listings answer in.

One listing gives the article without a date, the other with its new date (the sitemap's
``lastmod`` on site ``edits``, the Atom feed's ``updated`` on ``edits-feed``). When the
undated listing answers first, the article is skipped as fresh; the dated one then makes it
due, and it is re-fetched with a conditional GET in the same crawl. Both orders store the
edit and flag it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.claimwatch.page_server import write_config
from tests.claimwatch.test_crawl import _rows, run_crawl
from tests.crawler.site_server import SiteState, serve_site

ARTICLE = "/2025/11/10/zeta-story"


def _config(folder: Path, base: str) -> Path:
    return write_config(
        folder / "claimwatch.toml",
        {"edits": {"feeds": [f"{base}/feed.xml"], "sitemaps": [f"{base}/sitemap.xml"]}},
    )


@pytest.fixture(scope="module")
def backfilled(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[SiteState, Path]]]:
    """Each site served for the module, crawled once (the backfill) into a database to copy."""
    with ExitStack() as stack:
        found = {}
        for name in ("edits", "edits-feed"):
            site = stack.enter_context(serve_site(name))
            folder = tmp_path_factory.mktemp(name)
            result = run_crawl(_config(folder, site.base), "--quiet")
            assert result.returncode == 0, result.stderr[-2000:]
            found[name] = (site, folder / "claimwatch.db")
        yield found


@pytest.mark.parametrize("first", ["feed", "sitemap"])
@pytest.mark.parametrize("site_name", ["edits", "edits-feed"])  # the date in the sitemap / feed
def test_edit_is_stored_and_flagged_whichever_listing_answers_first(
    backfilled: dict[str, tuple[SiteState, Path]], site_name: str, first: str, tmp_path: Path
) -> None:
    site, database = backfilled[site_name]
    shutil.copy(database, tmp_path / "claimwatch.db")
    config = _config(tmp_path, site.base)
    site.requests.clear()
    site.conditional.clear()
    site.zeta_figure, site.zeta_lastmod = "15%", "2025-11-20"
    late = "/sitemap.xml" if first == "feed" else "/feed.xml"
    site.delays = {late: 1.5}
    try:
        second = run_crawl(config, "--quiet")
    finally:
        site.zeta_figure, site.zeta_lastmod, site.delays = "12%", "2025-11-10", {}
    assert second.returncode == 0, second.stderr[-2000:]
    assert site.hits("/feed.xml") == site.hits("/sitemap.xml") == 1
    assert site.hits(ARTICLE) == 1  # fetched once in the second crawl ...
    assert ARTICLE in site.conditional  # ... with a conditional GET
    versions = _rows(
        tmp_path / "claimwatch.db",
        "SELECT v.number, v.text FROM versions v JOIN articles a ON a.id = v.article_id "
        "WHERE a.url LIKE ? ORDER BY v.number",
        (f"%{ARTICLE}",),
    )
    assert [row["number"] for row in versions] == [1, 2]
    assert "15% more" in versions[1]["text"]
    stored = _rows(tmp_path / "claimwatch.db", "SELECT lastmod FROM articles")
    assert stored[0]["lastmod"].startswith("2025-11-20")  # the newest listing date is kept
    revised = _rows(
        tmp_path / "claimwatch.db", "SELECT old_value, new_value FROM flags WHERE kind = 'revised'"
    )
    assert [(f["old_value"], f["new_value"]) for f in revised] == [(12, 15)]
