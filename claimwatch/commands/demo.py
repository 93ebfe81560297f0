"""``claimwatch demo``: crawl the bundled sample news site on 127.0.0.1 twice and show what changed.

The site (``claimwatch/demo/site/``) is served from a thread of this process; the real crawler
(feed, sitemap and paginated section) and tracker run over it. The first crawl is a backfill;
then the site edits a story (a corrected figure, a dropped quote) and publishes a new one that
restates an earlier figure (``claimwatch/demo/update/``), and the second crawl raises
``revised``, ``removed``, ``changed`` and ``new`` flags. Each crawl is ``python -m claimwatch
crawl`` in a subprocess, as the scheduler runs them (Scrapy's reactor cannot restart). The
database stays behind at ``./claimwatch-demo.db`` (or ``--db``) for the commands it suggests.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimwatch.demo.server import SITE, UPDATE, serve
from claimwatch.errors import UsageError, WorkFailed
from claimwatch.figures import human_figure, key_label
from claimwatch.output import print_records
from db import queries, tracking
from db.schema import connect

DEFAULT_DEMO_DB = "claimwatch-demo.db"
OUTLET = "demo-gazette"
# Loopback needs allow_private; no delay: the demo is our own server.
CRAWL_SETTINGS = {"delay": 0, "allow_private": True, "concurrency_per_site": 8, "timeout": 20}


def _fresh_database(path: Path, *, replace: bool) -> None:
    """Start from an empty database: the demo's URLs carry this run's port."""
    if not path.exists():
        if not path.parent.exists():
            raise UsageError(f"{path}: folder {path.parent} does not exist")
        return
    if not replace:
        raise UsageError(f"{path} exists; remove it or pass another --db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def top_figures(claims: list[dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """Attributed figures, one article at a time in turn, so every story gets a line."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for claim in sorted(claims, key=lambda c: (c["article_url"], c["start"])):
        if claim.get("source"):
            by_article.setdefault(claim["article_url"], []).append(claim)
    chosen: list[dict[str, Any]] = []
    queues = list(by_article.values())
    while queues and len(chosen) < limit:
        for queue in list(queues):
            if len(chosen) < limit:
                chosen.append(queue.pop(0))
            if not queue:
                queues.remove(queue)
    return chosen


