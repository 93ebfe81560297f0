"""Real servers on 127.0.0.1 for notification tests: a webhook receiver and a tiny SMTP server."""

from __future__ import annotations

import json
import socketserver
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.servers import running


@dataclass
class Webhook:
    url: str
    posts: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answered first, then 200

    def flag_ids(self) -> list[int]:
        return [flag["id"] for post in self.posts for flag in post["flags"]]


@contextmanager
def webhook_receiver() -> Iterator[Webhook]:
    hook = Webhook(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = hook.statuses.pop(0) if hook.statuses else 200
            if status == 200:
                hook.posts.append(json.loads(body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    hook.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    with running(server):
        yield hook


@dataclass
class Mailbox:
    port: int = 0
    messages: list[str] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)


@contextmanager
def smtp_receiver() -> Iterator[Mailbox]:
    """Enough SMTP for smtplib: HELO/EHLO, MAIL, RCPT, DATA, QUIT."""
    box = Mailbox()

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, line: str) -> None:
            self.wfile.write(line.encode() + b"\r\n")

        def handle(self) -> None:
            self.reply("220 localhost test SMTP")
            rcpts: list[str] = []
            while line := self.rfile.readline().decode().strip():
                verb = line.split(" ", 1)[0].upper()
                if verb in ("EHLO", "HELO"):
                    self.reply("250 localhost")
                elif verb == "RCPT":
                    rcpts.append(line.split(":", 1)[1].strip("<> "))
                    self.reply("250 ok")
                elif verb == "DATA":
                    self.reply("354 go on")
                    data = b""
                    while not data.endswith(b"\r\n.\r\n"):
                        data += self.rfile.readline()
                    box.messages.append(data[:-5].decode())
                    box.recipients.append(rcpts)
                    rcpts = []
                    self.reply("250 queued")
                elif verb == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("250 ok")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    box.port = server.server_address[1]
    with running(server):
        yield box
