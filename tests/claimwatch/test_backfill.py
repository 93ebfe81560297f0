"""No alert floods (issue 18): an outlet's backfill is its first crawl that stored articles,
and a backfill raises neither ``new`` nor ``changed`` flags.

A 100-article site is crawled after a first crawl that found the site down: nothing is
delivered to a webhook. A later crawl that brings one new article does raise its flags.
"""

from __future__ import annotations

from pathlib import Path

from db.schema import connect
from schedules.notify import NotifySettings, deliver_pending
from tests.claimwatch.page_server import Page, article, feed, serve_pages, write_config
from tests.claimwatch.test_crawl import _rows, run_crawl
from tests.schedules.servers import webhook_receiver

COMPANIES = [
    "Northline Telecom", "Acme Motors", "Harbor Bank", "Vistula Energy", "Kestrel Airlines",
    "Orion Foods", "Calloway Steel", "Brightwater Utilities", "Tamsin Retail", "Quarry Cement",
]  # fmt: skip


def _story(number: int) -> tuple[str, str]:
    company = COMPANIES[number % len(COMPANIES)]
    growth, subscribers = 5 + number, 10 + number
    text = (
        f"{company} said on Tuesday that its fibre revenue rose {growth}% in the third quarter "
        f"of 2025, helped by new customers in the north.\n"
        f"The company also said its mobile subscribers reached {subscribers}.5 million at the "
        f"end of September 2025, according to chief executive Jane Roe.\n"
        f"Analysts had expected slower growth after a weak summer for the whole industry."
    )
    return f"{company} results {number}", text


def _site(count: int) -> dict[str, Page | str]:
    paths = [f"/2025/11/{1 + number % 28:02d}/story-{number}" for number in range(count)]
    pages: dict[str, Page | str] = {"/feed.xml": feed(*paths)}
    for number, path in enumerate(paths):
        title, text = _story(number)
        pages[path] = article(title, text, published=path[1:11].replace("/", "-"))
    return pages


def _config(path: Path, base: str) -> Path:
    return write_config(path, {"wire": {"feeds": [f"{base}/feed.xml"]}}, concurrency_per_site=8)


def test_a_backfill_after_a_failed_first_crawl_delivers_no_flags(tmp_path: Path) -> None:
    pages = _site(100)
    down = {"/feed.xml": Page(b"<h1>down for maintenance</h1>", status=503)}
    with serve_pages(down) as site:
        config = _config(tmp_path / "claimwatch.toml", site.base)
        first = run_crawl(config, "--quiet")
        assert first.returncode == 1  # the feed failed
        site.pages = pages  # the site is back
        second = run_crawl(config, "--quiet")
        assert second.returncode == 0, second.stderr[-3000:]
        db_path = tmp_path / "claimwatch.db"
        runs = _rows(db_path, "SELECT backfill, articles_new, errors FROM runs ORDER BY id")
        assert runs == [
            {"backfill": 1, "articles_new": 0, "errors": 1},
            {"backfill": 1, "articles_new": 100, "errors": 0},
        ]
        claims = _rows(db_path, "SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS keys FROM claims")
        assert claims[0]["n"] >= 200 and claims[0]["keys"] < claims[0]["n"]  # keys repeat
        with webhook_receiver() as hook:
            db = connect(db_path)
            try:
                report = deliver_pending(db, NotifySettings(webhook=hook.url))
            finally:
                db.close()
        assert hook.flag_ids() == [] and report.completed == 0
        assert _rows(db_path, "SELECT kind FROM flags") == []

        # After the backfill, a new article with other figures for known keys is flagged.
        title, text = _story(100)
        pages["/2025/12/01/late-story"] = article(title, text, published="2025-12-01")
        pages["/feed.xml"] = feed("/2025/12/01/late-story")
        third = run_crawl(config, "--quiet")
        assert third.returncode == 0, third.stderr[-3000:]
    kinds = {row["kind"] for row in _rows(db_path, "SELECT kind FROM flags")}
    assert kinds == {"changed"}
    assert _rows(db_path, "SELECT backfill FROM runs WHERE id = 3") == [{"backfill": 0}]
