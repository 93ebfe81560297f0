"""`schedule add | list | remove` read and write the job store and never run or move a job:
a crawl that fell due while the daemon was down is still due after them (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from schedules.scheduler import job_store
from tests.claimwatch.test_schedule_cli import _config

REPO = Path(__file__).resolve().parents[2]


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CLAIMWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "schedule", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=config.parent,
        env=env,
    )


def _due_times(db_path: Path) -> dict[str, datetime | None]:
    with job_store(db_path) as store:
        return {job.id: job.next_run_time for job in store.get_all_jobs()}


def test_list_add_remove_leave_a_due_job_due(tmp_path: Path) -> None:
    config = _config(tmp_path)
    db_path = tmp_path / "news.db"
    assert _cli(config, "add", "wire", "--every", "1h").returncode == 0
    missed = (datetime.now().astimezone() - timedelta(minutes=10)).replace(microsecond=0)
    with job_store(db_path) as store:  # the daemon was down when this run fell due
        job = store.lookup_job("crawl:wire")
        job._modify(next_run_time=missed)
        store.update_job(job)

    listed = _cli(config, "list", "--format", "json")
    added = _cli(config, "add", "post", "--every", "2h")
    removed = _cli(config, "remove", "post")
    missing = _cli(config, "remove", "post")

    for done in (listed, added, removed):
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        "Error: post has no schedule (see 'claimwatch schedule list')"
    ]
    assert '"next_run": "' + missed.isoformat(timespec="seconds") + '"' in listed.stdout
    assert _due_times(db_path) == {"crawl:wire": missed}  # not run, not moved on
    assert not db_path.exists()  # no crawl ran, so no database was made
