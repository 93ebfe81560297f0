"""The page's language: from its text, checked against what the page declares.

Declared values: ``<html lang>`` (or ``xml:lang``), JSON-LD ``inLanguage``, ``og:locale``
(``de_DE``) and ``Content-Language`` (where a charset is no language). The text's language
comes from py3langid's naive Bayes model (shipped inside the package) on the first few
thousand characters of the body. A declared language that the text does not rule out wins
(close languages such as Norwegian and Danish are hard to tell apart from a short text);
a declaration that the text clearly contradicts loses (templates often declare the site's
default language on every page). Codes are ISO 639-1; Norwegian Bokmål and Nynorsk are
``no``, as publishers declare them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

_CODE = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*\s*$")
_MACRO = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi"}
_SAMPLE = 3000
_MIN_TEXT = 200  # shorter text gives no evidence against a declaration
_PLAUSIBLE = 0.02  # the declared language keeps its place above this text probability
_SURE = 0.9


def code(value: Any) -> str | None:
    """'de-DE', 'de_DE', 'DE' -> 'de'; None for what is no language tag ('text/html; charset=…')."""
    if not isinstance(value, str):
        return None
    first = value.split(",")[0]
    match = _CODE.match(first)
    if not match:
        return None
    lang = match.group(1).lower()
    return _MACRO.get(lang, lang)


def declared(tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    """The first language the page declares (html lang, JSON-LD, og:locale, Content-Language)."""
    in_language = ld.get("inLanguage") if ld else None
    if isinstance(in_language, dict):
        in_language = in_language.get("alternateName") or in_language.get("name")
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        in_language,
        meta.get("og:locale"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("dc.language"),
    ):
        if found := code(value):
            return found
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def text_languages(text: str) -> dict[str, float]:
    """Language -> probability for ``text`` (the likeliest few)."""
    ranked = _identifier().rank(text[:_SAMPLE])
    return {_MACRO.get(lang, lang): prob for lang, prob in ranked[:5]}


def text_language(text: str) -> str | None:
    """The likeliest language of ``text`` alone (None for empty text)."""
    if not text.strip():
        return None
    probs = text_languages(" ".join(text[: _SAMPLE * 2].split()))
    return max(probs.items(), key=lambda kv: kv[1])[0]


def page_language(
    tree: HtmlElement, ld: dict[str, Any], meta: dict[str, str], text: str
) -> str | None:
    """The page language (see the module docstring); None when neither text nor page tells."""
    stated = declared(tree, ld, meta)
    sample = " ".join(text[: _SAMPLE * 2].split())
    if len(sample) < _MIN_TEXT:
        return stated or (
            max(text_languages(sample).items(), key=lambda kv: kv[1])[0] if sample else None
        )
    probs = text_languages(sample)
    best, prob = max(probs.items(), key=lambda kv: kv[1])
    if stated is None or stated == best:
        return best
    if probs.get(stated, 0.0) >= _PLAUSIBLE or prob < _SURE:
        return stated
    return best
