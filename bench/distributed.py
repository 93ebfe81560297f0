"""Pages per second of a distributed crawl with 1 and 2 workers on this machine.

A generated site of ``--pages`` articles (plus its feed, sitemap and section pages) is served
on 127.0.0.1, each article answered after ``--latency`` seconds, as a remote site would.
For 1 and then 2 workers: start the worker processes (``claimwatch crawl --distributed``),
wait until all have registered in Redis, ``enqueue`` the outlet and time until every article
is on the item list; pages/s counts every page the site served. The 1-worker figure is the
baseline of the ratio. Each worker keeps its per-site concurrency (``--concurrency``), so
workers add crawl capacity the way extra machines would; on this 2-core machine the workers
also share the CPU with the site. Usage::

    python bench/distributed.py [--pages 400] [--latency 0.2] [--concurrency 4]
        [--redis redis://127.0.0.1:6379/15]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import redis  # noqa: E402

from crawler.distributed import RedisKeys  # noqa: E402
from crawler.distributed.seed import enqueue_outlet  # noqa: E402
from tests.crawler.distributed_site import redis_prefix, serve_site, write_config  # noqa: E402


def crawl_once(workers: int, args: argparse.Namespace, folder: Path) -> tuple[float, int]:
    """(seconds from enqueue to the last article queued, pages served) with ``workers``."""
    with serve_site(args.pages, delay=args.latency) as site:
        with redis_prefix(args.redis, f"bench{workers}") as prefix:
            config = write_config(
                folder / f"bench-{workers}.toml", site, concurrency=args.concurrency
            )
            keys = RedisKeys(prefix)
            server = redis.Redis.from_url(args.redis)
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            command = [sys.executable, "-m", "claimwatch", "--config", str(config)]
            command += ["crawl", "--distributed", f"{args.redis}#{prefix}", "--quiet"]
            processes = [
                subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
                for _ in range(workers)
            ]  # fmt: skip
            try:
                deadline = time.monotonic() + 60
                while server.scard(keys.workers) < workers:
                    if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                        raise SystemExit("workers did not start")
                    time.sleep(0.05)
                started = time.monotonic()
                enqueue_outlet(server, keys, site.outlet())
                while server.llen(keys.items) < args.pages:
                    if time.monotonic() - started > args.timeout:
                        raise SystemExit(f"timed out with {server.llen(keys.items)} articles")
                    time.sleep(0.01)
                elapsed = time.monotonic() - started
            finally:
                for process in processes:
                    process.send_signal(signal.SIGTERM)
                for process in processes:
                    process.wait(timeout=60)
                server.close()
            return elapsed, sum(site.hits.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="articles on the site")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per article answer")
    parser.add_argument("--concurrency", type=int, default=4, help="per-site requests per worker")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    print(
        f"site: {args.pages} articles, {args.latency * 1000:.0f} ms per article, "
        f"{args.concurrency} concurrent requests per worker; {os.cpu_count()} CPUs"
    )
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for workers in (1, 2):
            elapsed, pages = crawl_once(workers, args, Path(folder))
            rates[workers] = pages / elapsed
            print(f"{workers} worker{'s' if workers > 1 else ' '}: {pages} pages in {elapsed:6.2f} s "
                  f"= {rates[workers]:7.1f} pages/s")  # fmt: skip
    print(f"ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
