"""The entity of each English claim, walking an article's figures in order.

The sentence-level rules live in ``tracker.en.keys``; this resolver adds what needs the
whole text: which names are usable, the paragraph's running subject, and what an anaphor
("the company", "it", "he") points back to.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tracker.en import names_lexicon as nl
from tracker.en.keys import (
    Named,
    clause_span,
    commenter,
    entity_elsewhere,
    entity_in_sentence,
    has_anaphor,
    is_code,
    person_pronoun,
    subject_phrase,
)
from tracker.en.names import Mention, NameFinder
from tracker.en.numbers import Quantity
from tracker.en.subject import MARKET_WORDS, METRIC_HEADS, entity_name

# A title that makes the capitalized word before it a government portfolio ("Finance Minister").
PORTFOLIO = re.compile(r"\s+(?:Minister|Secretary|Commissioner)\b")
FRACTION = re.compile(r"(?:a|one|two)?[\s-]*(?:half|third|quarter|fifth|tenth)s?\b", re.I)
# A capitalized opening word that is a name after all: a verb follows ("Beijing also wants").
VERB_NEXT = re.compile(
    r"\s+(?:also|said|says|has|have|had|is|was|were|are|will|would|could|can|wants|plans|"
    r"expects|reported|announced|posted|sold|bought|made|took|[a-z]+ed)\b"
)
RIVAL = re.compile(r"\b(?:[Rr]ival|[Pp]eer|[Cc]ompetitor|[Cc]ompeting)\s+\Z")
DEMONYMS = {"korean": "Korea", "chinese": "China", "indian": "India", "japanese": "Japan",
            "german": "Germany", "french": "France", "british": "Britain", "russian": "Russia",
            "brazilian": "Brazil", "mexican": "Mexico", "canadian": "Canada", "italian": "Italy",
            "australian": "Australia", "spanish": "Spain", "turkish": "Turkey", "irish": "Ireland",
            "polish": "Poland", "dutch": "Netherlands", "swedish": "Sweden", "african": "Africa",
            "american": "America", "vietnamese": "Vietnam", "indonesian": "Indonesia",
            "pakistani": "Pakistan", "nigerian": "Nigeria", "egyptian": "Egypt",
            "iranian": "Iran", "israeli": "Israel", "saudi": "Saudi Arabia"}  # fmt: skip
# Country abbreviations the name finder leaves out: "U.S. soybean exports".
COUNTRY_CODE = re.compile(r"\bU\.S\.(?=\s)|\bU\.K\.(?=\s)|\b(?:US|UK|EU)\b(?!\$)")
COUNTRY_SHORT = {"u.s.", "u.k.", "us", "uk", "eu"}  # names of places, not common words
MAX_SCAN = 500
SALIENT_SCAN = 150  # mentions counted back for "the company" (a few paragraphs)  # names looked back at for an anaphor (bounds huge inputs)
ANAPHOR_REACH = 3000  # characters back an anaphor ("the company") looks for its organization


@lru_cache(maxsize=1024)  # names repeat within an article
def _name(name: str | None) -> str | None:
    """The entity's name: company suffixes dropped, a people's adjective made its country
    ("South Korean" -> "South Korea")."""
    name = entity_name(name)
    if name is None:
        return None
    words = name.split()
    country = DEMONYMS.get(words[-1].lower())
    if country is not None and all(w[:1].isupper() for w in words):
        return " ".join([*words[:-1], country])
    return name


class EntityResolver:
    """Entities of one text's figures, asked for in text order."""

    def __init__(self, text: str, finder: NameFinder) -> None:
        self.text = text
        self.finder = finder
        self.running: tuple[int, str | None] | None = None  # (paragraph, entity)
        self.in_sentence: tuple[int, str | None] = (-1, None)  # (sentence, last entity)
        self._named: tuple[int, list[Named]] = (-1, [])  # (sentence start, usable names)
        self._starts: list[int] | None = None  # of the finder's mentions, in text order

    def _mention_starts(self) -> list[int]:
        if self._starts is None or len(self._starts) != len(self.finder.mentions):
            self._starts = [m.start for m in self.finder.mentions]
        return self._starts

    def _usable_names(self, mentions: list[Mention], sentence: str,
                      sentence_start: int) -> list[Named]:  # fmt: skip
        names = [
            Named(
                m.start - sentence_start,
                m.end - sentence_start,
                self.finder.clusters[m.cluster].name,
                self.finder.clusters[m.cluster].kind,
                m.cluster,
                m.possessive,
            )  # fmt: skip
            for m in mentions
            if self._usable(m, mentions)
        ]
        for match in COUNTRY_CODE.finditer(sentence):
            if not any(n.start <= match.start() < n.end for n in names):
                names.append(Named(match.start(), match.end(), match.group(), "place", -1))
        return sorted(names, key=lambda n: n.start)

    def entity(self, quantity: Quantity, cluster: int | None, mentions: list[Mention],
                sentence: str, sentence_start: int) -> str | None:  # fmt: skip
        """The figure's clause, then its sentence, then the paragraph's running subject or
        the organization an anaphor points back to; None when the text names nothing."""
        if self._named[0] != sentence_start:
            self._named = (sentence_start, self._usable_names(mentions, sentence, sentence_start))
        named = self._named[1]
        start, end = quantity.start - sentence_start, quantity.end - sentence_start
        share = quantity.kind == "percent" or FRACTION.match(self.text, quantity.start) is not None
        paragraph = self.text.rfind("\n", 0, sentence_start)
        found = entity_in_sentence(sentence, start, end, named, cluster, share)
        if found is None and has_anaphor(sentence, start, end):
            left = clause_span(sentence, start, end)[0]
            here = [n for n in named if n.end <= left and self._org_like(n.cluster)]
            topic = _name(here[0].name) if here else None  # "Acme said it earned"
            topic = topic or self._salient_organization(sentence_start)
            if topic is not None:
                self.running = (paragraph, topic)
                return topic
        if found is None and person_pronoun(sentence, start, end):
            person = self._last_named(quantity.start, "person")
            if person is not None:
                self.in_sentence = (sentence_start, person)
                return person
        found = found or entity_elsewhere(sentence, start, end, named, cluster)
        if found is not None:
            entity = _name(found.name)
            self.in_sentence = (sentence_start, entity)
            if found.kind != "person":
                self.running = (paragraph, entity)
            return entity
        phrase = subject_phrase(sentence, start, end, METRIC_HEADS, nl.NOT_NAMES, MARKET_WORDS)
        if phrase is not None:
            return phrase
        if self.in_sentence[0] == sentence_start:
            return self.in_sentence[1]  # "he has spent Rs 24 lakh ... and Rs 40 lakh on"
        if self.running is not None and self.running[0] == paragraph:
            return self.running[1]
        return self._paragraph_subject(paragraph + 1, sentence_start)

    def _paragraph_subject(self, paragraph_start: int, sentence_start: int) -> str | None:
        """The organization or place a paragraph's earlier sentences open with ("Acme
        reported results on Monday. Its margin rose to 12%.")."""
        mentions = self.finder.mentions
        starts = self._mention_starts()
        index = bisect.bisect_left(starts, paragraph_start)
        while index < len(mentions) and mentions[index].start < sentence_start:
            mention = mentions[index]
            index += 1
            cluster = self.finder.clusters[mention.cluster]
            if cluster.kind == "person" or not self._usable(mention, [mention]):
                continue
            return _name(cluster.name)
        return None

    def _usable(self, mention: Mention, mentions: list[Mention]) -> bool:
        named = self.finder.clusters[mention.cluster]
        if mention.name.lower() in COUNTRY_SHORT:
            return True  # "U.S. soybean exports fell"
        if (
            mention.initial
            and named.kind is None
            and len(named.members) == 1
            and not mention.possessive
            and not VERB_NEXT.match(self.text, mention.end)
        ):
            return False  # "Charter rates have fallen": a capitalized opening word
        if mention.prefix and named.kind is None and PORTFOLIO.match(self.text, mention.end):
            return False  # "Finance Minister Rui Castro": a portfolio, not an organization
        if mention.possessive and self._apposed_to_organization(mention, mentions):
            return False  # "Volkswagen, Europe's largest carmaker, kept": Volkswagen's figure
        code = is_code(self.text, mention.start, mention.end)
        if commenter(self.text, mention.end):
            return False  # "Wall Street analysts": who expects a figure, not its subject
        low = mention.name.lower()
        return (low not in nl.NOT_NAMES or low in COUNTRY_SHORT) and not code

    def _org_like(self, index: int) -> bool:
        """An organization, or a name whose kind nothing told (a person only guessed)."""
        if index < 0:
            return True  # "U.S.", "EU"
        cluster = self.finder.clusters[index]
        return cluster.kind != "person" or not cluster.evidence and not cluster.role

    def _salient_organization(self, offset: int) -> str | None:
        """What "the company" points back to: the organization named most often before
        ``offset`` in the last few paragraphs, the first named on a tie; not a rival's
        ("Rival Lowe's was also lower")."""
        mentions = self.finder.mentions
        index = bisect.bisect_left(self._mention_starts(), offset)
        counts: dict[int, tuple[int, int]] = {}
        for mention in mentions[max(0, index - SALIENT_SCAN) : index]:
            if mention.start < offset - ANAPHOR_REACH:
                continue
            cluster = self.finder.clusters[mention.cluster]
            guessed = cluster.kind != "organization" and not cluster.evidence and not cluster.role
            if cluster.kind == "person" and not guessed or not self._usable(mention, [mention]):
                continue  # a person, unless only guessed one from a two-word name
            if RIVAL.search(self.text, max(0, mention.start - 12), mention.start):
                continue
            seen, first = counts.get(mention.cluster, (0, -mention.start))
            counts[mention.cluster] = (seen + 1, first)
        if not counts:
            return None
        best = max(counts, key=lambda cluster: counts[cluster])
        return _name(self.finder.clusters[best].name)

    def _last_named(self, offset: int, kind: str) -> str | None:
        """The person or organization named last before ``offset`` (what "the company" or
        "he" points to)."""
        mentions = self.finder.mentions
        index = bisect.bisect_left(self._mention_starts(), offset)
        for mention in reversed(mentions[max(0, index - MAX_SCAN) : index]):
            if self.finder.clusters[mention.cluster].kind == kind:
                return _name(self.finder.clusters[mention.cluster].name)
        return None

    def _apposed_to_organization(self, mention: Mention, mentions: list[Mention]) -> bool:
        """Does ``mention`` open an apposition to the organization named just before it
        ("Volkswagen, Europe's largest carmaker,")? Not to a person ("Fiona Caldwell,
        Harcourt's chief executive,": her company is the one the figure is about)."""
        before = self.text[: mention.start].rstrip()
        if not before.endswith(","):
            return False
        named = next((m for m in reversed(mentions) if m.end <= len(before) - 1), None)
        if named is None or self.text[named.end : len(before) - 1].strip():
            return False
        return self.finder.clusters[named.cluster].kind != "person"
