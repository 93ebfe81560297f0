"""Writes and reads of the tracker: sources, claims, version_sources and flags of stored versions.

``tracker.tracking.ingest`` decides what to write; this module only stores and answers. Every statement
is parameterized. Writes run inside :func:`transaction` (one version, or a batch of whole
versions), so a crash never leaves half a version tracked. A batch's sources, links, claims
and flags each go in a few multi-row statements, and the claims' full-text rows in one:
per-row statements and a full-text trigger dominated the cost of tracking
(bench/db_scale.py).
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlite_utils

T = TypeVar("T")

_CLAIM_COLUMNS = (
    'c.id, c.version_id, c.start, c."end", c.surface, c.sentence, c.value, c.unit, c.kind, '
    "c.approximate, c.subject, c.entity, c.metric, c.period, c.key, s.name AS source"
)


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on any error."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


_IDS_PER_STATEMENT = 500  # ids bound in one IN (...) list


def _chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size``: statements bind a bounded number of values."""
    for at in range(0, len(items), size):
        yield list(items[at : at + size])


def pending_version_ids(db: sqlite_utils.Database) -> list[int]:
    """Versions not yet tracked, oldest article first, each article's versions in order."""
    cursor = db.conn.execute(
        """
        SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id
        WHERE v.tracked_at IS NULL
        ORDER BY COALESCE(a.published, v.fetched_at), a.id, v.number
        """
    )
    return [row[0] for row in cursor.fetchall()]


def tracked_version_ids(
    db: sqlite_utils.Database, *, since: str | None = None, outlet: str | None = None
) -> list[int]:
    """Tracked versions fetched at or after ``since`` (ISO text) of ``outlet``, in tracking order."""
    cursor = db.conn.execute(
        """
        SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id
        WHERE v.tracked_at IS NOT NULL
          AND (:since IS NULL OR v.fetched_at >= :since)
          AND (:outlet IS NULL OR a.outlet = :outlet)
        ORDER BY COALESCE(a.published, v.fetched_at), a.id, v.number
        """,
        {"since": since, "outlet": outlet},
    )
    return [row[0] for row in cursor.fetchall()]


def outlet_exists(db: sqlite_utils.Database, outlet: str) -> bool:
    cursor = db.conn.execute(
        "SELECT 1 FROM articles WHERE outlet = ? UNION SELECT 1 FROM outlets WHERE name = ?",
        (outlet, outlet),
    )
    return cursor.fetchone() is not None


def load_version(db: sqlite_utils.Database, version_id: int) -> dict[str, Any] | None:
    """A version with what tracking needs of its article and run (backfill), or None."""
    found = load_versions(db, [version_id])
    return found[0] if found else None


def load_versions(db: sqlite_utils.Database, version_ids: Sequence[int]) -> list[dict[str, Any]]:
    """:func:`load_version` of many versions in one statement a few hundred at a time, in
    the order given; ids of versions that no longer exist are left out."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(version_ids, _IDS_PER_STATEMENT):
        cursor = db.conn.execute(
            f"""
            SELECT v.id, v.article_id, v.number, v.text, v.run_id, v.tracked_at,
                   COALESCE(v.published, a.published) AS published, a.url, a.outlet, a.language,
                   COALESCE(r.backfill, 0) AS backfill
            FROM versions v JOIN articles a ON a.id = v.article_id
            LEFT JOIN runs r ON r.id = v.run_id
            WHERE v.id IN ({", ".join("?" for _ in chunk)})
            """,  # noqa: S608 - one placeholder an id
            chunk,
        )
        found.update((row["id"], row) for row in _rows(cursor))
    return [found[version_id] for version_id in version_ids if version_id in found]


def tracked_among(db: sqlite_utils.Database, version_ids: Sequence[int]) -> set[int]:
    """Which of ``version_ids`` are tracked (a concurrent run may have tracked some)."""
    tracked: set[int] = set()
    for chunk in _chunks(version_ids, _IDS_PER_STATEMENT):
        cursor = db.conn.execute(
            f"SELECT id FROM versions WHERE tracked_at IS NOT NULL "  # noqa: S608
            f"AND id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        )
        tracked.update(row[0] for row in cursor)
    return tracked


def is_tracked(db: sqlite_utils.Database, version_id: int) -> bool:
    row = db.conn.execute("SELECT tracked_at FROM versions WHERE id = ?", (version_id,)).fetchone()
    return row is not None and row[0] is not None


def previous_version_id(db: sqlite_utils.Database, article_id: int, number: int) -> int | None:
    """The article's latest tracked version before version ``number``."""
    row = db.conn.execute(
        """
        SELECT id FROM versions
        WHERE article_id = ? AND number < ? AND tracked_at IS NOT NULL
        ORDER BY number DESC LIMIT 1
        """,
        (article_id, number),
    ).fetchone()
    return None if row is None else int(row[0])


