"""Named people and organizations in English text, and one canonical name for each.

A name is a run of capitalized tokens ("European Union Aviation Safety Agency", "Fenwick &
Rowe", "Nordhavn Logistics A/S"). Titles in front of a name become its role ("Northline
Chief Executive Dr. Miriam Achebe" -> person "Miriam Achebe", role "Chief Executive", the
organization "Northline"); sentence-opening common words and place adjectives are dropped.
Shorter mentions join the fullest name they abbreviate ("Mr. Xiong" -> "Xiong Wei",
"Northline" -> "Northline Telecom Inc.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.en import names_lexicon as nl
from tracker.en.names_patterns import (
    ACRONYM_IN_BRACKETS,
    APPOSITION,
    CONTRACTION,
    DESCRIPTOR_BEFORE,
    NAME,
    ORG_CONTEXT_AFTER,
    ORG_CONTEXT_BEFORE,
    POSSESSIVE,
    UNIT_AFTER_DIGIT,
    split_role,
)
from tracker.en.places import DEMONYMS, is_place


@dataclass
class Mention:
    """One occurrence of a name in the text."""

    start: int
    end: int
    name: str
    kind: str | None = None  # "person" | "organization" | None (not known yet)
    role: str | None = None
    org_prefix: str | None = None  # "Northline" in "Northline Chief Executive ..."
    possessive: bool = False
    org_text: str | None = None  # the organization an apposition names ("at UBS Securities")
    prefix: bool = False  # the organization in front of a title ("Northline" Chief Executive)
    initial: bool = False  # opens its sentence
    run_end: int = -1  # end of "John Doe of Birch Bank" when the name is only "John Doe"
    honorific: bool = False  # "Mr. Xiong": may name a person by the first token (family name)
    evidence: bool = False  # the kind rests on a title, descriptor or apposition
    cluster: int = -1


@dataclass
class Cluster:
    """Every mention of one person or organization; ``name`` is the fullest form."""

    name: str
    kind: str | None
    tokens: tuple[str, ...]
    role: str | None = None
    organization: str | None = None
    first: int = 0
    evidence: bool = False
    members: list[int] = field(default_factory=list)


def _tokens(name: str) -> list[str]:
    return name.split(" ")


def is_org_name(tokens: list[str]) -> bool:
    """Does a run of capitalized tokens name an organization ("Kessler Bank", "UBS")?"""
    if len(tokens) == 1 and tokens[0].lower().rstrip(".") in nl.ORG_WORDS:
        return False  # "Wireless churn rose", "Mining exports": a common word
    for token in tokens:
        low = token.lower().rstrip(".")
        if low in nl.ORG_WORDS or token in nl.ORG_SUFFIXES or token.rstrip(".") in nl.ORG_SUFFIXES:
            return True
    if "&" in tokens:
        return True
    shortest = 2 if len(tokens) == 1 else 3  # "IMF", "UBS Securities"; not "Lexus LC"
    return any(t.isalpha() and t.isupper() and len(t) >= shortest for t in tokens)


def is_institution(name: str) -> bool:
    return any(token.lower() in nl.INSTITUTION_WORDS for token in name.split(" "))


def _person_after(tokens: list[str]) -> bool:
    """Is what follows a people's adjective a person ("Australian Timothy Weeks"), or nothing?"""
    return (
        len(tokens) <= 3
        and not is_org_name(tokens)
        and all(token[:1].isupper() and token.replace("-", "").isalpha() for token in tokens)
    )


# Titles that take a field with "of": "Secretary of State", "Minister of Finance".
FIELD_TITLES = {"secretary", "minister", "director", "head", "chief", "commissioner"}


