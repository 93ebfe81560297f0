"""A small Datasette plugin for ``claimwatch serve``: cells as people read them.

``render_cell`` shows figures as an article writes them ("$630 million" for 630000000.0 USD,
"14.1%", "400 billion yuan") wherever a row has a value column and its ``unit``, and claim
keys as "entity · metric · period". Only the claimwatch database's HTML pages change: the
stored values, the .json and .csv exports stay raw. ``claimwatch serve`` registers it.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

from claimwatch.figures import human_figure, key_label, key_text_label

DATABASE_NAME = "claimwatch"
VALUE_COLUMNS = ("value", "old_value", "new_value")


def _columns(row: Any) -> list[str]:
    try:
        return list(row.keys())
    except (AttributeError, TypeError):
        return []


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> str | None:
    if database != DATABASE_NAME:
        return None
    columns = _columns(row)
    if column in VALUE_COLUMNS and isinstance(value, int | float) and "unit" in columns:
        return human_figure(value, row["unit"])
    if column == "key" and isinstance(value, str) and value:
        if {"entity", "metric", "period"} <= set(columns):
            # The claim's own words for entity and metric ("Stratacloud", not "stratacloud").
            label = key_label(row["entity"], row["metric"], row["period"])
        else:
            label = key_text_label(value)
        return label or None
    return None
