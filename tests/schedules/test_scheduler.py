"""The job store beside the database, config sync, the lock file, and the daemon loop."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from schedules.notify import NotifySettings
from schedules.scheduler import (
    DIGEST_JOB_ID,
    DaemonSettings,
    JobInfo,
    SchedulerLocked,
    _new_scheduler,
    add_crawl,
    job_store,
    jobstore_path,
    list_jobs,
    remove_crawl,
    run_daemon,
    scheduler_lock,
    sync_config_jobs,
)
from schedules.triggers import (
    CrawlSchedule,
    ScheduleError,
    _crontab_weekdays,
    cron_trigger,
    weekly_trigger,
)
from tests.schedules.servers import webhook_receiver
from tests.schedules.test_jobs import FAKE_CRAWL


@contextmanager
def paused_scheduler(db_path: Path) -> Iterator[BackgroundScheduler]:
    """The daemon's scheduler on the job store, started paused (nothing here is due)."""
    scheduler = _new_scheduler(db_path, 600, daemon=False)
    scheduler.start(paused=True)
    try:
        yield scheduler
    finally:
        scheduler.shutdown(wait=False)


@pytest.mark.parametrize(
    ("crontab", "names"),
    [
        ("1", "mon"),
        ("0", "sun"),
        ("7", "sun"),
        ("1-5", "mon,tue,wed,thu,fri"),
        ("*/2", "tue,thu,sat,sun"),  # crontab: Sunday, Tuesday, Thursday, Saturday
        ("5-0", "fri,sat,sun"),
        ("mon-wed", "mon,tue,wed"),
        ("*", "*"),
    ],
)
def test_crontab_weekdays_count_sunday_as_zero(crontab: str, names: str) -> None:
    assert _crontab_weekdays(crontab) == names


def test_cron_monday_seven_runs_on_a_monday() -> None:
    trigger = cron_trigger("0 7 * * 1")
    start = datetime(2026, 11, 26, 12, 0).astimezone()  # a Thursday
    fire = trigger.get_next_fire_time(None, start)
    assert (fire.weekday(), fire.hour, fire.minute) == (0, 7, 0)


@pytest.mark.parametrize("bad", ["0 7 * *", "61 7 * * 1", "0 7 * * 9", "0 7 * * funday"])
def test_bad_cron_expressions_are_schedule_errors(bad: str) -> None:
    with pytest.raises(ScheduleError, match="bad cron expression"):
        cron_trigger(bad)


def test_add_list_remove_use_a_job_store_beside_the_database(db_path: Path) -> None:
    add_crawl(db_path, CrawlSchedule("wire", every=timedelta(minutes=30)), 600)
    add_crawl(db_path, CrawlSchedule("post", cron="0 7 * * 1"), 600)
    add_crawl(db_path, CrawlSchedule("wire", every=timedelta(hours=2)), 600)  # replaces
    assert jobstore_path(db_path) == db_path.with_name("claimwatch-jobs.sqlite")
    assert jobstore_path(db_path).exists() and not db_path.exists()
    jobs = {info.id: info for info in list_jobs(db_path)}
    assert set(jobs) == {"crawl:wire", "crawl:post"}
    assert jobs["crawl:wire"].schedule == "every 2h"
    assert jobs["crawl:post"].schedule == "cron day_of_week=mon hour=7 minute=0"
    assert jobs["crawl:post"].next_run is not None and jobs["crawl:post"].next_run.weekday() == 0
    with job_store(db_path) as store:
        job = store.lookup_job("crawl:wire")
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 600)
    assert remove_crawl(db_path, "wire").outlet == "wire"
    assert [info.id for info in list_jobs(db_path)] == ["crawl:post"]
    with pytest.raises(ScheduleError, match="wire has no schedule"):
        remove_crawl(db_path, "wire")


def test_list_shows_config_schedules_before_a_daemon_stored_them(db_path: Path) -> None:
    planned = [CrawlSchedule("wire", every=timedelta(hours=1))]
    jobs = list_jobs(db_path, planned, weekly_trigger("mon", 7, 0))
    assert [(j.id, j.origin) for j in jobs] == [
        ("crawl:wire", "config (pending)"),
        (DIGEST_JOB_ID, "config (pending)"),
    ]
    assert all(isinstance(j, JobInfo) and j.next_run for j in jobs)


