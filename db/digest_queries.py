"""Read queries behind the digest: flags, claims, sources, outlets and runs in a time window.

Every window query takes a :class:`Scope`: ISO dates, ``since`` inclusive and ``until``
exclusive (``'2025-12-08'``, ``'2025-12-15'``). Stored timestamps are ISO 8601 strings, so comparing
them with bare dates selects whole days whether a timestamp uses ``T`` or a space.

``outlet`` limits everything to one outlet's articles (and runs); ``source`` (a source's
name, case-insensitive) limits claims and flags to those attributed to it and articles to
those quoting it. Results are lists of plain dicts. Claims are dated by the version that
carried them (``versions.fetched_at``, when claimwatch saw them); flags by ``created_at``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

# The queries below compose these constant fragments (hence the S608 exemptions); every
# value reaches SQLite as a bound parameter.

# CROSS JOIN keeps SQLite driving from the window's versions to their claims (by
# claims_version) instead of walking a whole claims index and probing the window; a
# window used twice is NOT MATERIALIZED: re-running its index search is far cheaper than
# the joins SQLite plans over a materialized copy (20x slower at a million claims).

# A version in the window, of the chosen outlet, quoting the chosen source.
_WINDOW_VERSIONS = """
    SELECT v.id, v.article_id, v.number, v.fetched_at, a.outlet
    FROM versions v
    JOIN articles a ON a.id = v.article_id
    WHERE v.fetched_at >= :since AND v.fetched_at < :until
      AND (:outlet IS NULL OR a.outlet = :outlet)
      AND (:source IS NULL OR EXISTS (
            SELECT 1 FROM version_sources vs JOIN sources s ON s.id = vs.source_id
            WHERE vs.version_id = v.id AND s.name = :source COLLATE NOCASE))
"""

# Claims of those versions (attributed to the chosen source when there is one).
_WINDOW_CLAIMS = f"""
    SELECT c.id, c.source_id, c.entity, c.metric, w.article_id, w.fetched_at, w.outlet
    FROM ({_WINDOW_VERSIONS}) w
    CROSS JOIN claims c ON c.version_id = w.id
    WHERE (:source IS NULL OR c.source_id IN (
            SELECT id FROM sources WHERE name = :source COLLATE NOCASE))
"""  # noqa: S608 (constant SQL fragments; values are bound)


@dataclass(frozen=True)
class Scope:
    """What a digest covers: whole days ``since`` (inclusive) to ``until`` (exclusive), as ISO
    dates, optionally one outlet's articles and runs and one source's figures."""

    since: str
    until: str
    outlet: str | None = None
    source: str | None = None

    def params(self, **more: Any) -> dict[str, Any]:
        return {**asdict(self), **more}


def flags_in_window(db: sqlite_utils.Database, scope: Scope) -> list[dict[str, Any]]:
    """Flags created in the window with both articles and both claims' subjects, oldest first."""
    sql = """
        SELECT f.id, f.kind, a.url AS article_url, a.title AS article_title, a.outlet,
               a.published, pa.url AS previous_article_url, pa.title AS previous_article_title,
               pa.published AS previous_published, f.old_value, f.new_value, f.unit,
               COALESCE(f.source, s.name, ps.name) AS source, f.old_sentence, f.new_sentence,
               f.key, COALESCE(c.entity, pc.entity) AS entity,
               COALESCE(c.metric, pc.metric) AS metric, COALESCE(c.period, pc.period) AS period,
               COALESCE(c.surface, pc.surface) AS surface, f.claim_id, f.previous_claim_id,
               f.run_id, f.created_at, f.delivered_at,
               pc.surface AS old_surface, c.surface AS new_surface,
               pc.entity AS old_entity, pc.metric AS old_metric, pc.period AS old_period,
               c.entity AS new_entity, c.metric AS new_metric, c.period AS new_period
        FROM flags f
        JOIN articles a ON a.id = f.article_id
        LEFT JOIN articles pa ON pa.id = f.previous_article_id
        LEFT JOIN claims c ON c.id = f.claim_id
        LEFT JOIN claims pc ON pc.id = f.previous_claim_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources ps ON ps.id = pc.source_id
        WHERE f.created_at >= :since AND f.created_at < :until
          AND (:outlet IS NULL OR a.outlet = :outlet)
          AND (:source IS NULL OR COALESCE(f.source, s.name, ps.name) = :source COLLATE NOCASE)
        ORDER BY f.created_at, f.id
    """
    return list(db.query(sql, scope.params()))


