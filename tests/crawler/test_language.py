"""crawler.language: the page language from the text, checked against declarations."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.extract import extract_article
from crawler.language import code, page_language

GERMAN = (
    "Die Aufregung nach dem Aufmarsch von Islamisten in Hamburg bleibt groß. Auch in Österreich "
    "stellt sich nun die Frage, wie die Antwort im Umgang mit religiösen Fanatikern aussehen soll "
    "und wie groß die Gefahr für die Demokratie tatsächlich ist, sagte der Innenminister am Montag."
)
ENGLISH = (
    "The city council approved four new bus lines on Monday evening, the mayor said, adding that "
    "the first of them would start running in the spring and the others before the end of the year, "
    "once the drivers have been hired and trained for the new routes."
)


def lang(head: str, text: str, html_lang: str | None = None) -> str | None:
    attr = f" lang='{html_lang}'" if html_lang else ""
    tree = lxml.html.document_fromstring(
        f"<html{attr}><head>{head}</head><body><p>x</p></body></html>"
    )
    from crawler.metadata import meta_tags

    return page_language(tree, {}, meta_tags(tree), text)


def test_declared_codes_are_read_in_every_form_and_a_charset_is_no_language() -> None:
    assert code("de-DE") == code("de_DE") == code("DE") == "de"
    assert code("nb-NO") == "no"
    assert code("text/html; charset=utf-8") is None
    assert code("en-US, fr") == "en"


def test_the_text_overrules_a_template_declaration_it_clearly_contradicts() -> None:
    assert lang("", GERMAN, "en") == "de"
    assert lang("<meta property='og:locale' content='en_US'>", GERMAN) == "de"


def test_a_declaration_the_text_does_not_rule_out_wins_and_short_text_defers() -> None:
    assert lang("<meta property='og:locale' content='de_DE'>", GERMAN) == "de"
    assert lang("", "Kurz.", "de") == "de"
    assert (
        lang("<meta http-equiv='Content-Language' content='text/html; charset=utf-8'>", ENGLISH)
        == "en"
    )
    assert lang("", ENGLISH) == "en"


def test_extracted_article_language_is_the_page_language() -> None:
    body = "".join(f"<p>{GERMAN}</p>" for _ in range(3))
    page = f"<html lang='en'><head><title>Hamburg</title></head><body><article>{body}</article></body></html>"
    assert extract_article(page).language == "de"


def test_extract_command_gives_page_language_and_tracker_routing_apart(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from claimwatch.cli import cli

    body = "".join(f"<p>{GERMAN} Der Umsatz stieg um 12%.</p>" for _ in range(3))
    path = tmp_path / "seite.html"
    path.write_text(
        f"<html lang='de'><head><title>Hamburg</title></head><body><article>{body}</article></body></html>"
    )
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)["article"]
    assert article["language"] == "de"
    assert article["tracker_language"] == "en"
