"""``claimwatch demo``: the bundled site is served, crawled and tracked with no network."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from claimwatch.demo.server import SITE
from db.schema import connect

REPO = Path(__file__).resolve().parents[2]


def test_demo_site_has_articles_feed_sitemap_and_paginated_section() -> None:
    articles = list((SITE / "business").glob("*/*/*/*.html"))
    assert len(articles) >= 10
    assert (SITE / "feed.xml").is_file() and (SITE / "sitemap.xml").is_file()
    assert "page=2" in (SITE / "business" / "index.html").read_text(encoding="utf-8")
    chinese = [path for path in articles if b"charset='gb18030'" in path.read_bytes()]
    assert chinese, "a GB18030-encoded Chinese page"


def test_demo_crawls_tracks_and_leaves_its_database(tmp_path: Path) -> None:
    db_path = tmp_path / "demo.db"
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "160"}
    result = subprocess.run(
        [sys.executable, "-m", "claimwatch", "demo", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    database = connect(db_path)
    try:
        articles = database.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        runs = list(database.query("SELECT status, backfill, errors FROM runs"))
        untracked = database.execute(
            "SELECT COUNT(*) FROM versions WHERE tracked_at IS NULL"
        ).fetchone()[0]
    finally:
        database.close()
    assert articles == len(list((SITE / "business").glob("*/*/*/*.html")))
    assert runs == [{"status": "ok", "backfill": 1, "errors": 0}]
    assert untracked == 0
    assert f"{articles} articles" in result.stdout
    assert "top figures and their sources" in result.stdout


def test_demo_refuses_to_overwrite_a_database_it_was_pointed_at(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimwatch.cli import cli

    existing = tmp_path / "mine.db"
    existing.write_bytes(b"")
    result = CliRunner().invoke(cli, ["demo", "--db", str(existing)])
    assert result.exit_code == 2
    assert "exists" in result.output
