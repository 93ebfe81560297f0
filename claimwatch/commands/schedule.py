"""``claimwatch schedule add | list | remove | run``: crawls on a timetable, and the daemon.

The commands turn the config into plain settings for ``schedules/`` (which knows
nothing of claimwatch's config) and its errors into one-line messages.
"""

from __future__ import annotations

import logging
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import click
from apscheduler.triggers.cron import CronTrigger

from claimwatch.config import Config, parse_interval, parse_weekly
from claimwatch.context import AppContext, pass_app
from claimwatch.digest import write_scheduled_digests
from claimwatch.errors import UsageError
from claimwatch.output import format_option, print_records
from schedules.notify import NotifySettings, SmtpSettings
from schedules.scheduler import (
    DaemonSettings,
    SchedulerLocked,
    add_crawl,
    list_jobs,
    remove_crawl,
    run_daemon,
)
from schedules.triggers import CrawlSchedule, ScheduleError, weekly_trigger

log = logging.getLogger("claimwatch.schedule")


def _seconds(text: str, what: str) -> float:
    try:
        return parse_interval(text).total_seconds()
    except ValueError as error:
        raise UsageError(f"{what}: {error}") from None


def config_crawls(config: Config) -> list[CrawlSchedule]:
    """Outlets whose config says ``every = "1h"``."""
    return [
        CrawlSchedule(outlet.name, every=parse_interval(outlet.every))
        for outlet in config.outlets
        if outlet.every
    ]


def digest_trigger(config: Config) -> CronTrigger | None:
    """The weekly digest's trigger when the config has a [digest] table, else None."""
    if "digest" not in config.model_fields_set:
        return None
    return weekly_trigger(*parse_weekly(config.digest.every))


def notify_settings(config: Config) -> NotifySettings:
    smtp = config.notify.smtp
    return NotifySettings(
        webhook=config.notify.webhook,
        email=tuple(config.notify.email),
        smtp=SmtpSettings(
            host=smtp.host,
            port=smtp.port,
            username=smtp.username,
            password=smtp.password,
            sender=smtp.sender,
            starttls=smtp.starttls,
        ),
    )


def _digest_writer(config: Config, db_path: Path) -> Callable[[datetime], object]:
    def write(now: datetime) -> object:
        return write_scheduled_digests(config, db_path, now)

    return write


@contextmanager
def _log_to_stderr() -> Iterator[None]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    ours, theirs = logging.getLogger("claimwatch"), logging.getLogger("apscheduler")
    levels = (ours.level, theirs.level)
    ours.addHandler(handler)
    theirs.addHandler(handler)
    ours.setLevel(logging.INFO)
    theirs.setLevel(logging.WARNING)
    try:
        yield
    finally:
        ours.removeHandler(handler)
        theirs.removeHandler(handler)
        ours.setLevel(levels[0])
        theirs.setLevel(levels[1])


@click.group()
def schedule() -> None:
    """Crawl outlets on a timetable and deliver the flags they raise.

    Example: claimwatch schedule add example-wire --every 30m && claimwatch schedule run
    """


@schedule.command("add")
@click.argument("outlet")
@click.option("--every", metavar="INTERVAL", help="Interval: 90s, 30m, 1h, 1d, 1w.")
@click.option("--cron", metavar="EXPR", help='Crontab line, local time: "0 7 * * 1".')
@pass_app
def add(app: AppContext, outlet: str, every: str | None, cron: str | None) -> None:
    """Schedule (or reschedule) crawls of a configured outlet.

    Example: claimwatch schedule add example-wire --cron "0 7 * * 1"
    """
    if (every is None) == (cron is None):
        raise UsageError("give exactly one of --every INTERVAL or --cron EXPR")
    app.config.outlet(outlet)  # an unknown outlet is a config error now, not a failed crawl later
    app.check_db()
    interval = timedelta(seconds=_seconds(every, "--every")) if every else None
    grace = int(_seconds(app.config.schedule.misfire_grace, "schedule.misfire_grace"))
    try:
        info = add_crawl(app.db_path, CrawlSchedule(outlet, every=interval, cron=cron), grace)
    except ScheduleError as error:
        raise UsageError(str(error)) from None
    next_run = info.next_run.isoformat(timespec="seconds") if info.next_run else "never"
    click.echo(f"scheduled {outlet}: {info.schedule}, next run {next_run}")


@schedule.command("list")
@format_option
@pass_app
def list_command(app: AppContext, output_format: str) -> None:
    """Show scheduled crawls and the digest with their next run times.

    Example: claimwatch schedule list --format json
    """
    app.check_db()
    infos = list_jobs(app.db_path, config_crawls(app.config), digest_trigger(app.config))
    print_records(
        [info.record() for info in infos],
        output_format,
        columns=["id", "kind", "outlet", "schedule", "next_run", "origin"],
        title="schedules",
    )


@schedule.command("remove")
@click.argument("outlet")
@pass_app
def remove(app: AppContext, outlet: str) -> None:
    """Stop crawling an outlet on a schedule.

    Example: claimwatch schedule remove example-wire
    """
    app.check_db()
    try:
        info = remove_crawl(app.db_path, outlet)
    except ScheduleError as error:
        raise UsageError(str(error)) from None
    click.echo(f"removed the schedule of {outlet} ({info.schedule})")
    if any(schedule.outlet == outlet for schedule in config_crawls(app.config)):
        click.echo(
            f"note: {outlet} has `every` in its config; `schedule run` will schedule it again",
            err=True,
        )


@schedule.command("run")
@click.option(
    "--crawl-command",
    hidden=True,
    help="Command run instead of `python -m claimwatch` for each crawl (tests).",
)
@pass_app
def run(app: AppContext, crawl_command: str | None) -> None:
    """Run the scheduler in the foreground until SIGTERM or Ctrl-C.

    Runs the stored schedules, every outlet with `every` in the config and the weekly
    digest of [digest]; delivers flags by [notify] after each crawl.

    Example: claimwatch schedule run
    """
    config = app.config
    db_path = app.db_path.absolute()
    app.open_db().close()  # migrate before any job runs
    prefix = shlex.split(crawl_command) if crawl_command else [sys.executable, "-m", "claimwatch"]
    if config.source_path is not None:
        prefix += ["--config", str(config.source_path.absolute())]
    prefix += ["--db", str(db_path)]
    settings = DaemonSettings(
        db_path=db_path,
        command_prefix=prefix,
        crawl_timeout=_seconds(config.schedule.crawl_timeout, "schedule.crawl_timeout"),
        misfire_grace=int(_seconds(config.schedule.misfire_grace, "schedule.misfire_grace")),
        notify=notify_settings(config),
        crawls=config_crawls(config),
        digest_trigger=digest_trigger(config),
    )
    with _log_to_stderr():
        if settings.digest_trigger is not None:
            settings.digest = _digest_writer(config, db_path)
        try:
            run_daemon(settings)
        except SchedulerLocked as error:
            raise UsageError(str(error)) from None
