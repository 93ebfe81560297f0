"""Downloader middleware: refuse requests (and redirects) to private addresses.

Every request passes :meth:`PrivateAddressGuard.process_request`, including the ones
Scrapy's redirect middleware creates, so a page redirecting to ``169.254.169.254`` (a cloud
metadata service) is refused before a connection is made; the address a response actually
came from is checked again (DNS can change between the two). ``allow_private = true`` lets
loopback and private networks through (tests, intranets); link-local, multicast, reserved
and unspecified addresses are never crawled.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from typing import Self
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.urls import ip_literal

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(IgnoreRequest):
    """A request to an address claimwatch must not crawl."""


def refusal(address: IPAddress, *, allow_private: bool) -> str | None:
    """Why ``address`` must not be crawled, or None when it may be."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_link_local:
        return "link-local address"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "reserved address"
    if address.is_loopback and not allow_private:
        return "loopback address"
    if not address.is_global and not allow_private:
        return "private address"
    return None


def _resolve(host: str) -> list[IPAddress]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class PrivateAddressGuard:
    def __init__(self, crawler: Crawler, *, allow_private: bool) -> None:
        self.crawler = crawler
        self.allow_private = allow_private
        self._verdicts: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        guard = cls(crawler, allow_private=crawler.settings.getbool("CLAIMWATCH_ALLOW_PRIVATE"))
        crawler.signals.connect(guard._spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(guard.request_scheduled, signal=signals.request_scheduled)
        return guard

    def _spider_closed(self) -> None:
        self._verdicts.clear()

    def _refuse(self, request: Request, url_host: str, reason: str) -> None:
        self.crawler.stats.inc_value("claimwatch/refused_private")  # type: ignore[union-attr]
        origin = (request.meta.get("redirect_urls") or [request.url])[0]
        message = f"refused {request.url}: {reason} {url_host}"
        if origin != request.url:
            message = f"redirect to {request.url} refused: {reason} {url_host}"
        record = getattr(self.crawler.spider, "record_error", None)
        if record is not None:
            record(origin, message)
        else:
            logger.warning("%s: %s", origin, message)
        raise AddressRefused(message)

    def request_scheduled(self, request: Request) -> None:
        """Refuse IP-literal targets as soon as a request (or redirect) is scheduled, before
        Scrapy's off-site filter drops a redirect without a word."""
        host = _host(request.url)
        literal = ip_literal(host)
        if literal is not None:
            reason = refusal(literal, allow_private=self.allow_private)
            if reason:
                self._verdicts[host] = reason
                self._refuse(request, host, reason)

    async def process_request(self, request: Request) -> None:
        host = _host(request.url)
        if host not in self._verdicts:
            literal = ip_literal(host)
            if literal is not None:
                addresses: list[IPAddress] = [literal]
            else:
                try:
                    addresses = await maybe_deferred_to_future(deferToThread(_resolve, host))
                except OSError:
                    return None  # the download reports the DNS error itself
            reasons = [r for a in addresses if (r := refusal(a, allow_private=self.allow_private))]
            self._verdicts[host] = reasons[0] if reasons else None
        reason = self._verdicts[host]
        if reason:
            self._refuse(request, host, reason)
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        address = response.ip_address
        if address is not None:
            reason = refusal(address, allow_private=self.allow_private)
            if reason:
                self._refuse(request, str(address), reason)
        return response
