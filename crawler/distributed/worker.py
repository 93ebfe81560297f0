"""A crawl worker: the generic outlet spider fed from Redis, its items pushed back to Redis.

:class:`WorkerSpider` serves every outlet that ``claimwatch enqueue`` registered: each
response is handed to a per-outlet :class:`~crawler.spiders.outlet.OutletSpider` (a "view"
holding that outlet's hosts and article pattern), and the requests it yields are rebound to
the worker's own callbacks so they can travel through the shared queue. Seeds come from
the scrapy-redis start list; the scheduler and duplicate filter are Redis
(:mod:`crawler.distributed.queue`); :class:`ArticleQueuePipeline` pushes items to a list.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Self

import redis
import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy_redis.spiders import RedisMixin
from twisted.internet import task
from twisted.python.failure import Failure

from crawler.distributed import RedisKeys
from crawler.distributed.queue import (
    PARENT,
    TOKEN,
    ReliableQueue,
    crawl_pending,
    recover_dead_workers,
    register_worker,
    release_worker,
    renew_lease,
)
from crawler.distributed.records import encode_error, encode_item
from crawler.items import NotModified
from crawler.spiders.outlet import OutletSpider
from crawler.urls import clean_url, host_of

logger = logging.getLogger(__name__)

DEFAULT_LEASE = 30.0  # seconds a silent worker keeps its in-flight requests
VIEW_REFRESH = 10.0  # seconds before an outlet's config is read from Redis again
IDLE_POLL = 0.5  # seconds between looks at the shared queue when this worker has nothing to do
DISPATCHED = ("parse_feed", "parse_sitemap", "parse_section", "parse_article")
SEED_KINDS = ("feed", "sitemap", "section")


class WorkerSpider(RedisMixin, OutletSpider):
    """Crawl whatever outlets are queued in Redis; see the module docstring."""

    name = "claimwatch-worker"

    def __init__(
        self,
        keys: RedisKeys | None = None,
        until_idle: float | None = None,
        lease: float = DEFAULT_LEASE,
        **kwargs: Any,
    ) -> None:
        super().__init__(outlet={"name": "distributed"}, **kwargs)
        self.keys = keys or RedisKeys()
        self.redis_key = self.keys.seeds
        self.worker_id = uuid.uuid4().hex[:12]
        self.until_idle = until_idle
        self.lease = lease
        self.idle_since: float | None = None
        self.views: dict[str, tuple[OutletSpider, str, float]] = {}
        self.host_outlets: dict[str, str] = {}
        self.request_queue: ReliableQueue | None = None  # set by the queue when it opens
        # token -> [outputs not yet queued, callback finished]; see _run
        self.outstanding: dict[bytes, list[Any]] = {}
        self.item_parents: dict[int, bytes] = {}
        self._lease_loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup_redis(crawler)
        crawler.signals.connect(spider.worker_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider.worker_closed, signal=signals.spider_closed)
        crawler.signals.connect(spider.request_scheduled, signal=signals.request_scheduled)
        return spider

    # --- start: the shim scrapy-redis 0.9.1 lacks ------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        """Scrapy >= 2.16 calls only ``start()``, which scrapy-redis 0.9.1 does not define
        (scrapy-redis issue #305): read the first batch of seeds off the reactor thread."""
        for request in await asyncio.to_thread(lambda: list(self.next_requests())):
            yield request

    def make_request_from_data(self, data: bytes) -> Request | list[Request]:
        """A seed pushed by ``claimwatch enqueue``: ``{"url", "kind", "outlet"}``."""
        try:
            seed = json.loads(data)
            kind, url, outlet = seed["kind"], seed["url"], seed["outlet"]
        except (ValueError, KeyError, TypeError):
            logger.warning("ignored a seed that is not claimwatch's: %r", data[:200])
            return []
        if kind not in SEED_KINDS:
            logger.warning("ignored a seed of unknown kind %r", kind)
            return []
        return Request(
            clean_url(url),
            callback=getattr(self, f"parse_{kind}"),
            errback=self.on_error,
            meta={"outlet": outlet, "round": seed.get("round", 0)},
        )

    # --- lifecycle: lease, recovery, idleness ----------------------------------------------

    def worker_opened(self, spider: scrapy.Spider) -> None:
        register_worker(self.server, self.keys, self.worker_id, self.lease)
        recover_dead_workers(self.server, self.keys)
        # The engine looks at its scheduler every 5 s when it has nothing to do; the shared
        # queue is filled by other workers, so look more often.
        self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = IDLE_POLL  # type: ignore[union-attr]
        self._lease_loop = task.LoopingCall(self._keep_lease)
        self._lease_loop.start(max(self.lease / 3, 0.2), now=False)
        logger.info("worker %s reading %s", self.worker_id, self.keys.requests)

    def _keep_lease(self) -> None:
        try:
            renew_lease(self.server, self.keys, self.worker_id, self.lease)
            recover_dead_workers(self.server, self.keys)
        except redis.RedisError as error:
            logger.error("Redis: %s", error)

    def worker_closed(self, spider: scrapy.Spider, reason: str) -> None:
        if self._lease_loop is not None and self._lease_loop.running:
            self._lease_loop.stop()
        requeued = release_worker(self.server, self.keys, self.worker_id)
        if requeued:
            logger.info("put %d unfinished requests back on the queue", requeued)

    def spider_idle(self) -> None:
        """Keep the worker open while any crawl work is left anywhere; with ``until_idle``,
        close once there has been none for that many seconds."""
        self.schedule_next_requests()
        if self.request_queue is not None and not self.outstanding:
            # The engine is idle, so nothing here can still acknowledge an in-flight entry.
            orphans = self.request_queue.drop_orphans()
            if orphans:
                logger.warning("dropped %d in-flight entries no request here owns", orphans)
        now = time.monotonic()
        if crawl_pending(self.server, self.keys):
            self.idle_since = None
        elif self.idle_since is None:
            self.idle_since = now
        if self.until_idle is not None and self.idle_since is not None:
            if now - self.idle_since >= self.until_idle:
                return  # the engine closes the spider: "finished"
        raise DontCloseSpider

    def ack(self, request: Request | None) -> None:
        if request is not None and self.request_queue is not None and TOKEN in request.meta:
            self.request_queue.ack(request)

    # A request is acknowledged only once everything its callback yielded is safely in Redis:
    # Scrapy drains a callback's output before it schedules the requests and runs the item
    # pipeline, so the end of the callback is too early.

    def output_done(self, token: bytes | None) -> None:
        """One output of the request with ``token`` is queued (request) or pushed (item)."""
        entry = self.outstanding.get(token) if token is not None else None
        if entry is not None:
            entry[0] -= 1
            self._settle(token)  # type: ignore[arg-type]

    def item_done(self, item: Any) -> None:
        self.output_done(self.item_parents.pop(id(item), None))

    def request_scheduled(self, request: Request) -> None:
        """Right after this signal, in the same call, the engine queues the request in Redis
        or drops it (duplicate, refused address): settle its parent on the next reactor turn,
        and acknowledge a redirect's token that a refusal left behind."""
        from twisted.internet import reactor  # the one Scrapy installed

        parent = request.meta.pop(PARENT, None)
        if parent is not None:
            reactor.callLater(0, self.output_done, parent)  # type: ignore[attr-defined,arg-type]
        if TOKEN in request.meta:  # a redirect or retry; still there later only if refused
            reactor.callLater(0, self.ack, request)  # type: ignore[attr-defined,arg-type]

    def _settle(self, token: bytes) -> None:
        entry = self.outstanding[token]
        if entry[1] and entry[0] <= 0:
            del self.outstanding[token]
            if self.request_queue is not None:
                self.request_queue.ack_token(token)

    # --- dispatch to the outlet's view ---------------------------------------------------

    def _view(self, name: str | None, round_: int = 0) -> OutletSpider | None:
        """The outlet's spider for its current round: a new round (or changed config) gets a
        fresh one, with empty per-crawl state and the articles the ingester has stored."""
        if not name:
            return None
        cached = self.views.get(name)
        if cached is not None:
            view, text, loaded = cached
            fresh = time.monotonic() - loaded < VIEW_REFRESH
            if fresh and view.outlet.get("round", 0) >= round_:
                return view
        raw = self.server.hget(self.keys.outlets, name)
        if raw is None:
            logger.error("outlet %r is not registered in Redis (run claimwatch enqueue)", name)
            return cached[0] if cached else None
        text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        if cached is not None and cached[1] == text:
            self.views[name] = (cached[0], text, time.monotonic())
            return cached[0]
        view = OutletSpider(outlet=json.loads(text))
        view.crawler = self.crawler
        view.settings = self.settings
        view.known = {
            url.decode("utf-8"): json.loads(entry)
            for url, entry in self.server.hgetall(self.keys.known(name)).items()
        }
        self.views[name] = (view, text, time.monotonic())
        for host in view.hosts:
            self.host_outlets[host] = name
        return view

    async def _run(self, method: str, response: Response) -> AsyncIterator[Any]:
        """Hand ``response`` to its outlet's spider; count what it yields (see ``_settle``)."""
        view = self._view(response.meta.get("outlet"), response.meta.get("round", 0))
        token = response.request.meta.pop(TOKEN, None) if response.request else None
        entry: list[Any] = [0, False]
        if token is not None:
            self.outstanding[token] = entry
        try:
            if view is None:
                self._error(response.url, "response for an unknown outlet")
                return
            async for output in _outputs(getattr(view, method)(response)):
                if isinstance(output, Request):
                    output = self._adopt(output, view)
                    output.meta[PARENT] = token
                else:
                    if isinstance(output, NotModified):
                        output.outlet = view.outlet_name
                    if output is not None and token is not None:
                        self.item_parents[id(output)] = token
                entry[0] += 1
                yield output
        finally:
            if view is not None:
                self._flush_errors(view)
            entry[1] = True
            if token is not None:
                self._settle(token)

    def _adopt(self, request: Request, view: OutletSpider) -> Request:
        """Rebind a view's request to the worker (queueable) and let Redis filter duplicates."""
        name = getattr(request.callback, "__name__", "")
        if name not in DISPATCHED:
            raise ValueError(f"the outlet spider yielded a request for {name!r}, unknown here")
        return request.replace(
            callback=getattr(self, name),
            errback=self.on_error,
            dont_filter=False,  # feeds and sections seen by two workers are fetched once
            meta={**request.meta, "outlet": view.outlet_name, "round": view.outlet.get("round", 0)},
        )

    def _flush_errors(self, view: OutletSpider) -> None:
        lines = list(view.error_log)
        view.error_log.clear()
        for line in lines:
            self.server.rpush(self.keys.items, encode_error(view.outlet_name, line))

    # Every dispatcher is an async generator, since the outlet spider's callbacks may be.
    async def parse_feed(self, response: Response) -> AsyncIterator[Any]:  # type: ignore[override]
        async for output in self._run("parse_feed", response):
            yield output

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Any]:  # type: ignore[override]
        async for output in self._run("parse_sitemap", response):
            yield output

    async def parse_section(self, response: Response) -> AsyncIterator[Any]:  # type: ignore[override]
        async for output in self._run("parse_section", response):
            yield output

    async def parse_article(self, response: Response) -> AsyncIterator[Any]:
        async for output in self._run("parse_article", response):
            yield output

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        view = None
        if request is not None:
            view = self._view(request.meta.get("outlet"), request.meta.get("round", 0))
        try:
            if view is None:
                super().on_error(failure)
            else:
                view.on_error(failure)
                self._flush_errors(view)
        finally:
            self.ack(request)

    def record_error(self, url: str, reason: str) -> None:
        """Called by the private-address guard: charge the error to the URL's outlet."""
        host = host_of(url).removeprefix("www.")
        if host not in self.host_outlets:
            # A redirect is refused when it is scheduled, before any callback; a worker whose
            # first request was another worker's article link has no view of the outlet yet.
            for raw in self.server.hkeys(self.keys.outlets):
                self._view(raw.decode("utf-8") if isinstance(raw, bytes) else str(raw))
        view = self._view(self.host_outlets.get(host))
        if view is None:
            super().record_error(url, reason)
            return
        view.record_error(url, reason)
        self._flush_errors(view)


