"""The article's authors: people only, one name each, from structured data or the byline.

Order: JSON-LD ``author`` (people; organizations skipped), ``author`` / ``article:author``
and kin in ``<meta>``, byline elements, then Chinese bylines in the text ("（记者 王小明）",
"記者王小明／台北報導", "文/王小明", "作者：王小明"). Every value is cleaned the same way:
"By"/"Von", e-mail addresses, URLs, parenthesized initials and affiliations after a comma
are dropped, "A and B" / "A, B and C" split. A name that is the outlet itself
(``og:site_name``, the publisher, the host) is no author; a news agency (Reuters, AP, dpa,
新华社, ...) is no author either: it is returned as the wire the story came from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from crawler.dates import in_furniture
from crawler.urls import host_of, site_label

_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
)
_BY = re.compile(
    r"^\s*(?:by|von|par|por|door|av|autor(?:in)?|text|written by|story by|words by|"
    r"reporting by|quelle|source|fuente|fonte|bron|erstellt von|geschrieben von|publié par|"
    r"escrito por|scritto da)\s*[:\-]?\s+",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\bog\b|、|，|\||/)\s*", re.I)
_NOISE = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\(.*?\)|\[.*?\]|\b(?:updated|published|aktualisiert|veröffentlicht)\b.*$",
    re.I,
)
_ROLE = re.compile(
    r"\b(?:staff|admin|editor|editors|reporter|correspondent|writer|contributor|journalist|columnist|"
    r"redakteur(?:in)?|korrespondent(?:in)?|redaktion|newsdesk|news desk|desk|team|"
    r"photographer|analyst|professor|profesorius|universit\w*|department|senior|chief|bureau)\b",
    re.I,
)
_COMPANY = re.compile(r"\b(?:inc|ltd|llc|gmbh|ag|plc|corp|corporation|s\.a|co\.,? ltd)\.?$", re.I)
_AGENCIES = {
    "ap", "associated press", "the associated press", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "deutsche presse-agentur", "sda",
    "keystone-sda", "apa", "ansa", "efe", "europa press", "xinhua", "kyodo", "kyodo news",
    "yonhap", "pti", "ians", "bloomberg", "kna", "epd", "afx", "tt", "ntb", "ritzau", "pap",
    "čtk", "ctk", "tasr", "sid", "ddp", "mti", "belga", "anp", "bernama", "antara", "cna", "upi",
    "新华社", "中新社", "中新网", "中央社", "路透社", "美联社", "法新社", "共同社",
}  # fmt: skip
_ZH_NAME = r"[\u4e00-\u9fff·]{2,4}"
_ZH_REPORTER = re.compile(
    rf"[（(]\s*[\u4e00-\u9fff]{{0,6}}?(?:记者|記者|通讯员|通訊員|作者|文|撰稿)[\s：:/／]*({_ZH_NAME}(?:[\s、，,]+{_ZH_NAME})*)\s*[)）]"
)
_ZH_DESK_LINE = re.compile(
    rf"(?:记者|記者)\s*({_ZH_NAME}(?:[、，,]{_ZH_NAME})*)\s*[／/]\s*\S{{2,8}}(?:报导|報導|报道|報道)"
)
_ZH_AUTHOR_LINE = re.compile(rf"(?:作者|记者|記者|撰文|文)\s*[：:/／｜|]\s*({_ZH_NAME})")
BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(@class,'author') or "
    "contains(@class,'byline') or contains(@id,'author') or contains(@id,'byline') or "
    "@class='by']"
)


_AUTHOR_LINK = (
    "//a[contains(@href,'/author/') or contains(@href,'/authors/') or contains(@href,'/autor/') or "
    "contains(@href,'/autoren/') or contains(@href,'/journalist/') or contains(@href,'/redakteur')]"
)
_LABELLED = re.compile(
    r"^(?:autor(?:in)?(?:/autor)?|author|authors|auteur|autore|autores|forfatter|författare|"
    r"text|tekst|texto)\s*:?\s+(\S.{2,80})$",
    re.I,
)


def _labelled_bylines(tree: HtmlElement) -> Iterator[str]:
    """'Autorin/Autor Roman Goncharenko' in a short list item or paragraph."""
    for node in tree.xpath("//li | //p | //dd")[:2000]:
        text = " ".join(node.text_content().split())
        if len(text) < 90 and (match := _LABELLED.match(text)):
            yield match.group(1)


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _agency(name: str) -> str:
    """'Associated Press in Valencia' -> 'Associated Press'."""
    return re.split(r"\s+(?:in|aus|en|à|a|from)\s+", name.strip(" ."), maxsplit=1)[0]


def is_agency(name: str) -> bool:
    return _agency(name).casefold() in _AGENCIES


def clean_names(raw: str) -> list[str]:
    """A byline or author value -> the people's names in it (agencies kept, for the caller)."""
    raw = html.unescape(" ".join((raw or "").split()))
    raw = _NOISE.sub(" ", _BY.sub("", raw))
    names = []
    for index, part in enumerate(_NAME_SPLIT.split(raw)):
        part = _BY.sub("", " ".join(part.split())).strip(" :-–—|")
        if part.endswith(".") and len(part.rsplit(" ", 1)[-1]) > 4:
            part = part.rstrip(".")  # a sentence's end, not "Jr." or "Dr."
        if not part or any(ch.isdigit() or ch in "*_@" for ch in part) or len(part) > 60:
            continue  # digits, form labels ("Name *"), handles
        if _BY.match(part + " ") or re.search(
            r"\s(?:sagt|says|said|dit|dice|schreibt)$", part, re.I
        ):
            continue  # a lone "by", a comment header ("Gabi sagt")
        if is_agency(part):
            names.append(part)
            continue
        if len(part.split()) > 5 or (_ROLE.search(part) and (index or _ROLE.fullmatch(part))):
            continue  # an affiliation or a role after a name, or a role alone
        if _COMPANY.search(part) or (_ROLE.search(part) and part[0].islower()):
            continue  # "Nikkei Inc.", "unserer Redaktion"
        names.append(part)
    return names


