"""The article's title: structured headline and visible heading, without site name or kicker.

Candidates: JSON-LD ``headline`` / ``name``, ``og:title``, ``twitter:title``, the first
``<h1>`` and the page ``<title>``. Every value is entity-unescaped (JSON-LD headlines often
carry ``&#8217;``, some twice escaped; a soft hyphen stays, as the page has it). A site-name suffix or prefix (" | Reuters",
" - 经济日报") is dropped: from structured values only when it names the site (``og:site_name``,
the JSON-LD publisher, the host name), from ``<title>`` also when it is a short trailing part.
A kicker ("Topic: Headline") that one structured value has and another lacks is dropped.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml.html import HtmlElement

from crawler.urls import host_of, site_label

_SEPARATORS = (
    " | ",
    " - ",
    " – ",
    " — ",
    " _ ",
    "_",
    " :: ",
    " · ",
    "｜",
    " : ",
    " / ",
    " » ",
    " › ",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»›]\s+|\s*[|_｜]\s*")


def clean(value: Any) -> str:
    """Entities unescaped (twice-escaped ones too), spaces squashed."""
    if not isinstance(value, str):
        return ""
    text = value
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    return " ".join(text.split())


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def site_names(meta: dict[str, str], ld: dict[str, Any], url: str | None) -> list[str]:
    names = [meta.get("og:site_name", ""), meta.get("application-name", "")]
    publisher = ld.get("publisher") if ld else None
    if isinstance(publisher, dict):
        names.append(clean(publisher.get("name")))
    return [clean(name) for name in names if clean(name)]


def _names_site(part: str, names: list[str], url: str | None) -> bool:
    compact = _compact(part)
    if not compact or len(part) > 60:
        return False
    if any(compact == _compact(name) for name in names):
        return True
    host = _compact(host_of(url).removeprefix("www.")) if url else ""
    label = _compact(site_label(url)) if url else ""
    return bool(host) and (
        (len(compact) >= 3 and compact in host) or (len(label) > 2 and label in compact)
    )


def strip_site_name(
    title: str, names: list[str], url: str | None = None, *, loose: bool = False
) -> str:
    """``title`` without a site-name prefix or suffix (``loose``: any short trailing part)."""
    for sep in _SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if head and _names_site(tail, names, url):
                return head.strip()
            first, _, rest = title.partition(sep)
            if rest and _names_site(first, names, url):
                return rest.strip()
    if loose:
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) > 1 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(title) / 2:
            return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»/_｜").strip()
    return title


def _without_kicker(candidates: list[str], structured: list[str]) -> list[str]:
    """A value "Kicker: Headline" gives way to a structured value that is just "Headline"."""
    out = []
    for value in candidates:
        shorter = [
            other
            for other in structured
            if other != value and value.endswith(other) and len(other) >= 15
            and re.search(r"[:：]\s*[\"'„“«]?$", value[: -len(other)].rstrip())
        ]  # fmt: skip
        out.append(shorter[0] if shorter else value)
    return out


def _heading_prefix(value: str, headings: list[str]) -> str:
    """A structured title that is a visible heading plus " - tail" is that heading (a site name
    or tagline the page does not show with it)."""
    for heading in headings:
        rest = value[len(heading) :]
        if (
            len(heading) >= 10
            and value.startswith(heading)
            and re.match(r"\s+[|\-–—·•»›]\s+", rest)
        ):
            return heading
    return value


def _headings(tree: HtmlElement) -> list[str]:
    nodes = tree.xpath("//h1") or tree.xpath("//article//h2 | //main//h2") or tree.xpath("//h2")
    texts = (clean(node.text_content()) for node in nodes[:5])
    return [text for text in texts if 3 <= len(text) <= 400]


def find_title(
    tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str], url: str | None = None
) -> str | None:
    names = site_names(meta, ld, url)
    raw = [ld.get("headline"), ld.get("name"), meta.get("og:title"), meta.get("twitter:title")]
    structured = [strip_site_name(clean(value), names, url) for value in raw if clean(value)]
    page_title = clean(tree.findtext(".//title") or "")
    found = _headings(tree)
    unkicked = _without_kicker(structured + found, structured)
    structured, headings = unkicked[: len(structured)], unkicked[len(structured) :]
    structured = [_heading_prefix(value, headings) for value in structured]
    folded = {s.casefold() for s in structured}
    agreed = [s for s in structured if structured.count(s) >= 2]
    if agreed and len(folded) == 1:
        return agreed[0]
    for heading in headings:
        if heading.casefold() in folded or (
            page_title and page_title.casefold().startswith(heading.casefold())
        ):
            return heading
    if structured:
        return structured[0]
    for heading in headings:
        if page_title and heading.casefold() in page_title.casefold():
            return heading
    if page_title:
        return strip_site_name(page_title, names, url, loose=True)
    return headings[0] if headings else None
