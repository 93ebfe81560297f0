"""Assembly of an English extraction: one claim per number, with its source and subject.

Sentences, names, numbers and attribution cues are each found in one pass; this module walks
the sentences in order, hands every number the cue that covers it (or the source of the
quotation its sentence sits in), and adds entity, metric, period and claim key.
"""

from __future__ import annotations

from tracker.en import names_lexicon as nl
from tracker.en.attribution import paragraph_sources, quote_regions, quoted_sources
from tracker.en.coref import cluster_kind
from tracker.en.entities import EntityResolver
from tracker.en.metrics import estimated, refine_metric, share_metrics
from tracker.en.names import Cluster, Mention, NameFinder
from tracker.en.numbers import Quantity, find_quantities
from tracker.en.periods import (
    FISCAL_CONTEXT,
    fiscal_years,
    market_day,
    nearest_period,
    parse_date,
    time_expressions,
)
from tracker.en.places import is_place
from tracker.en.sources import Attributor, Cue
from tracker.en.subject import claim_key, metric_of
from tracker.en.text import dateline_spans, sentence_spans
from tracker.model import Claim, Extraction, Source

MAX_ORG_SCAN = 500  # names compared with an apposition's organization (bounds huge inputs)


def _pick(cues: list[Cue], quantity: Quantity) -> Cue | None:
    covering = [c for c in cues if c.scope[0] <= quantity.start < c.scope[1]]
    if not covering:
        return None
    narrow = [
        c for c in covering if c.scope[1] - c.scope[0] < covering[0].scope[1] - covering[0].scope[0]
    ]
    pool = narrow or covering

    def distance(cue: Cue) -> int:
        return cue.start - quantity.end if cue.start >= quantity.end else quantity.start - cue.end

    return min(pool, key=distance)


