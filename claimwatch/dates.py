"""Days as people type them on the command line: "2025-12-01", "yesterday", "7 days ago"."""

from __future__ import annotations

import re
from datetime import date, datetime

from claimwatch.errors import UsageError

_ISO_LIKE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")


def parse_day(text: str, option: str, *, now: datetime | None = None) -> date:
    """A day from "2025-12-01", "last week", "7 days ago", "yesterday"... or a UsageError.

    Relative dates count back from ``now`` (naive local time when not given).
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        if _ISO_LIKE.match(text):  # 2025-13-01: no month 13 (dateparser would read 13 January)
            raise UsageError(
                f"{option} {text!r}: not a date (YYYY-MM-DD, e.g. 2025-12-01)"
            ) from None
    import dateparser  # slow to import; only needed for relative dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if now is not None:
        settings["RELATIVE_BASE"] = now.replace(tzinfo=None)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        raise UsageError(
            f"{option} {text!r}: not a date (try 2025-12-01, 'last week' or '7 days ago')"
        )
    return parsed.date() if isinstance(parsed, datetime) else parsed
