"""What every command shares: the chosen config file and database, loaded lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click
import sqlite_utils

from claimwatch.config import Config, ConfigError, load_config, resolve_db_path
from claimwatch.errors import UsageError
from db.schema import DatabaseError, connect, refuse_if_not_ours


@dataclass
class AppContext:
    config_option: str | None = None
    db_option: str | None = None
    _config: Config | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_option)
        return self._config

    @property
    def db_path(self) -> Path:
        return resolve_db_path(self.config, self.db_option)

    def open_db(self, *, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
        return connect(self.db_path, create=create, readonly=readonly)

    def check_db(self) -> None:
        """Refuse a database file that is not claimwatch's, without opening it for writing
        (commands that only keep files beside it, like the scheduler's job store)."""
        refuse_if_not_ours(self.db_path, create=True)


pass_app = click.make_pass_decorator(AppContext, ensure=True)


def usage_errors() -> tuple[type[Exception], ...]:
    """Exceptions that mean a user mistake: printed as one line, exit 2."""
    return (ConfigError, DatabaseError, UsageError)
