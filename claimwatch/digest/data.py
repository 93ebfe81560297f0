"""Build the digest's data: one :class:`Digest` from the database, ready for any format."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from claimwatch.digest.window import Window
from claimwatch.errors import UsageError
from db import digest_queries as queries

CHANGE_KINDS = ("changed", "revised")  # shown first, each as a card; removed ones collapsed
NEW_KINDS = ("new", "added")
FLAG_KINDS = ("new", "changed", "revised", "added", "removed")
# Charts of values over time are drawn for this many changed keys (the biggest moves).
MAX_HISTORY_CHARTS = 4


@dataclass
class Digest:
    """Everything one digest shows; every renderer reads only this."""

    window: Window
    generated_at: datetime
    outlet: str | None
    source: str | None
    counts: dict[str, int]
    flags: list[dict[str, Any]]
    changes: list[dict[str, Any]]  # changed, then revised: biggest moves first
    removed: list[dict[str, Any]]
    new_figures: list[dict[str, Any]]
    subjects: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    outlets: list[dict[str, Any]]
    failed_runs: list[dict[str, Any]]
    claims_per_day: list[dict[str, Any]]
    histories: list[dict[str, Any]] = field(default_factory=list)

    @property
    def title(self) -> str:
        scope = " · ".join(part for part in (self.outlet, self.source) if part)
        return f"claimwatch digest {self.window.label}" + (f" — {scope}" if scope else "")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["window"] = {
            "since": self.window.since.isoformat(),
            "until": self.window.last_day.isoformat(),
            "week": self.window.week,
        }
        data["generated_at"] = self.generated_at.isoformat(timespec="seconds")
        data["title"] = self.title
        return data


def _move(flag: dict[str, Any]) -> float:
    """How far a figure moved, relative to its old value (for ranking changes)."""
    old, new = flag.get("old_value"), flag.get("new_value")
    if old is None or new is None:
        return 0.0
    return abs(new - old) / (abs(old) or 1.0)


def _group_new(flags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for flag in flags:
        groups[(flag.get("entity") or "", flag.get("metric") or "")].append(flag)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        {"entity": entity, "metric": metric, "flags": items} for (entity, metric), items in ordered
    ]


def _per_day(window: Window, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = {row["day"]: row for row in rows}
    return [
        {
            "day": day.isoformat(),
            "claims": found.get(day.isoformat(), {}).get("claims", 0),
            "articles": found.get(day.isoformat(), {}).get("articles", 0),
        }
        for day in window.days()
    ]


def _histories(
    db: sqlite_utils.Database, changes: list[dict[str, Any]], until: str, outlet: str | None
) -> list[dict[str, Any]]:
    """Reported values over time of the changed keys that moved most (changes come sorted)."""
    histories: list[dict[str, Any]] = []
    for flag in changes:
        if len(histories) == MAX_HISTORY_CHARTS:
            break
        if flag["kind"] != "changed" or not flag["key"]:
            continue
        if any(history["key"] == flag["key"] for history in histories):
            continue
        points = queries.key_history(db, flag["key"], until, outlet=outlet)
        if len(points) >= 2:
            histories.append(
                {key: flag[key] for key in ("key", "entity", "metric", "unit")} | {"points": points}
            )
    return histories


def check_filters(
    db: sqlite_utils.Database,
    outlet: str | None,
    source: str | None,
    configured_outlets: Iterable[str] = (),
) -> None:
    """An outlet (not configured) or source the database has never seen is most likely a typo."""
    if outlet and outlet not in set(configured_outlets) and not queries.outlet_exists(db, outlet):
        raise UsageError(f"no outlet named {outlet!r} in the database")
    if source and not queries.source_exists(db, source):
        raise UsageError(f"no source named {source!r} in the database")


def build_digest(
    db: sqlite_utils.Database,
    window: Window,
    *,
    outlet: str | None = None,
    source: str | None = None,
    now: datetime | None = None,
) -> Digest:
    """Query the database for one window (optionally one outlet / one source)."""
    since, until = window.bounds()
    scope = queries.Scope(since, until, outlet, source)
    flags = queries.flags_in_window(db, scope)
    changes = sorted(
        (flag for flag in flags if flag["kind"] in CHANGE_KINDS),
        key=lambda flag: (CHANGE_KINDS.index(flag["kind"]), -_move(flag), flag["created_at"]),
    )
    per_day = _per_day(window, queries.claims_per_day(db, scope))
    removed = [flag for flag in flags if flag["kind"] == "removed"]
    sources = queries.most_quoted_sources(db, scope)
    failed_runs = [] if source else queries.runs_with_errors(db, scope)
    counts: dict[str, int] = {
        "flags": len(flags),
        **{kind: sum(flag["kind"] == kind for flag in flags) for kind in FLAG_KINDS},
        **queries.version_counts(db, scope),
        "claims": sum(day["claims"] for day in per_day),
        "sources": sources[0]["sources_quoted"] if sources else 0,
        "runs": queries.run_count(db, scope),
        "runs_with_errors": len(failed_runs),
    }
    return Digest(
        window=window,
        generated_at=(now or datetime.now(UTC)).astimezone(UTC),
        outlet=outlet,
        source=source,
        counts=counts,
        flags=flags,
        changes=changes,
        removed=removed,
        new_figures=_group_new([flag for flag in flags if flag["kind"] in NEW_KINDS]),
        subjects=queries.new_claims_by_subject(db, scope),
        sources=sources,
        outlets=queries.outlet_activity(db, scope),
        failed_runs=failed_runs,
        claims_per_day=per_day,
        histories=_histories(db, changes, until, outlet),
    )
