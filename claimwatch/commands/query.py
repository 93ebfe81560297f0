"""``claimwatch claims | sources | articles | runs``: ask the database, print records.

Each command parses its options, calls one function of ``db.queries`` and prints
the records with the shared ``--format`` option. Dates accept "2025-12-01",
"last week" or "7 days ago".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

from claimwatch.context import AppContext, pass_app
from claimwatch.dates import parse_day
from claimwatch.errors import UsageError
from claimwatch.output import format_option, print_records
from db import queries
from db.queries import ClaimQuery, QueryError

CLAIM_TABLE = ("id", "published", "outlet", "source", "surface", "value", "unit")
# --key: one figure over time, so where each report came from matters more than its id.
KEY_TABLE = ("published", "outlet", "source", "surface", "value", "unit", "article_url")
SOURCE_TABLE = (
    "name",
    "kind",
    "role",
    "organization",
    "claims",
    "articles",
    "first_seen",
    "last_seen",
)
ARTICLE_TABLE = ("published", "outlet", "title", "versions", "claims", "url")
RUN_TABLE = (
    "id",
    "outlet",
    "started_at",
    "status",
    "pages",
    "articles_new",
    "articles_changed",
    "articles_unchanged",
    "errors",
)


def _day(option: str) -> Callable[[click.Context, click.Parameter, str | None], date | None]:
    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
        return parse_day(value, option) if value is not None else None

    return callback


def _ask(
    function: Callable[..., list[dict[str, Any]]], *args: Any, **kwargs: Any
) -> list[dict[str, Any]]:
    """Run a query; a question the database cannot answer is the user's mistake (exit 2)."""
    try:
        return function(*args, **kwargs)
    except QueryError as error:
        raise UsageError(str(error)) from None


def _since_until(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")


limit_option = click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="At most this many (0: all).",
)


@click.command()
@click.option("--source", help="Source name contains this (case-insensitive), e.g. 'xiong'.")
@click.option("--organization", help="Source's organization contains this (case-insensitive).")
@click.option("--outlet", help="Outlet name as configured.")
@click.option("--unit", help="Unit: CNY, USD, %, pp, x, rank, count, ...")
@click.option("--kind", help="Kind: currency, percent, multiple, rank, count, quantity.")
@click.option("--since", callback=_day("--since"), help="Published on or after this day.")
@click.option("--until", callback=_day("--until"), help="Published on or before this day.")
@click.option("--search", metavar="TEXT", help="Words in the claim's sentence (ranked best first).")
@click.option("--article", metavar="URL", help="Only this article (canonical URL).")
@click.option(
    "--key",
    metavar="KEY",
    help="One claim key as `flags` prints it (entity|metric|unit kind|period): "
    "that figure over time, oldest first.",
)
@click.option("--min-value", type=float, help="Value at least this.")
@click.option("--max-value", type=float, help="Value at most this.")
@click.option(
    "--sort",
    help="published, value, id, source, outlet, unit, kind or rank (with --search); "
    "'-' first for descending. Default: -published, or rank with --search.",
)
@click.option(
    "--all-versions", is_flag=True, help="Include claims of earlier versions of edited articles."
)
@limit_option
@format_option
@pass_app
def claims(
    app: AppContext,
    source: str | None,
    organization: str | None,
    outlet: str | None,
    unit: str | None,
    kind: str | None,
    since: date | None,
    until: date | None,
    search: str | None,
    article: str | None,
    key: str | None,
    min_value: float | None,
    max_value: float | None,
    sort: str | None,
    all_versions: bool,
    limit: int,
    output_format: str,
) -> None:
    """Numeric claims: who said which number, where and when (newest first).

    Example: claimwatch claims --source "xiong" --unit CNY --since "last week" --format json
    """
    _since_until(since, until)
    if key is not None and not key.strip():
        raise UsageError("--key is empty: give a claim key as `claimwatch flags` prints it")
    query = ClaimQuery(
        source=source,
        organization=organization,
        outlet=outlet,
        unit=unit,
        kind=kind,
        since=since,
        until=until,
        search=search,
        article=article,
        key=key.strip() if key else None,
        min_value=min_value,
        max_value=max_value,
        sort=sort or ("published" if key and not search else None),
        limit=limit,
        all_versions=all_versions,
    )
    db = app.open_db(create=False, readonly=True)
    try:
        records = _ask(queries.claims, db, query)
    finally:
        db.close()
    _print(records, output_format, KEY_TABLE if key else CLAIM_TABLE, "claims")


