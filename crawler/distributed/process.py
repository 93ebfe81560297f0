"""Running a worker process: check Redis, build the settings, run the spider until stopped.

The settings are the outlet crawl's (``crawler.settings.crawl_settings``) with scrapy-redis's
scheduler, our reliable queue and per-round duplicate filter, and the item-list pipeline.
"""

from __future__ import annotations

from typing import Any

import redis

from crawler.distributed import DistributedError, RedisKeys
from crawler.distributed.worker import DEFAULT_LEASE, WorkerSpider


def check_redis(url: str) -> redis.Redis:
    """A client for ``url`` that answered a PING; raises DistributedError otherwise."""
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=5)
        server.ping()
    except ValueError as error:
        raise DistributedError(f"bad Redis URL {url!r}: {error}") from None
    except redis.RedisError as error:
        raise DistributedError(f"cannot reach Redis at {url}: {error}") from None
    return server


def worker_settings(
    crawl: dict[str, Any], redis_url: str, keys: RedisKeys, *, log_level: str = "INFO"
) -> dict[str, Any]:
    """The outlet crawl's settings with scrapy-redis's scheduler and our queue and filter."""
    from crawler.settings import crawl_settings

    settings = crawl_settings(crawl, db_path="", log_level=log_level)
    settings.update(
        SCHEDULER="crawler.distributed.queue.ReliableScheduler",
        SCHEDULER_QUEUE_CLASS="crawler.distributed.queue.ReliableQueue",
        SCHEDULER_QUEUE_KEY=keys.requests,
        SCHEDULER_DUPEFILTER_KEY=keys.seen,
        DUPEFILTER_CLASS="crawler.distributed.queue.SeenFilter",
        SCHEDULER_PERSIST=True,  # the queue is shared: one worker stopping must not clear it
        REDIS_URL=redis_url,
        REDIS_START_URLS_KEY=keys.seeds,
        ITEM_PIPELINES={"crawler.distributed.worker.ArticleQueuePipeline": 300},
        CLAIMWATCH_ITEMS_KEY=keys.items,
        CLAIMWATCH_DB="",
        CLOSESPIDER_PAGECOUNT=0,
    )
    return settings


def run_worker(
    crawl: dict[str, Any],
    redis_url: str,
    *,
    keys: RedisKeys,
    until_idle: float | None = None,
    lease: float = DEFAULT_LEASE,
    log_level: str = "INFO",
) -> dict[str, Any]:
    """Run one worker in this process until stopped (SIGTERM/SIGINT) or idle; its stats."""
    from scrapy.crawler import CrawlerProcess

    check_redis(redis_url)
    process = CrawlerProcess(worker_settings(crawl, redis_url, keys, log_level=log_level))
    crawler = process.create_crawler(WorkerSpider)
    process.crawl(crawler, keys=keys, until_idle=until_idle, lease=lease)
    process.start()
    return crawler.stats.get_stats() if crawler.stats else {}