def version_claims(db: sqlite_utils.Database, version_id: int) -> list[dict[str, Any]]:
    """Claims of one version in text order, with their source's name."""
    cursor = db.conn.execute(
        f"""
        SELECT {_CLAIM_COLUMNS}
        FROM claims c LEFT JOIN sources s ON s.id = c.source_id
        WHERE c.version_id = ? ORDER BY c.start, c.id
        """,  # noqa: S608 - fixed column list
        (version_id,),
    )
    return _rows(cursor)


def key_versions(
    db: sqlite_utils.Database, key: str, *, exclude_article_id: int
) -> Iterator[dict[str, Any]]:
    """The latest tracked version of every other article whose claims have ``key``, newest
    article first (COALESCE(published, fetched_at), then version id): version_id, article_id,
    published. Read lazily from claim_keys, so a caller that stops early reads only that far.
    """
    cursor = db.conn.execute(
        """
        SELECT k.version_id, v.article_id, a.published
        FROM claim_keys k
        CROSS JOIN versions v ON v.id = k.version_id
        CROSS JOIN articles a ON a.id = v.article_id
        WHERE k.key = ? AND v.article_id != ?
          AND v.number = (
              SELECT MAX(v2.number) FROM versions v2
              WHERE v2.article_id = v.article_id AND v2.tracked_at IS NOT NULL
          )
        ORDER BY k.key DESC, k.ord DESC, k.version_id DESC
        """,
        (key, exclude_article_id),
    )
    try:  # row by row: each row costs lookups, and the first one usually ends the search
        for version_id, article_id, published in cursor:
            yield {"version_id": version_id, "article_id": article_id, "published": published}
    finally:
        cursor.close()


_KEYS_PER_STATEMENT = 500  # two bound parameters a key; SQLite binds at most 32,766


def newest_key_versions(
    db: sqlite_utils.Database, keys: Sequence[str], *, exclude_article_id: int
) -> dict[str, dict[str, Any] | None]:
    """For each key, the first row :func:`key_versions` would yield (or None when no other
    article states it), all keys in one statement a few hundred at a time."""
    found: dict[str, dict[str, Any] | None] = {}
    for chunk in _chunks(keys, _KEYS_PER_STATEMENT):
        cursor = db.conn.execute(
            f"""
            WITH wanted(key) AS (VALUES {", ".join("(?)" for _ in chunk)}),
            newest AS (
                SELECT w.key, (
                    SELECT k.version_id
                    FROM claim_keys k CROSS JOIN versions v ON v.id = k.version_id
                    WHERE k.key = w.key AND v.article_id != ?
                      AND v.number = (
                          SELECT MAX(v2.number) FROM versions v2
                          WHERE v2.article_id = v.article_id AND v2.tracked_at IS NOT NULL
                      )
                    ORDER BY k.key DESC, k.ord DESC, k.version_id DESC LIMIT 1
                ) AS version_id
                FROM wanted w
            )
            SELECT n.key, n.version_id, v.article_id, a.published
            FROM newest n
            LEFT JOIN versions v ON v.id = n.version_id
            LEFT JOIN articles a ON a.id = v.article_id
            """,  # noqa: S608 - one placeholder a key
            [*chunk, exclude_article_id],
        )
        for key, version_id, article_id, published in cursor.fetchall():
            found[key] = (
                None
                if version_id is None
                else {"version_id": version_id, "article_id": article_id, "published": published}
            )
    return found


def claims_with_keys(
    db: sqlite_utils.Database, wanted: Sequence[tuple[int, str]]
) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """:func:`version_claims_with_key` for many (version id, key) pairs in one statement a
    few hundred pairs at a time; keyed by the pair."""
    found: dict[tuple[int, str], list[dict[str, Any]]] = {pair: [] for pair in wanted}
    pairs = list(found)
    for chunk in _chunks(pairs, _KEYS_PER_STATEMENT):
        cursor = db.conn.execute(
            f"""
            WITH wanted(version_id, key) AS (VALUES {", ".join("(?, ?)" for _ in chunk)})
            SELECT {_CLAIM_COLUMNS}, v.article_id, a.published, a.url
            FROM wanted w
            CROSS JOIN claims c ON c.version_id = w.version_id AND +c.key = w.key
            JOIN versions v ON v.id = c.version_id
            JOIN articles a ON a.id = v.article_id
            LEFT JOIN sources s ON s.id = c.source_id
            ORDER BY c.version_id, c.key, c.start, c.id
            """,  # noqa: S608 - fixed column list, one placeholder pair a key
            [value for pair in chunk for value in pair],
        )
        for row in _rows(cursor):
            found[(row["version_id"], row["key"])].append(row)
    return found


