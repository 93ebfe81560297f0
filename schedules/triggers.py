"""Triggers: crontab lines, weekly times and intervals as APScheduler 3 triggers, and back.

Standard crontab counts weekday 0 (and 7) as Sunday while APScheduler 3 counts 0 as
Monday (its issue 286), so a crontab weekday field is expanded to weekday names here
rather than handed over as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

_CRONTAB_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


class ScheduleError(Exception):
    """A schedule that cannot be used (bad cron expression, unknown job)."""


def _crontab_weekdays(field_text: str) -> str:
    """Crontab's day-of-week field (0 or 7 = Sunday) as APScheduler 3 weekday names.

    APScheduler 3 counts 0 as Monday (its issue 286), so "0 7 * * 1" handed over as is
    would run on Tuesdays; expanding to names removes the ambiguity.
    """
    if field_text == "*":
        return "*"
    days: set[int] = set()
    for part in field_text.lower().split(","):
        base, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if base == "*":
            first, last = 0, 6
        else:
            low, _, high = base.partition("-")
            first = _crontab_day(low)
            last = _crontab_day(high) if high else (6 if step_text else first)
            if high and last == 0 and first > 0:
                last = 7  # "5-0" / "5-7": Friday to Sunday
        if step < 1 or last < first:
            raise ValueError(f"bad day of week {part!r}")
        days.update(day % 7 for day in range(first, last + 1, step))
    order = [1, 2, 3, 4, 5, 6, 0]  # APScheduler lists Monday first
    return ",".join(_CRONTAB_DAYS[day] for day in order if day in days)


def _crontab_day(text: str) -> int:
    if text in _CRONTAB_DAYS:
        return _CRONTAB_DAYS.index(text)
    if text.isdigit() and 0 <= int(text) <= 7:
        return int(text)
    raise ValueError(f"bad day of week {text!r}")


def cron_trigger(expression: str) -> CronTrigger:
    """A standard five-field crontab line ("0 7 * * 1": Mondays 07:00, local time)."""
    fields = expression.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"bad cron expression {expression!r}: use five fields, minute hour day month weekday"
        )
    minute, hour, day, month, weekday = fields
    try:
        return CronTrigger(
            minute=minute, hour=hour, day=day, month=month, day_of_week=_crontab_weekdays(weekday)
        )
    except ValueError as error:
        raise ScheduleError(f"bad cron expression {expression!r}: {error}") from None


def weekly_trigger(day: str, hour: int, minute: int) -> CronTrigger:
    return CronTrigger(day_of_week=day, hour=hour, minute=minute)


@dataclass(frozen=True)
class CrawlSchedule:
    """When to crawl one outlet: an interval or a cron expression."""

    outlet: str
    every: timedelta | None = None
    cron: str | None = None

    def trigger(self) -> BaseTrigger:
        if self.every is not None:
            return IntervalTrigger(seconds=self.every.total_seconds())
        if self.cron:
            return cron_trigger(self.cron)
        raise ScheduleError(f"no interval or cron expression for {self.outlet}")


def describe_trigger(trigger: BaseTrigger) -> str:
    if isinstance(trigger, IntervalTrigger):
        return f"every {_interval_text(trigger.interval)}"
    if isinstance(trigger, CronTrigger):
        fields = {f.name: str(f) for f in trigger.fields if not f.is_default and str(f) != "*"}
        return "cron " + " ".join(f"{name}={value}" for name, value in fields.items())
    return str(trigger)


def _interval_text(interval: timedelta) -> str:
    seconds = interval.total_seconds()
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
