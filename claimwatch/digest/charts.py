"""Inline SVG charts for the HTML digest, drawn with pygal.

pygal escapes every label it writes. It also embeds a ``<script>`` with its config
(and would link its tooltip script from the web); both are removed, so the charts
make no requests and run nothing: they are plain pictures inside the page.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any

from markupsafe import Markup

from claimwatch.figures import human_figure


@cache
def _pygal() -> ModuleType:
    """Import pygal on first use, without the import hook it installs.

    pygal appends an old-style finder (for its map plugins) to ``sys.meta_path`` that
    raises ImportWarning on every failed import anywhere in the process afterwards.
    """
    import pygal  # type: ignore[import-untyped]

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    return pygal


_COMMON: dict[str, Any] = {
    "js": [],
    "css": ["file://style.css", "file://graph.css"],
    # Drawn small and scaled up by the page: labels stay legible on a phone.
    "width": 480,
    "height": 320,
    "show_legend": False,
    "disable_xml_declaration": True,
    "margin": 12,
    "truncate_label": -1,
    "max_scale": 6,  # at most about six value labels: legible when scaled to a phone
}


@cache
def _options() -> dict[str, Any]:
    from pygal.style import Style  # type: ignore[import-untyped]

    style = Style(
        background="transparent",
        plot_background="#ffffff",
        foreground="#333333",
        foreground_strong="#111111",
        foreground_subtle="#888888",
        colors=("#1f6feb", "#d1242f", "#1a7f37", "#9a6700"),
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        label_font_size=15,
        major_label_font_size=15,
        title_font_size=18,
        value_font_size=14,
    )
    return {**_COMMON, "style": style}


def _is_script(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == "script"


def _strip_scripts(root: Any) -> Any:
    """xml_filter: drop every <script> element (pygal's config and tooltip code)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if _is_script(child):
                parent.remove(child)
    return root


def _render(chart: Any) -> Markup:
    chart.add_xml_filter(_strip_scripts)
    svg = chart.render(is_unicode=True)
    # pygal's output is serialized XML with escaped text: safe to embed as markup.
    return Markup(svg)  # noqa: S704


def _buckets(per_day: list[dict[str, Any]]) -> tuple[str, list[tuple[str, int]]]:
    """Days for a week or a month; ISO weeks up to about a year; months beyond."""
    days = [(date.fromisoformat(day["day"]), int(day["claims"])) for day in per_day]
    if len(days) <= 31:
        fmt = "%a %d" if len(days) <= 7 else "%d %b"
        return "day", [(day.strftime(fmt), count) for day, count in days]
    unit = "week" if len(days) <= 371 else "month"
    totals: dict[str, int] = {}
    for day, count in days:
        label = f"{day:%G}-W{day:%V}" if unit == "week" else f"{day:%Y-%m}"
        totals[label] = totals.get(label, 0) + count
    return unit, list(totals.items())


def _nice_step(top: int) -> int:
    """A whole 1, 2 or 5 times a power of ten giving at most five steps up to ``top``."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))  # 1, 2, 5, 10, 20, 50, ...
    while top / step > 5:
        step = int(step * next(factors))
    return step


def claims_per_day_chart(per_day: list[dict[str, Any]]) -> Markup:
    """Bar chart of claims recorded per day of the window (per week or month when long)."""
    unit, buckets = _buckets(per_day)
    chart = _pygal().Bar(
        **_options(),
        title=f"Claims per {unit}",
        x_label_rotation=0 if unit == "day" and len(buckets) <= 7 else 30,
        show_minor_x_labels=len(buckets) <= 12,
        x_labels_major_count=8,
        print_values=False,
    )
    counts = [count for _, count in buckets]
    chart.x_labels = [label for label, _ in buckets]
    step = _nice_step(max(counts, default=0))
    chart.y_labels = list(range(0, max(counts, default=0) + step, step))
    chart.add("claims", counts)
    return _render(chart)


def history_chart(history: dict[str, Any]) -> Markup:
    """A changed figure's reported values over time (one dot per report)."""
    unit = history.get("unit") or ""
    name = " ".join(part for part in (history.get("entity"), history.get("metric")) if part)
    chart = _pygal().DateLine(
        **_options(),
        title=f"{name or history['key']} ({unit})" if unit else (name or history["key"]),
        x_label_rotation=30,
        dots_size=4,
        x_value_formatter=lambda value: value.isoformat(),
        value_formatter=lambda value: human_figure(value, history.get("unit")),
    )
    chart.add(
        unit or "value",
        [(date.fromisoformat(point["day"]), point["value"]) for point in history["points"]],
    )
    return _render(chart)
