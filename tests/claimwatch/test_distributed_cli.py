"""``claimwatch enqueue``, ``claimwatch ingest`` and ``crawl --distributed``: URLs, errors, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from claimwatch.cli import cli
from crawler.distributed.records import encode_item
from crawler.items import Article
from db.schema import connect
from tests.crawler.distributed_site import redis_prefix

REPO = Path(__file__).resolve().parent.parent.parent

CONFIG = """
[database]
path = "claimwatch.db"
[distributed]
redis = "{redis}"
[[outlets]]
name = "wire"
feeds = ["https://news.example.org/rss.xml"]
sections = ["https://news.example.org/world/", "https://news.example.org/business/"]
"""


@pytest.fixture
def prefix(redis_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    with redis_prefix(redis_url, request.node.name[:16]) as name:
        yield name


@pytest.fixture
def server(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def _config(tmp_path: Path, redis: str = "") -> Path:
    path = tmp_path / "claimwatch.toml"
    path.write_text(CONFIG.format(redis=redis), encoding="utf-8")
    return path


def _invoke(runner: CliRunner, config: Path, *args: str, env: dict | None = None) -> object:
    return runner.invoke(
        cli, ["--config", str(config), *args], env={"CLAIMWATCH_REDIS": None, **(env or {})}
    )


def test_enqueue_seeds_feeds_and_sections(
    tmp_path: Path, runner: CliRunner, redis_url: str, prefix: str, server: redis.Redis
) -> None:
    config = _config(tmp_path)
    result = _invoke(
        runner, config, "enqueue", "wire", "--redis", f"{redis_url}#{prefix}", "--format", "json"
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert json.loads(result.output) == [  # type: ignore[attr-defined]
        {"outlet": "wire", "feeds": 1, "sitemaps": 0, "sections": 2, "round": 1}
    ]
    assert server.llen(f"{prefix}:seeds") == 3
    assert json.loads(server.hget(f"{prefix}:outlets", "wire"))["name"] == "wire"


def test_the_redis_url_comes_from_the_environment_or_the_config(
    tmp_path: Path, runner: CliRunner, redis_url: str, prefix: str, server: redis.Redis
) -> None:
    from_env = _invoke(
        runner, _config(tmp_path), "enqueue", env={"CLAIMWATCH_REDIS": f"{redis_url}#{prefix}"}
    )
    assert from_env.exit_code == 0, from_env.output  # type: ignore[attr-defined]
    from_config = _invoke(runner, _config(tmp_path, f"{redis_url}#{prefix}"), "enqueue")
    assert from_config.exit_code == 0, from_config.output  # type: ignore[attr-defined]
    assert server.llen(f"{prefix}:seeds") == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["enqueue"], "Error: no Redis URL: pass one, set CLAIMWATCH_REDIS or [distributed] redis"),
        (["enqueue", "--redis", "http://x"], "Error: bad Redis URL 'http://x'"),
        (["enqueue", "--redis", "redis://127.0.0.1:6379/0#a b"], "Error: bad key prefix 'a b'"),
        (["enqueue", "--redis", "redis://127.0.0.1:1/0"], "Error: cannot reach Redis at"),
        (["enqueue", "nope", "--redis", "redis://127.0.0.1:1/0"], "no outlet named 'nope'"),
        (["ingest", "--from", "redis://127.0.0.1:1/0"], "Error: cannot reach Redis at"),
        (
            ["crawl", "--distributed", "redis://127.0.0.1:1/0", "wire"],
            "--distributed takes no OUTLET",
        ),
        (["crawl", "--until-idle", "5"], "Error: --until-idle is for --distributed workers"),
        (["crawl", "--distributed"], "Error: no Redis URL"),  # none configured
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    tmp_path: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    result = _invoke(runner, _config(tmp_path), *args)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert message in result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_ingest_finishes_its_item_on_sigterm_and_exits_0(
    tmp_path: Path, runner: CliRunner, redis_url: str, prefix: str, server: redis.Redis
) -> None:
    config = _config(tmp_path)
    article = Article(url="https://news.example.org/a", text="Sales rose 5%.", outlet="wire")
    server.rpush(f"{prefix}:items", encode_item(article) or b"")
    server.rpush(f"{prefix}:seeds", b"{}")  # crawl work pending: without a signal it never stops
    previous = signal.getsignal(signal.SIGTERM)
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    started = time.monotonic()
    try:
        result = _invoke(
            runner, config, "ingest", "--from", f"{redis_url}#{prefix}", "--format", "json"
        )
    finally:
        timer.cancel()
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert time.monotonic() - started < 10
    assert json.loads(result.output)[0]["new"] == 1  # type: ignore[attr-defined]
    db = connect(tmp_path / "claimwatch.db")
    assert db.execute("SELECT status, articles_new FROM runs").fetchall() == [("interrupted", 1)]
    db.close()
    assert signal.getsignal(signal.SIGTERM) is previous  # the handler is put back


def test_a_worker_stops_on_sigterm_with_exit_0(
    tmp_path: Path, redis_url: str, prefix: str, server: redis.Redis
) -> None:
    config = _config(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "claimwatch", "--config", str(config)]
    worker = subprocess.Popen(
        [*command, "crawl", "--distributed", f"{redis_url}#{prefix}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not server.scard(f"{prefix}:workers") and time.monotonic() < deadline:
        assert worker.poll() is None, worker.communicate()[1][-2000:]
        time.sleep(0.1)
    worker.send_signal(signal.SIGTERM)
    out, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err[-2000:]
    assert "worker stopped (shutdown)" in out
    assert not server.scard(f"{prefix}:workers")  # it deregistered and released its lease


def test_an_ingester_killed_halfway_loses_no_item(
    tmp_path: Path, redis_url: str, prefix: str, server: redis.Redis, runner: CliRunner
) -> None:
    config = _config(tmp_path)
    for number in range(200):
        article = Article(
            url=f"https://news.example.org/2025/story-{number}",
            text=f"Story {number}: the port handled {number + 10} ships.",
            outlet="wire",
        )
        server.rpush(f"{prefix}:items", encode_item(article) or b"")
    url = f"{redis_url}#{prefix}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    ingester = subprocess.Popen(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "ingest", "--from", url],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while server.llen(f"{prefix}:items") > 100 and time.monotonic() < deadline:
        assert ingester.poll() is None, ingester.communicate()[1][-2000:]
        time.sleep(0.01)
    ingester.send_signal(signal.SIGKILL)
    ingester.wait(timeout=10)
    db = connect(tmp_path / "claimwatch.db")
    stored_before = db.execute("SELECT count(*) FROM versions").fetchone()[0]
    db.close()
    assert 0 < stored_before < 200  # killed halfway

    result = _invoke(
        runner, config, "ingest", "--from", url, "--until-idle", "0", "--format", "json"
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    db = connect(tmp_path / "claimwatch.db")
    counts = db.execute("SELECT count(*), count(DISTINCT article_id) FROM versions").fetchone()
    db.close()
    assert counts == (200, 200)  # every item stored, none twice
    assert server.llen(f"{prefix}:items:processing") == 0