def version_counts(db: sqlite_utils.Database, scope: Scope) -> dict[str, int]:
    """Articles first seen and articles edited (later versions) in the window."""
    sql = f"""
        SELECT COUNT(DISTINCT CASE WHEN number = 1 THEN article_id END) AS articles_new,
               COUNT(DISTINCT CASE WHEN number > 1 THEN article_id END) AS articles_edited
        FROM ({_WINDOW_VERSIONS})
    """  # noqa: S608 (constant SQL fragments; values are bound)
    row = next(db.query(sql, scope.params()))
    return {key: int(value or 0) for key, value in row.items()}


def claims_per_day(db: sqlite_utils.Database, scope: Scope) -> list[dict[str, Any]]:
    """Claims and articles per day (days without claims are absent)."""
    sql = f"""
        SELECT substr(fetched_at, 1, 10) AS day, COUNT(*) AS claims,
               COUNT(DISTINCT article_id) AS articles
        FROM ({_WINDOW_CLAIMS})
        GROUP BY day ORDER BY day
    """  # noqa: S608 (constant SQL fragments; values are bound)
    return list(db.query(sql, scope.params()))


def new_claims_by_subject(
    db: sqlite_utils.Database, scope: Scope, *, limit: int = 20
) -> list[dict[str, Any]]:
    """Claims in the window grouped by entity and metric, the most reported first (claims
    with both an entity and a metric only: a metric alone is too often a fragment)."""
    sql = f"""
        SELECT entity, metric, COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles,
               COUNT(DISTINCT source_id) AS sources
        FROM ({_WINDOW_CLAIMS})
        WHERE metric IS NOT NULL AND metric != '' AND entity IS NOT NULL AND entity != ''
        GROUP BY entity, metric
        ORDER BY claims DESC, articles DESC, entity, metric
        LIMIT :limit
    """  # noqa: S608 (constant SQL fragments; values are bound)
    return list(db.query(sql, scope.params(limit=limit)))


def most_quoted_sources(
    db: sqlite_utils.Database, scope: Scope, *, limit: int = 15
) -> list[dict[str, Any]]:
    """Sources quoted in the window: articles quoting each and claims attributed to each.

    ``sources_quoted`` on every row counts all sources quoted, beyond ``limit``.
    """
    sql = f"""
        WITH win AS NOT MATERIALIZED ({_WINDOW_VERSIONS}),
        mentions AS (
            SELECT vs.source_id, win.article_id, 0 AS claim
            FROM win JOIN version_sources vs ON vs.version_id = win.id
            UNION ALL
            SELECT c.source_id, win.article_id, 1 AS claim
            FROM win CROSS JOIN claims c ON c.version_id = win.id
            WHERE c.source_id IS NOT NULL
        ),
        totals AS (
            SELECT source_id, COUNT(DISTINCT article_id) AS articles, SUM(claim) AS claims
            FROM mentions GROUP BY source_id
        )
        SELECT s.name, s.kind, s.role, s.organization, t.articles, t.claims,
               COUNT(*) OVER () AS sources_quoted
        FROM totals t
        JOIN sources s ON s.id = t.source_id
        WHERE :source IS NULL OR s.name = :source COLLATE NOCASE
        ORDER BY t.articles DESC, t.claims DESC, s.name
        LIMIT :limit
    """  # noqa: S608 (constant SQL fragments; values are bound)
    return list(db.query(sql, scope.params(limit=limit)))


