"""The entity of an English claim: who or what its figure describes.

Looked for nearest first: the figure's own clause (the name opening it, a possessive
before the measured noun, an "of"-phrase after the figure), then the rest of its sentence,
then the paragraph's running subject or the organization an anaphor ("the company", "it")
points back to. There is no document-wide default: when the text names nothing, the entity
is None. The source of a figure ("according to InfoNation") is not its entity unless it is
the subject of the figure's own clause ("Acme reported sales of $2 billion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Where a clause opens before a figure: punctuation, dashes, and the words that open a
# reported or subordinate clause ("X said that sales rose", "while exports fell").
CLAUSE_BREAK = re.compile(
    r"[;:(]|\s[—–-]\s|—|,(?!\d)(?!\s+or\b)|\b(?:that|while|whereas|although|though|because|which|who|"
    r"when|after|before|and|but|as|said|says|told|according\s+to)\b"
)
# After the figure, where its clause ends.
CLAUSE_END = re.compile(r"[;:)]|\s[—–-]\s|—|,(?!\d)|\b(?:while|whereas|and|but|which|who)\b")
# A sentence's opening adverbial: "On Wall Street,", "In Texas,".
INTRODUCTORY = re.compile(r"(?:In|On|At|For|Across|Outside|Inside|Within)\s[^,]{1,60},")
# Nouns that stand for an organization named earlier ("the home-improvement retailer").
ANAPHOR_HEADS = {"company", "firm", "group", "retailer", "carrier", "airline", "bank", "lender",
                 "insurer", "agency", "utility", "maker", "manufacturer", "chain", "operator",
                 "giant", "startup", "business", "plane-maker", "automaker", "carmaker", "miner",
                 "producer", "stock", "shares", "deal", "itself", "management", "publisher",
                 "developer", "broadcaster", "brewer", "chipmaker", "drugmaker", "supplier",
                 "distributor", "provider", "platform", "network", "studio", "conglomerate",
                 "telecom", "exchange", "fund", "investor", "owner", "builder", "grocer",
                 "supermarket", "refiner", "shipper", "broker", "wholesaler"}  # fmt: skip
ANAPHOR = re.compile(
    r"\b(?:it|its|(?:the|this)\s+(?:[\w-]+['’]s\s+|[\w-]+\s+){0,2}[\w-]*(?:"
    + "|".join(sorted(ANAPHOR_HEADS - {"itself", "management"}))
    + r"|maker)|(?:the|this)\s+[\w-]+-based\s+[a-z]+)\b",
    re.I,
)
ANAPHOR_HINT = re.compile(  # searched in the lowercased clause, before the full pattern
    r" it|" + "|".join(sorted(ANAPHOR_HEADS - {"itself", "management"})) + "|maker|-based"
)
# A name that only qualifies who comments: "Wall Street analysts expected $2.52 a share".
COMMENTERS = re.compile(r"\s+(?:analysts?|economists?|traders?|experts?|strategists?)\b")
# Reuters-style instrument codes: ".DJI", "CLc1", "XAU=", "US10YT=RR".
INSTRUMENT_CODE = re.compile(
    r"\.?[A-Z0-9]*[a-z]?[0-9][A-Za-z0-9]*=?|\.[A-Z]{2,}|[A-Z]{2,}=\w*|[A-Z0-9.]+=[A-Z]*"
)
# What follows a figure to name whose share or count it is: "70 percent of Americans".
OF_AFTER = re.compile(r"\s*(?:percent|per\s+cent|%)?\s*of\s+(?:the\s+|all\s+)?\Z")


# The verb that ends a clause's subject: a past form, a common finite verb or auxiliary.
SUBJECT_VERB = re.compile(
    r"(?<![\w-])(?:[a-z]{3,}ed|is|are|was|were|has|have|had|will|would|could|can|may|might|should|"
    r"rose|fell|grew|sold|bought|paid|spent|lost|won|hit|made|took|gave|saw|held|stood|"
    r"rises|falls|grows|sells|buys|pays|spends|loses|wins|hits|makes|takes|gives|sees|holds|"
    r"adds|gains|climbs|drops|jumps|slips|slides|totals|reaches|expects|plans|wants)\b"
)
# Words of a subject that are not a thing a figure is about.
NOT_SUBJECT = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "there", "these",
               "those", "which", "who", "what", "some", "many", "most", "all", "each", "one",
               "analysts", "officials", "experts", "economists", "people", "figure", "number",
               "data", "report", "study", "survey", "estimate", "forecast", "total", "never",
               "in", "of", "on", "at", "for", "to", "by", "with", "from", "but", "and", "or",
               "as", "so", "if", "than", "not", "no"}  # fmt: skip
LEADING = {"the", "a", "an", "its", "their", "his", "her", "our", "benchmark", "also", "only",
           "just", "still", "now", "then", "overall", "these", "those", "nearly", "about",
           "some", "roughly", "almost", "around", "more", "than", "over", "at", "least"}  # fmt: skip
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "dozen", "hundred", "thousand", "million", "billion"}  # fmt: skip
TRAILING = {"last", "also", "now", "still", "then", "have", "has", "had", "been", "be"}
# A market's moving instruments are the subject of their own figures, not a measure.
INSTRUMENT_HEADS = {"stocks", "shares", "equities", "bonds", "notes", "futures", "currencies"}
# Verbs of a measure's own change: their subject is what is measured ("Churn fell to 1.1%"),
# unless it is a traded thing ("Emerging market bonds rose 0.3%").
CHANGE_VERBS = {"rose", "fell", "grew", "climbed", "dropped", "declined", "increased",
                "decreased", "jumped", "slipped", "slid", "eased", "edged", "gained", "lost",
                "added", "surged", "plunged", "tumbled", "was", "were", "is", "are", "reached",
                "hit", "totaled", "totalled", "averaged", "stood", "came", "will", "would",
                "has", "have", "had"}  # fmt: skip
PRONOUN_PERSON = re.compile(r"\b(?:he|she|He|She)\b")


@dataclass(frozen=True)
class Named:
    """A name in the sentence, as offsets into the sentence, with its canonical form."""

    start: int
    end: int
    name: str
    kind: str | None
    cluster: int
    possessive: bool = False


def is_code(text: str, start: int, end: int) -> bool:
    """A market instrument code, not a name ("CLc1", ".SPX", "XAU=", "US10YT=RR")."""
    surface = text[start:end]
    if text[start - 1 : start] in (".", "=") or text[end : end + 1] == "=":
        return " " not in surface
    return " " not in surface and INSTRUMENT_CODE.fullmatch(surface) is not None


@lru_cache(maxsize=256)  # asked several times per figure
def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause a figure at ``start``..``end`` stands in."""
    opening = 0
    for match in CLAUSE_BREAK.finditer(sentence, 0, start):
        opening = match.end()
    closing = CLAUSE_END.search(sentence, end)
    return opening, closing.start() if closing else len(sentence)


