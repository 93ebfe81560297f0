"""Figures and keys as people write them (Datasette cells, the demo's tables)."""

from __future__ import annotations

import pytest

from claimwatch.datasette_plugin import render_cell
from claimwatch.figures import human_figure, key_text_label


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (630e6, "USD", "$630 million"),
        (14.1, "%", "14.1%"),
        (400e9, "CNY", "400 billion yuan"),
        (7.9e9, "USD", "$7.9 billion"),
        (-5e6, "USD", "-$5 million"),
        (17.32, "EUR", "€17.32"),
        (1142, "DKK", "1,142 Danish kroner"),
        (1.1, "pp", "1.1 percentage points"),
        (1, "pp", "1 percentage point"),
        (2e6, "count", "2 million"),
        (36400, "count", "36,400"),
        (3, "x", "3 times"),
        (5, "rank", "5th"),
        (22, "rank", "22nd"),
        (12, "rank", "12th"),
        (41e6, "t", "41 million t"),
        (1.5e12, "XYZ", "1.5 trillion XYZ"),
        (None, "USD", ""),
    ],
)
def test_human_figure(value: float | None, unit: str, shown: str) -> None:
    assert human_figure(value, unit) == shown


class _Row(dict):  # sqlite3.Row-like: keys() and row["column"]
    pass


def test_render_cell_only_touches_the_claimwatch_database() -> None:
    row = _Row(value=630e6, unit="USD", key="huawei|patent licensing income|USD|2024")
    assert render_cell(row, 630e6, "value", "claims", "claimwatch", None) == "$630 million"
    assert render_cell(row, 630e6, "value", "claims", "other", None) is None
    assert render_cell(row, "USD", "unit", "claims", "claimwatch", None) is None
    label = render_cell(row, row["key"], "key", "flags", "claimwatch", None)
    assert label == "huawei · patent licensing income · 2024"
    claim = _Row(row, entity="Huawei", metric="patent licensing income", period="2024")
    assert render_cell(claim, claim["key"], "key", "claims", "claimwatch", None) == (
        "Huawei · patent licensing income · 2024"
    )
    # A value without a unit beside it (or no value) is left to Datasette.
    assert render_cell(_Row(value=5.0), 5.0, "value", None, "claimwatch", None) is None
    assert render_cell(row, None, "old_value", "flags", "claimwatch", None) is None
    assert key_text_label("not a key") is None
