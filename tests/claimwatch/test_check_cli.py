"""claimwatch check: exit 0 on a sound database, 1 with what failed on a damaged one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claimwatch.cli import cli
from db.schema import connect
from tests.db.factory import sample


def _sampled(db_path: Path) -> Path:
    db = connect(db_path)
    sample(db)
    db.close()
    return db_path


def test_sound_database_exit_0(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(_sampled(db_path)), "check", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {r["status"] for r in records} == {"ok"}
    assert "integrity_check" in {r["check"] for r in records}


def test_damaged_database_exit_1_names_the_failure(runner: CliRunner, db_path: Path) -> None:
    conn = sqlite3.connect(_sampled(db_path))
    conn.execute('UPDATE claims SET "end" = "end" + 1 WHERE id = 1')
    conn.commit()
    conn.close()
    result = runner.invoke(cli, ["--db", str(db_path), "check"])
    assert result.exit_code == 1
    assert "claim 1: version 1 text[" in result.stdout
    assert result.stderr.strip() == "Error: 1 of 7 checks failed: claim_offsets"


def test_missing_database_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "none.db"), "check"])
    assert result.exit_code == 2
    assert "no such database" in result.stderr


def test_not_a_database_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = runner.invoke(cli, ["--db", str(junk), "check"])
    assert result.exit_code == 2
    assert "not a usable SQLite database" in result.stderr
