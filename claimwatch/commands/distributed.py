"""``claimwatch enqueue`` and ``claimwatch ingest``, and the worker behind ``crawl --distributed``.

The Redis URL comes from the option, else ``$CLAIMWATCH_REDIS``, else ``[distributed] redis``
in the config. A ``#name`` fragment on the URL (``redis://host:6379/0#newsroom``) sets the
prefix of every key, so several deployments can share one server.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import click
import redis

from claimwatch.context import AppContext, pass_app
from claimwatch.errors import UsageError, WorkFailed
from claimwatch.output import format_option, print_records
from crawler.distributed import DEFAULT_PREFIX, DistributedError, RedisKeys

log = logging.getLogger("claimwatch.distributed")

_PREFIX = re.compile(r"^[A-Za-z0-9_.:-]+$")
LEASE_ENV = "CLAIMWATCH_WORKER_LEASE"


def redis_target(app: AppContext, option: str | None) -> tuple[str, RedisKeys]:
    """(URL for redis-py, the deployment's keys) from the option, environment or config."""
    url = option or os.environ.get("CLAIMWATCH_REDIS") or app.config.distributed.redis
    if not url:
        raise UsageError(
            "no Redis URL: pass one, set CLAIMWATCH_REDIS or [distributed] redis in the config"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix") or not (parts.netloc or parts.path):
        raise UsageError(f"bad Redis URL {url!r}: use redis://HOST:PORT/DB")
    prefix = parts.fragment or DEFAULT_PREFIX
    if not _PREFIX.match(prefix):
        raise UsageError(f"bad key prefix {prefix!r} in {url!r}: letters, digits, _ . : - only")
    return url.split("#", 1)[0], RedisKeys(prefix)


def _server(url: str) -> Any:
    from crawler.distributed.process import check_redis

    try:
        return check_redis(url)
    except DistributedError as error:
        raise UsageError(str(error)) from None


def _lease() -> float:
    from crawler.distributed.worker import DEFAULT_LEASE

    raw = os.environ.get(LEASE_ENV)
    try:
        lease = float(raw) if raw else DEFAULT_LEASE
    except ValueError:
        raise UsageError(f"{LEASE_ENV}={raw!r}: must be a number of seconds") from None
    if lease <= 0:
        raise UsageError(f"{LEASE_ENV}={raw!r}: must be positive")
    return lease


def crawl_worker(
    app: AppContext,
    redis_option: str,
    outlet_names: tuple[str, ...],
    *,
    until_idle: float | None,
    quiet: bool,
) -> None:
    """``claimwatch crawl --distributed``: one worker, until stopped or idle (exit 0)."""
    from crawler.distributed.process import run_worker

    if outlet_names:
        raise UsageError(
            "--distributed takes no OUTLET: workers crawl what 'claimwatch enqueue' queues"
        )
    url, keys = redis_target(app, None if redis_option == "-" else redis_option)
    _server(url).close()
    stats = run_worker(
        app.config.crawl.model_dump(),
        url,
        keys=keys,
        until_idle=until_idle,
        lease=_lease(),
        log_level="INFO" if quiet else "WARNING",
    )
    if not quiet:
        click.echo(
            f"worker stopped ({stats.get('finish_reason', '?')}): "
            f"{stats.get('claimwatch/pages', 0)} pages, "
            f"{stats.get('claimwatch/items_queued', 0)} items queued, "
            f"{stats.get('claimwatch/errors', 0)} errors"
        )


@click.command()
@click.argument("outlet_names", nargs=-1, metavar="[OUTLET]...")
@click.option(
    "--redis",
    "redis_option",
    metavar="REDIS_URL",
    help="Redis of the workers (default: $CLAIMWATCH_REDIS, else [distributed] redis).",
)
@format_option
@pass_app
def enqueue(
    app: AppContext, outlet_names: tuple[str, ...], redis_option: str | None, output_format: str
) -> None:
    """Queue the outlets' feeds, sitemaps and sections (all outlets, or those named) for the
    distributed crawl workers.

    Example: claimwatch enqueue example-wire --redis redis://127.0.0.1:6379/0
    """
    from crawler.distributed.seed import enqueue_outlet

    config = app.config
    outlets = [config.outlet(name) for name in outlet_names] if outlet_names else config.outlets
    if not outlets:
        raise UsageError(f"{config.source_path or 'claimwatch.toml'}: no [[outlets]] configured")
    url, keys = redis_target(app, redis_option)
    server = _server(url)
    try:
        seeded = [
            enqueue_outlet(server, keys, outlet.model_dump(exclude={"every"})).to_dict()
            for outlet in outlets
        ]
    finally:
        server.close()
    print_records(seeded, output_format, title="queued")


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """SIGTERM / SIGINT set the event (the ingester finishes its item, then stops)."""
    stop = threading.Event()
    previous = {
        signum: signal.signal(signum, lambda *_: stop.set())
        for signum in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _track(db: Any) -> Any:
    from tracker.tracking.ingest import track_pending

    result = track_pending(db)
    log.info(
        "tracked %s versions: %s claims, %s flags", result.versions, result.claims, result.flags
    )
    return result


@click.command()
@click.option(
    "--from",
    "redis_option",
    metavar="REDIS_URL",
    help="Redis the workers push items to (default: $CLAIMWATCH_REDIS, else [distributed] redis).",
)
@click.option(
    "--until-idle",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Exit once the crawl has had no work left for this long (default: run until stopped).",
)
@format_option
@pass_app
def ingest(
    app: AppContext, redis_option: str | None, until_idle: float | None, output_format: str
) -> None:
    """Store the workers' articles in the database as versions and track them (the single
    writer). Runs until SIGTERM (finishing the item in hand) or, with --until-idle, until idle.

    Example: claimwatch ingest --from redis://127.0.0.1:6379/0 --until-idle 60
    """
    from crawler.distributed.ingest import Ingester

    url, keys = redis_target(app, redis_option)
    server = _server(url)
    db = app.open_db()
    try:
        with _stop_on_signals() as stop:
            ingester = Ingester(db, server, keys, after_batch=_track)
            totals = ingester.run(until_idle=until_idle, should_stop=stop.is_set)
    except redis.RedisError as error:
        raise WorkFailed(f"Redis: {error} (items not yet committed stay queued)") from None
    finally:
        db.close()
        server.close()
    summary = totals.to_dict()
    summary["tracked"] = sum(result.versions for result in totals.tracked)
    summary["flags"] = sum(result.flags for result in totals.tracked)
    print_records([summary], output_format, title="ingested")
    failed = [error for result in totals.tracked for error in result.errors]
    if failed:
        raise WorkFailed(f"{len(failed)} versions could not be tracked")