def _ld_people(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _ld_people(item)]
    if isinstance(value, dict):
        kinds = value.get("@type") or []
        kinds = {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])}
        if (
            kinds & {"organization", "newsmediaorganization", "corporation"}
            and "person" not in kinds
        ):
            name = value.get("name")
            return [name] if isinstance(name, str) and is_agency(name) else []
        return _ld_people(value.get("name"))
    if isinstance(value, str) and value.strip():
        return clean_names(value)
    return []


def _outlet_names(meta: dict[str, str], ld: dict[str, Any], url: str | None) -> set[str]:
    names = {meta.get("og:site_name", ""), meta.get("application-name", "")}
    publisher = ld.get("publisher") if ld else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.add(publisher["name"])
    compact = {_compact(html.unescape(n)) for n in names}
    if url:
        compact |= {_compact(host_of(url).removeprefix("www.")), _compact(site_label(url))}
    return {n for n in compact if len(n) >= 2}


def _is_outlet(name: str, outlets: set[str]) -> bool:
    compact = _compact(name)
    words = re.findall(r"\w+", name.casefold())
    if len(words) >= 2 and "".join(w[0] for w in words) in outlets:
        return True  # "Deutsche Welle" on dw.com
    return bool(compact) and any(
        compact == o or (len(o) >= 3 and (compact.startswith(o) or o in compact)) for o in outlets
    )


def chinese_reporters(tree: HtmlElement) -> list[str]:
    for node in tree.xpath("//p | //div[not(descendant::div)] | //span")[:200]:
        text = " ".join(node.text_content().split())[:300]
        for pattern in (_ZH_REPORTER, _ZH_DESK_LINE, _ZH_AUTHOR_LINE):
            if match := pattern.search(text):
                return [n for n in re.split(r"[\s、，,]+", match.group(1)) if n]
    return []


def people_and_wire(
    names: list[str], meta: dict[str, str], ld: dict[str, Any], url: str | None
) -> tuple[list[str], str | None]:
    """``names`` without agencies (the first one is the wire), and without the outlet unless
    it stands alone and JSON-LD does not call it an organization (see :func:`find_authors`)."""
    people, own, wire = _sort_names(names, _outlet_names(meta, ld, url))
    organizations = _ld_organizations(ld.get("author")) if ld else set()
    return people or [n for n in own if _compact(n) not in organizations], wire


def _sort_names(names: list[str], outlets: set[str]) -> tuple[list[str], list[str], str | None]:
    people, own, wire = [], [], None
    for name in names:
        if is_agency(name):
            wire = wire or _agency(name)
        elif _is_outlet(name, outlets):
            own.append(name)
        else:
            people.append(name)
    return list(dict.fromkeys(people)), list(dict.fromkeys(own)), wire


def _ld_organizations(value: Any) -> set[str]:
    if isinstance(value, list):
        return {name for item in value for name in _ld_organizations(item)}
    if isinstance(value, dict) and "person" not in str(value.get("@type", "")).lower():
        name = value.get("name")
        return {_compact(name)} if isinstance(name, str) else set()
    return set()


def find_authors(
    tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str], url: str | None = None
) -> tuple[list[str], str | None]:
    """(people, wire): the article's authors and the news agency its byline names, if any.

    The first source that names people wins. The outlet named beside people is no author;
    named alone (no source names a person) it is the page's own byline ("FOCUS online"),
    kept as the publisher declares it, unless JSON-LD calls it an organization.
    """
    outlets = _outlet_names(meta, ld, url)
    organizations = _ld_organizations(ld.get("author")) if ld else set()

    def sources() -> Iterator[list[str]]:
        yield _ld_people(ld.get("author")) if ld else []
        for key in _AUTHOR_META:
            value = meta.get(key, "")
            if value and not value.startswith("http"):
                yield clean_names(value)
        for node in tree.xpath(BYLINE_XPATH)[:6]:
            text = " ".join(node.text_content().split())
            if 2 < len(text) < 120 and not in_furniture(node):
                names = clean_names(text)
                yield names if len(names) <= 5 else []  # more is a tag or category list
        for link in tree.xpath(_AUTHOR_LINK)[:3]:
            if not in_furniture(link):
                yield clean_names(link.text_content())
        for line in _labelled_bylines(tree):
            yield clean_names(line)
        yield chinese_reporters(tree)

    fallback: list[str] = []
    wire: str | None = None
    for names in sources():
        people, own, agency = _sort_names(names, outlets)
        wire = wire or agency
        if people:
            return people, wire
        fallback = fallback or [n for n in own if _compact(n) not in organizations]
    return fallback, wire
