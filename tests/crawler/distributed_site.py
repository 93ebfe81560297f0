"""A generated news site on 127.0.0.1 for distributed-crawl tests and the benchmark.

``pages`` small articles under ``/news/YYYY/MM/DD/story-N``, reachable three ways that
overlap (a feed of the newest, a sitemap of all, a paginated section), so a URL found by
two workers shows whether the shared duplicate filter works. Every GET is counted per path;
article answers can be delayed so that requests are in flight when a worker is killed.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from tests.servers import running

PER_SECTION_PAGE = 25
FEED_ITEMS = 40
MISSING = "/news/2025/01/01/story-gone"
MOVED = "/news/2025/01/02/story-moved"  # redirects to the cloud metadata address
CITIES = ("Oslo", "Lima", "Perth", "Accra", "Quito", "Hanoi", "Tunis", "Riga")


@dataclass
class Site:
    pages: int
    delay: float = 0.0  # seconds before each article answer
    broken: bool = False  # the feed also links to a 404 and to a redirect the guard refuses
    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def article_path(self, number: int) -> str:
        day = date(2025, 1, 1) + timedelta(days=number % 300)
        return f"/news/{day:%Y/%m/%d}/story-{number}"

    def article_paths(self) -> list[str]:
        return [self.article_path(number) for number in range(self.pages)]

    def article(self, number: int) -> str:
        day = date(2025, 1, 1) + timedelta(days=number % 300)
        city = CITIES[number % len(CITIES)]
        figure = 100 + number
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Port of {city} handles {figure} ships in story {number}</title>"
            f"<meta property='article:published_time' content='{day}T08:00:00+00:00'>"
            f"<link rel='canonical' href='{self.article_path(number)}'></head><body>"
            f"<h1>Port of {city} handles {figure} ships in story {number}</h1><article>"
            f"<p>The port of {city} handled {figure} container ships in the month, the port "
            f"authority said on {day:%A}, up {number % 9 + 1}% from a year earlier.</p>"
            f"<p>Harbour master Ines Varga said waiting times fell to {number % 5 + 2} days "
            "as two new berths opened and crews worked longer shifts through the season.</p>"
            "</article></body></html>"
        )

    def section(self, page: int) -> str:
        first = (page - 1) * PER_SECTION_PAGE
        numbers = range(first, min(first + PER_SECTION_PAGE, self.pages))
        links = "".join(f"<li><a href='{self.article_path(n)}'>Story {n}</a></li>" for n in numbers)
        more = first + PER_SECTION_PAGE < self.pages
        nav = f"<a rel='next' href='/news/?page={page + 1}'>Next</a>" if more else ""
        return f"<html><body><h1>News</h1><ul>{links}</ul>{nav}</body></html>"

    def sitemap(self) -> str:
        urls = "".join(f"<url><loc>{self.base}{path}</loc></url>" for path in self.article_paths())
        return (
            "<?xml version='1.0' encoding='UTF-8'?>"
            f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
        )

    def feed(self) -> str:
        items = "".join(
            f"<item><title>Story {n}</title><link>{self.base}{self.article_path(n)}</link></item>"
            for n in range(max(0, self.pages - FEED_ITEMS), self.pages)
        )
        if self.broken:
            for path in (MISSING, MOVED):
                items += f"<item><title>Bad</title><link>{self.base}{path}</link></item>"
        return (
            "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
            f"<title>News</title><link>{self.base}/</link>{items}</channel></rss>"
        )

    def answer(self, path: str, query: str) -> tuple[int, str, str]:
        if path == "/feed.xml":
            return 200, "application/rss+xml", self.feed()
        if path == "/sitemap.xml":
            return 200, "application/xml", self.sitemap()
        if path == "/news/":
            page = int(query.removeprefix("page=")) if query.startswith("page=") else 1
            return 200, "text/html; charset=utf-8", self.section(page)
        if path.startswith("/news/") and path.rsplit("-", 1)[-1].isdigit():
            number = int(path.rsplit("-", 1)[1])
            if number < self.pages and path == self.article_path(number):
                time.sleep(self.delay)
                return 200, "text/html; charset=utf-8", self.article(number)
        return 404, "text/plain", "not found"

    def outlet(self, name: str = "harbour-news") -> dict[str, object]:
        """The outlet's config table, as in claimwatch.toml."""
        return {
            "name": name,
            "feeds": [f"{self.base}/feed.xml"],
            "sitemaps": [f"{self.base}/sitemap.xml"],
            "sections": [f"{self.base}/news/"],
            "article_pattern": r"/news/\d{4}/",
            "language": "en",
        }


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            key = parts.path + (f"?{parts.query}" if parts.query else "")
            with site.lock:
                site.hits[key] += 1
            status, content_type, text = site.answer(parts.path, parts.query)
            body = text.encode("utf-8")
            if parts.path == MOVED:
                status = 302
            self.send_response(status)
            if status == 302:
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve_site(pages: int, *, delay: float = 0.0, broken: bool = False) -> Iterator[Site]:
    """Serve a generated site of ``pages`` articles on 127.0.0.1 (a free port) meanwhile."""
    site = Site(pages=pages, delay=delay, broken=broken)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    with running(server):
        yield site


@contextmanager
def redis_prefix(redis_url: str, name: str) -> Iterator[str]:
    """A key prefix no other test uses; its keys are deleted before and after."""
    import uuid

    import redis

    prefix = f"cwtest-{name}-{uuid.uuid4().hex[:8]}"
    server = redis.Redis.from_url(redis_url)

    def flush() -> None:
        for key in server.scan_iter(match=f"{prefix}:*", count=1000):
            server.delete(key)

    flush()
    try:
        yield prefix
    finally:
        flush()
        server.close()


def write_config(path: Path, site: Site, *, concurrency: int = 4) -> Path:
    """A claimwatch.toml for crawling ``site`` fast on loopback."""
    outlet = site.outlet()
    lines = [
        "[database]",
        'path = "claimwatch.db"',
        "[crawl]",
        "delay = 0",
        "obey_robots = false",
        "allow_private = true",
        f"concurrency_per_site = {concurrency}",
        "[[outlets]]",
        f'name = "{outlet["name"]}"',
        f'feeds = ["{site.base}/feed.xml"]',
        f'sitemaps = ["{site.base}/sitemap.xml"]',
        f'sections = ["{site.base}/news/"]',
        "article_pattern = '/news/\\d{4}/'",
        'language = "en"',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
