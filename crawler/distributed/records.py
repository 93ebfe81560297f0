"""What travels on the item list: one JSON object per article, 304 or failed page.

``{"type": "article", ...Article fields..., "html_z64": base64(zlib(raw HTML))}``,
``{"type": "not_modified", "url", "lastmod", "outlet"}`` and ``{"type": "error", "outlet", "line"}``.
The raw HTML is kept (compressed) because every stored version keeps the page it came from.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from crawler.items import Article, NotModified


def encode_item(item: Any) -> bytes | None:
    """JSON bytes for an Article or NotModified item; None for anything else."""
    if isinstance(item, Article):
        record: dict[str, Any] = {"type": "article", **item.to_dict()}
        html = record.pop("html", None)
        record["html_z64"] = base64.b64encode(zlib.compress(html, 6)).decode() if html else None
    elif isinstance(item, NotModified):
        record = {
            "type": "not_modified",
            "url": item.url,
            "lastmod": item.lastmod,
            "outlet": item.outlet,
        }
    else:
        return None
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def encode_error(outlet: str, line: str) -> bytes:
    return json.dumps({"type": "error", "outlet": outlet, "line": line}).encode("utf-8")


class BadRecord(ValueError):
    """An item list entry that is not one of ours."""


def decode_item(data: bytes) -> dict[str, Any]:
    """The record as a dict; an article's ``html`` is bytes again (or None)."""
    try:
        record = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRecord(f"not JSON: {error}") from None
    if not isinstance(record, dict) or record.get("type") not in (
        "article",
        "not_modified",
        "error",
    ):
        raise BadRecord("not a claimwatch item")
    if record["type"] == "article":
        if not isinstance(record.get("url"), str) or not isinstance(record.get("text"), str):
            raise BadRecord("article without url or text")
        packed = record.pop("html_z64", None)
        try:
            record["html"] = zlib.decompress(base64.b64decode(packed)) if packed else None
        except (ValueError, zlib.error) as error:
            raise BadRecord(f"bad html_z64: {error}") from None
    return record
