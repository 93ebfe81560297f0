"""Quality gate: the English tracker on the project's own annotated articles.

The floors in fixtures/en/floors.json only ever move up: raise them when the tracker
improves, never lower them to let a change through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tracker.quality import FIXTURES, score_folder

FLOORS = json.loads((FIXTURES / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def own_score():  # type: ignore[no-untyped-def]
    return score_folder(FIXTURES)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_own_articles_stay_above_floor(own_score, measure: str) -> None:  # type: ignore[no-untyped-def]
    assert getattr(own_score, measure) >= FLOORS[measure], (
        f"{measure} fell to {getattr(own_score, measure):.3f} (floor {FLOORS[measure]})"
    )


def test_every_fixture_is_annotated() -> None:
    articles = sorted(FIXTURES.glob("*.json"))
    assert len([a for a in articles if a.name != "floors.json"]) >= 6
    for path in articles:
        if path.name == "floors.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["claims"], path.name
        for claim in gold["claims"]:
            assert claim["sentence"] in gold["text"], (path.name, claim["surface"])
            assert claim["surface"] in claim["sentence"], (path.name, claim["surface"])


def test_dev_set_when_present(shared: Path) -> None:
    """The team's English dev articles, as the scorer sees them (skips without ../shared)."""
    score = score_folder(shared / "gold" / "dev")
    assert score.f1 >= 0.95
    assert score.attribution >= 0.90
    assert score.sources_f1 >= 0.90
