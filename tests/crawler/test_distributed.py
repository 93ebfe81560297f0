"""Redis building blocks of the distributed crawl: serialization, queue, filter, ingester."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import sqlite_utils
from scrapy import Request

from crawler.distributed import RedisKeys
from crawler.distributed.ingest import Ingester, ItemQueue
from crawler.distributed.queue import (
    SeenFilter,
    crawl_pending,
    dumps,
    loads,
    recover_dead_workers,
    register_worker,
    request_to_data,
)
from crawler.distributed.records import BadRecord, decode_item, encode_error, encode_item
from crawler.distributed.seed import enqueue_outlet
from crawler.items import Article, NotModified
from db.store import article_versions
from tests.crawler.distributed_site import redis_prefix


@pytest.fixture
def keys(redis_url: str, request: pytest.FixtureRequest) -> Iterator[RedisKeys]:
    with redis_prefix(redis_url, request.node.name[:20]) as prefix:
        yield RedisKeys(prefix)


@pytest.fixture
def server(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def _article(number: int, text: str = "") -> Article:
    return Article(
        url=f"https://news.example.org/2025/01/story-{number}",
        title=f"Story {number}",
        text=text or f"The port handled {number} ships, the authority said.",
        outlet="harbour-news",
        html=f"<html><p>story {number}</p></html>".encode(),
    )


def test_request_json_round_trip_keeps_bytes_headers_meta_and_callback_names() -> None:
    def parse_article(response: object) -> None: ...

    request = Request(
        "https://news.example.org/a?b=1",
        callback=parse_article,
        headers={"If-None-Match": '"abc"'},
        meta={"outlet": "wire", "lastmod": None, "handle_httpstatus_list": [304]},
        body=b"\x00\xff",
        method="POST",
    )
    data = loads(request_to_data(request))
    assert data["callback"] == "parse_article"
    assert data["headers"][b"If-None-Match"] == [b'"abc"']
    assert data["body"] == b"\x00\xff"
    assert data["meta"]["handle_httpstatus_list"] == [304]
    assert loads(dumps({"k": {b"x": (1, 2)}})) == {"k": {b"x": [1, 2]}}
    with pytest.raises(TypeError):
        dumps({"meta": object()})


def test_item_records_round_trip_and_reject_foreign_entries() -> None:
    article = _article(1)
    record = decode_item(encode_item(article) or b"")
    assert record["type"] == "article"
    assert record["html"] == article.html
    assert record["text"] == article.text
    assert decode_item(encode_item(NotModified(url="https://x.org/a")) or b"")["type"] == (
        "not_modified"
    )
    assert decode_item(encode_error("wire", "https://x.org/b: HTTP 500"))["outlet"] == "wire"
    assert encode_item({"not": "an article"}) is None
    for foreign in (b"\x80not json", b'{"type": "other"}', b'{"type": "article"}'):
        with pytest.raises(BadRecord):
            decode_item(foreign)


def test_seen_filter_is_shared_within_a_round_of_an_outlet(
    server: redis.Redis, keys: RedisKeys
) -> None:
    first, second = SeenFilter(server, keys.seen, ttl=60), SeenFilter(server, keys.seen, ttl=60)

    def request(round_: int, outlet: str = "wire") -> Request:
        return Request("https://news.example.org/a", meta={"outlet": outlet, "round": round_})

    assert not first.request_seen(request(1))
    assert second.request_seen(request(1))  # another worker sees the same fingerprint
    assert not second.request_seen(request(2))  # the next round may fetch it again
    assert not first.request_seen(request(1, outlet="other"))
    ttls = [server.ttl(key) for key in server.scan_iter(match=f"{keys.seen}:*")]
    assert len(ttls) == 3 and all(0 < ttl <= 60 for ttl in ttls)


def test_a_dead_workers_requests_go_back_on_the_queue(server: redis.Redis, keys: RedisKeys) -> None:
    register_worker(server, keys, "alive", lease=30)
    register_worker(server, keys, "dead", lease=0.05)
    server.rpush(keys.inflight("alive"), b"a1")
    server.rpush(keys.inflight("dead"), b"d1", b"d2")
    assert crawl_pending(server, keys) == 3
    time.sleep(0.1)
    assert recover_dead_workers(server, keys) == 2
    assert sorted(server.lrange(keys.requests, 0, -1)) == [b"d1", b"d2"]
    assert server.llen(keys.inflight("alive")) == 1
    assert server.smembers(keys.workers) == {b"alive"}
    assert crawl_pending(server, keys) == 3  # moved, not lost


def test_enqueue_registers_the_outlet_and_queues_its_start_urls(
    server: redis.Redis, keys: RedisKeys
) -> None:
    outlet = {
        "name": "wire",
        "feeds": ["https://news.example.org/rss.xml?utm_source=x"],
        "sitemaps": ["https://news.example.org/sitemap.xml"],
        "sections": [],
    }
    seeded = enqueue_outlet(server, keys, outlet)
    assert seeded.to_dict() == {
        "outlet": "wire",
        "feeds": 1,
        "sitemaps": 1,
        "sections": 0,
        "round": 1,
    }
    assert json.loads(server.hget(keys.outlets, "wire") or b"")["round"] == 1
    seeds = [loads(raw) for raw in server.lrange(keys.seeds, 0, -1)]
    assert [(seed["kind"], seed["round"]) for seed in seeds] == [("feed", 1), ("sitemap", 1)]
    assert seeds[0]["url"] == "https://news.example.org/rss.xml"  # tracking parameter dropped
    assert enqueue_outlet(server, keys, outlet).round == 2  # each enqueue is a new round


def test_ingester_loses_no_item_when_killed_and_stores_a_redelivered_item_once(
    tmp_path: Path, server: redis.Redis, keys: RedisKeys, db: sqlite_utils.Database
) -> None:
    for item in (_article(1), _article(2), _article(1), _article(3)):  # story 1 delivered twice
        server.rpush(keys.items, encode_item(item) or b"")
    server.rpush(keys.items, encode_error("harbour-news", "https://x.org/z: HTTP 500"))
    server.rpush(keys.items, b"not ours")
    # An ingester took an item and died before its commit: the item sits in processing.
    taken = ItemQueue(server, keys).take(0.1)
    assert taken is not None and server.llen(keys.items_processing) == 1

    tracked: list[int] = []
    ingester = Ingester(db, server, keys, after_batch=lambda _db: tracked.append(1))
    totals = ingester.run(until_idle=0)

    assert totals.recovered == 1
    assert (totals.new, totals.unchanged, totals.errors, totals.bad) == (3, 1, 1, 1)
    assert server.llen(keys.items) == 0 and server.llen(keys.items_processing) == 0
    for number in (1, 2, 3):
        assert len(article_versions(db, _article(number).url)) == 1
    assert article_versions(db, _article(1).url)[0]["html"]  # raw HTML kept, compressed
    run = db.execute("SELECT status, pages, articles_new, errors, error_log FROM runs").fetchall()
    assert run == [("ok", 5, 3, 1, '["https://x.org/z: HTTP 500"]')]
    assert tracked  # tracking ran after the batch
    known = json.loads(server.hget(keys.known("harbour-news"), _article(2).url) or b"")
    assert known["last_fetched"]  # workers re-check it on the age ladder


def test_ingester_mirrors_stored_articles_for_the_workers(
    server: redis.Redis, keys: RedisKeys, db: sqlite_utils.Database
) -> None:
    from db.store import store_article

    article = _article(4)
    article.published, article.etag = "2025-01-02T08:00:00+00:00", '"v1"'
    store_article(db, article.to_dict(), run_id=None)
    enqueue_outlet(server, keys, {"name": "harbour-news", "feeds": ["https://n.example.org/f"]})
    server.delete(keys.seeds)
    server.rpush(
        keys.items,
        encode_item(NotModified(url=article.url, lastmod="2025-02-01", outlet="harbour-news"))
        or b"",
    )

    Ingester(db, server, keys).run(until_idle=0)

    known = json.loads(server.hget(keys.known("harbour-news"), article.url) or b"")
    assert known["etag"] == '"v1"' and known["published"].startswith("2025-01-02")
    assert known["lastmod"] == "2025-02-01"  # the 304 updated it
    row = db.execute("SELECT lastmod FROM articles WHERE url = ?", [article.url]).fetchone()
    assert row == ("2025-02-01",)


def test_ingester_stops_when_asked_and_marks_its_runs_interrupted(
    server: redis.Redis, keys: RedisKeys, db: sqlite_utils.Database
) -> None:
    server.rpush(keys.items, encode_item(_article(7)) or b"")
    server.rpush(keys.seeds, b"{}")  # crawl work still pending: never idle
    handled: list[int] = []

    def stop_after_first() -> bool:
        handled.append(1)
        return len(handled) > 2

    totals = Ingester(db, server, keys).run(should_stop=stop_after_first, poll=0.05)
    assert totals.new == 1
    assert db.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]


def test_the_start_shim_turns_queued_seeds_into_the_outlet_spiders_requests(
    redis_url: str, server: redis.Redis, keys: RedisKeys
) -> None:
    import asyncio

    from scrapy.utils.test import get_crawler

    from crawler.distributed.process import worker_settings
    from crawler.distributed.worker import WorkerSpider

    enqueue_outlet(
        server,
        keys,
        {
            "name": "wire",
            "feeds": ["https://n.example.org/rss"],
            "sections": ["https://n.example.org/w/"],
        },
    )
    crawler = get_crawler(WorkerSpider, worker_settings({}, redis_url, keys))
    spider = WorkerSpider.from_crawler(crawler, keys=keys)

    async def first_batch() -> list[Request]:
        return [request async for request in spider.start()]

    requests = asyncio.run(first_batch())
    assert [(r.url, r.callback.__name__, r.meta["outlet"], r.meta["round"]) for r in requests] == [
        ("https://n.example.org/rss", "parse_feed", "wire", 1),
        ("https://n.example.org/w/", "parse_section", "wire", 1),
    ]
    assert not requests[0].dont_filter  # seeds go through the shared duplicate filter too
    assert server.llen(keys.seeds) == 0
    assert spider.make_request_from_data(b'{"url": "https://x.org", "kind": "bogus"}') == []


def test_a_refused_redirect_reaches_the_ingester_from_a_worker_that_has_no_view_yet(
    redis_url: str, server: redis.Redis, keys: RedisKeys
) -> None:
    # The guard refuses a redirect when it is scheduled, before any callback: a worker whose
    # first request was an article link queued by another worker knows no outlet yet.
    from scrapy.utils.test import get_crawler

    from crawler.distributed.process import worker_settings
    from crawler.distributed.worker import WorkerSpider

    enqueue_outlet(server, keys, {"name": "wire", "feeds": ["https://www.n.example.org/rss"]})
    crawler = get_crawler(WorkerSpider, worker_settings({}, redis_url, keys))
    spider = WorkerSpider.from_crawler(crawler, keys=keys)
    assert not spider.views

    spider.record_error("https://n.example.org/moved", "redirect to http://10.0.0.1/ refused")

    records = [decode_item(raw) for raw in server.lrange(keys.items, 0, -1)]
    assert records == [
        {
            "type": "error",
            "outlet": "wire",
            "line": "https://n.example.org/moved: redirect to http://10.0.0.1/ refused",
        }
    ]
