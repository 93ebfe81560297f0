"""Delivery of flags: to the log always, by webhook (JSON POST) and by email when configured.

Each channel is tracked on its own (``db/notify_store.py``): a flag is marked delivered
once every configured channel has it. A channel that fails is logged and tried again on
the next run, and only with the flags it has not had yet, so nothing is lost and no
channel sees a flag twice.
"""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import sqlite_utils

from db.notify_store import complete_deliveries, record_deliveries, undelivered_flags

log = logging.getLogger("claimwatch.notify")

BATCH = 100


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    username: str = ""
    password: str = ""
    sender: str = "claimwatch@localhost"
    starttls: bool = False


@dataclass(frozen=True)
class NotifySettings:
    webhook: str = ""
    email: tuple[str, ...] = ()
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    timeout: float = 10.0

    def channels(self) -> list[str]:
        """The channels a flag must reach before it counts as delivered."""
        return ["log"] + (["webhook"] if self.webhook else []) + (["email"] if self.email else [])


class DeliveryError(Exception):
    """A channel did not accept the flags (network, HTTP status, SMTP refusal)."""


@dataclass
class DeliveryReport:
    sent: dict[str, int] = field(default_factory=dict)  # channel -> flags sent this time
    failed: dict[str, str] = field(default_factory=dict)  # channel -> why
    completed: int = 0  # flags that reached every channel this time


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.10g}" if abs(value) < 1e15 else f"{value:.6g}"


def describe_flag(flag: dict[str, Any]) -> str:
    """One line a person can read: kind, key, old -> new value with unit, source, article."""
    unit = f" {flag['unit']}" if flag.get("unit") else ""
    if flag.get("old_value") is not None and flag.get("new_value") is not None:
        values = f"{_number(flag['old_value'])} -> {_number(flag['new_value'])}{unit}"
    elif flag.get("new_value") is not None:
        values = f"{_number(flag['new_value'])}{unit}"
    else:
        values = f"{_number(flag.get('old_value'))}{unit} dropped"
    parts = [f"[{flag['kind']}]", flag.get("key") or "(no key)", values]
    if flag.get("source"):
        parts.append(f"per {flag['source']}")
    parts.append(flag.get("article_url") or "")
    if flag.get("previous_article_url"):
        parts.append(f"(earlier: {flag['previous_article_url']})")
    return " ".join(part for part in parts if part)


def _public(flag: dict[str, Any]) -> dict[str, Any]:
    """The flag as the `flags` records of the CLI name its fields."""
    return {key: value for key, value in flag.items() if key != "run_id"}


def send_log(flags: Sequence[dict[str, Any]], settings: NotifySettings) -> None:
    for flag in flags:
        log.info("flag %s %s", flag["id"], describe_flag(flag))


def send_webhook(flags: Sequence[dict[str, Any]], settings: NotifySettings) -> None:
    body = json.dumps(
        {"source": "claimwatch", "count": len(flags), "flags": [_public(f) for f in flags]},
        ensure_ascii=False,
    ).encode("utf-8")
    request = urllib.request.Request(
        settings.webhook,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "claimwatch"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        raise DeliveryError(f"webhook {settings.webhook} answered HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DeliveryError(f"webhook {settings.webhook} unreachable: {reason}") from None
    if not 200 <= status < 300:
        raise DeliveryError(f"webhook {settings.webhook} answered HTTP {status}")


def flag_mail(flags: Sequence[dict[str, Any]], settings: NotifySettings) -> EmailMessage:
    kinds = Counter(flag["kind"] for flag in flags)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    message = EmailMessage()
    message["Subject"] = (
        f"claimwatch: {len(flags)} flag{'s' if len(flags) != 1 else ''} ({summary})"
    )
    message["From"] = settings.smtp.sender
    message["To"] = ", ".join(settings.email)
    lines = []
    for flag in flags:
        lines.append(describe_flag(flag))
        if flag.get("old_sentence") and flag.get("old_sentence") != flag.get("new_sentence"):
            lines.append(f"  before: {flag['old_sentence']}")
        if flag.get("new_sentence"):
            lines.append(f"  now:    {flag['new_sentence']}")
        lines.append("")
    message.set_content("\n".join(lines))
    return message


def send_email(flags: Sequence[dict[str, Any]], settings: NotifySettings) -> None:
    smtp = settings.smtp
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=settings.timeout) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username:
                client.login(smtp.username, smtp.password)
            client.send_message(flag_mail(flags, settings))
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(f"mail via {smtp.host}:{smtp.port} failed: {error}") from None


SENDERS = {"log": send_log, "webhook": send_webhook, "email": send_email}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def deliver_pending(db: sqlite_utils.Database, settings: NotifySettings) -> DeliveryReport:
    """Send every undelivered flag on every configured channel; never raises for a bad channel."""
    report = DeliveryReport()
    channels = settings.channels()
    for channel in channels:
        while flags := undelivered_flags(db, channel, limit=BATCH):
            try:
                SENDERS[channel](flags, settings)
            except DeliveryError as error:
                log.warning(
                    "could not deliver %d flag(s) by %s, will retry on the next run: %s",
                    len(flags),
                    channel,
                    error,
                )
                report.failed[channel] = str(error)
                break
            # Recorded batch by batch: a crash can re-send at most the batch that was in flight.
            record_deliveries(db, [flag["id"] for flag in flags], channel, _now())
            report.sent[channel] = report.sent.get(channel, 0) + len(flags)
    report.completed = complete_deliveries(db, channels, _now())
    if report.completed:
        log.info("delivered %d flag(s) by %s", report.completed, ", ".join(channels))
    return report
