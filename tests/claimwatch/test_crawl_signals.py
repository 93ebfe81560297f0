"""A crawl stopped by SIGTERM closes its run as interrupted; one killed by SIGKILL leaves no
half-written article, and the next crawl fetches what is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from db.schema import connect
from tests.claimwatch.test_crawl import REPO, run_crawl, write_config
from tests.crawler.site_server import SiteState, serve_site


def _start(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def _wait_for_slow_request(site: SiteState, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while site.hits("/slow/slow-story") == 0:
        assert process.poll() is None, process.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "the crawl never reached the slow page"
        time.sleep(0.05)


def test_sigterm_marks_the_run_interrupted(tmp_path: Path) -> None:
    with serve_site("news") as site:
        site.slow_seconds = 4
        config = write_config(tmp_path / "claimwatch.toml", site.base, timeout=10)
        process = _start(config)
        _wait_for_slow_request(site, process)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 1
    assert "Traceback" not in stderr and "interrupted" in stderr
    database = connect(tmp_path / "claimwatch.db")
    try:
        (run,) = list(database.query("SELECT status, finished_at FROM runs"))
    finally:
        database.close()
    assert run["status"] == "interrupted" and run["finished_at"]


def test_sigkill_leaves_whole_articles_and_the_next_crawl_completes(tmp_path: Path) -> None:
    with serve_site("news") as site:
        site.slow_seconds = 4
        config = write_config(tmp_path / "claimwatch.toml", site.base, timeout=10)
        process = _start(config)
        _wait_for_slow_request(site, process)
        time.sleep(0.3)
        process.kill()
        process.communicate(timeout=10)
        database = connect(tmp_path / "claimwatch.db")
        try:
            assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            orphans = database.execute(
                "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM versions v WHERE v.article_id = a.id)"
            ).fetchone()[0]
        finally:
            database.close()
        assert orphans == 0
        site.slow_seconds = 0
        result = run_crawl(config, "--quiet")
    assert "Traceback" not in result.stderr
    database = connect(tmp_path / "claimwatch.db")
    try:
        articles = database.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        statuses = [row[0] for row in database.execute("SELECT status FROM runs ORDER BY id")]
    finally:
        database.close()
    assert articles == 9  # the 8 articles plus the slow page, which now answers in time
    assert statuses[-1] == "ok"
    assert statuses[0] == "interrupted"  # the killed crawl's run, closed by the next crawl
