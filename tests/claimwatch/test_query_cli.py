"""claimwatch claims / sources / articles / runs through CliRunner on a real database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from db.schema import connect
from tests.db.factory import sample


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    db = connect(db_path)
    sample(db)
    db.close()
    return db_path


def _run(runner: CliRunner, db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_claims_json_records(runner: CliRunner, sample_db: Path) -> None:
    code, out, _ = _run(runner, sample_db, "claims", "--source", "xiong", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert [r["surface"] for r in records] == ["650 workers", "400 billion yuan"]
    assert records[1]["unit"] == "CNY"


@pytest.mark.parametrize("output_format", ["table", "jsonl", "csv"])
def test_every_format(runner: CliRunner, sample_db: Path, output_format: str) -> None:
    for command in ("claims", "sources", "articles", "runs"):
        code, out, err = _run(runner, sample_db, command, "--format", output_format)
        assert code == 0, err
        if output_format == "jsonl":
            assert all(json.loads(line) for line in out.splitlines())
        elif output_format == "csv":
            rows = list(csv.DictReader(io.StringIO(out)))
            assert rows and "id" in rows[0] or "name" in rows[0] or "url" in rows[0]
        else:
            assert command in out


def test_dates_absolute_and_relative(runner: CliRunner, sample_db: Path) -> None:
    code, out, _ = _run(
        runner,
        sample_db,
        "claims",
        "--since",
        "2025-12-08",
        "--until",
        "2025-12-08",
        "--format",
        "json",
    )
    assert code == 0
    assert {r["surface"] for r in json.loads(out)} == {"13.9%", "2 million graduates"}
    for relative in ("last week", "7 days ago"):
        code, out, err = _run(runner, sample_db, "claims", "--since", relative, "--format", "json")
        assert code == 0, err
        assert json.loads(out) == []  # the sample was published in 2025


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["claims", "--since", "not a date at all"],
            "Error: --since 'not a date at all': not a date",
        ),
        (["claims", "--since", "2025-12-09", "--until", "2025-12-01"], "is after --until"),
        (["claims", "--search", '"'], "Error: search text '\"' has no words to look for"),
        (["claims", "--search", "*"], "has no words to look for"),
        (["claims", "--sort", "nonsense"], "Error: cannot sort by 'nonsense'"),
        (["sources", "--sort", "nonsense"], "Error: cannot sort by 'nonsense'"),
    ],
)
def test_user_mistakes_are_one_line_exit_2(
    runner: CliRunner, sample_db: Path, args: list[str], message: str
) -> None:
    code, out, err = _run(runner, sample_db, *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


@pytest.mark.parametrize("hostile", ["NEAR(", "a OR", "x)", "x:y"])
def test_hostile_search_is_plain_text(runner: CliRunner, sample_db: Path, hostile: str) -> None:
    code, out, err = _run(runner, sample_db, "claims", "--search", hostile, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == []


def test_missing_database_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = _run(runner, tmp_path / "none.db", "claims")
    assert code == 2
    assert "no such database" in err
    assert not (tmp_path / "none.db").exists()


def test_sources_articles_runs(runner: CliRunner, sample_db: Path) -> None:
    code, out, _ = _run(runner, sample_db, "sources", "--name", "wei", "--format", "json")
    assert code == 0
    assert [(r["name"], r["claims"]) for r in json.loads(out)] == [("Xiong Wei", 2)]
    code, out, _ = _run(runner, sample_db, "articles", "--outlet", "wire", "--format", "json")
    assert [r["title"] for r in json.loads(out)] == ["Jobs", "Capex"]
    code, out, _ = _run(runner, sample_db, "runs", "--status", "failed", "--format", "json")
    assert [r["outlet"] for r in json.loads(out)] == ["daily"]
