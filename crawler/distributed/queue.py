"""The Redis side of a worker: request serialization, the reliable queue, the duplicate filter.

Plugged into scrapy-redis's scheduler by settings (:func:`crawler.distributed.worker.worker_settings`):

- :class:`ReliableQueue`: a FIFO list shared by every worker. ``pop`` atomically moves a
  request into the worker's own in-flight list (``LMOVE``); the worker acknowledges it once
  its callback has finished. A worker that dies leaves its in-flight list behind, and
  :func:`recover_dead_workers` (run by every live worker) puts it back on the queue.
- :class:`SeenFilter`: scrapy-redis's fingerprint filter with one key per URL, outlet and
  crawl round, so a URL is fetched once per round by all workers together.
- Requests travel as JSON (bytes tagged as base64), not pickle: whoever can write to the queue
  must not be able to run code in a worker.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any, Self

import redis
from scrapy import Request, Spider
from scrapy.utils.request import request_from_dict
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base
from scrapy_redis.scheduler import Scheduler

from crawler.distributed import RedisKeys

logger = logging.getLogger(__name__)

TOKEN = "claimwatch_inflight"  # request.meta key: the queue entry to acknowledge
PARENT = "claimwatch_parent"  # request.meta key: token of the request whose callback made it
DEFAULT_SEEN_SECONDS = 86400


# --- serialization -----------------------------------------------------------------------


def _pack(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"__b64__": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            return {key: _pack(item) for key, item in value.items()}
        return {"__pairs__": [[_pack(key), _pack(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_pack(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot queue a request holding {type(value).__name__}")


def _unpack(value: Any) -> Any:
    if isinstance(value, dict):
        if "__b64__" in value:
            return base64.b64decode(value["__b64__"])
        if "__pairs__" in value:
            return {_unpack(key): _unpack(item) for key, item in value["__pairs__"]}
        return {key: _unpack(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unpack(item) for item in value]
    return value


def dumps(obj: dict[str, Any]) -> bytes:
    """A request dict (``Request.to_dict``) as JSON bytes."""
    return json.dumps(_pack(obj), separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> dict[str, Any]:
    return _unpack(json.loads(data))


def request_to_data(request: Request) -> bytes:
    """Serialize a request whose callback and errback are methods of the worker spider."""
    meta = {key: value for key, value in request.meta.items() if key not in (TOKEN, PARENT)}
    plain = request.replace(callback=None, errback=None, meta=meta).to_dict()
    plain["callback"] = getattr(request.callback, "__name__", None)
    plain["errback"] = getattr(request.errback, "__name__", None)
    return dumps(plain)


# --- the queue ---------------------------------------------------------------------------


class ReliableQueue(Base):
    """FIFO request queue whose popped entries wait in the worker's in-flight list."""

    def __init__(self, server: redis.Redis, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer=serializer or _JsonSerializer)
        self.inflight_key = spider.keys.inflight(spider.worker_id)  # type: ignore[attr-defined]
        spider.request_queue = self  # type: ignore[attr-defined]  # the spider acknowledges

    def __len__(self) -> int:
        return int(self.server.llen(self.key))

    def push(self, request: Request) -> None:
        data = request_to_data(request)
        with self.server.pipeline() as pipe:
            # A redirect or retry carries its parent's token: the parent's work moves to it.
            token = request.meta.pop(TOKEN, None)
            if token:
                pipe.lrem(self.inflight_key, 1, token)
            pipe.lpush(self.key, data)
            pipe.execute()

    def pop(self, timeout: int = 0) -> Request | None:
        data = self.server.lmove(self.key, self.inflight_key, "RIGHT", "LEFT")
        if data is None:
            return None
        try:
            request = request_from_dict(loads(data), spider=self.spider)
        except (ValueError, TypeError, AttributeError) as error:
            logger.error("dropped an unreadable queued request: %s", error)
            self.server.lrem(self.inflight_key, 1, data)
            return None
        request.meta[TOKEN] = data
        return request

    def ack(self, request: Request) -> None:
        """The request's work is done (its output is queued): forget its queue entry."""
        self.ack_token(request.meta.pop(TOKEN, None))

    def ack_token(self, token: bytes | None) -> None:
        if token is not None:
            self.server.lrem(self.inflight_key, 1, token)

    def drop_orphans(self) -> int:
        """Forget in-flight entries when nothing is in progress here (nothing can finish them)."""
        with self.server.pipeline() as pipe:
            pipe.llen(self.inflight_key)
            pipe.delete(self.inflight_key)
            count, _ = pipe.execute()
        return int(count)


