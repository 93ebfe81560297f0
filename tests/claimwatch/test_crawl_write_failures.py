"""Write failures are losses too (issue 18): articles that could not be stored because the disk
filled up or the database stayed locked past its busy timeout are errors of the run, one line
each, no traceback; the crawl exits 1 and what was stored before stays."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from db.schema import connect
from tests.claimwatch.page_server import Page, article, feed, serve_pages, write_config
from tests.claimwatch.test_crawl import REPO, _rows
from tests.claimwatch.test_crawl_lock import wait_for_versions

TEXT = (
    "The port authority said container traffic rose {n}% in October 2025.\n"
    "Officials said the new terminal would open next spring after a delay of two months.\n"
    "Harbour pilots handled 1,200 ship movements, the authority's monthly report showed."
)


def _config(path: Path, base: str) -> Path:
    return write_config(
        path, {"wire": {"feeds": [f"{base}/feed.xml"]}}, timeout=20, concurrency_per_site=8
    )


def _crawl(config: Path, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "CLAIMWATCH_BUSY_TIMEOUT": "1"}
    env.pop("CLAIMWATCH_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.parent,
        env=env,
        **popen,  # type: ignore[arg-type]
    )


def _check_lines(stderr: str, urls: list[str], *reasons: str) -> None:
    """One line per URL, giving one of ``reasons``; no traceback."""
    assert "Traceback" not in stderr
    for url in urls:
        lines = [line for line in stderr.splitlines() if url in line]
        assert len(lines) == 1 and any(reason in lines[0] for reason in reasons), lines


def test_articles_not_stored_while_the_database_is_locked(tmp_path: Path) -> None:
    fast = [f"/2025/11/04/fast-{n}" for n in range(2)]
    slow = [f"/2025/11/04/slow-{n}" for n in range(3)]
    pages: dict[str, Page | str] = {"/feed.xml": feed(*fast, *slow)}
    gate = threading.Event()  # the slow pages answer once the database is locked
    for n, path in enumerate(fast + slow):
        page = article(f"Story {n}", TEXT.format(n=n + 1))
        pages[path] = Page(page.encode(), gate=gate) if path in slow else page
    db_path = tmp_path / "claimwatch.db"
    with serve_pages(pages) as site:
        config = _config(tmp_path / "claimwatch.toml", site.base)
        crawl = _crawl(config)
        wait_for_versions(site, db_path, crawl, 2, slow[-1])
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer, holding on for 4 s (timeout: 1 s)
        gate.set()
        time.sleep(4)
        holder.execute("ROLLBACK")
        holder.close()
        _, stderr = crawl.communicate(timeout=60)
    assert crawl.returncode == 1, stderr[-3000:]
    _check_lines(stderr, [site.base + path for path in slow], "not stored: database is locked")
    (run,) = _rows(db_path, "SELECT status, articles_new, errors, error_log FROM runs")
    assert (run["status"], run["articles_new"], run["errors"]) == ("ok", 2, 3)
    assert len(json.loads(run["error_log"])) == 3


def _small_files(limit: int) -> None:
    """In the crawl's process: no file may grow past ``limit`` bytes (a full disk, for it)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG instead


def test_articles_not_stored_when_the_disk_is_full(tmp_path: Path) -> None:
    paths = [f"/2025/11/04/story-{n}" for n in range(4)]
    pages: dict[str, Page | str] = {"/feed.xml": feed(*paths)}
    for n, path in enumerate(paths):
        pages[path] = article(f"Story {n}", TEXT.format(n=n + 1) * 20)
    db_path = tmp_path / "claimwatch.db"
    connect(db_path).close()  # the database exists; its write-ahead log has room for little
    with serve_pages(pages) as site:
        config = _config(tmp_path / "claimwatch.toml", site.base)
        crawl = _crawl(config, preexec_fn=lambda: _small_files(48_000))
        _, stderr = crawl.communicate(timeout=60)
    assert crawl.returncode == 1, stderr[-3000:]
    _check_lines(
        stderr,
        [site.base + path for path in paths],
        "not stored: database or disk is full",  # SQLite's words for ENOSPC
        "not stored: disk I/O error",  # and for EFBIG, the file size limit used here
    )
    (run,) = _rows(db_path, "SELECT status, articles_new, errors FROM runs")
    assert (run["status"], run["articles_new"], run["errors"]) == ("ok", 0, 4)
    assert _rows(db_path, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