def version_claims_with_key(
    db: sqlite_utils.Database, version_id: int, key: str
) -> list[dict[str, Any]]:
    """Claims of one version with ``key`` in text order, with source name, article and url."""
    cursor = db.conn.execute(
        f"""
        SELECT {_CLAIM_COLUMNS}, v.article_id, a.published, a.url
        FROM claims c
        JOIN versions v ON v.id = c.version_id
        JOIN articles a ON a.id = v.article_id
        LEFT JOIN sources s ON s.id = c.source_id
        WHERE c.version_id = ? AND +c.key = ?  -- by version: a key may have thousands of claims
        ORDER BY c.start, c.id
        """,  # noqa: S608 - fixed column list
        (version_id, key),
    )
    return _rows(cursor)


WRITE_CACHE_KIB = 256 * 1024  # page cache of a tracking run: a million claims' indexes stay hot


# WAL pages written before a checkpoint copies them into the database during a tracking run
# (SQLite's default is 1,000): each commit rewrites thousands of claim index pages, and a
# page rewritten by several commits is copied once per checkpoint, not once per commit.
WRITE_CHECKPOINT_PAGES = 32_768
DEFAULT_CHECKPOINT_PAGES = 1_000


def prepare_writes(db: sqlite_utils.Database) -> None:
    """Give the writing connection a page cache the claim indexes fit in (SQLite's default is
    2 MB, so at a million claims most index pages of each insert were read and evicted again)
    and checkpoint the write-ahead log less often; :func:`finish_writes` undoes the latter."""
    db.conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    db.conn.execute(f"PRAGMA wal_autocheckpoint = {WRITE_CHECKPOINT_PAGES}")


def finish_writes(db: sqlite_utils.Database) -> None:
    """Back to the default checkpoint interval, and copy the log into the database now
    (without waiting for readers), so readers do not search a long log afterwards."""
    db.conn.execute(f"PRAGMA wal_autocheckpoint = {DEFAULT_CHECKPOINT_PAGES}")
    db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


_UPSERT_SOURCE = """
    INSERT INTO sources (name, norm_name, kind, role, organization, norm_organization)
    VALUES (:name, :norm_name, :kind, :role, :organization, :norm_organization)
    ON CONFLICT (norm_name, norm_organization) DO UPDATE SET
        kind = COALESCE(sources.kind, excluded.kind),
        role = COALESCE(sources.role, excluded.role)
"""


def upsert_sources(
    conn: sqlite3.Connection, sources: Sequence[dict[str, Any]]
) -> dict[tuple[str, str], int]:
    """Ids of ``sources`` (dicts of the sources columns), matched by normalized name and
    organization and inserted when new, keyed by (norm_name, norm_organization). Rows are
    upserted in the order given, so new sources get ids in that order; then all their ids
    are read a few hundred at a time."""
    conn.executemany(_UPSERT_SOURCE, sources)
    pairs = list(dict.fromkeys((row["norm_name"], row["norm_organization"]) for row in sources))
    found: dict[tuple[str, str], int] = {}
    for chunk in _chunks(pairs, _KEYS_PER_STATEMENT):
        cursor = conn.execute(
            f"""
            WITH wanted(norm_name, norm_organization) AS (
                VALUES {", ".join("(?, ?)" for _ in chunk)}
            )
            SELECT s.norm_name, s.norm_organization, s.id FROM wanted w
            JOIN sources s ON s.norm_name = w.norm_name
                AND s.norm_organization = w.norm_organization
            """,  # noqa: S608 - one placeholder pair a source
            [value for pair in chunk for value in pair],
        )
        found.update(((name, organization), id_) for name, organization, id_ in cursor)
    return found


def link_many(conn: sqlite3.Connection, links: Sequence[tuple[int, int, str | None]]) -> None:
    """Link versions to sources: ``links`` are (version id, source id, role); repeats are ignored."""
    conn.executemany(
        "INSERT OR IGNORE INTO version_sources (version_id, source_id, role) VALUES (?, ?, ?)",
        links,
    )


