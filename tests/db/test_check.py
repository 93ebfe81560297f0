"""db.check finds each kind of damage in a real database, and passes a sound one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db.check import CHECKS, check_database
from db.schema import connect
from tests.db.factory import sample


def _failures(db_path: Path) -> dict[str, list[str]]:
    db = connect(db_path, create=False)
    try:
        return {r.check: [p.detail for p in r.problems] for r in check_database(db) if not r.ok}
    finally:
        db.close()


def _damage(db_path: Path, *statements: str) -> None:
    """Write behind claimwatch's back, with foreign keys off, as a buggy writer would."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.fixture
def sampled(db: sqlite_utils.Database, db_path: Path) -> Path:
    sample(db)
    db.close()
    return db_path


def test_sound_database_passes_every_check(sampled: Path) -> None:
    assert _failures(sampled) == {}


def test_empty_database_passes(db: sqlite_utils.Database) -> None:
    assert all(result.ok for result in check_database(db))
    assert [result.check for result in check_database(db)] == [name for name, _, _ in CHECKS]


def test_offsets_that_miss_the_surface(sampled: Path) -> None:
    _damage(
        sampled,
        "UPDATE claims SET start = start + 1 WHERE id = 1",
        'UPDATE claims SET "end" = 9999 WHERE id = 2',
    )
    problems = _failures(sampled)["claim_offsets"]
    assert "claim 1: version 1 text[" in problems[0]
    assert "not the surface '400 billion yuan'" in problems[0]
    assert "claim 2: offsets" in problems[1] and "outside version 1" in problems[1]


def test_flag_whose_claim_is_gone(sampled: Path) -> None:
    _damage(
        sampled,
        "INSERT INTO flags(kind, article_id, claim_id, created_at) VALUES ('new', 1, 999, 'now')",
    )
    failures = _failures(sampled)
    assert failures["flag_claims"] == ["new flag 3: claim 999 does not exist"]
    assert "flags row 3 points to a missing claims row" in failures["foreign_key_check"]


def test_flag_without_any_claim(sampled: Path) -> None:
    _damage(sampled, "INSERT INTO flags(kind, article_id, created_at) VALUES ('changed', 1, 'now')")
    assert _failures(sampled)["flag_claims"] == ["changed flag 3: names no claim at all"]


def test_claim_of_a_missing_version(sampled: Path) -> None:
    _damage(sampled, "UPDATE claims SET version_id = 77 WHERE id = 4")
    failures = _failures(sampled)
    assert failures["claim_versions"] == ["claim 4: version 77 does not exist"]


def test_stale_full_text_index(sampled: Path) -> None:
    # claims has no UPDATE trigger for claims_fts: an in-place edit leaves the index stale.
    _damage(sampled, "UPDATE claims SET sentence = 'something else entirely' WHERE id = 3")
    assert "claims_fts" in _failures(sampled)["full_text"][0]


def test_many_problems_are_summarized(sampled: Path) -> None:
    _damage(
        sampled, *["INSERT INTO flags(kind, article_id, created_at) VALUES ('new', 1, 'now')"] * 25
    )
    problems = _failures(sampled)["flag_claims"]
    assert len(problems) == 21
    assert problems[-1] == "... and 5 more"


def test_claim_key_index_out_of_step(sampled: Path) -> None:
    db = connect(sampled, create=False)
    key, version_id = db.execute("SELECT key, version_id FROM claim_keys LIMIT 1").fetchone()
    db.close()
    _damage(
        sampled,
        f"DELETE FROM claim_keys WHERE key = '{key}' AND version_id = {version_id}",  # noqa: S608
        "INSERT INTO claim_keys (key, ord, version_id) VALUES ('ghost|metric|%|2025', '2025', 1)",
    )
    problems = _failures(sampled)["claim_keys"]
    assert any(f"key {key!r} of version {version_id}" in p and "not listed" in p for p in problems)
    assert any("'ghost|metric|%|2025' listed for version 1" in p for p in problems)
