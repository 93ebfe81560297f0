"""Integrity checks of a claimwatch database: SQLite's own and claimwatch's invariants.

Each check returns the problems it found (at most ``SHOWN`` examples each, with the
total), so a broken database reports what is wrong instead of stopping at the first.
Nothing here writes: it runs on a read-only connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

SHOWN = 20


@dataclass(frozen=True)
class Problem:
    check: str
    detail: str


@dataclass(frozen=True)
class CheckResult:
    check: str
    description: str
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _integrity(db: sqlite_utils.Database) -> list[str]:
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _foreign_keys(db: sqlite_utils.Database) -> list[str]:
    return [
        f"{table} row {rowid} points to a missing {parent} row"
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()
    ]


def _claim_offsets(db: sqlite_utils.Database) -> list[str]:
    # substr() and length() count characters as Python's str does, so offsets compare directly.
    rows = db.execute(
        """SELECT c.id, c.version_id, c.start, c."end", c.surface,
               substr(v.text, c.start + 1, c."end" - c.start), length(v.text)
        FROM claims c JOIN versions v ON v.id = c.version_id
        WHERE c.start < 0 OR c."end" < c.start OR c."end" > length(v.text)
           OR substr(v.text, c.start + 1, c."end" - c.start) IS NOT c.surface"""
    ).fetchall()
    problems = []
    for claim_id, version_id, start, end, surface, found, length in rows:
        if start < 0 or end < start or end > length:
            problems.append(
                f"claim {claim_id}: offsets {start}..{end} outside version {version_id} "
                f"(text of {length} characters)"
            )
        else:
            problems.append(
                f"claim {claim_id}: version {version_id} text[{start}:{end}] is {found!r}, "
                f"not the surface {surface!r}"
            )
    return problems


def _claims_without_version(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute(
        """SELECT c.id, c.version_id FROM claims c
        LEFT JOIN versions v ON v.id = c.version_id WHERE v.id IS NULL"""
    ).fetchall()
    return [
        f"claim {claim_id}: version {version_id} does not exist" for claim_id, version_id in rows
    ]


def _flag_claims(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute(
        """SELECT f.id, f.kind, f.claim_id, f.previous_claim_id,
               f.claim_id IS NOT NULL AND c.id IS NULL,
               f.previous_claim_id IS NOT NULL AND p.id IS NULL
        FROM flags f
        LEFT JOIN claims c ON c.id = f.claim_id
        LEFT JOIN claims p ON p.id = f.previous_claim_id
        WHERE (f.claim_id IS NULL AND f.previous_claim_id IS NULL)
           OR (f.claim_id IS NOT NULL AND c.id IS NULL)
           OR (f.previous_claim_id IS NOT NULL AND p.id IS NULL)"""
    ).fetchall()
    problems = []
    for flag_id, kind, claim_id, previous_id, claim_missing, previous_missing in rows:
        if claim_missing:
            problems.append(f"{kind} flag {flag_id}: claim {claim_id} does not exist")
        if previous_missing:
            problems.append(f"{kind} flag {flag_id}: previous claim {previous_id} does not exist")
        if claim_id is None and previous_id is None:
            problems.append(f"{kind} flag {flag_id}: names no claim at all")
    return problems


def _fts(db: sqlite_utils.Database) -> list[str]:
    problems = []
    for table in ("claims_fts", "versions_fts"):
        try:
            # FTS5's 'integrity-check' compares the index with its content table; it writes nothing.
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")  # noqa: S608
        except sqlite3.DatabaseError as error:
            problems.append(f"{table}: full-text index does not match its table ({error})")
    return problems


_STATED_KEYS = """
    SELECT DISTINCT c.key, COALESCE(a.published, v.fetched_at), v.id
    FROM claims c JOIN versions v ON v.id = c.version_id JOIN articles a ON a.id = v.article_id
    WHERE c.key IS NOT NULL AND v.tracked_at IS NOT NULL
"""


def _claim_keys(db: sqlite_utils.Database) -> list[str]:
    """claim_keys lists exactly the keys tracked versions state, in their articles' order."""
    missing = db.execute(
        f"{_STATED_KEYS} EXCEPT SELECT key, ord, version_id FROM claim_keys"  # noqa: S608
    ).fetchall()
    stale = db.execute(
        f"SELECT key, ord, version_id FROM claim_keys EXCEPT {_STATED_KEYS}"  # noqa: S608
    ).fetchall()
    return [
        f"key {key!r} of version {version} ({ord_}) is not listed" for key, ord_, version in missing
    ] + [
        f"key {key!r} listed for version {version} ({ord_}) that no claim states"
        for key, ord_, version in stale
    ]


CHECKS: list[tuple[str, str, Callable[[sqlite_utils.Database], list[str]]]] = [
    ("integrity_check", "SQLite file structure (PRAGMA integrity_check)", _integrity),
    ("foreign_key_check", "references between tables (PRAGMA foreign_key_check)", _foreign_keys),
    ("claim_versions", "every claim belongs to a stored version", _claims_without_version),
    (
        "claim_offsets",
        "every claim's offsets lie inside its version's text and frame its surface",
        _claim_offsets,
    ),
    ("flag_claims", "every flag's claims exist", _flag_claims),
    ("full_text", "full-text indexes match claims and versions", _fts),
    (
        "claim_keys",
        "the claim-key index lists exactly the keys tracked versions state",
        _claim_keys,
    ),
]


def check_database(db: sqlite_utils.Database) -> list[CheckResult]:
    """Run every check; a failing check does not stop the others."""
    results = []
    for name, description, check in CHECKS:
        try:
            found = check(db)
        except sqlite3.DatabaseError as error:  # a damaged file can fail any query
            found = [f"could not run: {error}"]
        shown = [Problem(name, detail) for detail in found[:SHOWN]]
        if len(found) > SHOWN:
            shown.append(Problem(name, f"... and {len(found) - SHOWN} more"))
        results.append(CheckResult(name, description, shown))
    return results
