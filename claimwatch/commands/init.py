"""``claimwatch init``: write a commented example config and create the database."""

from __future__ import annotations

from pathlib import Path

import click

from claimwatch.config import DEFAULT_CONFIG, load_config, resolve_db_path
from claimwatch.context import AppContext, pass_app
from claimwatch.errors import UsageError
from claimwatch.example_config import EXAMPLE_CONFIG
from db.schema import connect


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing config file.")
@pass_app
def init(app: AppContext, force: bool) -> None:
    """Write a commented claimwatch.toml and create the database it names.

    Example: claimwatch init && $EDITOR claimwatch.toml
    """
    path = Path(app.config_option or DEFAULT_CONFIG)
    if path.exists() and not force:
        click.echo(f"{path} exists; keeping it (use --force to overwrite)")
    else:
        if not path.parent.exists():
            raise UsageError(f"{path}: folder {path.parent} does not exist")
        path.write_text(EXAMPLE_CONFIG, encoding="utf-8")
        click.echo(f"wrote {path}")
    config = load_config(path, required=True)
    db_path = resolve_db_path(config, app.db_option)
    connect(db_path).close()
    click.echo(f"database ready at {db_path}")
