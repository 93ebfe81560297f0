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
_SAMPLE = 1200  # characters of text the model reads: enough, and its cost grows with it
_MIN_TEXT = 200  # shorter text gives no evidence against a declaration
_PLAUSIBLE = 0.02  # the declared language keeps its place above this text probability
_SURE = 0.9
# The commonest function words of a few languages: text in which the declared language's
# make up a good share needs no model to confirm the declaration (the model is the slow part).
_FUNCTION_WORDS = {
    "en": "the of and to in a is that for on with as was by it said at from his he are be has",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch",
    "fr": "de la le et les des en du un une est dans pour que qui sur au par pas plus il",
    "es": "de la que el en y los del se las por un para con una su al es lo como más",
    "it": "di e il la che in un per è del della le non una i con da si al sono",
    "nl": "de van het een en in is dat op te zijn met voor niet aan er die ook als",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais",
}
_FUNCTION_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORDS = re.compile(r"[^\W\d_]+")


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


_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def _by_script(sample: str) -> str | None:
    """'zh', 'ja' or 'ko' when the script alone tells (no model needed), else None."""
    letters = sum(ch.isalpha() for ch in sample) or 1
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    if hangul / letters > 0.5:
        return "ko"
    if kana / letters > 0.1 and (han + kana) / letters > 0.5:
        return "ja"
    if han / letters > 0.6 and kana == 0:
        return "zh"
    return None


def text_language(text: str) -> str | None:
    """The likeliest language of ``text`` alone (None for empty text)."""
    if not text.strip():
        return None
    if script := _by_script(text[:_SAMPLE]):
        return script
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
    if script := _by_script(sample[:_SAMPLE]):
        return script
    if stated in _FUNCTION_SETS:
        tokens = _WORDS.findall(sample[:_SAMPLE].casefold())
        hits = sum(token in _FUNCTION_SETS[stated] for token in tokens)
        if len(tokens) >= 40 and hits / len(tokens) >= 0.2:
            return stated
    probs = text_languages(sample)
    best, prob = max(probs.items(), key=lambda kv: kv[1])
    if stated is None or stated == best:
        return best
    if probs.get(stated, 0.0) >= _PLAUSIBLE or prob < _SURE:
        return stated
    return best
