"""HTML page -> :class:`crawler.items.Article`.

Metadata comes from structured data first (JSON-LD, OpenGraph, ``article:*`` meta), then the
visible headline, byline and date line (:mod:`crawler.titles`, :mod:`crawler.authors`,
:mod:`crawler.metadata`, :mod:`crawler.dates`); the body is chosen by :mod:`crawler.body`
(trafilatura's modes, JSON-LD ``articleBody``, page data); trafilatura's metadata fills what
is still missing; htmldate is the last resort for the date, before a date in the URL path.
The language is the page's, from its text (:mod:`crawler.language`). The body's paragraphs
are separated by blank lines.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement

from crawler.authors import clean_names, find_authors, people_and_wire
from crawler.body import extract_body
from crawler.dates import date_in_line, loose_date, parse_date
from crawler.encoding import decode_html
from crawler.items import Article
from crawler.language import page_language
from crawler.metadata import (
    find_modified,
    find_published,
    find_via,
    json_ld_article,
    meta_tags,
    squash,
)
from crawler.titles import find_title
from crawler.urls import clean_url, host_of, is_http_url

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_BYLINE_LINE = re.compile(r"^(?:by|von|par|por)\s+[A-Z\w]|^(?:作者|记者)[：:\s]", re.I)
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


class ExtractionError(Exception):
    """A page that cannot be decoded or parsed into an article."""


def parse_html(html: bytes | str, content_type: str | None = None) -> HtmlElement:
    """Decode (detecting the charset) and parse a page into an lxml tree."""
    text = decode_html(html, content_type) if isinstance(html, bytes) else html
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (ParserError, ValueError) as error:
        raise ExtractionError(f"unparseable HTML ({error})") from None
    if tree is None:
        raise ExtractionError("unparseable HTML")
    return tree


def body_text(
    tree: HtmlElement,
    url: str | None = None,
    *,
    title: str | None = None,
    ld: dict[str, Any] | None = None,
) -> str:
    """The article body, paragraphs separated by a blank line ('' when none is found).

    :func:`crawler.body.extract_body` picks the better of trafilatura's modes and the page's
    own data. Headline, byline and date lines that open the body are page furniture, not
    article text, and are dropped.
    """
    text = extract_body(tree, url, ld if ld is not None else json_ld_article(tree))
    paragraphs = [squash(line) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    while paragraphs and _is_furniture(paragraphs[0], title):
        paragraphs.pop(0)
    return "\n\n".join(paragraphs)


def _is_furniture(line: str, title: str | None) -> bool:
    if title and line.casefold() == title.casefold():
        return True
    if len(line) > 100:
        return False
    return bool(_BYLINE_LINE.match(line)) or (
        date_in_line(line) is not None and not _SENTENCE_END.search(line)
    )


def canonical_url(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    """``link rel=canonical``, then ``og:url``, then the fetched URL; tracking parameters removed.

    A canonical on another site, or one pointing at the site's home page, is ignored: those
    are template mistakes, not the article's identity.
    """
    candidates = [node.get("href", "") for node in tree.xpath("//link[@rel='canonical'][@href]")]
    candidates.append(meta.get("og:url", ""))
    for candidate in candidates:
        candidate = candidate.strip()
        if not candidate:
            continue
        absolute = urljoin(url, candidate) if url else candidate
        if not is_http_url(absolute):
            continue
        if url and host_of(absolute).removeprefix("www.") != host_of(url).removeprefix("www."):
            continue
        cleaned = clean_url(absolute)
        if cleaned.rstrip("/").count("/") <= 2:  # just the home page
            continue
        return cleaned
    return clean_url(url) if url and is_http_url(url) else url


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    return parse_date("-".join(f"{int(p):02d}" for p in match.groups())) if match else None


def _fallback_date(tree: HtmlElement, *, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(
            tree, original_date=True, outputformat="%Y-%m-%d", extensive_search=extensive
        )
    except (ValueError, TypeError):
        return None
    return parse_date(found) if found else None


def extract_article(
    html: bytes | str, *, url: str | None = None, content_type: str | None = None
) -> Article:
    """Extract one article page; raises :class:`ExtractionError` when there is no article text."""
    tree = parse_html(html, content_type)
    ld = json_ld_article(tree)
    meta = meta_tags(tree)
    title = find_title(tree, ld, meta, url)
    text = body_text(tree, url, title=title, ld=ld)
    if not text:
        raise ExtractionError("no article text found")
    fallback: dict[str, Any] = {}
    authors, wire = find_authors(tree, ld, meta, url)
    published = find_published(tree, ld, meta)
    if not (title and authors):
        document = trafilatura.extract_metadata(tree, default_url=url)
        fallback = document.as_dict() if document is not None else {}
    if not title:
        title = squash(fallback.get("title")) or None
    if not authors and fallback.get("author"):
        authors, agency = people_and_wire(
            clean_names(str(fallback["author"]).replace(";", ",")), meta, ld, url
        )
        wire = wire or agency
    if not published:
        published = (
            _fallback_date(tree, extensive=False)
            or _url_date(url)
            or loose_date(tree)
            or _fallback_date(tree, extensive=True)
        )
    return Article(
        url=canonical_url(tree, meta, url) or "",
        title=title,
        authors=authors,
        published=published,
        modified=find_modified(ld, meta),
        language=page_language(tree, ld, meta, text),
        via=find_via(text, tree, meta, url) or wire,
        text=text,
    )
