"""A small site on 127.0.0.1 built from a dict in the test: path -> page, redirect or bytes.

Each value is a :class:`Page` (status, headers, body); a plain ``str`` is an HTML page.
``{BASE}`` in a body becomes the server's URL. Requests are logged in ``site.requests``.
Used by the crawl fault tests (issue 18), which need pages no fixture site has: redirect
loops, gzip bombs, pages pointing their canonical at another outlet.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.servers import running


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds before answering
    gate: threading.Event | None = None  # answer once the test sets it


@dataclass
class Site:
    pages: dict[str, Page | str]
    base: str = ""
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hits(self, path: str) -> int:
        with self.lock:
            return self.requests.count(path)


def redirect(location: str, status: int = 302) -> Page:
    return Page(status=status, headers={"Location": location, "Content-Length": "0"})


def article(title: str, text: str, *, canonical: str = "", published: str = "2025-11-04") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{link}<meta property='article:published_time' content='{published}T08:00:00Z'>"
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def feed(*paths: str) -> Page:
    items = "".join(
        f"<item><title>{path}</title><link>{{BASE}}{path}</link></item>" for path in paths
    )
    body = (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
    )
    return Page(body.encode(), headers={"Content-Type": "application/rss+xml"})


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            with site.lock:
                site.requests.append(self.path)
            page = site.pages.get(self.path)
            if page is None:
                page = Page(b"<h1>Not Found</h1>", status=404)
            elif isinstance(page, str):
                page = Page(page.encode("utf-8"))
            if page.delay:
                time.sleep(page.delay)
            if page.gate is not None:
                page.gate.wait(60)
            body = page.body.replace(b"{BASE}", site.base.encode())
            try:
                self.send_response(page.status)
                for name, value in page.headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in page.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler gave up on this request

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 64

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextmanager
def serve_pages(pages: dict[str, Page | str]) -> Iterator[Site]:
    site = Site(pages=pages)
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    with running(server):
        yield site


def write_config(path: Path, outlets: dict[str, dict[str, list[str]]], **crawl: object) -> Path:
    """A claimwatch.toml for a crawl of loopback sites: ``outlets`` maps a name to its feeds,
    sitemaps or sections; ``crawl`` adds settings to ``[crawl]`` (delay 0, private allowed)."""
    settings = {"delay": 0, "allow_private": True, "timeout": 5, **crawl}
    lines = ["[database]", 'path = "claimwatch.db"', "", "[crawl]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    for name, listings in outlets.items():
        lines += ["", "[[outlets]]", f"name = {json.dumps(name)}"]
        lines += [f"{kind} = {json.dumps(urls)}" for kind, urls in listings.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
