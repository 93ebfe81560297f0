"""HTML page -> Article (placeholder until the crawler issue lands)."""

from __future__ import annotations

import trafilatura

from crawler.items import Article


class ExtractionError(Exception):
    """A page that cannot be decoded or parsed."""


def extract_article(html: bytes | str, *, url: str | None = None) -> Article:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    text = trafilatura.extract(html) or ""
    return Article(url=url or "", text=text)
