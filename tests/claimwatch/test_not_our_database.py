"""A ``--db`` that is not a claimwatch database is refused and left byte-identical (issue 18).

Another program's SQLite file is refused by every command (exit 2, one line); an empty file
by every command that only reads; ``init`` and ``crawl`` make a database in an empty file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from db.schema import SCHEMA_VERSION, connect

REPO = Path(__file__).resolve().parents[2]

CONFIG = """
[database]
path = "unused.db"

[crawl]
delay = 0
allow_private = true
timeout = 1

[[outlets]]
name = "wire"
feeds = ["http://127.0.0.1:9/feed.xml"]
"""

# Every command that opens the database (ingest also needs Redis: see its own test).
READERS = [
    ["check"],
    ["digest"],
    ["track"],
    ["retrack"],
    ["claims"],
    ["sources"],
    ["articles"],
    ["flags"],
    ["runs"],
    ["serve", "--port", "1"],
]
WRITERS = [
    ["init"],
    ["schedule", "run"],
    ["schedule", "add", "wire", "--every", "1h"],
    ["schedule", "list"],
    ["schedule", "remove", "wire"],
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "claimwatch.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Another program's SQLite file (a browser history, say), in WAL mode like ours."""
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, fk INTEGER)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _crawl(config: Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CLAIMWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "--db", str(db)]
        + ["crawl", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=config.parent,
        env=env,
    )


@pytest.mark.parametrize("command", READERS + WRITERS, ids=lambda c: " ".join(c))
def test_another_programs_database_is_refused_untouched(
    runner: CliRunner, config: Path, foreign: Path, command: list[str]
) -> None:
    before = _digest(foreign)
    result = runner.invoke(cli, ["--config", str(config), "--db", str(foreign), *command])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"Error: {foreign}: not a claimwatch database (it holds other tables: "
        "moz_bookmarks, moz_places); left untouched"
    ]
    assert _digest(foreign) == before


def test_crawl_refuses_another_programs_database_untouched(config: Path, foreign: Path) -> None:
    before = _digest(foreign)
    done = _crawl(config, foreign)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: {foreign}: not a claimwatch database (it holds other tables: "
        "moz_bookmarks, moz_places); left untouched"
    ]
    assert _digest(foreign) == before


def test_ingest_refuses_another_programs_database(
    runner: CliRunner, config: Path, foreign: Path, redis_url: str
) -> None:
    before = _digest(foreign)
    result = runner.invoke(
        cli, ["--config", str(config), "--db", str(foreign), "ingest", "--from", redis_url]
    )
    assert result.exit_code == 2, result.output
    assert "not a claimwatch database" in result.stderr and len(result.stderr.splitlines()) == 1
    assert _digest(foreign) == before


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c))
def test_an_empty_file_is_no_database_to_read(
    runner: CliRunner, config: Path, tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = runner.invoke(cli, ["--config", str(config), "--db", str(empty), *command])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"Error: {empty}: empty file, not a claimwatch database "
        "(run 'claimwatch init' or crawl first)"
    ]
    assert empty.read_bytes() == b""


def test_a_file_that_is_not_sqlite_is_refused_untouched(
    runner: CliRunner, config: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"shopping list\n" * 200)
    for command in (["init"], ["claims"], ["track"]):
        result = runner.invoke(cli, ["--config", str(config), "--db", str(notes), *command])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1 and "not a usable SQLite" in result.stderr
    assert notes.read_bytes() == b"shopping list\n" * 200


def _schema_version(path: Path) -> int:
    db = connect(path, create=False, readonly=True)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def test_init_makes_a_database_in_an_empty_file(
    runner: CliRunner, config: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "new.db"
    empty.touch()
    result = runner.invoke(cli, ["--config", str(config), "--db", str(empty), "init"])
    assert result.exit_code == 0, result.output
    assert _schema_version(empty) == SCHEMA_VERSION


def test_crawl_makes_a_database_in_an_empty_file(config: Path, tmp_path: Path) -> None:
    empty = tmp_path / "new.db"
    empty.touch()
    done = _crawl(config, empty)  # the outlet's port refuses: the run fails, the file is ours
    assert done.returncode == 1, done.stderr
    assert _schema_version(empty) == SCHEMA_VERSION


def test_a_database_locked_past_its_timeout_is_one_line(
    runner: CliRunner, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "claimwatch.db"
    connect(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the database
    monkeypatch.setenv("CLAIMWATCH_BUSY_TIMEOUT", "0.2")
    try:
        # the crawl's first write (claiming its run) waits 0.2 s, then gives up
        result = runner.invoke(cli, ["--config", str(config), "--db", str(path), "crawl"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "Error: database: database is locked (nothing half-written is kept)"
    ]
    assert _rows_of_runs(path) == 0


def _rows_of_runs(path: Path) -> int:
    db = connect(path, create=False, readonly=True)
    try:
        return int(db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])
    finally:
        db.close()
