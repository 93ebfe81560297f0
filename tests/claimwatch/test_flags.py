"""claimwatch flags: every kind, filters and formats, on flags written by real tracking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from db.schema import connect
from tests.tracker.tracking_helpers import Site, toy_extract
from tracker.tracking.ingest import track_pending

FIELDS = {
    "id", "kind", "article_url", "previous_article_url", "old_value", "new_value", "unit",
    "source", "old_sentence", "new_sentence", "key", "created_at", "delivered_at",
}  # fmt: skip


@pytest.fixture
def flagged(db_path: Path) -> Path:
    """One changed flag (wire), then revised + added + removed flags (other outlet)."""
    db = connect(db_path)
    wire, other = Site(db), Site(db, outlet="other")
    wire.publish("https://n.test/a", "Jane Roe said Acme revenue in 2025 was 630 million.",
                 run_id=wire.run(backfill=True))  # fmt: skip
    wire.publish("https://n.test/b", "Bo Ek said Acme revenue in 2025 was 650 million.",
                 run_id=wire.run(), published="2025-12-03")  # fmt: skip
    other.publish("https://o.test/c", "Li Ma said Zed staff in 2024 was 300. Li Ma said Zed cars in 2024 was 9.",
                  run_id=other.run(backfill=True))  # fmt: skip
    track_pending(db, extract=toy_extract)
    other.publish("https://o.test/c", "Li Ma said Zed staff in 2024 was 320. Li Ma said Zed vans in 2024 was 4.",
                  run_id=other.run())  # fmt: skip
    track_pending(db, extract=toy_extract)
    db.close()
    return db_path


def _json(runner: CliRunner, db: Path, *args: str) -> list[dict]:
    result = runner.invoke(cli, ["--db", str(db), "flags", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_flag_records_have_the_documented_fields(runner: CliRunner, flagged: Path) -> None:
    records = _json(runner, flagged)
    assert sorted(r["kind"] for r in records) == ["added", "changed", "removed", "revised"]
    assert all(FIELDS <= set(r) for r in records)
    changed = next(r for r in records if r["kind"] == "changed")
    assert changed["article_url"] == "https://n.test/b"
    assert changed["previous_article_url"] == "https://n.test/a"
    assert (changed["old_value"], changed["new_value"], changed["unit"]) == (630e6, 650e6, "count")
    assert changed["source"] == "Bo Ek"
    assert "630 million" in changed["old_sentence"] and "650 million" in changed["new_sentence"]
    assert changed["key"] == "acme|revenue|count|2025"
    assert changed["delivered_at"] is None and changed["created_at"]


def test_filters(runner: CliRunner, flagged: Path) -> None:
    assert [r["kind"] for r in _json(runner, flagged, "--kind", "changed")] == ["changed"]
    assert sorted(
        r["kind"] for r in _json(runner, flagged, "--kind", "added", "--kind", "removed")
    ) == [
        "added",
        "removed",
    ]
    assert {r["outlet"] for r in _json(runner, flagged, "--outlet", "other")} == {"other"}
    assert len(_json(runner, flagged, "--since", "last week")) == 4
    assert _json(runner, flagged, "--since", "2999-01-01") == []
    assert len(_json(runner, flagged, "--limit", "1")) == 1


def test_table_shows_values_units_urls_and_sentences(runner: CliRunner, flagged: Path) -> None:
    result = runner.invoke(cli, ["--db", str(flagged), "flags", "--kind", "changed"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "changed" in out and "630 million (630,000,000 count)" in out
    assert "https://n.test/a" in out and "https://n.test/b" in out
    assert "Jane Roe said Acme revenue" in out and "Bo Ek said" in out


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_other_formats(runner: CliRunner, flagged: Path, output_format: str) -> None:
    result = runner.invoke(cli, ["--db", str(flagged), "flags", "--format", output_format])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 5 if output_format == "csv" else 4


def test_bad_since_and_kind_are_usage_errors(runner: CliRunner, flagged: Path) -> None:
    result = runner.invoke(cli, ["--db", str(flagged), "flags", "--since", "soonish"])
    assert result.exit_code == 2 and result.stderr.startswith("Error: --since 'soonish'")
    result = runner.invoke(cli, ["--db", str(flagged), "flags", "--kind", "moved"])
    assert result.exit_code == 2


def test_no_flags(runner: CliRunner, db_path: Path) -> None:
    connect(db_path).close()
    result = runner.invoke(cli, ["--db", str(db_path), "flags"])
    assert (result.exit_code, result.stdout) == (0, "no flags\n")


def test_a_changed_flag_names_the_key_of_both_claims(runner: CliRunner, flagged: Path) -> None:
    [changed] = _json(runner, flagged, "--kind", "changed")
    assert changed["old_subject"] == changed["new_subject"] == "Acme · revenue · 2025"
    result = runner.invoke(cli, ["--db", str(flagged), "flags", "--kind", "changed"])
    lines = result.stdout.splitlines()
    assert "  key: acme|revenue|count|2025" in lines
    assert "  every report: claimwatch claims --key 'acme|revenue|count|2025'" in lines
    assert any("compared because both figures are about the same key" in line for line in lines)
    old = next(line for line in lines if line.startswith("  old: "))
    new = next(line for line in lines if line.startswith("  new: "))
    assert old.endswith("[Acme · revenue · 2025]") and new.endswith("[Acme · revenue · 2025]")


def test_claims_key_lists_one_figure_over_time(runner: CliRunner, flagged: Path) -> None:
    [changed] = _json(runner, flagged, "--kind", "changed")
    args = ["--db", str(flagged), "claims", "--key", changed["key"]]
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    # Oldest first, with source and outlet: where each report of the figure came from.
    assert [(r["value"], r["source"], r["outlet"], r["article_url"]) for r in records] == [
        (630e6, "Jane Roe", "wire", "https://n.test/a"),
        (650e6, "Bo Ek", "wire", "https://n.test/b"),
    ]
    table = runner.invoke(cli, [*args])
    assert table.exit_code == 0
    assert table.stdout.index("Jane Roe") < table.stdout.index("Bo Ek")
    assert "article_u" in table.stdout  # the URL column (folded at 80 columns)
    newest = runner.invoke(cli, [*args, "--sort", "-published", "--format", "json"])
    assert [r["value"] for r in json.loads(newest.stdout)] == [650e6, 630e6]
    none = runner.invoke(cli, ["--db", str(flagged), "claims", "--key", "nobody|nothing|count|"])
    assert (none.exit_code, none.stdout.strip()) == (0, "no claims")
    empty = runner.invoke(cli, ["--db", str(flagged), "claims", "--key", " "])
    assert empty.exit_code == 2 and empty.stderr.startswith("Error: --key is empty")