def config_text(base: str, db_path: Path) -> str:
    """A claimwatch.toml for the demo outlet on ``base`` (TOML basic strings read JSON's)."""
    outlet = {
        "name": OUTLET,
        "feeds": [f"{base}/feed.xml"],
        "sitemaps": [f"{base}/sitemap.xml"],
        "sections": [f"{base}/business/"],
        "article_pattern": r"/\d{4}/\d{2}/\d{2}/",
    }
    lines = ["[database]", f"path = {json.dumps(str(db_path.resolve()))}", "", "[crawl]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in CRAWL_SETTINGS.items()]
    lines += ["", "[[outlets]]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in outlet.items()]
    return "\n".join(lines) + "\n"


def command_name() -> str:
    """How to type this claimwatch again: 'claimwatch' when it is on PATH, else its path."""
    script = Path(sys.argv[0])
    if script.name == "__main__.py" or not script.exists():
        return f"{shlex.quote(_short(Path(sys.executable)))} -m claimwatch"
    on_path = shutil.which("claimwatch")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "claimwatch"
    return shlex.quote(_short(script))


def _short(path: Path) -> str:
    """``path`` relative to the current folder when it lies inside it (.venv/bin/claimwatch)."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def _crawl(config: Path, console: Console) -> None:
    """One ``claimwatch crawl`` in a subprocess (it prints its own summary)."""
    console.file.flush()
    env = {**os.environ, "COLUMNS": os.environ.get("COLUMNS", str(console.width))}
    done = subprocess.run(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl"], env=env
    )
    if done.returncode != 0:
        raise WorkFailed(f"the demo crawl failed (exit status {done.returncode}); see above")


def _subject(flag: dict[str, Any]) -> str:
    return (
        key_label(flag["new_entity"], flag["new_metric"], flag["new_period"])
        or key_label(flag["old_entity"], flag["old_metric"], flag["old_period"])
        or "—"
    )


def _flag_line(flag: dict[str, Any]) -> dict[str, Any]:
    old = human_figure(flag["old_value"], flag["unit"])
    new = human_figure(flag["new_value"], flag["unit"])
    return {
        "kind": flag["kind"],
        "figure": _subject(flag),
        "old": old,
        "new": new if flag["kind"] != "removed" else "(removed)",
        "article": flag["article_url"].split("/")[-1],
    }


def run_demo(db_path: Path, *, replace: bool, console: Console) -> dict[str, Any]:
    """Serve, crawl, edit the site, crawl again, and summarise; returns the counts it printed."""
    _fresh_database(db_path, replace=replace)
    started = time.monotonic()
    layers = [SITE]
    with tempfile.TemporaryDirectory(prefix="claimwatch-demo-") as folder, serve(layers) as base:
        config = Path(folder) / "claimwatch.toml"
        config.write_text(config_text(base, db_path), encoding="utf-8")
        console.print(f"serving the demo site at {base}\n")
        console.print("[bold]1. first crawl[/bold]: the whole site (a backfill: no 'new' flags)")
        _crawl(config, console)
        _print_found(db_path, console)
        layers.insert(0, UPDATE)
        console.print(
            "\n[bold]2. a day later[/bold]: the site corrected a figure in one story, dropped a "
            "quote, and published a story restating an earlier figure; crawling again"
        )
        _crawl(config, console)
    database = connect(db_path)
    try:
        articles = queries.articles(database, limit=None)
        claims = queries.claims(database, queries.ClaimQuery(limit=None))
        flags = tracking.flag_records(database)
    finally:
        database.close()
    summary: dict[str, Any] = {
        "articles": len(articles),
        "claims": len(claims),
        "flags": {
            kind: sum(f["kind"] == kind for f in flags)
            for kind in sorted({f["kind"] for f in flags})
        },
        "seconds": round(time.monotonic() - started, 1),
    }
    moved = [flag for flag in flags if flag["kind"] in ("changed", "revised", "removed")]
    print_records(
        [_flag_line(flag) for flag in moved], "table", title="figures that moved (flags)",
        stream=console.file,
    )  # fmt: skip
    counts = ", ".join(f"{count} {kind}" for kind, count in summary["flags"].items())
    console.print(
        f"\n[bold]{summary['articles']} articles, {summary['claims']} claims, flags: "
        f"{counts or 'none'}[/bold] in {summary['seconds']} s (database: {db_path})\n"
    )
    _print_next(db_path, console)
    return summary


def _print_found(db_path: Path, console: Console) -> None:
    database = connect(db_path)
    try:
        claims = queries.claims(database, queries.ClaimQuery(limit=None))
        sources = queries.sources(database, limit=None)
    finally:
        database.close()
    figures = [
        {
            "figure": claim["surface"],
            "value": claim["value"],
            "unit": claim["unit"],
            "source": claim["source"],
            "article": claim["article_url"].split("/")[-1],
        }
        for claim in top_figures(claims)
    ]
    print_records(figures, "table", title="top figures and their sources", stream=console.file)
    print_records(
        sources[:8], "table", columns=("name", "kind", "organization", "claims"), title="most quoted sources",
        stream=console.file,
    )  # fmt: skip


def _print_next(db_path: Path, console: Console) -> None:
    """Commands to try next, written so they run as printed (the PATH may lack claimwatch)."""
    name = command_name()
    db = shlex.quote(_short(db_path))
    console.print("next, try:", highlight=False)
    for command in (
        f"{name} --db {db} flags --kind changed --kind revised",
        f"{name} --db {db} digest --since '7 days ago'",
        f"{name} --db {db} claims --key 'stratacloud|cloud revenue|USD|2025-Q4'",
        f"{name} --db {db} serve",
    ):
        console.print(f"  {command}", highlight=False, markup=False, soft_wrap=True)
    if name != "claimwatch" and name.endswith("bin/claimwatch"):
        activate = shlex.quote(str(Path(name).parent / "activate"))
        console.print(
            f"(or 'source {activate}' first, and type just 'claimwatch')",
            highlight=False,
            soft_wrap=True,
        )


@click.command()
@click.option(
    "--db",
    "db_option",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Where to leave the demo database (default ./{DEFAULT_DEMO_DB}).",
)
def demo(db_option: Path | None) -> None:
    """Crawl a bundled sample news site on 127.0.0.1 and print the figures and sources found.

    It crawls twice: between the crawls the site edits a story and publishes another, so
    the second crawl raises revised, removed and changed flags. Needs no network; replaces
    ./claimwatch-demo.db on every run.

    Example: claimwatch demo && claimwatch --db claimwatch-demo.db flags
    """
    path = db_option or Path(DEFAULT_DEMO_DB)
    run_demo(path, replace=db_option is None, console=Console())
