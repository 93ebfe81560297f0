"""SQLite schema for claimwatch: connection settings and numbered migrations.

The schema version lives in ``PRAGMA user_version``. Each migration runs in one
transaction together with the bump of ``user_version``, so a crash leaves the
database at the old version, never half-migrated. A database written by a newer
claimwatch (a higher version than we know) is refused rather than guessed at.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from db import identity

BUSY_TIMEOUT_MS = 30_000
BUSY_TIMEOUT_ENV = "CLAIMWATCH_BUSY_TIMEOUT"  # seconds a writer waits for a lock (default 30)


class DatabaseError(Exception):
    """A database that claimwatch cannot use (unreadable, or from a newer version)."""


def busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV)
    if not raw:
        return BUSY_TIMEOUT_MS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise DatabaseError(f"{BUSY_TIMEOUT_ENV}={raw!r}: not a number of seconds (0 to 86400)")
    return int(seconds * 1000)


def _migration_1(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            first_crawled_at TEXT
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            outlet TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            pages INTEGER NOT NULL DEFAULT 0,
            articles_new INTEGER NOT NULL DEFAULT 0,
            articles_changed INTEGER NOT NULL DEFAULT 0,
            articles_unchanged INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            error_log TEXT NOT NULL DEFAULT '[]',
            backfill INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            outlet TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            modified TEXT,
            language TEXT,
            via TEXT,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_fetched TEXT,
            lastmod TEXT
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            html BLOB,
            title TEXT,
            published TEXT,
            fetched_at TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            tracked_at TEXT,
            UNIQUE (article_id, number)
        );
        CREATE INDEX versions_untracked ON versions(tracked_at) WHERE tracked_at IS NULL;
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            norm_name TEXT NOT NULL,
            kind TEXT,
            role TEXT,
            organization TEXT,
            norm_organization TEXT NOT NULL DEFAULT '',
            UNIQUE (norm_name, norm_organization)
        );
        CREATE TABLE version_sources (
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            role TEXT,
            PRIMARY KEY (version_id, source_id)
        );
        CREATE INDEX version_sources_source ON version_sources(source_id);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            surface TEXT NOT NULL,
            sentence TEXT NOT NULL,
            value REAL,
            unit TEXT,
            kind TEXT,
            approximate INTEGER NOT NULL DEFAULT 0,
            source_id INTEGER REFERENCES sources(id),
            subject TEXT,
            entity TEXT,
            metric TEXT,
            period TEXT,
            key TEXT
        );
        CREATE INDEX claims_version ON claims(version_id);
        CREATE INDEX claims_source ON claims(source_id);
        CREATE INDEX claims_key ON claims(key);
        CREATE INDEX claims_unit_value ON claims(unit, value);
        CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
            previous_claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
            previous_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            old_value REAL,
            new_value REAL,
            unit TEXT,
            source TEXT,
            old_sentence TEXT,
            new_sentence TEXT,
            key TEXT,
            run_id INTEGER REFERENCES runs(id),
            created_at TEXT NOT NULL,
            delivered_at TEXT
        );
        CREATE INDEX flags_created ON flags(created_at);
        CREATE INDEX flags_undelivered ON flags(delivered_at) WHERE delivered_at IS NULL;
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            sentence, surface, content='claims', content_rowid='id'
        );
        CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, sentence, surface) VALUES (new.id, new.sentence, new.surface);
        END;
        CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, sentence, surface)
            VALUES ('delete', old.id, old.sentence, old.surface);
        END;
        CREATE VIRTUAL TABLE versions_fts USING fts5(
            title, text, content='versions', content_rowid='id'
        );
        CREATE TRIGGER versions_ai AFTER INSERT ON versions BEGIN
            INSERT INTO versions_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER versions_ad AFTER DELETE ON versions BEGIN
            INSERT INTO versions_fts(versions_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        """
    )


