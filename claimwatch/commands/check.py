"""``claimwatch check``: is the database sound? SQLite's checks and claimwatch's invariants."""

from __future__ import annotations

import click

from claimwatch.context import AppContext, pass_app
from claimwatch.errors import WorkFailed
from claimwatch.output import format_option, print_records
from db.check import check_database


@click.command()
@format_option
@pass_app
def check(app: AppContext, output_format: str) -> None:
    """Check the database: file structure, references, claim offsets, flags, full-text indexes.

    Prints one line per check (and each problem found); exit status 1 when any check fails.

    Example: claimwatch --db claimwatch.db check
    """
    db = app.open_db(create=False)
    try:
        results = check_database(db)
    finally:
        db.close()
    records = []
    for result in results:
        if result.ok:
            records.append({"check": result.check, "status": "ok", "detail": result.description})
        for problem in result.problems:
            records.append({"check": result.check, "status": "FAILED", "detail": problem.detail})
    print_records(records, output_format, columns=("check", "status", "detail"), title="checks")
    failed = [result.check for result in results if not result.ok]
    if failed:
        raise WorkFailed(f"{len(failed)} of {len(results)} checks failed: {', '.join(failed)}")
