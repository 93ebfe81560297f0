"""One crawl per outlet at a time (issue 18): a second crawl of an outlet being crawled exits 2
naming the running one; a crawl killed outright leaves its run to be taken over, with the
counts of what it had committed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.claimwatch.page_server import Page, Site, article, feed, serve_pages, write_config
from tests.claimwatch.test_crawl import REPO, _rows, run_crawl

TEXT = (
    "The city council said on Monday that bus ridership rose {n}% in October 2025.\n"
    "Officials said {n}00 new stops would open next year across the northern districts.\n"
    "The transport committee will publish its full annual report in the spring."
)


def _pages(count: int, slow: float) -> dict[str, Page | str]:
    paths = [f"/2025/11/04/story-{n}" for n in range(count)]
    pages: dict[str, Page | str] = {"/feed.xml": feed(*paths, "/2025/11/04/slow")}
    for n, path in enumerate(paths):
        pages[path] = article(f"Story {n}", TEXT.format(n=n + 1))
    pages["/2025/11/04/slow"] = Page(article("Slow story", TEXT.format(n=99)).encode(), delay=slow)
    return pages


def _config(path: Path, base: str) -> Path:
    return write_config(path, {"wire": {"feeds": [f"{base}/feed.xml"]}}, timeout=30)


def start_crawl(config: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CLAIMWATCH_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.parent,
        env=env,
    )


def wait_for_versions(
    site: Site, db: Path, process: subprocess.Popen[str], count: int, path: str
) -> None:
    """Until the crawl has committed ``count`` versions and asked for ``path``."""
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, process.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the crawl never got that far"
        if site.hits(path) and db.exists():
            stored = _rows(db, "SELECT COUNT(*) AS n FROM versions")[0]["n"]
            if stored >= count:
                return
        time.sleep(0.05)


def test_a_second_crawl_is_refused_then_a_killed_ones_run_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "claimwatch.db"
    with serve_pages(_pages(5, slow=60)) as site:
        config = _config(tmp_path / "claimwatch.toml", site.base)
        first = start_crawl(config)
        try:
            wait_for_versions(site, db, first, 5, "/2025/11/04/slow")
            second = run_crawl(config, "--quiet")
            assert second.returncode == 2
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1, second.stderr
            assert re.fullmatch(
                rf"Error: wire is being crawled already \(run 1, pid {first.pid}, started "
                r"\d{4}-\d\d-\d\dT[\d:]+\+00:00\); wait for it or stop it",
                lines[0],
            ), lines[0]
            assert _rows(db, "SELECT id FROM runs") == [{"id": 1}]  # the refused one left none
            first.send_signal(signal.SIGKILL)
            first.communicate(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
                first.communicate()
        site.pages["/2025/11/04/slow"] = article("Slow story", TEXT.format(n=99))
        third = run_crawl(config, "--quiet")
    assert third.returncode == 0, third.stderr[-3000:]
    runs = _rows(db, "SELECT id, status, articles_new FROM runs ORDER BY id")
    # The killed run is closed with the 5 articles it had committed; the next one took over.
    assert runs == [
        {"id": 1, "status": "interrupted", "articles_new": 5},
        {"id": 2, "status": "ok", "articles_new": 1},
    ]
