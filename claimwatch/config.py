"""Load and validate ``claimwatch.toml``.

Every setting is declared once below, with its default and help text; pydantic does
the checking. Errors become :class:`ConfigError` with one line naming the file, the
key and the problem, which the CLI prints (exit 2).
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_CONFIG = "claimwatch.toml"
DEFAULT_DB = "claimwatch.db"

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_INTERVAL_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_WEEKLY = re.compile(r"^\s*(mon|tue|wed|thu|fri|sat|sun)\s+([01]?\d|2[0-3]):([0-5]\d)\s*$", re.I)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is one actionable line."""


def parse_interval(text: str) -> timedelta:
    """'30m', '1h', '2d', '90s', '1w' -> timedelta; raises ValueError otherwise."""
    match = _INTERVAL.match(str(text))
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"bad interval {text!r}: use a number and s, m, h, d or w, e.g. '30m'")
    return timedelta(seconds=float(match.group(1)) * _INTERVAL_SECONDS[match.group(2)])


def parse_weekly(text: str) -> tuple[str, int, int]:
    """'mon 07:00' -> ('mon', 7, 0); raises ValueError otherwise."""
    match = _WEEKLY.match(str(text))
    if not match:
        raise ValueError(f"bad weekly time {text!r}: use a weekday and HH:MM, e.g. 'mon 07:00'")
    return match.group(1).lower(), int(match.group(2)), int(match.group(3))


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"bad URL {url!r}: must start with http:// or https:// and name a host")
    return url


HttpUrl = Annotated[str, Field(min_length=1)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class DatabaseConfig(_Section):
    path: str = Field(DEFAULT_DB, description="SQLite file holding articles, claims and flags")


class CrawlConfig(_Section):
    user_agent: str = Field(
        "claimwatch/0.1 (+https://example.org/contact)", description="User-Agent header sent"
    )
    obey_robots: bool = Field(True, description="obey robots.txt")
    delay: float = Field(1.0, ge=0, description="seconds between requests to one site")
    concurrency_per_site: int = Field(2, ge=1, le=64, description="parallel requests per site")
    max_page_bytes: int = Field(10_000_000, gt=0, description="skip pages larger than this")
    allow_private: bool = Field(
        False, description="allow private and loopback addresses (tests, intranets)"
    )
    timeout: float = Field(30.0, gt=0, description="seconds before a request times out")
    max_pages: int = Field(
        0, ge=0, description="stop an outlet's crawl after this many pages (0: no limit)"
    )
    recheck_days: int = Field(
        14, ge=0, description="re-fetch articles younger than this even without a lastmod change"
    )


class OutletConfig(_Section):
    name: str = Field(..., pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="short unique name")
    feeds: list[HttpUrl] = Field(default_factory=list, description="RSS/Atom feed URLs")
    sitemaps: list[HttpUrl] = Field(
        default_factory=list, description="sitemap or sitemap index URLs"
    )
    sections: list[HttpUrl] = Field(default_factory=list, description="section / listing page URLs")
    article_pattern: str = Field(
        "", description="regex on the URL path of article links found in sections"
    )
    language: str = Field("auto", pattern=r"^(auto|en|zh)$", description="auto, en or zh")
    every: str | None = Field(None, description="interval for `schedule run`, e.g. '1h'")

    @field_validator("feeds", "sitemaps", "sections")
    @classmethod
    def _urls(cls, urls: list[str]) -> list[str]:
        return [_check_url(url) for url in urls]

    @field_validator("article_pattern")
    @classmethod
    def _regex(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"bad regular expression: {error}") from None
        return pattern

    @field_validator("every")
    @classmethod
    def _every(cls, every: str | None) -> str | None:
        if every is not None:
            parse_interval(every)
        return every


class DigestConfig(_Section):
    every: str = Field("mon 07:00", description="weekday and time the weekly digest is written")
    output: str = Field("digests/", description="folder for digest files")
    formats: list[str] = Field(default_factory=lambda: ["html", "md"], description="digest formats")
    email: list[str] = Field(default_factory=list, description="recipients of the digest")

    @field_validator("every")
    @classmethod
    def _every(cls, every: str) -> str:
        parse_weekly(every)
        return every

    @field_validator("formats")
    @classmethod
    def _formats(cls, formats: list[str]) -> list[str]:
        allowed = {"md", "html", "json", "csv", "atom"}
        for name in formats:
            if name not in allowed:
                raise ValueError(f"unknown format {name!r}: use {', '.join(sorted(allowed))}")
        return formats


class SmtpConfig(_Section):
    host: str = Field("localhost", description="SMTP server")
    port: int = Field(25, ge=1, le=65535, description="SMTP port")
    username: str = Field("", description="SMTP user (empty: no login)")
    password: str = Field("", description="SMTP password")
    sender: str = Field("claimwatch@localhost", description="From address")
    starttls: bool = Field(False, description="use STARTTLS")


class NotifyConfig(_Section):
    webhook: str = Field("", description="POST new flags as JSON to this URL")
    email: list[str] = Field(default_factory=list, description="recipients of flag mails")
    smtp: SmtpConfig = Field(default_factory=SmtpConfig, description="SMTP settings")

    @field_validator("webhook")
    @classmethod
    def _webhook(cls, url: str) -> str:
        return _check_url(url) if url else url


class ScheduleConfig(_Section):
    crawl_timeout: str = Field("30m", description="kill a scheduled crawl after this long")
    misfire_grace: str = Field("10m", description="run a missed job if it is at most this late")

    @field_validator("crawl_timeout", "misfire_grace")
    @classmethod
    def _interval(cls, value: str) -> str:
        parse_interval(value)
        return value


class DistributedConfig(_Section):
    redis: str = Field("", description="Redis URL for distributed crawls, e.g. redis://host:6379/0")


class Config(_Section):
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    crawl: CrawlConfig = Field(default_factory=CrawlConfig)
    outlets: list[OutletConfig] = Field(default_factory=list)
    digest: DigestConfig = Field(default_factory=DigestConfig)
    notify: NotifyConfig = Field(default_factory=NotifyConfig)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    distributed: DistributedConfig = Field(default_factory=DistributedConfig)

    # Set by load_config: the file this came from (None for defaults).
    source_path: Path | None = Field(None, exclude=True)

    @field_validator("outlets")
    @classmethod
    def _unique_names(cls, outlets: list[OutletConfig]) -> list[OutletConfig]:
        seen: set[str] = set()
        for outlet in outlets:
            if outlet.name in seen:
                raise ValueError(f"outlet name {outlet.name!r} is used twice")
            seen.add(outlet.name)
        return outlets

    def outlet(self, name: str) -> OutletConfig:
        for outlet in self.outlets:
            if outlet.name == name:
                return outlet
        known = ", ".join(o.name for o in self.outlets) or "none configured"
        raise ConfigError(
            f"{self.source_path or DEFAULT_CONFIG}: no outlet named {name!r} (known: {known})"
        )

    def database_path(self) -> Path:
        """The database path; a relative path is relative to the config file's folder."""
        path = Path(self.database.path)
        if not path.is_absolute() and self.source_path is not None:
            path = self.source_path.parent / path
        return path


def _format_location(loc: tuple[Any, ...], data: dict[str, Any]) -> str:
    parts: list[str] = []
    for index, item in enumerate(loc):
        if isinstance(item, int) and index > 0 and loc[index - 1] == "outlets":
            name = ""
            try:
                name = data["outlets"][item].get("name", "")
            except (KeyError, IndexError, AttributeError, TypeError):
                pass
            parts[-1] = f"outlets[{item}]" + (f" ({name})" if name else "")
        elif isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item}]"
        else:
            parts.append(str(item))
    return ".".join(parts) or "(top level)"


