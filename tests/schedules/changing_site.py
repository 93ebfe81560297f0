"""A news site on 127.0.0.1 whose article figures change every time its feed is read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.servers import running

FIGURES = [630, 650, 670, 690, 710, 730, 750, 770, 790, 810, 830, 850]

ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Jane Doe">
</head><body>
<header><a href="/">Harbour Gazette</a></header>
<article>
<h1>{title}</h1>
<p class="byline">By Jane Doe, {published}</p>
<p>Exports from the port of Lianyungang rose to ${value} million in October, the city's
customs office said on Tuesday, as shipments of machinery and electronics picked up.</p>
<p>Imports through the port reached ${imports} million over the same month, according to
Li Wei, a spokesman for the customs office. He said the figures reflected stronger demand
from Southeast Asian buyers and the opening of two new container berths in September.</p>
<p>Analysts at the Harbour Institute said the port handled {teu} containers in October,
and they expected growth to continue through the end of the year. The institute said
freight rates had stabilised after a volatile summer in which several shipping lines
suspended routes to the region.</p>
<p>The customs office will publish its November figures in the middle of December.</p>
</article>
<footer>Harbour Gazette, all rights reserved.</footer>
</body></html>
"""

ARTICLE_ZH = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
</head><body>
<article>
<h1>{title}</h1>
<p>海关总署周二表示，10月份连云港港口出口额增至{value}亿美元，机械和电子产品出货量回升。</p>
<p>海关发言人李伟说，同期进口额达到{imports}亿美元。他表示，这些数字反映出东南亚买家需求增强，
以及9月份两个新集装箱泊位投入使用。</p>
<p>港口研究院的分析人士说，预计今年年底前增长将持续。研究院表示，在夏季多家航运公司暂停
该地区航线之后，运费已经趋于稳定。海关将于12月中旬公布11月份数据。</p>
</article>
</body></html>
"""
SLUGS = ("exports", "gangkou")  # one English, one Chinese article


@dataclass
class ChangingSite:
    url: str = ""
    generation: int = 0  # bumped each time the feed is read: each crawl sees new figures

    def article(self, slug: str) -> str:
        step = self.generation + (0 if slug == "exports" else 3)
        published = datetime.now(UTC).replace(microsecond=0).isoformat()
        if slug == "gangkou":
            return ARTICLE_ZH.format(
                title="连云港港口出口额增长",
                published=published,
                value=f"{FIGURES[step % len(FIGURES)] / 100:g}",
                imports=f"{4.1 + 0.1 * step:.1f}",
            )
        return ARTICLE.format(
            title=f"Port {slug} climb as machinery shipments pick up",
            published=published,
            value=FIGURES[step % len(FIGURES)],
            imports=410 + 10 * step,
            teu=f"{12000 + 100 * step:,}",
        )

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{slug}</title><link>{self.url}/news/2026/11/{slug}.html</link>"
            f"<pubDate>{format_datetime(datetime.now(UTC))}</pubDate></item>"
            for slug in SLUGS
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Harbour Gazette</title><link>{self.url}/</link>{items}</channel></rss>"
        )


@contextmanager
def changing_site() -> Iterator[ChangingSite]:
    site = ChangingSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed.xml":
                site.generation += 1
                body, kind = site.feed(), "application/rss+xml"
            elif self.path.startswith("/news/2026/11/") and self.path.endswith(".html"):
                body, kind = site.article(self.path.rsplit("/", 1)[1][:-5]), "text/html"
            else:
                self.send_error(404)
                return
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    with running(server):
        yield site
