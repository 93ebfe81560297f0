"""The Chinese tracker: an article's sources and claims, sentence by sentence.

``extract_zh`` walks the paragraphs of the article; Chinese paragraphs are split into
sentences (tracker.zh.text), their figures found (tracker.zh.numbers) and attributed to
the nearest attribution cue of the sentence (tracker.zh.sources), before it or, for a
trailing "……，X表示", after it. English paragraphs and sentences of a mixed article go to
the English tracker (tracker.en.claims.extract_en), their offsets moved into the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracker.en.claims import extract_en
from tracker.en.subject import claim_key
from tracker.language import segment_language
from tracker.model import Claim, Extraction, Source
from tracker.zh.entities import candidates, entity_before, owner_of, topic, without_entity
from tracker.zh.numbers import Figure, find_figures
from tracker.zh.sources import Attribution
from tracker.zh.subject import (
    counted_noun,
    entity_key,
    mentioned_entity,
    metric_before,
    period_at,
    period_marks,
    respective,
)
from tracker.zh.text import is_furniture, paragraphs, sentence_spans
from tracker.zh.traditional import to_simplified

SAYS = re.compile(r"(?:说|表示|称|指出|认为|透露|介绍|强调|坦言)[。！]?$")
LATIN_WORD = re.compile(r"[A-Za-z]{2}")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Verbs of paying and getting: what follows the amount is what it is (支付3000元赔偿金).
HANDING = re.compile(
    r"(?:需要|提出|花费|花了|支付|索要|获得|拿出|投入|捐出|捐赠|收到|赔偿|缴纳|领取|开出)$"
)
JOINED = re.compile(r"\s*(?:和|与|及|、|，)\s*")
# Longest "X说。" sentence that only attributes the quotation before it.
ATTRIBUTION_ONLY = 40
CONTINUING = ("其中",)
# Longest stretch a speaker's turn runs on without a new cue (a "paragraph" longer than
# that is several, run together by a page extraction).
TURN = 400
WRITER_OWN = re.compile(
    r"(?:记者|笔者)(?:还|也|则|同时|近日|日前)?"
    r"(?:注意到|发现|查阅|梳理|计算|统计|调查|观察到|对比|了解到|获悉|走访|调研|率队|采访)"
)
# Farthest a cue may sit from the end of its sentence and still attribute figures before it.
CLOSING_CUE = 6
# Longest "X公布了……报告。" sentence that announces the paragraph after it.
ANNOUNCEMENT = 60
ANNOUNCES = re.compile(
    r"(?:公布|发布|发表|披露|宣布)(?:了)?[^，。]*?(?:报告|数据|业绩|财报|年报|报道|文章|结果)"
)


def _organizations(attribution: Attribution) -> dict[str, str]:
    """Names of the organizations met so far (sources, speakers' employers, aliases) -> full name."""
    known = {
        name: name
        for source in attribution.sources.values()
        for name in (source.name if source.kind == "organization" else source.organization,)
        if name
    }
    known.update(attribution.aliases)
    return known


def _source_of(cues: list[tuple[int, Source]], position: int, end: int) -> Source | None:
    """The cue nearest before ``position``, else one closing the sentence ("……，X表示。")."""
    chosen: Source | None = None
    for cue_position, source in cues:
        if cue_position <= position:
            chosen = source
        elif chosen is None:
            # A cue in mid-sentence opens what follows it ("……，但X说，“……”"); only one
            # at the end of the sentence looks back at the figures before it.
            return source if end - cue_position <= CLOSING_CUE else None
    return chosen


def _english_span(
    text: str, start: int, end: int, published: str | None, attribution: Attribution
) -> list[Claim]:
    """Claims of an English paragraph or sentence, by the English tracker, in whole-text offsets."""
    found = extract_en(text[start:end], published)
    for source in found.sources:
        attribution.sources.setdefault(source.name, source)
    return [
        replace(
            claim,
            start=claim.start + start,
            end=claim.end + start,
            sentence_start=claim.sentence_start + start,
        )
        for claim in found.claims
    ]


@dataclass
class _Subject:
    """What the figures before the current one were about, for figures that only imply it."""

    metric: str | None = None
    entity: str | None = None
    floor: int = 0  # where the current figure's metric may begin
    period: str | None = None  # the period the paragraph spoke of last
    respectively: list[str] = field(default_factory=list)  # 甲和乙分别…: metrics still due


def _claim(
    text: str,
    work: str,
    figure: Figure,
    sentence: tuple[int, int],
    source: Source | None,
    subject: _Subject,
    periods: list[tuple[int, str]],
    mentioned: str | None,
) -> Claim:
    start, end = sentence
    floor = max(start, subject.floor)
    metric = metric_before(work, floor, figure.start, subject.metric)
    parts = respective(work, floor, figure.start)
    if parts:
        metric, subject.respectively = parts[0], parts[1:]
    elif subject.respectively and JOINED.fullmatch(work, subject.floor, figure.start):
        metric = subject.respectively.pop(0)  # ……和3.26个百分点: the next of 甲和乙
    if figure.kind == "count" or not metric or len(metric) <= 2 or HANDING.search(metric):
        # 3名航天员, 需要1000元误工费: the noun after the figure says what it measures.
        metric = counted_noun(work, figure.end, end) or metric
    organization = None
    if source is not None:
        organization = source.organization or (
            source.name if source.kind == "organization" else None
        )
    entity = mentioned or subject.entity or organization
    period = period_at(periods, figure.start - start) or subject.period
    subject.period = period
    if metric and (subject.metric is None or not metric.startswith(subject.metric)):
        subject.metric = metric  # a borrowed "X 同比增长" keeps X as the base for the next one
    subject.entity, subject.floor = entity, figure.end
    return Claim(
        start=figure.start,
        end=figure.end,
        surface=text[figure.start : figure.end],
        sentence=text[start:end],
        value=float(f"{figure.value:.12g}"),
        unit=figure.unit,
        kind=figure.kind,
        approximate=figure.approximate,
        source=source.name if source else None,
        subject=" ".join(part for part in (entity, metric) if part) or None,
        entity=entity,
        metric=metric,
        period=period,
        key=claim_key(entity_key(entity), metric, figure.unit, period),
        sentence_start=start,
    )


def _by_sentence(figures: list[Figure], sentences: list[tuple[int, int]]) -> list[list[Figure]]:
    """The paragraph's figures grouped by the sentence that holds them (both in order)."""
    groups: list[list[Figure]] = [[] for _ in sentences]
    index = 0
    for figure in figures:
        while index < len(sentences) and sentences[index][1] <= figure.start:
            index += 1
        if index < len(sentences) and sentences[index][0] <= figure.start:
            if figure.end <= sentences[index][1]:
                groups[index].append(figure)
    return groups


def extract_zh(text: str, *, published: str | None = None) -> Extraction:
    """Sources and claims of a Chinese (or mixed Chinese/English) article text.

    Traditional characters are read through their simplified forms (same offsets); the
    names of sources are then given back as the article writes them.
    """
    work = to_simplified(text)
    found = _extract(text, work, published)
    return found if work is text else _as_written(found, text, work)


def _extract(text: str, work: str, published: str | None) -> Extraction:
    """extract_zh over ``work``, the text with simplified characters, cutting from ``text``."""
    attribution = Attribution()
    claims: list[Claim] = []
    subject = _Subject()
    last_cues: list[tuple[int, Source]] = []  # of the sentence before, across paragraphs
    last_sentence: tuple[int, int] | None = None
    last_had_figures = False
    doc_speaker: Source | None = None
    taiwan_dollars = "新台币" in work or "台币" in work
    for para_start, para_end in paragraphs(work):
        if segment_language(work[para_start:para_end]) == "en":
            claims.extend(_english_span(text, para_start, para_end, published, attribution))
            continue
        if is_furniture(work, para_start, para_end):
            # "新闻发言人 武平" over a statement: the spokesperson speaks the text that follows.
            doc_speaker = attribution.signed(work[para_start:para_end]) or doc_speaker
            continue
        subject.metric = None
        subject.period = None
        sentences = sentence_spans(work, para_start, para_end)
        found = find_figures(work, para_start, para_end)
        if taiwan_dollars:  # 元 in a story told in New Taiwan dollars
            found = [
                replace(f, unit="TWD")
                if f.unit == "CNY" and "人民币" not in work[f.start : f.end]
                else f
                for f in found
            ]
        figures = _by_sentence(found, sentences)
        cues = [attribution.cues(work, *sentence) for sentence in sentences]
        before_paragraph = last_cues
        # The speaker of this paragraph so far: a paragraph goes on with whoever spoke in it,
        # or with the source that announced it at the end of the paragraph before.
        speaker = _announced(work, last_sentence, last_cues, last_had_figures) or doc_speaker
        spoke_at = para_start
        last_cues = cues[-1] if cues else last_cues
        last_sentence = sentences[-1] if sentences else last_sentence
        last_had_figures = bool(figures[-1]) if figures else last_had_figures
        organizations = _organizations(attribution)
        for index, sentence in enumerate(sentences):
            latin = LATIN_WORD.search(work, *sentence)
            if latin and segment_language(work[sentence[0] : sentence[1]]) == "en":
                claims.extend(_english_span(text, *sentence, published, attribution))
                continue
            if cues[index]:
                speaker, spoke_at = cues[index][-1][1], sentence[0]
            elif WRITER_OWN.search(work, *sentence) or sentence[0] - spoke_at > TURN:
                speaker = None  # 记者注意到: the writer's own finding ends the speaker's turn
            if not figures[index]:
                continue
            before = cues[index - 1] if index else before_paragraph
            sentence_cues = cues[index] or _carried_cues(
                work, sentences, cues, figures, index, before
            )
            if not sentence_cues and speaker is not None:
                sentence_cues = [(sentence[0], speaker)]
            sentence_text = work[sentence[0] : sentence[1]]
            periods = period_marks(sentence_text, published)
            mentioned = mentioned_entity(sentence_text, organizations)
            for figure in figures[index]:
                source = _source_of(sentence_cues, figure.start, sentence[1])
                claim = _claim(text, work, figure, sentence, source, subject, periods, mentioned)
                claims.append(claim)
    sources = list(attribution.sources.values())
    claims = _about(claims, work, sources, attribution.aliases)
    return Extraction(text=text, language="zh", sources=sources, claims=claims)


def _about(
    claims: list[Claim], work: str, sources: list[Source], aliases: dict[str, str]
) -> list[Claim]:
    """Each claim with the entity it is about (tracker.zh.entities), its key to match."""
    names = candidates(work, sources, aliases)
    main = topic(work, names)
    out: list[Claim] = []
    previous: Claim | None = None
    for claim in claims:
        if not HAN.search(claim.sentence):
            out.append(claim)  # an English sentence keeps what the English tracker found
            continue
        offset = claim.start - claim.sentence_start
        sentence = work[claim.sentence_start : claim.sentence_start + len(claim.sentence)]
        entity = owner_of(claim.metric) or entity_before(sentence, offset, names)
        if entity is None and previous is not None and "\n" not in work[previous.end : claim.start]:
            entity = previous.entity
        entity = entity or main
        metric = without_entity(claim.metric, names)
        key = claim_key(entity_key(entity), metric, claim.unit, claim.period)
        subject = " ".join(part for part in (entity, metric) if part) or None
        claim = replace(claim, entity=entity, metric=metric, key=key, subject=subject)
        out.append(claim)
        previous = claim
    return out


def _as_written(found: Extraction, text: str, work: str) -> Extraction:
    """Source names, organizations, entities and metrics cut from ``text`` where ``work``
    spelled them (keys stay simplified, so that both scripts key alike)."""

    def written(phrase: str | None) -> str | None:
        where = work.find(phrase) if phrase else -1
        return text[where : where + len(phrase)] if phrase and where >= 0 else phrase

    names = {source.name: written(source.name) or source.name for source in found.sources}
    sources = [
        replace(
            source,
            name=names[source.name],
            role=written(source.role),
            organization=written(source.organization),
        )
        for source in found.sources
    ]
    claims = [
        replace(
            claim,
            source=names.get(claim.source, claim.source) if claim.source else None,
            entity=written(claim.entity),
            metric=" ".join(written(part) or part for part in claim.metric.split(" "))
            if claim.metric
            else None,
        )
        for claim in found.claims
    ]
    return Extraction(text=text, language=found.language, sources=sources, claims=claims)


def _announced(
    text: str,
    sentence: tuple[int, int] | None,
    cues: list[tuple[int, Source]],
    had_figures: bool,
) -> Source | None:
    """The source a paragraph takes from the one before: "X公布了中期业绩。" or "X表示：".

    Only a short last sentence that attributes and states no figure of its own announces
    the next paragraph.
    """
    if sentence is None or not cues or had_figures:
        return None
    start, end = sentence
    if text[end - 1] in "：:" or (
        end - start <= ANNOUNCEMENT and ANNOUNCES.search(text, start, end)
    ):
        return cues[-1][1]
    return None


def _carried_cues(
    text: str,
    sentences: list[tuple[int, int]],
    cues: list[list[tuple[int, Source]]],
    figures: list[list[Figure]],
    index: int,
    before: list[tuple[int, Source]],
) -> list[tuple[int, Source]]:
    """Attribution a sentence without its own cue takes from a neighbour.

    A quotation ("“……。”") takes the speaker of a following "X说。", else continues the
    person quoted in the sentence before it; a sentence opening with 其中 ("of which")
    details the figures of the sentence before it (``before``: its cues).
    """
    start, end = sentences[index]
    if text[start] in "“「":
        if index + 1 < len(sentences) and not figures[index + 1]:
            next_start, next_end = sentences[index + 1]
            if next_end - next_start <= ATTRIBUTION_ONLY and SAYS.search(
                text, next_start, next_end
            ):
                # "……。”业内人士说。": the next sentence names the speaker, or nobody.
                return [(start, cues[index + 1][0][1])] if cues[index + 1] else []
        if before and before[-1][1].kind == "person" and text[end - 1] in "”」":
            return [(start, before[-1][1])]
    if text.startswith(CONTINUING, start) and before:
        return [(start, before[-1][1])]
    return []
