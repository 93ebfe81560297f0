"""Schema, pragmas and migrations on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from db.schema import SCHEMA_VERSION, DatabaseError, connect


def test_new_database_has_tables_and_pragmas(db_path: Path) -> None:
    db = connect(db_path)
    names = set(db.table_names())
    assert {"outlets", "runs", "articles", "versions", "sources", "claims", "flags"} <= names
    assert {"claims_fts", "versions_fts"} <= names
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopen_is_idempotent(db_path: Path) -> None:
    connect(db_path).close()
    db = connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_older_database_upgrades_in_place(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connect(db_path).close()

    def add_note_column(conn: object) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN note TEXT")  # type: ignore[attr-defined]

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_note_column])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    db = connect(db_path)
    assert "note" in db["articles"].columns_dict
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_failed_migration_rolls_back(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connect(db_path).close()

    def broken(conn: object) -> None:
        conn.execute("CREATE TABLE half_done (x)")  # type: ignore[attr-defined]
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(RuntimeError):
        connect(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name='half_done'").fetchall()


def test_newer_database_is_refused(db_path: Path) -> None:
    connect(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(DatabaseError, match="newer than this claimwatch"):
        connect(db_path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="not a usable SQLite database"):
        connect(path)


@pytest.mark.parametrize(
    ("statement", "index"),
    [
        # retrack repoints and drops flags by claim, and deleting a claim sets its flags' ids NULL
        ("UPDATE flags SET claim_id = 2 WHERE claim_id = 1", "flags_claim"),
        (
            "UPDATE flags SET previous_claim_id = 2 WHERE previous_claim_id = 1",
            "flags_previous_claim",
        ),
        ("SELECT id FROM claims WHERE source_id IN (1, 2)", "claims_source"),
        ("SELECT id FROM claims WHERE metric >= 'retail' AND metric < 'retaim'", "claims_metric"),
    ],
)
def test_lookups_by_claim_source_and_metric_use_their_partial_indexes(
    db_path: Path, statement: str, index: str
) -> None:
    db = connect(db_path)
    plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {statement}").fetchall())
    assert f"INDEX {index} " in plan, plan


def test_migration_16_moves_kept_pages_out_of_versions(db_path: Path) -> None:
    from db import store

    db = connect(db_path)
    article = {"url": "https://n.test/a", "outlet": "wire", "text": "Acme grew 5%."}
    store.store_article(db, {**article, "html": b"<html>kept</html>"}, run_id=None)
    store.store_article(db, {**article, "url": "https://n.test/b"}, run_id=None)  # no page
    # as a database before migration 16 was: the page in versions.html
    db.execute("ALTER TABLE versions ADD COLUMN html BLOB")
    db.execute("UPDATE versions SET html = (SELECT html FROM version_pages WHERE version_id = id)")
    db.execute("DROP TABLE version_pages")
    db.execute("PRAGMA user_version = 15")
    db.close()
    db = connect(db_path)
    assert "html" not in db["versions"].columns_dict
    pages = db.execute("SELECT version_id, html FROM version_pages").fetchall()
    assert [(version, store.decompress_html(html)) for version, html in pages] == [
        (1, b"<html>kept</html>")
    ]
    assert store.article_versions(db, "https://n.test/b")[0]["html"] is None
