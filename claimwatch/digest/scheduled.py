"""The weekly digest the scheduler writes: dated files per format, then an email.

``schedules/`` calls :func:`write_scheduled_digests` at ``[digest].every``; it writes
the last full ISO week's digest in each of ``[digest].formats`` into ``[digest].output``
and, when ``[digest].email`` names recipients, mails them through ``[notify.smtp]``.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from claimwatch.config import Config
from claimwatch.digest.data import Digest, build_digest
from claimwatch.digest.render import render, render_html, render_markdown
from claimwatch.digest.window import last_full_week
from claimwatch.errors import WorkFailed
from db.schema import connect

_MIME = {
    "md": ("text", "markdown"),
    "html": ("text", "html"),
    "json": ("application", "json"),
    "csv": ("text", "csv"),
    "atom": ("application", "atom+xml"),
}


class DigestDeliveryError(WorkFailed):
    """The digest files were written but the email could not be sent."""


def output_folder(config: Config) -> Path:
    """[digest].output; a relative folder is relative to the config file's folder."""
    folder = Path(config.digest.output)
    if not folder.is_absolute() and config.source_path is not None:
        folder = config.source_path.parent / folder
    return folder


def digest_filename(digest: Digest, output_format: str) -> str:
    """'digest-2025-W50.html': the format's name is the file's extension."""
    return f"digest-{digest.window.slug}.{output_format}"


def write_digest_files(digest: Digest, folder: Path, formats: list[str]) -> list[Path]:
    """Write one file per format (atomically: a reader never sees half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for output_format in formats:
        path = folder / digest_filename(digest, output_format)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(render(digest, output_format), encoding="utf-8")
        partial.replace(path)
        written.append(path)
    return written


def build_message(
    digest: Digest, files: list[Path], sender: str, recipients: list[str]
) -> EmailMessage:
    """Markdown as the text body, HTML as its alternative, every file attached."""
    message = EmailMessage()
    message["Subject"] = digest.title
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message.set_content(render_markdown(digest))
    message.add_alternative(render_html(digest), subtype="html")
    for path in files:
        maintype, subtype = _MIME.get(path.suffix.lstrip("."), ("application", "octet-stream"))
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message


def send_digest(config: Config, message: EmailMessage) -> None:
    smtp = config.notify.smtp
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as server:
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
            if smtp.username:
                server.login(smtp.username, smtp.password)
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DigestDeliveryError(
            f"digest email to {message['To']} via {smtp.host}:{smtp.port} failed: {error}"
        ) from error


def write_scheduled_digests(config: Config, db_path: str | Path, now: datetime) -> list[Path]:
    """Write last full week's digest in each configured format; email it when configured.

    Returns the files written. Raises DigestDeliveryError (a WorkFailed) after writing
    the files when the email cannot be sent.
    """
    db = connect(db_path, create=False)
    try:
        digest = build_digest(db, last_full_week(now), now=now)
    finally:
        db.close()
    files = write_digest_files(digest, output_folder(config), list(config.digest.formats))
    if config.digest.email:
        message = build_message(digest, files, config.notify.smtp.sender, config.digest.email)
        send_digest(config, message)
    return files
