"""Is a file a claimwatch database? Answered without writing a byte to it.

A ``--db`` that names another program's SQLite file, or an empty file given to a command
that only reads, must be refused before anything (WAL mode, migrations) changes it. The
file is inspected through a read-only connection: SQLite's ``user_version`` and the names
of its tables. A claimwatch database has a positive ``user_version`` and its core tables; a
file with no tables at all (0 bytes, or a fresh SQLite header) is *blank* and may become one.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from urllib.parse import quote

CORE_TABLES = frozenset({"outlets", "runs", "articles", "versions"})


class Kind(Enum):
    MISSING = "missing"
    BLANK = "blank"  # 0 bytes, or an SQLite file with no tables
    CLAIMWATCH = "claimwatch"
    FOREIGN = "foreign"  # an SQLite file holding other tables


class NotOurs(Exception):
    """The file is not a claimwatch database (another program's, or not SQLite)."""


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable=1 reads the file alone: no -wal or -shm is created and no lock is taken.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def inspect(path: Path) -> tuple[Kind, int, list[str]]:
    """(kind, user_version, table names) of the file at ``path``; never modifies it.

    Raises :class:`NotOurs` when the file is not SQLite at all.
    """
    if not path.exists():
        return Kind.MISSING, 0, []
    if path.is_dir():
        raise NotOurs("is a folder, not a database file")
    if path.stat().st_size == 0:
        return Kind.BLANK, 0, []
    wal = path.with_name(path.name + "-wal")
    try:
        conn = _read_only(path) if not _has_content(wal) else _live_read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
            ]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise NotOurs(f"not a usable SQLite database ({error})") from error
    if not tables and version == 0:
        return Kind.BLANK, version, tables
    if version > 0 and CORE_TABLES <= set(tables):
        return Kind.CLAIMWATCH, version, tables
    return Kind.FOREIGN, version, tables


def _has_content(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _live_read_only(path: Path) -> sqlite3.Connection:
    # A database with a live WAL (a crawl writing now) must be read through its WAL; mode=ro
    # still never writes the main file.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def describe_foreign(tables: list[str]) -> str:
    """A short account of another program's tables for a one-line error."""
    shown = ", ".join(tables[:3]) + (f" and {len(tables) - 3} more" if len(tables) > 3 else "")
    return f"not a claimwatch database (it holds other tables: {shown})"
