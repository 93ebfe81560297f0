"""Which figures moved: align one article's claims across versions, compare figures across articles.

Pure functions over :class:`tracker.model.Claim` lists; no I/O. ``tracker.tracking.ingest`` turns the
results into flags.

Within an article, an edit is found by aligning the sentences that carry claims with their
numbers masked (so "rose 6%" and "rose 5%" are the same sentence), then the claims inside each
pair of sentences in order, then any claims left over by claim key. A paired claim whose value or
unit differs is ``revised``; an unpaired new claim is ``added``, an unpaired old one ``removed``.
Across articles, two values for one key are compared at the precision of the less precise
figure, so "18.4 million" and "18.37 million" are the same figure and "20 million" and
"19.2 million" are not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tracker.model import Claim

# A sentence that was reworded around its numbers still pairs when this similar.
FUZZY_SENTENCE_RATIO = 0.6

_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|third|"
    r"quarter|first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:-\w+)?\b",
    re.IGNORECASE,
)
_CJK_NUMERALS = re.compile(r"[零〇一二两三四五六七八九十百千万亿兆]+")
_SPACES = re.compile(r"\s+")
_MASK_RUN = re.compile(r"#(?:[\s-]*#)*")
_FIRST_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.(\d+))?")


@dataclass(frozen=True)
class Change:
    """One edit between two versions: indexes into the old and new claim lists."""

    kind: str  # "revised" | "added" | "removed"
    old: int | None
    new: int | None


def mask_numbers(sentence: str) -> str:
    """The sentence with every number (digits, number words, CJK numerals) replaced by '#'."""
    masked = _DIGITS.sub("#", sentence)
    masked = _NUMBER_WORDS.sub("#", masked)
    masked = _MASK_RUN.sub("#", _CJK_NUMERALS.sub("#", masked))
    return _SPACES.sub(" ", masked).strip()


def _sentence_groups(claims: Sequence[Claim]) -> list[list[int]]:
    """Claim indexes grouped by sentence, groups in text order, claims in text order."""
    groups: dict[str, list[int]] = {}
    for index in sorted(range(len(claims)), key=lambda i: (claims[i].start, i)):
        groups.setdefault(claims[index].sentence, []).append(index)
    return list(groups.values())


def _pair_sentences(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Pairs of (old, new) sentence indexes: same masked text in order, then moved, then similar."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    # A sentence moved to another place keeps its masked text.
    for i, text in enumerate(old):
        if i in used_old:
            continue
        for j, other in enumerate(new):
            if j not in used_new and other == text:
                pairs.append((i, j))
                used_old.add(i)
                used_new.add(j)
                break
    candidates = []
    for i, text in enumerate(old):
        if i in used_old:
            continue
        for j, other in enumerate(new):
            if j not in used_new:
                ratio = SequenceMatcher(None, text, other, autojunk=False).ratio()
                if ratio >= FUZZY_SENTENCE_RATIO:
                    candidates.append((ratio, i, j))
    for _, i, j in sorted(candidates, key=lambda item: (-item[0], item[1], item[2])):
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return pairs


def _same_metric(a: Claim, b: Claim) -> bool:
    """Whether two claims may state one figure: their metrics agree when both have one.

    The metric comes from the claim's own sentence; entity and period may come from the
    sentences around it, which an edit that moves paragraphs changes, so they are not asked.
    """
    return not a.metric or not b.metric or a.metric == b.metric


def _pair_in_sentence(
    old: Sequence[Claim],
    new: Sequence[Claim],
    old_ids: list[int],
    new_ids: list[int],
    *,
    exact: bool,
) -> list[tuple[int, int]]:
    """Pair claims of two aligned sentences in order, by unit.

    In a reworded sentence (``exact`` False) claims pair only when their metrics agree, so a
    sentence built like its neighbour ("X said Y rose #%") does not pass for an edit of it.
    """
    matcher = SequenceMatcher(
        None, [old[i].unit for i in old_ids], [new[j].unit for j in new_ids], autojunk=False
    )
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.extend(zip(old_ids[i1:i2], new_ids[j1:j2], strict=True))
    return [(i, j) for i, j in pairs if exact or _same_metric(old[i], new[j])]


def align(old: Sequence[Claim], new: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of claims that state the same figure in two versions."""
    old_groups, new_groups = _sentence_groups(old), _sentence_groups(new)
    old_masked = [mask_numbers(old[g[0]].sentence) for g in old_groups]
    new_masked = [mask_numbers(new[g[0]].sentence) for g in new_groups]
    pairs: list[tuple[int, int]] = []
    for i, j in sorted(_pair_sentences(old_masked, new_masked)):
        exact = old_masked[i] == new_masked[j]
        pairs.extend(_pair_in_sentence(old, new, old_groups[i], new_groups[j], exact=exact))
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    # Left-over claims pair by claim key when the key is unambiguous on both sides.
    old_by_key: dict[str, list[int]] = {}
    new_by_key: dict[str, list[int]] = {}
    for i, claim in enumerate(old):
        if i not in used_old and claim.key:
            old_by_key.setdefault(claim.key, []).append(i)
    for j, claim in enumerate(new):
        if j not in used_new and claim.key:
            new_by_key.setdefault(claim.key, []).append(j)
    for key, old_ids in old_by_key.items():
        new_ids = new_by_key.get(key, [])
        if len(old_ids) == 1 and len(new_ids) == 1:
            pairs.append((old_ids[0], new_ids[0]))
    return sorted(pairs, key=lambda pair: pair[1])


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def version_changes(old: Sequence[Claim], new: Sequence[Claim]) -> list[Change]:
    """``revised`` / ``added`` / ``removed`` between an article's previous and new claims."""
    pairs = align(old, new)
    changes = [
        Change("revised", i, j)
        for i, j in pairs
        if old[i].unit != new[j].unit or not _same_value(old[i].value, new[j].value)
    ]
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    changes += [Change("added", None, j) for j in range(len(new)) if j not in paired_new]
    changes += [Change("removed", i, None) for i in range(len(old)) if i not in paired_old]
    return changes


