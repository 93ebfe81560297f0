"""Attribution as a document-level pass: which source each sentence's figures belong to when
no cue of their own sentence covers them.

News attributes across sentences: a quotation runs over several sentences and paragraphs (an
opening mark with no closing one continues into the next paragraph) and keeps its speaker; a
paragraph that reports figures "according to X" or from "X's data" gives them all to X. The
cues of each sentence (``tracker.en.sources``) are the input; a figure outside every cue's
scope and every carried span stays the writer's own.
"""

from __future__ import annotations

import bisect
import re

from tracker.en.cues import Cue

# Cues that name where figures come from, not who spoke: "according to X", "data from X".
PUBLISHED = re.compile(
    r"(?i:according\s+to)\b|(?:data|figures|statistics|estimates|report|survey|study|"
    r"show|shows|showed|found|finds)\b|[\w-]+\s+(?:from|by)\b"
)

QUOTE_MARK = re.compile(r"[\"“”]|\n\s*\n")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations; a paragraph break closes an open one."""
    regions: list[tuple[int, int]] = []
    opened = -1
    for match in QUOTE_MARK.finditer(text):
        mark = match.group()
        if mark[0] == "\n":
            if opened >= 0:
                regions.append((opened, match.start()))
            opened = -1
        elif opened < 0 and mark != "”":
            opened = match.start()
        elif opened >= 0 and mark != "“":
            regions.append((opened, match.end()))
            opened = -1
    if opened >= 0:
        regions.append((opened, len(text)))
    return regions


def quoted_sources(
    text: str, sentences: list[tuple[int, int]], cues: list[list[Cue]], people: set[int]
) -> list[int | None]:
    """The quotation's source for each sentence without a cue inside a multi-sentence
    quotation, or for a whole-sentence quotation right after an attributed sentence."""
    inherited: list[int | None] = [None] * len(sentences)
    starts = [s for s, _ in sentences]
    for left, right in quote_regions(text):
        first = max(0, bisect.bisect_right(starts, left) - 1)
        last = bisect.bisect_left(starts, right) - 1
        if last <= first:
            continue
        speaker = None
        for index in (last, first, *range(first + 1, last)):
            whole = [c for c in cues[index] if c.scope == sentences[index]]
            if whole:
                speaker = whole[0].cluster
                break
        if speaker is None:
            continue
        for index in range(first, last + 1):
            if not cues[index]:
                inherited[index] = speaker
    opens_quote = {left: right for left, right in quote_regions(text)}
    for index in range(1, len(sentences)):
        left, right = sentences[index]
        if cues[index] or inherited[index] is not None or left not in opens_quote:
            continue
        before = sentences[index - 1]
        whole = [c.cluster for c in cues[index - 1] if c.scope == before]
        speaker = whole[0] if whole else inherited[index - 1]
        if "\n" in text[before[1] : left]:
            # A new paragraph that opens with a quotation goes on with a person quoted last.
            quoted_before = QUOTE_MARK.search(text, before[0], before[1]) is not None
            if speaker not in people or not quoted_before:
                continue
        if speaker is not None:
            inherited[index] = speaker  # a follow-up quotation: the same speaker goes on
            for following in range(index + 1, len(sentences)):
                if cues[following] or opens_quote[left] <= sentences[following][0]:
                    break
                inherited[following] = speaker  # the rest of that quotation
    return inherited


def paragraph_sources(
    text: str, sentences: list[tuple[int, int]], cues: list[list[Cue]], inherited: list[int | None]
) -> list[int | None]:
    """Carry a paragraph's published source to its sentences that have none of their own.

    "Consumers bought 208,560 cars this year. ... Dealers sold 303,417 last year, according to
    X.": a figure-reporting cue ("according to X", "X's data show") speaks for the sentences of
    its paragraph before it, and for the whole paragraph when it opens it ("According to X,
    ..."). A speech verb ("X expects ...") covers only its own sentence, and a paragraph with
    two publishers keeps each to its sentence.
    """
    carried = list(inherited)
    paragraph = 0
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    groups: dict[int, list[int]] = {}
    for index, (start, _end) in enumerate(sentences):
        paragraph = bisect.bisect_right(breaks, start)
        groups.setdefault(paragraph, []).append(index)
    for members in groups.values():
        publishers = [
            (index, cue.cluster)
            for index in members
            for cue in cues[index]
            if cue.report and cue.scope == sentences[index] and PUBLISHED.match(text, cue.start)
        ]
        speakers = {cue.cluster for index in members for cue in cues[index]}
        if len({cluster for _, cluster in publishers}) != 1 or len(speakers) != 1:
            continue  # none, or several voices: each keeps to its own sentence
        first, publisher = publishers[0]
        last = publishers[-1][0]
        opens = [c for c in cues[first] if c.start == sentences[first][0]]
        reach = members[-1] + 1 if opens else last  # "According to X, ...": what follows is X's too
        for index in members:
            if index < reach and not cues[index] and carried[index] is None:
                carried[index] = publisher
    return carried
