"""pyproject.toml lists every package explicitly; a new package folder fails here until it is."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOP = ("claimwatch", "crawler", "tracker", "schedules", "db")


def test_every_package_folder_is_listed() -> None:
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in TOP
        for init in (REPO / top).rglob("__init__.py")
    }
    assert found == listed
