"""End to end on real Redis: two worker processes and one ingester over a 200-page site.

Each worker is ``python -m claimwatch crawl --distributed`` in its own process (a Scrapy
reactor per process); the ingester runs in the test process through the CLI.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import redis
from click.testing import CliRunner

from claimwatch.cli import cli
from crawler.distributed import RedisKeys
from crawler.distributed.ingest import Ingester
from db.schema import connect
from tests.crawler.distributed_site import Site, redis_prefix, serve_site, write_config

REPO = Path(__file__).resolve().parent.parent.parent
PAGES = 200


def _worker(config: Path, url: str, *, lease: float = 30.0) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "CLAIMWATCH_WORKER_LEASE": str(lease)}
    env.pop("CLAIMWATCH_DB", None)
    command = [sys.executable, "-m", "claimwatch", "--config", str(config)]
    command += ["crawl", "--distributed", url, "--until-idle", "1"]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _enqueue(runner: CliRunner, config: Path, url: str) -> None:
    result = runner.invoke(cli, ["--config", str(config), "enqueue", "--redis", url])
    assert result.exit_code == 0, result.output


def _ingest(runner: CliRunner, config: Path, url: str) -> str:
    args = [
        "--config",
        str(config),
        "ingest",
        "--from",
        url,
        "--until-idle",
        "1",
        "--format",
        "jsonl",
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


def _stored(config: Path) -> tuple[int, int, int]:
    db = connect(config.parent / "claimwatch.db")
    try:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        versions = db.execute("SELECT count(*) FROM versions").fetchone()[0]
        most = db.execute(
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM versions GROUP BY article_id)"
        ).fetchone()[0]
    finally:
        db.close()
    return articles, versions, most


def _article_hits(site: Site) -> list[int]:
    return [site.hits[path] for path in site.article_paths()]


def test_two_workers_and_one_ingester_store_every_article_once(
    tmp_path: Path, redis_url: str, runner: CliRunner
) -> None:
    with (
        serve_site(PAGES, delay=0.005, broken=True) as site,
        redis_prefix(redis_url, "two") as prefix,
    ):
        config = write_config(tmp_path / "claimwatch.toml", site)
        url = f"{redis_url}#{prefix}"
        _enqueue(runner, config, url)
        workers = [_worker(config, url) for _ in range(2)]
        summary = _ingest(runner, config, url)
        outputs = [worker.communicate(timeout=60) for worker in workers]
        first_round = dict(site.hits)
        # A second round (enqueue again): the listings are read again; stored articles are
        # not fetched again (older than recheck_days: the worker knows them from the ingester).
        _enqueue(runner, config, url)
        again = _worker(config, url)
        second_summary = _ingest(runner, config, url)
        again_out, again_err = again.communicate(timeout=60)

    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err[-2000:]
        assert re.search(r"worker stopped \(finished\): \d+ pages", out), out
    pages = [int(re.search(r"(\d+) pages", out).group(1)) for out, _ in outputs]  # type: ignore[union-attr]
    # articles, the 404, feed, sitemap, section pages (the refused redirect is no page)
    assert sum(pages) == PAGES + 1 + 1 + 1 + PAGES // 25
    assert min(pages) > 0, f"one worker did all the work: {pages}"
    assert _stored(config) == (PAGES, PAGES, 1)
    assert all(count == 1 for count in first_round.values()), Counter(first_round).most_common(3)
    assert len(first_round) == PAGES + 2 + 1 + 1 + PAGES // 25  # no URL fetched twice
    assert '"new": 200' in summary and '"tracked": 200' in summary and '"errors": 2' in summary
    db = connect(config.parent / "claimwatch.db")
    runs = db.execute(
        "SELECT outlet, status, articles_new, errors, error_log FROM runs ORDER BY id"
    ).fetchall()
    db.close()
    assert [run[:4] for run in runs] == [
        ("harbour-news", "ok", PAGES, 2),
        ("harbour-news", "ok", 0, 2),
    ]
    assert "story-gone: HTTP 404" in runs[0][4]  # a worker's failure reaches the run
    assert "redirect to http://169.254.169.254/latest/meta-data/ refused" in runs[0][4]
    assert not any("in-flight entries" in err for _, err in outputs)  # every request acknowledged

    assert again.returncode == 0, again_err[-2000:]
    assert _article_hits(site) == [1] * PAGES
    assert site.hits["/feed.xml"] == 2 and site.hits["/news/?page=8"] == 2
    assert '"items": 2' in second_summary  # only the two broken links' errors
    assert _stored(config) == (PAGES, PAGES, 1)


def test_a_worker_killed_halfway_loses_no_article(
    tmp_path: Path, redis_url: str, runner: CliRunner
) -> None:
    server = redis.Redis.from_url(redis_url)
    with serve_site(PAGES, delay=0.02) as site, redis_prefix(redis_url, "kill") as prefix:
        config = write_config(tmp_path / "claimwatch.toml", site)
        url = f"{redis_url}#{prefix}"
        _enqueue(runner, config, url)
        victim, survivor = (_worker(config, url, lease=1.0) for _ in range(2))
        deadline = time.monotonic() + 40
        while server.llen(f"{prefix}:items") < PAGES // 2 and time.monotonic() < deadline:
            assert victim.poll() is None and survivor.poll() is None, "a worker exited early"
            time.sleep(0.02)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        out, err = survivor.communicate(timeout=60)
        # The crawl side is under test here: store without tracking (the CLI test tracks).
        db = connect(config.parent / "claimwatch.db")
        Ingester(db, server, RedisKeys(prefix)).run(until_idle=0)
        db.close()
    server.close()

    assert victim.returncode == -signal.SIGKILL
    assert survivor.returncode == 0, err[-2000:]
    assert "stopped answering: re-queued" in err  # the victim's in-flight requests came back
    assert _stored(config) == (PAGES, PAGES, 1)
    assert min(_article_hits(site)) == 1
