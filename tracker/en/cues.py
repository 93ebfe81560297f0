"""Patterns of attribution cues (speech verbs, "according to", report nouns, clause tails)
and the Cue record with the rules for one speaker per sentence.

Compiled once; ``tracker.en.sources`` matches them around each speech verb within short,
bounded windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.en import names_lexicon as nl


def _alt(words: Iterable[object]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_SAY = (
    "said|says|say|told|tells|noted|notes|added|adds|estimated|estimates|expects|expected|"
    "forecast|forecasts|predicted|predicts|projected|reported|reports|disclosed|"
    "discloses|announced|announces|warned|warns|stated|states|wrote|writes|argued|argues|"
    "explained|explains|pointed out|points out|counted|counts|wants|plans|believes|thinks|"
    "calculated|calculates|confirmed|confirms|revealed|reveals|expressed|cautioned|insisted|"
    "acknowledged|admitted|stressed|emphasized|emphasised|reckons|concluded|observed|"
    "commented|testified|recorded|registered|expect|estimate|told|tell|predict|forecast|"
    "pledged|pledges|promised|promises|vowed|vows|sees|projects|recounted|recalled|claimed|"
    "claims|asserted|contended|conceded|boasted|touted|suggested|indicated|"
    r"(?:ranked|ranks|rated|rates)(?=\s+(?:the\s+)?(?!No\b)[A-Z])"  # "The platform ranked the Saudi league fourth"
)
_DATA_VERBS = (
    "showed|shows|show|found|finds|suggest|suggests|indicate|indicates|estimated|"
    r"puts?(?=\s+(?:[\w$€£¥%.,'’-]+\s+){0,6}?at\s)"  # "put the toll at", not "put X in charge"
)
_HEAD_WORDS = nl.COMPANY_HEADS | nl.INSTITUTION_HEADS
_HEADS = _alt(_HEAD_WORDS | {h[:-1] + "ies" if h.endswith("y") else h + "s" for h in _HEAD_WORDS})
_REPORTS = _alt(nl.REPORT_NOUNS)
CUE = re.compile(
    r",\s+(?P<part>(?:saying|adding|noting|estimating|predicting|arguing)\b)"
    r"|\b(?=[a-zA])(?:(?P<acc>According\s+to\s+|according\s+to\s+)"
    r"|(?P<fchg>(?:cut|cuts|raised|raises|lowered|lowers|trimmed|trims|lifted|lifts|increased|"
    r"reduced|revised|kept|keeps|maintained|reaffirmed|upgraded|downgraded|slashed|boosted|"
    r"reiterated|stuck\s+to|stuck\s+with|stands\s+by|stood\s+by)\s+"
    r"(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:forecasts?|estimates?|outlook|guidance|targets?|"
    r"projections?)\b)"
    r"|(?P<by>(?:compiled|published|released|polled|surveyed|conducted|commissioned|prepared|"
    r"issued|produced|collected|gathered|tracked|measured|provided|reported|put\s+at|"
    r"estimated|valued|forecast|projected|touted|cited|announced|claimed|promised|proposed|"
    r"identified|calculated)\s+(?:[\w$€£¥.,]+\s+){0,3}?by\s+)"
    rf"|(?P<say>(?:{_SAY})\b)"
    rf"|(?P<data>(?:{_DATA_VERBS})\b)"
    rf"|(?P<from>(?:{_REPORTS}|directive|statement|filing|guidance|rules)\s+(?:[a-z]+\s+){{0,3}}?"
    r"(?:from|by)\s+))"
)
ADV_TAIL = re.compile(
    r"(?:\s+(?:also|previously|separately|recently|later|earlier|now|still|has|have|had|would|"
    r"will|then|further|again|already|too|just|originally|initially|once|jointly|is|was|were|"
    r"are|did|does|do|not|never|had|on\s+\w+day|last\s+\w+|this\s+\w+|in\s+a\s+statement|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"in\s+an?\s+[\w-]+\s+(?:report|note|statement|filing|interview))\b|\s*\([^()]{1,40}\))+\s*\Z"
)
REPORT_TAIL = re.compile(
    rf"(?:['’]s?|\s)\s*(?:[a-z][\w-]*\s+){{0,2}}(?:{_REPORTS})\Z|\s+(?:{_REPORTS})\Z"
)
PRONOUN_TAIL = re.compile(r"(?<![\w])(he|she|it|they|He|She|It|They)\Z")
GENERIC_TAIL = re.compile(  # "the company", "its report", "Turkey's banking watchdog"
    rf"(?:\b(?:the|The|its|Its|this|This)\s+(?:(?:[\w-]+\s+){{0,2}}[\w-]+,\s+(?=[\w-]+-based\s))?"
    rf"(?:[\w-]+\s+){{0,3}}?"
    rf"|\b[A-Z][\w.]*['’]s\s+(?:[\w-]+\s+){{0,3}}?(?=(?:{_HEADS})\Z))"
    rf"({_HEADS}|{_REPORTS})\Z"
)
GENERIC_HEAD = re.compile(rf"\s*(?:the|its|this)\s+(?:[\w-]+\s+){{0,3}}?({_HEADS}|{_REPORTS})\b")
REPORT_FROM = re.compile(rf"\s+(?:{_REPORTS})\s+(?:from|by|of)\s+(?:the\s+)?")
RELATIVE_TAIL = re.compile(r",\s*(?:which|who)\Z")
# "NASA's Monday announcement", "the agency's latest data"; a market index is no report
POSS_REPORT = re.compile(
    rf"['’]s?\s+(?:(?:[a-z][\w-]*|[A-Z][a-z]+day)\s+){{0,2}}(?!index\b)(?:{_REPORTS})\b"
)
GENERIC_POSS = re.compile(
    rf"\b(?:the|The)\s+(?:[\w-]+\s+){{0,2}}?({_HEADS})['’]s\s+(?:[a-z][\w'’-]*\s+){{0,3}}(?:{_REPORTS})\b"
)
# Between a possessive name and the organization it owns: "Brazil('s oil regulator )ANP".
POSSESSIVE_GAP = re.compile(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,4}")
_TITLES = _alt(
    {w.upper() for w in nl.ROLE_WORDS if len(w) <= 3} | {w.title() for w in nl.ROLE_WORDS}
)
LOWER_GAP = re.compile(  # "said (the senior economist) (Dr.) Name", "said CEO Name"
    r"\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,5}(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?"
    rf"(?:(?:{_TITLES})\s+){{0,3}}\Z"
)
NP_BEFORE_DATA = re.compile(
    rf"((?:[A-Za-z][\w-]*\s+){{1,4}})(?:data|figures|statistics|estimates|{_REPORTS})\b"
)
# Cue verbs of intent rather than speech: what follows a coordinating "and" is not theirs.
INTENT_VERBS = {"plans", "wants", "expects", "expect", "pledged", "pledges", "promised",
                "promises", "vowed", "vows", "believes", "thinks"}  # fmt: skip
COORDINATED = re.compile(r",?\s+(?:and|while|but|whereas)\s+")
AMBIGUOUS_VERBS = {"forecast", "forecasts", "estimate", "estimates", "reports", "plans", "counts",
                   "shows", "show", "states", "notes", "put", "puts", "found", "registered",
                   "recorded", "expect", "estimated", "projects", "claims"}  # fmt: skip
NOUN_NEXT = re.compile(r"\s*(?:of\b|for\b|is\b|was\b|has\b|had\b|and\b|in\s+\d|\Z)")
# Who leads or belongs to a group, set off by commas before its verb.
LED_BY_TAIL = re.compile(r",\s*(?:led\s+by|headed\s+by|including|among\s+them)\s+[^,]{2,60},\Z")
RELEASED_TAIL = re.compile(
    r"\s+(?:released|published|issued|out)(?:\s+(?:on\s+\w+|last\s+\w+|this\s+\w+|earlier|today))?\Z"
)
GROUP_TAIL = re.compile(rf"\s+(?:{_alt(nl.PEOPLE_GROUPS)})\Z")
NAME_S_VERBS = {"said", "says", "told", "tells", "added", "adds", "noted", "warned", "announced",
                "wrote", "stated"}  # fmt: skip
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+\Z")
APPOSITION_OPENER = re.compile(
    rf"\s*(?:[A-Z]|\d{{2}},|(?:a|an|the|another|who|which|whose|its|his|her|their|one|both|also|"
    rf"{_alt(nl.ROLE_WORDS | nl.PERSON_DESCRIPTORS)})\b|[\w-]+-based\b"
    r"|in\s+(?:a|an|its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|note|filing)\b)"
)
POSSESSIVE_TAIL = re.compile(r"['’]s?\Z")
SUBORDINATE = re.compile(
    r"\b(?:after|when|because|since|although|though|whereas|as|while)\s+(?:[\w'’.-]+\s+){0,5}\Z"
)
THE_WORD_TAIL = re.compile(r"\b[Tt]he\s+([a-z]{3,})\Z")
SHARE_OF = re.compile(
    r"(?:%|\bper\s?cent|\bpercent|\d|\bmost|\bmany|\bhalf|\bthird|\bmajority)\s+of\s+(?:the\s+)?\Z"
)
PLACE_BEFORE = re.compile(r"\bin\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\Z")
PLACE_IN = re.compile(r"\bin\s+\Z")
FROM_BY = re.compile(r"\b(?:from|by)\s+")
CLAUSE_NEXT = re.compile(r"\s+(?:that\b|it\b|he\b|she\b|they\b|we\b|the\b|its\b|[A-Z])")
AMOUNT_NEXT = re.compile(
    r"\s+(?:[$€£¥\d]|about\b|roughly\b|some\b|nearly\b|more\b|another\b|an?\s|new\b|up\b|to\b)"
)
IN_REPORT_AFTER = re.compile(
    rf"\s+(?:on\s+\w+\s+)?in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_REPORTS}|bulletin)\b"
)
PERSON_GENERIC_TAIL = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:minister|chairman|chairwoman|president|governor|secretary|"
    r"analyst|economist|executive|official|spokesman|spokeswoman|spokesperson|commissioner|mayor|"
    r"senator|director|founder|ceo|cfo|chief|researcher|professor|strategist)\Z"
)
AND_BEFORE = re.compile(r"\s+and\s+\Z")
WROTE_OK = re.compile(r"\s*(?:in|on|that|:|,)")
PEOPLE_BEFORE = re.compile(rf"\b(?:{_alt(nl.PEOPLE_GROUPS)})\s+\Z")
SCHEDULED = re.compile(
    r"\s+(?:(?:its\s+)?(?:results|earnings)\s+)?(?:on|next|later|after|before|[A-Z][a-z]+day)\b"
)
# "The health watchdog will inspect ..., it said": "it" is the sentence's own subject.
SUBJECT_GENERIC = re.compile(rf"\s*(?:The|Its)\s+(?:[\w-]+\s+){{0,2}}?({_HEADS})\b(?!['’])")
PRONOUN_REPORT = re.compile(rf"\s*(his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{_REPORTS})\b")
ITS_ROLE_TAIL = re.compile(  # "Its governor said": someone speaking for the organization
    r"\b[Ii]ts\s+(?:[\w-]+\s+){0,2}?(?:governor|chairman|chairwoman|president|chief|executive|"
    r"spokesman|spokeswoman|spokesperson|head|director|ceo|cfo|boss|owner|analysts?|"
    r"economists?|researchers?|strategists?|experts?)\Z"
)

ACRONYM_TAIL = re.compile(r"\s+\([A-Z][A-Za-z&.+-]{1,12}\)\Z")
TITLE_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*)\s+\Z")


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution: ``cluster`` is the source of figures in ``scope`` (text offsets)."""

    start: int
    end: int
    cluster: int
    scope: tuple[int, int]
    report: bool = False
    verb: bool = False  # a speech verb ("said"), which a later speech verb may not override
    tail: bool = False  # ", the company said.": the speaker of the whole sentence


