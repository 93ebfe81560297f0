"""The time window a digest covers: an ISO week, or a range of whole days (UTC)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from claimwatch.dates import parse_day
from claimwatch.errors import UsageError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True)
class Window:
    """Whole days from ``since`` (inclusive) to ``until`` (exclusive)."""

    since: date
    until: date
    week: str | None = None  # "2025-W50" when the window is an ISO week

    @property
    def last_day(self) -> date:
        return self.until - timedelta(days=1)

    @property
    def label(self) -> str:
        """'2025-W50 (2025-12-08 to 2025-12-14)' or '2025-12-01 to 2025-12-03'."""
        days = f"{self.since.isoformat()} to {self.last_day.isoformat()}"
        return f"{self.week} ({days})" if self.week else days

    @property
    def slug(self) -> str:
        """For file names: '2025-W50' or '2025-12-01--2025-12-03'."""
        return self.week or f"{self.since.isoformat()}--{self.last_day.isoformat()}"

    def days(self) -> list[date]:
        return [self.since + timedelta(days=n) for n in range((self.until - self.since).days)]

    def bounds(self) -> tuple[str, str]:
        """The window as the ISO date strings the digest queries take."""
        return self.since.isoformat(), self.until.isoformat()


def iso_week(year: int, week: int) -> Window:
    monday = date.fromisocalendar(year, week, 1)
    return Window(monday, monday + timedelta(days=7), f"{year}-W{week:02d}")


def parse_week(text: str) -> Window:
    """'2025-W50' (or '2025W50') -> that ISO week; UsageError otherwise."""
    match = _WEEK.match(text.strip())
    if match:
        try:
            return iso_week(int(match.group(1)), int(match.group(2)))
        except ValueError:
            pass
    raise UsageError(f"bad week {text!r}: use an ISO week like 2025-W50 (weeks 01 to 52 or 53)")


def last_full_week(now: datetime | None = None) -> Window:
    """The ISO week before the one containing ``now`` (UTC)."""
    now = now or datetime.now(UTC)
    if now.tzinfo is not None:
        now = now.astimezone(UTC)
    year, week, _ = (now.date() - timedelta(days=7)).isocalendar()
    return iso_week(year, week)


def choose_window(
    week: str | None, since: str | None, until: str | None, now: datetime | None = None
) -> Window:
    """The window named by the CLI options: --week, or --since/--until (inclusive days:
    2025-12-01, 'yesterday', '7 days ago', counted back from ``now`` in UTC).

    --since alone runs to today; --until alone covers the seven days ending then;
    nothing at all is the last full ISO week.
    """
    if week and (since or until):
        raise UsageError("use either --week or --since/--until, not both")
    if week:
        return parse_week(week)
    if not since and not until:
        return last_full_week(now)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    last = parse_day(until, "--until", now=moment) if until else moment.date()
    first = parse_day(since, "--since", now=moment) if since else last - timedelta(days=6)
    if first > last:
        raise UsageError(f"--since {first} is after --until {last}")
    return Window(first, last + timedelta(days=1))
