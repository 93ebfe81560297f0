"""Inline SVG charts for the HTML digest, drawn with pygal.

pygal escapes every label it writes. It also embeds a ``<script>`` with its config
(and would link its tooltip script from the web); both are removed, so the charts
make no requests and run nothing: they are plain pictures inside the page.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any

from markupsafe import Markup


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


def claims_per_day_chart(per_day: list[dict[str, Any]]) -> Markup:
    """Bar chart of claims recorded on each day of the window."""
    chart = _pygal().Bar(
        **_options(),
        title="Claims per day",
        x_label_rotation=0,
        print_values=False,
    )
    counts = [day["claims"] for day in per_day]
    chart.x_labels = [date.fromisoformat(day["day"]).strftime("%a %d") for day in per_day]
    # Whole numbers on the axis: claims are counted, never fractional.
    step = max(1, -(-max(counts, default=0) // 5))
    chart.y_labels = list(range(0, max(counts, default=0) + step + 1, step))
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
    )
    chart.add(
        unit or "value",
        [(date.fromisoformat(point["day"]), point["value"]) for point in history["points"]],
    )
    return _render(chart)
