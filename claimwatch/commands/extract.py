"""``claimwatch extract``: sources and claims of article files (the eval contract)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

import tracker
from crawler.extract import ExtractionError, extract_article
from crawler.language import text_language

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _looks_like_html(name: str, data: bytes) -> bool:
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (name == "-" and b"<html" in head)


def extract_file(
    name: str, *, published: str | None, url: str | None, language: str
) -> dict[str, Any]:
    """One input file -> the contract's object (file, article, sources, claims)."""
    data = _read_input(name)
    if _looks_like_html(name, data):
        page = extract_article(data, url=url)
        article = {
            "url": page.url or url,
            "title": page.title,
            "published": published or page.published,
            "authors": page.authors,
            "language": page.language,
            "via": page.via,
            "text": page.text,
        }
        lang = language
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ExtractionError(
                f"not UTF-8 text ({error.reason} at byte {error.start})"
            ) from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        article = {
            "url": url,
            "title": None,
            "published": published,
            "authors": [],
            "language": None,
            "via": None,
            "text": text,
        }
        lang = language
    found = tracker.extract(article["text"], published=article["published"], language=lang)
    # article.language is the page language (from its text); the tracker's en/zh routing is
    # its own field.
    if article["language"] is None and article["text"].strip():
        article["language"] = text_language(article["text"])
    article["tracker_language"] = found.language
    return {
        "file": name,
        "article": article,
        "sources": [source.to_dict() for source in found.sources],
        "claims": [claim.to_dict() for claim in found.claims],
    }


def _print_table(result: dict[str, Any], console: Console) -> None:
    article = result["article"]
    console.print(f"[bold]{result['file']}[/bold]: {article.get('title') or ''}")
    sources = Table(title="sources")
    for column in ("name", "kind", "role", "organization"):
        sources.add_column(column)
    for source in result["sources"]:
        sources.add_row(*(source.get(c) or "" for c in ("name", "kind", "role", "organization")))
    console.print(sources)
    claims = Table(title="claims")
    for column in ("surface", "value", "unit", "kind", "source", "subject"):
        claims.add_column(column, overflow="fold")
    for claim in result["claims"]:
        approx = "~" if claim["approximate"] else ""
        claims.add_row(
            claim["surface"],
            f"{approx}{claim['value']:,}",
            claim["unit"],
            claim["kind"],
            claim["source"] or "",
            claim.get("subject") or "",
        )
    console.print(claims)


def _valid_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
)
@click.option("--published", callback=_valid_date, help="Article date (YYYY-MM-DD) for text input.")
@click.option("--url", help="The article's URL, when known.")
@click.option("--lang", type=click.Choice(["auto", "en", "zh"]), default="auto", show_default=True)
def extract(
    files: tuple[str, ...], output_format: str, published: str | None, url: str | None, lang: str
) -> None:
    """Print the sources and claims of article pages (.html) or texts (.txt, - for stdin).

    Example: claimwatch extract article.html --format json
    """
    results: list[dict[str, Any]] = []
    failed: list[str] = []
    console = Console()
    for name in files:
        try:
            result = extract_file(name, published=published, url=url, language=lang)
        except (OSError, ExtractionError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            click.echo(f"Error: {name}: {reason}", err=True)
            failed.append(name)
            continue
        if output_format == "jsonl":
            click.echo(json.dumps(result, ensure_ascii=False))
        elif output_format == "table":
            _print_table(result, console)
        results.append(result)
    if output_format == "json":
        payload: Any = results[0] if len(files) == 1 and results else results
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failed:
        # Each failed file already printed its one-line error; just set the exit status.
        click.get_current_context().exit(1)
