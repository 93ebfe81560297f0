"""The ``claimwatch`` command line: a thin click layer over plain functions.

Each command lives in ``claimwatch/commands/<name>.py`` and is imported only when it is
invoked (click's lazy group pattern): ``claimwatch --help`` and ``--version`` load no
Scrapy, trafilatura or Datasette. The one-line summaries ``--help`` lists are kept here
(a test checks that each equals its command's own). Typed errors from the library become
one line on stderr: exit 2 for usage and configuration mistakes, 1 for failures in the work.
"""

from __future__ import annotations

import importlib
import sqlite3

import click

from claimwatch.errors import WorkFailed

# name -> (module, attribute, the summary --help lists)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("claimwatch.commands.init", "init", "Write a commented claimwatch.toml and create the database it names."),
    "extract": ("claimwatch.commands.extract", "extract", "Print the sources and claims of article pages (.html) or texts (.txt, - for stdin)."),
    "crawl": ("claimwatch.commands.crawl", "crawl", "Crawl the configured outlets (all, or those named), store articles and track them."),
    "enqueue": ("claimwatch.commands.distributed", "enqueue", "Queue the outlets' feeds, sitemaps and sections (all outlets, or those named) for the distributed crawl workers."),
    "ingest": ("claimwatch.commands.distributed", "ingest", "Store the workers' articles in the database as versions and track them (the single writer)."),
    "demo": ("claimwatch.commands.demo", "demo", "Crawl a bundled sample news site on 127.0.0.1 and print the figures and sources found."),
    "claims": ("claimwatch.commands.query", "claims", "Numeric claims: who said which number, where and when (newest first)."),
    "sources": ("claimwatch.commands.query", "sources", "Named sources with their claim and article counts, first and last seen."),
    "articles": ("claimwatch.commands.query", "articles", "Stored articles with their version and claim counts (newest first)."),
    "runs": ("claimwatch.commands.query", "runs", "Crawl runs with their page, article and error counts (newest first)."),
    "track": ("claimwatch.commands.track", "track", "Track stored versions not tracked yet: sources, claims and flags."),
    "retrack": ("claimwatch.commands.track", "retrack", "Re-run the tracker over tracked versions, replacing their claims; writes no flags."),
    "flags": ("claimwatch.commands.flags", "flags", "Show flagged figures: old and new value with units, source, both articles and sentences."),
    "schedule": ("claimwatch.commands.schedule", "schedule", "Crawl outlets on a timetable and deliver the flags they raise."),
    "check": ("claimwatch.commands.check", "check", "Check the database: file structure, references, claim offsets, flags, full-text indexes."),
    "serve": ("claimwatch.commands.serve", "serve", "Browse claims, sources, articles and flags in Datasette (read-only), with canned queries."),
    "digest": ("claimwatch.commands.digest", "digest", "Report changed and new figures, quoted sources and crawl health for a week."),
}  # fmt: skip


class ClaimwatchGroup(click.Group):
    """Imports a command when it is invoked; turns typed library errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the summaries above, without importing any command."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        from claimwatch.context import usage_errors  # loads config and db: not needed for --help

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
    from claimwatch.context import AppContext

    ctx.obj = AppContext(config_option=config_option, db_option=db_option)


def main() -> None:
    cli(prog_name="claimwatch")


if __name__ == "__main__":  # pragma: no cover
    main()
