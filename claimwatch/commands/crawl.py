"""``claimwatch crawl``: crawl outlets (one Scrapy process), store articles, then track them.

:func:`crawl_outlets` is the plain function under the command (the demo calls it too).
Scrapy's reactor cannot restart, so one call per process: the scheduler runs each crawl as
``python -m claimwatch crawl OUTLET --quiet`` in a subprocess.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from claimwatch.config import CrawlConfig, OutletConfig
from claimwatch.context import AppContext, pass_app
from claimwatch.errors import UsageError, WorkFailed
from db.schema import DatabaseError, connect
from db.store import (
    CrawlInProgress,
    RunCounts,
    claim_run,
    discard_run,
    finish_run,
    get_run,
)

log = logging.getLogger("claimwatch.crawl")

INTERRUPTED = "crawl interrupted; the runs are marked interrupted"
COLUMNS = ("outlet", "status", "pages", "new", "changed", "unchanged", "errors")


@dataclass
class CrawlResult:
    runs: list[dict[str, Any]] = field(default_factory=list)  # the closed runs rows
    tracked: Any = None  # tracker.tracking.ingest.TrackResult, None when tracking was skipped
    interrupted: bool = False

    @property
    def errors(self) -> int:
        return sum(run["errors"] for run in self.runs)

    @property
    def failed(self) -> bool:
        return any(run["status"] != "ok" for run in self.runs) or self.errors > 0


def _row(outlet: str, stats: dict[str, Any], status: str) -> dict[str, Any]:
    return {
        "outlet": outlet,
        "status": status,
        "pages": stats.get("claimwatch/pages", 0),
        "new": stats.get("claimwatch/articles_new", 0),
        "changed": stats.get("claimwatch/articles_changed", 0),
        "unchanged": stats.get("claimwatch/articles_unchanged", 0),
        "errors": stats.get("claimwatch/errors", 0),
    }


def _counts(stats: dict[str, Any], *, failed: bool) -> RunCounts:
    """A run's counts from its crawler's stats (a failed one has at least one error)."""
    errors = stats.get("claimwatch/errors", 0)
    return RunCounts(
        pages=stats.get("claimwatch/pages", 0),
        articles_new=stats.get("claimwatch/articles_new", 0),
        articles_changed=stats.get("claimwatch/articles_changed", 0),
        articles_unchanged=stats.get("claimwatch/articles_unchanged", 0),
        errors=max(1, errors) if failed else errors,
    )


def _table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("outlet", "status") else "right")
    for row in rows:
        table.add_row(*(str(row[column]) for column in COLUMNS))
    return table


def crawl_outlets(
    outlets: list[OutletConfig],
    crawl: CrawlConfig,
    db_path: Path,
    *,
    quiet: bool = False,
    console: Console | None = None,
) -> CrawlResult:
    """Crawl ``outlets`` in this process, close one run per outlet, then track new versions."""
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import crawl_settings
    from crawler.spiders.outlet import OutletSpider
    from crawler.stop import stop_at_once_on_signals

    # Create or migrate, and claim each outlet's run, before Scrapy starts (usage errors).
    claimed = claim_runs(db_path, [outlet.name for outlet in outlets])
    console = console or Console()
    settings = crawl_settings(
        crawl.model_dump(), db_path=str(db_path), log_level="INFO" if quiet else "ERROR"
    )
    settings["CLAIMWATCH_RUN_IDS"] = claimed
    process = CrawlerProcess(settings)
    crawlers = []
    for outlet in outlets:
        crawler = process.create_crawler(OutletSpider)
        process.crawl(crawler, outlet=outlet.model_dump(exclude={"every"}))
        crawlers.append((outlet.name, crawler))

    def snapshot() -> list[dict[str, Any]]:
        return [
            _row(name, c.stats.get_stats() if c.stats else {}, "crawling" if c.crawling else "done")
            for name, c in crawlers
        ]

    display: list[Live] = []

    def end_now() -> None:  # the stop took too long: close the runs here, and exit
        for live in display:
            live.stop()
        with contextlib.suppress(sqlite3.Error, DatabaseError):
            _close_runs(crawlers, claimed, db_path, stopped=True)
        console.show_cursor(True)
        sys.stderr.write(f"Error: {INTERRUPTED}\n")
        sys.stderr.flush()
        os._exit(1)

    with stop_at_once_on_signals(end_now) as stop:
        if quiet:
            process.start(install_signal_handlers=False)
        else:
            from twisted.internet import reactor, task

            with Live(_table(snapshot(), "crawling"), console=console, transient=True) as live:
                display.append(live)
                loop = task.LoopingCall(lambda: live.update(_table(snapshot(), "crawling")))
                reactor.callWhenRunning(loop.start, 0.25)  # type: ignore[attr-defined]
                process.start(install_signal_handlers=False)
                if loop.running:
                    loop.stop()

    try:
        return _close_runs(crawlers, claimed, db_path, stopped=stop.requested)
    except sqlite3.Error as error:  # disk full, or locked past the busy timeout
        raise WorkFailed(
            f"{db_path}: the crawl's runs could not be recorded or tracked ({error}); "
            "what was stored stays, 'claimwatch track' tracks it later"
        ) from None


def _close_runs(
    crawlers: list[tuple[str, Any]], claimed: dict[str, int], db_path: Path, *, stopped: bool
) -> CrawlResult:
    """Read each outlet's closed run (closing it when the crawl was stopped, or could not
    close it), then track the versions stored."""
    result = CrawlResult(interrupted=stopped)
    database = connect(db_path)
    try:
        for name, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            result.interrupted |= stats.get("finish_reason") == "shutdown"
            run_id = stats.get("claimwatch/run_id") or claimed.get(name)
            run = get_run(database, run_id) if run_id else None
            if run is not None and run["status"] == "running":  # stopped, or not closed
                finish_run(
                    database,
                    run["id"],
                    status="interrupted" if stopped else "failed",
                    counts=_counts(stats, failed=not stopped),
                    error_log=getattr(crawler.spider, "error_log", []),
                )
                run = get_run(database, run["id"])
            if run is None:
                run = {"id": run_id, "outlet": name, "status": "failed", "errors": 1, "pages": 0}
            run.update(_row(name, stats, run["status"]))
            result.runs.append(run)
            log.info(
                "crawled %s: run %s %s, %s pages, %s new, %s changed, %s unchanged, %s errors",
                name, run["id"], run["status"], run["pages"], run["new"], run["changed"],
                run["unchanged"], run["errors"],
            )  # fmt: skip
        if not result.interrupted:
            run_ids = [run["id"] for run in result.runs if run["id"]]
            result.tracked = track_new_versions(database, run_ids[0] if run_ids else None)
    finally:
        database.close()
    return result


def claim_runs(db_path: Path, names: list[str]) -> dict[str, int]:
    """Start one run per outlet, or raise UsageError naming the crawl already running one."""
    from crawler.pipelines import process_alive

    database = connect(db_path)
    claimed: dict[str, int] = {}
    try:
        for name in names:
            try:
                claimed[name], closed = claim_run(
                    database,
                    name,
                    pid=os.getpid(),
                    host=socket.gethostname(),
                    alive=lambda run: process_alive(run["pid"]),
                )
            except CrawlInProgress as busy:
                for run_id in claimed.values():
                    discard_run(database, run_id)
                run = busy.run
                raise UsageError(
                    f"{name} is being crawled already (run {run['id']}, pid {run['pid']}, "
                    f"started {run['started_at']}); wait for it or stop it"
                ) from None
            if closed:
                log.warning("runs %s of %s were killed mid-crawl; marked interrupted", closed, name)
    finally:
        database.close()
    return claimed


def track_new_versions(database: Any, run_id: int | None) -> Any:
    """Run the tracker over the versions just stored (skipped with a log line if it is absent)."""
    try:
        from tracker.tracking.ingest import track_pending
    except ImportError:
        log.warning("tracker.tracking.ingest.track_pending is not available; skipping tracking")
        return None
    result = track_pending(database, run_id=run_id)
    log.info(
        "tracked %s versions: %s claims, %s sources, %s flags",
        result.versions, result.claims, result.sources, result.flags,
    )  # fmt: skip
    return result


def print_summary(result: CrawlResult, console: Console) -> None:
    console.print(_table(result.runs, "crawl summary"))
    if result.tracked is not None:
        tracked = result.tracked
        console.print(
            f"tracked {tracked.versions} versions: {tracked.claims} claims, "
            f"{tracked.sources} sources, {tracked.flags} flags"
        )
    for run in result.runs:
        for line in _error_lines(run)[:10]:
            console.print(f"[red]error[/red] {run['outlet']}: {line}", markup=True, highlight=False)


def _error_lines(run: dict[str, Any]) -> list[str]:
    try:
        return list(json.loads(run.get("error_log") or "[]"))
    except ValueError:
        return []


@click.command()
@click.argument("outlet_names", nargs=-1, metavar="[OUTLET]...")
@click.option("--quiet", is_flag=True, help="Log lines instead of a progress display (for cron).")
@click.option(
    "--distributed",
    "redis_url",
    metavar="REDIS_URL",
    is_flag=False,
    flag_value="-",
    help="Run a distributed crawl worker on this Redis (alone: the configured one); "
    "see 'Scaling out'.",
)
@click.option(
    "--until-idle",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="With --distributed: exit once no crawl work has been left for this long.",
)
@pass_app
def crawl(
    app: AppContext,
    outlet_names: tuple[str, ...],
    quiet: bool,
    redis_url: str | None,
    until_idle: float | None,
) -> None:
    """Crawl the configured outlets (all, or those named), store articles and track them.

    Exit status 1 when some pages failed (listed in the summary and in `claimwatch runs`).

    Example: claimwatch crawl example-wire

    Example: claimwatch crawl --distributed redis://127.0.0.1:6379/0 --until-idle 60
    """
    if redis_url is not None:
        from claimwatch.commands.distributed import crawl_worker

        crawl_worker(app, redis_url, outlet_names, until_idle=until_idle, quiet=quiet)
        return
    if until_idle is not None:
        raise UsageError("--until-idle is for --distributed workers")
    config = app.config
    if not config.outlets:
        raise UsageError(
            f"{config.source_path or 'claimwatch.toml'}: no [[outlets]] configured "
            "(see 'claimwatch init')"
        )
    outlets = [config.outlet(name) for name in outlet_names] if outlet_names else config.outlets
    console = Console()
    result = crawl_outlets(outlets, config.crawl, app.db_path, quiet=quiet, console=console)
    if not quiet:
        print_summary(result, console)
    if result.interrupted:
        raise WorkFailed(INTERRUPTED)
    if result.tracked is not None and result.tracked.errors:
        raise WorkFailed(f"{len(result.tracked.errors)} versions could not be tracked")
    if result.failed:
        raise WorkFailed(f"{result.errors} pages failed (see 'claimwatch runs')")
