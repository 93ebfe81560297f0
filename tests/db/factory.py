"""Build fixture databases in tests: rows written straight with sqlite-utils.

Production writes belong to db/store.py and db/tracking.py; tests that only need
data to read (queries, check, Datasette) use these helpers so they do not depend on
the crawler or tracker. Claims alone go through ``db.tracking.insert_claims``, which
also feeds their full-text index.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlite_utils

from db import tracking

NOW = "2025-12-10T12:00:00+00:00"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Factory:
    """Adds outlets, runs, articles (with versions), sources, claims and flags."""

    db: sqlite_utils.Database
    _sources: dict[tuple[str, str], int] = field(default_factory=dict)

    def run(
        self,
        outlet: str,
        *,
        started_at: str = NOW,
        status: str = "ok",
        backfill: bool = False,
        **counts: int,
    ) -> int:
        if not self.db["outlets"].exists() or not list(
            self.db["outlets"].rows_where("name = ?", [outlet])
        ):
            self.db["outlets"].insert({"name": outlet, "first_crawled_at": started_at})
        row = {
            "outlet": outlet,
            "started_at": started_at,
            "finished_at": started_at,
            "status": status,
            "backfill": int(backfill),
            **counts,
        }
        return int(self.db["runs"].insert(row).last_pk)

    def article(
        self,
        url: str,
        text: str,
        *,
        outlet: str = "wire",
        title: str = "A story",
        published: str | None = "2025-12-01",
        authors: list[str] | None = None,
        language: str = "en",
        run_id: int | None = None,
        seen: str = NOW,
    ) -> int:
        """Insert an article and its first version; returns the version id."""
        article_id = (
            self.db["articles"]
            .insert(
                {
                    "url": url,
                    "outlet": outlet,
                    "title": title,
                    "authors": json.dumps(authors or []),
                    "published": published,
                    "language": language,
                    "first_seen": seen,
                    "last_seen": seen,
                }
            )
            .last_pk
        )
        return self.version(int(article_id), text, run_id=run_id, fetched_at=seen)

    def version(
        self, article_id: int, text: str, *, run_id: int | None = None, fetched_at: str = NOW
    ) -> int:
        number = self.db.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE article_id = ?", [article_id]
        ).fetchone()[0]
        return int(
            self.db["versions"]
            .insert(
                {
                    "article_id": article_id,
                    "number": number,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "text": text,
                    "fetched_at": fetched_at,
                    "run_id": run_id,
                    "tracked_at": fetched_at,
                }
            )
            .last_pk
        )

    def source(
        self,
        name: str,
        *,
        kind: str = "person",
        role: str | None = None,
        organization: str | None = None,
    ) -> int:
        key = (name.lower(), (organization or "").lower())
        existing = self.db.execute(
            "SELECT id FROM sources WHERE norm_name = ? AND norm_organization = ?", list(key)
        ).fetchone()
        if existing:
            self._sources[key] = existing[0]
        if key not in self._sources:
            self._sources[key] = int(
                self.db["sources"]
                .insert(
                    {
                        "name": name,
                        "norm_name": key[0],
                        "kind": kind,
                        "role": role,
                        "organization": organization,
                        "norm_organization": key[1],
                    }
                )
                .last_pk
            )
        return self._sources[key]

    def claim(
        self,
        version_id: int,
        surface: str,
        value: float,
        unit: str,
        *,
        kind: str = "count",
        source_id: int | None = None,
        occurrence: int = 0,
        metric: str | None = None,
        entity: str | None = None,
        period: str | None = None,
        approximate: bool = False,
    ) -> int:
        """A claim on ``surface`` (its n-th occurrence) in the version's text; offsets are computed."""
        text = self.db.execute("SELECT text FROM versions WHERE id = ?", [version_id]).fetchone()[0]
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        end = start + len(surface)
        cut = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        sentence_start = 0 if cut < 0 else cut + (2 if text[cut] == "." else 1)
        sentence_end = text.find(". ", end)
        sentence = text[
            sentence_start : sentence_end + 1 if sentence_end >= 0 else len(text)
        ].strip()
        if source_id is not None:
            self.db["version_sources"].insert(
                {"version_id": version_id, "source_id": source_id}, ignore=True
            )
        key = "|".join([entity or "", metric or "", unit, period or ""]) if metric else None
        claim = {
            "start": start,
            "end": end,
            "surface": surface,
            "sentence": sentence,
            "value": value,
            "unit": unit,
            "kind": kind,
            "approximate": approximate,
            "source_id": source_id,
            "subject": None,
            "entity": entity,
            "metric": metric,
            "period": period,
            "key": key,
        }
        # The tracker's own writer: it feeds the full-text index, which has no insert trigger.
        return tracking.insert_claims(self.db.conn, version_id, [claim])[0]

    def flag(
        self,
        kind: str,
        claim_id: int | None,
        *,
        previous_claim_id: int | None = None,
        created_at: str | None = None,
    ) -> int:
        claim = self.db.execute(
            "SELECT c.value, c.unit, c.sentence, c.key, v.article_id FROM claims c "
            "JOIN versions v ON v.id = c.version_id WHERE c.id = ?",
            [claim_id if claim_id is not None else previous_claim_id],
        ).fetchone()
        previous = (
            self.db.execute(
                "SELECT c.value, c.sentence, v.article_id FROM claims c "
                "JOIN versions v ON v.id = c.version_id WHERE c.id = ?",
                [previous_claim_id],
            ).fetchone()
            if previous_claim_id is not None
            else (None, None, None)
        )
        return int(
            self.db["flags"]
            .insert(
                {
                    "kind": kind,
                    "article_id": claim[4],
                    "claim_id": claim_id,
                    "previous_claim_id": previous_claim_id,
                    "previous_article_id": previous[2],
                    "old_value": previous[0],
                    "new_value": claim[0],
                    "unit": claim[1],
                    "old_sentence": previous[1],
                    "new_sentence": claim[2],
                    "key": claim[3],
                    "created_at": created_at or _now(),
                }
            )
            .last_pk
        )


