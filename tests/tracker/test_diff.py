"""tracker.tracking.diff: aligning an article's claims across versions and comparing figures across articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.model import Claim
from tracker.tracking.diff import (
    align,
    cross_article_change,
    mask_numbers,
    precision_step,
    same_figure,
    version_changes,
)


def claims_of(
    text: str, figures: list[tuple[str, float, str]], key: str | None = None
) -> list[Claim]:
    """Claims for (surface, value, unit) found in order in ``text``, with their sentences."""
    found, position = [], 0
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    for surface, value, unit in figures:
        start = text.index(surface, position)
        position = start + len(surface)
        sentence = next(s for s in sentences if surface in s and text.find(s) <= start)
        found.append(
            Claim(
                start,
                position,
                surface,
                sentence,
                value,
                unit,
                "count",
                key=key and f"{key}|{surface}",
            )
        )
    return found


def test_mask_numbers_hides_digits_words_and_chinese_numerals() -> None:
    assert (
        mask_numbers("It grounded 14 jets, cut 6%  and five more")
        == "It grounded # jets, cut #% and # more"
    )
    assert mask_numbers("销量增长三成,达1,286.5万辆") == "销量增长#成,达#辆"


def test_a_changed_number_in_an_unchanged_sentence_is_revised() -> None:
    old = claims_of(
        "It grounded 14 jets. Growth is 6% from 7%.",
        [("14", 14, "count"), ("6%", 6, "%"), ("7%", 7, "%")],
    )
    new = claims_of(
        "It grounded 19 jets. Growth is 5% from 7%.",
        [("19", 19, "count"), ("5%", 5, "%"), ("7%", 7, "%")],
    )
    changes = version_changes(old, new)
    assert [(c.kind, c.old, c.new) for c in changes] == [("revised", 0, 0), ("revised", 1, 1)]


def test_added_and_removed_sentences() -> None:
    old = claims_of(
        "Sales rose 5%. Staff fell to 300. Shares fell 2%.",
        [("5%", 5, "%"), ("300", 300, "count"), ("2%", 2, "%")],
    )
    new = claims_of(
        "Sales rose 5%. A new plant employs 40 people. Shares fell 2%.",
        [("5%", 5, "%"), ("40", 40, "count"), ("2%", 2, "%")],
    )
    changes = version_changes(old, new)
    assert sorted((c.kind, c.old, c.new) for c in changes) == [
        ("added", None, 1),
        ("removed", 1, None),
    ]


def test_whitespace_and_moved_sentences_change_nothing() -> None:
    old = claims_of("Sales rose 5%. Staff fell to 300.", [("5%", 5, "%"), ("300", 300, "count")])
    new = claims_of("Staff  fell to 300. Sales rose 5%.", [("300", 300, "count"), ("5%", 5, "%")])
    assert version_changes(old, new) == []
    assert sorted(align(old, new)) == [(0, 1), (1, 0)]


def test_a_reworded_sentence_still_pairs_its_figure() -> None:
    old = claims_of("The company said on Monday that sales rose 5% in the year.", [("5%", 5, "%")])
    new = claims_of(
        "The company said late on Monday that sales rose 6% in the year.", [("6%", 6, "%")]
    )
    assert [(c.kind, c.old, c.new) for c in version_changes(old, new)] == [("revised", 0, 0)]


def test_leftover_claims_pair_by_key() -> None:
    old = claims_of("Revenue was 630 dollars.", [("630", 630, "USD")])
    new = claims_of("Totally different words now: 650 it is.", [("650", 650, "USD")])
    old = [Claim(**{**c.__dict__, "key": "acme|revenue"}) for c in old]
    new = [Claim(**{**c.__dict__, "key": "acme|revenue"}) for c in new]
    assert [(c.kind, c.old, c.new) for c in version_changes(old, new)] == [("revised", 0, 0)]


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ((630e6, "$630 million"), (650e6, "$650 million"), False),
        ((35.2e6, "35.2 million"), (35.24e6, "35.24 million"), True),
        ((630, "630"), (630, "630.0"), True),
        ((18.4e6, "18.4 million"), (18.37e6, "18.37 million"), True),
        ((20e6, "20 million"), (19.2e6, "19.2 million"), False),
        ((79.4e9, "$79.4 billion"), (79.38e9, "$79.38 billion"), True),
        ((4.75, "4.75%"), (4.75, "4.75 percent"), True),
        ((0.25, "25 basis points"), (0.38, "38 basis points"), False),
        ((5, "five"), (5, "5"), True),
        ((5, "five"), (6, "six"), False),
    ],
)
def test_same_figure_at_the_precision_of_the_less_precise(
    old: tuple[float, str], new: tuple[float, str], same: bool
) -> None:
    assert same_figure(*old, *new) is same


def test_precision_step() -> None:
    assert precision_step(18.4e6, "18.4 million") == pytest.approx(1e5)
    assert precision_step(1500, "1,500") == 1
    assert precision_step(12865000, "1286.5万") == pytest.approx(1e3)


def test_cross_article_change_needs_one_dated_figure_on_each_side() -> None:
    def claim(value: float, surface: str, unit: str = "USD", approximate: bool = False) -> Claim:
        return Claim(
            0, len(surface), surface, surface, value, unit, "currency", approximate,
            period="2025", key="k",
        )  # fmt: skip

    about = claim(630, "about 630", approximate=True)
    assert cross_article_change([claim(630, "630")], [about]) is None
    assert cross_article_change([claim(630, "630", "EUR")], [claim(650, "650")]) is None
    before, after = claim(630, "630"), claim(650, "650")
    assert cross_article_change([before, about], [after, claim(650.2, "650.2")]) == (before, after)
    # A key with two values in one article is too coarse to say which figure changed.
    assert cross_article_change([before, claim(600, "600")], [after]) is None
    assert cross_article_change([before], [after, claim(600, "600")]) is None
    undated = Claim(0, 3, "650", "650", 650, "USD", "currency", key="k")
    assert cross_article_change([before], [undated]) is None


def _gold_claims(article: dict) -> list[Claim]:
    found, seen = [], {}
    for item in article["claims"]:
        sentence_at = article["text"].index(item["sentence"])
        offset = item["sentence"].index(
            item["surface"], seen.get((item["sentence"], item["surface"]), 0)
        )
        seen[(item["sentence"], item["surface"])] = offset + 1
        start = sentence_at + offset
        found.append(
            Claim(start, start + len(item["surface"]), item["surface"], item["sentence"],
                  item["value"], item["unit"], item["kind"])
        )  # fmt: skip
    return found


@pytest.mark.parametrize("article", ["dev-en02", "dev-en03", "dev-en05", "dev-en07", "dev-en08"])
def test_gold_versions_give_the_expected_changes(shared: Path, article: str) -> None:
    """On the gold claims of both versions, the diff finds exactly the annotated edits."""
    gold = shared / "gold" / "dev"
    old = _gold_claims(json.loads((gold / f"{article}.json").read_text()))
    new = _gold_claims(json.loads((gold / "versions" / f"{article}.v2.json").read_text()))
    expected = json.loads((gold / "versions" / f"{article}.changes.json").read_text())
    changes = version_changes(old, new)
    revised = sorted((old[c.old].value, new[c.new].value) for c in changes if c.kind == "revised")
    assert revised == sorted((c["old_value"], c["new_value"]) for c in expected["changed"])
    assert sorted(new[c.new].value for c in changes if c.kind == "added") == sorted(
        c["value"] for c in expected["added"]
    )
    assert sorted(old[c.old].value for c in changes if c.kind == "removed") == sorted(
        c["value"] for c in expected["removed"]
    )


_figures = st.lists(
    st.tuples(
        st.sampled_from(["5%", "630", "1.2 million", "five"]), st.sampled_from(["%", "count"])
    ),
    max_size=8,
)


@given(_figures, st.randoms(use_true_random=False))
def test_an_unchanged_or_shuffled_article_has_no_changes(
    figures: list[tuple[str, str]], random: Any
) -> None:
    sentences = [
        f"Line {chr(65 + i)} says {surface} here." for i, (surface, _) in enumerate(figures)
    ]
    text = " ".join(sentences)
    claims = [
        Claim(text.index(s) + s.index(surface), text.index(s) + s.index(surface) + len(surface),
              surface, s, 1.0 + i, unit, "count")
        for i, (s, (surface, unit)) in enumerate(zip(sentences, figures, strict=True))
    ]  # fmt: skip
    assert version_changes(claims, claims) == []
    shuffled = list(claims)
    random.shuffle(shuffled)
    assert version_changes(claims, shuffled) == []