def _describe(error: dict[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse_config(data: dict[str, Any], source: Path | str = DEFAULT_CONFIG) -> Config:
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = _format_location(tuple(first["loc"]), data)
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise ConfigError(f"{source}: {where}: {_describe(first)}{more}") from None
    config.source_path = Path(source)
    return config


def load_config(path: str | Path | None = None, *, required: bool = False) -> Config:
    """Read the config named by ``path``, $CLAIMWATCH_CONFIG or ./claimwatch.toml.

    A missing default file gives the built-in defaults; a missing file that was asked
    for explicitly (option or environment) or ``required`` is an error.
    """
    explicit = path is not None or bool(os.environ.get("CLAIMWATCH_CONFIG"))
    path = Path(path or os.environ.get("CLAIMWATCH_CONFIG") or DEFAULT_CONFIG)
    if not path.exists():
        if explicit or required:
            raise ConfigError(f"{path}: config file not found (create one with 'claimwatch init')")
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: TOML syntax error: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    return parse_config(data, path)


def resolve_db_path(config: Config, db_option: str | None = None) -> Path:
    """--db, then $CLAIMWATCH_DB, then the config's [database] path."""
    if db_option:
        return Path(db_option)
    if os.environ.get("CLAIMWATCH_DB"):
        return Path(os.environ["CLAIMWATCH_DB"])
    return config.database_path()


def documented_keys() -> dict[str, str]:
    """Every config key (dotted) with its help text, for docs and the docs test."""
    keys: dict[str, str] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            if name == "source_path":
                continue
            annotation = field.annotation
            dotted = f"{prefix}{name}"
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, dotted + ".")
            elif name == "outlets":
                walk(OutletConfig, "outlets.")
            else:
                keys[dotted] = field.description or ""

    walk(Config, "")
    return keys
