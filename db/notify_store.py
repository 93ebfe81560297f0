"""Reads and writes for the scheduler: run records of scheduled crawls and flag delivery.

A scheduled crawl is a subprocess that writes its own ``runs`` rows; the scheduler
then stamps them with the subprocess's exit code, or marks them ``interrupted`` when
it had to stop the crawl. Flag delivery is tracked per channel (``flag_deliveries``)
so a flag that reached the webhook but not the mail server is mailed on the next try
without being posted twice; ``flags.delivered_at`` is set once every configured
channel has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlite_utils

FLAG_COLUMNS = """
    flags.id, flags.kind, articles.url AS article_url,
    previous.url AS previous_article_url, flags.old_value, flags.new_value, flags.unit,
    flags.source, flags.old_sentence, flags.new_sentence, flags.key, flags.created_at,
    flags.delivered_at, flags.run_id, articles.outlet, articles.title AS article_title
"""


@contextmanager
def _transaction(db: sqlite_utils.Database) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def latest_run_id(db: sqlite_utils.Database) -> int:
    """The highest run id so far (0 for none): runs above it were written after this call."""
    row = db.execute("SELECT COALESCE(MAX(id), 0) FROM runs").fetchone()
    return int(row[0])


def runs_after(db: sqlite_utils.Database, outlet: str, after_id: int) -> list[dict[str, Any]]:
    """Runs of ``outlet`` with an id above ``after_id``, oldest first."""
    return list(
        db.query(
            "SELECT * FROM runs WHERE outlet = ? AND id > ? ORDER BY id",
            [outlet, after_id],
        )
    )


def close_runs(
    db: sqlite_utils.Database,
    run_ids: Sequence[int],
    *,
    exit_code: int | None,
    finished_at: str,
    interrupted: bool,
    error: str | None = None,
) -> None:
    """Stamp runs with the crawl's exit code; mark them interrupted when the crawl was stopped.

    A run still ``running`` after its process ended normally crashed before it could say
    how it went, so it becomes ``failed``. ``error`` is appended to the run's error log.
    """
    with _transaction(db):
        for run_id in run_ids:
            db.execute(
                """
                UPDATE runs SET
                    exit_code = ?,
                    finished_at = COALESCE(finished_at, ?),
                    status = CASE
                        WHEN ? THEN 'interrupted'
                        WHEN status = 'running' THEN 'failed'
                        ELSE status
                    END,
                    errors = errors + (? IS NOT NULL),
                    error_log = CASE
                        WHEN ? IS NULL THEN error_log
                        ELSE json_insert(error_log, '$[#]', ?)
                    END
                WHERE id = ?
                """,
                [exit_code, finished_at, 1 if interrupted else 0, error, error, error, run_id],
            )


def insert_run(
    db: sqlite_utils.Database,
    *,
    outlet: str,
    started_at: str,
    finished_at: str,
    status: str,
    exit_code: int | None,
    errors: Sequence[str] = (),
) -> int:
    """Record a scheduled crawl that wrote no run of its own (it failed to start, or was cut short)."""
    cursor = db.execute(
        """
        INSERT INTO runs (outlet, started_at, finished_at, status, errors, error_log, exit_code)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
            outlet,
            started_at,
            finished_at,
            status,
            len(errors),
            json.dumps(list(errors), ensure_ascii=False),
            exit_code,
        ],
    )
    return int(cursor.lastrowid or 0)


def undelivered_flags(
    db: sqlite_utils.Database, channel: str, *, limit: int = 500
) -> list[dict[str, Any]]:
    """Flags not yet delivered everywhere and not yet sent on ``channel``, oldest first."""
    return list(
        db.query(
            f"""
            SELECT {FLAG_COLUMNS}
            FROM flags
            JOIN articles ON articles.id = flags.article_id
            LEFT JOIN articles AS previous ON previous.id = flags.previous_article_id
            WHERE flags.delivered_at IS NULL
              AND NOT EXISTS (
                  SELECT 1 FROM flag_deliveries AS d
                  WHERE d.flag_id = flags.id AND d.channel = ?
              )
            ORDER BY flags.id
            LIMIT ?
            """,  # noqa: S608 -- FLAG_COLUMNS is a constant column list
            [channel, limit],
        )
    )


def record_deliveries(
    db: sqlite_utils.Database, flag_ids: Iterable[int], channel: str, delivered_at: str
) -> None:
    """Remember that these flags reached ``channel`` (idempotent)."""
    with _transaction(db):
        db.conn.executemany(
            "INSERT OR IGNORE INTO flag_deliveries (flag_id, channel, delivered_at) VALUES (?, ?, ?)",
            [(flag_id, channel, delivered_at) for flag_id in flag_ids],
        )


def complete_deliveries(
    db: sqlite_utils.Database, channels: Sequence[str], delivered_at: str
) -> int:
    """Set ``delivered_at`` on flags every one of ``channels`` has; returns how many."""
    cursor = db.execute(
        """
        UPDATE flags SET delivered_at = ?
        WHERE delivered_at IS NULL
          AND (
              SELECT COUNT(DISTINCT d.channel) FROM flag_deliveries AS d
              WHERE d.flag_id = flags.id AND d.channel IN (SELECT value FROM json_each(?))
          ) = ?
        """,
        [delivered_at, json.dumps(sorted(set(channels))), len(set(channels))],
    )
    return int(cursor.rowcount)


def flag_delivery_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """How many flags are delivered and how many wait, for `schedule list` and logs."""
    row = db.execute(
        "SELECT COUNT(delivered_at), COUNT(*) - COUNT(delivered_at) FROM flags"
    ).fetchone()
    return {"delivered": int(row[0]), "pending": int(row[1])}
