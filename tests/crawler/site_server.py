"""A fixture news site on 127.0.0.1 for crawler tests: static pages plus misbehaving endpoints.

Serves ``tests/fixtures/sites/<name>/``: ``/a/b`` is ``a/b.html`` (or ``a/b/index.html``),
``{BASE}`` in text files becomes the server's URL. Special paths: ``/moved/*`` redirects to
the cloud metadata address, ``/big/*`` is larger than the tests' ``max_page_bytes``,
``/broken/*`` answers 500, ``/truncated/*`` stops mid-body, ``/slow/*`` answers after ``slow_seconds``, ``*.pdf`` is not HTML.
Paths in ``delays`` answer late (to choose which listing arrives first).
HTML answers carry an ETag and honour ``If-None-Match`` (304). Every request path is logged.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from claimwatch.demo.server import resolve
from tests.servers import running

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sites"
BIG_PAGE_BYTES = 300_000


@dataclass
class SiteState:
    root: Path
    base: str = ""
    zeta_figure: str = "12%"
    zeta_lastmod: str = "2025-11-10"
    slow_seconds: float = 3.0
    delays: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    requests: list[str] = field(default_factory=list)
    conditional: list[str] = field(default_factory=list)  # paths asked with If-None-Match

    def hits(self, path: str) -> int:
        return sum(1 for logged in self.requests if urlsplit(logged).path == path)


def _handler(state: SiteState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _send(
            self, status: int, body: bytes, content_type: str, headers: dict | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            state.requests.append(self.path)
            parts = urlsplit(self.path)
            path = parts.path
            if self.headers.get("If-None-Match"):
                state.conditional.append(path)
            if path in state.delays:
                time.sleep(state.delays[path])
            if path.startswith("/moved/"):
                self.send_response(302)
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path.startswith("/truncated/"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "50000")
                self.end_headers()
                self.wfile.write(b"<html><body><p>The first bytes of a page that never ends")
                self.close_connection = True
                return
            if path.startswith("/broken/"):
                return self._send(500, b"<h1>Internal Server Error</h1>", "text/html")
            if path.startswith("/slow/"):
                time.sleep(state.slow_seconds)
                return self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
            if path.startswith("/big/"):
                filler = b"<p>" + b"Filler text for an oversized page. " * 40 + b"</p>\n"
                body = (
                    b"<html><body>"
                    + filler * (BIG_PAGE_BYTES // len(filler) + 1)
                    + b"</body></html>"
                )
                return self._send(200, body, "text/html")
            if path.endswith(".pdf"):
                return self._send(200, b"%PDF-1.4 fake", "application/pdf")
            body, content_type = self._static(path, parse_qs(parts.query))
            if body is None:
                return self._send(404, b"<h1>Not Found</h1>", "text/html")
            etag = '"' + hashlib.md5(body).hexdigest() + '"'  # noqa: S324 (not security)
            if content_type.startswith("text/html") and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, body, content_type, {"ETag": etag})

        def _static(self, path: str, query: dict) -> tuple[bytes | None, str]:
            found = resolve(state.root, path, query)
            if found is not None:
                return self._fill(found.read_bytes()), _type(found)
            template = state.root / f"{path.strip('/')}.html.tmpl"
            if template.is_file():
                text = template.read_text(encoding="utf-8").replace("{figure}", state.zeta_figure)
                return self._fill(text.encode("utf-8")), "text/html"
            return None, ""

        def _fill(self, body: bytes) -> bytes:
            today = datetime.now(UTC).date().isoformat()
            return (
                body.replace(b"{BASE}", state.base.encode())
                .replace(b"{ZETA_LASTMOD}", state.zeta_lastmod.encode())
                .replace(b"{TODAY}", today.encode())
            )

    return Handler


def _type(path: Path) -> str:
    # HTML goes out without a charset: the crawler must detect encodings itself.
    return {".xml": "application/xml", ".txt": "text/plain"}.get(path.suffix, "text/html")


class _QuietServer(ThreadingHTTPServer):
    request_queue_size = 128  # the default backlog of 5 drops a crawler's parallel SYNs

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that time out (the slow endpoint) reset their connection


@contextmanager
def serve_site(name: str = "news") -> Iterator[SiteState]:
    """Serve a fixture site on a free 127.0.0.1 port for the duration of the block."""
    state = SiteState(root=(FIXTURES / name).resolve())
    server = _QuietServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    with running(server):
        yield state