def _migration_2(conn: sqlite3.Connection) -> None:
    """Scheduler: the crawl subprocess's exit code on its runs, and per-channel flag delivery."""
    conn.executescript(
        """
        ALTER TABLE runs ADD COLUMN exit_code INTEGER;
        CREATE TABLE flag_deliveries (
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            channel TEXT NOT NULL,
            delivered_at TEXT NOT NULL,
            PRIMARY KEY (flag_id, channel)
        );
        """
    )


def _migration_3(conn: sqlite3.Connection) -> None:
    """Digest: find a window's versions and runs by time without scanning the tables."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS versions_fetched ON versions(fetched_at);
        CREATE INDEX IF NOT EXISTS runs_started ON runs(started_at);
        """
    )


def _migration_4(conn: sqlite3.Connection) -> None:
    """Queries: claims by value (``--sort value``, ``--min-value`` without ``--unit``)."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS claims_value ON claims(value);
        """
    )


def _migration_5(conn: sqlite3.Connection) -> None:
    """Queries: find each article's latest tracked version from an index, not the text rows."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS versions_latest ON versions(article_id, number, tracked_at);
        """
    )


def _migration_6(conn: sqlite3.Connection) -> None:
    """Queries: a claim's filter columns beside its version, so reading claims newest article
    first checks unit, kind, value and source from the index alone. It serves every lookup
    of claims by version as well, so the narrower claims_version goes."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS claims_version_filters
            ON claims(version_id, unit, kind, value, source_id);
        DROP INDEX IF EXISTS claims_version;
        """
    )


def _migration_7(conn: sqlite3.Connection) -> None:
    """Datasette's "one metric over time": claims by metric name (and entity) from an index."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS claims_metric ON claims(metric, entity);
        """
    )


def _migration_8(conn: sqlite3.Connection) -> None:
    """Tracking: which versions state each claim key, newest article first, so finding the
    latest other article with a key reads one or two entries instead of every claim with it.

    ``ord`` is COALESCE(articles.published, versions.fetched_at), the order tracking compares
    articles in. Triggers keep the table exact whoever writes claims or re-dates an article.
    """
    conn.executescript(
        """
        CREATE TABLE claim_keys (
            key TEXT NOT NULL,
            ord TEXT NOT NULL,
            version_id INTEGER NOT NULL,
            PRIMARY KEY (key, ord, version_id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
            SELECT c.key, COALESCE(a.published, v.fetched_at), v.id
            FROM claims c JOIN versions v ON v.id = c.version_id
            JOIN articles a ON a.id = v.article_id
            WHERE c.key IS NOT NULL;
        CREATE TRIGGER claim_keys_ai AFTER INSERT ON claims WHEN new.key IS NOT NULL BEGIN
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT new.key, COALESCE(a.published, v.fetched_at), v.id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.id = new.version_id;
        END;
        CREATE TRIGGER claim_keys_ad AFTER DELETE ON claims WHEN old.key IS NOT NULL BEGIN
            DELETE FROM claim_keys WHERE key = old.key AND version_id = old.version_id
                AND NOT EXISTS (
                    SELECT 1 FROM claims WHERE version_id = old.version_id AND key = old.key
                );
        END;
        CREATE TRIGGER claim_keys_au AFTER UPDATE OF key, version_id ON claims BEGIN
            DELETE FROM claim_keys WHERE key = old.key AND version_id = old.version_id
                AND NOT EXISTS (
                    SELECT 1 FROM claims WHERE version_id = old.version_id AND key = old.key
                );
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT new.key, COALESCE(a.published, v.fetched_at), v.id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.id = new.version_id AND new.key IS NOT NULL;
        END;
        CREATE TRIGGER claim_keys_article_published AFTER UPDATE OF published ON articles
        WHEN new.published IS NOT old.published BEGIN
            DELETE FROM claim_keys
                WHERE key IN (
                    SELECT c.key FROM versions v JOIN claims c ON c.version_id = v.id
                    WHERE v.article_id = new.id
                )
                AND version_id IN (SELECT id FROM versions WHERE article_id = new.id);
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT c.key, COALESCE(new.published, v.fetched_at), v.id
                FROM versions v JOIN claims c ON c.version_id = v.id
                WHERE v.article_id = new.id AND c.key IS NOT NULL;
        END;
        """
    )


