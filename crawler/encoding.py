"""Bytes of a web page -> text, when the charset is declared, missing or wrong.

Order of evidence: a byte-order mark; strict UTF-8 (a page that decodes as UTF-8 and holds
non-ASCII bytes is UTF-8 whatever it declares); the declared charset (HTTP header, then
``<meta>``), widened to its superset (GBK -> GB18030, Big5 -> Big5-HKSCS, Shift-JIS -> CP932)
when it decodes cleanly and is not a single-byte charset that charset-normalizer sees through,
or with its bad bytes replaced when it fails on at most half of the page's non-ASCII text (a
UTF-8 page with a few broken bytes stays UTF-8); then charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# Declared names that browsers (WHATWG Encoding) read as a wider encoding.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_jp": "euc_jis_2004",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "euc_kr": "cp949",
}
MOST = 0.5  # a declared charset failing on more of the page's non-ASCII text is wrong
_MULTI_BYTE = {"gb18030", "big5hkscs", "cp932", "euc_jis_2004", "cp949", "utf-8"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _python_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset named by the Content-Type header, else by a ``<meta>`` in the first 4 KB."""
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        if header and _python_name(header.group(1)):
            return _python_name(header.group(1))
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        return _python_name(meta.group(1).decode("ascii", "ignore"))
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect_encoding(data: bytes, content_type: str | None = None) -> str:
    """The Python codec name to decode ``data`` with."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data[:200_000].isascii() and b"\x00" not in data[:1024]:
        return "utf-8"
    if _decodes(data, "utf-8"):
        return "utf-8"
    declared = declared_charset(data, content_type)
    clean = declared and declared != "utf-8" and _decodes(data, declared)
    if declared and (clean or _undecodable_share(data, declared) <= MOST):
        # Clean, or a few bad bytes (replaced): the page's own charset.
        if declared in _MULTI_BYTE:
            return declared
        # A single-byte charset decodes anything; trust it unless the bytes are clearly
        # a multi-byte (CJK) encoding.
        guess = _best_guess(data)
        return guess if guess in _MULTI_BYTE else declared
    return _best_guess(data) or declared or "utf-8"


def _undecodable_share(data: bytes, encoding: str) -> float:
    """Of the page's non-ASCII characters decoded with ``encoding``, the share that are
    replacement characters (bytes it could not decode)."""
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        return 1.0
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text.count("\ufffd") / non_ascii if non_ascii else 0.0


def _best_guess(data: bytes) -> str | None:
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    guess = _python_name(best.encoding) or best.encoding
    if not _decodes(data, guess):
        # The sample decoded; the whole page may not: fall back to the superset's name.
        return guess if guess in ("gb18030", "big5hkscs", "cp932") else None
    return guess


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text (undecodable bytes become U+FFFD, never an exception)."""
    encoding = detect_encoding(data, content_type)
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")
