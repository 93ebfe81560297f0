"""One generic spider for every outlet: its feeds, sitemaps and sections are data.

Start URLs come from the outlet's config. Every article URL is cleaned of tracking
parameters before it is requested, so an article reached by several routes is fetched
once. Articles already stored are re-fetched on an age ladder (see :func:`due`) with a
conditional GET; failures are counted per run and logged with the URL, never fatal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Self

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import Link, parse_feed, parse_sitemap, section_links, sitemap_body
from crawler.extract import ExtractionError
from crawler.items import Article, NotModified
from crawler.middlewares import AddressRefused
from crawler.urls import clean_url, host_of, is_http_url, origin, same_site
from crawler.workers import extract_in_pool
from db.schema import connect
from db.store import known_articles

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_LOGGED_ERRORS = 200


def _age_days(moment: str | None, now: datetime) -> float | None:
    if not moment:
        return None
    try:
        value = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (now - value).total_seconds() / 86400


def due(
    known: dict[str, Any] | None, lastmod: str | None, *, recheck_days: int, now: datetime
) -> bool:
    """Whether a known article should be fetched again in this crawl.

    Never fetched: yes. The source says it changed since our last fetch: yes. Otherwise by
    age: under 2 days old every crawl; under ``recheck_days`` once a day; older never.
    """
    if known is None or not known.get("last_fetched"):
        return True
    since_fetch = _age_days(known["last_fetched"], now) or 0.0
    if lastmod:
        # The source says when the page last changed: newer than what we stored, or (when we
        # stored none) than our last fetch, means it is worth fetching again.
        stored = known.get("lastmod")
        if stored and lastmod[:19] > stored[:19]:
            return True
        changed_after = _age_days(lastmod, now)
        if not stored and changed_after is not None and changed_after < since_fetch:
            return True
    age = _age_days(known.get("published"), now)
    if age is None:
        return since_fetch >= 1
    if age < 2:
        return True
    return age < recheck_days and since_fetch >= 1


class OutletSpider(scrapy.Spider):
    """Crawl one outlet: ``scrapy crawl outlet -a outlet='{"name": ..., "feeds": [...]}'``."""

    name = "outlet"

    def __init__(self, outlet: dict[str, Any] | str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        config = json.loads(outlet) if isinstance(outlet, str) else dict(outlet or {})
        self.outlet: dict[str, Any] = config
        self.outlet_name: str = config.get("name", "outlet")
        start = [*config.get("feeds", []), *config.get("sitemaps", []), *config.get("sections", [])]
        self.hosts = {host_of(url).removeprefix("www.") for url in start if is_http_url(url)}
        self.origins = {origin(url) for url in start if is_http_url(url)}
        self.allowed_domains = sorted(self.hosts)
        self.known: dict[str, dict[str, Any]] = {}
        self.requested: set[str] = set()
        self.skipped: set[str] = set()  # article URLs skipped as fresh in this crawl
        self.lastmods: dict[str, str] = {}  # article URL -> newest listing date seen
        self.section_pages = 0
        self.error_log: list[str] = []
        self.now = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    def request_dropped(self, request: scrapy.Request) -> None:
        """A redirect back to a URL of its own chain is a loop the duplicate filter ends
        silently: a lost page. (A redirect to a page fetched by another route is not.)"""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            self._error(chain[0], f"redirect loop ({' -> '.join([*chain, request.url])})"[:300])

    # --- start ----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        database = connect(self.crawler.settings.get("CLAIMWATCH_DB"))  # type: ignore[union-attr]
        try:
            self.known = known_articles(database, self.outlet_name)
        finally:
            database.close()
        for url in self.outlet.get("feeds", []):
            yield self._request(url, self.parse_feed)
        for url in self.outlet.get("sitemaps", []):
            yield self._request(url, self.parse_sitemap)
        for url in self.outlet.get("sections", []):
            yield self._request(url, self.parse_section)

    def _request(self, url: str, callback: Any, **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            clean_url(url), callback=callback, errback=self.on_error, meta=meta, dont_filter=True
        )

    def _count(self, key: str, amount: int = 1) -> None:
        self.crawler.stats.inc_value(f"claimwatch/{key}", amount)  # type: ignore[union-attr]

    # --- discovery ------------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self._count("pages")
        links = parse_feed(response.body, response.url)
        if not links:
            self._error(response.url, "not an RSS/Atom feed or no entries")
        for link in links:
            yield from self.article_request(link)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self._count("pages")
        max_size = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")  # type: ignore[union-attr]
        try:
            body = sitemap_body(response.body, response.url, max_size)
        except (OSError, ValueError) as error:  # corrupt, or larger than max_page_bytes unpacked
            self._error(response.url, f"bad gzip sitemap ({error})")
            return
        children, links = parse_sitemap(body)
        if not children and not links:
            self._error(response.url, "not a sitemap or no entries")
        for child in children:
            if same_site(child, self.hosts) and child not in self.requested:
                self.requested.add(child)
                yield self._request(child, self.parse_sitemap)
        for link in links:
            yield from self.article_request(link)

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        self._count("pages")
        if not isinstance(response, TextResponse):
            self._error(response.url, "section page is not HTML")
            return
        articles, pages = section_links(
            response.text,
            response.url,
            pattern=self.outlet.get("article_pattern", ""),
            hosts=self.hosts,
        )
        for link in articles:
            yield from self.article_request(link)
        limit = self.crawler.settings.getint("CLAIMWATCH_SECTION_PAGES")  # type: ignore[union-attr]
        for page in pages:
            if page not in self.requested and self.section_pages < limit:
                self.requested.add(page)
                self.section_pages += 1
                yield self._request(page, self.parse_section)

    def article_request(self, link: Link) -> Iterator[scrapy.Request]:
        url = clean_url(link.url)
        if not is_http_url(url):
            return
        if url in self.requested:
            yield from self._listed_again(url, link.lastmod)
            return
        if not same_site(url, self.hosts):
            self._count("offsite_skipped")
            return
        self.requested.add(url)
        if link.lastmod:
            self.lastmods[url] = link.lastmod
        if not due(self.known.get(url), link.lastmod, recheck_days=self._recheck(), now=self.now):
            self.skipped.add(url)
            self._count("articles_skipped_fresh")
            return
        yield self._article_request(url, link.lastmod)

    def _recheck(self) -> int:
        return self.crawler.settings.getint("CLAIMWATCH_RECHECK_DAYS")  # type: ignore[union-attr]

    def _listed_again(self, url: str, lastmod: str | None) -> Iterator[scrapy.Request]:
        """Another listing gives an article already handled in this crawl.

        Listings answer in any order: a feed may give an article without a date after the
        sitemap gave its new lastmod, or before it. A newer date than any seen so far for an
        article skipped as fresh makes it due now (a conditional GET, in this same crawl);
        for one already requested, the newer date is what its response will store.
        """
        if not lastmod:
            return
        previous = self.lastmods.get(url)
        if previous and lastmod[:19] <= previous[:19]:
            return
        self.lastmods[url] = lastmod
        if url in self.skipped and due(
            self.known.get(url), lastmod, recheck_days=self._recheck(), now=self.now
        ):
            self.skipped.discard(url)
            self._count("articles_relisted_newer")
            yield self._article_request(url, lastmod, again=True)

    def _article_request(
        self, url: str, lastmod: str | None, *, again: bool = False
    ) -> scrapy.Request:
        known = self.known.get(url)
        headers = {}
        if known and known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known and known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            headers=headers,
            meta={"lastmod": lastmod, "listed_url": url, "handle_httpstatus_list": [304]},
            # A re-listed article is requested again on purpose; a first request goes through
            # the duplicate filter, which also ends a redirect loop (counted as a lost page).
            dont_filter=again,
        )

    # --- articles -------------------------------------------------------------------------

    async def parse_article(self, response: Response) -> AsyncIterator[Article | NotModified]:
        self._count("pages")
        lastmod = self.lastmods.get(response.meta.get("listed_url", "")) or response.meta.get(
            "lastmod"
        )
        if response.status == 304:
            yield NotModified(url=clean_url(response.url), lastmod=lastmod)
            return
        content_type = (_header(response, b"Content-Type") or "").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            self._count("skipped_non_html")
            logger.info("skipped %s: not HTML (%s)", response.url, content_type)
            return
        if len(response.body) > self.crawler.settings.getint("DOWNLOAD_MAXSIZE"):  # type: ignore[union-attr]
            self._error(response.url, "page larger than max_page_bytes")
            return
        processes = self.crawler.settings.getint("CLAIMWATCH_EXTRACT_PROCESSES")  # type: ignore[union-attr]
        try:
            article = await extract_in_pool(
                response.body, url=response.url, content_type=content_type, processes=processes
            )
        except ExtractionError as error:
            self._error(response.url, f"extraction failed: {error}")
            return
        article.url = self.article_key(article.url, response.url)
        if article.language is None and self.outlet.get("language") in ("en", "zh"):
            article.language = self.outlet["language"]  # the page's own language wins
        article.outlet = self.outlet_name
        article.fetched_url = response.url
        article.html = response.body
        article.etag = _header(response, b"ETag")
        article.last_modified = _header(response, b"Last-Modified")
        article.lastmod = lastmod
        yield article

    def article_key(self, canonical: str, fetched: str) -> str:
        """The page's canonical URL when it is on this outlet's own origin (scheme, host and
        port of its feeds, sitemaps, sections, or of the page itself), else the fetched URL:
        a canonical naming another outlet on the same host must not rewrite its articles."""
        if canonical and origin(canonical) in self.origins | {origin(fetched)}:
            return canonical
        return clean_url(fetched)

    # --- failures -------------------------------------------------------------------------

    def record_error(self, url: str, reason: str) -> None:
        """Count a failed page and keep its line for the run's error log."""
        self._error(url, reason)

    def _error(self, url: str, reason: str) -> None:
        self._count("errors")
        logger.warning("failed %s: %s", url, reason)
        if len(self.error_log) < MAX_LOGGED_ERRORS:
            self.error_log.append(f"{url}: {reason}")

    def on_error(self, failure: Failure) -> None:
        request = failure.request if hasattr(failure, "request") else None  # type: ignore[attr-defined]
        url = request.url if request is not None else "?"
        if failure.check(HttpError):
            self._count("pages")
            status = failure.value.response.status  # type: ignore[union-attr]
            self._error(failure.value.response.url, f"HTTP {status}")  # type: ignore[union-attr]
        elif failure.check(AddressRefused):
            pass  # recorded by the guard (record_error) when it refused the request
        elif failure.check(IgnoreRequest):
            loss = _lost(str(failure.value))
            if loss and request is not None:
                first = (request.meta.get("redirect_urls") or [url])[0]
                self._error(first, loss if first == url else f"{loss}, at {url}")
            else:
                self._count("ignored")  # robots.txt, off-site links
        else:
            message = failure.getErrorMessage().strip()
            reason = failure.type.__name__ + (f": {message}" if message else "")  # type: ignore[union-attr]
            self._error(url, reason[:300])


def _lost(message: str) -> str | None:
    """Why a request Scrapy ignored is a lost page (not a robots.txt or off-site refusal)."""
    if "max redirections reached" in message:
        return "too many redirects (a loop, or a chain longer than the limit)"
    if "DOWNLOAD_MAXSIZE" in message:
        return "page larger than max_page_bytes once decompressed"
    return None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