def _migration_9(conn: sqlite3.Connection) -> None:
    """claim_keys filled once per version when it is marked tracked (one statement for all
    its keys), not once per claim row; a claim added to a version already tracked is still
    listed at once. Only tracked versions are looked up by key, so both stay exact."""
    conn.executescript(
        """
        DROP TRIGGER claim_keys_ai;
        CREATE TRIGGER claim_keys_ai AFTER INSERT ON claims
        WHEN new.key IS NOT NULL
            AND (SELECT tracked_at FROM versions WHERE id = new.version_id) IS NOT NULL
        BEGIN
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT new.key, COALESCE(a.published, v.fetched_at), v.id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.id = new.version_id;
        END;
        CREATE TRIGGER claim_keys_tracked AFTER UPDATE OF tracked_at ON versions
        WHEN new.tracked_at IS NOT NULL BEGIN
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT c.key, COALESCE(a.published, new.fetched_at), new.id
                FROM claims c JOIN articles a ON a.id = new.article_id
                WHERE c.version_id = new.id AND c.key IS NOT NULL;
        END;
        """
    )


def _migration_10(conn: sqlite3.Connection) -> None:
    """claim_keys on delete: whether the version still states the key is read from its own
    claims (by version), not from every claim with that key."""
    conn.executescript(
        """
        DROP TRIGGER claim_keys_ad;
        CREATE TRIGGER claim_keys_ad AFTER DELETE ON claims WHEN old.key IS NOT NULL BEGIN
            DELETE FROM claim_keys WHERE key = old.key AND version_id = old.version_id
                AND NOT EXISTS (
                    SELECT 1 FROM claims WHERE version_id = old.version_id AND +key = old.key
                );
        END;
        DROP TRIGGER claim_keys_au;
        CREATE TRIGGER claim_keys_au AFTER UPDATE OF key, version_id ON claims BEGIN
            DELETE FROM claim_keys WHERE key = old.key AND version_id = old.version_id
                AND NOT EXISTS (
                    SELECT 1 FROM claims WHERE version_id = old.version_id AND +key = old.key
                );
            INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
                SELECT new.key, COALESCE(a.published, v.fetched_at), v.id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.id = new.version_id AND new.key IS NOT NULL
                  AND v.tracked_at IS NOT NULL;
        END;
        """
    )


# Append new migrations here; never edit one that has shipped.
def _migration_11(conn: sqlite3.Connection) -> None:
    # Which process on which host runs a crawl, so a crawl killed outright can be closed later.
    conn.execute("ALTER TABLE runs ADD COLUMN pid INTEGER")
    conn.execute("ALTER TABLE runs ADD COLUMN host TEXT")


def _migration_12(conn: sqlite3.Connection) -> None:
    """Tracking writes: claims by key are read through claim_keys (key, article order,
    version), then the version's claims, so the claims_key index only cost every insert."""
    conn.executescript(
        """
        DROP INDEX IF EXISTS claims_key;
        """
    )


def _migration_13(conn: sqlite3.Connection) -> None:
    """Tracking writes: claims_fts is fed by ``db.tracking.insert_claims_of`` in one
    statement per batch of claims, not by a trigger statement per row (bench/db_scale.py:
    the trigger cost more than twice as much). Every claim is inserted there."""
    conn.executescript(
        """
        DROP TRIGGER IF EXISTS claims_ai;
        """
    )


def _migration_14(conn: sqlite3.Connection) -> None:
    """Tracking writes: claims without a source or a metric (many are) stay out of the
    indexes that look claims up by them; every query on those columns names a value."""
    conn.executescript(
        """
        DROP INDEX IF EXISTS claims_source;
        CREATE INDEX claims_source ON claims(source_id) WHERE source_id IS NOT NULL;
        DROP INDEX IF EXISTS claims_metric;
        CREATE INDEX claims_metric ON claims(metric, entity) WHERE metric IS NOT NULL;
        """
    )