def precision_step(value: float, surface: str) -> float:
    """The smallest step the surface can express: "18.4 million" -> 100000, "630" -> 1.

    A figure written without digits ("five", "三") is taken as exact.
    """
    match = _FIRST_NUMBER.search(surface or "")
    if not match:
        return abs(value) * 1e-9
    written = float(match.group(0).replace(",", ""))
    decimals = len(match.group(1) or "")
    scale = value / written if written else 1.0
    return abs(scale) * 10.0**-decimals or abs(value) * 1e-9


def same_figure(old_value: float, old_surface: str, new_value: float, new_surface: str) -> bool:
    """True when two values agree at the precision of the less precise one."""
    step = max(precision_step(old_value, old_surface), precision_step(new_value, new_surface))
    if step <= 0:
        return _same_value(old_value, new_value)
    # Round the more precise value to the coarser step; half a step either way is the same figure.
    return abs(old_value - new_value) <= step / 2 * (1 + 1e-9)


def _one_figure(claims: Sequence[Claim]) -> bool:
    """Whether all these claims state one figure (same unit, same value at their precision)."""
    first = claims[0]
    return all(
        claim.unit == first.unit
        and same_figure(first.value, first.surface, claim.value, claim.surface)
        for claim in claims[1:]
    )


def cross_article_change(
    latest: Sequence[Claim], new: Sequence[Claim]
) -> tuple[Claim, Claim] | None:
    """(old, new) claims when a new article changes a figure, else None.

    ``latest`` are the claims with one key in the most recent other article that has it,
    ``new`` those with the same key in the new article. It is a change when both sides state
    one figure each and the two differ at the precision of the less precise one. Not a change:
    a key that holds two different values within one article (it is too coarse to tell which
    figure is meant), values in different units (dollars against euros), and figures without
    a period (two share moves or running totals with no date are as likely two moments).
    """
    if not latest or not new or not new[0].period:
        return None
    if not _one_figure(latest) or not _one_figure(new):
        return None
    old, fresh = latest[0], new[0]
    if old.unit != fresh.unit or same_figure(old.value, old.surface, fresh.value, fresh.surface):
        return None
    return old, fresh
