"""Seeding: register outlets in Redis and queue their feeds, sitemaps and sections.

Workers read an outlet's config (hosts, article pattern, language) from the ``outlets``
hash, so they need no config file of their own. Each ``enqueue`` starts a new crawl round of
the outlet: the duplicate filter is scoped by round, so its listings are read again and its
articles are fetched again when the outlet spider's re-check ladder says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import redis

from crawler.distributed import RedisKeys
from crawler.urls import clean_url

SEED_FIELDS = (("feeds", "feed"), ("sitemaps", "sitemap"), ("sections", "section"))


@dataclass
class Seeded:
    outlet: str
    feeds: int = 0
    sitemaps: int = 0
    sections: int = 0
    round: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "feeds": self.feeds,
            "sitemaps": self.sitemaps,
            "sections": self.sections,
            "round": self.round,
        }


def enqueue_outlet(server: redis.Redis, keys: RedisKeys, outlet: dict[str, Any]) -> Seeded:
    """Register ``outlet`` (its config as a dict) and queue its start URLs for the workers."""
    name = outlet["name"]
    seeded = Seeded(outlet=name)
    seeds: list[tuple[str, str]] = []
    for field, kind in SEED_FIELDS:
        urls = [clean_url(url) for url in outlet.get(field, [])]
        setattr(seeded, field, len(urls))
        seeds.extend((url, kind) for url in urls)
    seeded.round = int(server.hincrby(keys.rounds, name, 1))
    registered = {**outlet, "round": seeded.round}
    with server.pipeline() as pipe:
        pipe.hset(keys.outlets, name, json.dumps(registered, ensure_ascii=False, sort_keys=True))
        for url, kind in seeds:
            seed = {"url": url, "kind": kind, "outlet": name, "round": seeded.round}
            pipe.rpush(keys.seeds, json.dumps(seed))
        pipe.execute()
    return seeded


def queue_status(server: redis.Redis, keys: RedisKeys) -> dict[str, int]:
    """How much work is waiting: seeds, requests, items, live workers."""
    return {
        "seeds": int(server.llen(keys.seeds)),
        "requests": int(server.llen(keys.requests)),
        "items": int(server.llen(keys.items)),
        "workers": int(server.scard(keys.workers)),
    }