def test_sync_keeps_run_times_and_explicit_schedules(db_path: Path) -> None:
    add_crawl(db_path, CrawlSchedule("manual", every=timedelta(minutes=5)), 600)
    config = [
        CrawlSchedule("hourly", every=timedelta(hours=1)),
        CrawlSchedule("manual", every=timedelta(hours=1)),
        CrawlSchedule("dropped", every=timedelta(hours=1)),
    ]
    with paused_scheduler(db_path) as scheduler:
        sync_config_jobs(scheduler, config, weekly_trigger("mon", 7, 0), 300)
        first = scheduler.get_job("crawl:hourly").next_run_time
    with paused_scheduler(db_path) as scheduler:
        sync_config_jobs(scheduler, config[:2], None, 300)
        jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"crawl:hourly", "crawl:manual"}  # dropped outlet and digest gone
    assert jobs["crawl:hourly"].next_run_time == first  # unchanged trigger keeps its time
    assert str(jobs["crawl:manual"].trigger) == "interval[0:05:00]"  # `schedule add` wins
    assert all(job.misfire_grace_time == 300 for job in jobs.values())


def test_only_one_scheduler_per_database(db_path: Path) -> None:
    with scheduler_lock(db_path):
        with pytest.raises(
            SchedulerLocked, match="a scheduler is already running for .*claimwatch.db"
        ):
            with scheduler_lock(db_path):
                pass
    with scheduler_lock(db_path):  # released on the way out
        pass


def test_daemon_runs_crawls_without_overlap_and_delivers_flags(
    db: sqlite_utils.Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_CRAWL_SECONDS", "0.7")  # longer than the interval: runs would overlap
    stop = threading.Event()
    started: list[list[JobInfo]] = []
    digests: list[datetime] = []
    with webhook_receiver() as hook:
        settings = DaemonSettings(
            db_path=db_path,
            command_prefix=[sys.executable, str(FAKE_CRAWL), "--db", str(db_path)],
            crawl_timeout=10.0,
            misfire_grace=1,
            notify=NotifySettings(webhook=hook.url),
            crawls=[CrawlSchedule("wire", every=timedelta(seconds=0.5))],
            digest_trigger=CronTrigger(second="*"),  # weekly in real life
            digest=digests.append,
            kill_grace=2.0,
        )
        daemon = threading.Thread(target=run_daemon, args=(settings, stop, started.append))
        daemon.start()
        threading.Event().wait(4.0)
        with pytest.raises(SchedulerLocked):
            run_daemon(settings)
        stop.set()
        daemon.join(timeout=15)
        assert not daemon.is_alive()
    assert sorted(info.id for info in started[0]) == ["crawl:wire", DIGEST_JOB_ID]
    assert len(digests) >= 2  # the digest job ran beside the crawls, in its own executor
    runs = list(db["runs"].rows_where(order_by="id"))
    assert len(runs) >= 2
    for earlier, later in zip(runs, runs[1:], strict=False):
        assert earlier["finished_at"] <= later["started_at"]
    assert {run["status"] for run in runs[:-1]} == {"ok"}
    assert runs[-1]["status"] in ("ok", "interrupted")
    flags = list(db["flags"].rows_where(order_by="id"))
    assert flags and all(flag["delivered_at"] for flag in flags)
    assert sorted(hook.flag_ids()) == [flag["id"] for flag in flags]


def test_a_running_daemon_picks_up_schedules_added_elsewhere(
    db: sqlite_utils.Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("schedules.scheduler.POLL_SECONDS", 0.3)
    stop = threading.Event()
    settings = DaemonSettings(
        db_path=db_path,
        command_prefix=[sys.executable, str(FAKE_CRAWL), "--db", str(db_path)],
        crawl_timeout=10.0,
        misfire_grace=1,
    )
    daemon = threading.Thread(target=run_daemon, args=(settings, stop))
    daemon.start()
    try:
        threading.Event().wait(0.5)
        add_crawl(db_path, CrawlSchedule("late", every=timedelta(seconds=0.5)), 1)
        deadline = time.monotonic() + 10
        while db["runs"].count == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        daemon.join(timeout=15)
    assert [run["outlet"] for run in db["runs"].rows][:1] == ["late"]