def _migration_15(conn: sqlite3.Connection) -> None:
    """Retrack: flags found by the claims they name. Deleting or replacing a claim reads
    its flags (and the foreign keys set them NULL), which scanned every flag per claim."""
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS flags_claim ON flags(claim_id) WHERE claim_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS flags_previous_claim
            ON flags(previous_claim_id) WHERE previous_claim_id IS NOT NULL;
        """
    )


def _migration_16(conn: sqlite3.Connection) -> None:
    """Tracking writes: the fetched page moves out of versions into version_pages. Marking a
    version tracked rewrites its whole row, so a kept page (tens of kilobytes compressed)
    was read and written again for every version tracked."""
    conn.executescript(
        """
        CREATE TABLE version_pages (
            version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
            html BLOB NOT NULL
        );
        INSERT INTO version_pages (version_id, html)
            SELECT id, html FROM versions WHERE html IS NOT NULL;
        ALTER TABLE versions DROP COLUMN html;
        """
    )


def _migration_17(conn: sqlite3.Connection) -> None:
    """Tracking writes: claim_keys is fed by ``db.tracking.insert_claims_of`` in one
    statement per batch of claims, as claims_fts is since migration 13. The row trigger
    looked the version up for every claim stored, though tracking stores claims into
    versions not yet tracked, whose keys the claim_keys_tracked trigger lists. Every claim
    is inserted through that function."""
    conn.executescript(
        """
        DROP TRIGGER IF EXISTS claim_keys_ai;
        """
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
    _migration_11,
    _migration_12,
    _migration_13,
    _migration_14,
    _migration_15,
    _migration_16,
    _migration_17,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the number of migrations applied."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise DatabaseError(
            f"database schema version {current} is newer than this claimwatch understands "
            f"({SCHEMA_VERSION}); upgrade claimwatch"
        )
    applied = 0
    for number in range(current + 1, SCHEMA_VERSION + 1):
        # executescript() commits any open transaction first, so wrap it in an explicit one.
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](_NoCommit(conn))
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied += 1
    return applied


class _NoCommit:
    """Runs a migration script statement by statement inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def executescript(self, script: str) -> None:
        for statement in _split_statements(script):
            self._conn.execute(statement)

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)


def _split_statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def refuse_if_not_ours(path: Path, *, create: bool) -> None:
    """Raise DatabaseError, before anything is written, when ``path`` is not ours to open:
    another program's SQLite file, a file that is not SQLite, a newer claimwatch's database,
    or (unless ``create``) a missing or empty file."""
    try:
        kind, version, tables = identity.inspect(path)
    except identity.NotOurs as error:
        raise DatabaseError(f"{path}: {error}") from error
    if kind is identity.Kind.FOREIGN:
        raise DatabaseError(f"{path}: {identity.describe_foreign(tables)}; left untouched")
    if kind is identity.Kind.MISSING and not create:
        raise DatabaseError(f"{path}: no such database (run 'claimwatch init' or crawl first)")
    if kind is identity.Kind.BLANK and not create:
        raise DatabaseError(
            f"{path}: empty file, not a claimwatch database (run 'claimwatch init' or crawl first)"
        )
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: database schema version {version} is newer than this claimwatch "
            f"understands ({SCHEMA_VERSION}); upgrade claimwatch"
        )


def connect(
    path: str | Path, *, create: bool = True, readonly: bool = False
) -> sqlite_utils.Database:
    """Open (and migrate) the claimwatch database at ``path``.

    WAL lets readers (Datasette, queries) run beside the writer; busy_timeout makes
    a writer wait for a reader's lock instead of failing.
    """
    path = Path(path)
    refuse_if_not_ours(path, create=create)
    if path.parent and not path.parent.exists():
        raise DatabaseError(f"{path}: folder {path.parent} does not exist")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            migrate(conn)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: not a usable SQLite database ({error})") from error
    except DatabaseError as error:
        if str(error).startswith(str(path)):
            raise
        raise DatabaseError(f"{path}: {error}") from error
    return sqlite_utils.Database(conn)
