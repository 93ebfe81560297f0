"""``claimwatch digest``: what changed in a week (or any days), as md, html, json, csv or atom."""

from __future__ import annotations

from pathlib import Path

import click

from claimwatch.context import AppContext, pass_app
from claimwatch.digest import FORMATS, build_digest, check_filters, choose_window, render
from claimwatch.errors import UsageError


@click.command()
@click.option(
    "--week", metavar="YYYY-Www", help="An ISO week, e.g. 2025-W50 (default: the last full week)."
)
@click.option(
    "--since",
    metavar="DATE",
    help="First day (instead of --week): 2025-12-01, 'yesterday', '7 days ago'.",
)
@click.option("--until", metavar="DATE", help="Last day, included (default: today): as --since.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="md",
    show_default=True,
    help="md for reading, html with charts, json, csv (the flags), atom (a feed of the flags).",
)
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--outlet", metavar="NAME", help="Only this outlet's articles and runs.")
@click.option("--source", metavar="NAME", help="Only figures attributed to this source.")
@pass_app
def digest(
    app: AppContext,
    week: str | None,
    since: str | None,
    until: str | None,
    output_format: str,
    output: str | None,
    outlet: str | None,
    source: str | None,
) -> None:
    """Report changed and new figures, quoted sources and crawl health for a week.

    The window is the last full ISO week (UTC) unless --week or --since/--until
    says otherwise. Examples:

    \b
    claimwatch digest --week 2025-W50 --format html -o week50.html
    claimwatch digest --since 2025-12-01 --until 2025-12-03 --outlet example-wire
    """
    window = choose_window(week, since, until)
    db = app.open_db(create=False)
    try:
        check_filters(db, outlet, source, (known.name for known in app.config.outlets))
        text = render(build_digest(db, window, outlet=outlet, source=source), output_format)
    finally:
        db.close()
    if output:
        path = Path(output)
        if not path.parent.is_dir():
            raise UsageError(f"{path}: folder {path.parent} does not exist")
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path} ({window.label})", err=True)
    else:
        click.echo(text, nl=False)
