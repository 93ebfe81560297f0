"""Distributed crawling on Redis: many Scrapy workers, one shared queue, one database writer.

Workers (:mod:`crawler.distributed.worker`, run by :mod:`crawler.distributed.process`) share
a request queue and a duplicate filter in Redis through scrapy-redis and push what they
extract to an item list; ``claimwatch enqueue`` (:mod:`crawler.distributed.seed`) seeds
outlets; the single ingester (:mod:`crawler.distributed.ingest`) moves items from that list
into SQLite. Every key lives
under one prefix (:class:`RedisKeys`), so several deployments (or tests) share a server.

Nothing is lost when a process dies: a worker's popped requests wait in its own in-flight
list until their callback finished, and a worker whose lease ran out has that list put back
on the queue by the others; the ingester moves an item to a processing list and removes it
only after the database commit.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "claimwatch"


class DistributedError(Exception):
    """Redis cannot be used (unreachable, bad URL): one line for the user."""


@dataclass(frozen=True)
class RedisKeys:
    """The names of every Redis key a deployment uses, all under ``prefix``."""

    prefix: str = DEFAULT_PREFIX

    @property
    def seeds(self) -> str:
        """List of seed requests (JSON: url, kind, outlet) that ``enqueue`` pushes."""
        return f"{self.prefix}:seeds"

    @property
    def requests(self) -> str:
        """The shared request queue (scrapy-redis scheduler)."""
        return f"{self.prefix}:requests"

    @property
    def seen(self) -> str:
        """Prefix of the duplicate filter's keys: ``seen:<outlet>:<round>:<fingerprint>``."""
        return f"{self.prefix}:seen"

    @property
    def rounds(self) -> str:
        """Hash: outlet name -> number of its current crawl round (one per ``enqueue``)."""
        return f"{self.prefix}:rounds"

    def known(self, outlet: str) -> str:
        """Hash: article URL -> what the ingester stored of it (for re-check and 304s)."""
        return f"{self.prefix}:known:{outlet}"

    @property
    def outlets(self) -> str:
        """Hash: outlet name -> its config as JSON (what workers crawl it with)."""
        return f"{self.prefix}:outlets"

    @property
    def items(self) -> str:
        """List of extracted items (JSON) waiting for the ingester."""
        return f"{self.prefix}:items"

    @property
    def items_processing(self) -> str:
        """Items the ingester took and has not yet committed."""
        return f"{self.prefix}:items:processing"

    @property
    def workers(self) -> str:
        """Set of worker ids that registered (alive or not yet recovered)."""
        return f"{self.prefix}:workers"

    def lease(self, worker_id: str) -> str:
        """Key that exists while the worker is alive (refreshed before its TTL runs out)."""
        return f"{self.prefix}:worker:{worker_id}"

    def inflight(self, worker_id: str) -> str:
        """The worker's popped, not yet finished requests."""
        return f"{self.prefix}:inflight:{worker_id}"
