"""Assembly of one article's extraction (placeholder until the English tracker lands)."""

from __future__ import annotations

from tracker.model import Extraction


def extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
    from tracker.chinese import extract_zh
    from tracker.language import detect_language

    language = detect_language(text) if language == "auto" else language
    if language == "zh":
        return extract_zh(text, published=published)
    return Extraction(text=text, language=language)
