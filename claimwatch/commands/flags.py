"""``claimwatch flags``: the figures that moved — new, changed, revised, added, removed."""

from __future__ import annotations

import shlex
from typing import Any

import click

from claimwatch.context import AppContext, pass_app
from claimwatch.dates import parse_day
from claimwatch.figures import key_label
from claimwatch.output import format_number, format_option, print_records
from db import tracking

KINDS = ("new", "changed", "revised", "added", "removed")
FIELDS = (
    "id", "kind", "article_url", "previous_article_url", "old_value", "new_value", "unit",
    "source", "old_sentence", "new_sentence", "key", "created_at", "delivered_at",
    "outlet", "old_surface", "new_surface", "old_subject", "new_subject",
)  # fmt: skip


def _figure(value: float | None, surface: str | None, unit: str | None) -> str:
    """ "$630 million (630,000,000 USD)" for the table: what the article wrote and what it means."""
    if value is None:
        return ""
    number = f"{format_number(value)} {unit or ''}".strip()
    return f"{surface} ({number})" if surface else number


def flag_record(row: dict[str, Any]) -> dict[str, Any]:
    """The ``flags`` record, with the subject (entity · metric · period) of both claims."""
    subjects = {
        f"{side}_subject": key_label(
            row.get(f"{side}_entity"), row.get(f"{side}_metric"), row.get(f"{side}_period")
        )
        for side in ("old", "new")
    }
    return {field: row.get(field) for field in FIELDS} | subjects


@click.command()
@click.option("--since", help="Flags written on or after this day ('2025-12-01', 'last week').")
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind (repeatable)."
)
@click.option("--outlet", help="Only flags on articles of this outlet.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="At most this many (0: all).",
)
@format_option
@pass_app
def flags(
    app: AppContext,
    since: str | None,
    kinds: tuple[str, ...],
    outlet: str | None,
    limit: int,
    output_format: str,
) -> None:
    """Show flagged figures: old and new value with units, source, both articles and sentences.

    Example: claimwatch flags --since "last week" --kind changed --format json
    """
    day = parse_day(since, "--since").isoformat() if since is not None else None
    db = app.open_db(create=False, readonly=True)
    try:
        rows = tracking.flag_records(db, since=day, kinds=kinds, outlet=outlet, limit=limit or None)
    finally:
        db.close()
    records = [flag_record(row) for row in rows]
    if output_format == "table":
        _print_blocks(records)
    else:
        print_records(records, output_format)


def _print_blocks(records: list[dict[str, Any]]) -> None:
    """One block per flag: the sentences are the point, and they do not fit in table cells."""
    if not records:
        click.echo("no flags")
        return
    for record in records:
        click.echo(f"#{record['id']} {record['kind']}  {record['created_at']}")
        if record["key"]:
            click.echo(f"  key: {record['key']}")
        if record["kind"] == "changed":
            click.echo(
                "  compared because both figures are about the same key (entity · metric · period):"
            )
        old_url = record["previous_article_url"] or record["article_url"]
        if record["old_value"] is not None:
            old = _figure(record["old_value"], record["old_surface"], record["unit"])
            click.echo(f"  old: {old}  [{record['old_subject'] or '—'}]")
            click.echo(f"       {old_url}")
            click.echo(f"       {record['old_sentence'] or ''}")
        if record["new_value"] is not None:
            new = _figure(record["new_value"], record["new_surface"], record["unit"])
            click.echo(f"  new: {new}  [{record['new_subject'] or '—'}]")
            click.echo(f"       {record['article_url']}")
            click.echo(f"       {record['new_sentence'] or ''}")
        if record["source"]:
            click.echo(f"  source: {record['source']}")
        if record["kind"] == "changed" and record["key"]:
            click.echo(f"  every report: claimwatch claims --key {shlex.quote(record['key'])}")
        click.echo("")
