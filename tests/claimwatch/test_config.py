"""Config validation: one line naming file, key and problem; exit 2; no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from claimwatch.config import ConfigError, documented_keys, load_config, parse_interval
from claimwatch.example_config import EXAMPLE_CONFIG

BAD_CONFIGS = [
    ("[crawl]\nfoo = 1\n", "crawl.foo: unknown key"),
    ("[crawl]\ndelay = 'slow'\n", "crawl.delay: Input should be a valid number"),
    (
        '[[outlets]]\nname = "x"\nfeeds = ["ftp://example.org/feed"]\n',
        "outlets[0] (x).feeds: bad URL",
    ),
    ('[[outlets]]\nname = "x"\nevery = "often"\n', "outlets[0] (x).every: bad interval 'often'"),
    ("[crawl\n", "TOML syntax error"),
    ('[digest]\nevery = "someday"\n', "digest.every: bad weekly time"),
    ('[[outlets]]\nname = "x"\narticle_pattern = "("\n', "article_pattern: bad regular expression"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_CONFIGS)
def test_bad_config_is_one_line_exit_2(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "claimwatch.toml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "init"])
    assert result.exit_code == 2
    lines = (
        result.stderr.strip().splitlines() if result.stderr else result.output.strip().splitlines()
    )
    error_line = [line for line in lines if line.startswith("Error:")]
    assert len(error_line) == 1
    assert str(path) in error_line[0]
    assert expected in error_line[0]
    assert "Traceback" not in result.output


def test_missing_config_named_explicitly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_env_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[database]\npath = "from-config.db"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMWATCH_CONFIG", str(path))
    config = load_config()
    assert config.database_path() == tmp_path / "from-config.db"
    monkeypatch.setenv("CLAIMWATCH_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()


def test_init_writes_valid_commented_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "claimwatch.toml").read_text(encoding="utf-8")
    assert text == EXAMPLE_CONFIG and "#" in text
    assert (tmp_path / "claimwatch.db").exists()
    assert load_config(tmp_path / "claimwatch.toml").outlets[0].name == "example-wire"


def test_example_config_mentions_every_key() -> None:
    for dotted in documented_keys():
        leaf = dotted.split(".")[-1]
        assert (
            f"{leaf} =" in EXAMPLE_CONFIG
            or f"{leaf} = {{" in EXAMPLE_CONFIG
            or leaf in {"username", "password", "sender", "starttls"}
        ), dotted


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("1h", 3600), ("2s", 2), ("1.5d", 129600)]
)
def test_parse_interval(text: str, seconds: int) -> None:
    assert parse_interval(text).total_seconds() == seconds
