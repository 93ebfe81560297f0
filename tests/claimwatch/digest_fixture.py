"""A small newsroom database for digest tests, written straight with sqlite-utils.

Week 2025-W50 (2025-12-08 to 2025-12-14) holds a changed figure (with three earlier
reports of the same key for the chart), a revised one, a removed one, new figures, a
failed run, and hostile text: HTML and <script> in a title, a sentence and a source name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from db.schema import connect

WEEK = "2025-W50"
HOSTILE_TITLE = 'Sales <script>alert("title")</script><b>bold</b>'
HOSTILE_SENTENCE_TAIL = "<script>alert('sentence')</script><img src=x onerror=alert(1)>"
HOSTILE_SOURCE = "<script>alert('source')</script>Dr <i>Evil</i>"
SALES_KEY = "china|retail sales growth|%|2025-11"


@dataclass
class Newsroom:
    db: sqlite_utils.Database
    sources: dict[str, int] = field(default_factory=dict)

    def run(
        self,
        outlet: str,
        started_at: str,
        *,
        status: str = "ok",
        errors: list[str] | None = None,
        pages: int = 5,
    ) -> int:
        self.db["outlets"].insert(
            {"name": outlet, "first_crawled_at": started_at}, ignore=True, alter=False
        )
        row = {
            "outlet": outlet,
            "started_at": started_at,
            "finished_at": started_at,
            "status": status,
            "pages": pages,
            "errors": len(errors or []),
            "error_log": json.dumps(errors or []),
        }
        return int(self.db["runs"].insert(row).last_pk)

    def source(self, name: str, *, role: str | None = None, organization: str | None = None) -> int:
        if name not in self.sources:
            self.sources[name] = int(
                self.db["sources"]
                .insert(
                    {
                        "name": name,
                        "norm_name": name.lower(),
                        "kind": "person",
                        "role": role,
                        "organization": organization,
                        "norm_organization": (organization or "").lower(),
                    }
                )
                .last_pk
            )
        return self.sources[name]

    def article(self, url: str, outlet: str, title: str, published: str, fetched_at: str) -> int:
        return int(
            self.db["articles"]
            .insert(
                {
                    "url": url,
                    "outlet": outlet,
                    "title": title,
                    "published": published,
                    "first_seen": fetched_at,
                    "last_seen": fetched_at,
                }
            )
            .last_pk
        )

    def version(
        self, article_id: int, text: str, fetched_at: str, run_id: int | None = None
    ) -> int:
        number = (
            1
            + self.db.execute(
                "SELECT COUNT(*) FROM versions WHERE article_id = ?", [article_id]
            ).fetchone()[0]
        )
        return int(
            self.db["versions"]
            .insert(
                {
                    "article_id": article_id,
                    "number": number,
                    "text": text,
                    "fetched_at": fetched_at,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "run_id": run_id,
                    "tracked_at": fetched_at,
                }
            )
            .last_pk
        )

    def claim(
        self,
        version_id: int,
        surface: str,
        value: float,
        unit: str,
        *,
        source: str | None = None,
        entity: str | None = None,
        metric: str | None = None,
        period: str | None = None,
    ) -> int:
        text = self.db.execute("SELECT text FROM versions WHERE id = ?", [version_id]).fetchone()[0]
        start = text.index(surface)
        source_id = self.source(source) if source else None
        if source_id:
            self.db["version_sources"].insert(
                {"version_id": version_id, "source_id": source_id}, ignore=True
            )
        key = "|".join([entity or "", metric or "", unit, period or ""]) if metric else None
        return int(
            self.db["claims"]
            .insert(
                {
                    "version_id": version_id,
                    "start": start,
                    "end": start + len(surface),
                    "surface": surface,
                    "sentence": text,
                    "value": value,
                    "unit": unit,
                    "kind": "percent" if unit == "%" else "count",
                    "source_id": source_id,
                    "entity": entity,
                    "metric": metric,
                    "period": period,
                    "key": key,
                }
            )
            .last_pk
        )

    def flag(
        self,
        kind: str,
        claim_id: int | None,
        created_at: str,
        *,
        previous_claim_id: int | None = None,
        source: str | None = None,
    ) -> int:
        def row(claim: int | None) -> dict:
            if claim is None:
                return {}
            return next(
                self.db.query(
                    "SELECT c.value, c.unit, c.sentence, c.key, v.article_id FROM claims c "
                    "JOIN versions v ON v.id = c.version_id WHERE c.id = ?",
                    [claim],
                )
            )

        new, old = row(claim_id), row(previous_claim_id)
        either = new or old
        previous_article = old.get("article_id") if kind == "changed" else None
        return int(
            self.db["flags"]
            .insert(
                {
                    "kind": kind,
                    "article_id": either["article_id"],
                    "claim_id": claim_id,
                    "previous_claim_id": previous_claim_id,
                    "previous_article_id": previous_article,
                    "old_value": old.get("value"),
                    "new_value": new.get("value"),
                    "unit": either["unit"],
                    "source": source,
                    "old_sentence": old.get("sentence"),
                    "new_sentence": new.get("sentence"),
                    "key": either["key"],
                    "created_at": created_at,
                }
            )
            .last_pk
        )


def build_newsroom(path: Path) -> dict[str, int]:
    """Create the fixture database at ``path``; returns ids of the interesting rows."""
    db = connect(path)
    room = Newsroom(db)
    ids: dict[str, int] = {}
    nbs = "National Bureau of Statistics"
    # Earlier reports of the retail sales figure: the history chart's points.
    for month, (day, value) in enumerate(
        [("2025-09-15", 13.2), ("2025-10-15", 13.6), ("2025-11-20", 14.0)], start=1
    ):
        article = room.article(
            f"https://wire.example/2025/{month}/sales",
            "wire",
            f"Sales {month}",
            day,
            f"{day}T08:00:00+00:00",
        )
        version = room.version(
            article,
            f"Retail sales rose {value}% in November, the bureau said.",
            f"{day}T08:00:00+00:00",
        )
        ids[f"history{month}"] = room.claim(
            version,
            f"{value}%",
            value,
            "%",
            source=nbs,
            entity="china",
            metric="retail sales growth",
            period="2025-11",
        )
    wire_run = room.run("wire", "2025-12-09T06:00:00+00:00")
    daily_run = room.run(
        "daily",
        "2025-12-10T06:00:00+00:00",
        status="failed",
        errors=["https://daily.example/x: HTTP 503 <b>busy</b>"],
    )
    room.run("daily", "2025-12-11T06:00:00+00:00")

    changed = room.article(
        "https://daily.example/2025/12/09/sales",
        "daily",
        HOSTILE_TITLE,
        "2025-12-09",
        "2025-12-09T07:00:00+00:00",
    )
    version = room.version(
        changed,
        "Retail sales rose 12.9% in November, said "
        + HOSTILE_SOURCE
        + ". "
        + HOSTILE_SENTENCE_TAIL,
        "2025-12-09T07:00:00+00:00",
        daily_run,
    )
    ids["sales_new"] = room.claim(
        version,
        "12.9%",
        12.9,
        "%",
        source=HOSTILE_SOURCE,
        entity="china",
        metric="retail sales growth",
        period="2025-11",
    )
    ids["changed"] = room.flag(
        "changed",
        ids["sales_new"],
        "2025-12-09T07:05:00+00:00",
        previous_claim_id=ids["history3"],
        source=HOSTILE_SOURCE,
    )

    jobs = room.article(
        "https://wire.example/2025/12/08/jobs",
        "wire",
        "Jobs",
        "2025-12-08",
        "2025-12-08T09:00:00+00:00",
    )
    v1 = room.version(
        jobs,
        "Factories hired 500 workers, Xiong Wei said. Output was 30 tonnes.",
        "2025-12-08T09:00:00+00:00",
        wire_run,
    )
    old_jobs = room.claim(
        v1, "500 workers", 500, "count", source="Xiong Wei", entity="factories", metric="hiring"
    )
    old_output = room.claim(v1, "30 tonnes", 30, "t", entity="factories", metric="output")
    v2 = room.version(
        jobs, "Factories hired 650 workers, Xiong Wei said.", "2025-12-12T09:00:00+00:00", wire_run
    )
    ids["jobs_new"] = room.claim(
        v2, "650 workers", 650, "count", source="Xiong Wei", entity="factories", metric="hiring"
    )
    ids["revised"] = room.flag(
        "revised",
        ids["jobs_new"],
        "2025-12-12T09:05:00+00:00",
        previous_claim_id=old_jobs,
        source="Xiong Wei",
    )
    ids["removed"] = room.flag(
        "removed", None, "2025-12-12T09:05:00+00:00", previous_claim_id=old_output
    )

    exports = room.article(
        "https://wire.example/2025/12/11/exports",
        "wire",
        "Exports",
        "2025-12-11",
        "2025-12-11T10:00:00+00:00",
    )
    version = room.version(
        exports,
        "Exports grew 5.9% and imports fell 1.9%, customs said.",
        "2025-12-11T10:00:00+00:00",
        wire_run,
    )
    for surface, value, metric in (("5.9%", 5.9, "export growth"), ("1.9%", -1.9, "import growth")):
        claim = room.claim(
            version,
            surface,
            value,
            "%",
            source="General Administration of Customs",
            entity="china",
            metric=metric,
            period="2025-11",
        )
        ids[f"new_{metric}"] = room.flag(
            "new", claim, "2025-12-11T10:01:00+00:00", source="General Administration of Customs"
        )
    # A link that must never become a link.
    odd = room.article(
        "javascript:alert(1)", "wire", "Odd link", "2025-12-13", "2025-12-13T10:00:00+00:00"
    )
    version = room.version(
        odd, "Some 2 million graduates looked for work.", "2025-12-13T10:00:00+00:00"
    )
    claim = room.claim(
        version, "2 million graduates", 2e6, "count", entity="graduates", metric="job seekers"
    )
    ids["new_odd"] = room.flag("new", claim, "2025-12-13T10:01:00+00:00")
    # Outside the week: must not appear.
    late = room.article(
        "https://wire.example/2025/12/16/late",
        "wire",
        "Late",
        "2025-12-16",
        "2025-12-16T10:00:00+00:00",
    )
    version = room.version(late, "Steel output was 80 tonnes.", "2025-12-16T10:00:00+00:00")
    claim = room.claim(version, "80 tonnes", 80, "t", entity="steel", metric="output")
    ids["late"] = room.flag("new", claim, "2025-12-16T10:01:00+00:00")
    db.close()
    return ids
