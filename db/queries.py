"""Reads for the command line: claims, sources, articles and runs as plain records.

Every statement is parameterized; the only text spliced into SQL comes from the
fixed tables of sort orders below. Record field names follow ARCHITECTURE.md
("Records printed by the CLI"). By default claims are those of each article's
latest tracked version: earlier versions are history (see ``all_versions``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlite_utils


class QueryError(ValueError):
    """A query the database cannot answer as asked (bad search text, unknown sort)."""


# sort name -> SQL expression; a leading "-" on the user's sort name means descending.
CLAIM_SORTS = {
    "published": "a.published",
    "value": "c.value",
    "id": "c.id",
    "source": "s.name",
    "outlet": "a.outlet",
    "unit": "c.unit",
    "kind": "c.kind",
    "rank": "claims_fts.rank",
}
SOURCE_SORTS = {
    "claims": "claims",
    "articles": "articles",
    "name": "s.name",
    "first_seen": "first_seen",
    "last_seen": "last_seen",
}
ARTICLE_SORTS = {
    "published": "a.published",
    "first_seen": "a.first_seen",
    "last_seen": "a.last_seen",
    "url": "a.url",
    "claims": "claims",
}
RUN_SORTS = {"started_at": "r.started_at", "id": "r.id", "errors": "r.errors"}

# The latest version of an article that the tracker has read.
_LATEST_TRACKED = """v.number = (
    SELECT MAX(v2.number) FROM versions v2
    WHERE v2.article_id = v.article_id AND v2.tracked_at IS NOT NULL
)"""


@dataclass(frozen=True)
class ClaimQuery:
    """Filters of ``claimwatch claims``; None means "any"."""

    source: str | None = None
    organization: str | None = None
    outlet: str | None = None
    unit: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    article: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    sort: str | None = None  # default: "rank" with search, else "-published"
    limit: int | None = 50  # None or 0: no limit
    all_versions: bool = False


def _like(text: str) -> str:
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


def _order_by(sort: str, sorts: dict[str, str], tiebreak: str) -> str:
    descending = sort.startswith("-")
    name = sort.lstrip("-+")
    if name not in sorts:
        raise QueryError(f"cannot sort by {name!r} (choose from {', '.join(sorts)})")
    direction = "DESC" if descending else "ASC"
    return f"{sorts[name]} {direction}, {tiebreak} {direction}"


def _limit(limit: int | None, params: list[Any]) -> str:
    if not limit:
        return ""
    if limit < 0:
        raise QueryError("limit must be a positive number (0 for no limit)")
    params.append(limit)
    return " LIMIT ?"


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        cursor = db.execute(sql, params)
    except sqlite3.OperationalError as error:
        # Only the FTS MATCH can fail on user input; anything else is a real bug.
        if "fts5" in str(error).lower() or "match" in str(error).lower():
            raise QueryError(f"cannot search for that: {error}") from None
        raise
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


CLAIM_COLUMNS = """
    c.id, a.url AS article_url, a.published, a.outlet,
    c.surface, c.sentence, c.value, c.unit, c.kind, c.approximate,
    s.name AS source, COALESCE(vs.role, s.role) AS source_role,
    s.organization AS source_organization,
    c.start, c."end", c.subject, c.entity, c.metric, c.period, c.key,
    v.number AS version
"""


def claims(db: sqlite_utils.Database, query: ClaimQuery) -> list[dict[str, Any]]:
    """Claims matching ``query``, as ``claims`` records."""
    where: list[str] = []
    params: list[Any] = []
    source = "claims c"
    if query.search is not None:
        source = "claims_fts JOIN claims c ON c.id = claims_fts.rowid"
        where.append("claims_fts MATCH ?")
        params.append(fts_query(query.search))
    if not query.all_versions:
        where.append(_LATEST_TRACKED)
    if query.source:
        where.append("(s.name LIKE ? ESCAPE '\\' OR s.norm_name LIKE ? ESCAPE '\\')")
        params += [_like(query.source), _like(query.source)]
    if query.organization:
        where.append("s.organization LIKE ? ESCAPE '\\'")
        params.append(_like(query.organization))
    if query.outlet:
        where.append("a.outlet = ?")
        params.append(query.outlet)
    if query.unit:
        where.append("c.unit = ? COLLATE NOCASE")
        params.append(query.unit)
    if query.kind:
        where.append("c.kind = ?")
        params.append(query.kind.lower())
    if query.since:
        where.append("a.published >= ?")
        params.append(query.since.isoformat())
    if query.until:
        # published may carry a time of day, so "until 2025-12-01" means before the 2nd.
        where.append("a.published < ?")
        params.append((query.until + timedelta(days=1)).isoformat())
    if query.article:
        where.append("a.url = ?")
        params.append(query.article)
    if query.min_value is not None:
        where.append("c.value >= ?")
        params.append(query.min_value)
    if query.max_value is not None:
        where.append("c.value <= ?")
        params.append(query.max_value)
    sort = query.sort or ("rank" if query.search is not None else "-published")
    if sort.lstrip("-+") == "rank" and query.search is None:
        raise QueryError("--sort rank needs --search")
    order = _order_by(sort, CLAIM_SORTS, "c.id")
    sql = f"""SELECT {CLAIM_COLUMNS}
        FROM {source}
        JOIN versions v ON v.id = c.version_id
        JOIN articles a ON a.id = v.article_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN version_sources vs ON vs.version_id = c.version_id AND vs.source_id = c.source_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += _limit(query.limit, params)
    records = _rows(db, sql, params)
    for record in records:
        record["approximate"] = bool(record["approximate"])
    return records


