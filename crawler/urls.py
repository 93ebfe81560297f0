"""URL identity: tracking parameters and fragments removed, scheme and host normalized.

Applied before a request is made, so every route to an article (feed, sitemap, section
link with ``utm_*``) asks for the same URL and Scrapy's duplicate filter fetches it once.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|_ga|_gl|"
    r"igshid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt\.mc_id|cmpid|ncid|ref_src|"
    r"__twitter_impression|s_cid|spm)$",
    re.IGNORECASE,
)


def clean_url(url: str, base: str | None = None) -> str:
    """Absolute URL without tracking parameters or fragment; host lower-cased, default port dropped."""
    url = urljoin(base, url.strip()) if base else url.strip()
    url = safe_url_string(url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def site_label(url: str) -> str:
    """The name part of a URL's site: 'bbc' for www.bbc.co.uk, 'example' for news.example.org."""
    labels = host_of(url).split(".")
    if (
        len(labels) >= 3
        and len(labels[-1]) == 2
        and labels[-2] in {"co", "com", "org", "net", "ac", "gov", "ne", "or"}
    ):
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def same_site(url: str, hosts: set[str]) -> bool:
    """True when ``url``'s host is one of ``hosts`` or a subdomain of one."""
    host = host_of(url)
    return any(host == known or host.endswith("." + known) for known in hosts)


Origin = tuple[str, str, int | None]


def origin(url: str) -> Origin:
    """(scheme, host without ``www.``, port) of ``url``; the scheme's default port spelled out."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(scheme)
    return scheme, host_of(url).removeprefix("www."), port or default


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
