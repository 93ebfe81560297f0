"""Typed records the tracker returns: sources, claims and one article's extraction."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """A person or organization the article attributes a statement or figure to."""

    name: str
    kind: str  # "person" | "organization"
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One number the article asserts; ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    sentence: str
    value: float
    unit: str
    kind: str  # currency | percent | multiple | rank | count | quantity
    approximate: bool = False
    source: str | None = None  # a Source.name, or None for the writer's own figure
    subject: str | None = None
    entity: str | None = None
    metric: str | None = None
    period: str | None = None
    key: str | None = None
    sentence_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        value = record["value"]
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
            record["value"] = int(value)
        return record


@dataclass
class Extraction:
    """Everything the tracker found in one article text."""

    text: str
    language: str
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
