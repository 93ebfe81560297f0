"""`claimwatch extract` as ../shared/eval/CONTRACT.md describes it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimwatch.cli import cli

ARTICLE = (
    "TORONTO, Nov. 4 — Northline Telecom Inc. said net income fell 18% last year.\n\n"
    '"We will not match a 40% discount," said Miriam Achebe, chief executive of Northline.'
)
PAGE = """<!doctype html><html lang="en"><head><title>Northline cuts prices</title>
<meta property="article:published_time" content="2025-11-04T10:00:00Z"></head>
<body><article><h1>Northline cuts prices</h1>
<p>Northline Telecom Inc. said on Tuesday that net income fell 18% to C$412 million in the
quarter, the company's weakest result in five years.</p>
<p>Sophie Lindqvist, an analyst at Granby Securities, said the price war had cost the
carriers about C$900 million in annual revenue.</p></article></body></html>"""


def test_text_files_as_jsonl_in_input_order(runner: CliRunner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("Shares rose 2.3%.\r\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["extract", str(first), str(second), "--format", "jsonl", "--published", "2025-11-04"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    one, two = (json.loads(line) for line in lines)
    assert one["file"] == str(first)
    assert one["article"]["text"] == ARTICLE
    assert one["article"]["published"] == "2025-11-04"
    assert [c["surface"] for c in one["claims"]] == ["18%", "40%"]
    assert [c["source"] for c in one["claims"]] == ["Northline Telecom Inc.", "Miriam Achebe"]
    assert one["claims"][0]["period"] == "2024"
    claim = one["claims"][1]
    assert ARTICLE[claim["start"] : claim["end"]] == claim["surface"]
    assert {s["name"] for s in one["sources"]} == {"Northline Telecom Inc.", "Miriam Achebe"}
    assert two["article"]["text"] == "Shares rose 2.3%.\n"


def test_stdin_and_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--format", "json"], input="Profit rose 5%.")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["claims"][0]["value"] == 5 and payload["claims"][0]["unit"] == "%"


def test_table_for_people(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Miriam Achebe" in result.output and "18%" in result.output


def test_html_page(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    surfaces = {c["surface"]: c["source"] for c in record["claims"]}
    assert surfaces.get("18%") == "Northline Telecom Inc."
    assert surfaces.get("C$900 million") == "Sophie Lindqvist"


def test_unreadable_file_is_one_line_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Profit rose 5%.", encoding="utf-8")
    result = runner.invoke(
        cli, ["extract", str(tmp_path / "missing.txt"), str(good), "--format", "jsonl"]
    )
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
