"""The weekly job: dated files for each configured format, mailed through a local SMTP server."""

from __future__ import annotations

import email
import socketserver
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import Message
from email.policy import default as default_policy
from pathlib import Path

import feedparser
import pytest

from claimwatch.config import Config, parse_config
from claimwatch.digest import DigestDeliveryError, write_scheduled_digests
from tests.claimwatch.digest_fixture import build_newsroom
from tests.servers import running

MONDAY_MORNING = datetime(2025, 12, 15, 7, 0, tzinfo=UTC)


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for smtplib to hand over one message."""

    def handle(self) -> None:
        self.wfile.write(b"220 localhost test SMTP\r\n")
        while line := self.rfile.readline():
            verb = line.decode().strip().split(" ")[0].upper()
            if verb == "DATA":
                self.wfile.write(b"354 go ahead\r\n")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.messages.append(email.message_from_bytes(data, policy=default_policy))  # type: ignore[attr-defined]
                self.wfile.write(b"250 queued\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_server() -> Iterator[socketserver.ThreadingTCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.messages = []  # type: ignore[attr-defined]
    with running(server):
        yield server


def _config(tmp_path: Path, formats: str, port: int, email_to: str = "") -> Config:
    text = (
        f'[digest]\nevery = "mon 07:00"\noutput = "digests"\nformats = [{formats}]\n'
        f"email = [{email_to}]\n"
        f'[notify.smtp]\nhost = "127.0.0.1"\nport = {port}\nsender = "claimwatch@example.org"\n'
    )
    return parse_config(tomllib.loads(text), tmp_path / "claimwatch.toml")


def test_writes_dated_files_and_mails_them(
    tmp_path: Path, smtp_server: socketserver.ThreadingTCPServer
) -> None:
    db_path = tmp_path / "claimwatch.db"
    build_newsroom(db_path)
    port = smtp_server.server_address[1]
    config = _config(tmp_path, '"html", "md", "atom"', port, '"desk@example.org"')
    files = write_scheduled_digests(config, db_path, MONDAY_MORNING)

    folder = tmp_path / "digests"  # relative to the config file's folder
    assert [path.name for path in files] == [
        "digest-2025-W50.html",
        "digest-2025-W50.md",
        "digest-2025-W50.atom",
    ]
    assert all(path.parent == folder and path.stat().st_size > 0 for path in files)
    assert "changed" in (folder / "digest-2025-W50.md").read_text()
    assert not feedparser.parse((folder / "digest-2025-W50.atom").read_text()).bozo
    assert not list(folder.glob("*.partial"))

    [message] = smtp_server.messages  # type: ignore[attr-defined]
    assert message["To"] == "desk@example.org"
    assert message["Subject"].startswith("claimwatch digest 2025-W50")
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "## Changed and revised figures" in body.get_content()
    html = message.get_body(preferencelist=("html",))
    assert html is not None and "<svg" in html.get_content()
    attachments: list[Message] = list(message.iter_attachments())
    assert sorted(part.get_filename() for part in attachments) == [
        "digest-2025-W50.atom",
        "digest-2025-W50.html",
        "digest-2025-W50.md",
    ]


def test_no_recipients_no_mail(
    tmp_path: Path, smtp_server: socketserver.ThreadingTCPServer
) -> None:
    db_path = tmp_path / "claimwatch.db"
    build_newsroom(db_path)
    config = _config(tmp_path, '"json", "csv"', smtp_server.server_address[1])
    files = write_scheduled_digests(config, db_path, MONDAY_MORNING)
    assert [path.suffix for path in files] == [".json", ".csv"]
    assert smtp_server.messages == []  # type: ignore[attr-defined]


def test_failed_mail_keeps_the_files_and_says_why(tmp_path: Path) -> None:
    db_path = tmp_path / "claimwatch.db"
    build_newsroom(db_path)
    with socketserver.TCPServer(("127.0.0.1", 0), socketserver.BaseRequestHandler) as closed:
        port = closed.server_address[1]  # a port nobody listens on once closed
    config = _config(tmp_path, '"md"', port, '"desk@example.org"')
    with pytest.raises(DigestDeliveryError, match=f"desk@example.org via 127.0.0.1:{port} failed"):
        write_scheduled_digests(config, db_path, MONDAY_MORNING)
    assert (tmp_path / "digests" / "digest-2025-W50.md").exists()
