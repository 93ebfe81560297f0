"""claimwatch track / retrack through CliRunner on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from db.schema import connect
from tests.tracker.tracking_helpers import Site

TEXT = "Jane Roe said Acme revenue in 2025 was 630 million.\n\nShares rose 4%."


@pytest.fixture
def stored(db_path: Path) -> Path:
    db = connect(db_path)
    site = Site(db)
    run = site.run(backfill=True)
    site.publish("https://n.test/a", TEXT, run_id=run)
    site.publish("https://n.test/b", TEXT + " More.", run_id=run, fetched_at="2025-11-01T00:00:00")
    db.close()
    return db_path


def _run(runner: CliRunner, db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_track_tracks_pending_versions_once(runner: CliRunner, stored: Path) -> None:
    code, out, err = _run(runner, stored, "track")
    assert code == 0, err
    assert out.startswith("tracked 2 versions:")
    db = connect(stored)
    assert all(row["tracked_at"] for row in db["versions"].rows)
    db.close()
    code, out, _ = _run(runner, stored, "track")
    assert (code, out) == (0, "tracked 0 versions: 0 claims, 0 sources, 0 flags\n")


def test_retrack_since_and_outlet(runner: CliRunner, stored: Path) -> None:
    _run(runner, stored, "track")
    code, out, err = _run(runner, stored, "retrack")
    assert code == 0, err
    assert out.startswith("retracked 2 versions:")
    code, out, _ = _run(runner, stored, "retrack", "--since", "2025-11-15", "--outlet", "wire")
    assert out.startswith("retracked 1 versions:")
    code, out, err = _run(runner, stored, "retrack", "--since", "7 days ago")
    assert code == 0, err
    assert out.startswith("retracked 0 versions:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["retrack", "--since", "not a date at all"],
            "Error: --since 'not a date at all': not a date",
        ),
        (["retrack", "--outlet", "nowhere"], "Error: --outlet 'nowhere': no such outlet"),
    ],
)
def test_retrack_mistakes_are_one_line(
    runner: CliRunner, stored: Path, args: list[str], message: str
) -> None:
    code, out, err = _run(runner, stored, *args)
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1
    assert "Traceback" not in out + err


def test_track_without_a_database_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = _run(runner, tmp_path / "missing.db", "track")
    assert code == 2
    assert "no such database" in err


def test_a_version_that_fails_is_exit_1_and_stays_pending(
    runner: CliRunner, stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracker

    def broken(text: str, **options: object) -> object:
        raise ValueError("tracker bug")

    monkeypatch.setattr(tracker, "extract", broken)
    code, out, err = _run(runner, stored, "track")
    assert code == 1
    assert out.startswith("tracked 0 versions:")
    assert "Error: version 1: tracker bug" in err
    assert err.strip().endswith("Error: 2 versions could not be tracked")
    monkeypatch.undo()
    code, out, _ = _run(runner, stored, "track")
    assert (code, out.split(":")[0]) == (0, "tracked 2 versions")
