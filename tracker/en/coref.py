"""Who "he", "she", "it", "the company" or "the report" points back to.

The article is read in order; every mention of a known person or organization, and every
resolved reference, is remembered with its position. A pronoun or generic noun phrase
resolves to the nearest fitting antecedent before it: a person for "he"/"she", an
organization whose name holds the head noun for "the exchange", "the federation" (and no
other), a company (not a public body) for "the company", "the firm", "the carrier", and the
last publisher of
figures for "the report". The look-back is bounded, so resolution stays linear.
"""

from __future__ import annotations

import bisect
import re

from tracker.en import names_lexicon as nl
from tracker.en.cues import SUBJECT_GENERIC
from tracker.en.names import Cluster, Mention, NameFinder, is_institution, is_org_name

PLURAL_HEADS = {
    (head[:-1] + "ies" if head.endswith("y") else head + "s"): head
    for head in nl.COMPANY_HEADS | nl.INSTITUTION_HEADS
}
LOOK_BACK = 80  # remembered mentions scanned for one reference
CENTRAL_BANK_NAME = re.compile(
    r"^(?:Bank of [A-Z]|Banco de [A-Z]|Banque de [A-Z]|Bundesbank)|\b(?:Reserve|Central|Centrale)\b"
)
VERB_NEXT = re.compile(
    r"\s+(?:[a-z]+ed|said|says|sold|made|took|won|lost|grew|rose|fell|has|had|is|was|will|"
    r"plans|expects|reported|delivers|sells|makes)\b"
)
MARKET_NEXT = re.compile(
    r"\s+(?:prices|shares|sales|exports|volumes|output|index|auctions?)\s+"
    r"(?:rose|fell|climbed|dropped|gained|slipped|jumped|eased|edged|increased|decreased)\b"
)
OWNED_TITLE = re.compile(r"\s*the\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)['’]s\s+")
DATA_AFTER = re.compile(r"\s+(?:data|figures|estimates|statistics|index|survey|poll)\b")
GOVERNMENT_HEADS = {"ministry", "department", "treasury", "government"}
# Public bodies whose lowercase modifiers name their field: "the tax authority", "the
# social security agency" (unlike "the fiscal watchdog" or "the industry body").
FIELD_NAMED_HEADS = {"agency", "authority", "ministry", "department", "office", "bureau",
                     "commission", "service", "administration", "institute"}  # fmt: skip
# Modifiers of a public body that say where or how high it sits, not what field it covers.
LEVEL_ADJECTIVES = {"federal", "national", "state", "central", "regional", "local", "provincial",
                    "municipal", "government", "public", "official", "independent", "top",
                    "main", "chief", "new", "same", "country", "nation", "city", "global",
                    "international", "domestic", "foreign", "powerful", "influential",
                    "industry", "trade", "lobby", "business", "sector", "employers"}  # fmt: skip
LOOK_AHEAD = 1500  # characters after a generic noun within which its organization may be named
RECENT_SPEAKER = 400  # characters within which "it" is the organization that last spoke


def cluster_kind(cluster: Cluster) -> str:
    """The cluster's kind, guessing from its length when nothing else told."""
    if cluster.kind:
        return cluster.kind
    return "person" if len(cluster.tokens) in (2, 3) else "organization"


def fits(cluster: Cluster, head: str) -> bool:
    """Does the generic noun ``head`` ("regulator", "lender") fit this organization's name?"""
    lowered = {token.lower().strip(".,") for token in cluster.tokens}
    if head in lowered:
        return True
    words = nl.HEAD_FITS.get(head)
    return bool(words and not lowered.isdisjoint(words))


