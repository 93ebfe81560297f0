"""Printing records: one shared ``--format`` option and table/json/jsonl/csv writers.

Like sqlite-utils' ``output_options``: every command that prints records takes the
same decorator and hands its list of dicts to :func:`print_records`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")

# A text cell starting with one of these runs as a formula when the CSV is opened in a
# spreadsheet (OWASP "CSV injection"): such cells get a leading ' and show as plain text.
SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def format_option(func: F) -> F:
    """Add ``--format table|json|jsonl|csv`` (default table)."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="How to print the records.",
    )(func)


def format_number(value: float) -> str:
    """400000000000.0 -> '400,000,000,000'; 14.1 -> '14.1' (never scientific below 1e18)."""
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,}"


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: text starting like a formula gets a leading '.

    Only text is touched. Numbers stay numbers, so a value of -0.8 is written -0.8; the
    text "-0.8" (a sentence, a surface, a name) becomes '-0.8.
    """
    if isinstance(value, str) and value.startswith(SPREADSHEET_TRIGGERS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return spreadsheet_safe(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def print_records(
    records: Iterable[dict[str, Any]],
    output_format: str,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    stream: Any = None,
) -> None:
    """Print records; ``columns`` limits and orders what the table shows."""
    stream = stream or sys.stdout
    records = list(records)
    if output_format == "json":
        stream.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif output_format == "jsonl":
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif output_format == "csv":
        fields = list(columns or (records[0].keys() if records else []))
        if records and not columns:
            for record in records:
                fields += [key for key in record if key not in fields]
        writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({key: _csv_cell(value) for key, value in record.items()})
    else:
        fields = list(columns or (records[0].keys() if records else []))
        table = Table(title=title, show_lines=False)
        for field in fields:
            table.add_column(field, overflow="fold")
        for record in records:
            table.add_row(*(_cell(record.get(field)) for field in fields))
        console = Console(file=stream, width=None if stream is sys.stdout else 200)
        if records:
            console.print(table)
        else:
            console.print(f"no {title or 'records'}")
