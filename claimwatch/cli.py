"""The ``claimwatch`` command line: a thin click layer over plain functions.

Each command lives in ``claimwatch/commands/<name>.py`` and is registered below.
Typed errors from the library become one line on stderr: exit 2 for usage and
configuration mistakes, 1 for failures in the work.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys

import click

from claimwatch.context import AppContext, usage_errors
from claimwatch.errors import WorkFailed

# (module, attribute) of every command, in the order --help lists them.
COMMANDS: list[tuple[str, str]] = [
    ("claimwatch.commands.init", "init"),
    ("claimwatch.commands.extract", "extract"),
    ("claimwatch.commands.crawl", "crawl"),
    ("claimwatch.commands.distributed", "enqueue"),
    ("claimwatch.commands.distributed", "ingest"),
    ("claimwatch.commands.demo", "demo"),
    ("claimwatch.commands.query", "claims"),
    ("claimwatch.commands.query", "sources"),
    ("claimwatch.commands.query", "articles"),
    ("claimwatch.commands.query", "runs"),
    ("claimwatch.commands.track", "track"),
    ("claimwatch.commands.track", "retrack"),
    ("claimwatch.commands.flags", "flags"),
    ("claimwatch.commands.schedule", "schedule"),
    ("claimwatch.commands.check", "check"),
    ("claimwatch.commands.serve", "serve"),
    ("claimwatch.commands.digest", "digest"),
]


class ClaimwatchGroup(click.Group):
    """Turns typed library errors into one-line messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except usage_errors() as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        except WorkFailed as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
        except sqlite3.OperationalError as error:  # locked past the busy timeout, disk full
            click.echo(f"Error: database: {error} (nothing half-written is kept)", err=True)
            ctx.exit(1)


@click.group(cls=ClaimwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimwatch")
@click.option(
    "--config",
    "config_option",
    envvar="CLAIMWATCH_CONFIG",
    metavar="FILE",
    help="Config file (default ./claimwatch.toml; env CLAIMWATCH_CONFIG).",
)
@click.option(
    "--db",
    "db_option",
    envvar="CLAIMWATCH_DB",
    metavar="FILE",
    help="Database file (default: the config's [database] path; env CLAIMWATCH_DB).",
)
@click.pass_context
def cli(ctx: click.Context, config_option: str | None, db_option: str | None) -> None:
    """claimwatch: who said which number, where, and when it changed."""
    ctx.obj = AppContext(config_option=config_option, db_option=db_option)


for _module, _name in COMMANDS:
    cli.add_command(getattr(importlib.import_module(_module), _name))


def main() -> None:
    cli(prog_name="claimwatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
