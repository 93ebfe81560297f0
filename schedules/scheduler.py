"""APScheduler 3 with a persistent job store beside the database, and the daemon that runs it.

Jobs live in ``<db stem>-jobs.sqlite`` (SQLAlchemyJobStore), never in the claims
database. Crawl jobs have the stable id ``crawl:OUTLET`` and the weekly digest
``digest:weekly``, all added with ``replace_existing``, ``coalesce`` (a backlog of
missed runs becomes one run), ``max_instances=1`` (a crawl never overlaps itself) and
the configured ``misfire_grace_time``. A lock file beside the database lets only one
daemon run per database.

This module knows nothing of claimwatch's config: the CLI hands it plain settings.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.base import ConflictingIdError, JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.exc import SQLAlchemyError

from schedules import jobs
from schedules.jobs import JobRuntime
from schedules.notify import NotifySettings
from schedules.triggers import CrawlSchedule, ScheduleError, describe_trigger

log = logging.getLogger("claimwatch.schedule")

DIGEST_JOB_ID = "digest:weekly"
POLL_SECONDS = 30.0  # how soon `schedule add` / `remove` from another shell reach a running daemon


class SchedulerLocked(Exception):
    """Another scheduler already runs for this database."""


def jobstore_path(db_path: Path) -> Path:
    """claimwatch.db -> claimwatch-jobs.sqlite in the same folder."""
    return db_path.with_name(f"{db_path.stem}-jobs.sqlite")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}-scheduler.lock")


def crawl_job_id(outlet: str) -> str:
    return f"crawl:{outlet}"


@dataclass
class JobInfo:
    id: str
    kind: str  # crawl or digest
    outlet: str | None
    schedule: str
    next_run: datetime | None
    origin: str  # cli (schedule add), config (every / [digest]), or config (pending) before a daemon ran

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "outlet": self.outlet,
            "schedule": self.schedule,
            "next_run": self.next_run.isoformat(timespec="seconds") if self.next_run else None,
            "origin": self.origin,
        }


def _job_info(job: Job) -> JobInfo:
    outlet = job.args[0] if job.id.startswith("crawl:") and job.args else None
    return JobInfo(
        id=job.id,
        kind="crawl" if job.id.startswith("crawl:") else "digest",
        outlet=outlet,
        schedule=describe_trigger(job.trigger),
        next_run=job.next_run_time,
        origin=job.kwargs.get("origin", "config"),
    )


class _DaemonScheduler(BackgroundScheduler):
    """Looks at the job store at least every POLL_SECONDS, so jobs added by another process run."""

    def _process_jobs(self) -> float | None:
        try:
            wait = super()._process_jobs()
        except JobLookupError as error:  # removed by `schedule remove` while it was due
            log.info("job removed while it was due: %s", error)
            wait = 0.0
        return POLL_SECONDS if wait is None else min(wait, POLL_SECONDS)


def _new_scheduler(db_path: Path, misfire_grace: int, *, daemon: bool) -> BackgroundScheduler:
    scheduler_class = _DaemonScheduler if daemon else BackgroundScheduler
    return scheduler_class(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{jobstore_path(db_path)}")},
        # One crawl at a time: SQLite has one writer, and each crawl tracks all pending versions.
        executors={"default": ThreadPoolExecutor(1), "digest": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": misfire_grace},
    )


@contextmanager
def job_store(db_path: Path) -> Iterator[SQLAlchemyJobStore]:
    """The job store alone, for `schedule add | list | remove`: jobs are read and written,
    none is run or has its run time moved, because no scheduler is started (a started one,
    even paused, processes due jobs as it shuts down)."""
    if not db_path.parent.is_dir():
        raise ScheduleError(f"{db_path}: folder {db_path.parent} does not exist")
    store = SQLAlchemyJobStore(url=f"sqlite:///{jobstore_path(db_path)}")
    try:
        store.start(BackgroundScheduler(), "default")  # never started: it only rebuilds Jobs
    except SQLAlchemyError as error:
        raise ScheduleError(f"{jobstore_path(db_path)}: unusable job store ({error})") from None
    try:
        yield store
    except SQLAlchemyError as error:
        raise ScheduleError(f"{jobstore_path(db_path)}: unusable job store ({error})") from None
    finally:
        store.shutdown()


def _crawl_job_kwargs(schedule: CrawlSchedule, misfire_grace: int, origin: str) -> dict[str, Any]:
    return {
        "func": jobs.crawl_job,
        "trigger": schedule.trigger(),
        "args": (schedule.outlet,),
        "kwargs": {"origin": origin},
        "id": crawl_job_id(schedule.outlet),
        "name": f"crawl {schedule.outlet}",
        "coalesce": True,
        "max_instances": 1,
        "misfire_grace_time": misfire_grace,
    }


def _add_crawl_job(
    scheduler: BackgroundScheduler, schedule: CrawlSchedule, misfire_grace: int, origin: str
) -> Job:
    return scheduler.add_job(
        replace_existing=True, **_crawl_job_kwargs(schedule, misfire_grace, origin)
    )


def add_crawl(db_path: Path, schedule: CrawlSchedule, misfire_grace: int) -> JobInfo:
    """Store (or replace) the schedule of one outlet; `schedule add`."""
    trigger = schedule.trigger()  # a bad cron expression fails before the job store is touched
    with job_store(db_path) as store:
        job = Job(
            BackgroundScheduler(),  # never started: a Job names one, the store does not keep it
            executor="default",
            next_run_time=trigger.get_next_fire_time(None, datetime.now().astimezone()),
            **_crawl_job_kwargs(schedule, misfire_grace, "cli"),
        )
        try:
            store.add_job(job)
        except ConflictingIdError:
            store.update_job(job)
        return _job_info(job)


def remove_crawl(db_path: Path, outlet: str) -> JobInfo:
    """Remove an outlet's schedule; raises ScheduleError when there is none."""
    with job_store(db_path) as store:
        job = store.lookup_job(crawl_job_id(outlet))
        if job is None:
            raise ScheduleError(f"{outlet} has no schedule (see 'claimwatch schedule list')")
        store.remove_job(job.id)
        return _job_info(job)


