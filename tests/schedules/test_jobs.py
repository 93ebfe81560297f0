"""A scheduled crawl: a subprocess with a timeout whose exit code lands on its run."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlite_utils

from schedules.jobs import JobRuntime, digest_job, install_runtime, run_crawl

FAKE_CRAWL = Path(__file__).resolve().parent.parent / "fixtures" / "schedules" / "fake_crawl.py"


def _runtime(db_path: Path, **overrides: object) -> JobRuntime:
    settings: dict = {
        "db_path": db_path,
        "command_prefix": [sys.executable, str(FAKE_CRAWL), "--db", str(db_path)],
        "crawl_timeout": 20.0,
        "kill_grace": 2.0,
    }
    return JobRuntime(**(settings | overrides))  # type: ignore[arg-type]


def test_exit_code_is_recorded_on_the_crawls_run(db: sqlite_utils.Database, db_path: Path) -> None:
    outcome = run_crawl("wire", _runtime(db_path))
    assert outcome.status == "ok" and outcome.exit_code == 0
    [run] = list(db["runs"].rows)
    assert run["id"] in outcome.run_ids
    assert (run["status"], run["exit_code"], run["pages"]) == ("ok", 0, 1)


def test_a_crawl_that_fails_to_start_gets_a_failed_run(
    db: sqlite_utils.Database, db_path: Path
) -> None:
    outcome = run_crawl("broken", _runtime(db_path))
    assert outcome.status == "failed" and outcome.exit_code == 2
    [run] = list(db["runs"].rows)
    assert (run["outlet"], run["status"], run["exit_code"]) == ("broken", "failed", 2)
    assert "no outlet named 'broken'" in json.loads(run["error_log"])[0]
    assert run["finished_at"] >= run["started_at"]


def test_a_crawl_past_its_timeout_is_killed_and_interrupted(
    db: sqlite_utils.Database, db_path: Path
) -> None:
    began = time.monotonic()
    outcome = run_crawl("slow", _runtime(db_path, crawl_timeout=1.0))
    assert time.monotonic() - began < 10
    assert outcome.status == "interrupted" and outcome.exit_code is not None
    [run] = list(db["runs"].rows)
    assert run["status"] == "interrupted" and run["finished_at"]
    assert run["exit_code"] == outcome.exit_code < 0  # killed by a signal
    assert json.loads(run["error_log"]) == ["crawl timed out after 1 s"]


def test_stopping_the_scheduler_interrupts_the_running_crawl(
    db: sqlite_utils.Database, db_path: Path
) -> None:
    runtime = _runtime(db_path)
    threading.Timer(1.0, runtime.stop.set).start()
    outcome = run_crawl("slow", runtime)
    assert outcome.status == "interrupted"
    [run] = list(db["runs"].rows)
    assert run["status"] == "interrupted"
    assert json.loads(run["error_log"]) == ["crawl stopped: the scheduler is stopping"]


def test_no_crawl_starts_once_the_scheduler_is_stopping(
    db: sqlite_utils.Database, db_path: Path
) -> None:
    runtime = _runtime(db_path)
    runtime.stop.set()
    assert run_crawl("wire", runtime).status == "skipped"
    assert db["runs"].count == 0


def test_digest_job_calls_the_writer_and_survives_its_failure(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[datetime] = []

    def writer(now: datetime) -> list[str]:
        calls.append(now)
        if len(calls) == 2:
            raise OSError("disk full")
        return ["digests/2026-W47.html"]

    install_runtime(_runtime(db_path, digest=writer))
    try:
        with caplog.at_level(logging.INFO, logger="claimwatch.schedule"):
            digest_job()
            digest_job()
    finally:
        install_runtime(None)
    assert len(calls) == 2 and calls[0].tzinfo is not None
    messages = [record.getMessage() for record in caplog.records]
    assert "weekly digest written: ['digests/2026-W47.html']" in messages
    assert "weekly digest failed: disk full" in messages