def sample(db: sqlite_utils.Database) -> dict[str, int]:
    """A small newsroom: two outlets, three articles (one edited), sources, claims, a flag."""
    make = Factory(db)
    ids: dict[str, int] = {}
    run = make.run("wire", pages=3, articles_new=2, backfill=True)
    make.run("daily", started_at="2025-12-11T08:00:00+00:00", status="failed", errors=2)
    xiong = make.source("Xiong Wei", role="analyst", organization="UBS Securities")
    nbs = make.source("National Bureau of Statistics", kind="organization")
    v1 = make.article(
        "https://wire.example/2025/12/01/capex",
        "Capex news.\n\nXiong Wei said spending reached 400 billion yuan this year. "
        "Sales rose 14.1% in November, the bureau said.",
        published="2025-12-01T09:00:00+00:00",
        title="Capex",
        authors=["Zheng Yilun"],
        run_id=run,
    )
    ids["capex"] = make.claim(
        v1,
        "400 billion yuan",
        400e9,
        "CNY",
        kind="currency",
        source_id=xiong,
        entity="china internet",
        metric="capex",
        period="2025",
        approximate=True,
    )
    ids["sales_v1"] = make.claim(
        v1,
        "14.1%",
        14.1,
        "%",
        kind="percent",
        source_id=nbs,
        entity="china",
        metric="retail sales growth",
        period="2025-11",
    )
    v2 = make.article(
        "https://daily.example/2025/12/08/sales",
        "Retail sales rose 13.9% in November, the National Bureau of Statistics said. "
        "Some 2 million graduates looked for work.",
        outlet="daily",
        published="2025-12-08",
        title="Sales revised",
    )
    ids["sales_v2"] = make.claim(
        v2,
        "13.9%",
        13.9,
        "%",
        kind="percent",
        source_id=nbs,
        entity="china",
        metric="retail sales growth",
        period="2025-11",
    )
    ids["graduates"] = make.claim(v2, "2 million graduates", 2e6, "count")
    ids["changed"] = make.flag("changed", ids["sales_v2"], previous_claim_id=ids["sales_v1"])
    # An edited article: version 1's claim is history; version 2 is what `claims` shows.
    v3a = make.article(
        "https://wire.example/2025/12/09/jobs",
        "Factories hired 500 workers.",
        published="2025-12-09",
        title="Jobs",
    )
    ids["jobs_old"] = make.claim(v3a, "500 workers", 500, "count")
    article_id = db.execute("SELECT article_id FROM versions WHERE id = ?", [v3a]).fetchone()[0]
    v3b = make.version(article_id, "Factories hired 650 workers, Xiong Wei said.")
    ids["jobs_new"] = make.claim(v3b, "650 workers", 650, "count", source_id=xiong)
    make.flag("revised", ids["jobs_new"], previous_claim_id=ids["jobs_old"])
    return ids