def list_jobs(
    db_path: Path,
    planned: Sequence[CrawlSchedule] = (),
    digest: CronTrigger | None = None,
) -> list[JobInfo]:
    """Stored jobs, plus the config's schedules a daemon has not stored yet."""
    if not jobstore_path(db_path).exists():
        stored: list[JobInfo] = []
    else:
        with job_store(db_path) as store:
            stored = [_job_info(job) for job in store.get_all_jobs()]
    known = {info.id for info in stored}
    now = datetime.now().astimezone()
    pending: list[tuple[str, str | None, BaseTrigger, str]] = [
        (crawl_job_id(s.outlet), s.outlet, s.trigger(), "crawl") for s in planned
    ]
    if digest is not None:
        pending.append((DIGEST_JOB_ID, None, digest, "digest"))
    for job_id, outlet, trigger, kind in pending:
        if job_id not in known:
            stored.append(
                JobInfo(
                    job_id,
                    kind,
                    outlet,
                    describe_trigger(trigger),
                    trigger.get_next_fire_time(None, now),
                    "config (pending)",
                )
            )
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(stored, key=lambda info: (info.next_run or far, info.id))


def sync_config_jobs(
    scheduler: BackgroundScheduler,
    crawls: Sequence[CrawlSchedule],
    digest: CronTrigger | None,
    misfire_grace: int,
) -> None:
    """Make the job store match the config's `every` outlets and [digest], keeping run times.

    A job whose trigger did not change keeps its next run time across daemon restarts.
    A schedule made with `schedule add` wins over the config's `every` for that outlet.
    Config jobs whose outlet or `every` is gone are removed.
    """
    wanted = {crawl_job_id(schedule.outlet): schedule for schedule in crawls}
    for job in scheduler.get_jobs():
        if job.misfire_grace_time != misfire_grace:
            job.modify(misfire_grace_time=misfire_grace)
        stale = job.id.startswith("crawl:") and job.id not in wanted
        if stale and job.kwargs.get("origin") == "config":
            log.info("%s: no longer in the config, unscheduled", job.id)
            scheduler.remove_job(job.id)
    for job_id, schedule in wanted.items():
        existing = scheduler.get_job(job_id)
        if existing is not None and existing.kwargs.get("origin") == "cli":
            log.info("%s: keeping its `schedule add` schedule over the config's every", job_id)
        elif existing is None or str(existing.trigger) != str(schedule.trigger()):
            _add_crawl_job(scheduler, schedule, misfire_grace, "config")
    existing = scheduler.get_job(DIGEST_JOB_ID)
    if digest is None:
        if existing is not None:
            scheduler.remove_job(DIGEST_JOB_ID)
    elif existing is None or str(existing.trigger) != str(digest):
        scheduler.add_job(
            jobs.digest_job,
            trigger=digest,
            id=DIGEST_JOB_ID,
            name="weekly digest",
            kwargs={},
            executor="digest",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=misfire_grace,
        )


