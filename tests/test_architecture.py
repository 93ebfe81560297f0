"""The layers of ARCHITECTURE.md import only downwards (and crawler/tracker never each other)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# package -> packages of ours it may import
ALLOWED = {
    "db": {"db"},
    "tracker": {"tracker", "db"},
    "crawler": {"crawler", "db"},
    "schedules": {"schedules", "crawler", "tracker", "db"},
    "claimwatch": {"claimwatch", "schedules", "crawler", "tracker", "db"},
}
OURS = set(ALLOWED)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_layer_imports_only_downwards(package: str) -> None:
    offenders = []
    for path in sorted((REPO / package).rglob("*.py")):
        bad = _imports(path) - ALLOWED[package]
        if bad:
            offenders.append(f"{path.relative_to(REPO)} imports {sorted(bad)}")
    assert not offenders, "layer violations:\n" + "\n".join(offenders)


def test_tracker_core_does_no_database_io() -> None:
    """Only tracker/tracking/ingest.py may reach db/; the rest of tracker/ is pure text processing."""
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "tracker").rglob("*.py"))
        if path.name != "ingest.py" and "db" in _imports(path)
    ]
    assert not offenders


def test_sql_lives_in_db() -> None:
    """No SQL statements outside db/ (ARCHITECTURE.md: every SQL statement lives in db/)."""
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offenders = []
    for package in OURS - {"db"}:
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.upper()
                    if any(text.lstrip().startswith(k) for k in keywords):
                        offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, "SQL outside db/: " + ", ".join(offenders)
