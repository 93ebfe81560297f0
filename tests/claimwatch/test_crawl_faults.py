"""Every loss recorded (issue 18): pages lost to redirect loops, redirect chains beyond the
limit, bodies past ``max_page_bytes`` once decompressed, or a host that does not resolve are
errors of the run, one line each, no traceback, and the crawl exits 1."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.claimwatch.page_server import Page, article, feed, redirect, serve_pages, write_config
from tests.claimwatch.test_crawl import REPO, _rows, run_crawl

TEXT = (
    "The harbour authority said container traffic rose {n}% in October 2025.\n"
    "Officials said the new terminal would open next spring after a delay of two months.\n"
    "Harbour pilots handled 1,200 ship movements, the authority's monthly report showed."
)
MAX_PAGE_BYTES = 200_000


def _config(path: Path, base: str, outlet: str = "wire") -> Path:
    return write_config(
        path, {outlet: {"feeds": [f"{base}/feed.xml"]}}, max_page_bytes=MAX_PAGE_BYTES
    )


def _bomb() -> Page:
    """A small gzip body that unpacks to 50 times max_page_bytes."""
    html = b"<html><body><p>" + b"0" * (MAX_PAGE_BYTES * 50) + b"</p></body></html>"
    return Page(
        gzip.compress(html, 9),
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )


LOST = {
    "/2025/11/04/loop-a": "redirect loop",
    "/2025/11/04/chain-0": "too many redirects",
    "/2025/11/04/bomb": "larger than max_page_bytes once decompressed",
    "/2025/11/04/missing": "HTTP 404",
}


def _pages() -> dict[str, Page | str]:
    pages: dict[str, Page | str] = {
        "/feed.xml": feed("/2025/11/04/good-1", "/2025/11/04/good-2", *LOST),
        "/2025/11/04/good-1": article("Good one", TEXT.format(n=3)),
        "/2025/11/04/good-2": article("Good two", TEXT.format(n=4)),
        "/2025/11/04/loop-a": redirect("/2025/11/04/loop-b"),
        "/2025/11/04/loop-b": redirect("/2025/11/04/loop-a"),
        "/2025/11/04/bomb": _bomb(),
    }
    for n in range(12):  # a chain of 12 redirects; the limit is 5
        pages[f"/2025/11/04/chain-{n}"] = redirect(f"/2025/11/04/chain-{n + 1}")
    pages["/2025/11/04/chain-12"] = article("End of the chain", TEXT.format(n=5))
    return pages


def test_lost_pages_are_errors_of_the_run(tmp_path: Path) -> None:
    with serve_pages(_pages()) as site:
        config = _config(tmp_path / "claimwatch.toml", site.base)
        done = run_crawl(config, "--quiet")
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    (run,) = _rows(tmp_path / "claimwatch.db", "SELECT * FROM runs")
    assert (run["status"], run["articles_new"], run["errors"]) == ("ok", 2, len(LOST))
    log = json.loads(run["error_log"])
    for path, reason in LOST.items():
        (line,) = [line for line in log if line.startswith(f"{site.base}{path}: ")]
        assert reason in line
        failed = [line for line in done.stderr.splitlines() if f"{site.base}{path}" in line]
        assert len(failed) == 1 and "failed" in failed[0], failed  # one line per lost URL


SITECUSTOMIZE = """
import socket

_real = socket.getaddrinfo


def getaddrinfo(host, *args, **kwargs):
    # This test's stand-in for a DNS server that has no such name (no query leaves the host).
    name = host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)
    if name.endswith(".invalid"):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _real(host, *args, **kwargs)


socket.getaddrinfo = getaddrinfo
"""


def test_a_host_that_does_not_resolve_is_one_line(tmp_path: Path) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    config = _config(tmp_path / "claimwatch.toml", "http://news.nowhere.invalid", "nowhere")
    env = {**os.environ, "PYTHONPATH": f"{shim}{os.pathsep}{REPO}"}
    env.pop("CLAIMWATCH_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "claimwatch", "--config", str(config), "crawl"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["Error: 1 pages failed (see 'claimwatch runs')"]
    errors = [line for line in done.stdout.splitlines() if "nowhere.invalid" in line]
    assert "DNS lookup failed" in " ".join(errors) and "Traceback" not in done.stdout
    (run,) = _rows(tmp_path / "claimwatch.db", "SELECT status, errors FROM runs")
    assert run == {"status": "failed", "errors": 1}
