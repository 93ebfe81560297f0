"""The digest: window choice, sections, filters and the CLI's errors, on a fixture database."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from claimwatch.digest import build_digest, choose_window, last_full_week, parse_week
from claimwatch.errors import UsageError
from db.schema import connect
from tests.claimwatch.digest_fixture import HOSTILE_SOURCE, SALES_KEY, WEEK, build_newsroom


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom.db"
    build_newsroom(path)
    return path


def _digest(path: Path, **scope: str):  # type: ignore[no-untyped-def]
    db = connect(path, create=False)
    try:
        return build_digest(db, parse_week(WEEK), **scope)
    finally:
        db.close()


def test_week_and_day_windows() -> None:
    week = parse_week("2025-W50")
    assert (week.since, week.until, week.slug) == (
        date(2025, 12, 8),
        date(2025, 12, 15),
        "2025-W50",
    )
    assert parse_week("2026w1").since == date(2025, 12, 29)
    days = choose_window(None, "2025-12-01", "2025-12-03")
    assert days.bounds() == ("2025-12-01", "2025-12-04") and days.slug == "2025-12-01--2025-12-03"
    assert len(choose_window(None, None, "2025-12-07").days()) == 7


def test_default_is_the_last_full_iso_week() -> None:
    assert last_full_week(datetime(2025, 12, 17, 9, tzinfo=UTC)).week == "2025-W50"
    # Monday 07:00, when the scheduled digest runs: last week, not the one just begun.
    assert last_full_week(datetime(2025, 12, 15, 7, tzinfo=UTC)).week == "2025-W50"
    assert last_full_week(datetime(2026, 1, 5, 7, tzinfo=UTC)).week == "2026-W01"


@pytest.mark.parametrize(
    ("week", "since", "until", "message"),
    [
        ("2025-W60", None, None, "bad week '2025-W60'"),
        ("last week", None, None, "bad week 'last week'"),
        (None, "2025-13-01", None, "--since '2025-13-01': not a date"),
        (None, "the day the music died", None, "--since 'the day the music died': not a date"),
        (None, "2025-12-05", "2025-12-01", "--since 2025-12-05 is after --until 2025-12-01"),
        ("2025-W50", "2025-12-01", None, "either --week or --since/--until"),
    ],
)
def test_bad_windows(week: str | None, since: str | None, until: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(")):
        choose_window(week, since, until)


def test_sections_of_the_week(newsroom: Path) -> None:
    digest = _digest(newsroom)
    counts = digest.counts
    assert (counts["changed"], counts["revised"], counts["removed"], counts["new"]) == (1, 1, 1, 3)
    assert counts["flags"] == 6  # the flag of 2025-12-16 is outside the week
    assert (counts["articles_new"], counts["articles_edited"], counts["claims"]) == (4, 1, 7)
    assert (counts["runs"], counts["runs_with_errors"]) == (3, 1)

    changed = digest.changes[0]
    assert (changed["kind"], changed["old_value"], changed["new_value"], changed["unit"]) == (
        "changed",
        14.0,
        12.9,
        "%",
    )
    assert changed["source"] == HOSTILE_SOURCE
    assert changed["article_url"] == "https://daily.example/2025/12/09/sales"
    assert changed["previous_article_url"] == "https://wire.example/2025/3/sales"
    assert [flag["kind"] for flag in digest.changes] == ["changed", "revised"]
    assert [flag["kind"] for flag in digest.removed] == ["removed"]

    groups = {(group["entity"], group["metric"]): group["flags"] for group in digest.new_figures}
    assert set(groups) == {
        ("china", "export growth"),
        ("china", "import growth"),
        ("graduates", "job seekers"),
    }
    assert digest.sources[0]["name"] in {"Xiong Wei", "General Administration of Customs"}
    assert {row["outlet"]: row["claims"] for row in digest.outlets} == {"wire": 6, "daily": 1}
    assert digest.failed_runs[0]["error_log"] == ["https://daily.example/x: HTTP 503 <b>busy</b>"]
    assert [day["claims"] for day in digest.claims_per_day] == [2, 1, 0, 2, 1, 1, 0]
    # The changed key's reports over time, for its chart: three earlier ones and this week's.
    [history] = digest.histories
    assert history["key"] == SALES_KEY
    assert [point["value"] for point in history["points"]] == [13.2, 13.6, 14.0, 12.9]


def test_outlet_and_source_filters(newsroom: Path) -> None:
    daily = _digest(newsroom, outlet="daily")
    assert [flag["kind"] for flag in daily.flags] == ["changed"]
    assert [row["outlet"] for row in daily.outlets] == ["daily"]
    assert daily.counts["runs"] == 2
    xiong = _digest(newsroom, source="xiong wei")
    assert [flag["kind"] for flag in xiong.flags] == ["revised"]
    assert [source["name"] for source in xiong.sources] == ["Xiong Wei"]
    assert xiong.counts["claims"] == 2


def test_cli_formats_to_stdout_and_file(runner: CliRunner, newsroom: Path, tmp_path: Path) -> None:
    base = ["--db", str(newsroom), "digest", "--week", WEEK]
    result = runner.invoke(cli, [*base, "--format", "md"])
    assert result.exit_code == 0, result.output
    for heading in (
        "## Headline",
        "## Changed and revised figures",
        "## New figures",
        "## Most quoted sources",
        "## Activity per outlet",
        "## Runs with errors",
    ):
        assert heading in result.output
    assert "14% → 12.9% (-1.1 points)" in result.output
    result = runner.invoke(cli, [*base, "--format", "json"])
    data = json.loads(result.output)
    assert data["window"] == {"since": "2025-12-08", "until": "2025-12-14", "week": WEEK}
    assert data["counts"]["changed"] == 1
    result = runner.invoke(cli, [*base, "--format", "csv"])
    lines = result.output.splitlines()
    assert lines[0].startswith("id,kind,outlet,article_url") and len(lines) == 7
    target = tmp_path / "week.html"
    result = runner.invoke(cli, [*base, "--format", "html", "--output", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("<!doctype html>")


def test_csv_neutralizes_spreadsheet_formulas(newsroom: Path) -> None:
    from claimwatch.digest.render import render_csv

    digest = _digest(newsroom)
    digest.flags[0]["article_title"] = '=HYPERLINK("http://evil.example")'
    assert "'=HYPERLINK" in render_csv(digest)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2025-W99"], "Error: bad week '2025-W99'"),
        (["--since", "someday"], "Error: --since 'someday': not a date"),
        (["--outlet", "nosuch"], "Error: no outlet named 'nosuch' in the database"),
        (["--source", "Nobody"], "Error: no source named 'Nobody' in the database"),
        (["--output", "/nonexistent/dir/x.md"], "Error: /nonexistent/dir/x.md: folder"),
    ],
)
def test_cli_user_mistakes_are_one_line_exit_2(
    runner: CliRunner, newsroom: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, ["--db", str(newsroom), "digest", *args])
    assert result.exit_code == 2
    assert result.output.startswith(message)
    assert len(result.output.strip().splitlines()) == 1


def test_cli_missing_database_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "none.db"), "digest"])
    assert result.exit_code == 2 and "no such database" in result.output


def test_empty_week_renders_every_format(runner: CliRunner, newsroom: Path) -> None:
    for output_format in ("md", "html", "json", "csv", "atom"):
        result = runner.invoke(
            cli, ["--db", str(newsroom), "digest", "--week", "2020-W01", "--format", output_format]
        )
        assert result.exit_code == 0, result.output
    assert (
        "No changed figures"
        in runner.invoke(cli, ["--db", str(newsroom), "digest", "--week", "2020-W01"]).output
    )


def test_sources_quoted_counts_beyond_the_listed_few(newsroom: Path) -> None:
    from db.digest_queries import Scope, most_quoted_sources

    db = connect(newsroom, create=False)
    try:
        [top] = most_quoted_sources(db, Scope("2025-12-08", "2025-12-15"), limit=1)
    finally:
        db.close()
    assert top["sources_quoted"] == 3


def test_configured_outlet_without_articles_is_an_empty_digest(
    runner: CliRunner, newsroom: Path, tmp_path: Path
) -> None:
    config = tmp_path / "claimwatch.toml"
    config.write_text('[[outlets]]\nname = "fresh"\nfeeds = ["https://fresh.example/rss"]\n')
    result = runner.invoke(
        cli,
        [
            "--config",
            str(config),
            "--db",
            str(newsroom),
            "digest",
            "--week",
            WEEK,
            "--outlet",
            "fresh",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "No changed figures" in result.output


def test_since_and_until_take_what_the_other_commands_take() -> None:
    now = datetime(2025, 12, 15, 9, tzinfo=UTC)
    window = choose_window(None, "7 days ago", None, now=now)
    assert (window.since, window.last_day) == (date(2025, 12, 8), date(2025, 12, 15))
    window = choose_window(None, "last week", "yesterday", now=now)
    assert (window.since, window.last_day) == (date(2025, 12, 8), date(2025, 12, 14))


def test_cli_since_relative(runner: CliRunner, newsroom: Path) -> None:
    result = runner.invoke(cli, ["--db", str(newsroom), "digest", "--since", "3 days ago"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# claimwatch digest ")
