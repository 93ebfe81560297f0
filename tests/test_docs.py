"""The README documents every command and every config key (a new one fails here until it is)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import click.testing
import pytest

from claimwatch.cli import cli
from claimwatch.config import documented_keys

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    context = click.Context(group)
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        paths.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, f"{prefix}{name} "))
    return paths


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_command_is_documented_with_an_example(command: str) -> None:
    top = command.split()[0]
    assert re.search(rf"^### `?claimwatch {re.escape(top)}\b", README, re.M), (
        f"README has no '### claimwatch {top}' section"
    )
    assert f"claimwatch {command}" in README, f"README shows no example of 'claimwatch {command}'"


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_command_has_help(command: str) -> None:
    result = click.testing.CliRunner().invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.parametrize("key", sorted(documented_keys()))
def test_every_config_key_is_documented(key: str) -> None:
    assert f"`{key}`" in README, f"README's configuration table lacks `{key}`"
