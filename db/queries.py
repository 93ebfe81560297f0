"""Reads for the command line: claims, sources, articles and runs as plain records.

Every statement is parameterized; the only text spliced into SQL comes from the
fixed tables of sort orders below. Record field names follow ARCHITECTURE.md
("Records printed by the CLI"). By default claims are those of each article's
latest tracked version: earlier versions are history (see ``all_versions``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from db.claims_query import CLAIM_SORTS, ClaimQuery, claims
from db.query_parts import (
    LATEST_TRACKED,
    QueryError,
    claims_by_version_index,
    fts_query,
    like,
    limit_clause,
    order_by,
    rows,
)

__all__ = [
    "CLAIM_SORTS",
    "ClaimQuery",
    "QueryError",
    "articles",
    "claims",
    "fts_query",
    "runs",
    "sources",
]

SOURCE_SORTS = {
    "claims": "claims",
    "articles": "articles",
    "name": "s.name",
    "first_seen": "seen.first_seen",
    "last_seen": "seen.last_seen",
}
ARTICLE_SORTS = {
    "published": "a.published",
    "first_seen": "a.first_seen",
    "last_seen": "a.last_seen",
    "url": "a.url",
    "claims": "claims",
}
RUN_SORTS = {"started_at": "r.started_at", "id": "r.id", "errors": "r.errors"}


def _count(db: sqlite_utils.Database, sql: str, params: list[Any]) -> int:
    return int(db.execute(sql, params).fetchone()[0])


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
        params += [like(name), like(name)]
    if organization:
        where.append("s.organization LIKE ? ESCAPE '\\'")
        params.append(like(organization))
    if kind:
        where.append("s.kind = ?")
        params.append(kind.lower())
    order = order_by(sort, SOURCE_SORTS, "s.id")
    restrict = " AND ".join(where) or "1"
    chosen = f"IN (SELECT s.id FROM sources s WHERE {restrict})" if where else "IS NOT NULL"  # noqa: S608
    by_version = claims_by_version_index(db)
    # Claims are counted from the claims_source index in full, and those of superseded
    # versions (few) taken off again: no claim row is read.
    counted = f"""claim_counts AS (
            SELECT source_id, COUNT(*) AS claims FROM claims
            WHERE source_id {chosen} GROUP BY source_id
        ), superseded_counts AS (
            SELECT c.source_id, COUNT(*) AS claims
            FROM versions v CROSS JOIN claims c INDEXED BY {by_version} ON c.version_id = v.id
            WHERE NOT ({LATEST_TRACKED}) AND +c.source_id {chosen}
            GROUP BY c.source_id
        ), counted AS (
            SELECT s.id, s.name, s.kind, s.role, s.organization,
                COALESCE(cc.claims, 0) - COALESCE(sc.claims, 0) AS claims
            FROM sources s
            LEFT JOIN claim_counts cc ON cc.source_id = s.id
            LEFT JOIN superseded_counts sc ON sc.source_id = s.id
            WHERE {restrict}
        )"""  # noqa: S608 - clauses are fixed strings, values are parameters
    seen_columns = """vs.source_id, COUNT(DISTINCT v.article_id) AS articles,
                MIN(COALESCE(a.published, a.first_seen)) AS first_seen,
                MAX(COALESCE(a.published, a.last_seen)) AS last_seen"""
    by_links = (
        "CROSS JOIN version_sources vs INDEXED BY version_sources_source ON vs.source_id = s.id "
        "CROSS JOIN versions v ON v.id = vs.version_id CROSS JOIN articles a ON a.id = v.article_id"
    )
    if sort.lstrip("-+") in ("claims", "name"):
        # The order needs no dates: pick the page of sources first, then date only those.
        sql = f"""WITH {counted}, picked AS (
                SELECT * FROM counted s ORDER BY {order}{limit_clause(limit, [])}
            ), seen AS (
                SELECT {seen_columns} FROM picked s {by_links} GROUP BY vs.source_id
            )
            SELECT s.name, s.kind, s.role, s.organization, s.claims,
                COALESCE(seen.articles, 0) AS articles, seen.first_seen, seen.last_seen
            FROM picked s LEFT JOIN seen ON seen.source_id = s.id
            ORDER BY {order}"""  # noqa: S608
        arguments = params * 3 if where else []
        return rows(db, sql, arguments + ([limit] if limit else []))
    # Few chosen sources: start from their links; many: walk all versions in article order
    # (the unary + keeps SQLite from probing every chosen source for each version).
    counting = f"SELECT COUNT(*) FROM sources s WHERE {restrict}"  # noqa: S608
    if where and _count(db, counting, params) <= 200:
        seen = f"SELECT {seen_columns} FROM sources s {by_links} WHERE {restrict} GROUP BY vs.source_id"  # noqa: S608
    else:
        seen = f"""SELECT {seen_columns}
            FROM versions v CROSS JOIN version_sources vs ON vs.version_id = v.id
            CROSS JOIN articles a ON a.id = v.article_id
            WHERE +vs.source_id {chosen} GROUP BY vs.source_id"""  # noqa: S608
    sql = f"""WITH {counted}, seen AS ({seen})
        SELECT s.name, s.kind, s.role, s.organization, s.claims,
            COALESCE(seen.articles, 0) AS articles, seen.first_seen, seen.last_seen
        FROM counted s LEFT JOIN seen ON seen.source_id = s.id
        ORDER BY {order}"""  # noqa: S608
    arguments = params * 4 if where else []
    sql += limit_clause(limit, arguments)
    return rows(db, sql, arguments)


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
    order = order_by(sort, ARTICLE_SORTS, "a.id")
    # Newest first reads the date index and stops at the limit, rather than sorting a whole
    # outlet's articles; a single URL is found by its own index.
    by_date = (
        "INDEXED BY articles_published" if sort.lstrip("-+") == "published" and not url else ""
    )
    sql = f"""SELECT a.url, a.outlet, a.title, a.authors, a.published, a.language, a.via,
            (SELECT COUNT(*) FROM versions v WHERE v.article_id = a.id) AS versions,
            a.first_seen, a.last_seen,
            (SELECT COUNT(*) FROM versions v JOIN claims c ON c.version_id = v.id
             WHERE v.article_id = a.id AND {LATEST_TRACKED}) AS claims
        FROM articles a {by_date}
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += limit_clause(limit, params)
    records = rows(db, sql, params)
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
    order = order_by(sort, RUN_SORTS, "r.id")
    sql = f"""SELECT r.id, r.outlet, r.started_at, r.finished_at, r.status, r.pages,
            r.articles_new, r.articles_changed, r.articles_unchanged, r.errors,
            r.backfill
        FROM runs r
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    sql += limit_clause(limit, params)
    records = rows(db, sql, params)
    for record in records:
        record["backfill"] = bool(record["backfill"])
    return records
