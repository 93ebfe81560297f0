"""Finding article URLs: RSS/Atom feeds, sitemaps (incl. Google News), section pages.

Feeds are read by feedparser and sitemaps by Scrapy's ``Sitemap`` parser (hardened lxml),
extended here to keep the Google News fields (``news:publication_date``, ``news:title``,
``news:language``) that Scrapy's parser drops. Each finder returns :class:`Link` records;
the spider decides which to fetch.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.etree
from parsel import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.dates import parse_date
from crawler.urls import clean_url, is_http_url, same_site

# Without an article_pattern, a section link is an article when its path has a date or a slug.
DEFAULT_ARTICLE_PATH = r"/(19|20)\d{2}[/-]\d{1,2}[/-]|/[^/]*[a-z0-9]+(-[a-z0-9]+){3,}[^/]*/?$"
_NEXT_TEXT = re.compile(
    r"^\s*(next|older|more|下一页|下页|后一页|›|»|>|→)\s*(page|posts|stories)?\s*[›»>→]?\s*$", re.I
)
_PAGE_PARAM = re.compile(r"([?&](page|p|pg|paged)=\d+|/page/\d+/?$|_\d+\.html?$)", re.I)


@dataclass
class Link:
    url: str
    lastmod: str | None = None  # ISO date the source says the page changed (or was published)
    title: str | None = None
    language: str | None = None


class NewsSitemap(Sitemap):
    """Scrapy's Sitemap parser, keeping Google News child elements (prefixed ``news_``)."""

    __slots__ = ()

    def _process_sitemap_element(self, elem: lxml.etree._Element) -> dict[str, Any] | None:
        news: dict[str, str] = {}
        for child in elem:
            if self._get_tag_name(child) == "news":
                for sub in child.iter():
                    name = self._get_tag_name(sub)
                    if (
                        name
                        and name not in ("news", "publication")
                        and sub.text
                        and sub.text.strip()
                    ):
                        news[f"news_{name}"] = sub.text.strip()
        entry = super()._process_sitemap_element(elem)
        if entry is not None:
            entry.pop("news", None)
            entry.update(news)
        return entry


def sitemap_body(body: bytes, url: str, max_size: int) -> bytes:
    """The XML of a sitemap response, gunzipping ``.xml.gz`` files (bounded by ``max_size``)."""
    if body[:2] == b"\x1f\x8b":
        return gunzip(body, max_size=max_size)
    return body


def parse_sitemap(body: bytes) -> tuple[list[str], list[Link]]:
    """(child sitemap URLs of an index, article links of a urlset)."""
    try:
        sitemap = NewsSitemap(body)
    except (lxml.etree.XMLSyntaxError, StopIteration):
        return [], []
    children: list[str] = []
    links: list[Link] = []
    for entry in sitemap:
        loc = entry.get("loc", "")
        if not is_http_url(loc):
            continue
        if sitemap.type == "sitemapindex":
            children.append(loc)
            continue
        lastmod = parse_date(entry.get("lastmod", "")) or parse_date(
            entry.get("news_publication_date", "")
        )
        links.append(
            Link(
                url=loc,
                lastmod=lastmod,
                title=entry.get("news_title"),
                language=entry.get("news_language"),
            )
        )
    return children, links


def _struct_to_iso(value: Any) -> str | None:
    if not value:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(value), UTC)
    return parse_date(moment.isoformat())


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """Entries of an RSS or Atom feed, with their updated (else published) date."""
    feed = feedparser.parse(body, response_headers={"content-location": base_url})
    links = []
    for entry in feed.entries:
        url = entry.get("link") or ""
        if not url:
            continue
        # dict.get: FeedParserDict.get("updated_parsed") warns and falls back to published.
        lastmod = _struct_to_iso(dict.get(entry, "updated_parsed")) or _struct_to_iso(
            dict.get(entry, "published_parsed")
        )
        links.append(Link(url=clean_url(url, base_url), lastmod=lastmod, title=entry.get("title")))
    return links


def section_links(
    html: str, base_url: str, *, pattern: str, hosts: set[str]
) -> tuple[list[Link], list[str]]:
    """(article links whose path matches ``pattern``, next-page URLs of the listing)."""
    selector = Selector(text=html)
    article_path = re.compile(pattern or DEFAULT_ARTICLE_PATH)
    section = clean_url(base_url)
    articles: dict[str, Link] = {}
    pages: list[str] = []
    for anchor in selector.xpath("//a[@href]"):
        href = anchor.attrib.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = clean_url(href, base_url)
        if not is_http_url(url) or not same_site(url, hosts) or url == section:
            continue
        rel = anchor.attrib.get("rel", "").lower()
        text = " ".join(anchor.xpath("string()").get("").split())
        classes = (
            anchor.attrib.get("class", "") + " " + anchor.attrib.get("aria-label", "")
        ).lower()
        path = url.split("//", 1)[-1].partition("/")[2]
        is_next = "next" in rel.split() or "next" in classes or bool(_NEXT_TEXT.match(text))
        if is_next or (_PAGE_PARAM.search(url) and _same_listing(url, section)):
            if url not in pages:
                pages.append(url)
        elif article_path.search("/" + path.partition("?")[0]):
            articles.setdefault(url, Link(url=url, title=text or None))
    for node in selector.xpath("//link[@rel='next'][@href]"):
        url = clean_url(node.attrib["href"], base_url)
        if same_site(url, hosts) and url not in pages:
            pages.append(url)
    return list(articles.values()), pages


def _same_listing(url: str, section: str) -> bool:
    """A page-2 style URL of this section, not of another listing on the site."""
    stem = _PAGE_PARAM.sub("", url).rstrip("/?&")
    return stem == section.rstrip("/") or stem.startswith(section.rstrip("/"))
