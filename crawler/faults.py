"""Scrapy's own log lines for faults the spider already records: one line per failed URL.

A host that does not resolve made Scrapy log the robots.txt download failure with its full
traceback (about 75 lines) and a "Gave up retrying" line, beside the spider's own
``failed URL: reason`` line and the run's error log. The give-up line is demoted by the
``RETRY_GIVE_UP_LOG_LEVEL`` setting; this extension demotes to DEBUG, without a traceback,
the robots.txt download error (the requests it was fetched for fail, and are recorded, on
their own) and the notice of a body too large once decompressed (recorded by the spider's
errback). Errors in claimwatch's code still log their tracebacks.
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler

# logger name -> start of the messages the spider records itself
RECORDED = {
    "scrapy.downloadermiddlewares.robotstxt": "Error downloading",
    "scrapy.downloadermiddlewares.httpcompression": "Ignored response",
}


class _Demote(logging.Filter):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(self.prefix):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            record.exc_info, record.exc_text = None, None
        return True


class QuietKnownFaults:
    """Installs the filters for the length of a crawl."""

    def __init__(self) -> None:
        self.filters = {name: _Demote(prefix) for name, prefix in RECORDED.items()}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls()
        for name, log_filter in extension.filters.items():
            logging.getLogger(name).addFilter(log_filter)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self) -> None:
        for name, log_filter in self.filters.items():
            logging.getLogger(name).removeFilter(log_filter)
