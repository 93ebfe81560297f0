"""Writes and reads of the crawler: outlets, runs, articles and their versions.

The crawler decides what it fetched; this module only stores and answers. Every write of
one article (the article row and, when its text changed, a new version with the compressed
raw HTML) happens in one transaction, so a crawl killed at any moment never leaves half
an article behind. Every statement is parameterized.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from db.tracking import transaction

_SPACE = re.compile(r"\s+")


def utc_now() -> str:
    """The current UTC time as ISO 8601 text (seconds, with offset)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    """Hash of the normalized text: whitespace and Unicode form changes are not new versions."""
    normalized = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def compress_html(html: bytes) -> bytes:
    return zlib.compress(html, 6)


def decompress_html(blob: bytes | None) -> bytes | None:
    """The raw HTML bytes of a stored version (as fetched, before decoding)."""
    return zlib.decompress(blob) if blob else None


# --- outlets and runs -------------------------------------------------------------------


def is_first_crawl(db: sqlite_utils.Database, outlet: str) -> bool:
    """True until a crawl of ``outlet`` has completed (ok or failed, not interrupted) having
    stored articles."""
    row = db.conn.execute(
        "SELECT first_crawled_at FROM outlets WHERE name = ?", [outlet]
    ).fetchone()
    return row is None or row[0] is None


def start_run(
    db: sqlite_utils.Database,
    outlet: str,
    *,
    started_at: str | None = None,
    pid: int | None = None,
    host: str | None = None,
) -> int:
    """Create the outlet if new and a ``running`` run; backfill=1 on its first crawl.

    ``pid`` and ``host`` name the crawling process, so a crawl killed outright can be found.
    """
    with transaction(db) as conn:
        return _insert_run(db, conn, outlet, started_at, pid, host)


def _insert_run(
    db: sqlite_utils.Database,
    conn: Any,
    outlet: str,
    started_at: str | None,
    pid: int | None,
    host: str | None,
) -> int:
    conn.execute("INSERT OR IGNORE INTO outlets (name) VALUES (?)", [outlet])
    backfill = is_first_crawl(db, outlet)
    cursor = conn.execute(
        """
        INSERT INTO runs (outlet, started_at, status, backfill, pid, host)
        VALUES (?, ?, 'running', ?, ?, ?)
        """,
        [outlet, started_at or utc_now(), 1 if backfill else 0, pid, host],
    )
    return int(cursor.lastrowid or 0)


class CrawlInProgress(Exception):
    """A run of the outlet is still running in a live process: ``run`` (id, pid, host, started_at)."""

    def __init__(self, run: dict[str, Any]) -> None:
        super().__init__(f"run {run['id']} of {run['outlet']} is running")
        self.run = run


def claim_run(
    db: sqlite_utils.Database,
    outlet: str,
    *,
    pid: int,
    host: str,
    alive: Callable[[dict[str, Any]], bool],
) -> tuple[int, list[int]]:
    """Start a run of ``outlet`` unless one is running: (run id, ids of dead runs closed).

    In one write transaction, so of two crawls starting at once one wins: runs still marked
    running by a process on ``host`` that is alive (``alive(run)``) raise
    :class:`CrawlInProgress`; the others were killed outright and are closed as interrupted,
    keeping their counts. Runs of other hosts, or without a pid, are left alone.
    """
    with transaction(db) as conn:
        cursor = conn.execute(
            "SELECT id, outlet, pid, host, started_at FROM runs "
            "WHERE outlet = ? AND status = 'running' AND host = ? AND pid IS NOT NULL "
            "ORDER BY id",
            [outlet, host],
        )
        names = [c[0] for c in cursor.description]
        running = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for run in running:
            if alive(run):
                raise CrawlInProgress(run)
        _close_abandoned(conn, [run["id"] for run in running])
        return _insert_run(db, conn, outlet, None, pid, host), [run["id"] for run in running]


