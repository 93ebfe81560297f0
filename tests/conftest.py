"""Shared pytest fixtures: temporary databases, configs and the shared/ folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from db.schema import connect

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claimwatch.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[sqlite_utils.Database]:
    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared() -> Path:
    """../shared, or skip: it is there on dev and CI machines, not in a user's clone."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"{SHARED} not present (the team's shared fixtures folder)")
    return SHARED
