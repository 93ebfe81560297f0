"""Synthetic news for the database benchmarks: articles whose sentences carry claims.

A fixed vocabulary (``World``) of words, entities, metrics, organizations and people, and
seeded articles written from it: each sentence states one figure, mostly attributed to a
person, with skewed word and metric frequencies like real text. ``generate`` yields the same
articles every time for the same seed. Used by bench/db_scale.py and bench/digest.py.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

UNITS = [  # (unit, kind, weight, typical magnitude)
    ("%", "percent", 30, 1e1),
    ("count", "count", 25, 1e4),
    ("USD", "currency", 12, 1e8),
    ("CNY", "currency", 10, 1e9),
    ("EUR", "currency", 4, 1e8),
    ("pp", "percent", 4, 1e0),
    ("x", "multiple", 5, 1e0),
    ("rank", "rank", 4, 1e0),
    ("t", "quantity", 3, 1e5),
    ("km", "quantity", 2, 1e3),
    ("MW", "quantity", 1, 1e3),
]
ROLES = ["analyst", "spokesperson", "minister", "economist", "chief executive", "director"]


@dataclass(frozen=True)
class World:
    """The vocabularies articles are written from (fixed seed: every run writes the same data)."""

    words: list[str]
    entities: list[str]
    metrics: list[str]
    organizations: list[str]
    people: list[tuple[str, str, str]]  # name, role, organization
    outlets: list[str]


def _word(rng: random.Random, syllables: int) -> str:
    parts = [
        "ka",
        "lo",
        "mi",
        "ne",
        "ru",
        "ta",
        "vo",
        "zi",
        "pe",
        "sa",
        "do",
        "ri",
        "xu",
        "ba",
        "fe",
    ]
    return "".join(rng.choice(parts) for _ in range(syllables))


def make_world(rng: random.Random, sources: int) -> World:
    words = sorted({_word(rng, rng.randint(2, 4)) for _ in range(8000)})
    entities = sorted({_word(rng, 3).capitalize() for _ in range(800)})
    metrics = sorted({f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(300)})
    organizations = sorted(
        {
            f"{_word(rng, 3).capitalize()} {rng.choice(['Securities', 'Bank', 'Ministry', 'Institute', 'Group'])}"
            for _ in range(2000)
        }
    )
    people = [
        (
            f"{_word(rng, 2).capitalize()} {_word(rng, 2).capitalize()}",
            rng.choice(ROLES),
            rng.choice(organizations),
        )
        for _ in range(sources)
    ]
    outlets = [f"outlet-{n}" for n in range(12)]
    return World(words, entities, metrics, organizations, people, outlets)


def _zipf_choice(rng: random.Random, items: list[str]) -> str:
    """Skewed like real text: a few items are common, most are rare."""
    return items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]


def make_article(
    rng: random.Random, world: World, number: int, claims: int, day: date
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article (store.store_article fields) and its claims (claims columns + ``person``)."""
    sentences: list[str] = []
    found: list[dict[str, Any]] = []
    offset = 0
    for _ in range(claims):
        unit, kind, _, magnitude = rng.choices(UNITS, weights=[u[2] for u in UNITS])[0]
        value = round(rng.lognormvariate(0, 1.5) * magnitude, 1)
        surface = {"%": f"{value}%", "pp": f"{value} percentage points", "x": f"{value} times"}.get(
            unit, f"{value:,} {unit}"
        )
        entity, metric = rng.choice(world.entities), _zipf_choice(rng, world.metrics)
        person = rng.choice(world.people) if rng.random() < 0.7 else None
        filler = " ".join(_zipf_choice(rng, world.words) for _ in range(rng.randint(4, 10)))
        lead = f"{person[0]} said " if person else ""
        head = f"{lead}{entity} {metric} reached "
        sentence = f"{head}{surface} in {day.year}, {filler}."
        start = offset + len(head)
        found.append(
            {
                "start": start,
                "end": start + len(surface),
                "surface": surface,
                "sentence": sentence,
                "value": value,
                "unit": unit,
                "kind": kind,
                "approximate": rng.random() < 0.2,
                "subject": f"{entity} {metric}",
                "entity": entity.lower(),
                "metric": metric,
                "period": str(day.year),
                "key": f"{entity.lower()}|{metric}|{kind}|{day.year}",
                "person": person,
            }
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    outlet = world.outlets[number % len(world.outlets)]
    article = {
        "url": f"https://{outlet}.example/{day.isoformat()}/story-{number}",
        "outlet": outlet,
        "title": " ".join(rng.choice(world.words) for _ in range(6)),
        "authors": [rng.choice(world.people)[0]],
        "published": f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+00:00",
        "language": "en",
        "text": " ".join(sentences),
    }
    return article, found


def generate(
    world: World, seed: int, claims: int, articles: int
) -> Iterator[tuple[dict, list[dict]]]:
    """The same articles every time it is called (one seeded generator per article)."""
    first_day, span_days = date(2024, 1, 1), 730
    for n in range(articles):
        count = claims // articles + (1 if n < claims % articles else 0)
        day = first_day + timedelta(days=n * span_days // articles)
        yield make_article(random.Random(seed * 1_000_003 + n), world, n, count, day)
