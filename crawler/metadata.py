"""Article metadata from a parsed page: structured data first, then what the page shows.

Order for every field: JSON-LD (NewsArticle and kin), OpenGraph / ``article:*`` and other
``<meta>``, then visible elements (headline, byline, date line in English or Chinese).
The caller falls back to a body extractor's guesses when all of these are silent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from crawler.dates import labelled_date, local_day, parse_date, visible_date
from crawler.urls import host_of

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "socialmediaposting",
    "liveblogposting", "webpage", "scholarlyarticle", "techarticle", "report",
}  # fmt: skip
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publishdate", "publish-date", "pubdate", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.created", "dc.date",
    "date", "article.published", "published_time", "cxenseparse:recs:publishtime",
)  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _text(node: HtmlElement) -> str:
    return squash(node.text_content())


# --- JSON-LD ----------------------------------------------------------------------------


def _walk_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _walk_ld(data[key])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type") or []
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """The most article-like JSON-LD object on the page (empty dict when none)."""
    best: dict[str, Any] = {}
    best_rank = 99
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content().strip() or "null", strict=False)
        except ValueError:
            continue
        for obj in _walk_ld(data):
            kinds = _types(obj)
            if not kinds & ARTICLE_TYPES:
                continue
            rank = 2 if kinds <= {"webpage"} else 0 if "newsarticle" in kinds else 1
            if rank < best_rank:
                best, best_rank = obj, rank
    return best


# --- <meta> -----------------------------------------------------------------------------


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """Lower-cased name/property/itemprop -> first non-empty content."""
    found: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        content = squash(node.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (node.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    for node in tree.xpath("//*[@itemprop][not(self::meta)]"):
        key = node.get("itemprop", "").strip().lower()
        if key in ("datepublished", "datemodified") and key not in found:
            value = node.get("datetime") or node.get("content") or node.text_content()
            if squash(value):
                found[key] = squash(value)
    return found


# --- dates ------------------------------------------------------------------------------


_PUBLISHED_KEY = re.compile(r"publish|pub_?date|issued|created", re.I)
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|edit", re.I)
_ARTICLE_TIME = (
    "//*[self::article or self::main or self::header]//time[@datetime] | "
    "//time[@datetime][@pubdate or @itemprop='datePublished' or contains(@class,'publish')]"
)


def find_published(tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    """Structured and visible publication date: JSON-LD, meta, <time> of the article, date line."""
    found = _structured_published(tree, ld, meta)
    if not found:
        return visible_date(tree) or labelled_date(tree)
    if found.endswith("+00:00"):
        shown = [visible_date(tree)]
        shown += [
            parse_date(value)
            for key, value in meta.items()
            if "date" in key or key in _PUBLISHED_META or _PUBLISHED_KEY.search(key)
        ]
        times = tree.xpath("//time")[:5]
        shown += [parse_date(node.get("datetime", "")) for node in times]
        shown += [parse_date(_text(node)) for node in times]
        found = local_day(found, shown)
    return found


def _structured_published(
    tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str]
) -> str | None:
    for value in (ld.get("datePublished"), ld.get("dateCreated")):
        if isinstance(value, str) and (parsed := parse_date(value)):
            return parsed
    for key in _PUBLISHED_META:
        if key in meta and (parsed := parse_date(meta[key])):
            return parsed
    for key, value in meta.items():  # vendor prefixes: shareaholic:article_published_time, ...
        if _PUBLISHED_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key):
            if parsed := parse_date(value):
                return parsed
    for node in tree.xpath(_ARTICLE_TIME)[:3]:
        if parsed := parse_date(node.get("datetime", "")):
            return parsed
    return None


def find_modified(ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    value = ld.get("dateModified")
    if isinstance(value, str) and (parsed := parse_date(value)):
        return parsed
    for key in _MODIFIED_META:
        if key in meta and (parsed := parse_date(meta[key])):
            return parsed
    return None


# --- language and via -------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATELINE_AGENCY = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},[^()\n]{0,40}\(([^()\n]{2,40})\)\s*[—–-]")
_VIA_LINE = re.compile(
    r"^(?:source|via|originally published (?:by|in|on)|this (?:article|story) (?:first |originally )?"
    r"(?:appeared|was published) (?:in|on|at))\s*:?\s+([A-Z][\w&.' -]{1,50}?)\.?$",
    re.I,
)
_ZH_SOURCE = re.compile(r"来源[：:]\s*([\u4e00-\u9fffA-Za-z]{2,20})")


def _own_names(meta: dict[str, str], url: str | None) -> set[str]:
    names = {meta.get("og:site_name", "").casefold()}
    if url:
        names.add(host_of(url).removeprefix("www.").split(".")[0])
    return {n for n in names if n}


def find_via(text: str, tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    own = _own_names(meta, url)

    def foreign(name: str) -> bool:
        folded = name.casefold()
        compact = re.sub(r"[^a-z0-9]", "", folded)
        return not any(
            o == folded or o.replace(" ", "") == compact or (o and o in compact) for o in own
        )

    first = text.split("\n", 1)[0][:300]
    match = _DATELINE_AGENCY.match(first)
    if match and foreign(match.group(1)):
        return squash(match.group(1))
    for line in text.split("\n")[-4:]:
        match = _VIA_LINE.match(line.strip())
        if match and foreign(match.group(1)):
            return squash(match.group(1))
    for node in tree.xpath("//*[contains(@class,'info') or contains(@class,'source')]")[:5]:
        match = _ZH_SOURCE.search(_text(node))
        if match and match.group(1) not in ("本网", "本报", "本站") and foreign(match.group(1)):
            return match.group(1)
    return None
