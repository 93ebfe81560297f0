"""Attribution: which named source each sentence (or part of one) gives its figures to.

Cues: "X said" / "said X" (with appositions, titles and adverbs between), "according to X",
"X told reporters", "X noted in a report", "data from X show", "X's report estimated",
"compiled by X", "X cut its forecast", "..., saying", "the federation's figures put". A
subject may be a name, a pronoun or a generic noun ("the company"), resolved by
``tracker.en.coref``. A cue covers its sentence, except a passive "by X" in a later clause
("..., the estimate of analysts polled by Tallymark"); a quotation shares its source.
The subject left of a verb is read by ``tracker.en.subjects``; figures beyond every cue's
sentence get their source from the document-level pass in ``tracker.en.attribution``.
"""

from __future__ import annotations

import bisect
import re

from tracker.en import names_lexicon as nl
from tracker.en.coref import Antecedents, cluster_kind
from tracker.en.cues import (
    AMBIGUOUS_VERBS,
    AMOUNT_NEXT,
    AND_BEFORE,
    CLAUSE_BREAK,
    CLAUSE_NEXT,
    COORDINATED,
    CUE,
    FROM_BY,
    GENERIC_HEAD,
    GENERIC_POSS,
    IN_REPORT_AFTER,
    INTENT_VERBS,
    LOWER_GAP,
    NAME_S_VERBS,
    NOUN_NEXT,
    NP_BEFORE_DATA,
    PASSIVE_BEFORE,
    POSS_REPORT,
    POSSESSIVE_GAP,
    PRONOUN_REPORT,
    REPORT_FROM,
    SCHEDULED,
    SUBORDINATE,
    WROTE_OK,
    Cue,
    after_break,
    comma_clause,
    main_speaker,
    role_gap,
    title_start,
)
from tracker.en.names import Mention, NameFinder
from tracker.en.subjects import SubjectFinder

PRONOUN_OPENER = re.compile(r"[\"“‘']?\s*(He|She|It|They)\b")
NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")
FUNCTION_WORDS = {"and", "or", "but", "of", "in", "on", "at", "for", "to", "with", "by", "from",
                  "as", "has", "had", "have", "is", "was", "were", "are", "will", "would", "also",
                  "who", "which", "that", "than", "said", "says", "told"}  # fmt: skip