def entity_in_sentence(sentence: str, start: int, end: int, named: list[Named],
                       source: int | None, share: bool = False) -> Named | None:  # fmt: skip
    """The name a figure at ``start``..``end`` of ``sentence`` is about, else None.

    ``named`` are the usable names of the sentence in order; ``source`` the cluster the
    figure is attributed to, which only counts when it opens the figure's own clause;
    ``share`` says the figure is a part ("70 percent of Americans": Americans).
    """
    left, right = clause_span(sentence, start, end)
    before = [n for n in named if left <= n.start and n.end <= start]
    owner = _share_of(sentence, end, right, named) if share else None
    if owner is not None:
        return owner
    if len(before) > 1 and before[0].possessive and before[1].start - before[0].end < 30:
        before = before[1:]  # "Dubai's flagship carrier Emirates Airline bought 30 jets"
    if before:
        first = before[0]
        if first.cluster != source or not sentence[left : first.start].strip(" ,"):
            return first
        rest = [n for n in before[1:] if n.cluster != source]
        if rest:
            return rest[0]
    after = [n for n in named if end <= n.start and n.end <= right and n.cluster != source]
    if after and re.search(r"\b(?:of|in|at|for|from|by)\s+(?:the\s+)?\Z",
                           sentence[end : after[0].start]):  # fmt: skip
        return after[0]  # "sales of Tesla", "50 million deaths in Europe"
    return None


