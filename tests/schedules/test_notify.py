"""Flag delivery: log always, webhook and email when configured; retried, never twice."""

from __future__ import annotations

import logging

import pytest
import sqlite_utils

from db.notify_store import undelivered_flags
from schedules.notify import NotifySettings, SmtpSettings, deliver_pending, describe_flag
from tests.schedules.servers import smtp_receiver, webhook_receiver


def _add_flags(db: sqlite_utils.Database, count: int, *, start: int = 1) -> list[int]:
    db["articles"].insert(
        {
            "id": 1,
            "url": "http://127.0.0.1/a",
            "outlet": "wire",
            "first_seen": "x",
            "last_seen": "x",
        },
        ignore=True,
    )
    db["articles"].insert(
        {
            "id": 2,
            "url": "http://127.0.0.1/b",
            "outlet": "wire",
            "first_seen": "x",
            "last_seen": "x",
        },
        ignore=True,
    )
    ids = []
    for number in range(start, start + count):
        db["flags"].insert(
            {
                "id": number,
                "kind": "changed",
                "article_id": 2,
                "previous_article_id": 1,
                "old_value": 630e6,
                "new_value": 650e6 + number,
                "unit": "USD",
                "source": "Xinhua",
                "old_sentence": "Exports rose to $630 million.",
                "new_sentence": "Exports rose to $650 million.",
                "key": "china|exports|currency|2025",
                "created_at": "2026-01-01T00:00:00+00:00",
            }
        )
        ids.append(number)
    return ids


def _delivered(db: sqlite_utils.Database) -> list[int]:
    return [row["id"] for row in db["flags"].rows_where("delivered_at IS NOT NULL", order_by="id")]


def test_log_only_delivers_each_flag_once(
    db: sqlite_utils.Database, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _add_flags(db, 3)
    with caplog.at_level(logging.INFO, logger="claimwatch.notify"):
        report = deliver_pending(db, NotifySettings())
        deliver_pending(db, NotifySettings())
    assert report.completed == 3 and _delivered(db) == ids
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("flag ")]
    assert len(lines) == 3
    assert "630,000,000 -> 650,000,001 USD" in lines[0]
    assert "http://127.0.0.1/b" in lines[0] and "earlier: http://127.0.0.1/a" in lines[0]


def test_webhook_and_email_get_every_flag_once(db: sqlite_utils.Database) -> None:
    ids = _add_flags(db, 3)
    with webhook_receiver() as hook, smtp_receiver() as box:
        settings = NotifySettings(
            webhook=hook.url,
            email=("desk@example.org",),
            smtp=SmtpSettings(host="127.0.0.1", port=box.port),
        )
        deliver_pending(db, settings)
        _add_flags(db, 2, start=4)
        deliver_pending(db, settings)
        deliver_pending(db, settings)
    assert sorted(hook.flag_ids()) == [*ids, 4, 5]
    post = hook.posts[0]
    assert post["count"] == 3
    flag = post["flags"][0]
    assert flag["kind"] == "changed" and flag["old_value"] == 630e6
    assert flag["article_url"] == "http://127.0.0.1/b"
    assert flag["previous_article_url"] == "http://127.0.0.1/a"
    assert flag["new_sentence"] == "Exports rose to $650 million."
    assert len(box.messages) == 2 and box.recipients[0] == ["desk@example.org"]
    assert "Subject: claimwatch: 3 flags (3 changed)" in box.messages[0]
    assert "Exports rose to $650 million." in box.messages[0]
    assert _delivered(db) == [1, 2, 3, 4, 5]


def test_failed_channel_is_retried_without_repeating_the_others(
    db: sqlite_utils.Database,
) -> None:
    ids = _add_flags(db, 2)
    with webhook_receiver() as hook:
        hook.statuses = [500]
        # The mail server is down (nothing listens on this port) and the webhook fails once.
        broken = NotifySettings(
            webhook=hook.url, email=("desk@example.org",), smtp=SmtpSettings("127.0.0.1", 9)
        )
        first = deliver_pending(db, broken)
        assert set(first.failed) == {"webhook", "email"} and first.completed == 0
        assert _delivered(db) == []
        second = deliver_pending(db, broken)  # webhook works now, mail still down
        assert second.sent == {"webhook": 2} and _delivered(db) == []
        with smtp_receiver() as box:
            fixed = NotifySettings(
                webhook=hook.url,
                email=("desk@example.org",),
                smtp=SmtpSettings("127.0.0.1", box.port),
            )
            third = deliver_pending(db, fixed)
    assert third.sent == {"email": 2} and third.completed == 2
    assert hook.flag_ids() == ids  # posted once, although delivery took three runs
    assert len(box.messages) == 1
    assert _delivered(db) == ids
    assert undelivered_flags(db, "webhook") == []


def test_describe_flag_for_added_and_removed() -> None:
    added = {"id": 1, "kind": "added", "key": "k", "new_value": 35.2, "unit": "percent"}
    removed = {"id": 2, "kind": "removed", "key": "k", "old_value": 12.0, "unit": None}
    assert describe_flag(added) == "[added] k 35.2 percent"
    assert describe_flag(removed) == "[removed] k 12 dropped"