class Attributor(SubjectFinder):
    """Finds the attribution cues of one article, sentence by sentence, in order."""

    def __init__(self, text: str, finder: NameFinder, quotes: list[tuple[int, int]]) -> None:
        self.quotes = quotes
        self.quote_starts = [left for left, _ in quotes]
        self.text = text
        self.finder = finder
        self.antecedents = Antecedents(finder)
        self.co_sources: list[int] = []  # second speakers of "X and Y said"

    def sentence_cues(self, start: int, end: int, mentions: list[Mention]) -> list[Cue]:
        text = self.text
        ends = {m.end: m for m in mentions}
        ends.update((m.run_end, m) for m in mentions if m.run_end > 0)
        for mention in mentions:  # "Moody's said": the 's belongs to the name
            if mention.possessive and text.startswith(("'s ", "’s "), mention.end):
                after = CUE.match(text, mention.end + 3)
                if after is not None and after.group() in NAME_S_VERBS:
                    self.finder.rename(mention, text[mention.start : mention.end + 2])
                    mention.end += 2
                    mention.possessive = False
                    ends[mention.end] = mention
        local = [
            (m.start, m.cluster) for m in mentions if not m.prefix and not self._quoted(m.start)
        ]
        self.antecedents.note_opening(start, mentions, local)
        cues: list[Cue] = []
        for match in CUE.finditer(text, start, end):
            if self._quoted(match.start()):
                continue  # words inside a quotation are what the source said
            if match.group() in ("wrote", "writes") and not WROTE_OK.match(text, match.end()):
                continue
            if match.group() in AMBIGUOUS_VERBS and NOUN_NEXT.match(text, match.end()):
                continue  # "the forecast of", "its estimates for": nouns
            if match.group() in ("reports", "report") and SCHEDULED.match(text, match.end()):
                continue  # "Rival Sagar reports on Jan. 19": a date for results, no speech
            if match.lastgroup == "part" and not CLAUSE_NEXT.match(text, match.end()):
                continue  # "..., adding roughly $90 billion": no speech
            if match.group() in ("added", "adds", "add") and AMOUNT_NEXT.match(text, match.end()):
                continue  # "the index added 310 points"
            cue = self._cue(match, start, end, mentions, ends, local)
            if cue is not None:
                cues.append(cue)
        cues = main_speaker(cues)
        for mention in mentions:
            if mention.possessive and POSS_REPORT.match(text, mention.end):
                cues.append(Cue(mention.start, mention.end, mention.cluster, (start, end), True))
        possessive = "'s" in text[start:end] or "’s" in text[start:end]
        for match in GENERIC_POSS.finditer(text, start, end) if possessive else ():
            found = self.antecedents.resolve(match.group(1), match.start(), local)
            if found is not None:
                cues.append(Cue(match.start(), match.end(), found, (start, end), True))
        for cue in cues:
            self._note_source(cue)
        for mention in mentions:
            if not mention.prefix and not self._quoted(mention.start):
                self.antecedents.remember(mention.start, mention.cluster)
        for cue in sorted(cues, key=lambda c: c.start):
            self.antecedents.remember(cue.start, cue.cluster)
        return cues

    def _quoted(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        return index >= 0 and position < self.quotes[index][1]

    def _known(self, mention: Mention) -> bool:
        return self.finder.clusters[mention.cluster].kind is not None

    def _note_source(self, cue: Cue) -> None:
        cluster = self.finder.clusters[cue.cluster]
        self.antecedents.last_source, self.antecedents.last_cue = cue.cluster, cue.start
        if cluster.kind is None:
            cluster.kind = cluster_kind(cluster)
        if cluster.kind == "organization":
            self.antecedents.org_sources.append(cue.cluster)
            self.antecedents.last_org_source = max(self.antecedents.last_org_source, cue.start)
            if cue.report:
                self.antecedents.report_issuers.append(cue.cluster)

    def _cue(self, match: re.Match[str], start: int, end: int, mentions: list[Mention],
             ends: dict[int, Mention], local: list[tuple[int, int]]) -> Cue | None:  # fmt: skip
        group = match.lastgroup
        whole = (start, end)
        if group == "acc":
            return self._according(match, start, end, mentions, local)
        if group in ("by", "from"):
            found = self._right_name(match.end(), end, mentions, generic=True, local=local)
            if found is None and match.group().startswith("reported"):
                group = "say"  # "Acme reported revenue up by 5%": a speech verb after all
            elif found is None:
                return None
        if group in ("by", "from") and found is not None:
            first_clause = CLAUSE_BREAK.search(self.text, start, match.start()) is None
            scope = whole if first_clause else comma_clause(self.text, match.start(), start, end)
            published = not match.group().startswith(("polled", "surveyed"))  # a poll is no report
            return Cue(match.start(), match.end(), found, scope, published)
        if group == "part":
            opener = PRONOUN_OPENER.match(self.text, start)
            if opener is not None:  # "He declined ..., saying": he
                found = self.antecedents.resolve(opener.group(1).lower(), start, local)
                return Cue(match.start(), match.end(), found, whole) if found is not None else None
            first = next((m for m in mentions if m.start < match.start() and self._known(m)), None)
            if first is None:
                first = next((m for m in mentions if m.start < match.start()), None)
            return Cue(match.start(), match.end(), first.cluster, whole) if first else None
        if PASSIVE_BEFORE.search(self.text, max(start, match.start() - 12), match.start()):
            return None  # "Epstein was found dead", "is expected to": no speaker
        found, report, subject = self._left_subject(
            match.start(), start, ends, local, data=group == "data"
        )
        tail = subject > start and after_break(self.text, start, title_start(self.text, subject))
        if found is None and group in ("say", "fchg"):
            found = self._post_subject(match, start, end, mentions, local)
            tail = found is not None and after_break(self.text, start, match.start())
        if found is None and AND_BEFORE.search(
            self.text, max(start, match.start() - 6), match.start()
        ):
            found = self.antecedents.opening_name(start, mentions)  # "X affirmed ... and said"
        if found is None:
            return None
        if subject > start:
            clause = SUBORDINATE.search(self.text, max(start, subject - 60), subject)
            if clause is not None:  # "Shares jumped 23% after the drugmaker said ...": only
                scope = (clause.start(), end)  # the clause after "after" is reported speech
                return Cue(match.start(), match.end(), found, scope, report, False, False)
        report = report or IN_REPORT_AFTER.match(self.text, match.end()) is not None
        scope = whole
        if match.group().split()[0].lower() in INTENT_VERBS:
            scope = (start, self._next_subject(match.end(), end, mentions, found))
        return Cue(match.start(), match.end(), found, scope, report, True, tail)

    def _next_subject(self, position: int, end: int, mentions: list[Mention], found: int) -> int:
        """Where a coordinated clause with another named subject starts: "Tata Steel plans to
        invest ..., and Japan's Toyota will spend ...": Toyota's plan is not Tata's."""
        for joint in COORDINATED.finditer(self.text, position, end):
            named = next((m for m in mentions if m.start >= joint.end()), None)
            if named is None or named.start - joint.end() > 12:
                continue
            owner = self._owned(named, mentions, end)
            if owner.cluster != found and named.cluster != found:
                return joint.start()
        return end

    def _according(self, match: re.Match[str], start: int, end: int, mentions: list[Mention],
                   local: list[tuple[int, int]]) -> Cue | None:  # fmt: skip
        text = self.text
        stop = min((i for i in (text.find(",", match.end(), end), end) if i >= 0), default=end)
        segment = text[match.end() : stop]
        data_np = NP_BEFORE_DATA.match(segment)
        first = next((m for m in mentions if match.end() <= m.start < stop), None)
        if data_np and first is not None and not first.possessive:
            words = [w for w in data_np.group(1).split() if w.lower() not in ("the", "a", "an")]
            phrase = " ".join(words)
            if phrase.startswith(first.name) and len(phrase) > len(first.name):
                self.finder.rename(first, phrase)
        titled = REPORT_FROM.match(text, first.end) if first is not None else None
        publisher = next((m for m in mentions if titled and m.start == titled.end()), None)
        if publisher is not None:  # "according to the TexAuto Facts report from InfoNation"
            return Cue(match.start(), publisher.end, publisher.cluster, (start, end), True, True)
        if first is not None and LOWER_GAP.fullmatch(text, match.end(), first.start) is not None:
            owner = self.antecedents.report_owner(text[match.end() : first.start], first.start)
            named = self._owned(first, mentions, stop)
            cluster = owner if owner is not None else named.cluster  # "the fund's Fiscal Monitor"
            return Cue(match.start(), named.end, cluster, (start, end), True, True)
        if first is not None and re.search(
            r"\bby\s+(?:[a-z]+\s+){0,4}\Z", text[max(match.end(), first.start - 60) : first.start]
        ):
            return Cue(match.start(), first.end, first.cluster, (start, end), True)
        if data_np and first is None and re.search(r"[A-Z]", data_np.group(1)):
            words = [w for w in data_np.group(1).split() if w.lower() not in ("the", "a", "an")]
            named = self.finder.synthetic(" ".join(words), "organization", match.end())
            return Cue(
                match.start(), match.end() + len(data_np.group(1)), named, (start, end), True
            )
        by = FROM_BY.search(text, match.end(), stop)
        if by is not None:  # "according to a statement from the company"
            source = self._right_name(by.end(), stop, mentions, generic=True, local=local)
            if source is not None:
                return Cue(match.start(), stop, source, (start, end), True, True)
        pronoun = PRONOUN_REPORT.match(text, match.end(), stop)
        if pronoun is not None:  # "according to her estimates"
            person = self.antecedents.person(match.start(), local)
            if person is not None:
                return Cue(match.start(), pronoun.end(), person, (start, end), True)
        head = GENERIC_HEAD.match(text, match.end(), stop)
        if head is not None:
            phrase = head.group().strip()  # "according to the economy ministry"
            resolved = self.antecedents.resolve(head.group(1), match.start(), local, phrase)
            if resolved is not None:
                return Cue(
                    match.start(),
                    head.end(),
                    resolved,
                    (start, end),
                    head.group(1) in nl.REPORT_NOUNS,
                )
        return None

    def _owned(self, mention: Mention, mentions: list[Mention], end: int) -> Mention:
        """The name a possessive one owns, right after it: "Brazil's oil regulator ANP",
        "Germany's Federal Statistical Office", "Acme's chief economist Jane Roe"; else the
        mention itself."""
        if not mention.possessive:
            return mention
        after = next((m for m in mentions if mention.end <= m.start < end), None)
        if after is None:
            return mention
        gap = POSSESSIVE_GAP.match(self.text, mention.end, after.start)
        if gap is None or gap.end() != after.start:
            return mention
        noun = NOUN_AFTER.match(self.text, after.end)
        if (
            noun is not None
            and noun.group(1) not in FUNCTION_WORDS
            and not CUE.match(self.text, noun.start(1))
        ):
            return mention  # "NASA's Cassini spacecraft": the thing is NASA's, NASA publishes
        return after

    def _right_name(self, position: int, end: int, mentions: list[Mention], *, generic: bool,
                    local: list[tuple[int, int]]) -> int | None:  # fmt: skip
        for mention in mentions:
            if mention.start >= position and not mention.prefix:
                if LOWER_GAP.fullmatch(self.text, position, mention.start) is not None:
                    after = next((m for m in mentions if m.start > mention.start), None)
                    titled = after is not None and role_gap(self.text, mention.end, after.start)
                    if titled:
                        return after.cluster  # type: ignore[union-attr]
                    return self._owned(mention, mentions, end).cluster
                break
        if generic:
            head = GENERIC_HEAD.match(self.text, position, end)
            if head is not None:
                phrase = head.group().strip()  # "from the social security agency"
                return self.antecedents.resolve(head.group(1), position, local, phrase)
        return None

    def _post_subject(self, match: re.Match[str], start: int, end: int, mentions: list[Mention],
                      local: list[tuple[int, int]]) -> int | None:  # fmt: skip
        text = self.text
        before = text[max(start, match.start() - 3) : match.start()].rstrip()
        if before and before[-1] not in ",\"”'’" and match.start() - start > 2:
            return None
        after = re.match(r"\s+(he|she|it)\b", text[match.end() : match.end() + 5])
        if after:
            return self.antecedents.resolve(after.group(1), match.end(), local)
        return self._right_name(match.end(), end, mentions, generic=True, local=local)
