"""The Chinese tracker: an article's sources and claims, sentence by sentence.

``extract_zh`` walks the paragraphs of the article; Chinese paragraphs are split into
sentences (tracker.text_zh), their figures found (tracker.numbers_zh) and attributed to
the nearest attribution cue of the sentence (tracker.sources_zh), before it or, for a
trailing "……，X表示", after it. English paragraphs of a mixed article go to the English
engine and their offsets are moved back into the whole text.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.language import segment_language
from tracker.model import Claim, Extraction, Source
from tracker.numbers_zh import Figure, find_figures
from tracker.sources_zh import Attribution
from tracker.subject_zh import entity_in, metric_before, period_of
from tracker.text_zh import paragraphs, sentence_spans

# Longest "X说。" sentence that only attributes the quotation before it.
ATTRIBUTION_ONLY = 40
CONTINUING = ("其中",)
EnglishEngine = Callable[[str, str | None], Extraction]


def claim_key(entity: str | None, metric: str | None, kind: str, period: str | None) -> str | None:
    """Normalized (entity, metric, unit kind, period): equal keys speak of the same figure."""
    if not metric:
        return None
    parts = [entity or "", metric, kind, period or ""]
    return "|".join(" ".join(part.split()).casefold() for part in parts)


def _source_of(cues: list[tuple[int, Source]], position: int) -> Source | None:
    """The cue nearest before ``position``, else the first after it in the sentence."""
    chosen: Source | None = None
    for cue_position, source in cues:
        if cue_position <= position:
            chosen = source
        elif chosen is None:
            return source
    return chosen


def _english_engine() -> EnglishEngine | None:
    """The English tracker's whole-text function, once it exists."""
    try:
        from tracker.english import extract_en  # type: ignore[import-not-found]
    except ImportError:
        return None
    return extract_en  # type: ignore[no-any-return]


def _english_paragraph(
    text: str, start: int, end: int, published: str | None, attribution: Attribution
) -> list[Claim]:
    engine = _english_engine()
    if engine is None:
        return []
    found = engine(text[start:end], published)
    for source in found.sources:
        attribution.sources.setdefault(source.name, source)
    return [
        Claim(
            **{
                **claim.__dict__,
                "start": claim.start + start,
                "end": claim.end + start,
                "sentence_start": claim.sentence_start + start,
            }
        )  # fmt: skip
        for claim in found.claims
    ]


def _claim(
    text: str,
    figure: Figure,
    sentence: tuple[int, int],
    source: Source | None,
    context: dict[str, str | None],
    published: str | None,
    known: list[str],
) -> Claim:
    start, end = sentence
    sentence_text = text[start:end]
    metric = metric_before(text, start, figure.start, context.get("metric"))
    entity = entity_in(sentence_text, known, context.get("entity"))
    period = period_of(sentence_text, published)
    context.update(metric=metric, entity=entity)
    return Claim(
        start=figure.start,
        end=figure.end,
        surface=text[figure.start : figure.end],
        sentence=sentence_text,
        value=float(f"{figure.value:.12g}"),
        unit=figure.unit,
        kind=figure.kind,
        approximate=figure.approximate,
        source=source.name if source else None,
        subject=" ".join(part for part in (entity, metric) if part) or None,
        entity=entity,
        metric=metric,
        period=period,
        key=claim_key(entity, metric, figure.kind, period),
        sentence_start=start,
    )


def extract_zh(text: str, *, published: str | None = None) -> Extraction:
    """Sources and claims of a Chinese (or mixed Chinese/English) article text."""
    attribution = Attribution()
    claims: list[Claim] = []
    context: dict[str, str | None] = {}
    for para_start, para_end in paragraphs(text):
        if segment_language(text[para_start:para_end]) == "en":
            claims.extend(_english_paragraph(text, para_start, para_end, published, attribution))
            continue
        context["metric"] = None
        sentences = sentence_spans(text, para_start, para_end)
        cues = [attribution.cues(text, *sentence) for sentence in sentences]
        for index, sentence in enumerate(sentences):
            sentence_cues = cues[index] or _carried_cues(text, sentences, cues, index)
            known = list(attribution.aliases) + [
                s.name for s in attribution.sources.values() if s.kind == "organization"
            ]
            for figure in find_figures(text, *sentence):
                source = _source_of(sentence_cues, figure.start)
                claims.append(_claim(text, figure, sentence, source, context, published, known))
    return Extraction(
        text=text, language="zh", sources=list(attribution.sources.values()), claims=claims
    )


def _carried_cues(
    text: str,
    sentences: list[tuple[int, int]],
    cues: list[list[tuple[int, Source]]],
    index: int,
) -> list[tuple[int, Source]]:
    """Attribution a sentence without its own cue takes from a neighbour.

    A quotation ("“……。”") takes the speaker of a following "X说。"; a sentence opening
    with 其中 ("of which") details the figures of the sentence before it.
    """
    start, end = sentences[index]
    if text[start] in "“「" and index + 1 < len(sentences) and cues[index + 1]:
        next_start, next_end = sentences[index + 1]
        if next_end - next_start <= ATTRIBUTION_ONLY and not find_figures(
            text, next_start, next_end
        ):
            return [(start, cues[index + 1][0][1])]
    if text.startswith(CONTINUING, start) and index > 0 and cues[index - 1]:
        return [(start, cues[index - 1][-1][1])]
    return []
