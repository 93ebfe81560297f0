"""Shared pytest fixtures: temporary databases, configs and the shared/ folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from db.schema import connect

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claimwatch.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[sqlite_utils.Database]:
    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared() -> Path:
    """../shared, or skip: it is there on dev and CI machines, not in a user's clone."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"{SHARED} not present (the team's shared fixtures folder)")
    return SHARED


def _required_under_ci(reason: str) -> None:
    """Skip, except under CI (CI=true), where a missing service is a failure."""
    import os

    if os.environ.get("CI") == "true":
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


# Module scope, not session: while Playwright's sync API is open, the main thread counts as
# running an asyncio loop, which breaks later tests that call asyncio.run().
@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[object]:
    """Debian's headless chromium driven by Playwright (skips when absent; fails under CI)."""
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        _required_under_ci("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _required_under_ci("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser: object) -> Iterator[object]:
    """A fresh page in the shared headless chromium."""
    page = chromium_browser.new_page()  # type: ignore[attr-defined]
    yield page
    page.close()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """redis://127.0.0.1:6379/15 when a Redis server answers there, else a temporary
    ``redis-server`` on a free port if one is installed (skips otherwise; fails under CI)."""
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pass
    else:
        yield url
        return
    with _temporary_redis() as temporary:
        if temporary is None:
            _required_under_ci(
                "no Redis server at 127.0.0.1:6379 and no redis-server to start "
                "(apt-get install redis-server)"
            )
        yield temporary


@contextmanager
def _temporary_redis() -> Iterator[str | None]:
    """A throwaway redis-server on 127.0.0.1 (no persistence), or None when none is installed."""
    import shutil
    import socket
    import subprocess
    import time

    import redis

    executable = shutil.which("redis-server")
    if executable is None:
        yield None
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            executable,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/15"
    try:
        for _ in range(50):
            try:
                redis.Redis.from_url(url, socket_connect_timeout=1).ping()
                break
            except redis.RedisError:
                time.sleep(0.1)
        else:
            yield None
            return
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
