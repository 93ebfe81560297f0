"""``claimwatch serve``: browse the database in Datasette, read-only, with our metadata.

Datasette opens the file with ``mode=ro`` (or ``immutable=1`` with ``--immutable``),
so nothing served can write; the metadata in ``db/datasette/metadata.yml`` describes
tables and columns, sets facets and full-text search, and adds canned queries. The
plugin in ``claimwatch/datasette_plugin.py`` shows figures and keys as people write them,
and ``db/datasette/templates/`` puts the column descriptions, collapsed, under each table.
"""

from __future__ import annotations

import socket
from importlib import resources
from pathlib import Path
from typing import Any

import click
import yaml

from claimwatch.context import AppContext, pass_app
from claimwatch.errors import UsageError
from db.schema import connect

DATABASE_NAME = "claimwatch"  # the name in URLs and in metadata.yml, whatever the file is called
SETTINGS = {
    "default_page_size": 50,
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
}


def datasette_metadata() -> dict[str, Any]:
    """The bundled metadata (descriptions, facets, full-text search, canned queries)."""
    text = resources.files("db").joinpath("datasette/metadata.yml").read_text(encoding="utf-8")
    metadata: dict[str, Any] = yaml.safe_load(text)
    return metadata


def build_app(path: Path, *, immutable: bool = False) -> Any:
    """A Datasette ASGI app serving ``path`` read-only as /claimwatch."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from claimwatch import datasette_plugin

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="claimwatch")
    templates = resources.files("db").joinpath("datasette/templates")
    datasette = Datasette(
        metadata=datasette_metadata(), settings=SETTINGS, template_dir=str(templates)
    )
    datasette.remove_database("_memory")
    datasette.add_database(
        Database(datasette, path=str(path), is_mutable=not immutable), name=DATABASE_NAME
    )
    return datasette.app()


def _check_port(host: str, port: int) -> None:
    """A port already taken (or an address not on this machine) is a usage error, exit 2."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


@click.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 makes it reachable from other machines).",
)
@click.option(
    "--immutable",
    is_flag=True,
    help="Treat the file as a snapshot that cannot change (faster; misses later crawls).",
)
@pass_app
def serve(app: AppContext, port: int, host: str, immutable: bool) -> None:
    """Browse claims, sources, articles and flags in Datasette (read-only), with canned queries.

    Example: claimwatch serve --port 8001   (then open http://127.0.0.1:8001/claimwatch)
    """
    import uvicorn

    path = app.db_path
    connect(path, create=False, readonly=True).close()  # missing or unreadable: exit 2 now
    try:
        asgi = build_app(path, immutable=immutable)
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot serve {path}: {error}") from None
    _check_port(host, port)
    click.echo(f"serving {path} read-only at http://{host}:{port}/{DATABASE_NAME} (Ctrl-C stops)")
    uvicorn.run(asgi, host=host, port=port, log_level="warning", lifespan="on")
