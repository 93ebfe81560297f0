"""Chinese paragraphs and sentences as offsets into the article text.

A Chinese sentence ends at 。！？ (or their ASCII forms) together with any closing quotes
or brackets that follow. Nothing inside a quoted passage (“…”, 「…」, 『…』), a title
(《…》) or parentheses ends a sentence, so a quotation stays whole. English sentences
inside a Chinese paragraph end at ``. ! ?`` followed by a space, except after an
abbreviation (U.S., Inc., Dr.) or an initial; decimals never end a sentence. A paragraph
(a line) always ends a sentence. Every function is one linear pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "【": "】"}
CLOSERS = frozenset(OPENERS.values()) | {"’", '"', "'"}
ZH_ENDS = frozenset("。！？!?")
ABBREVIATIONS = frozenset(
    "u.s u.k u.n e.u dr mr mrs ms prof inc corp co ltd jr sr st no vs etc e.g i.e jan feb mar "
    "apr jun jul aug sep sept oct nov dec gov gen rep sen conn calif mass mt ft a.m p.m".split()
)
PARAGRAPH = re.compile(r"[^\n]+")
QUOTE_MARKS = re.compile("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")
TERMINATORS = re.compile(r"[。！？!?.]")
NEXT_VISIBLE = re.compile(r"\s*(\S)")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# Longest quoted passage kept whole; a longer "quote" is more likely an unclosed mark.
MAX_QUOTE = 600
# Page furniture a body extractor lets through: a bulleted link to another story, a list of
# stories with their time stamps, comment and like counters, the story's original title.
LINK_ITEM = re.compile(r"^[-•·]\s")
STAMPED = re.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?")
COUNTERS = re.compile(r"(?:评论|評論)\s*\d+")
ORIGINAL_TITLE = re.compile(r"^[（(]?原标题[：:]|^[（(]?原標題[：:]")
CLAUSE_MARKS = re.compile(r"[。，；：、！？,;:]")
# Longest line without any clause mark taken for a heading rather than a sentence.
HEADING = 40
# Longest line that can be a link to another story (a longer one holds a story's body that
# the page extraction ran into the link before it).
LINK_LINE = 150


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding whitespace."""
    for match in PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def is_furniture(text: str, start: int, end: int) -> bool:
    """Is the paragraph text[start:end] page furniture rather than a sentence of the story?

    A bulleted line without a full stop (a link to another story) and a line holding a time
    stamp (2019-09-06 21:52) or two dates (a list of stories), both up to LINK_LINE long;
    comment counters; the original-title note; a short line without a single clause mark
    (a heading or teaser).
    """
    line = text[start:end]
    if ORIGINAL_TITLE.match(line) or len(COUNTERS.findall(line)) >= 2:
        return True
    if len(line) <= LINK_LINE:
        if LINK_ITEM.match(line) and "。" not in line:
            return True
        stamps = STAMPED.findall(line)
        if any(":" in stamp for stamp in stamps) or len(stamps) >= 2:
            return True
    return len(line) <= HEADING and not CLAUSE_MARKS.search(line)


def protected_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quoted, titled and bracketed passages of text[start:end], closing mark included."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    opened_at = start
    for mark in QUOTE_MARKS.finditer(text, start, end):
        char, index = mark.group(), mark.start()
        if char in OPENERS:
            if not stack:
                opened_at = index
            stack.append(OPENERS[char])
        elif stack and char == stack[-1]:
            stack.pop()
            if not stack and index + 1 - opened_at <= MAX_QUOTE:
                spans.append((opened_at, index + 1))
    return spans


def _ends_english_sentence(text: str, index: int, end: int) -> bool:
    """Is the ``. ! ?`` at ``index`` the end of an English sentence inside a paragraph?"""
    after = index + 1
    if after >= end or not text[after].isspace():
        return False
    if text[index] != ".":
        return True
    before = WORD_BEFORE.search(text, max(0, index - 12), index)
    if before:
        word = before.group(1)
        if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            return False
    following = NEXT_VISIBLE.match(text, after, end)
    return following is not None and not following.group(1).islower()


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph text[start:end]."""
    spans: list[tuple[int, int]] = []
    protected = protected_spans(text, start, end)
    guard = 0
    sentence_start = index = start

    def cut(at: int) -> None:
        nonlocal sentence_start, index
        index = _close(text, at, end)
        spans.append((sentence_start, index))
        sentence_start = index

    def passed(quote_start: int, quote_end: int) -> None:
        # A quotation ending in 。” ends the sentence with it.
        if quote_start >= index and text[quote_end - 2] in ZH_ENDS and text[quote_start] in "“「『":
            cut(quote_end)

    for mark in TERMINATORS.finditer(text, start, end):
        position = mark.start()
        while guard < len(protected) and protected[guard][1] <= position:
            passed(*protected[guard])
            guard += 1
        if position < index or (guard < len(protected) and protected[guard][0] <= position):
            continue
        char = mark.group()
        if char in ZH_ENDS or _ends_english_sentence(text, position, end):
            cut(position + 1)
    for quote in protected[guard:]:
        passed(*quote)
    if sentence_start < end:
        spans.append((sentence_start, end))
    return [_strip(text, s, e) for s, e in spans if e > s and not text[s:e].isspace()]


def _close(text: str, index: int, end: int) -> int:
    """Move past terminators and closing marks that belong to the sentence just ended."""
    while index < end and (text[index] in CLOSERS or text[index] in ZH_ENDS):
        index += 1
    return index


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of a Chinese text, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        spans.extend(sentence_spans(text, start, end))
    return spans
