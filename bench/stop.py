"""Stopping a crawl: seconds from SIGTERM to exit, ``claimwatch crawl`` vs Scrapy's own stop.

A site on 127.0.0.1 lists three articles; the second answers only after ``--stuck`` seconds (a
slow or hung server). Once the crawl has stored the first and asked for the second, it gets
SIGTERM. The baseline, measured in the same run, is the same spider run by ``scrapy crawl``
with Scrapy's signal handling (a graceful stop, which waits for requests in flight). Target:
``claimwatch crawl`` ends within 2 s whatever the delay and however long the page would take.

Usage: python bench/stop.py [--delay 2] [--stuck 15]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT = "<p>The council said bus ridership rose {n}% in October 2025, the fastest rise in years.</p>"


def _serve(stuck: float) -> tuple[ThreadingHTTPServer, list[str]]:
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(
                    f"<item><title>{n}</title><link>{base}/2025/11/04/story-{n}</link></item>"
                    for n in range(3)
                )
                body = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
                kind = "application/rss+xml"
            else:
                if self.path.endswith("story-1"):
                    time.sleep(stuck)
                n = self.path[-1]
                body = (
                    f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}"
                    f"</h1>{TEXT.format(n=n) * 4}</article></body></html>"
                )
                kind = "text/html"
            data = body.encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, requests


def _stop_seconds(argv: list[str], cwd: Path, db: Path, requests: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CLAIMWATCH_DB", None)
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not (any(path.endswith("story-1") for path in requests) and _versions(db) >= 1):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the crawl never reached the stuck page: {argv}")
        time.sleep(0.05)
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=600)
    return time.monotonic() - sent


def _versions(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=2.0, help="crawl delay, seconds")
    parser.add_argument("--stuck", type=float, default=15.0, help="the slow page's wait, seconds")
    args = parser.parse_args()
    server, requests = _serve(args.stuck)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    outlet = {"name": "wire", "feeds": [f"{base}/feed.xml"]}
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in ("scrapy crawl (graceful stop)", "claimwatch crawl"):
            work = Path(folder) / name.split()[0]
            work.mkdir()
            db = work / "claimwatch.db"
            (work / "claimwatch.toml").write_text(
                f'[database]\npath = "claimwatch.db"\n[crawl]\ndelay = {args.delay}\n'
                f"obey_robots = false\nallow_private = true\ntimeout = {args.stuck + 30}\n"
                f'[[outlets]]\nname = "wire"\nfeeds = ["{base}/feed.xml"]\n',
                encoding="utf-8",
            )
            if name.startswith("scrapy"):
                sys.path.insert(0, str(REPO))
                from db.schema import connect  # the spider expects the database to exist

                connect(db).close()
                argv = [
                    sys.executable, "-m", "scrapy.cmdline", "crawl", "outlet",
                    "-a", f"outlet={json.dumps(outlet)}", "-s", f"CLAIMWATCH_DB={db}",
                    "-s", f"DOWNLOAD_DELAY={args.delay}", "-s", "ROBOTSTXT_OBEY=False",
                    "-s", "CLAIMWATCH_ALLOW_PRIVATE=True",
                    "-s", f"DOWNLOAD_TIMEOUT={args.stuck + 30}",
                ]  # fmt: skip
                cwd = REPO
            else:
                argv = [sys.executable, "-m", "claimwatch", "crawl", "--quiet"]
                cwd = work
            requests.clear()
            results[name] = _stop_seconds(argv, cwd, db, requests)
    server.shutdown()
    print(f"crawl delay {args.delay:g} s; a page in flight that answers after {args.stuck:g} s")
    baseline = results["scrapy crawl (graceful stop)"]
    for name, seconds in results.items():
        print(f"{name:30s} stopped {seconds:6.2f} s after SIGTERM")
    ours = results["claimwatch crawl"]
    print(f"ratio claimwatch / scrapy: {ours / baseline:.2f}; target: claimwatch <= 2 s: "
          f"{'met' if ours <= 2 else 'missed'}")  # fmt: skip


if __name__ == "__main__":
    main()
