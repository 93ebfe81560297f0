"""Which language a text is written in: English or Chinese, by script ratio.

News text in this project is either English or Chinese, often with the other script mixed
in (English names in Chinese stories, a Chinese name in an English one). Counting Han
characters against Latin letters separates the two reliably and in linear time, without a
model. A Han character carries about as much text as a short English word, so Han
characters are weighed against Latin letters divided by ``LETTERS_PER_WORD``.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[A-Za-z]+")
LETTERS_PER_WORD = 4.0
# Chinese when Han characters make up at least this share of the weighted script count.
ZH_SHARE = 0.3


def script_counts(text: str) -> tuple[int, int]:
    """(Han characters, Latin letters) in ``text``."""
    # Runs, not characters: far fewer matches to build, same counts.
    return sum(map(len, HAN.findall(text))), sum(map(len, LATIN.findall(text)))


def detect_language(text: str) -> str:
    """'zh' when the text is mostly Chinese, else 'en' (also for empty or digit-only text)."""
    return segment_language(text, default="en")


def segment_language(text: str, default: str = "zh") -> str:
    """The language of one sentence or paragraph of a (possibly mixed) article.

    A segment with no letters at all (a line of figures) keeps ``default``, the
    article's language, so it is read by the same engine as its neighbours.
    """
    han, latin = script_counts(text)
    if not han and not latin:
        return default
    return "zh" if han / (han + latin / LETTERS_PER_WORD) >= ZH_SHARE else "en"
