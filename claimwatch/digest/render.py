"""Render a :class:`Digest` as Markdown, HTML, JSON, CSV or Atom.

HTML and Atom come from Jinja2 templates with autoescaping on: article text, titles,
sentences and source names are untrusted and always reach the page as text. Only
http(s) URLs become links. Markdown escapes its own special characters.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

import jinja2
from markupsafe import Markup

from claimwatch.digest.charts import claims_per_day_chart, history_chart
from claimwatch.digest.data import Digest
from claimwatch.figures import human_figure

FORMATS = ("md", "html", "json", "csv", "atom")
# Lists longer than this are cut in md/html (with a count of the rest); json/csv/atom hold all.
SHOWN = 100
CSV_FIELDS = (
    "id", "kind", "outlet", "article_url", "article_title", "previous_article_url",
    "old_value", "new_value", "unit", "source", "entity", "metric", "period", "key",
    "old_sentence", "new_sentence", "created_at",
)  # fmt: skip
_FEED_NAMESPACE = uuid.UUID("7d1c1a4e-3f1e-5b9a-9a51-6c6c61696d77")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def format_number(value: float | None) -> str:
    """14.1 -> '14.1', 2000000 -> '2 million', 400e9 -> '400 billion', None -> '?'."""
    if value is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def format_figure(value: float | None, unit: str | None) -> str:
    """As an article writes it: '$630 million', '14.1%', '400 billion yuan' ('?' for none)."""
    return "?" if value is None else human_figure(value, unit)


def format_move(old: float | None, new: float | None, unit: str | None) -> str:
    """The size of a change: '-0.2 points' for percentages, else '+12%' relative."""
    if old is None or new is None:
        return ""
    if unit == "%":
        delta = new - old
        return f"{delta:+.3g} point" + ("" if abs(delta) == 1 else "s")
    if old == 0:
        return ""
    return f"{(new - old) / abs(old) * 100:+.3g}%"


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s) (safe to link); None for javascript:, data: and the rest."""
    if url and re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def markdown_text(text: Any) -> str:
    """Untrusted text as inert Markdown: specials escaped, one line."""
    if text is None:
        return ""
    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    # A leading '#', '-', '+' or 'N.' would start a heading or a list.
    return re.sub(r"^([#+-]|\d+\.)", r"\\\1", flat)


def xml_text(text: Any) -> str:
    """Drop characters XML 1.0 forbids (escaping itself is the template's autoescape)."""
    return _XML_INVALID.sub("", "" if text is None else str(text))


def rfc3339(stamp: str | None) -> str:
    """A stored ISO timestamp as UTC RFC 3339 (naive stamps are taken as UTC)."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def flag_entry_id(flag: dict[str, Any]) -> str:
    """A stable unique Atom id: the same flag gives the same id in every regenerated feed."""
    parts = (
        flag["id"],
        flag["kind"],
        flag["article_url"],
        flag.get("previous_article_url"),
        flag.get("key"),
        flag.get("old_value"),
        flag.get("new_value"),
        flag["created_at"],
    )
    return f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, '|'.join(map(str, parts)))}"


def feed_id(digest: Digest) -> str:
    """One id per feed scope (all, an outlet, a source), the same every week."""
    scope = f"digest|{digest.outlet or ''}|{digest.source or ''}"
    return f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, scope)}"


def subject(flag: dict[str, Any]) -> str:
    parts = [flag.get("entity"), flag.get("metric"), flag.get("period")]
    return " · ".join(str(part) for part in parts if part) or (flag.get("surface") or "figure")


def side_subject(flag: dict[str, Any], side: str) -> str:
    """The key one side's claim speaks about ('old' or 'new'): entity · metric · period, or '—'."""
    parts = [flag.get(f"{side}_{part}") for part in ("entity", "metric", "period")]
    return " · ".join(str(part) for part in parts if part) or "—"


def _split_at(sentence: str, surface: str | None) -> tuple[str, str, str] | None:
    """(before, surface, after) at the surface's first occurrence in the sentence, if any."""
    if not surface:
        return None
    at = sentence.find(surface)
    if at < 0:
        return None
    return sentence[:at], surface, sentence[at + len(surface) :]


def html_highlight(sentence: str | None, surface: str | None) -> Markup:
    """The sentence as text, with the figure that moved in <mark> (every piece escaped)."""
    text = sentence or ""
    parts = _split_at(text, surface)
    if parts is None:
        return Markup.escape(text)
    before, figure, after = parts
    return Markup("{}<mark>{}</mark>{}").format(before, figure, after)


def markdown_highlight(sentence: str | None, surface: str | None) -> str:
    """The sentence as inert Markdown, with the figure that moved in bold."""
    text = " ".join((sentence or "").split())
    parts = _split_at(text, " ".join((surface or "").split()))
    if parts is None:
        return markdown_text(text)
    before, figure, after = parts
    # markdown_text drops the spaces around each piece, so they are put back here.
    lead = markdown_text(before) + (" " if before.endswith(" ") else "")
    tail = (" " if after.startswith(" ") else "") + _inline_markdown(after.strip())
    return f"{lead}**{_inline_markdown(figure)}**{tail}"


def _inline_markdown(text: str) -> str:
    """Specials escaped, for text inside a line (no list or heading can start there)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimwatch", "templates"),
        autoescape=lambda name: not (name or "").endswith(".md"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        number=format_number,
        figure=format_figure,
        move=format_move,
        http_url=http_url,
        md=markdown_text,
        xml=xml_text,
        rfc3339=rfc3339,
        entry_id=flag_entry_id,
        subject=subject,
        side_subject=side_subject,
        mark=html_highlight,
        md_mark=markdown_highlight,
    )
    return env


_ENV = _environment()


def _template_context(digest: Digest) -> dict[str, Any]:
    return {
        "d": digest,
        "shown": SHOWN,
        "generated": digest.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
    }


def render_markdown(digest: Digest) -> str:
    return _ENV.get_template("digest.md").render(**_template_context(digest))


def render_html(digest: Digest) -> str:
    charts: list[Markup] = [history_chart(history) for history in digest.histories]
    per_day = claims_per_day_chart(digest.claims_per_day)
    return _ENV.get_template("digest.html").render(
        **_template_context(digest), history_charts=charts, per_day_chart=per_day
    )


def render_atom(digest: Digest) -> str:
    updated = max((rfc3339(flag["created_at"]) for flag in digest.flags), default=None)
    return _ENV.get_template("digest.atom").render(
        **_template_context(digest),
        feed_id=feed_id(digest),
        updated=updated or rfc3339(digest.generated_at.isoformat()),
        entries=sorted(
            digest.flags, key=lambda flag: (flag["created_at"], flag["id"]), reverse=True
        ),
    )


def render_json(digest: Digest) -> str:
    return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"


def _csv_cell(value: Any) -> Any:
    # A text cell starting like a formula would run in a spreadsheet: make it plain text.
    if isinstance(value, str) and value.startswith(_SPREADSHEET_FORMULA):
        return "'" + value
    return value


def render_csv(digest: Digest) -> str:
    """The window's flags, one row each (the `flags` record fields plus subject and titles)."""
    stream = io.StringIO()
    # "\r\n" ends rows (RFC 4180), so a cell holding a lone "\r" is quoted, not a row break.
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for flag in digest.flags:
        writer.writerow({field: _csv_cell(flag.get(field)) for field in CSV_FIELDS})
    return stream.getvalue()


RENDERERS = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "atom": render_atom,
}


def render(digest: Digest, output_format: str) -> str:
    """The digest in one of FORMATS."""
    return RENDERERS[output_format](digest)
