"""``claimwatch demo``: the bundled site is served, crawled and tracked with no network."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimwatch.demo.server import SITE, UPDATE
from db.schema import connect

REPO = Path(__file__).resolve().parents[2]


def test_demo_site_has_articles_feed_sitemap_and_paginated_section() -> None:
    articles = list((SITE / "business").glob("*/*/*/*.html"))
    assert len(articles) >= 10
    assert (SITE / "feed.xml").is_file() and (SITE / "sitemap.xml").is_file()
    assert "page=2" in (SITE / "business" / "index.html").read_text(encoding="utf-8")
    chinese = [path for path in articles if b"charset='gb18030'" in path.read_bytes()]
    assert chinese, "a GB18030-encoded Chinese page"


def _article_pages() -> set[str]:
    return {
        str(path.relative_to(root))
        for root in (SITE, UPDATE)
        for path in (root / "business").glob("*/*/*/*.html")
    }


def _readme_next_commands() -> list[str]:
    """The claimwatch lines of the README's Quickstart, typed after `make demo`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = quickstart.split("```")[1::2]  # the fenced code blocks
    return [
        line for block in blocks for line in block.splitlines() if line.startswith("claimwatch ")
    ]


def test_demo_crawls_twice_flags_what_moved_and_leaves_its_database(tmp_path: Path) -> None:
    db_path = tmp_path / "claimwatch-demo.db"  # where `make demo` leaves it
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "160"}
    result = subprocess.run(
        [sys.executable, "-m", "claimwatch", "demo"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    database = connect(db_path)
    try:
        articles = database.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        runs = list(database.query("SELECT status, backfill, errors FROM runs ORDER BY id"))
        untracked = database.execute(
            "SELECT COUNT(*) FROM versions WHERE tracked_at IS NULL"
        ).fetchone()[0]
        flags = list(database.query("SELECT kind, key, old_value, new_value FROM flags"))
    finally:
        database.close()
    assert articles == len(_article_pages())
    assert runs == [
        {"status": "ok", "backfill": 1, "errors": 0},
        {"status": "ok", "backfill": 0, "errors": 0},
    ]
    assert untracked == 0
    kinds = {flag["kind"] for flag in flags}
    assert {"revised", "removed"} <= kinds, flags
    # The later story restates Stratacloud's fourth-quarter cloud revenue: 7.9 -> 7.7 billion.
    changed = [flag for flag in flags if flag["kind"] == "changed"]
    assert [(f["key"], f["old_value"], f["new_value"]) for f in changed] == [
        ("stratacloud|cloud revenue|USD|2025-Q4", 7.9e9, 7.7e9)
    ], "changed flags rest on the tracker's claim keys: see claimwatch/demo/update/"
    assert f"{articles} articles" in result.stdout
    assert "top figures and their sources" in result.stdout
    assert "figures that moved" in result.stdout
    assert "Stratacloud · cloud revenue · 2025-Q4" in result.stdout
    # The commands it suggests run as printed (here: python -m claimwatch, from tmp_path).
    hints = [
        line.strip()
        for line in result.stdout.splitlines()
        if "--db" in line and " -m claimwatch " in line
    ]
    assert len(hints) >= 3, result.stdout[-1500:]
    for hint in hints:
        if hint.endswith(" serve"):
            continue
        ran = subprocess.run(
            hint, shell=True, capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env
        )
        assert ran.returncode == 0, (hint, ran.stderr[-1000:])
        assert ran.stdout.strip(), hint
        if " digest " in hint:
            assert "1 changed, 2 revised, 2 removed" in ran.stdout, ran.stdout[:600]
    # The README's next commands, as written, with .venv/bin on the PATH (source .venv/bin/activate).
    commands = _readme_next_commands()
    assert commands and any(" digest " in command for command in commands)
    if not (Path(sys.executable).parent / "claimwatch").exists():
        pytest.skip("no claimwatch script beside this python (run under make test)")
    path_env = {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"}
    for command in commands:
        ran = subprocess.run(
            command, shell=True, capture_output=True, text=True, timeout=120, cwd=tmp_path,
            env=path_env,
        )  # fmt: skip
        assert ran.returncode == 0, (command, ran.stderr[-1000:])
    # The digest over the demo's week: the change, and charts with something drawn.
    page = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert "Stratacloud · cloud revenue · 2025-Q4" in page
    assert "<mark>$7.9 billion</mark>" in page and "<mark>$7.7 billion</mark>" in page
    assert page.count('<figure class="chart history">') == 1
    assert page.count('class="dot reactive') == 2  # the two reports of the changed figure
    bars = re.findall(r'height="([\d.]+)" class="rect reactive', page)  # claims per day
    assert bars and max(float(height) for height in bars) > 0


def test_the_hint_names_the_command_as_it_can_be_typed(tmp_path: Path) -> None:
    from claimwatch.commands import demo

    script = tmp_path / ".venv" / "bin" / "claimwatch"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    old_argv, old_cwd = sys.argv[0], Path.cwd()
    try:
        sys.argv[0] = str(script)
        os.chdir(tmp_path)
        assert demo.command_name() == ".venv/bin/claimwatch"
    finally:
        sys.argv[0] = old_argv
        os.chdir(old_cwd)


def test_demo_refuses_to_overwrite_a_database_it_was_pointed_at(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimwatch.cli import cli

    existing = tmp_path / "mine.db"
    existing.write_bytes(b"")
    result = CliRunner().invoke(cli, ["demo", "--db", str(existing)])
    assert result.exit_code == 2
    assert "exists" in result.output
