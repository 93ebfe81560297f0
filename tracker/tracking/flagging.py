"""Flag records of tracking, pure: what changed between two versions of an article, and
the fields every flag shares. ``tracker.tracking.ingest`` reads the claims and writes the flags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tracker.model import Claim
from tracker.tracking import diff

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def published_date(published: str | None) -> str | None:
    """The YYYY-MM-DD day of an ISO published time, or None when it has none."""
    return published[:10] if published and _DATE.match(published) else None


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A stored claim row (with its source's name as ``source``) as the tracker's Claim."""
    return Claim(
        start=row["start"],
        end=row["end"],
        surface=row["surface"],
        sentence=row["sentence"],
        value=row["value"],
        unit=row["unit"],
        kind=row["kind"],
        approximate=bool(row["approximate"]),
        source=row["source"],
        subject=row["subject"],
        entity=row["entity"],
        metric=row["metric"],
        period=row["period"],
        key=row["key"],
    )


def flag_record(
    kind: str, version: dict[str, Any], run_id: int | None, now: str, **fields: Any
) -> dict:
    """A flags row: the fields every flag of ``version`` shares, plus ``fields``."""
    return {
        "kind": kind,
        "article_id": version["article_id"],
        "run_id": version["run_id"] or run_id,
        "created_at": now,
        **fields,
    }


def edit_flags(
    version: dict[str, Any],
    old_rows: list[dict[str, Any]],
    new: Sequence[Claim],
    new_ids: list[int],
    run_id: int | None,
    now: str,
) -> list[dict]:
    """revised / added / removed between the previous version's claims and this one's."""
    old = [claim_from_row(row) for row in old_rows]
    flags = []
    for change in diff.version_changes(old, new):
        before = old[change.old] if change.old is not None else None
        after = new[change.new] if change.new is not None else None
        figure = after or before
        assert figure is not None  # every change has at least one side
        flags.append(
            flag_record(
                change.kind, version, run_id, now,
                claim_id=new_ids[change.new] if change.new is not None else None,
                previous_claim_id=old_rows[change.old]["id"] if change.old is not None else None,
                old_value=before.value if before else None,
                new_value=after.value if after else None,
                unit=figure.unit,
                source=(after and after.source) or (before and before.source) or None,
                old_sentence=before.sentence if before else None,
                new_sentence=after.sentence if after else None,
                key=figure.key,
            )
        )  # fmt: skip
    return flags


def is_later(published: str | None, other: str | None) -> bool:
    """Whether an article published ``published`` may update one published ``other``."""
    mine, theirs = published_date(published), published_date(other)
    return mine is None or theirs is None or mine >= theirs
