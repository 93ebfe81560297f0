"""Crawl throughput: bare Scrapy download vs ``claimwatch crawl`` on a generated local site.

Generates 2,000 varied article pages (four page styles, English and Chinese, 3-12 paragraphs)
held in memory and served by a threaded server on 127.0.0.1, listed in a sitemap. Prints, from
the same run:

- pages/s of a bare Scrapy spider that only downloads the pages (same concurrency settings);
- pages/s of ``claimwatch crawl`` (extraction, storage with compressed HTML, then tracking),
  for the crawl itself and for the whole command; their ratio to bare (target >= 0.5);
- the time of a second crawl of the unchanged site over the first (target <= 0.2);
- peak RSS of the ``claimwatch crawl`` process (target < 400 MB).

Usage: python bench/crawl.py [--pages 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
CONCURRENCY = 16
WORDS = (
    "the company said revenue rose fell percent billion million analysts expected market "
    "quarter year demand prices government officials investors shares growth forecast report "
    "according data sales profit costs plant workers orders exports imports index rate bank"
).split()
ZH = "公司表示营业收入同比增长百分点亿元市场需求价格政府官员投资者股份预计报告数据销售利润成本工厂订单出口"

BARE_SPIDER = """
import sys
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.utils.sitemap import Sitemap

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        yield scrapy.Request(sys.argv[1], callback=self.sitemap)
    def sitemap(self, response):
        for entry in Sitemap(response.body):
            yield scrapy.Request(entry["loc"], callback=self.page)
    def page(self, response):
        self.crawler.stats.inc_value("bare/pages")

process = CrawlerProcess({
    "CONCURRENT_REQUESTS": %(concurrency)d * 4, "CONCURRENT_REQUESTS_PER_DOMAIN": %(concurrency)d,
    "DOWNLOAD_DELAY": 0, "ROBOTSTXT_OBEY": True, "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False,
    "COOKIES_ENABLED": False,
})
crawler = process.create_crawler(Bare)
process.crawl(crawler)
process.start()
print(crawler.stats.get_value("bare/pages"), crawler.stats.get_value("elapsed_time_seconds"))
"""


class _Server(ThreadingHTTPServer):
    # The default listen backlog of 5 drops the SYNs of a crawler opening 8-16 connections at
    # once; each dropped SYN costs a 1 s retransmit.
    request_queue_size = 128
    daemon_threads = True


def _paragraph(rng: random.Random, chinese: bool) -> str:
    if chinese:
        return (
            "".join(rng.choice(ZH) for _ in range(60))
            + f"{rng.randint(2, 99)}.{rng.randint(1, 9)}%。"
        )
    words = [rng.choice(WORDS) for _ in range(rng.randint(30, 70))]
    words.insert(rng.randint(0, len(words)), f"${rng.randint(1, 900)}.{rng.randint(1, 9)} billion")
    return " ".join(words).capitalize() + "."


def make_site(pages: int) -> dict[str, bytes]:
    """path -> body of every page of the generated site (deterministic)."""
    rng = random.Random(20251212)
    site: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    urls = []
    for number in range(pages):
        style = ("og", "ld", "plain", "zh")[number % 4]
        chinese = style == "zh"
        day = datetime(2024, 1 + number % 12, 1 + number % 28, 8, number % 60)
        path = f"/news/{day:%Y/%m/%d}/story-number-{number}-about-markets"
        title = f"Story {number}: " + " ".join(rng.choice(WORDS) for _ in range(8))
        body = "".join(f"<p>{_paragraph(rng, chinese)}</p>" for _ in range(rng.randint(3, 12)))
        head = f"<title>{title} | Bench Times</title>"
        if style == "og":
            head += f"<meta property='og:title' content='{title}'><meta property='article:published_time' content='{day.isoformat()}Z'>"
        elif style == "ld":
            head += f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}", "datePublished": "{day.isoformat()}Z", "author": {{"@type": "Person", "name": "Writer {number % 50}"}}}}</script>'
        top = f"<h1>{title}</h1><p class='byline'>By Writer {number % 50}</p><p class='date'>Published: {day:%B %d, %Y %H:%M}</p>"
        nav = (
            "<nav>"
            + " ".join(f"<a href='/section/{n}'>Section {n}</a>" for n in range(12))
            + "</nav>"
        )
        html = f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{nav}<article>{top}{body}</article><footer>Bench Times</footer></body></html>"
        site[path] = html.encode("utf-8")
        urls.append((path, day.date().isoformat()))
    return site | {"__urls__": repr(urls).encode()}


def serve(site: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"
        # One send per response: without these, Nagle + delayed ACK add ~40 ms to each request.
        disable_nagle_algorithm = True
        wbufsize = 1 << 16

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = site.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            kind = "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = _Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = eval(site.pop("__urls__"))  # noqa: S307 - our own repr above
    entries = "".join(
        f"<url><loc>{base}{path}</loc><lastmod>{day}</lastmod></url>" for path, day in urls
    )
    site["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + entries + "</urlset>"
    ).encode()  # fmt: skip
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def measure(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """(wall seconds, peak RSS bytes of the process and its children, stdout)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            rss = watched.memory_info().rss + sum(
                c.memory_info().rss for c in watched.children(recursive=True)
            )
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    stdout, stderr = process.communicate()
    if process.returncode not in (0,):
        print(stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"{argv[2:5]} exited {process.returncode}")
    return time.perf_counter() - started, peak, stdout


