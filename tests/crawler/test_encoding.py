"""crawler.encoding: pages in CJK encodings with a missing or wrong charset decode correctly."""

from __future__ import annotations

import pytest

from crawler.encoding import decode_html, detect_encoding

ZH = (
    "国庆中秋假期清溪市接待游客同比增长18.6%，旅游收入112.3亿元。记者从清溪市文化和旅游局获悉，全市共接待游客1286.5万人次。"
    * 3
)
ZH_TW = (
    "國慶中秋假期清溪市接待遊客同比增長，旅遊收入創新高。記者從清溪市文化和旅遊局獲悉，全市共接待遊客萬人次。"
    * 3
)
JA = (
    "東京で開かれた会議で、経済成長率は2.5%になると政府が発表しました。これは前年より高い水準です。"
    * 3
)
CASES = [("gbk", ZH), ("gb18030", ZH), ("big5", ZH_TW), ("shift_jis", JA), ("utf-8", ZH)]
DECLARATIONS = [
    "",
    '<meta charset="iso-8859-1">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
]


def html(text: str, declaration: str) -> str:
    return f"<html><head>{declaration}<title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize("encoding,text", CASES)
@pytest.mark.parametrize("declaration", DECLARATIONS)
def test_missing_or_wrong_charset(encoding: str, text: str, declaration: str) -> None:
    data = html(text, declaration).encode(encoding)
    assert text in decode_html(data)


@pytest.mark.parametrize("encoding,text", CASES)
def test_correct_declaration_and_header(encoding: str, text: str) -> None:
    data = html(text, f'<meta charset="{encoding}">').encode(encoding)
    assert text in decode_html(data)
    assert text in decode_html(html(text, "").encode(encoding), f"text/html; charset={encoding}")


def test_utf8_declared_as_gbk_is_utf8() -> None:
    data = html(ZH, '<meta charset="gbk">').encode("utf-8")
    assert detect_encoding(data) == "utf-8"


def test_gb18030_only_characters_survive_a_gb2312_declaration() -> None:
    text = "𠮷野家与龘字都不在GB2312里，但在GB18030里。" * 4
    data = html(text, '<meta charset="gb2312">').encode("gb18030")
    assert text in decode_html(data)


def test_latin1_page_keeps_its_declared_charset() -> None:
    text = (
        "Die Bürgermeisterin sagte, die Kosten stiegen um 12 Prozent auf 4,5 Millionen Euro. " * 3
    )
    data = html(text, '<meta charset="iso-8859-1">').encode("latin-1")
    assert text in decode_html(data)


def _with_bad_bytes(data: bytes, every: int = 97) -> bytes:
    broken = bytearray(data)
    for index in range(200, len(broken), every):
        if broken[index] < 0x80:
            broken[index] = 0xFF  # never valid in UTF-8
    return bytes(broken)


UTF8_TEXTS = [
    "The minister said “the plan” would cost €4.5bn — more than expected. " * 20,
    "Ölpreis fällt. " * 3 + "Plain English text about the markets today and tomorrow. " * 30,
    "Café prices rose 3% said José Núñez in São Paulo. " * 10,
]


@pytest.mark.parametrize("text", UTF8_TEXTS)
@pytest.mark.parametrize("where", ["meta", "header"])
def test_declared_utf8_with_a_few_bad_bytes_stays_utf8(text: str, where: str) -> None:
    declaration = '<meta charset="utf-8">' if where == "meta" else ""
    data = _with_bad_bytes(html(text, declaration).encode("utf-8"), every=500)
    decoded = decode_html(data, "text/html; charset=UTF-8" if where == "header" else None)
    sentence = text.split(". ")[0]
    assert sentence in decoded  # one of its copies has no broken byte
    assert "\ufffd" in decoded  # the bad bytes, replaced


def test_declared_gbk_with_a_few_bad_bytes_stays_gbk() -> None:
    data = html(ZH, '<meta charset="gbk">').encode("gbk") + b"<p>\x81\x20\xff</p>"
    assert ZH in decode_html(data)


@pytest.mark.parametrize("encoding,text", CASES[:4])
def test_a_declared_charset_failing_on_most_of_the_page_is_overruled(
    encoding: str, text: str
) -> None:
    data = html(text, '<meta charset="utf-8">').encode(encoding)
    assert text in decode_html(data)
