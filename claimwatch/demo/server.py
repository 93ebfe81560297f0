"""Serve the bundled demo site on a free 127.0.0.1 port from a thread of this process.

``/a/b`` is ``site/a/b.html`` (or ``site/a/b/index.html``; ``?page=N`` is ``pageN.html``);
``{BASE}`` in feeds, sitemaps and robots.txt becomes the server's own URL, so the static files
work on whatever port the system hands out; ``{NOW}`` becomes the current time (UTC), so an
edit the update layer announces is newer than the crawl that came before it. The site is served from layers of folders, the first
that has a file wins: the demo puts ``update/`` (an edited story, a new one, the listings that
announce them) over ``site/`` between its two crawls, on the same port, so the URLs stay the same.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITE = Path(__file__).resolve().parent / "site"
UPDATE = Path(__file__).resolve().parent / "update"  # laid over SITE for the demo's second crawl
_TYPES = {".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".html": "text/html"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Server(ThreadingHTTPServer):
    # The default listen backlog of 5 drops the SYNs of a crawler opening 8-16 connections at
    # once; each dropped SYN costs a 1 s retransmit.
    request_queue_size = 128
    daemon_threads = True


def resolve(root: Path, path: str, query: dict[str, list[str]]) -> Path | None:
    """The file under ``root`` serving ``path`` (``?page=N`` -> ``pageN.html``), or None."""
    stem = path.strip("/")
    if query.get("page", [""])[0].isdigit():
        stem = f"{stem}/page{query['page'][0]}".lstrip("/")
    for candidate in (root / stem, root / f"{stem}.html", root / stem / "index.html"):
        resolved = candidate.resolve()
        if resolved.is_file() and (resolved == root or root in resolved.parents):
            return resolved
    return None


def _handler(layers: list[Path], base: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the crawl's own display reports progress

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            found = next(
                (hit for root in list(layers) if (hit := resolve(root, parts.path, query))), None
            )
            if found is None:
                body, status, content_type = b"<h1>Not found</h1>", 404, "text/html"
            else:
                body, status = found.read_bytes(), 200
                content_type = _TYPES.get(found.suffix, "application/octet-stream")
                if found.suffix in (".xml", ".txt"):
                    body = body.replace(b"{BASE}", base[0].encode())
                    body = body.replace(b"{NOW}", _now().encode())
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve(root: Path | list[Path] = SITE) -> Iterator[str]:
    """Serve ``root`` for the duration of the block; yields the base URL.

    ``root`` may be a list of folders, first match wins, read at every request: the caller
    may insert a layer while serving.
    """
    base: list[str] = [""]
    layers = root if isinstance(root, list) else [root.resolve()]
    server = _Server(("127.0.0.1", 0), _handler(layers, base))
    server.daemon_threads = True
    base[0] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield base[0]
    finally:
        server.shutdown()
        server.server_close()