def crawl_seconds(db_path: Path, run: int) -> float:
    sys.path.insert(0, str(REPO))
    from db.schema import connect

    database = connect(db_path)
    try:
        started, finished = database.execute(
            "SELECT started_at, finished_at FROM runs WHERE id = ?", [run]
        ).fetchone()
    finally:
        database.close()
    return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    site = make_site(args.pages)
    server, base = serve(site)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        script = work / "bare.py"
        script.write_text(BARE_SPIDER % {"concurrency": CONCURRENCY}, encoding="utf-8")
        bare_seconds, bare_rss, out = measure(
            [sys.executable, str(script), f"{base}/sitemap.xml"], work
        )
        fetched, bare_crawl = out.strip().splitlines()[-1].split()
        assert int(fetched) == args.pages, out
        config = work / "claimwatch.toml"
        config.write_text(
            f'[database]\npath = "bench.db"\n[crawl]\ndelay = 0\nallow_private = true\n'
            f"concurrency_per_site = {CONCURRENCY}\n"
            f'[[outlets]]\nname = "bench"\nsitemaps = ["{base}/sitemap.xml"]\n',
            encoding="utf-8",
        )
        command = [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl", "--quiet"]
        first_seconds, first_rss, _ = measure(command, work)
        first_crawl = crawl_seconds(work / "bench.db", 1)
        second_seconds, second_rss, _ = measure(command, work)
    server.shutdown()
    bare_rate, bare_process_rate = args.pages / float(bare_crawl), args.pages / bare_seconds
    crawl_rate, command_rate = args.pages / max(first_crawl, 1.0), args.pages / first_seconds
    peak = max(first_rss, second_rss) / 2**20
    print(f"generated site: {args.pages} pages, concurrency {CONCURRENCY}, delay 0")
    print(
        f"bare scrapy, download only:  crawl {float(bare_crawl):6.1f} s = {bare_rate:6.1f} pages/s; "
        f"process {bare_seconds:6.1f} s; peak RSS {bare_rss / 2**20:.0f} MB"
    )
    print(
        f"claimwatch crawl:            crawl {first_crawl:6.1f} s = {crawl_rate:6.1f} pages/s; "
        f"command incl. tracking {first_seconds:6.1f} s; peak RSS {peak:.0f} MB (target < 400)"
    )
    print(
        f"ratio claimwatch / bare pages/s: crawl {crawl_rate / bare_rate:.2f} (target >= 0.5); "
        f"whole processes {command_rate / bare_process_rate:.2f}"
    )
    print(
        f"second crawl of the unchanged site: {second_seconds:.1f} s = "
        f"{second_seconds / first_seconds:.2f} of the first (target <= 0.2)"
    )


if __name__ == "__main__":
    main()
