"""Assembly of one article's extraction (placeholder until the English tracker lands)."""

from __future__ import annotations

from tracker.model import Extraction


def extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
    return Extraction(text=text, language="en" if language == "auto" else language)
