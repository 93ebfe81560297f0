"""The tracker's entry point: article text -> sources and claims, English or Chinese."""

from __future__ import annotations

from tracker.en.claims import extract_en
from tracker.language import detect_language
from tracker.model import Extraction
from tracker.zh.claims import extract_zh


def extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
    """Named sources and numeric claims of one article text.

    ``published`` ('YYYY-MM-DD') resolves "last year" and "this year"; ``language`` is
    'en', 'zh' or 'auto' (decided by script). Never raises on odd input.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    lang = detect_language(text) if language == "auto" else language
    if lang == "zh":
        return extract_zh(text, published=published)
    return extract_en(text, published)
