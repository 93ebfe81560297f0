"""Pieces every read shares: typed errors, safe full-text queries, sorting, limits.

Every statement built from these is parameterized; the only text spliced into SQL
comes from fixed tables of sort orders in the query modules.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import sqlite_utils


class QueryError(ValueError):
    """A query the database cannot answer as asked (bad search text, unknown sort)."""


# The latest version of an article that the tracker has read.
LATEST_TRACKED = """v.number = (
    SELECT MAX(v2.number) FROM versions v2
    WHERE v2.article_id = v.article_id AND v2.tracked_at IS NOT NULL
)"""


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_PHRASE = re.compile(r'"([^"]*)"|([^\s"]+)')
_HAS_WORD = re.compile(r"\w", re.UNICODE)


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must appear.

    "double quoted phrases" stay phrases and a trailing ``*`` on a word is a prefix
    search; everything else (operators, brackets, stray quotes) is plain text, so no
    input can be an FTS5 syntax error.
    """
    typed = (
        text.replace('"', " ") if text.count('"') % 2 else text
    )  # unbalanced quotes quote nothing
    parts = []
    for phrase, word in _PHRASE.findall(typed):
        piece = phrase or word
        if not _HAS_WORD.search(piece):
            continue
        prefix = bool(word) and word.endswith("*") and bool(_HAS_WORD.search(word.rstrip("*")))
        parts.append('"' + (piece.rstrip("*") if prefix else piece) + '"' + ("*" if prefix else ""))
    if not parts:
        raise QueryError(f"search text {text.strip()!r} has no words to look for")
    return " ".join(parts)


# Han, kana and hangul: scripts written without spaces, which FTS5's unicode61 tokenizer
# cannot split into words, so their runs are matched as substrings of the sentence.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def split_search(text: str) -> tuple[str | None, list[str]]:
    """(FTS5 query for the spaced words or None, substrings of unspaced scripts to find)."""
    runs = _UNSPACED.findall(text)
    rest = _UNSPACED.sub(" ", text)
    if not runs:
        return fts_query(rest), []
    return (fts_query(rest) if _HAS_WORD.search(rest) else None), runs


def order_by(sort: str, sorts: dict[str, str], tiebreak: str) -> str:
    descending = sort.startswith("-")
    name = sort.lstrip("-+")
    if name not in sorts:
        raise QueryError(f"cannot sort by {name!r} (choose from {', '.join(sorts)})")
    direction = "DESC" if descending else "ASC"
    return f"{sorts[name]} {direction}, {tiebreak} {direction}"


def limit_clause(limit: int | None, params: list[Any]) -> str:
    if not limit:
        return ""
    if limit < 0:
        raise QueryError("limit must be a positive number (0 for no limit)")
    params.append(limit)
    return " LIMIT ?"


def rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        cursor = db.execute(sql, params)
    except sqlite3.OperationalError as error:
        # Only the FTS MATCH can fail on user input; anything else is a real bug.
        if "fts5" in str(error).lower() or "match" in str(error).lower():
            raise QueryError(f"cannot search for that: {error}") from None
        raise
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def claims_by_version_index(db: sqlite_utils.Database) -> str:
    """The index that finds a version's claims: migration 6's covering one, or (on a database a
    read-only connection has not migrated) the original claims_version."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'claims_version_filters'"
    ).fetchone()
    return "claims_version_filters" if found else "claims_version"