@contextmanager
def scheduler_lock(db_path: Path) -> Iterator[Path]:
    """Hold ``<db stem>-scheduler.lock``; raises SchedulerLocked if another process does.

    flock is released by the kernel when the holder dies, so a crash leaves no stale lock.
    """
    path = lock_path(db_path)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise SchedulerLocked(
            f"a scheduler is already running for {db_path} (pid {holder}, lock file {path})"
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
    finally:
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@dataclass
class DaemonSettings:
    db_path: Path
    command_prefix: Sequence[str]
    crawl_timeout: float
    misfire_grace: int
    notify: NotifySettings = field(default_factory=NotifySettings)
    crawls: Sequence[CrawlSchedule] = ()
    digest_trigger: CronTrigger | None = None
    digest: Callable[[datetime], object] | None = None
    kill_grace: float = 5.0


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` (only the main thread can install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        log.info("%s received, stopping", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_daemon(
    settings: DaemonSettings,
    stop: threading.Event | None = None,
    on_started: Callable[[list[JobInfo]], None] | None = None,
) -> None:
    """Run scheduled jobs until ``stop`` is set or SIGTERM/SIGINT arrives.

    On the way out, a running crawl is stopped (SIGTERM, then SIGKILL) and its run is
    recorded as interrupted before this returns.
    """
    stop = stop or threading.Event()
    with scheduler_lock(settings.db_path):
        runtime = JobRuntime(
            db_path=settings.db_path,
            command_prefix=list(settings.command_prefix),
            crawl_timeout=settings.crawl_timeout,
            notify=settings.notify,
            digest=settings.digest,
            stop=stop,
            kill_grace=settings.kill_grace,
        )
        scheduler = _new_scheduler(settings.db_path, settings.misfire_grace, daemon=True)
        jobs.install_runtime(runtime)
        with _stop_on_signals(stop):
            scheduler.start(paused=True)
            try:
                sync_config_jobs(
                    scheduler, settings.crawls, settings.digest_trigger, settings.misfire_grace
                )
                started = [_job_info(job) for job in scheduler.get_jobs()]
                for info in started:
                    log.info("%s: %s, next run %s", info.id, info.schedule, info.next_run)
                if not started:
                    log.warning(
                        "nothing is scheduled yet (claimwatch schedule add OUTLET --every 1h)"
                    )
                if on_started:
                    on_started(started)
                scheduler.resume()
                while not stop.wait(0.5):
                    pass
            finally:
                stop.set()
                scheduler.shutdown(wait=True)  # running crawls see `stop` and end themselves
                jobs.install_runtime(None)
        log.info("scheduler stopped")