class _Assembler:
    def __init__(self, text: str, published: str | None) -> None:
        self.text = text
        self.published = parse_date(published)
        self.finder = NameFinder(text)
        self.sources: dict[int, None] = {}
        self.main_entity: str | None = None
        self._times: tuple[int, list[tuple[int, str]], int] | None = None
        self.entities = EntityResolver(text, self.finder)
        self._fiscal = fiscal_years(text, self.published)

    def run(self) -> Extraction:
        text = self.text
        sentences = sentence_spans(text)
        mentions = self.finder.find(sentences, dateline_spans(text))
        attributor = Attributor(text, self.finder, quote_regions(text))
        per_sentence: list[list[Mention]] = []
        cues: list[list[Cue]] = []
        index = 0
        for start, end in sentences:
            inside = []
            while index < len(mentions) and mentions[index].start < end:
                if mentions[index].start >= start:
                    inside.append(mentions[index])
                index += 1
            per_sentence.append(inside)
            cues.append(attributor.sentence_cues(start, end, inside))
        self.main_entity = self._main_entity()
        people = {i for i, c in enumerate(self.finder.clusters) if c.kind == "person"}
        inherited = quoted_sources(text, sentences, cues, people)
        inherited = paragraph_sources(text, sentences, cues, inherited)
        claims = self._claims(sentences, per_sentence, cues, inherited)
        for sentence_cues in cues:
            for cue in sentence_cues:
                self.sources.setdefault(cue.cluster)
        for cluster in attributor.co_sources:
            self.sources.setdefault(cluster)
        return Extraction(text=text, language="en", sources=self._source_records(), claims=claims)

    def _main_entity(self) -> str | None:
        best = max((c for c in self.finder.clusters if c.kind == "organization"),
                   key=lambda c: (len(c.members), -c.first), default=None)  # fmt: skip
        return best.name if best is not None and len(best.members) > 1 else None

    def _claims(self, sentences: list[tuple[int, int]], per_sentence: list[list[Mention]],
                cues: list[list[Cue]], inherited: list[int | None]) -> list[Claim]:  # fmt: skip
        text = self.text
        claims: list[Claim] = []
        quantities = find_quantities(text)
        index = 0
        for number, (start, end) in enumerate(sentences):
            sentence = None
            while index < len(quantities) and quantities[index].start < end:
                quantity = quantities[index]
                index += 1
                if quantity.start < start or quantity.end > end:
                    continue
                sentence = sentence if sentence is not None else text[start:end]
                cue = _pick(cues[number], quantity)
                cluster = cue.cluster if cue is not None else inherited[number]
                if cluster is not None and is_place(self.finder.clusters[cluster].name):
                    cluster = None  # "Beijing said": a government the text leaves unnamed
                if cluster is not None:
                    self.sources.setdefault(cluster)
                claims.append(self._claim(quantity, sentence, start, cluster, per_sentence[number]))
        return share_metrics(text, claims, claim_key)

    def _claim(self, quantity: Quantity, sentence: str, sentence_start: int, cluster: int | None,
               mentions: list[Mention]) -> Claim:  # fmt: skip
        source = self.finder.clusters[cluster].name if cluster is not None else None
        offset = quantity.start - sentence_start
        entity = self.entities.entity(quantity, cluster, mentions, sentence, sentence_start)
        metric = metric_of(sentence, offset, quantity.end - sentence_start, quantity.kind)
        metric = refine_metric(
            sentence, offset, quantity.end - sentence_start, quantity.kind, metric, entity
        )
        metric = estimated(sentence, quantity.end - sentence_start, metric)
        carried: list[tuple[int, str]] | None = None
        if self._times is None or self._times[0] != sentence_start:
            found = time_expressions(sentence, self.published)
            if not found and FISCAL_CONTEXT.search(sentence):
                fiscal = [p for at, p in self._fiscal if at < sentence_start]
                if fiscal:
                    found = [(0, fiscal[-1])]  # "annual net sales": the fiscal year in question
            if not found and self._times is not None and self._times[1]:
                # No period of its own: a sentence goes on with the period of the sentence
                # before it in the same paragraph ("It also stuck to its target ...").
                previous_end = self._times[2]
                if (
                    previous_end <= sentence_start
                    and "\n" not in self.text[previous_end:sentence_start]
                ):
                    found = carried = [(0, self._times[1][-1][1])]
            self._times = (sentence_start, found, sentence_start + len(sentence))
        own_period = bool(self._times[1]) and self._times[1] is not carried
        period = nearest_period(
            self._times[1], offset, quantity.end - sentence_start, self.published
        )
        subject = " ".join(p for p in (entity, metric) if p) or None
        period = market_day(sentence, subject, own_period, self.published) or period
        return Claim(
            start=quantity.start, end=quantity.end, surface=self.text[quantity.start : quantity.end],
            sentence=sentence, value=float(f"{quantity.value:.12g}"), unit=quantity.unit, kind=quantity.kind,
            approximate=quantity.approximate, source=source, subject=subject, entity=entity,
            metric=metric, period=period, key=claim_key(entity, metric, quantity.unit, period),
            sentence_start=sentence_start,
        )  # fmt: skip

    def _source_records(self) -> list[Source]:
        records = []
        for index in self.sources:
            cluster = self.finder.clusters[index]
            if is_place(cluster.name):
                continue
            kind = cluster_kind(cluster)
            role, organization = self._role(cluster) if kind == "person" else (None, None)
            records.append(Source(cluster.name, kind, role, organization))
        return records

    def _role(self, cluster: Cluster) -> tuple[str | None, str | None]:
        role = organization = None
        for member in cluster.members:
            mention = self.finder.mentions[member]
            role = role or mention.role
            org_text = mention.org_text or mention.org_prefix
            if org_text and organization is None:
                organization = self._organization(org_text, prefix=mention.org_text is None)
                if organization is None and mention.org_prefix and mention.role:
                    role = f"{mention.org_prefix} {mention.role}"
        if organization is None and role and role.lower().startswith(nl.COMPANY_ROLES):
            organization = self.main_entity
        return role, organization

    def _organization(self, org_text: str, *, prefix: bool) -> str | None:
        lowered = org_text.lower()
        generic = lowered.startswith("the ") or lowered == org_text
        head = lowered.split()[-1] if generic and lowered.split() else None
        if head in nl.COMPANY_HEADS and self.main_entity:
            return self.main_entity  # "the company's chief financial officer"
        for cluster in self.finder.clusters[:MAX_ORG_SCAN]:
            if cluster.kind != "organization":
                continue
            if head is not None and head in (t.lower() for t in cluster.tokens):
                return cluster.name
            tokens = tuple(org_text.split())
            if cluster.name == org_text or cluster.tokens[: len(tokens)] == tokens:
                return cluster.name
        return None if head is not None or prefix else org_text


def extract_en(text: str, published: str | None = None) -> Extraction:
    """Sources and claims of one English article text."""
    return _Assembler(text, published).run()
