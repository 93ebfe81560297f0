"""``claimwatch track`` and ``claimwatch retrack``: turn stored versions into claims and flags.

``track`` handles the versions the crawler stored since the last pass (``crawl`` runs it
itself); ``retrack`` re-runs an upgraded tracker over versions already tracked, without
re-crawling and without writing flags.
"""

from __future__ import annotations

import click

from claimwatch.context import AppContext, pass_app
from claimwatch.dates import parse_day
from claimwatch.errors import UsageError, WorkFailed
from db import tracking
from tracker.tracking.ingest import TrackResult, track_pending
from tracker.tracking.ingest import retrack as retrack_versions


def _report(verb: str, result: TrackResult) -> None:
    click.echo(
        f"{verb} {result.versions} versions: {result.claims} claims, {result.sources} sources, "
        f"{result.flags} flags"
    )
    for error in result.errors:
        click.echo(f"Error: {error}", err=True)
    if result.errors:
        raise WorkFailed(f"{len(result.errors)} versions could not be tracked")


@click.command()
@pass_app
def track(app: AppContext) -> None:
    """Track stored versions not tracked yet: sources, claims and flags.

    Example: claimwatch track
    """
    db = app.open_db(create=False)
    try:
        result = track_pending(db)
    finally:
        db.close()
    _report("tracked", result)


@click.command()
@click.option(
    "--since", help="Only versions fetched on or after this day ('2025-12-01', 'last week')."
)
@click.option("--outlet", help="Only articles of this outlet.")
@pass_app
def retrack(app: AppContext, since: str | None, outlet: str | None) -> None:
    """Re-run the tracker over tracked versions, replacing their claims; writes no flags.

    Use after upgrading claimwatch: the stored text is read again, nothing is re-crawled.

    Example: claimwatch retrack --since "7 days ago" --outlet example-wire
    """
    day = parse_day(since, "--since").isoformat() if since is not None else None
    db = app.open_db(create=False)
    try:
        if outlet is not None and not tracking.outlet_exists(db, outlet):
            raise UsageError(f"--outlet {outlet!r}: no such outlet in the database")
        result = retrack_versions(db, since=day, outlet=outlet)
    finally:
        db.close()
    _report("retracked", result)