def entity_elsewhere(sentence: str, start: int, end: int, named: list[Named],
                     source: int | None) -> Named | None:  # fmt: skip
    """A name of the sentence before the figure's clause ("In Texas, sales rose 5%"); the
    source too where the figure is of its own report ("Acme's annual report put sales at")."""
    left, _ = clause_span(sentence, start, end)
    outside = [n for n in named if n.end <= left and (n.cluster != source or n.possessive)]
    opening = INTRODUCTORY.match(sentence)
    if opening is not None and len(outside) > 1:  # "On Wall Street, the Dow ... fell"
        outside = [n for n in outside if n.start >= opening.end()] or outside
    return outside[0] if outside else None


def subject_phrase(sentence: str, start: int, end: int, metric_heads: set[str],
                   adjectives: set[str], traded: set[str]) -> str | None:  # fmt: skip
    """A lowercase noun phrase opening the figure's clause, when it is no measure itself:
    "Emerging market stocks rose 0.48%", "The government distributed 5 million masks";
    or the thing a count in the subject counts ("Two federal prison officers were charged").
    ``adjectives`` are capitalized words that may stand in it ("The Japanese yen");
    ``traded`` the things markets price, subjects of their own moves ("Spot gold rose")."""
    left, _ = clause_span(sentence, start, end)
    verb = SUBJECT_VERB.search(sentence, left, min(len(sentence), end + 40))
    if verb is None:
        return None
    if verb.start() > end:  # the figure stands in the subject: what does it count?
        left = end
    elif verb.start() > start:
        return None
    words = sentence[left : verb.start()].split()
    if words and left == 0 and words[0][:1].isupper() and words[0][1:].islower():
        words[0] = words[0].lower()  # the sentence's first word
    words = [w for w in words if not is_code(w, 0, len(w))]
    while words and words[0].lower() in LEADING:
        words.pop(0)
    while words and words[-1] in LEADING | TRAILING:
        words.pop()
    if not 1 <= len(words) <= 4:
        return None
    if not all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", w) or w.lower() in adjectives for w in words):
        return None
    heads = (metric_heads - INSTRUMENT_HEADS) | ANAPHOR_HEADS
    if NOT_SUBJECT.intersection(words) or words[-1] in heads or NUMBER_WORDS.intersection(words):
        return None
    if words[-1].endswith(
        ("builder", "maker", "company", "retailer", "carrier", "producer", "grocer")
    ):
        return None  # "The housebuilder earned": an organization named before
    if any(w.endswith("ly") for w in words):
        return None  # "newly installed capacity": an adverb, no subject
    own_move = verb.group() in CHANGE_VERBS and verb.start() < start
    if own_move and not (traded | INSTRUMENT_HEADS).intersection(w.lower() for w in words):
        return None  # "Churn fell to 1.1%": the measure, not what it is of
    return " ".join(words)


def _share_of(sentence: str, end: int, right: int, named: list[Named]) -> Named | None:
    """ "70 percent of Americans", "half of Marin County's cell sites": the name right after
    "of" owns the figure."""
    for item in named:
        if item.start >= end and item.end <= right:
            if OF_AFTER.match(sentence[end : item.start]):
                return item
            return None
    return None


def has_anaphor(sentence: str, start: int, end: int) -> bool:
    """Does the figure's clause point back to an organization ("the company", "its")?"""
    left, right = clause_span(sentence, start, end)
    clause = f" {sentence[left:right].lower()}"
    if ANAPHOR_HINT.search(clause) is None:
        return False  # most clauses: no "it", no organization noun
    return ANAPHOR.search(sentence, left, right) is not None


def person_pronoun(sentence: str, start: int, end: int) -> bool:
    """Does a "he" or "she" open the figure's clause ("He said he has spent Rs 24 lakh")?"""
    left, _ = clause_span(sentence, start, end)
    return PRONOUN_PERSON.search(sentence, left, start) is not None


def commenter(sentence: str, end: int) -> bool:
    """Is the name ending at ``end`` only a qualifier of commenters ("Wall Street analysts")?"""
    return COMMENTERS.match(sentence, end) is not None
