"""``claimwatch crawl`` against a fixture news site on 127.0.0.1, twice (the page changes between).

Each crawl runs in a subprocess (Scrapy's reactor cannot restart inside pytest).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.schema import connect
from db.store import decompress_html
from tests.crawler.site_server import SiteState, serve_site

REPO = Path(__file__).resolve().parents[2]


def write_config(
    path: Path, base: str, *, timeout: float = 1.0, allow_private: bool = True
) -> Path:
    path.write_text(
        f"""
[database]
path = "claimwatch.db"

[crawl]
delay = 0
allow_private = {str(allow_private).lower()}
timeout = {timeout}
max_page_bytes = 200_000
concurrency_per_site = 4

[[outlets]]
name = "fixture"
feeds = ["{base}/feed.xml"]
sitemaps = ["{base}/sitemap.xml"]
sections = ["{base}/world/"]
article_pattern = "/\\\\d{{4}}/\\\\d{{2}}/"
""",
        encoding="utf-8",
    )
    return path


def run_crawl(config: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CLAIMWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=config.parent,
        env=env,
    )


def _rows(db_path: Path, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    database = connect(db_path)
    try:
        return [dict(row) for row in database.query(sql, params)]
    finally:
        database.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("crawl")
    with serve_site("news") as site:
        site.slow_seconds = 2.0
        config = write_config(folder / "claimwatch.toml", site.base)
        first = run_crawl(config, "--quiet")
        first_requests = list(site.requests)
        site.requests.clear()
        site.zeta_figure, site.zeta_lastmod = "15%", "2025-11-20"
        second = run_crawl(config)
        yield {
            "site": site,
            "db": folder / "claimwatch.db",
            "first": first,
            "second": second,
            "first_requests": first_requests,
            "second_requests": list(site.requests),
        }


def _hits(requests: list[str], path: str) -> int:
    return sum(1 for logged in requests if logged.split("?")[0] == path)


def test_crawl_exits_1_when_pages_failed_without_traceback(crawled: dict[str, Any]) -> None:
    for result in (crawled["first"], crawled["second"]):
        assert result.returncode == 1, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        assert "pages failed" in result.stderr
    assert "crawl summary" in crawled["second"].stdout


def test_each_article_is_fetched_once_and_stored_under_its_clean_url(
    crawled: dict[str, Any],
) -> None:
    site: SiteState = crawled["site"]
    urls = {row["url"] for row in _rows(crawled["db"], "SELECT url FROM articles")}
    paths = {url.removeprefix(site.base) for url in urls}
    assert paths == {
        "/2025/11/04/alpha-story",
        "/2025/11/05/beta-story",
        "/2025/11/06/gamma-story",
        "/2025/11/07/delta-story",
        "/2025/11/08/epsilon-story",
        "/2025/11/10/zeta-story",
        "/2025/10/09/qingxi-youke-zengzhang",
        "/fresh/omega-story",
    }
    requests = crawled["first_requests"]
    # reached by feed (utm_*), sitemap and section (utm_*, fbclid, gclid): one fetch each
    assert _hits(requests, "/2025/11/04/alpha-story") == 1
    assert _hits(requests, "/2025/11/07/delta-story") == 1
    assert _hits(requests, "/2025/11/06/gamma-story") == 1
    assert not any("utm_" in r or "fbclid" in r or "gclid" in r for r in requests)


def test_robots_offsite_and_non_html_are_skipped_quietly(crawled: dict[str, Any]) -> None:
    requests = crawled["first_requests"]
    assert _hits(requests, "/robots.txt") == 1
    assert _hits(requests, "/private/secret-story") == 0
    run = _rows(crawled["db"], "SELECT * FROM runs ORDER BY id")[0]
    log = " ".join(json.loads(run["error_log"]))
    assert "offsite.example.net" not in log and "report.pdf" not in log and "private" not in log


def test_redirect_to_metadata_address_is_refused(crawled: dict[str, Any]) -> None:
    run = _rows(crawled["db"], "SELECT * FROM runs ORDER BY id")[0]
    lines = [line for line in json.loads(run["error_log"]) if "169.254.169.254" in line]
    assert lines and "refused" in lines[0] and "link-local" in lines[0]
    assert lines[0].startswith(crawled["site"].base + "/moved/metadata-story")


def test_failures_are_counted_with_their_urls(crawled: dict[str, Any]) -> None:
    run = _rows(crawled["db"], "SELECT * FROM runs ORDER BY id")[0]
    log = json.loads(run["error_log"])
    assert run["status"] == "ok" and run["errors"] == len(log) == 6
    assert any("/broken/server-error-story: HTTP 500" in line for line in log)
    assert any("/2025/11/09/removed-story: HTTP 404" in line for line in log)
    assert any("/slow/slow-story" in line and "Timeout" in line for line in log)
    assert any("/big/huge-story" in line and "max size" in line for line in log)
    assert any("/truncated/cut-short-story" in line for line in log)


def test_gbk_page_without_charset_is_decoded(crawled: dict[str, Any]) -> None:
    (article,) = _rows(crawled["db"], "SELECT * FROM articles WHERE language = 'zh'")
    assert article["title"] == "清溪市国庆假期接待游客增长18.6%"
    assert json.loads(article["authors"]) == ["林晓雯"]
    assert article["published"].startswith("2025-10-09")
    (version,) = _rows(
        crawled["db"], "SELECT text FROM versions v WHERE article_id = ?", (article["id"],)
    )
    assert "全市共接待游客1286.5万人次" in version["text"]


def test_runs_record_backfill_counts_and_status(crawled: dict[str, Any]) -> None:
    first, second = _rows(crawled["db"], "SELECT * FROM runs ORDER BY id")
    assert (first["backfill"], second["backfill"]) == (1, 0)
    assert first["articles_new"] == 8 and first["finished_at"]
    assert (second["articles_new"], second["articles_changed"]) == (0, 1)
    assert second["articles_unchanged"] >= 1  # the fresh article answered 304


def test_changed_page_gets_a_new_version_and_unchanged_pages_do_not(
    crawled: dict[str, Any],
) -> None:
    rows = _rows(
        crawled["db"],
        "SELECT a.url, v.number, v.text, p.html, v.run_id FROM versions v "
        "JOIN articles a ON a.id = v.article_id "
        "LEFT JOIN version_pages p ON p.version_id = v.id ORDER BY a.url, v.number",
    )
    zeta = [row for row in rows if row["url"].endswith("/zeta-story")]
    assert [row["number"] for row in zeta] == [1, 2]
    assert "12% more" in zeta[0]["text"] and "15% more" in zeta[1]["text"]
    assert decompress_html(zeta[1]["html"]).startswith(b"<!DOCTYPE html>")
    assert len(rows) == 9  # 8 articles, one of them twice


def test_second_crawl_skips_old_unchanged_articles_and_uses_conditional_get(
    crawled: dict[str, Any],
) -> None:
    requests = crawled["second_requests"]
    assert _hits(requests, "/2025/11/06/gamma-story") == 0  # old, sitemap lastmod unchanged
    assert _hits(requests, "/2025/11/10/zeta-story") == 1  # lastmod moved on
    assert _hits(requests, "/fresh/omega-story") == 1  # under two days old: always re-checked
    assert _hits(requests, "/broken/server-error-story") >= 1  # what failed is tried again


def test_unknown_outlet_or_no_outlets_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimwatch.cli import cli

    config = write_config(tmp_path / "claimwatch.toml", "http://127.0.0.1:9")
    result = CliRunner().invoke(cli, ["--config", str(config), "crawl", "nosuch"])
    assert result.exit_code == 2
    assert "no outlet named 'nosuch'" in result.output
    empty = tmp_path / "empty.toml"
    empty.write_text("[crawl]\ndelay = 0\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(empty), "crawl"])
    assert result.exit_code == 2
    assert "no [[outlets]] configured" in result.output
