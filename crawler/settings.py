"""Scrapy settings for claimwatch crawls: polite defaults, overridden from claimwatch.toml.

The module-level names are what ``scrapy list`` / ``scrapy crawl`` read (scrapy.cfg);
:func:`crawl_settings` maps the ``[crawl]`` section of the config onto them for
``claimwatch crawl``.
"""

from __future__ import annotations

from typing import Any

from crawler.workers import default_processes

BOT_NAME = "claimwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "claimwatch/0.1 (+https://example.org/contact)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_MAXSIZE = 10_000_000
DOWNLOAD_WARNSIZE = 0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_FAIL_ON_DATALOSS = True
RETRY_TIMES = 1
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the spider's errback logs and records the failure
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
# A page yields at most one article; Scrapy starts this many tasks per callback output, so
# its default of 100 costs more than extraction on a fast site.
CONCURRENT_ITEMS = 8
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy >= 2.19's HTTP control server, off like the telnet console
STATS_DUMP = False
LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {"crawler.middlewares.PrivateAddressGuard": 50}
ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
EXTENSIONS = {"crawler.faults.QuietKnownFaults": 0}

# claimwatch's own settings (read in from_crawler by its components)
CLAIMWATCH_DB = "claimwatch.db"
CLAIMWATCH_RUN_IDS: dict[str, int] = {}  # outlet -> run claimed by `claimwatch crawl`
CLAIMWATCH_ALLOW_PRIVATE = False
CLAIMWATCH_RECHECK_DAYS = 14
CLAIMWATCH_SECTION_PAGES = 20  # pagination depth of a section listing
CLAIMWATCH_EXTRACT_PROCESSES = default_processes()  # extraction workers (0: in-process)


def crawl_settings(
    crawl: dict[str, Any], *, db_path: str, log_level: str = "INFO"
) -> dict[str, Any]:
    """Scrapy settings for one ``claimwatch crawl`` from the config's ``[crawl]`` values."""
    delay = float(crawl.get("delay", DOWNLOAD_DELAY))
    concurrency = int(crawl.get("concurrency_per_site", CONCURRENT_REQUESTS_PER_DOMAIN))
    settings: dict[str, Any] = {
        key: value for key, value in globals().items() if key.isupper() and not key.startswith("_")
    }
    settings.update(
        USER_AGENT=crawl.get("user_agent", USER_AGENT),
        ROBOTSTXT_OBEY=bool(crawl.get("obey_robots", True)),
        DOWNLOAD_DELAY=delay,
        # AutoThrottle only ever slows down from the configured delay; with no delay at all
        # (tests, benchmarks, intranets) there is nothing to adapt.
        AUTOTHROTTLE_ENABLED=delay > 0,
        AUTOTHROTTLE_START_DELAY=max(delay, 0.1),
        AUTOTHROTTLE_TARGET_CONCURRENCY=float(concurrency),
        CONCURRENT_REQUESTS_PER_DOMAIN=concurrency,
        CONCURRENT_REQUESTS=max(16, concurrency * 4),
        DOWNLOAD_MAXSIZE=int(crawl.get("max_page_bytes", DOWNLOAD_MAXSIZE)),
        DOWNLOAD_TIMEOUT=float(crawl.get("timeout", DOWNLOAD_TIMEOUT)),
        CLOSESPIDER_PAGECOUNT=int(crawl.get("max_pages", 0)),
        CLAIMWATCH_ALLOW_PRIVATE=bool(crawl.get("allow_private", False)),
        CLAIMWATCH_RECHECK_DAYS=int(crawl.get("recheck_days", CLAIMWATCH_RECHECK_DAYS)),
        CLAIMWATCH_DB=db_path,
        LOG_LEVEL=log_level,
    )
    return settings
