"""claim_keys (migrations 8, 9, 17): exactly the (key, article order, version) of tracked claims."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db import schema, tracking
from tests.tracker.tracking_helpers import Site, toy_extract
from tracker.tracking.ingest import retrack, track_pending

EXPECTED = """
    SELECT DISTINCT c.key, COALESCE(a.published, v.fetched_at), v.id
    FROM claims c JOIN versions v ON v.id = c.version_id JOIN articles a ON a.id = v.article_id
    WHERE c.key IS NOT NULL AND v.tracked_at IS NOT NULL ORDER BY 1, 2, 3
"""


def _matches(db: sqlite_utils.Database) -> bool:
    expected = db.execute(EXPECTED).fetchall()
    actual = db.execute("SELECT key, ord, version_id FROM claim_keys ORDER BY 1, 2, 3").fetchall()
    return bool(expected) and actual == expected


def _newsroom(db: sqlite_utils.Database) -> None:
    site = Site(db)
    run = site.run()
    site.publish(
        "https://n.test/a", "Jane Roe said Acme revenue in 2025 was 630 million.", run_id=run
    )
    site.publish(
        "https://n.test/b",
        "Sam Poe said Acme revenue in 2025 was 650 million. Sam Poe said Acme staff in 2025 was 9.",
        run_id=run,
        published="2025-12-03",
    )
    site.publish("https://n.test/a", "Jane Roe said Acme staff in 2025 was 12.", run_id=run)


def test_claim_keys_follow_tracking_retracking_redating_and_deleting(
    db: sqlite_utils.Database,
) -> None:
    _newsroom(db)
    track_pending(db, extract=toy_extract)
    assert _matches(db)
    # a key in an earlier version stays listed: that version's claims still state it
    assert db.execute("SELECT COUNT(*) FROM claim_keys").fetchone()[0] == 4

    def nothing(text: str, **options: object) -> object:
        found = toy_extract(text, **options)
        found.claims = [claim for claim in found.claims if claim.metric != "revenue"]
        return found

    retrack(db, extract=nothing)  # replaces claims: the revenue keys go
    assert _matches(db)
    assert (
        db.execute("SELECT COUNT(*) FROM claim_keys WHERE key LIKE '%revenue%'").fetchone()[0] == 0
    )
    retrack(db, extract=toy_extract)  # and come back with the claims that state them
    assert _matches(db)
    assert db.execute("SELECT COUNT(*) FROM claim_keys WHERE key LIKE '%revenue%'").fetchone()[0]

    db.execute("UPDATE articles SET published = '2026-01-05' WHERE url = 'https://n.test/b'")
    assert _matches(db)
    db.execute("UPDATE articles SET published = NULL WHERE url = 'https://n.test/b'")
    assert _matches(db)  # ordered by the fetch time instead

    db.execute("DELETE FROM articles WHERE url = 'https://n.test/b'")  # cascades to claims
    assert _matches(db)

    tracked = db.execute("SELECT MAX(id) FROM versions WHERE tracked_at IS NOT NULL").fetchone()[0]
    claim = {"start": 0, "end": 4, "surface": "Jane", "sentence": "Jane.", "approximate": 0}
    claim |= dict.fromkeys(("value", "unit", "kind", "source_id", "subject", "entity"))
    claim |= {"metric": "age", "period": "2025", "key": "jane|age|count|2025"}
    tracking.insert_claims(db.conn, tracked, [claim])  # into a tracked version: listed at once
    assert _matches(db)
    db.execute("UPDATE claims SET key = 'jane|height|count|2025' WHERE key = 'jane|age|count|2025'")
    assert _matches(db)


def test_migration_lists_the_keys_of_claims_stored_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = schema.connect(path)
    _newsroom(db)
    track_pending(db, extract=toy_extract)
    for trigger in (
        "claim_keys_ai",
        "claim_keys_ad",
        "claim_keys_au",
        "claim_keys_article_published",
        "claim_keys_tracked",
    ):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE claim_keys")  # as a database before migration 8 was
    for column in ("pid", "host"):  # and before migration 11
        db.execute(f"ALTER TABLE runs DROP COLUMN {column}")
    db.execute("DROP TABLE version_pages")  # and before migration 16
    db.execute("ALTER TABLE versions ADD COLUMN html BLOB")
    db.execute("PRAGMA user_version = 7")
    db.close()
    db = schema.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert _matches(db)
    # migration 17: no row trigger; tracking.insert_claims_of lists the keys
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claim_keys_ai'").fetchall()
    db.close()
