"""The scheduler's jobs: one crawl of one outlet in a subprocess, and the weekly digest.

Scrapy's Twisted reactor cannot be restarted, so a crawl never runs in the scheduler's
process: it is ``python -m claimwatch crawl OUTLET --quiet`` with a timeout. The crawl
writes its own ``runs`` row; afterwards the job stamps it with the exit code, or marks
it ``interrupted`` when the crawl had to be stopped (timeout, daemon stopping). Then
any undelivered flags are delivered.

Jobs live in a persistent job store, so they are referenced by name and carry only the
outlet; what they need at run time (database, command, timeout, notification
settings, the stop signal) is the :class:`JobRuntime` the daemon installs.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from db.notify_store import close_runs, insert_run, latest_run_id, runs_after
from db.schema import connect
from schedules.notify import NotifySettings, deliver_pending

log = logging.getLogger("claimwatch.schedule")

OUTPUT_TAIL_CHARS = 2000


@dataclass
class JobRuntime:
    """What scheduled jobs need while the daemon runs."""

    db_path: Path
    command_prefix: Sequence[str]  # argv before "crawl OUTLET --quiet"
    crawl_timeout: float
    notify: NotifySettings = field(default_factory=NotifySettings)
    digest: Callable[[datetime], object] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    kill_grace: float = 5.0  # seconds between SIGTERM and SIGKILL
    delivery_lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class CrawlOutcome:
    outlet: str
    status: str  # ok, failed, interrupted, skipped
    exit_code: int | None
    run_ids: list[int]
    started_at: str
    finished_at: str
    seconds: float
    output_tail: str = ""


_runtime: JobRuntime | None = None


def install_runtime(runtime: JobRuntime | None) -> None:
    global _runtime
    _runtime = runtime


def current_runtime() -> JobRuntime:
    if _runtime is None:
        raise RuntimeError("scheduled jobs run only inside `claimwatch schedule run`")
    return _runtime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _terminate(process: subprocess.Popen[bytes], grace: float) -> int:
    """SIGTERM the crawl's process group, SIGKILL it if it has not exited after ``grace``."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            return process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
    return process.wait()


def _tail(output: IO[bytes]) -> str:
    output.seek(0, os.SEEK_END)
    size = output.tell()
    output.seek(max(0, size - OUTPUT_TAIL_CHARS * 4))
    return output.read().decode("utf-8", "replace")[-OUTPUT_TAIL_CHARS:].strip()


def run_crawl(outlet: str, runtime: JobRuntime) -> CrawlOutcome:
    """Crawl one outlet in a subprocess and record how it went as a run."""
    started_at, clock = now_iso(), time.monotonic()
    if runtime.stop.is_set():
        return CrawlOutcome(outlet, "skipped", None, [], started_at, started_at, 0.0)
    db = connect(runtime.db_path)
    try:
        before = latest_run_id(db)
        argv = [*runtime.command_prefix, "crawl", outlet, "--quiet"]
        reason = None
        with tempfile.TemporaryFile() as output:
            # Own session: a Ctrl-C in the terminal reaches the daemon, which stops the crawl itself.
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            deadline = clock + runtime.crawl_timeout
            while process.poll() is None:
                if runtime.stop.wait(0.1):
                    reason = "crawl stopped: the scheduler is stopping"
                elif time.monotonic() > deadline:
                    reason = f"crawl timed out after {runtime.crawl_timeout:g} s"
                if reason:
                    _terminate(process, runtime.kill_grace)
                    break
            exit_code = process.returncode
            tail = _tail(output)
        finished_at = now_iso()
        interrupted = reason is not None
        runs = runs_after(db, outlet, before)
        if runs:
            close_runs(
                db,
                [run["id"] for run in runs],
                exit_code=exit_code,
                finished_at=finished_at,
                interrupted=interrupted,
                error=reason,
            )
            run_ids = [run["id"] for run in runs]
            status = "interrupted" if interrupted else runs_after(db, outlet, before)[-1]["status"]
        else:
            status = "interrupted" if interrupted else ("ok" if exit_code == 0 else "failed")
            errors = [reason] if reason else ([tail] if exit_code else [])
            run_ids = [
                insert_run(
                    db,
                    outlet=outlet,
                    started_at=started_at,
                    finished_at=finished_at,
                    status=status,
                    exit_code=exit_code,
                    errors=errors,
                )
            ]
    finally:
        db.close()
    return CrawlOutcome(
        outlet,
        status,
        exit_code,
        run_ids,
        started_at,
        finished_at,
        time.monotonic() - clock,
        tail,
    )


def deliver(runtime: JobRuntime) -> None:
    """Deliver undelivered flags; one delivery at a time, so no flag goes out twice."""
    with runtime.delivery_lock:
        db = connect(runtime.db_path)
        try:
            deliver_pending(db, runtime.notify)
        finally:
            db.close()


def crawl_job(outlet: str, origin: str = "cli") -> None:
    """Job-store entry point: crawl ``outlet``, record the run, deliver new flags."""
    runtime = current_runtime()
    outcome = run_crawl(outlet, runtime)
    if outcome.status == "skipped":
        log.info("crawl %s not started: the scheduler is stopping", outlet)
        return
    message = "crawl %s: %s (exit %s) in %.1f s, run %s"
    details = (
        outlet,
        outcome.status,
        outcome.exit_code,
        outcome.seconds,
        ", ".join(map(str, outcome.run_ids)),
    )
    if outcome.status == "ok":
        log.info(message, *details)
    else:
        log.warning(
            message + "%s", *details, f"\n{outcome.output_tail}" if outcome.output_tail else ""
        )
    deliver(runtime)


def digest_job() -> None:
    """Job-store entry point: write (and send) the week's digest."""
    runtime = current_runtime()
    if runtime.digest is None:
        log.warning("weekly digest skipped: no digest writer available")
        return
    try:
        result = runtime.digest(datetime.now(UTC))
    except Exception as error:  # the daemon keeps running; next week's digest is another try
        log.error("weekly digest failed: %s", error)
        return
    log.info("weekly digest written: %s", result)