def link_sources(
    conn: sqlite3.Connection, version_id: int, links: Sequence[tuple[int, str | None]]
) -> None:
    """Link a version to its sources: ``links`` are (source id, role); repeats are ignored."""
    conn.executemany(
        "INSERT OR IGNORE INTO version_sources (version_id, source_id, role) VALUES (?, ?, ?)",
        [(version_id, source, role) for source, role in links],
    )


_CLAIM_FIELDS = (
    "start", "end", "surface", "sentence", "value", "unit", "kind", "source_id",
    "subject", "entity", "metric", "period", "key",
)  # fmt: skip
_claim_values = operator.itemgetter(*_CLAIM_FIELDS)  # then approximate, stored as 0 or 1
_CLAIM_INSERT = (
    'INSERT INTO claims (id, version_id, start, "end", surface, sentence, value, unit, kind, '
    "source_id, subject, entity, metric, period, key, approximate) VALUES "
)
_CLAIM_MARKS = "(" + ", ".join("?" for _ in range(len(_CLAIM_FIELDS) + 3)) + ")"
# Rows per INSERT statement: SQLite binds at most 32,766 parameters (16 a row).
_CLAIM_ROWS_PER_STATEMENT = 1_000


def insert_claims(
    conn: sqlite3.Connection, version_id: int, claims: Sequence[dict[str, Any]]
) -> list[int]:
    """Store a version's claims (keys as the claims columns, ``source_id`` already resolved);
    returns their ids in order."""
    return insert_claims_of(conn, [(version_id, claim) for claim in claims])


def insert_claims_of(
    conn: sqlite3.Connection, claims: Sequence[tuple[int, dict[str, Any]]]
) -> list[int]:
    """Store (version id, claim) pairs, claims as in :func:`insert_claims`; returns their
    ids in order.

    Rows go in multi-row INSERTs of up to a thousand: per-statement work, not per-row work,
    dominated small statements (bench/db_scale.py). Ids are given explicitly (the next free
    ones, as SQLite would), so each claim's id is known.
    """
    if not claims:
        return []
    first = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM claims").fetchone()[0])
    ids = list(range(first, first + len(claims)))
    rows = [
        (claim_id, version_id, *_claim_values(claim), int(bool(claim["approximate"])))
        for claim_id, (version_id, claim) in zip(ids, claims, strict=True)
    ]
    for chunk in _chunks(rows, _CLAIM_ROWS_PER_STATEMENT):
        conn.execute(
            _CLAIM_INSERT + ", ".join([_CLAIM_MARKS] * len(chunk)),
            [value for row in chunk for value in row],
        )
    # No insert trigger feeds the full-text index (migration 13) or claim_keys (migration
    # 17): both are fed here, all at once.
    conn.execute(
        "INSERT INTO claims_fts (rowid, sentence, surface) "
        "SELECT id, sentence, surface FROM claims WHERE id BETWEEN ? AND ?",
        (ids[0], ids[-1]),
    )
    conn.execute(_LIST_KEYS_OF_TRACKED, (ids[0], ids[-1]))
    return ids


# claim_keys lists the keys of tracked versions only; claims stored into an untracked
# version (as tracking does) are listed when it is marked tracked (trigger claim_keys_tracked),
# so here only a retracked version's claims are.
_LIST_KEYS_OF_TRACKED = """
    INSERT OR IGNORE INTO claim_keys (key, ord, version_id)
    SELECT c.key, COALESCE(a.published, v.fetched_at), v.id
    FROM claims c
    CROSS JOIN versions v ON v.id = c.version_id
    CROSS JOIN articles a ON a.id = v.article_id
    WHERE c.id BETWEEN ? AND ? AND c.key IS NOT NULL AND v.tracked_at IS NOT NULL
"""


_FLAG_COLUMNS = (
    "kind", "article_id", "claim_id", "previous_claim_id", "previous_article_id",
    "old_value", "new_value", "unit", "source", "old_sentence", "new_sentence", "key",
    "run_id", "created_at",
)  # fmt: skip


def insert_flags(conn: sqlite3.Connection, flags: Sequence[dict[str, Any]]) -> None:
    """Store flags; each holds flags columns (absent ones are NULL)."""
    conn.executemany(
        f"INSERT INTO flags ({', '.join(_FLAG_COLUMNS)}) "  # noqa: S608 - fixed column list
        f"VALUES ({', '.join('?' for _ in _FLAG_COLUMNS)})",
        [tuple(flag.get(column) for column in _FLAG_COLUMNS) for flag in flags],
    )