async def _outputs(produced: Any) -> AsyncIterator[Any]:
    """What a callback produced, whether it is a generator or an async generator."""
    if produced is None:
        return
    if hasattr(produced, "__aiter__"):
        async for output in produced:
            yield output
    else:
        for output in produced:
            yield output


class ArticleQueuePipeline:
    """Push each Article / NotModified item as JSON onto the Redis item list, then tell the
    worker, which acknowledges the item's request once all its outputs are in Redis."""

    def __init__(self, crawler: Crawler, server: redis.Redis, key: str) -> None:
        self.crawler = crawler
        self.server = server
        self.key = key

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        url, key = crawler.settings.get("REDIS_URL"), crawler.settings.get("CLAIMWATCH_ITEMS_KEY")
        if not url or not key:
            raise NotConfigured("REDIS_URL and CLAIMWATCH_ITEMS_KEY are needed")
        return cls(crawler, redis.Redis.from_url(url), key)

    def process_item(self, item: Any) -> Any:
        data = encode_item(item)
        if data is not None:
            self.server.rpush(self.key, data)
            self.crawler.stats.inc_value("claimwatch/items_queued")  # type: ignore[union-attr]
        item_done = getattr(self.crawler.spider, "item_done", None)
        if item_done is not None:
            item_done(item)
        return item
