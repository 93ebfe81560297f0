"""Re-fetch ladder of the outlet spider and the private-address guard."""

from __future__ import annotations

import asyncio
import ipaddress
from datetime import UTC, datetime, timedelta

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.middlewares import AddressRefused, PrivateAddressGuard, refusal
from crawler.spiders.outlet import OutletSpider, due

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def known(published_days_ago: float, fetched_hours_ago: float, lastmod: str | None = None) -> dict:
    return {
        "published": (NOW - timedelta(days=published_days_ago)).isoformat(),
        "last_fetched": (NOW - timedelta(hours=fetched_hours_ago)).isoformat(),
        "lastmod": lastmod,
    }


def test_age_ladder() -> None:
    assert due(None, None, recheck_days=14, now=NOW)
    assert due(known(1, 1), None, recheck_days=14, now=NOW)  # under 2 days: every crawl
    assert not due(known(5, 3), None, recheck_days=14, now=NOW)  # under 2 weeks: daily
    assert due(known(5, 30), None, recheck_days=14, now=NOW)
    assert not due(known(40, 500), None, recheck_days=14, now=NOW)  # older: only on lastmod
    assert due(known(40, 500, "2025-11-01"), "2025-12-01", recheck_days=14, now=NOW)
    assert not due(known(40, 500, "2025-12-01"), "2025-12-01", recheck_days=14, now=NOW)


@pytest.mark.parametrize(
    "address,allow,refused",
    [
        ("169.254.169.254", True, True),
        ("fe80::1", True, True),
        ("0.0.0.0", True, True),
        ("127.0.0.1", False, True),
        ("10.1.2.3", False, True),
        ("::ffff:192.168.0.1", False, True),
        ("100.64.0.1", False, True),
        ("127.0.0.1", True, False),
        ("10.1.2.3", True, False),
        ("93.184.216.34", False, False),
    ],
)
def test_refusal(address: str, allow: bool, refused: bool) -> None:
    assert bool(refusal(ipaddress.ip_address(address), allow_private=allow)) is refused


def test_guard_refuses_private_requests_before_download() -> None:
    crawler = get_crawler(OutletSpider, {"CLAIMWATCH_ALLOW_PRIVATE": False})
    crawler.spider = OutletSpider.from_crawler(crawler, outlet={"name": "x"})
    crawler.stats.open_spider()
    guard = PrivateAddressGuard.from_crawler(crawler)
    with pytest.raises(AddressRefused):
        asyncio.run(guard.process_request(Request("http://10.0.0.8/a")))
    with pytest.raises(AddressRefused):
        guard.request_scheduled(Request("http://169.254.169.254/latest/meta-data/"))
    assert asyncio.run(guard.process_request(Request("http://93.184.216.34/a"))) is None
    assert crawler.stats.get_value("claimwatch/refused_private") == 2
    assert len(crawler.spider.error_log) == 2