def mark_tracked(conn: sqlite3.Connection, version_id: int, when: str) -> None:
    conn.execute("UPDATE versions SET tracked_at = ? WHERE id = ?", (when, version_id))


def replace_claim_links(conn: sqlite3.Connection, moves: Sequence[tuple[int, int]]) -> None:
    """Point flags at new claim ids: ``moves`` are (old claim id, new claim id)."""
    for old, new in moves:
        conn.execute("UPDATE flags SET claim_id = ? WHERE claim_id = ?", (new, old))
        conn.execute(
            "UPDATE flags SET previous_claim_id = ? WHERE previous_claim_id = ?", (new, old)
        )


def delete_claims(conn: sqlite3.Connection, claim_ids: Sequence[int]) -> None:
    for claim in claim_ids:
        conn.execute("DELETE FROM claims WHERE id = ?", (claim,))


def flags_on_claims(conn: sqlite3.Connection, claim_ids: Sequence[int]) -> list[int]:
    """Ids of the flags that name any of ``claim_ids`` as their claim or previous claim."""
    found: list[int] = []
    for chunk in _chunks(claim_ids, _IDS_PER_STATEMENT):
        marks = ", ".join("?" for _ in chunk)
        cursor = conn.execute(
            f"SELECT id FROM flags WHERE claim_id IN ({marks}) "  # noqa: S608
            f"UNION SELECT id FROM flags WHERE previous_claim_id IN ({marks})",
            chunk + chunk,
        )
        found += [row[0] for row in cursor]
    return found


def delete_flags_without_claims(conn: sqlite3.Connection, flag_ids: Sequence[int]) -> int:
    """Drop those of ``flag_ids`` whose claims are all gone (a retrack found they were no
    claims); returns how many."""
    dropped = 0
    for chunk in _chunks(flag_ids, _IDS_PER_STATEMENT):
        cursor = conn.execute(
            f"DELETE FROM flags WHERE id IN ({', '.join('?' for _ in chunk)}) "  # noqa: S608
            "AND claim_id IS NULL AND previous_claim_id IS NULL",
            chunk,
        )
        dropped += cursor.rowcount
    return dropped


def unlink_sources(conn: sqlite3.Connection, version_id: int) -> None:
    conn.execute("DELETE FROM version_sources WHERE version_id = ?", (version_id,))


def delete_orphan_sources(conn: sqlite3.Connection) -> int:
    """Drop sources no version or claim refers to any more (after a retrack)."""
    cursor = conn.execute(
        """
        DELETE FROM sources
        WHERE id NOT IN (SELECT source_id FROM version_sources)
          AND id NOT IN (SELECT source_id FROM claims WHERE source_id IS NOT NULL)
        """
    )
    return cursor.rowcount


def flag_records(
    db: sqlite_utils.Database,
    *,
    since: str | None = None,
    kinds: Sequence[str] = (),
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Flags as the CLI prints them (ARCHITECTURE.md field names), oldest first."""
    kind_list = ",".join(kinds)
    cursor = db.conn.execute(
        """
        SELECT f.id, f.kind, a.url AS article_url, pa.url AS previous_article_url,
               f.old_value, f.new_value, f.unit, f.source, f.old_sentence, f.new_sentence,
               f.key, f.created_at, f.delivered_at, a.outlet,
               pc.surface AS old_surface, c.surface AS new_surface, f.run_id,
               pc.entity AS old_entity, pc.metric AS old_metric, pc.period AS old_period,
               c.entity AS new_entity, c.metric AS new_metric, c.period AS new_period
        FROM flags f
        JOIN articles a ON a.id = f.article_id
        LEFT JOIN articles pa ON pa.id = f.previous_article_id
        LEFT JOIN claims c ON c.id = f.claim_id
        LEFT JOIN claims pc ON pc.id = f.previous_claim_id
        WHERE (:since IS NULL OR f.created_at >= :since)
          AND (:kinds = '' OR instr(',' || :kinds || ',', ',' || f.kind || ',') > 0)
          AND (:outlet IS NULL OR a.outlet = :outlet)
        ORDER BY f.id
        LIMIT :limit
        """,
        {
            "since": since,
            "kinds": kind_list,
            "outlet": outlet,
            "limit": -1 if limit is None else limit,
        },
    )
    return _rows(cursor)