@click.command()
@click.option("--name", help="Name contains this (case-insensitive).")
@click.option("--organization", help="Organization contains this (case-insensitive).")
@click.option(
    "--kind", type=click.Choice(["person", "organization"]), help="People or organizations."
)
@click.option(
    "--sort",
    default="-claims",
    show_default=True,
    help="claims, articles, name, first_seen or last_seen; '-' first for descending.",
)
@limit_option
@format_option
@pass_app
def sources(
    app: AppContext,
    name: str | None,
    organization: str | None,
    kind: str | None,
    sort: str,
    limit: int,
    output_format: str,
) -> None:
    """Named sources with their claim and article counts, first and last seen.

    Example: claimwatch sources --organization ubs --format csv
    """
    db = app.open_db(create=False, readonly=True)
    try:
        records = _ask(
            queries.sources,
            db,
            name=name,
            organization=organization,
            kind=kind,
            sort=sort,
            limit=limit,
        )
    finally:
        db.close()
    _print(records, output_format, SOURCE_TABLE, "sources")


@click.command()
@click.option("--outlet", help="Outlet name as configured.")
@click.option("--since", callback=_day("--since"), help="Published on or after this day.")
@click.option("--until", callback=_day("--until"), help="Published on or before this day.")
@click.option("--language", help="Language code: en, zh.")
@click.option("--url", help="Only this article (canonical URL).")
@click.option(
    "--sort",
    default="-published",
    show_default=True,
    help="published, first_seen, last_seen, url or claims; '-' first for descending.",
)
@limit_option
@format_option
@pass_app
def articles(
    app: AppContext,
    outlet: str | None,
    since: date | None,
    until: date | None,
    language: str | None,
    url: str | None,
    sort: str,
    limit: int,
    output_format: str,
) -> None:
    """Stored articles with their version and claim counts (newest first).

    Example: claimwatch articles --outlet example-wire --since "7 days ago"
    """
    _since_until(since, until)
    db = app.open_db(create=False, readonly=True)
    try:
        records = _ask(
            queries.articles,
            db,
            outlet=outlet,
            since=since,
            until=until,
            language=language,
            url=url,
            sort=sort,
            limit=limit,
        )
    finally:
        db.close()
    _print(records, output_format, ARTICLE_TABLE, "articles")


@click.command()
@click.option("--outlet", help="Outlet name as configured.")
@click.option(
    "--status",
    type=click.Choice(["ok", "failed", "interrupted", "running"]),
    help="Only runs in this state.",
)
@click.option("--since", callback=_day("--since"), help="Started on or after this day.")
@click.option(
    "--sort",
    default="-started_at",
    show_default=True,
    help="started_at, id or errors; '-' first for descending.",
)
@limit_option
@format_option
@pass_app
def runs(
    app: AppContext,
    outlet: str | None,
    status: str | None,
    since: date | None,
    sort: str,
    limit: int,
    output_format: str,
) -> None:
    """Crawl runs with their page, article and error counts (newest first).

    Example: claimwatch runs --status failed --since yesterday
    """
    db = app.open_db(create=False, readonly=True)
    try:
        records = _ask(
            queries.runs, db, outlet=outlet, status=status, since=since, sort=sort, limit=limit
        )
    finally:
        db.close()
    _print(records, output_format, RUN_TABLE, "runs")


def _print(
    records: list[dict[str, Any]], output_format: str, columns: tuple[str, ...], title: str
) -> None:
    """Tables show the columns people scan, times cut to the minute; other formats get every field."""
    if output_format != "table":
        print_records(records, output_format, title=title)
        return
    shown = [
        {key: _short_time(value) if key in TIME_FIELDS else value for key, value in record.items()}
        for record in records
    ]
    print_records(shown, output_format, columns=columns, title=title)


TIME_FIELDS = {"published", "first_seen", "last_seen", "started_at", "finished_at"}


def _short_time(value: Any) -> Any:
    """2025-12-01T09:00:00+00:00 -> 2025-12-01 09:00 (a bare date stays as it is)."""
    if isinstance(value, str) and len(value) > 16 and value[10] == "T":
        return value[:10] + " " + value[11:16]
    return value