def discard_run(db: sqlite_utils.Database, run_id: int) -> None:
    """Delete a run that never started crawling (another outlet of the same crawl was busy)."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM runs WHERE id = ? AND pages = 0", [run_id])


def open_runs(db: sqlite_utils.Database, outlet: str, host: str) -> list[dict[str, Any]]:
    """Runs of ``outlet`` still marked running by a process on ``host``: id and pid."""
    cursor = db.conn.execute(
        "SELECT id, pid FROM runs WHERE outlet = ? AND status = 'running' AND host = ?",
        [outlet, host],
    )
    return [{"id": row[0], "pid": row[1]} for row in cursor.fetchall()]


def mark_abandoned(db: sqlite_utils.Database, run_ids: Sequence[int]) -> None:
    """Close runs whose process died without closing them (killed outright) as interrupted."""
    if not run_ids:
        return
    with transaction(db) as conn:
        _close_abandoned(conn, run_ids)


# A killed crawl kept the counts it last saved (update_run_counts); its new and changed
# articles are counted again from the versions it committed, which are exact.
_CLOSE_ABANDONED = """
    UPDATE runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?),
        articles_new = MAX(articles_new,
            (SELECT COUNT(*) FROM versions v WHERE v.run_id = runs.id AND v.number = 1)),
        articles_changed = MAX(articles_changed,
            (SELECT COUNT(*) FROM versions v WHERE v.run_id = runs.id AND v.number > 1))
    WHERE id = ? AND status = 'running'
"""


def _close_abandoned(conn: Any, run_ids: Sequence[int]) -> None:
    conn.executemany(_CLOSE_ABANDONED, [(utc_now(), run_id) for run_id in run_ids])


@dataclass
class RunCounts:
    pages: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    errors: int = 0


def update_run_counts(db: sqlite_utils.Database, run_id: int, counts: RunCounts) -> None:
    """Save a running crawl's counts so far (a crawl killed outright keeps them)."""
    with transaction(db) as conn:
        conn.execute(
            """
            UPDATE runs SET pages = ?, articles_new = ?, articles_changed = ?,
                articles_unchanged = ?, errors = ?
            WHERE id = ? AND status = 'running'
            """,
            [
                counts.pages,
                counts.articles_new,
                counts.articles_changed,
                counts.articles_unchanged,
                counts.errors,
                run_id,
            ],
        )


def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    *,
    status: str,
    counts: RunCounts,
    error_log: Sequence[str] = (),
    finished_at: str | None = None,
) -> None:
    """Close a run with its status (ok, failed, interrupted), counts and error lines."""
    finished_at = finished_at or utc_now()
    with transaction(db) as conn:
        conn.execute(
            """
            UPDATE runs SET finished_at = ?, status = ?, pages = ?, articles_new = ?,
                articles_changed = ?, articles_unchanged = ?, errors = ?, error_log = ?
            WHERE id = ?
            """,
            [
                finished_at,
                status,
                counts.pages,
                counts.articles_new,
                counts.articles_changed,
                counts.articles_unchanged,
                counts.errors,
                json.dumps(list(error_log), ensure_ascii=False),
                run_id,
            ],
        )
        if status in ("ok", "failed"):
            # The backfill ends with the first completed crawl that stored articles: a crawl
            # of a site that was down must not leave the next one to flag a whole archive.
            conn.execute(
                """
                UPDATE outlets SET first_crawled_at = COALESCE(first_crawled_at, ?)
                WHERE name = (SELECT outlet FROM runs WHERE id = ?)
                  AND EXISTS (SELECT 1 FROM versions WHERE run_id = ?)
                """,
                [finished_at, run_id, run_id],
            )


