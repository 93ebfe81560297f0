"""tracker.tracking.ingest: versions written several to a transaction stay atomic one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from db.check import check_database
from db.schema import connect
from tests.tracker.tracking_helpers import Site, toy_extract
from tracker.model import Extraction
from tracker.tracking.ingest import retrack, track_pending

TEXTS = [  # (url, published, text): later articles change, add and repeat earlier figures
    ("https://n.test/a", "2025-12-01", "Jane Roe said Acme revenue in 2025 was 630 million."),
    ("https://n.test/b", "2025-12-02", "Sam Poe said Acme revenue in 2025 was 650 million."),
    ("https://n.test/c", "2025-12-03", "Jane Roe said Acme staff in 2025 was 1,200."),
    ("https://n.test/d", "2025-12-04", "Ann Wu said Zeta debt in 2025 was 90 million."),
    ("https://n.test/e", "2025-12-05", "Jane  Roe said Acme staff in 2025 was 1,400."),
]


def _publish_all(db: sqlite_utils.Database) -> list[int]:
    site = Site(db)
    run = site.run()
    versions = [site.publish(url, text, run_id=run, published=day) for url, day, text in TEXTS]
    # an edit of the first article, tracked after it
    versions.append(
        site.publish(
            "https://n.test/a", "Jane Roe said Acme revenue in 2025 was 640 million.", run_id=run
        )
    )
    return versions


def _content(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Every tracked row, without the clock's tracked_at and created_at."""
    return {
        "sources": db.execute("SELECT * FROM sources ORDER BY id").fetchall(),
        "version_sources": db.execute(
            "SELECT * FROM version_sources ORDER BY version_id, source_id"
        ).fetchall(),
        "claims": db.execute("SELECT * FROM claims ORDER BY id").fetchall(),
        "flags": db.execute(
            "SELECT kind, article_id, claim_id, previous_claim_id, previous_article_id, "
            "old_value, new_value, key FROM flags ORDER BY id"
        ).fetchall(),
        "fts": db.execute("SELECT rowid, sentence FROM claims_fts ORDER BY rowid").fetchall(),
    }


def test_batches_store_what_one_version_at_a_time_stores(tmp_path: Path) -> None:
    contents = []
    # (versions, claims) a batch may hold: one by one, two versions, all, two claims' worth
    for batch_versions, batch_claims in ((1, 100), (2, 100), (200, 100), (200, 2)):
        db = connect(tmp_path / f"batch-{batch_versions}-{batch_claims}.db")
        _publish_all(db)
        result = track_pending(
            db, extract=toy_extract, batch_versions=batch_versions, batch_claims=batch_claims
        )
        assert (result.versions, result.errors) == (6, [])
        assert [r.check for r in check_database(db) if not r.ok] == []
        contents.append(_content(db))
        db.close()
    assert contents[0]["flags"]  # changed, new and revised flags were written
    assert all(content == contents[0] for content in contents[1:])


def test_a_failing_version_in_a_batch_rolls_back_only_itself(db: sqlite_utils.Database) -> None:
    versions = _publish_all(db)
    bad = versions[2]

    def breaks_on_staff(text: str, **options: Any) -> Extraction:
        found = toy_extract(text, **options)
        if "1,200" in text:  # sources and a claim are written before the broken claim fails
            broken = found.claims[0].__class__(**{**found.claims[0].__dict__, "surface": None})
            found.claims.append(broken)
        return found

    result = track_pending(db, extract=breaks_on_staff)
    assert result.versions == 5 and len(result.errors) == 1
    assert f"version {bad}" in result.errors[0]
    assert db["claims"].count_where("version_id = ?", [bad]) == 0
    assert db["version_sources"].count_where("version_id = ?", [bad]) == 0
    untracked = [row["id"] for row in db["versions"].rows_where("tracked_at IS NULL")]
    assert untracked == [bad]
    # the versions after it were written with the rest of their batch's figures in view
    kinds = [(row["kind"], row["key"]) for row in db["flags"].rows_where(order_by="id")]
    assert ("changed", "acme|revenue|count|2025") in kinds
    assert ("revised", "acme|revenue|count|2025") in kinds
    assert [r.check for r in check_database(db) if not r.ok] == []
    assert track_pending(db, extract=toy_extract).versions == 1  # still pending, tracked now


def test_a_failing_version_in_a_retrack_batch_keeps_its_old_claims(
    db: sqlite_utils.Database,
) -> None:
    versions = _publish_all(db)
    assert track_pending(db, extract=toy_extract).errors == []
    bad = versions[2]
    before = db.execute("SELECT id, surface FROM claims WHERE version_id = ?", [bad]).fetchall()

    def upgraded_but_breaks_on_staff(text: str, **options: Any) -> Extraction:
        found = toy_extract(text, **options)
        claims = [c.__class__(**{**c.__dict__, "metric": c.metric.upper()}) for c in found.claims]
        if "1,200" in text:  # the new claims are written before the broken one fails
            claims.append(claims[0].__class__(**{**claims[0].__dict__, "surface": None}))
        return Extraction(found.text, found.language, found.sources, claims)

    result = retrack(db, extract=upgraded_but_breaks_on_staff)
    assert result.versions == 5 and len(result.errors) == 1
    assert f"version {bad}" in result.errors[0]
    assert (
        db.execute("SELECT id, surface FROM claims WHERE version_id = ?", [bad]).fetchall()
        == before
    )
    metrics = {
        row[0] for row in db.execute("SELECT metric FROM claims WHERE version_id != ?", [bad])
    }
    assert metrics == {"REVENUE", "STAFF", "DEBT"}
    assert [r.check for r in check_database(db) if not r.ok] == []