class Antecedents:
    """Remembered mentions and references of one article, in text order."""

    def __init__(self, finder: NameFinder) -> None:
        self.finder = finder
        self.history: list[tuple[int, int]] = []  # (position, cluster index)
        self.report_issuers: list[int] = []
        self.org_sources: list[int] = []
        self.last_org_source = -(10**9)
        self.last_source: int | None = None
        self.starts = [mention.start for mention in finder.mentions]
        self.subject: tuple[int, int] | None = (
            None  # (where, cluster) the last sentence opened with
        )
        self.ministry: int | None = None  # the unnamed "oil ministry" spoken of, if any

    def remember(self, position: int, cluster: int) -> None:
        self.history.append((position, cluster))

    def _candidates(self, position: int, local: list[tuple[int, int]]) -> list[int]:
        found = [c for p, c in reversed(local) if p < position]
        for _, cluster in reversed(self.history[-LOOK_BACK:]):
            found.append(cluster)
        return found

    def person(
        self, position: int, local: list[tuple[int, int]], title: str | None = None
    ) -> int | None:
        """Nearest known person, else the nearest name that looks like one ("Marta Seixas");
        with ``title`` ("president"), the nearest person holding it, if one does."""
        guess = None
        candidates = self._candidates(position, local)
        if title:
            for index in candidates[:LOOK_BACK]:
                cluster = self.finder.clusters[index]
                if cluster.kind == "person" and title in (cluster.role or "").lower().split():
                    return index
        for index in candidates:
            cluster = self.finder.clusters[index]
            if cluster.kind == "person":
                return index
            if guess is None and cluster.kind is None and len(cluster.tokens) in (2, 3):
                guess = index
        return guess

    def organization(
        self, position: int, local: list[tuple[int, int]], head: str | None, *, strict: bool = False
    ) -> int | None:
        """Nearest organization fitting ``head`` ("company", "exchange"; None: any); with
        ``strict`` only one whose name holds ``head``."""
        fallback = None
        same_sentence = {index for at, index in local if at < position}
        for index in self._candidates(position, local):
            cluster = self.finder.clusters[index]
            if (
                cluster.kind is None
                and head
                and (is_org_name(list(cluster.tokens)) or head in nl.HEAD_FITS)
            ):
                if fits(cluster, head):  # "Banco Central do Brasil ... the bank said"
                    return index
                continue
            if cluster.kind != "organization":
                continue
            if head is None or fits(cluster, head):
                return index
            if strict:
                continue
            institution = is_institution(cluster.name)
            if fallback is None:
                if head in nl.COMPANY_HEADS and not institution and not self._data_brand(index):
                    fallback = index  # "the company": the nearest company, whatever its name
                    if index in same_sentence:
                        return index  # "Ryanair, Europe's largest airline, ..., the carrier said"
                elif head in nl.INSTITUTION_HEADS and institution and index in same_sentence:
                    fallback = index  # "The FCC approved ..., the agency said"
        opening = self.subject[1] if self.subject is not None else None
        if head in nl.COMPANY_HEADS and opening in same_sentence and not strict:
            if self.finder.clusters[opening].kind is None:  # type: ignore[index]
                return opening  # "Airbus delivered 63 jets, the European planemaker said"
        if fallback is None and head is not None:
            fallback = self._following(position, head)
        if fallback is None and head in nl.INSTITUTION_HEADS and not strict:
            fallback = self._recent_speaker(position, head)
        return fallback

    def _data_brand(self, index: int) -> bool:
        """Is the name only ever used for data ("according to LSEG data")? Then it is hardly
        "the company" the story goes on about."""
        text = self.finder.text
        return all(
            DATA_AFTER.match(text, self.finder.mentions[member].end)
            for member in self.finder.clusters[index].members
        )

    def _following(self, position: int, head: str) -> int | None:
        """ "..., the port authority said. The Port of Rotterdam Authority ...": with nothing
        fitting before, the first fitting organization named soon after."""
        mentions = self.finder.mentions
        index = bisect.bisect_right(self.starts, position)
        limit = position + LOOK_AHEAD
        for mention in mentions[index : index + LOOK_BACK]:
            if mention.start > limit:
                break
            cluster = self.finder.clusters[mention.cluster]
            if cluster.kind == "person":
                continue
            if cluster.kind is None and not is_org_name(list(cluster.tokens)):
                continue
            if fits(cluster, head):
                return mention.cluster
        return None

    def _recent_speaker(self, position: int, head: str) -> int | None:
        """ "Statistics South Africa said ... . Output dropped 2.1%, the agency said": the
        organization that just spoke, unless its name calls it another kind of body."""
        if not self.org_sources or position - self.last_org_source > RECENT_SPEAKER:
            return None
        index = self.org_sources[-1]
        if self.last_source != index:
            return None  # someone else spoke since
        tokens = {token.lower() for token in self.finder.clusters[index].tokens}
        if any(token in nl.INSTITUTION_HEADS and token != head for token in tokens):
            return None  # "Xinhua News Agency" is no commission, a bureau no ministry
        if head in GOVERNMENT_HEADS and not is_institution(self.finder.clusters[index].name):
            return None  # a firm that just spoke is no ministry
        return index

    def report(self, position: int, local: list[tuple[int, int]]) -> int | None:
        """Who published "the report": the last publisher of a report or figures, else a
        public body quoted before, else one mentioned, else the last organization quoted."""
        if self.report_issuers:
            return self.report_issuers[-1]
        for index in reversed(self.org_sources[-LOOK_BACK:]):
            if is_institution(self.finder.clusters[index].name):
                return index
        for index in self._candidates(position, local):
            cluster = self.finder.clusters[index]
            if cluster.kind == "organization" and is_institution(cluster.name):
                return index
        return self.org_sources[-1] if self.org_sources else None

    def central_bank(self, position: int) -> int | None:
        """ "the central bank": the nearest bank named like one ("Bank of Canada", "South
        African Reserve Bank", "Banco Central do Brasil"), quoted or not, before or after."""
        index = bisect.bisect_left(self.starts, position)
        mentions = self.finder.mentions
        nearby = mentions[max(0, index - LOOK_BACK) : index][::-1] + mentions[index : index + 20]
        for mention in nearby:
            cluster = self.finder.clusters[mention.cluster]
            if cluster.kind != "person" and CENTRAL_BANK_NAME.search(cluster.name):
                return mention.cluster
        return None

    def group_lead(self, word: str, found: int | None, position: int,
                   local: list[tuple[int, int]]) -> tuple[int | None, list[int]]:  # fmt: skip
        """ "X agreed to buy Y, the companies said": X leads (named first), Y speaks too."""
        head = PLURAL_HEADS.get(word.lower())
        if found is None or head is None:
            return found, []
        for index in self._candidates(position, local)[:LOOK_BACK]:
            cluster = self.finder.clusters[index]
            if index != found and cluster.kind == "organization":
                if head not in nl.COMPANY_HEADS or not is_institution(cluster.name):
                    pair = sorted((index, found), key=lambda i: self.finder.clusters[i].first)
                    return pair[0], [pair[1]]
        return found, []

    def unnamed_body(self, phrase: str, position: int) -> int | None:
        """ "The oil ministry said", with no ministry named anywhere: that ministry."""
        words = phrase.split()
        if len(words) == 3 and words[0].lower() == "the" and words[2] == "ministry":
            if words[1].isalpha() and words[1].islower():
                self.ministry = self.finder.synthetic(
                    f"{words[1]} ministry", "organization", position
                )
                return self.ministry
        if len(words) == 2 and words[0].lower() == "the" and words[1] == "ministry":
            return self.ministry  # "The ministry now sees ..." after "the finance ministry"
        return None

    def _official(self, position: int, local: list[tuple[int, int]]) -> int | None:
        """ "The government expects ...": the minister or treasurer who spoke just before."""
        for index in self._candidates(position, local)[:LOOK_BACK]:
            cluster = self.finder.clusters[index]
            role = (cluster.role or "").lower()
            if cluster.kind == "person" and role.startswith(nl.GOVERNMENT_ROLES):
                return index
        return None

    def note_opening(
        self, start: int, mentions: list[Mention], local: list[tuple[int, int]]
    ) -> None:
        """What a sentence is about: "The central bank held ...", or a one-word name and a verb
        ("Airbus delivered 63 jets ...")."""
        opener = SUBJECT_GENERIC.match(self.finder.text, start)
        if opener is not None:
            about = self.resolve(opener.group(1), start, local, opener.group())
            if about is not None:
                self.subject = (start, about)
        first = mentions[0] if mentions else None
        if first is None or first.start != start or first.possessive:
            return
        cluster = self.finder.clusters[first.cluster]
        if cluster.kind == "person" or len(cluster.tokens) > 4:
            return
        if len(cluster.tokens) <= 3 and VERB_NEXT.match(self.finder.text, first.end):
            # "Airbus delivered ...", "Midland Connect carried ..., the operator said"
            self.subject = (start, first.cluster)
        elif MARKET_NEXT.match(self.finder.text, first.end):  # "Global Dairy Trade prices rose"
            self.subject = (start, first.cluster)

    def opening_name(self, start: int, mentions: list[Mention]) -> int | None:
        """The organization or person a sentence is about: its first name ("Fitch Ratings
        affirmed ...", "(Wire) — Brazilian planemaker Aerovale delivered ...")."""
        first = next((m for m in mentions if m.start >= start and not m.possessive), None)
        return first.cluster if first is not None else None

    def report_owner(self, gap: str, position: int) -> int | None:
        """ "according to the fund's Fiscal Monitor": the fund, not its report's title."""
        owned = OWNED_TITLE.fullmatch(gap)
        return self.resolve(owned.group(1), position, []) if owned else None

    def owner(self, position: int, local: list[tuple[int, int]]) -> int | None:
        """Whose "its governor" speaks: the organization the last sentence was about."""
        if self.subject is not None and position - self.subject[0] < RECENT_SPEAKER:
            return self.subject[1]
        return self.resolve("it", position, local)

    def resolve(self, word: str, position: int, local: list[tuple[int, int]],
                phrase: str = "") -> int | None:  # fmt: skip
        """A pronoun or a generic head noun (in ``phrase``: "the central bank") -> a cluster
        index, or None."""
        word = word.lower()
        word = PLURAL_HEADS.get(word, word)  # "the agencies said"
        if word == "bank" and "central" in phrase.lower():
            found = self.central_bank(position)
            if found is not None:
                return found
        if word == "filing" and self.org_sources:
            return self.org_sources[-1]  # "the exchange filing showed": the company's own
        if word in ("he", "she", "him", "her"):
            return self.person(position, local)
        if word == "they":  # "Analysts at Berenberg said ... They estimate": who spoke last
            recent = self.last_source is not None and position - self.last_cue < RECENT_SPEAKER
            return self.last_source if recent else None
        if word == "it":
            # "..., it said": an organization named earlier in the same sentence, else the one
            # that spoke just before, else the nearest one.
            for at, index in reversed(local):
                if at < position and self.finder.clusters[index].kind == "organization":
                    return index
            if self.org_sources and position - self.last_org_source < RECENT_SPEAKER:
                return self.org_sources[-1]
            return self.organization(position, local, None)
        if word in nl.REPORT_NOUNS:
            return self.report(position, local)
        if word in ("analyst", "economist", "executive", "official", "spokesman", "spokeswoman"):
            return self.person(position, local)
        if word == "government":
            return self.organization(position, local, word, strict=True) or self._official(
                position, local
            )
        if word in nl.COMPANY_HEADS or word in nl.INSTITUTION_HEADS:
            found = self.organization(position, local, word)
            if found is not None and not self._named_alike(phrase, word, found):
                found = None  # "the social security agency" is not the statistics institute
            return found if found is not None else self.unnamed_body(phrase, position)
        return None

    def _named_alike(self, phrase: str, head: str, index: int) -> bool:
        """Can a public body called ``phrase`` ("the tax authority") be this organization? Its
        lowercase modifiers name its field, so one of them must be in the name; a company
        ("the Boston-based drugmaker"), a described body or a bare head ("the agency") can
        be any."""
        if head not in FIELD_NAMED_HEADS:
            return True  # "the fiscal watchdog", "the think tank": described, not named
        modifiers = [
            word
            for word in phrase.split()[1:-1]
            if word.isalpha() and word.islower() and word not in LEVEL_ADJECTIVES
        ]
        if not modifiers:
            return True
        name = [token.lower() for token in self.finder.clusters[index].tokens if len(token) > 2]
        return any(
            token.startswith(word[:4]) or word.startswith(token[:4])
            for word in modifiers
            for token in name
        )
