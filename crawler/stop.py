"""Stopping a crawl at once on SIGTERM or Ctrl-C, whatever the delay between requests.

Scrapy's own handlers stop gracefully: no new requests, but every request in flight, and
every request queued behind the download delay, is waited for, which took about 16 times the
crawl delay (the scheduler kills a crawl that has not stopped after 5 s). Here the first
signal starts Scrapy's stop (spiders close, the pipeline closes each run as interrupted) and
gives it :data:`GRACE` seconds; a crawl still stopping then is ended by ``on_deadline``,
which records the runs itself and exits the process: requests in flight are dropped (the
next crawl fetches them). Nothing stored is lost: an article is stored in one transaction.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

logger = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)
GRACE = 1.0  # seconds Scrapy's own stop may take before the crawl is ended outright


@dataclass
class Stop:
    signal: int | None = None  # the signal that stopped the crawl
    timer: threading.Timer | None = field(default=None, repr=False)

    @property
    def requested(self) -> bool:
        return self.signal is not None


def _stop_reactor(signum: int) -> None:
    from twisted.internet import reactor

    logger.warning(
        "%s received: stopping now; requests in flight are dropped",
        signal.Signals(signum).name,
    )
    if reactor.running:  # type: ignore[attr-defined]
        reactor.stop()  # type: ignore[attr-defined]


@contextmanager
def stop_at_once_on_signals(on_deadline: Callable[[], None]) -> Iterator[Stop]:
    """While the block runs Scrapy (``start(install_signal_handlers=False)``), SIGTERM and
    SIGINT stop it; ``on_deadline`` runs (in another thread) if it is still running
    :data:`GRACE` seconds later, and must end the process. A second signal is ignored."""
    from twisted.internet import reactor

    stop = Stop()

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.signal is None:
            stop.signal = signum
            stop.timer = threading.Timer(GRACE, on_deadline)
            stop.timer.daemon = True
            stop.timer.start()
            reactor.callFromThread(_stop_reactor, signum)  # type: ignore[attr-defined]

    previous = {sig: signal.signal(sig, handler) for sig in SIGNALS}
    try:
        yield stop
    finally:
        if stop.timer is not None:
            stop.timer.cancel()
        for sig, old in previous.items():
            signal.signal(sig, old)
