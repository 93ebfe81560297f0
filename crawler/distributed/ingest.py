"""The single writer: drain the Redis item list into SQLite, reliably.

Each item is moved to a processing list (``BLMOVE``), stored in one transaction by
:func:`db.store.store_article`, and only then removed from the processing list. An ingester
that dies loses nothing: the next one puts the processing list back first. An item
delivered twice (a worker killed after pushing it, before acknowledging its request) finds
the same text stored and adds no version.

Runs: the first item of an outlet opens a run; the run closes when the whole crawl has
drained (no seeds, queued or in-flight requests, or items left), or when the ingester stops.

Known articles: what the database holds of each article (published, ETag, Last-Modified, last
fetch, sitemap lastmod) is mirrored to a Redis hash per outlet, so workers, which have no
database, re-fetch on the outlet spider's age ladder and with conditional GETs.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import redis
import sqlite_utils

from crawler.distributed import RedisKeys
from crawler.distributed.queue import crawl_pending
from crawler.distributed.records import BadRecord, decode_item
from db.store import (
    RunCounts,
    finish_run,
    known_articles,
    mark_not_modified,
    start_run,
    store_article,
    utc_now,
)

logger = logging.getLogger(__name__)

MAX_LOGGED_ERRORS = 200
TRACK_EVERY_ITEMS = 200  # track stored versions at least this often during a long stream
TRACK_EVERY_SECONDS = 30.0

AfterBatch = Callable[[sqlite_utils.Database], Any]


class ItemQueue:
    """The reliable consumer side of the item list."""

    def __init__(self, server: redis.Redis, keys: RedisKeys) -> None:
        self.server = server
        self.keys = keys

    def recover(self) -> int:
        """Put items a stopped ingester took but never committed back at the head."""
        moved = 0
        while self.server.lmove(self.keys.items_processing, self.keys.items, "RIGHT", "LEFT"):
            moved += 1
        return moved

    def take(self, timeout: float) -> bytes | None:
        # Redis >= 6 takes a fractional timeout; redis-py's annotation says int.
        data = self.server.blmove(
            self.keys.items,
            self.keys.items_processing,
            timeout,  # type: ignore[arg-type]
            "LEFT",
            "RIGHT",
        )
        return data if isinstance(data, bytes) and data else None

    def ack(self, data: bytes) -> None:
        self.server.lrem(self.keys.items_processing, 1, data)  # type: ignore[arg-type]


@dataclass
class OpenRun:
    run_id: int
    counts: RunCounts = field(default_factory=RunCounts)
    error_log: list[str] = field(default_factory=list)


@dataclass
class IngestTotals:
    items: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: int = 0
    bad: int = 0
    recovered: int = 0
    runs: list[int] = field(default_factory=list)
    tracked: list[Any] = field(default_factory=list)  # what after_batch returned each time

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "bad": self.bad,
            "recovered": self.recovered,
            "runs": len(self.runs),
        }


class Ingester:
    """Store items from Redis into ``db``; ``after_batch(db)`` runs after each batch (tracking)."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        server: redis.Redis,
        keys: RedisKeys,
        *,
        after_batch: AfterBatch | None = None,
    ) -> None:
        self.db = db
        self.server = server
        self.keys = keys
        self.queue = ItemQueue(server, keys)
        self.after_batch = after_batch
        self.open_runs: dict[str, OpenRun] = {}
        self.mirrored: set[str] = set()  # outlets whose known articles are in Redis
        self.totals = IngestTotals()
        self._untracked = 0
        self._last_track = time.monotonic()

    def _run_for(self, outlet: str) -> OpenRun:
        run = self.open_runs.get(outlet)
        if run is None:
            run = OpenRun(run_id=start_run(self.db, outlet))
            self.open_runs[outlet] = run
            self.totals.runs.append(run.run_id)
        return run

    def handle(self, data: bytes) -> None:
        """Store one item (one transaction)."""
        try:
            record = decode_item(data)
        except BadRecord as error:
            self.totals.bad += 1
            logger.error("dropped an item that is not claimwatch's: %s", error)
            return
        self.totals.items += 1
        run = self._run_for(record.get("outlet") or "unknown")
        if record["type"] == "error":
            run.counts.errors += 1
            run.counts.pages += 1
            self.totals.errors += 1
            if len(run.error_log) < MAX_LOGGED_ERRORS:
                run.error_log.append(str(record.get("line", ""))[:500])
            return
        run.counts.pages += 1
        if record["type"] == "not_modified":
            mark_not_modified(self.db, record["url"], lastmod=record.get("lastmod"))
            outcome = "unchanged"
        else:
            outcome = store_article(self.db, record, run_id=run.run_id)
            self._untracked += outcome != "unchanged"
        if record.get("outlet"):
            self._remember(record["outlet"], record)
        setattr(run.counts, f"articles_{outcome}", getattr(run.counts, f"articles_{outcome}") + 1)
        setattr(self.totals, outcome, getattr(self.totals, outcome) + 1)

    def _remember(self, outlet: str, record: dict[str, Any]) -> None:
        key, url = self.keys.known(outlet), record["url"]
        raw = self.server.hget(key, url)
        entry: dict[str, Any] = json.loads(raw) if raw else {}
        entry["last_fetched"] = utc_now()
        entry["lastmod"] = record.get("lastmod") or entry.get("lastmod")
        if record["type"] == "article":
            entry["published"] = record.get("published") or entry.get("published")
            entry["etag"] = record.get("etag")
            entry["last_modified"] = record.get("last_modified")
        self.server.hset(key, url, json.dumps(entry))

    def publish_known(self) -> int:
        """Mirror the database's articles of each outlet newly registered in Redis; how many.

        Called at start and whenever the item list is empty, so an outlet enqueued while the
        ingester runs is mirrored before its workers look for known articles."""
        published = 0
        for raw in self.server.hkeys(self.keys.outlets):
            outlet = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
            if outlet in self.mirrored:
                continue
            known = known_articles(self.db, outlet)
            with self.server.pipeline() as pipe:
                for url, entry in known.items():
                    pipe.hset(self.keys.known(outlet), url, json.dumps(entry))
                pipe.execute()
            self.mirrored.add(outlet)
            published += len(known)
        return published

    def close_runs(self, status: str) -> None:
        # Workers do not report the listing pages they read, so a run that stored nothing is
        # still "ok" (a re-crawl that found nothing new); its errors are counted and logged.
        for run in self.open_runs.values():
            finish_run(
                self.db, run.run_id, status=status, counts=run.counts, error_log=run.error_log
            )
        self.open_runs.clear()

    def track(self) -> None:
        if self.after_batch is not None and self._untracked:
            self.totals.tracked.append(self.after_batch(self.db))
        self._untracked = 0
        self._last_track = time.monotonic()

    def run(
        self,
        *,
        until_idle: float | None = None,
        should_stop: Callable[[], bool] = lambda: False,
        poll: float = 0.5,
    ) -> IngestTotals:
        """Drain items until ``should_stop()`` or, with ``until_idle``, no work for that long."""
        self.totals.recovered = self.queue.recover()
        self.publish_known()
        idle_since: float | None = None
        status = "interrupted"  # unless the loop ends by going idle
        try:
            while not should_stop():
                data = self.queue.take(poll)
                if data is not None:
                    self.handle(data)
                    self.queue.ack(data)  # after the commit: a crash before this re-delivers
                    idle_since = None
                    if self._track_due():
                        self.track()
                    continue
                self.track()
                self.publish_known()
                if crawl_pending(self.server, self.keys) or self.server.llen(self.keys.items):
                    idle_since = None
                    continue
                self.close_runs("ok")  # the crawl has drained: this round's runs are complete
                idle_since = idle_since or time.monotonic()
                if until_idle is not None and time.monotonic() - idle_since >= until_idle:
                    status = "ok"
                    break
        finally:
            self.close_runs(status)
            self.track()
        return self.totals

    def _track_due(self) -> bool:
        if self._untracked >= TRACK_EVERY_ITEMS:
            return True
        return bool(self._untracked) and time.monotonic() - self._last_track > TRACK_EVERY_SECONDS