class NameFinder:
    """Finds and clusters the names of one article text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower_words = set(re.findall(r"(?<![\w'])[a-z][a-z-]+", text))
        self.mentions: list[Mention] = []
        self.clusters: list[Cluster] = []
        self._by_first: dict[str, list[int]] = {}  # first token -> clusters, for abbreviations
        self._by_last: dict[str, list[int]] = {}

    def find(self, spans: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Mention]:
        """All mentions inside sentence ``spans``, except inside ``skip`` (datelines)."""
        text = self.text
        skip_iter = iter(skip)
        current_skip = next(skip_iter, None)
        for start, end in spans:
            for match in NAME.finditer(text, start, end):
                while current_skip is not None and current_skip[1] <= match.start():
                    current_skip = next(skip_iter, None)
                if current_skip is not None and current_skip[0] <= match.start() < current_skip[1]:
                    continue
                self.mentions.extend(self._clean(match.start(), match.group(), start))
        self._drop_plural_openers()
        self._cluster()
        return self.mentions

    def _drop_plural_openers(self) -> None:
        """ "Policymakers expect ...": a capitalized plural that only ever opens a sentence."""
        elsewhere = {m.name for m in self.mentions if not m.initial}
        self.mentions = [
            m for m in self.mentions
            if not (m.initial and m.name not in elsewhere and " " not in m.name
                    and m.name.endswith("s") and m.kind is None)
        ]  # fmt: skip

    def _clean(self, start: int, raw: str, sentence_start: int) -> list[Mention]:
        tokens = _tokens(raw)
        offset = start
        # A trailing period belongs to the name only for abbreviations ("Inc.", "U.S.").
        last = tokens[-1]
        if (
            last.endswith(".")
            and last.rstrip(".") not in nl.DOTTED_KEEP
            and not re.fullmatch(r"(?:[A-Z]\.)+", last)
        ):
            tokens[-1] = last[:-1]
        while tokens:
            head = tokens[0]
            low = head.lower()
            initial = (
                offset == sentence_start
                or self.text[sentence_start:offset].strip(" \"“‘'(—–-") == ""
            )
            # "He Xiaopeng": a pronoun never runs straight into a capitalized word, a surname does.
            surname = (
                low in ("he", "she")
                and len(tokens) > 1
                and tokens[1].lower() not in nl.STOP_CAPS
                and tokens[1].lower() not in self.lower_words  # "He Said": a shouted verb
            )
            acronym = head.isupper() and len(head) >= 3 and head.isalpha()  # "WHO"
            drop = (
                not surname
                and not acronym
                and (
                    low in nl.STOP_CAPS
                    or low.rstrip(".") in nl.STOP_CAPS
                    or low.endswith(nl.ATTRIBUTIVE_SUFFIXES)
                    or (
                        initial
                        and low in self.lower_words
                        and low not in nl.ROLE_WORDS
                        and not is_org_name(tokens)
                    )
                    or low in nl.CONNECTOR_WORDS
                    or (initial and len(tokens) > 1 and low in nl.OPENING_DESCRIPTORS)
                    or (head in DEMONYMS and _person_after(tokens[1:]))
                    or (initial and len(tokens) == 1 and low.endswith(("ing", "ly")))
                    or CONTRACTION.search(head) is not None
                )
            )
            if not drop:
                break
            offset += len(head) + 1
            tokens = tokens[1:]
        while tokens and tokens[-1].lower() in nl.CONNECTOR_WORDS:
            tokens = tokens[:-1]
        if not tokens:
            return []
        if len(tokens) == 1 and UNIT_AFTER_DIGIT.search(self.text, max(0, offset - 3), offset):
            return []  # "1.64 GW", "30 MW": a unit, not a name
        rest: list[str] = []
        rest_at = -1
        if "and" in tokens:
            cut = tokens.index("and")
            before = tokens[cut - 1].rstrip(".")
            inside_of = "of" in tokens[:cut]  # "Federation of Metal and Auto Workers": one name
            after = " ".join(tokens[cut + 1 :])
            alone = cut == 1 and len(tokens) == 3 and self.text.count(after) > 1
            whole = " ".join(tokens)
            # "Blue Origin and Elon Musk", "the Department of Labor and Alex Ruiz": the name
            # after "and" is used on its own elsewhere (its last word at least).
            apart = len(tokens) - cut - 1 <= 3 and self.text.count(tokens[-1]) > self.text.count(
                whole
            )
            if (
                (before.lower() in nl.ORG_WORDS or before in nl.ORG_SUFFIXES or alone)
                and not inside_of
            ) or apart:  # "Boeing and Airbus" when "Airbus" also stands alone
                rest = tokens[cut + 1 :]  # "Castellan Mobile and Brightwave": two names
                rest_at = offset + len(" ".join(tokens[: cut + 1])) + 1
                tokens = tokens[:cut]
        of_org, run_end = None, -1
        if "of" in tokens:
            cut = tokens.index("of")
            person, org = tokens[:cut], tokens[cut + 1 :]
            if len(person) in (2, 3) and not is_org_name(person) and is_org_name(org):
                of_org = " ".join(org)
                run_end = offset + len(" ".join(tokens))
                tokens = person  # "John Doe of Birch Bank": a person and the organization
        if self.text.startswith("$", offset + len(" ".join(tokens))):
            tokens = tokens[:-1]  # "C$", "HK$": a currency
            if not tokens:
                return []
        lead = 0
        while lead < len(tokens) and (
            tokens[lead].rstrip(".").lower() in nl.ROLE_WORDS or tokens[lead] in nl.HONORIFICS
        ):
            lead += 1
        if (
            0 < lead < len(tokens)
            and tokens[lead] == "of"
            and len(tokens) - lead - 2 in (2, 3)
            and tokens[lead - 1].lower() in FIELD_TITLES
            and not is_org_name(tokens[lead + 2 :])
        ):  # "Secretary of State Mike Pompeo": the title takes its field, the person the rest
            role = " ".join(tokens[: lead + 2])
            offset += len(role) + 1
            tokens = tokens[lead + 2 :]
            end = offset + len(" ".join(tokens))
            person = Mention(offset, end, " ".join(tokens), "person", role=role, evidence=True)
            person.possessive = POSSESSIVE.match(self.text, end) is not None
            return [person]
        if 0 < lead < len(tokens) - 1 and tokens[lead] in ("of", "at"):
            offset += len(" ".join(tokens[: lead + 1])) + 1
            tokens = tokens[lead + 1 :]  # "CEO of Xpeng Motors": the organization
        end = offset + len(" ".join(tokens))
        mention = self._roles(offset, end, tokens)
        if mention is None:
            return []
        if of_org:
            mention.org_text, mention.run_end = of_org, run_end
        mention.possessive = POSSESSIVE.match(self.text, end) is not None
        mention.initial = (
            offset == sentence_start or self.text[sentence_start:offset].strip(" \"“‘'(—–-") == ""
        )
        self._descriptor(mention)
        self._apposition(mention)
        found = [mention]
        if mention.org_prefix:
            # Kind unknown until it abbreviates a known organization: "Texas Insurance
            # Commissioner" names an office, "Northline Chief Executive" a company.
            suffixed = _tokens(mention.org_prefix)[-1].rstrip(".") in nl.ORG_SUFFIXES
            prefix = Mention(
                offset, offset + len(mention.org_prefix), mention.org_prefix,
                "organization" if suffixed else None, prefix=True, evidence=suffixed,
            )  # fmt: skip
            found.insert(0, prefix)
        if rest:
            found.extend(self._clean(rest_at, " ".join(rest), sentence_start))
        return found

    def _roles(self, start: int, end: int, tokens: list[str]) -> Mention | None:
        role_at = [i for i, t in enumerate(tokens) if t.rstrip(".").lower() in nl.ROLE_WORDS
                   or t in nl.HONORIFICS]  # fmt: skip
        if role_at:
            last = role_at[-1]
            person = tokens[last + 1 :]
            org_tail = is_org_name(person) or (
                len(person) == 1 and person[0].lower() in nl.ORG_WORDS
            )
            if person and len(person) <= 4 and not org_tail:  # not "General Motors"
                first = role_at[0]
                role_tokens = [t for t in tokens[first : last + 1] if t not in nl.HONORIFICS]
                name = " ".join(person)
                name_start = end - len(name)
                return Mention(
                    name_start, end, name, "person",
                    role=" ".join(role_tokens) or None,
                    org_prefix=" ".join(tokens[:first]) or None, evidence=True,
                    honorific=tokens[last] in nl.HONORIFICS,
                )  # fmt: skip
            if not person and all(
                t in nl.HONORIFICS or t.rstrip(".").lower() in nl.ROLE_WORDS for t in tokens
            ):
                return None  # a bare title: "Chief Executive"
        name = " ".join(tokens)
        if name.lower() in nl.NOT_NAMES or (
            len(tokens) == 1 and name.rstrip(".").lower() in nl.NOT_NAMES
        ):
            return None
        kind = "organization" if is_org_name(tokens) else None
        return Mention(start, end, name, kind, evidence=kind is not None)

    def _descriptor(self, mention: Mention) -> None:
        before = DESCRIPTOR_BEFORE.search(self.text, max(0, mention.start - 30), mention.start)
        if before is None or mention.evidence:
            return
        word = before.group(1).lower()  # "Rival Norvale's", "gold miner Deccan"
        if (
            word in nl.ORG_DESCRIPTORS
            or word in ("at", "from")
            or word.endswith(nl.ORG_DESCRIPTOR_ENDINGS)
        ):
            mention.kind, mention.evidence = "organization", True
        elif word in nl.PERSON_DESCRIPTORS:
            mention.kind, mention.evidence = "person", True
            mention.role = mention.role or word

    def _apposition(self, mention: Mention) -> None:
        """ ", an analyst at UBS Securities," after a name: a person, role and organization."""
        match = APPOSITION.match(self.text, mention.end)
        if match is None or mention.possessive:
            return
        body = match.group("body")
        words = body.split()
        head = " ".join(words[:8]).lower()
        role_hit = any(
            w.strip("'’s").lower() in nl.ROLE_WORDS or w.lower() in nl.PERSON_DESCRIPTORS
            for w in words[:6]
        )
        known_person = mention.kind == "person" and mention.evidence
        if (
            mention.kind != "organization"
            and (role_hit or known_person)
            and len(_tokens(mention.name)) <= 4
        ):
            role, org = split_role(body)
            if role and role.split()[0] in ("who", "which", "whose"):
                role = None  # "who heads research at Crisil Ratings": no title
            mention.kind, mention.evidence = "person", True
            mention.role = mention.role or role
            mention.org_text = org
        elif mention.kind is None and any(w in nl.ORG_DESCRIPTORS for w in head.split()):
            mention.kind, mention.evidence = "organization", True

    def _aliases(self) -> dict[str, str]:
        """ "the Ministry of Trade, Industry and Energy (MOTIE)": MOTIE -> the full name."""
        aliases: dict[str, str] = {}
        for before, mention in zip(self.mentions, self.mentions[1:], strict=False):
            if ACRONYM_IN_BRACKETS.fullmatch(self.text, before.end, mention.start) and (
                self.text.startswith(")", mention.end) and " " not in mention.name
            ):
                aliases.setdefault(mention.name, before.name)
        return aliases

    def _cluster(self) -> None:
        aliases = self._aliases()
        order = sorted(range(len(self.mentions)), key=lambda i: (-len(_tokens(self.mentions[i].name)), self.mentions[i].start))  # fmt: skip
        by_name: dict[str, int] = {}
        for index in order:
            mention = self.mentions[index]
            tokens = tuple(_tokens(mention.name))
            target = by_name.get(mention.name)
            if target is None and mention.name in aliases:
                target = by_name.get(aliases[mention.name])
            if target is None:
                target = self._abbreviates(tokens, mention)
            if target is None:
                target = len(self.clusters)
                self.clusters.append(
                    Cluster(mention.name, mention.kind, tokens, first=mention.start)
                )
                by_name[mention.name] = target
                self._by_first.setdefault(tokens[0], []).append(target)
                self._by_last.setdefault(tokens[-1], []).append(target)
            cluster = self.clusters[target]
            mention.cluster = target
            cluster.members.append(index)
            cluster.first = min(cluster.first, mention.start)
            if mention.evidence and not cluster.evidence:
                cluster.kind, cluster.evidence = mention.kind, True
            elif cluster.kind is None:
                cluster.kind = mention.kind
            cluster.role = cluster.role or mention.role
        for mention in self.mentions:
            cluster = self.clusters[mention.cluster]
            if cluster.evidence or cluster.kind == "organization":
                continue
            if ORG_CONTEXT_BEFORE.search(self.text, max(0, mention.start - 30), mention.start) or (
                ORG_CONTEXT_AFTER.match(self.text, mention.end)
            ):  # "economists at Morgan Stanley", "Morgan Stanley said in a note"
                cluster.kind, cluster.evidence = "organization", True
        for cluster in self.clusters:
            if cluster.kind is None and len(cluster.members) > 1:
                shorts = [self.mentions[i] for i in cluster.members]
                if any(len(_tokens(m.name)) == 1 and _tokens(m.name)[0] == cluster.tokens[-1]
                       for m in shorts) and len(cluster.tokens) in (2, 3):  # fmt: skip
                    cluster.kind = "person"  # "Keogh" after "Ronan Keogh"

    def _abbreviates(self, tokens: tuple[str, ...], mention: Mention) -> int | None:
        matches = []
        candidates = self._by_first.get(tokens[0], []) + self._by_last.get(tokens[-1], [])
        for index in dict.fromkeys(candidates):
            cluster = self.clusters[index]
            full = cluster.tokens
            if len(tokens) >= len(full):
                continue
            person_like = cluster.kind == "person" or (
                cluster.kind is None and not mention.kind == "organization"
            )
            if full[: len(tokens)] == tokens and (cluster.kind != "person" or len(tokens) == 1):
                if not is_place(" ".join(tokens)):  # "California" is no "California Water Co."
                    matches.append(index)
            elif (
                len(tokens) == 1
                and person_like
                and (tokens[0] == full[-1] or (mention.honorific and tokens[0] == full[0]))
                and mention.start > cluster.first
            ):
                matches.append(index)  # "Keogh", or "Mr. Xiong" for Xiong Wei
        if not matches and len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) >= 2:
            matches = self._acronym_of(tokens[0])  # "GM" after "General Motors"
        if len(matches) == 1:
            return matches[0]
        organizations = [i for i in matches if self.clusters[i].kind == "organization"]
        if len(organizations) == 1:
            return organizations[0]  # "Lumo" is Lumo Auto, not the Lumo S5 sedan
        return None

    def _acronym_of(self, acronym: str) -> list[int]:
        acronym = acronym.replace("&", "").replace(".", "")  # "PG&E" for Pacific Gas & Electric
        found = []
        for index, cluster in enumerate(self.clusters[:500]):
            initials = "".join(
                t[0]
                for t in cluster.tokens
                if t[0].isupper() and t.rstrip(".") not in nl.ORG_SUFFIXES
            )
            if len(cluster.tokens) > 1 and initials == acronym:
                found.append(index)
        return found

    def rename(self, mention: Mention, phrase: str) -> None:
        """ "AI analysis network data": the source is the whole lowercase-tailed phrase."""
        cluster = self.clusters[mention.cluster]
        if len(cluster.members) == 1:
            cluster.name, mention.name = phrase, phrase
            cluster.kind = cluster.kind or "organization"

    def synthetic(self, name: str, kind: str, position: int) -> int:
        """A cluster for a source phrase the name pattern cannot see ("AI analysis network")."""
        for index, cluster in enumerate(self.clusters):
            if cluster.name == name:
                return index
        self.clusters.append(
            Cluster(name, kind, tuple(_tokens(name)), first=position, evidence=True)
        )
        return len(self.clusters) - 1

    def cluster_of(self, mention: Mention) -> Cluster:
        return self.clusters[mention.cluster]