def outlet_activity(db: sqlite_utils.Database, scope: Scope) -> list[dict[str, Any]]:
    """Per outlet: runs and their page counts, articles and claims seen, flags raised."""
    sql = f"""
        WITH run_totals AS (
            SELECT outlet, COUNT(*) AS runs, SUM(pages) AS pages,
                   SUM(status <> 'ok') AS runs_failed, SUM(errors) AS errors
            FROM runs
            WHERE started_at >= :since AND started_at < :until
              AND (:outlet IS NULL OR outlet = :outlet)
            GROUP BY outlet
        ),
        version_totals AS (
            SELECT outlet, COUNT(DISTINCT CASE WHEN number = 1 THEN article_id END) AS articles_new,
                   COUNT(DISTINCT CASE WHEN number > 1 THEN article_id END) AS articles_edited
            FROM ({_WINDOW_VERSIONS})
            GROUP BY outlet
        ),
        claim_totals AS (
            SELECT outlet, COUNT(*) AS claims FROM ({_WINDOW_CLAIMS}) GROUP BY outlet
        ),
        flag_totals AS (
            SELECT a.outlet, COUNT(*) AS flags
            FROM flags f JOIN articles a ON a.id = f.article_id
            WHERE f.created_at >= :since AND f.created_at < :until
              AND (:outlet IS NULL OR a.outlet = :outlet)
              AND (:source IS NULL OR f.source = :source COLLATE NOCASE)
            GROUP BY a.outlet
        ),
        names AS (
            SELECT outlet FROM run_totals UNION SELECT outlet FROM version_totals
            UNION SELECT outlet FROM claim_totals UNION SELECT outlet FROM flag_totals
        )
        SELECT names.outlet AS outlet, COALESCE(r.runs, 0) AS runs, COALESCE(r.pages, 0) AS pages,
               COALESCE(r.runs_failed, 0) AS runs_failed, COALESCE(r.errors, 0) AS errors,
               COALESCE(v.articles_new, 0) AS articles_new,
               COALESCE(v.articles_edited, 0) AS articles_edited,
               COALESCE(c.claims, 0) AS claims, COALESCE(f.flags, 0) AS flags
        FROM names
        LEFT JOIN run_totals r ON r.outlet IS names.outlet
        LEFT JOIN version_totals v ON v.outlet IS names.outlet
        LEFT JOIN claim_totals c ON c.outlet IS names.outlet
        LEFT JOIN flag_totals f ON f.outlet IS names.outlet
        ORDER BY claims DESC, names.outlet
    """  # noqa: S608 (constant SQL fragments; values are bound)
    return list(db.query(sql, scope.params()))


def runs_with_errors(db: sqlite_utils.Database, scope: Scope) -> list[dict[str, Any]]:
    """Runs started in the window that failed or logged errors; ``error_log`` decoded."""
    sql = """
        SELECT id, outlet, started_at, finished_at, status, pages, errors, error_log
        FROM runs
        WHERE started_at >= :since AND started_at < :until
          AND (:outlet IS NULL OR outlet = :outlet)
          AND (errors > 0 OR status <> 'ok')
        ORDER BY started_at, id
    """
    rows = list(db.query(sql, scope.params()))
    for row in rows:
        try:
            log = json.loads(row["error_log"] or "[]")
        except ValueError:
            log = [row["error_log"]]
        row["error_log"] = log if isinstance(log, list) else [log]
    return rows


def run_count(db: sqlite_utils.Database, scope: Scope) -> int:
    sql = """
        SELECT COUNT(*) FROM runs
        WHERE started_at >= :since AND started_at < :until AND (:outlet IS NULL OR outlet = :outlet)
    """
    return int(db.execute(sql, scope.params()).fetchone()[0])


def key_history(
    db: sqlite_utils.Database,
    key: str,
    until: str,
    *,
    outlet: str | None = None,
    limit: int = 60,
) -> list[dict[str, Any]]:
    """The latest values reported for one claim key before ``until``, oldest first.

    Dated by the article's publication (else when the version was fetched). Read through
    claim_keys (key, that date, version), which lists every tracked version stating the key.
    """
    sql = """
        SELECT day, value, unit, url, outlet FROM (
            SELECT substr(COALESCE(a.published, v.fetched_at), 1, 10) AS day, c.value, c.unit,
                   a.url, a.outlet, c.id
            FROM claim_keys k
            CROSS JOIN claims c ON c.version_id = k.version_id AND +c.key = k.key
            CROSS JOIN versions v ON v.id = c.version_id
            CROSS JOIN articles a ON a.id = v.article_id
            WHERE k.key = :key AND k.ord < :until AND c.value IS NOT NULL
              AND (:outlet IS NULL OR a.outlet = :outlet)
            ORDER BY day DESC, c.id DESC
            LIMIT :limit
        )
        ORDER BY day, id
    """
    return list(db.query(sql, {"key": key, "until": until, "outlet": outlet, "limit": limit}))


def source_exists(db: sqlite_utils.Database, name: str) -> bool:
    sql = "SELECT 1 FROM sources WHERE name = :name COLLATE NOCASE LIMIT 1"
    return db.execute(sql, {"name": name}).fetchone() is not None


def outlet_exists(db: sqlite_utils.Database, name: str) -> bool:
    sql = """
        SELECT 1 FROM outlets WHERE name = :name
        UNION ALL SELECT 1 FROM articles WHERE outlet = :name
        LIMIT 1
    """
    return db.execute(sql, {"name": name}).fetchone() is not None
