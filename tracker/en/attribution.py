"""Attribution as a document-level pass: which source each sentence's figures belong to when
no cue of their own sentence covers them.

News attributes across sentences: a quotation runs over several sentences and paragraphs (an
opening mark with no closing one continues into the next paragraph) and keeps its speaker; a
publisher cue ("according to X", "X's data show") gives X the figures of its paragraph before
it, and those after it when it frames them ("According to X, ...", "a new X poll shows"). The
cues of each sentence (``tracker.en.sources``) are the input; a figure outside every cue's
scope and every carried span stays the writer's own.
"""

from __future__ import annotations

import bisect
import re

from tracker.en.cues import Cue

# Publishing cues that frame the sentences after them too: "A new X poll shows ...".
FRAMING = re.compile(r"(?:show|shows|showed|found|finds|suggests?|indicates?)\b")
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
    regions = quote_regions(text)
    for left, right in regions:
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
    opens_quote = dict(regions)
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
    its paragraph before it; one that frames what follows ("According to X, ...", "A new X poll
    shows ...") also for the sentences after it, up to the next cue. A speech verb ("X expects
    ...") covers only its own sentence, and a paragraph where someone else speaks carries no
    publisher at all.
    """
    carried = list(inherited)
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    groups: dict[int, list[int]] = {}
    for index, (start, _end) in enumerate(sentences):
        groups.setdefault(bisect.bisect_right(breaks, start), []).append(index)
    for members in groups.values():
        publishing: dict[int, tuple[int, bool]] = {}  # sentence -> (publisher, frames what follows)
        voices = set()
        for index in members:
            for cue in cues[index]:
                if (
                    cue.report
                    and cue.scope == sentences[index]
                    and PUBLISHED.match(text, cue.start)
                ):
                    frames = cue.start == sentences[index][0] or FRAMING.match(text, cue.start)
                    publishing.setdefault(index, (cue.cluster, bool(frames)))
                else:
                    voices.add(cue.cluster)
        if not publishing or voices - {cluster for cluster, _ in publishing.values()}:
            continue  # no publisher, or someone else speaks: each keeps to its own sentence
        for position, index in enumerate(members):
            if cues[index] or carried[index] is not None:
                continue
            carried[index] = _nearest_publisher(members, position, cues, publishing)
    return carried


def _nearest_publisher(
    members: list[int],
    position: int,
    cues: list[list[Cue]],
    publishing: dict[int, tuple[int, bool]],
) -> int | None:
    """The framing publisher before ``members[position]``, else the one closing after it, with
    no other cue in between."""
    for index in reversed(members[:position]):
        if index in publishing:
            cluster, frames = publishing[index]
            if frames:
                return cluster
            break
        if cues[index]:
            break
    for index in members[position + 1 :]:
        if index in publishing:
            return publishing[index][0]
        if cues[index]:
            return None
    return None
