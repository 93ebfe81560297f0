"""Running a socketserver on 127.0.0.1 in a background thread for the length of a test."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

Server = TypeVar("Server", bound=socketserver.BaseServer)


@contextmanager
def running(server: Server) -> Iterator[Server]:
    """Serve ``server`` from a daemon thread; shut it down and close it afterwards."""
    if isinstance(server, socketserver.ThreadingMixIn):
        server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
