"""Article extraction off the reactor thread: a small pool of worker processes.

Extraction (parsing, trafilatura) is CPU work that would otherwise run between downloads in
Scrapy's single thread. With more than one core, pages are extracted in spawned worker
processes while the reactor keeps downloading and storing; with one core (or
``CLAIMWATCH_EXTRACT_PROCESSES = 0``) extraction stays in-process. One pool serves every
spider of the process and is shut down with the reactor.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract import ExtractionError, extract_article
from crawler.items import Article

_pool: ProcessPoolExecutor | None = None


def default_processes() -> int:
    """One worker per core beyond the reactor's own, at most 4."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def _worker_init(parent: int) -> None:
    # Ctrl-C is for the crawl process, which stops the pool in order. A crawl process killed
    # outright (SIGKILL) cannot: each worker then notices it was orphaned and exits.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _shared_pool(processes: int) -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        from twisted.internet import reactor

        _pool = ProcessPoolExecutor(
            max_workers=processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_init,
            initargs=(os.getpid(),),
        )
        reactor.addSystemEventTrigger("before", "shutdown", shutdown)  # type: ignore[attr-defined,arg-type]
    return _pool


def shutdown() -> None:
    """Stop the workers; pages still queued are dropped (the next crawl fetches them)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


async def extract_in_pool(
    body: bytes, *, url: str, content_type: str | None, processes: int
) -> Article:
    """``extract_article`` in a worker process (or inline when ``processes`` is 0)."""
    if processes <= 0:
        return extract_article(body, url=url, content_type=content_type)
    future = _shared_pool(processes).submit(
        extract_article, body, url=url, content_type=content_type
    )
    try:
        return await asyncio.wrap_future(future)
    except BrokenProcessPool as error:
        raise ExtractionError(f"extraction worker died ({error})") from None