def sources(
    db: sqlite_utils.Database,
    *,
    name: str | None = None,
    organization: str | None = None,
    kind: str | None = None,
    sort: str = "-claims",
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Sources with how many claims (latest versions) and articles name them, and when."""
    where: list[str] = []
    params: list[Any] = []
    if name:
        where.append("(s.name LIKE ? ESCAPE '\\' OR s.norm_name LIKE ? ESCAPE '\\')")
        params += [_like(name), _like(name)]
    if organization:
        where.append("s.organization LIKE ? ESCAPE '\\'")
        params.append(_like(organization))
    if kind:
        where.append("s.kind = ?")
        params.append(kind.lower())
    order = _order_by(sort, SOURCE_SORTS, "s.id")
    sql = f"""WITH appearances AS (
            SELECT source_id, version_id FROM version_sources
            UNION
            SELECT source_id, version_id FROM claims WHERE source_id IS NOT NULL
        )
        SELECT s.name, s.kind, s.role, s.organization,
            (SELECT COUNT(*) FROM claims c JOIN versions v ON v.id = c.version_id
             WHERE c.source_id = s.id AND {_LATEST_TRACKED}) AS claims,
            COUNT(DISTINCT v.article_id) AS articles,
            MIN(COALESCE(a.published, a.first_seen)) AS first_seen,
            MAX(COALESCE(a.published, a.last_seen)) AS last_seen
        FROM sources s
        LEFT JOIN appearances ap ON ap.source_id = s.id
        LEFT JOIN versions v ON v.id = ap.version_id
        LEFT JOIN articles a ON a.id = v.article_id
        {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY s.id
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += _limit(limit, params)
    return _rows(db, sql, params)


def articles(
    db: sqlite_utils.Database,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    language: str | None = None,
    url: str | None = None,
    sort: str = "-published",
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Stored articles with their version and claim counts."""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if since:
        where.append("a.published >= ?")
        params.append(since.isoformat())
    if until:
        where.append("a.published < ?")
        params.append((until + timedelta(days=1)).isoformat())
    if language:
        where.append("a.language = ?")
        params.append(language)
    if url:
        where.append("a.url = ?")
        params.append(url)
    order = _order_by(sort, ARTICLE_SORTS, "a.id")
    sql = f"""SELECT a.url, a.outlet, a.title, a.authors, a.published, a.language, a.via,
            (SELECT COUNT(*) FROM versions v WHERE v.article_id = a.id) AS versions,
            a.first_seen, a.last_seen,
            (SELECT COUNT(*) FROM versions v JOIN claims c ON c.version_id = v.id
             WHERE v.article_id = a.id AND {_LATEST_TRACKED}) AS claims
        FROM articles a
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += _limit(limit, params)
    records = _rows(db, sql, params)
    for record in records:
        try:
            record["authors"] = json.loads(record["authors"] or "[]")
        except ValueError:
            record["authors"] = [record["authors"]]
    return records


def runs(
    db: sqlite_utils.Database,
    *,
    outlet: str | None = None,
    status: str | None = None,
    since: date | None = None,
    sort: str = "-started_at",
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Crawl runs, newest first, with their counts."""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("r.outlet = ?")
        params.append(outlet)
    if status:
        where.append("r.status = ?")
        params.append(status)
    if since:
        where.append("r.started_at >= ?")
        params.append(since.isoformat())
    order = _order_by(sort, RUN_SORTS, "r.id")
    sql = f"""SELECT r.id, r.outlet, r.started_at, r.finished_at, r.status, r.pages,
            r.articles_new, r.articles_changed, r.articles_unchanged, r.errors,
            r.backfill
        FROM runs r
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += _limit(limit, params)
    records = _rows(db, sql, params)
    for record in records:
        record["backfill"] = bool(record["backfill"])
    return records
