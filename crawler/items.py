"""The Article item: what the crawler extracts from one page and hands to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Article:
    url: str  # canonical URL: the article's identity
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601, with timezone when the page gives one
    modified: str | None = None
    language: str | None = None  # "en", "zh", ...
    via: str | None = None  # outlet the article was republished from
    text: str = ""  # body, paragraphs separated by a blank line
    # Crawl bookkeeping (not part of the extraction contract):
    outlet: str | None = None
    fetched_url: str | None = None
    html: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Shallow: asdict() would deep-copy the raw HTML of every page.
        return {item.name: getattr(self, item.name) for item in fields(self)}


@dataclass
class NotModified:
    """A conditional GET answered 304: the stored article is still current."""

    url: str
    lastmod: str | None = None
    outlet: str | None = None  # set by the distributed worker, whose ingester needs it
