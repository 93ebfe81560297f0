"""Subjects of speech verbs: who stands before "said", "estimated", "show" in a sentence.

A name ("Acme said"), a pronoun or generic noun ("she said", "the company said", resolved by
``tracker.en.coref``), a group of people ("Goldman Sachs analysts estimate"), a report ("the
agency's report showed"), an apposition ("Xiong Wei, an analyst at UBS, noted") or a body named
by its place and field ("China's commerce ministry said"). ``SubjectFinder`` is the part of the
``Attributor`` (``tracker.en.sources``) that reads leftwards from a verb.
"""

from __future__ import annotations

import re

from tracker.en import names_lexicon as nl
from tracker.en.coref import Antecedents
from tracker.en.cues import (
    ACRONYM_TAIL,
    ADV_TAIL,
    AND_BEFORE,
    APPOSITION_OPENER,
    GENERIC_TAIL,
    GROUP_TAIL,
    ITS_ROLE_TAIL,
    LED_BY_TAIL,
    PERSON_GENERIC_TAIL,
    PLACE_BEFORE,
    PLACE_IN,
    POSSESSIVE_TAIL,
    PRONOUN_TAIL,
    RELATIVE_TAIL,
    RELEASED_TAIL,
    REPORT_TAIL,
    SHARE_OF,
    SUBJECT_GENERIC,
    THE_WORD_TAIL,
)
from tracker.en.names import Mention, NameFinder
from tracker.en.places import is_place

RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)(?:\s+[\w'’-]+){0,4}\s*\Z")
BARE_HEAD_TAIL = re.compile(r"(?<![\w'’])([A-Za-z]+)\Z")
PLACE_OWNER = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+[a-z]")
# "the South Korean government", "the Mexican finance ministry": a demonym and a public body
NATIONAL_BODY = re.compile(
    r"(?:[Tt]he\s+)?((?!The\b)(?:[A-Z][a-z]+\s+){1,2}(?:[a-z]+\s+)?"
    r"(?:government|ministry|cabinet|central\s+bank|parliament|army|military|police))"
)


class SubjectFinder:
    """Reads the subject of a verb leftwards within its sentence."""

    text: str
    finder: NameFinder
    antecedents: Antecedents
    co_sources: list[int]

    def _left_subject(self, verb: int, start: int, ends: dict[int, Mention],
                      local: list[tuple[int, int]], *, data: bool) -> tuple[int | None, bool, int]:  # fmt: skip
        text = self.text
        floor = max(start, verb - 300)
        tail = verb
        while tail > floor and text[tail - 1].isspace():
            tail -= 1
        adverbs = ADV_TAIL.search(text, max(floor, verb - 60), verb)
        if adverbs is not None:
            tail = min(tail, adverbs.start())
        acronym = ACRONYM_TAIL.search(text, max(floor, tail - 16), tail)
        if acronym is not None:  # "Electric Reliability Council of Texas (ERCOT) said"
            tail = acronym.start()
        inserted = LED_BY_TAIL.search(text, max(floor, tail - 80), tail)
        if inserted is not None:  # "Analysts at Bernstein, led by Stephen Reitman, estimate"
            tail = inserted.start()
        released = RELEASED_TAIL.search(text, max(floor, tail - 40), tail)
        if released is not None:  # "Eurostat data released on Tuesday showed"
            tail = released.start()
        found, subject = self._subject_at(tail, floor, ends, local)
        if found is not None and data and PRONOUN_TAIL.search(text, max(floor, tail - 4), tail):
            return None, False, -1  # "it would show": no publisher of figures
        if found is not None:
            return found, False, subject
        group = GROUP_TAIL.search(text, max(floor, tail - 20), tail)
        if group is not None:  # "Goldman Sachs analysts estimate", "the bank's analysts wrote"
            if group.start() in ends:
                mention = ends[group.start()]
                head = mention.name.lower()
                if head in nl.COMPANY_HEADS or head in nl.INSTITUTION_HEADS:
                    # "Company management said": the company the story is about
                    return (
                        self.antecedents.resolve(head, mention.start, local),
                        False,
                        mention.start,
                    )
                return mention.cluster, False, mention.start
            bare = BARE_HEAD_TAIL.search(text, max(floor, group.start() - 20), group.start())
            if bare is not None and bare.group(1).lower() in nl.COMPANY_HEADS:
                found = self.antecedents.resolve(bare.group(1).lower(), bare.start(), local)
                return found, False, bare.start()  # "Company management said"
            owner = POSSESSIVE_TAIL.search(text, max(floor, group.start() - 4), group.start())
            found, subject = self._subject_at(
                owner.start() if owner else group.start(), floor, ends, local
            )
            if found is not None:
                return found, False, subject
        report = REPORT_TAIL.search(text, max(floor, tail - 60), tail)
        if report is not None and RELATIVE_BEFORE.search(
            text, max(floor, report.start() - 40), report.start()
        ):
            return None, False, -1  # "analysts who have done the calculations say": not the report
        if report is None:
            return ((None, False) if data else self._apposed(tail, floor, ends)) + (-1,)
        found, subject = self._subject_at(report.start(), floor, ends, local)
        return found, True, subject

    def _subject_at(self, tail: int, floor: int, ends: dict[int, Mention],
                    local: list[tuple[int, int]]) -> tuple[int | None, int]:  # fmt: skip
        """The subject ending at ``tail`` and where it starts, or (None, -1)."""
        text = self.text
        mention = ends.get(tail)
        if mention is not None:
            if SHARE_OF.search(text, max(floor, mention.start - 40), mention.start):
                return None, -1  # "70 percent of Americans say": a finding, not a speaker
            if PLACE_IN.search(text, max(floor, mention.start - 4), mention.start):
                return None, -1  # "a centre in Greenbelt, Maryland, has confirmed"
            joined = AND_BEFORE.search(text, max(floor, mention.start - 6), mention.start)
            first = ends.get(joined.start()) if joined is not None else None
            if first is not None:  # "the WHO and UNICEF said": both speak, the first leads
                self.co_sources.append(mention.cluster)
                return first.cluster, first.start
            return mention.cluster, mention.start
        pronoun = PRONOUN_TAIL.search(text, max(floor, tail - 4), tail)
        if pronoun is not None and pronoun.group(1) == "it" and pronoun.start() > floor + 20:
            subject = SUBJECT_GENERIC.match(text, floor)
            if subject is not None:
                found = self.antecedents.resolve(subject.group(1), subject.start(1), local)
                if found is not None:
                    return found, pronoun.start()
        if pronoun is not None:
            return self.antecedents.resolve(
                pronoun.group(1), pronoun.start(), local
            ), pronoun.start()
        generic = GENERIC_TAIL.search(text, max(floor, tail - 80), tail)
        if generic is not None and RELATIVE_BEFORE.search(
            text, max(floor, generic.start() - 40), generic.start()
        ):
            return None, -1  # "analysts who have done the calculations say": not the report
        if generic is not None:
            found = self.antecedents.resolve(
                generic.group(1), generic.start(), local, generic.group()
            )
            if found is None:
                found = self._named_body(generic.group(), generic.start())
            found, others = self.antecedents.group_lead(generic.group(1), found, tail, local)
            self.co_sources += others
            return found, generic.start()
        its_role = ITS_ROLE_TAIL.search(text, max(floor, tail - 40), tail)
        if its_role is not None:
            return self.antecedents.owner(its_role.start(), local), its_role.start()
        person = PERSON_GENERIC_TAIL.search(text, max(floor, tail - 50), tail)
        if person is not None:  # "The minister told parliament": the minister named before
            title = person.group().split()[-1].lower()
            return self.antecedents.person(person.start(), local, title), person.start()
        named_head = THE_WORD_TAIL.search(text, max(floor, tail - 30), tail)
        if named_head is not None:  # "the cell estimated": a word of a known name
            found = self.antecedents.organization(
                named_head.start(), local, named_head.group(1), strict=True
            )
            return found, named_head.start() if found is not None else -1
        return None, -1

    def _named_body(self, phrase: str, position: int) -> int | None:
        """A body named by its place and field: "China's commerce ministry", "the South Korean
        government" (no name of its own to resolve to, but a source all the same)."""
        owner = PLACE_OWNER.match(phrase)
        if owner is not None and is_place(owner.group(1)):
            return self.finder.synthetic(phrase.strip(), "organization", position)
        national = NATIONAL_BODY.fullmatch(phrase.strip())
        if national is not None:
            return self.finder.synthetic(national.group(1), "organization", position)
        return None

    def _apposed(self, tail: int, floor: int, ends: dict[int, Mention]) -> tuple[int | None, bool]:
        """ "Kestrel Robotics Inc., which said", "Xiong Wei, an analyst at UBS, noted"."""
        text = self.text
        relative = RELATIVE_TAIL.search(text, max(floor, tail - 12), tail)
        if relative is not None and relative.start() in ends:
            antecedent = ends[relative.start()]
            if (
                relative.group().rstrip().endswith("who")
                and self.finder.clusters[antecedent.cluster].kind != "person"
            ):
                # "Fiona Galloway, head of research at Ashdown Brokers, who said": the person
                people = [m for m in ends.values() if m.end <= antecedent.start
                          and self.finder.clusters[m.cluster].kind == "person"]  # fmt: skip
                if people:
                    return max(people, key=lambda m: m.end).cluster, False
            return antecedent.cluster, False
        if tail > floor and text[tail - 1] in "—–":  # "Kretsloop — which raised ... — said"
            opener = text.rfind(text[tail - 1], floor, tail - 1)
            named = ends.get(len(text[:opener].rstrip())) if opener > floor else None
            if named is not None:
                return named.cluster, False
        if tail > floor and text[tail - 1] == ",":
            opener = text.rfind(",", floor, tail - 1)
            while opener > floor and not text[opener + 1].isspace():  # "1,200" is no comma
                opener = text.rfind(",", floor, opener)
            if opener >= 0 and '"' not in text[opener:tail] and "“" not in text[opener:tail]:
                looks_apposed = APPOSITION_OPENER.match(text, opener + 1) is not None
                apposed = ends.get(opener)
                if apposed is not None and PLACE_IN.search(
                    text, max(floor, apposed.start - 4), apposed.start
                ):
                    apposed = None  # "in Greenbelt, Maryland," is a place
                if apposed is not None and looks_apposed and " but " not in text[opener:tail]:
                    return apposed.cluster, False
                named = ends.get(tail - 1)
                place = PLACE_BEFORE.search(text, max(floor, opener - 40), opener) is not None
                if named is not None and not place and text[opener + 1 : named.start].strip() == "":
                    return named.cluster, False  # "the company's founder, Marisol Quintero, said"
                generic = GENERIC_TAIL.search(text, max(floor, opener - 80), opener)
                if generic is not None:  # "The company, which also publishes games, said"
                    found = self.antecedents.resolve(generic.group(1), generic.start(), [])
                    return found, False
        return None, False
