"""A plain ``pip install`` works with the pip the interpreter bundles (no upgrade).

pip before 24 ignores the extras of a dependency's dependency (justext's
``lxml[html_clean]``), so every command that reads a page crashed on import until
pyproject.toml declared ``lxml_html_clean`` itself. This test makes a fresh venv with
``python -m venv`` (ensurepip's pip), installs the working tree into it, and runs
``claimwatch --version``, an ``extract`` that imports trafilatura and justext, and the demo
(which needs the package data: demo site, templates).

It installs every dependency (a minute or more), so ``make test`` leaves it out
(marker ``install``); ``make test-install`` and ``.ci/run`` run it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGE = (
    "<html><head><title>Acme results</title></head><body><article><h1>Acme results</h1>"
    "<p>Acme's revenue in the third quarter was $630 million, chief executive Jane Roe said."
    "</p></article></body></html>"
)


def _run(argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(argv)}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    )
    return result


@pytest.mark.install
@pytest.mark.timeout(1200)
def test_installs_with_the_bundled_pip_and_runs(tmp_path: Path) -> None:
    base_python = getattr(sys, "_base_executable", sys.executable)
    venv = tmp_path / "fresh"
    _run([base_python, "-m", "venv", str(venv)], tmp_path, 120)
    pip_version = _run([str(venv / "bin" / "python"), "-m", "pip", "--version"], tmp_path, 60)
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the working tree
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "*.db",
            "*.db-*",
            "__pycache__",
            "test-artifacts",
            "build",
            "*.egg-info",
        ),
    )
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(source)], tmp_path, 1100)

    claimwatch = str(venv / "bin" / "claimwatch")
    version = _run([claimwatch, "--version"], tmp_path, 60)
    assert version.stdout.startswith("claimwatch, version "), version.stdout
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    extracted = _run([claimwatch, "extract", "--format", "json", str(page)], tmp_path, 120)
    assert "630000000" in extracted.stdout.replace(".0", "").replace(",", ""), (
        pip_version.stdout,
        extracted.stdout,
    )
    # The installed package carries its data: the demo site, its update, templates, metadata.
    demo = _run([claimwatch, "demo", "--db", str(tmp_path / "demo.db")], tmp_path, 300)
    assert "flags: 1 changed, 1 new, 2 removed, 2 revised" in demo.stdout, demo.stdout[-2000:]
    digest = _run(
        [claimwatch, "--db", str(tmp_path / "demo.db"), "digest", "--since", "7 days ago",
         "--format", "html"], tmp_path, 120,
    )  # fmt: skip
    assert "<mark>$7.7 billion</mark>" in digest.stdout