def get_run(db: sqlite_utils.Database, run_id: int) -> dict[str, Any] | None:
    cursor = db.conn.execute("SELECT * FROM runs WHERE id = ?", [run_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


# --- articles ---------------------------------------------------------------------------


def known_articles(db: sqlite_utils.Database, outlet: str) -> dict[str, dict[str, Any]]:
    """url -> what the next crawl needs to decide whether and how to re-fetch it."""
    cursor = db.conn.execute(
        """
        SELECT url, published, etag, last_modified, last_fetched, lastmod
        FROM articles WHERE outlet = ?
        """,
        [outlet],
    )
    names = [c[0] for c in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def store_article(
    db: sqlite_utils.Database,
    article: dict[str, Any],
    *,
    run_id: int | None,
    fetched_at: str | None = None,
) -> str:
    """Store one fetched article; returns 'new', 'changed' or 'unchanged'.

    ``article`` holds the fields of ``crawler.items.Article`` (url canonical, title,
    authors, published, modified, language, via, text, outlet, fetched_url, html, etag,
    last_modified, lastmod). A new version is written only when the normalized text hash
    differs from the latest version's.
    """
    fetched_at = fetched_at or utc_now()
    digest = content_hash(article["text"])
    html = article.get("html")
    with transaction(db) as conn:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", [article["url"]]).fetchone()
        meta = [
            article.get("title"),
            json.dumps(article.get("authors") or [], ensure_ascii=False),
            article.get("published"),
            article.get("modified"),
            article.get("language"),
            article.get("via"),
            fetched_at,
            article.get("etag"),
            article.get("last_modified"),
            fetched_at,
            article.get("lastmod"),
        ]
        if row is None:
            cursor = conn.execute(
                """
                INSERT INTO articles (outlet, url, title, authors, published, modified, language,
                    via, last_seen, etag, last_modified, last_fetched, lastmod, first_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [article.get("outlet"), article["url"], *meta, fetched_at],
            )
            article_id, latest = int(cursor.lastrowid or 0), None
        else:
            article_id = int(row[0])
            conn.execute(
                """
                UPDATE articles SET title = ?, authors = ?, published = COALESCE(?, published),
                    modified = ?, language = ?, via = ?, last_seen = ?, etag = ?,
                    last_modified = ?, last_fetched = ?, lastmod = COALESCE(?, lastmod)
                WHERE id = ?
                """,
                [*meta, article_id],
            )
            latest = conn.execute(
                "SELECT number, content_hash FROM versions WHERE article_id = ? "
                "ORDER BY number DESC LIMIT 1",
                [article_id],
            ).fetchone()
        if latest is not None and latest[1] == digest:
            return "unchanged"
        cursor = conn.execute(
            """
            INSERT INTO versions (article_id, number, content_hash, text, title, published,
                fetched_at, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                article_id,
                1 if latest is None else latest[0] + 1,
                digest,
                article["text"],
                article.get("title"),
                article.get("published"),
                fetched_at,
                run_id,
            ],
        )
        if html:  # in its own table: tracking rewrites the versions row (migration 16)
            conn.execute(
                "INSERT INTO version_pages (version_id, html) VALUES (?, ?)",
                [cursor.lastrowid, compress_html(html)],
            )
        return "new" if latest is None else "changed"


def mark_not_modified(
    db: sqlite_utils.Database,
    url: str,
    *,
    lastmod: str | None = None,
    fetched_at: str | None = None,
) -> bool:
    """A conditional GET answered 304: the article was seen again, nothing else changed."""
    fetched_at = fetched_at or utc_now()
    with transaction(db) as conn:
        cursor = conn.execute(
            """
            UPDATE articles SET last_seen = ?, last_fetched = ?, lastmod = COALESCE(?, lastmod)
            WHERE url = ?
            """,
            [fetched_at, fetched_at, lastmod, url],
        )
        return cursor.rowcount > 0


def article_versions(db: sqlite_utils.Database, url: str) -> list[dict[str, Any]]:
    """Every stored version of the article at ``url`` (canonical), oldest first."""
    cursor = db.conn.execute(
        """
        SELECT v.id, v.number, v.content_hash, v.text, p.html, v.title, v.published,
            v.fetched_at, v.run_id, v.tracked_at
        FROM versions v JOIN articles a ON a.id = v.article_id
        LEFT JOIN version_pages p ON p.version_id = v.id
        WHERE a.url = ? ORDER BY v.number
        """,
        [url],
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