def after_break(text: str, start: int, position: int) -> bool:
    """Does ``position`` open a clause after a comma or a closing quote?"""
    before = text[start:position].rstrip()
    if before.endswith((" the", " The")):  # ", the Treasury said"
        before = before[:-4].rstrip()
    return bool(before) and before[-1] in ',"”’'


def title_start(text: str, position: int) -> int:
    """Where the title before a name starts: "..., Chief Executive Dana Holt told"."""
    titled = False
    while True:
        word = TITLE_WORD_BEFORE.search(text, max(0, position - 30), position)
        if word is None:
            return position
        if word.group(1).lower() not in nl.ROLE_WORDS:
            # "Housing Minister", "Finance Secretary": one field word before a title
            return word.start() if titled and word.group(1).isalpha() else position
        position, titled = word.start(), True


def main_speaker(cues: list[Cue]) -> list[Cue]:
    """One speaker per sentence: a trailing ", X said" wins, else the first speech verb.

    Later speech verbs belong to what was reported ("He added that the airline expected").
    """
    verbs = [cue for cue in cues if cue.verb]
    if len(verbs) < 2:
        return cues
    tails = [cue for cue in verbs if cue.tail]
    keep = tails[-1] if tails else verbs[0]
    return [cue for cue in cues if not cue.verb or cue is keep]


CLAUSE_BREAK = re.compile(r",(?!\d)")  # "1,400" holds no clause break


def comma_clause(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited clause of ``text[start:end]`` around ``position``."""
    left = -1
    for found in CLAUSE_BREAK.finditer(text, start, position):
        left = found.start()
    found_right = CLAUSE_BREAK.search(text, position, end)
    right = found_right.start() if found_right is not None else -1
    return (left if left >= 0 else start, right if right >= 0 else end)


ROLE_GAP = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})")


def role_gap(text: str, end: int, start: int) -> bool:
    """ "said Westpac senior economist Satish Ranchhod": only a title between two names."""
    gap = ROLE_GAP.fullmatch(text, end, start)
    return gap is not None and any(
        word in nl.ROLE_WORDS or word in nl.PERSON_DESCRIPTORS for word in gap.group(1).split()
    )
