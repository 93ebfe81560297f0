"""The tracker's entry point: article text -> sources and claims, English or Chinese."""

from __future__ import annotations

import importlib
import re

from tracker.claims import extract_en
from tracker.model import Extraction

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _detect(text: str) -> str:
    try:
        from tracker.language import detect_language
    except ImportError:  # the Chinese engineer's module is not there yet
        han = len(HAN.findall(text))
        latin = len(LATIN.findall(text))
        return "zh" if han and han >= latin / 4 * 0.3 / 0.7 else "en"
    return detect_language(text)


def _extract_zh(text: str, published: str | None) -> Extraction:
    try:
        chinese = importlib.import_module("tracker.chinese")
    except ImportError:
        return Extraction(text=text, language="zh")
    return chinese.extract_zh(text, published=published)


def extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
    """Named sources and numeric claims of one article text.

    ``published`` ('YYYY-MM-DD') resolves "last year" and "this year"; ``language`` is
    'en', 'zh' or 'auto' (decided by script). Never raises on odd input.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    lang = _detect(text) if language == "auto" else language
    if lang == "zh":
        return _extract_zh(text, published)
    return extract_en(text, published)
