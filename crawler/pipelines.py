"""Item pipeline: store each extracted article (one transaction) and keep the run's record.

A run row is opened when the spider opens and closed with its counts, errors and status
when it closes: ``ok``, ``failed`` (nothing could be fetched) or ``interrupted`` (stopped
by a signal). Counts are Scrapy stats (``claimwatch/articles_new`` ...), so the crawl
command's progress display reads the same numbers.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import time
from typing import Any, Self

import sqlite_utils
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.items import Article, NotModified
from db.schema import connect
from db.store import (
    RunCounts,
    finish_run,
    mark_abandoned,
    mark_not_modified,
    open_runs,
    start_run,
    store_article,
    update_run_counts,
)

SAVE_COUNTS_SECONDS = 1.0

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.db: sqlite_utils.Database | None = None
        self.run_id: int | None = None
        self.stored: set[str] = set()
        self.saved_at = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        db_path = crawler.settings.get("CLAIMWATCH_DB")
        if not db_path:
            raise NotConfigured("CLAIMWATCH_DB is not set")
        pipeline = cls(crawler, db_path)
        crawler.signals.connect(pipeline.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def stats(self) -> Any:
        return self.crawler.stats

    def spider_opened(self, spider: Spider) -> None:
        self.db = connect(self.db_path)
        outlet = getattr(spider, "outlet_name", spider.name)
        claimed = self.crawler.settings.getdict("CLAIMWATCH_RUN_IDS").get(outlet)
        if claimed:  # `claimwatch crawl` started the run (one crawl per outlet at a time)
            self.run_id = int(claimed)
        else:
            self.run_id = self._start_run(outlet)
        self.stats.set_value("claimwatch/run_id", self.run_id)
        self.stats.set_value("claimwatch/outlet", outlet)

    def _start_run(self, outlet: str) -> int:
        host = socket.gethostname()
        abandoned = [
            run["id"] for run in open_runs(self.db, outlet, host) if not process_alive(run["pid"])
        ]
        if abandoned:
            logger.warning(
                "runs %s of %s were killed mid-crawl; marked interrupted", abandoned, outlet
            )
            mark_abandoned(self.db, abandoned)
        return start_run(self.db, outlet, pid=os.getpid(), host=host)  # type: ignore[arg-type]

    def process_item(self, item: Any) -> Any:
        assert self.db is not None
        try:
            return self._store(item)
        except sqlite3.Error as error:  # disk full, database locked past its busy timeout
            url = getattr(item, "url", "?")
            self.stored.discard(url)
            self._failed(url, f"not stored: {error}")
            return item

    def _failed(self, url: str, reason: str) -> None:
        record = getattr(self.crawler.spider, "record_error", None)
        if record is not None:
            record(url, reason)
        else:
            self.stats.inc_value("claimwatch/errors")
            logger.warning("failed %s: %s", url, reason)

    def _store(self, item: Any) -> Any:
        assert self.db is not None
        if isinstance(item, NotModified):
            mark_not_modified(self.db, item.url, lastmod=item.lastmod)
            self.stats.inc_value("claimwatch/articles_unchanged")
            self._save_counts()
            return item
        if not isinstance(item, Article):
            return item
        if item.url in self.stored:
            self.stats.inc_value("claimwatch/duplicates")
            raise DropItem(f"duplicate of {item.url} (reached by another route)")
        self.stored.add(item.url)
        outcome = store_article(self.db, item.to_dict(), run_id=self.run_id)
        self.stats.inc_value(f"claimwatch/articles_{outcome}")
        self._save_counts()
        return item

    def counts(self) -> RunCounts:
        return RunCounts(
            pages=self.stats.get_value("claimwatch/pages", 0),
            articles_new=self.stats.get_value("claimwatch/articles_new", 0),
            articles_changed=self.stats.get_value("claimwatch/articles_changed", 0),
            articles_unchanged=self.stats.get_value("claimwatch/articles_unchanged", 0),
            errors=self.stats.get_value("claimwatch/errors", 0),
        )

    def _save_counts(self) -> None:
        """At most once a second, the run's counts so far (kept if the crawl is killed)."""
        now = time.monotonic()
        if self.db is None or self.run_id is None or now - self.saved_at < SAVE_COUNTS_SECONDS:
            return
        self.saved_at = now
        try:
            update_run_counts(self.db, self.run_id, self.counts())
        except sqlite3.Error as error:  # saved again later, and at the end
            logger.info("run %s: counts not saved yet (%s)", self.run_id, error)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.db is None or self.run_id is None:
            return
        counts = self.counts()
        if reason == "shutdown":
            status = "interrupted"
        elif reason == "finished" or reason.startswith("closespider"):
            status = "failed" if counts.pages == 0 and counts.errors else "ok"
        else:
            status = "failed"
        self.stats.set_value("claimwatch/status", status)
        try:
            finish_run(
                self.db,
                self.run_id,
                status=status,
                counts=counts,
                error_log=getattr(spider, "error_log", []),
            )
        except sqlite3.Error as error:
            logger.error("run %s could not be closed: %s", self.run_id, error)
            self.stats.set_value("claimwatch/status", "running")
        finally:
            self.db.close()
            self.db = None


def process_alive(pid: int | None) -> bool:
    """Is process ``pid`` (on this host) still running?"""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
