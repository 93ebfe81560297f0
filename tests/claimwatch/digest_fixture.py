"""A small newsroom database for digest tests, built with the shared row factory.

Week 2025-W50 (2025-12-08 to 2025-12-14) holds a changed figure (with three earlier
reports of the same key for the chart), a revised one, a removed one, new figures, a
failed run, and hostile text: HTML and <script> in a title, a sentence and a source name.
Rows come from ``tests.db.factory.Factory``; flags are written here because the digest
needs ``removed`` flags (no new value) and the flag's ``source``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlite_utils

from db.schema import connect
from tests.db.factory import Factory

WEEK = "2025-W50"
HOSTILE_TITLE = 'Sales <script>alert("title")</script><b>bold</b>'
HOSTILE_SENTENCE_TAIL = "<script>alert('sentence')</script><img src=x onerror=alert(1)>"
HOSTILE_SOURCE = "<script>alert('source')</script>Dr <i>Evil</i>"
SALES_KEY = "china|retail sales growth|%|2025-11"


def _claim_row(db: sqlite_utils.Database, claim_id: int | None) -> dict[str, Any]:
    if claim_id is None:
        return {}
    return next(
        db.query(
            "SELECT c.value, c.unit, c.sentence, c.key, v.article_id FROM claims c "
            "JOIN versions v ON v.id = c.version_id WHERE c.id = ?",
            [claim_id],
        )
    )


def add_flag(
    db: sqlite_utils.Database,
    kind: str,
    claim_id: int | None,
    created_at: str,
    *,
    previous_claim_id: int | None = None,
    source: str | None = None,
) -> int:
    """A flag as the tracker writes it: ``removed`` has no claim, only ``changed`` links two articles."""
    new, old = _claim_row(db, claim_id), _claim_row(db, previous_claim_id)
    either = new or old
    row = {
        "kind": kind,
        "article_id": either["article_id"],
        "claim_id": claim_id,
        "previous_claim_id": previous_claim_id,
        "previous_article_id": old.get("article_id") if kind == "changed" else None,
        "old_value": old.get("value"),
        "new_value": new.get("value"),
        "unit": either["unit"],
        "source": source,
        "old_sentence": old.get("sentence"),
        "new_sentence": new.get("sentence"),
        "key": either["key"],
        "created_at": created_at,
    }
    return int(db["flags"].insert(row).last_pk)


def build_newsroom(path: Path) -> dict[str, int]:
    """Create the fixture database at ``path``; returns ids of the interesting rows."""
    db = connect(path)
    make = Factory(db)
    ids: dict[str, int] = {}
    sales = {
        "kind": "percent",
        "entity": "china",
        "metric": "retail sales growth",
        "period": "2025-11",
    }
    nbs = make.source("National Bureau of Statistics", kind="organization")
    # Earlier reports of the retail sales figure: the history chart's points.
    for month, (day, value) in enumerate(
        [("2025-09-15", 13.2), ("2025-10-15", 13.6), ("2025-11-20", 14.0)], start=1
    ):
        version = make.article(
            f"https://wire.example/2025/{month}/sales",
            f"Retail sales rose {value}% in November, the bureau said.",
            title=f"Sales {month}",
            published=day,
            seen=f"{day}T08:00:00+00:00",
        )
        ids[f"history{month}"] = make.claim(
            version, f"{value}%", value, "%", source_id=nbs, **sales
        )

    wire_run = make.run("wire", started_at="2025-12-09T06:00:00+00:00", pages=5)
    daily_run = make.run(
        "daily", started_at="2025-12-10T06:00:00+00:00", status="failed", pages=5, errors=1
    )
    db["runs"].update(
        daily_run, {"error_log": json.dumps(["https://daily.example/x: HTTP 503 <b>busy</b>"])}
    )
    make.run("daily", started_at="2025-12-11T06:00:00+00:00", pages=5)

    evil = make.source(HOSTILE_SOURCE)
    version = make.article(
        "https://daily.example/2025/12/09/sales",
        f"Retail sales rose 12.9% in November {HOSTILE_SENTENCE_TAIL}, said {HOSTILE_SOURCE}.",
        outlet="daily",
        title=HOSTILE_TITLE,
        published="2025-12-09",
        run_id=daily_run,
        seen="2025-12-09T07:00:00+00:00",
    )
    ids["sales_new"] = make.claim(version, "12.9%", 12.9, "%", source_id=evil, **sales)
    ids["changed"] = add_flag(
        db, "changed", ids["sales_new"], "2025-12-09T07:05:00+00:00",
        previous_claim_id=ids["history3"], source=HOSTILE_SOURCE,
    )  # fmt: skip

    xiong = make.source("Xiong Wei")
    hiring = {"entity": "factories", "metric": "hiring"}
    v1 = make.article(
        "https://wire.example/2025/12/08/jobs",
        "Factories hired 500 workers, Xiong Wei said. Output was 30 tonnes.",
        title="Jobs",
        published="2025-12-08",
        run_id=wire_run,
        seen="2025-12-08T09:00:00+00:00",
    )
    old_jobs = make.claim(v1, "500 workers", 500, "count", source_id=xiong, **hiring)
    old_output = make.claim(v1, "30 tonnes", 30, "t", entity="factories", metric="output")
    article_id = db["versions"].get(v1)["article_id"]
    v2 = make.version(
        article_id, "Factories hired 650 workers, Xiong Wei said.", run_id=wire_run,
        fetched_at="2025-12-12T09:00:00+00:00",
    )  # fmt: skip
    ids["jobs_new"] = make.claim(v2, "650 workers", 650, "count", source_id=xiong, **hiring)
    ids["revised"] = add_flag(
        db, "revised", ids["jobs_new"], "2025-12-12T09:05:00+00:00",
        previous_claim_id=old_jobs, source="Xiong Wei",
    )  # fmt: skip
    ids["removed"] = add_flag(
        db, "removed", None, "2025-12-12T09:05:00+00:00", previous_claim_id=old_output
    )

    customs = "General Administration of Customs"
    version = make.article(
        "https://wire.example/2025/12/11/exports",
        "Exports grew 5.9% and imports fell 1.9%, customs said.",
        title="Exports",
        published="2025-12-11",
        run_id=wire_run,
        seen="2025-12-11T10:00:00+00:00",
    )
    for surface, value, metric in (("5.9%", 5.9, "export growth"), ("1.9%", -1.9, "import growth")):
        claim = make.claim(
            version, surface, value, "%", kind="percent", source_id=make.source(customs),
            entity="china", metric=metric, period="2025-11",
        )  # fmt: skip
        ids[f"new_{metric}"] = add_flag(
            db, "new", claim, "2025-12-11T10:01:00+00:00", source=customs
        )
    # A link that must never become a link.
    version = make.article(
        "javascript:alert(1)",
        "Some 2 million graduates looked for work.",
        title="Odd link",
        published="2025-12-13",
        seen="2025-12-13T10:00:00+00:00",
    )
    claim = make.claim(
        version, "2 million graduates", 2e6, "count", entity="graduates", metric="job seekers"
    )
    ids["new_odd"] = add_flag(db, "new", claim, "2025-12-13T10:01:00+00:00")
    # Outside the week: must not appear.
    version = make.article(
        "https://wire.example/2025/12/16/late",
        "Steel output was 80 tonnes.",
        title="Late",
        published="2025-12-16",
        seen="2025-12-16T10:00:00+00:00",
    )
    claim = make.claim(version, "80 tonnes", 80, "t", entity="steel", metric="output")
    ids["late"] = add_flag(db, "new", claim, "2025-12-16T10:01:00+00:00")
    db.close()
    return ids
