"""`claimwatch schedule add | list | remove | run` through the CLI."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from claimwatch.cli import cli
from tests.schedules.servers import webhook_receiver
from tests.schedules.test_jobs import FAKE_CRAWL

CONFIG = """
[database]
path = "news.db"

[[outlets]]
name = "wire"
feeds = ["http://127.0.0.1:9/feed.xml"]
every = "{every}"

[[outlets]]
name = "post"
feeds = ["http://127.0.0.1:9/post.xml"]

[notify]
webhook = "{webhook}"

[schedule]
misfire_grace = "5s"
crawl_timeout = "20s"
"""


def _config(tmp_path: Path, every: str = "1h", webhook: str = "") -> Path:
    path = tmp_path / "claimwatch.toml"
    path.write_text(CONFIG.format(every=every, webhook=webhook), encoding="utf-8")
    return path


def _invoke(runner: CliRunner, config: Path, *args: str) -> tuple[int, str, str]:
    db_option = list(args[:2]) if args[0] == "--db" else []
    args = args[2:] if db_option else args
    result = runner.invoke(cli, ["--config", str(config), *db_option, "schedule", *args])
    return result.exit_code, result.stdout, result.stderr


def test_add_list_remove(runner: CliRunner, tmp_path: Path) -> None:
    config = _config(tmp_path)
    code, out, _ = _invoke(runner, config, "add", "post", "--every", "30m")
    assert code == 0 and out.startswith("scheduled post: every 30m, next run ")
    code, out, _ = _invoke(runner, config, "add", "post", "--cron", "0 7 * * 1")
    assert code == 0 and "cron day_of_week=mon hour=7 minute=0" in out
    assert (tmp_path / "news-jobs.sqlite").exists()

    code, out, _ = _invoke(runner, config, "list", "--format", "json")
    records = {record["id"]: record for record in json.loads(out)}
    assert code == 0 and set(records) == {"crawl:post", "crawl:wire"}
    assert records["crawl:post"]["origin"] == "cli"
    assert records["crawl:wire"] == records["crawl:wire"] | {
        "kind": "crawl",
        "outlet": "wire",
        "schedule": "every 1h",
        "origin": "config (pending)",
    }
    assert all(record["next_run"] for record in records.values())
    code, out, _ = _invoke(runner, config, "list")
    assert code == 0 and "crawl:post" in out and "next_run" in out

    code, out, _ = _invoke(runner, config, "remove", "post")
    assert (
        code == 0 and out == "removed the schedule of post (cron day_of_week=mon hour=7 minute=0)\n"
    )
    code, out, _ = _invoke(runner, config, "list", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["crawl:wire"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "post"], "Error: give exactly one of --every INTERVAL or --cron EXPR\n"),
        (
            ["add", "post", "--every", "1h", "--cron", "0 7 * * 1"],
            "Error: give exactly one of --every INTERVAL or --cron EXPR\n",
        ),
        (["add", "post", "--every", "soon"], "Error: --every: bad interval 'soon'"),
        (["add", "post", "--cron", "0 25 * * 1"], "Error: bad cron expression '0 25 * * 1'"),
        (["add", "nosuch", "--every", "1h"], "no outlet named 'nosuch' (known: wire, post)"),
        (["remove", "post"], "Error: post has no schedule (see 'claimwatch schedule list')\n"),
        (
            ["--db", "missing/news.db", "add", "post", "--every", "1h"],
            "Error: missing/news.db: folder missing does not exist\n",
        ),
    ],
)
def test_mistakes_are_one_line_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    code, out, err = _invoke(runner, _config(tmp_path), *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def _wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_run_daemon_stops_cleanly_on_sigint_and_refuses_a_second(tmp_path: Path) -> None:
    with webhook_receiver() as hook:
        config = _config(tmp_path, every="1s", webhook=hook.url)
        command = [
            sys.executable,
            "-m",
            "claimwatch",
            "--config",
            str(config),
            "schedule",
            "run",
            "--crawl-command",
            shlex.join([sys.executable, str(FAKE_CRAWL)]),
        ]
        daemon = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        try:
            db_path = tmp_path / "news.db"
            assert _wait_for(lambda: db_path.exists() and len(hook.flag_ids()) >= 2, 20)
            second = subprocess.run(
                command, capture_output=True, text=True, cwd=tmp_path, timeout=30
            )
            assert second.returncode == 2
            assert second.stderr.startswith("Error: a scheduler is already running for ")
            assert second.stderr.count("\n") == 1
            daemon.send_signal(signal.SIGINT)  # Ctrl-C; the end-to-end test sends SIGTERM
            _, stderr = daemon.communicate(timeout=20)
        finally:
            if daemon.poll() is None:
                daemon.kill()
                daemon.wait()
    assert daemon.returncode == 0, stderr
    assert "SIGINT received, stopping" in stderr and "scheduler stopped" in stderr
    assert "crawl:wire: every 1s, next run" in stderr
    db = sqlite_utils.Database(db_path)
    runs = list(db["runs"].rows_where(order_by="id"))
    assert len(runs) >= 2 and all(run["exit_code"] is not None for run in runs)
    delivered = [row["id"] for row in db["flags"].rows_where("delivered_at IS NOT NULL")]
    assert sorted(hook.flag_ids()) == sorted(delivered)
    db.close()


def test_list_shows_the_weekly_digest_of_a_digest_table(runner: CliRunner, tmp_path: Path) -> None:
    config = _config(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[digest]\nevery = "tue 06:30"\n', encoding="utf-8"
    )
    code, out, _ = _invoke(runner, config, "list", "--format", "json")
    [digest] = [record for record in json.loads(out) if record["kind"] == "digest"]
    assert code == 0 and digest["id"] == "digest:weekly"
    assert digest["schedule"] == "cron day_of_week=tue hour=6 minute=30"
    assert datetime.fromisoformat(digest["next_run"]).weekday() == 1