class _JsonSerializer:
    loads = staticmethod(loads)
    dumps = staticmethod(dumps)


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler; a filtered redirect still acknowledges its parent request.

    ``enqueue_request`` and ``next_request`` are restated only to count stats without the
    ``spider`` argument that Scrapy deprecated.
    """

    queue: ReliableQueue

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            self.queue.ack(request)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


# --- the duplicate filter ----------------------------------------------------------------


class SeenFilter(RFPDupeFilter):
    """One Redis key per request fingerprint, scoped by the request's outlet and crawl round.

    ``enqueue`` starts a new round, so the next crawl of an outlet may fetch a URL again (the
    outlet spider's re-check ladder decides); within a round every worker together fetches it
    once. Keys expire after ``ttl`` seconds, only to keep Redis small.
    """

    def __init__(self, server: redis.Redis, key: str, debug: bool = False, ttl: int = 0):
        super().__init__(server, key, debug)
        self.ttl = ttl or DEFAULT_SEEN_SECONDS

    @classmethod
    def from_spider(cls, spider: Spider) -> Self:
        settings = spider.settings
        server = redis.Redis.from_url(settings.get("REDIS_URL"))
        return cls(
            server,
            key=settings.get("SCHEDULER_DUPEFILTER_KEY"),
            debug=settings.getbool("DUPEFILTER_DEBUG"),
            ttl=settings.getint("CLAIMWATCH_SEEN_SECONDS", DEFAULT_SEEN_SECONDS),
        )

    def request_seen(self, request: Request) -> bool:
        scope = f"{request.meta.get('outlet', '')}:{request.meta.get('round', 0)}"
        key = f"{self.key}:{scope}:{self.request_fingerprint(request)}"
        return not self.server.set(key, 1, nx=True, ex=self.ttl)

    def clear(self) -> None:
        for name in self.server.scan_iter(match=f"{self.key}:*", count=1000):
            self.server.delete(name)


# --- leases and recovery -----------------------------------------------------------------


def register_worker(server: redis.Redis, keys: RedisKeys, worker_id: str, lease: float) -> None:
    with server.pipeline() as pipe:
        pipe.sadd(keys.workers, worker_id)
        pipe.set(keys.lease(worker_id), 1, px=int(lease * 1000))
        pipe.execute()


def renew_lease(server: redis.Redis, keys: RedisKeys, worker_id: str, lease: float) -> None:
    """Extend the lease; a worker that was too slow and got recovered registers again."""
    register_worker(server, keys, worker_id, lease)


def release_worker(server: redis.Redis, keys: RedisKeys, worker_id: str) -> int:
    """A worker that stops cleanly puts back what it popped but did not finish."""
    moved = _requeue(server, keys.inflight(worker_id), keys.requests)
    with server.pipeline() as pipe:
        pipe.delete(keys.lease(worker_id))
        pipe.srem(keys.workers, worker_id)
        pipe.execute()
    return moved


def recover_dead_workers(server: redis.Redis, keys: RedisKeys) -> int:
    """Put every dead worker's in-flight requests back on the queue; returns how many."""
    moved = 0
    for raw in server.smembers(keys.workers):
        worker_id = raw.decode() if isinstance(raw, bytes) else str(raw)
        if server.exists(keys.lease(worker_id)):
            continue
        count = _requeue(server, keys.inflight(worker_id), keys.requests)
        if count:
            logger.warning("worker %s stopped answering: re-queued %d requests", worker_id, count)
        moved += count
        server.srem(keys.workers, worker_id)
    return moved


def _requeue(server: redis.Redis, source: str, target: str) -> int:
    moved = 0
    # One entry at a time, atomically: two workers recovering the same list never duplicate.
    while server.lmove(source, target, "RIGHT", "RIGHT") is not None:
        moved += 1
    return moved


def crawl_pending(server: redis.Redis, keys: RedisKeys) -> int:
    """Seeds, queued requests and requests in flight on any worker, dead or alive."""
    total = int(server.llen(keys.seeds)) + int(server.llen(keys.requests))
    for raw in server.smembers(keys.workers):
        worker_id = raw.decode() if isinstance(raw, bytes) else str(raw)
        total += int(server.llen(keys.inflight(worker_id)))
    return total
