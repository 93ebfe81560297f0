"""The article body of a parsed page: trafilatura's two modes, checked, and the page's own data.

trafilatura's fast mode and its default mode (which also compares readability and jusText)
fail on different pages: fast mode stops at the first block of a split article body, the
default mode pulls in teasers of other stories. Both run; a cheap check keeps the better:

1. with a JSON-LD ``articleBody`` of some length, the candidate closer to it (word overlap);
   an extraction that is a small part of that body is replaced by the body itself, and
   one that is much longer keeps only its paragraphs that the body contains;
2. otherwise fast mode, unless the default mode is much shorter and fast mode's text is
   mostly short link-like lines (a navigation menu);
3. a page without body text in its HTML (a Next.js / Nuxt app) gives its page data's prose.

Boilerplate lines ("Read more: ...", newsletter and app promos, share prompts) are dropped
from whatever is chosen (see :mod:`crawler.boilerplate`).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import trafilatura
from lxml.html import HtmlElement

from crawler.boilerplate import drop_boilerplate

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|blockquote|section)\b[^>]*>", re.I)
_SENTENCE_END = re.compile(r"[.!?。！？:;\"'”»)]$")
_MIN_BODY_CHARS = 1000  # a shorter articleBody is often a teaser, not the article


def words(text: str) -> Counter[str]:
    """Bag of casefolded words (CJK: one character a word)."""
    return Counter(_WORD.findall(text.casefold()))


def _overlap(part: Counter[str], whole: Counter[str]) -> float:
    """Share of ``part``'s words that ``whole`` also has."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def _f1(a: Counter[str], b: Counter[str]) -> float:
    p, r = _overlap(a, b), _overlap(b, a)
    return 2 * p * r / (p + r) if p + r else 0.0


def prose(markup: str) -> str:
    """HTML or entity-escaped text -> plain paragraphs separated by newlines."""
    text = _BLOCK_TAG.sub("\n", markup) if "<" in markup else markup
    text = html_lib.unescape(_TAG.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _menu_like(text: str) -> float:
    """Share of lines that are short and end without punctuation (menus, link lists)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return 1.0
    short = sum(len(line) < 40 and not _SENTENCE_END.search(line) for line in lines)
    return short / len(lines)


def _trafilatura(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    options: dict[str, Any] = {"url": url, "include_comments": False, "fast": fast}
    text = trafilatura.extract(tree, include_tables=True, **options) or ""
    if any(line.startswith("|") and len(line) > 400 for line in text.splitlines()):
        text = trafilatura.extract(tree, include_tables=False, **options) or ""
    return text


def _split_like(body: str, guide: str) -> str:
    """``body`` (one block) cut into paragraphs where the ``guide`` text's paragraphs begin."""
    if "\n" in body:
        return body
    cuts = set()
    for paragraph in guide.splitlines():
        head = paragraph.strip()[:40]
        if len(head) >= 20 and (at := body.find(head)) > 0:
            cuts.add(at)
    if not cuts:
        return body
    edges = [0, *sorted(cuts), len(body)]
    return "\n".join(body[a:b].strip() for a, b in zip(edges, edges[1:], strict=False))


def _against_reference(candidates: list[str], reference: str) -> str:
    ref = words(reference)
    scored = [(_f1(words(text), ref), text) for text in candidates if text]
    if not scored:
        return _split_like(reference, "")
    best_f1, best = max(scored, key=lambda pair: pair[0])
    mine = words(best)
    size, ref_size = sum(mine.values()), sum(ref.values())
    if size < 0.75 * ref_size and _overlap(mine, ref) > 0.85:
        return _split_like(reference, best)  # the extraction missed part of the article
    if size > 1.3 * ref_size and _overlap(ref, mine) > 0.85:
        kept = [p for p in best.splitlines() if _overlap(words(p), ref) >= 0.6]
        return "\n".join(kept)  # the extraction has more than the article
    return best


def structured_body(ld: dict[str, Any]) -> str:
    """The JSON-LD ``articleBody`` as plain text ('' when absent or too short to trust)."""
    value = ld.get("articleBody") if ld else None
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value if isinstance(v, str))
    if not isinstance(value, str) or len(value) < _MIN_BODY_CHARS:
        return ""
    text = prose(value)
    again = text.find(text[:80], 80)  # some templates print the body twice
    return text[:again].strip() if again > 0 else text


def _strings(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}/{key}")
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, f"{path}/*")
    elif isinstance(data, str):
        yield path, data


def app_data_body(tree: HtmlElement) -> str:
    """Prose in Next.js / Nuxt page data: the JSON path whose long text strings add up most."""
    scripts = tree.xpath(
        "//script[@id='__NEXT_DATA__' or @id='__NUXT_DATA__'][@type='application/json']"
    )
    by_path: dict[str, list[str]] = {}
    for script in scripts:
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for path, value in _strings(data):
            text = prose(value) if "<" in value or "&" in value else value.strip()
            if len(text) >= 60 and " " in text and not text.startswith(("http", "{", "[")):
                by_path.setdefault(path, []).append(text)
    if not by_path:
        return ""
    best = max(by_path.values(), key=lambda texts: sum(len(t) for t in texts))
    return "\n".join(dict.fromkeys(best)) if sum(len(t) for t in best) >= 400 else ""


def extract_body(tree: HtmlElement, url: str | None, ld: dict[str, Any]) -> str:
    """The better of trafilatura's two modes (see the module docstring), lines newline-separated.

    The default mode (about twice the time) runs only when fast mode's text is in doubt:
    far from ``articleBody``, very short, or mostly menu-like lines.
    """
    fast = _trafilatura(tree, url, fast=True)
    reference = structured_body(ld)
    if reference:
        candidates = [fast]
        if _f1(words(fast), words(reference)) < 0.9:
            candidates.append(_trafilatura(tree, url, fast=False))
        chosen = _against_reference(candidates, reference)
    elif len(fast) < 200 or _menu_like(fast) > 0.5:
        default = _trafilatura(tree, url, fast=False)
        menu_fast = len(fast) > 1.4 * len(default) and _menu_like(fast) > 0.5 > _menu_like(default)
        chosen = default if menu_fast or len(default) > 3 * len(fast) else fast
    else:
        chosen = fast
    if len(chosen) < 200:
        chosen = max(chosen, app_data_body(tree), key=len)
    return drop_boilerplate(chosen)
