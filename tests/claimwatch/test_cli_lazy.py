"""The command line imports a command only when it runs; --help lists each command's own summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from claimwatch.cli import COMMANDS, cli

REPO = Path(__file__).resolve().parents[2]


def test_each_listed_summary_is_the_commands_own() -> None:
    context = click.Context(cli)
    for name, (_, _, summary) in COMMANDS.items():
        command = cli.get_command(context, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(limit=1000) == summary, name


def test_help_and_version_import_no_command_and_no_heavy_library() -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['claimwatch', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('claimwatch', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('claimwatch.commands', 'scrapy', 'trafilatura', 'datasette', 'sqlite_utils',"
        " 'pydantic', 'rich', 'tracker', 'crawler')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    for option in ("--help", "--version"):
        result = subprocess.run(
            [sys.executable, "-c", probe, option], capture_output=True, text=True, cwd=REPO
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "[]", (option, result.stdout)


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["clams"])
    assert result.exit_code == 2
    assert "No such command 'clams'" in result.output


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line]
    assert listed == sorted(COMMANDS)
