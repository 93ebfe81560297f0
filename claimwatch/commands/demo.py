"""``claimwatch demo``: crawl the bundled sample news site on 127.0.0.1 and show what was found.

The site (``claimwatch/demo/site/``) is served from a thread of this process; the real crawler
(feed, sitemap and paginated section) and tracker run over it; the database stays behind at
``./claimwatch-demo.db`` (or ``--db``) for ``claimwatch claims --db claimwatch-demo.db``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimwatch.commands.crawl import crawl_outlets, print_summary
from claimwatch.config import CrawlConfig, OutletConfig
from claimwatch.demo.server import serve
from claimwatch.errors import UsageError, WorkFailed
from claimwatch.output import print_records
from db import queries
from db.schema import connect

DEFAULT_DEMO_DB = "claimwatch-demo.db"
OUTLET = "demo-gazette"


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


def run_demo(db_path: Path, *, replace: bool, console: Console) -> dict[str, Any]:
    """Serve, crawl, track and summarise; returns the counts it printed."""
    _fresh_database(db_path, replace=replace)
    started = time.monotonic()
    with serve() as base:
        console.print(f"serving the demo site at {base}")
        outlet = OutletConfig.model_validate(
            {
                "name": OUTLET,
                "feeds": [f"{base}/feed.xml"],
                "sitemaps": [f"{base}/sitemap.xml"],
                "sections": [f"{base}/business/"],
                "article_pattern": r"/\d{4}/\d{2}/\d{2}/",
            }
        )
        # Loopback needs allow_private; no delay: the demo is our own server.
        crawl = CrawlConfig.model_validate(
            {"delay": 0, "allow_private": True, "concurrency_per_site": 8, "timeout": 20}
        )
        result = crawl_outlets([outlet], crawl, db_path, console=console)
    print_summary(result, console)
    database = connect(db_path)
    try:
        articles = queries.articles(database, limit=None)
        claims = queries.claims(database, queries.ClaimQuery(limit=None))
        sources = queries.sources(database, limit=None)
    finally:
        database.close()
    summary = {
        "articles": len(articles),
        "claims": len(claims),
        "sources": len(sources),
        "errors": result.errors,
        "seconds": round(time.monotonic() - started, 1),
    }
    console.print(
        f"\n[bold]{summary['articles']} articles, {summary['claims']} claims, "
        f"{summary['sources']} sources[/bold] in {summary['seconds']} s "
        f"(database: {db_path})\n"
    )
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
    console.print(f"\nexplore: claimwatch --db {db_path} claims --source <name>")
    if result.failed:
        raise WorkFailed(f"the demo crawl had {result.errors} errors")
    return summary


@click.command()
@click.option(
    "--db",
    "db_option",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Where to leave the demo database (default ./{DEFAULT_DEMO_DB}).",
)
def demo(db_option: Path | None) -> None:
    """Crawl a bundled sample news site on 127.0.0.1 and print the figures and sources found.

    Needs no network; replaces ./claimwatch-demo.db on every run.

    Example: claimwatch demo && claimwatch --db claimwatch-demo.db claims --limit 5
    """
    path = db_option or Path(DEFAULT_DEMO_DB)
    run_demo(path, replace=db_option is None, console=Console())
