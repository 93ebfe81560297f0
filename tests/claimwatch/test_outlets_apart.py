"""A canonical URL naming another outlet on the same host does not rewrite its articles:
only a canonical on the outlet's own origin (scheme, host, port) is the article's key (issue 18)."""

from __future__ import annotations

from pathlib import Path

from tests.claimwatch.page_server import article, feed, serve_pages, write_config
from tests.claimwatch.test_crawl import _rows, run_crawl

POST_TEXT = (
    "The port authority said container traffic rose 12% in October to 410,000 boxes.\n"
    "Officials said the new terminal would open next spring after a delay of two months.\n"
    "Harbour pilots handled 1,200 ship movements, the authority's monthly report showed."
)
WIRE_TEXT = (
    "Wire Services reported that freight rates fell 8% in the week to Friday.\n"
    "Analysts at the shipping exchange said spot prices had dropped for three weeks.\n"
    "Carriers removed 14 sailings from Asia-Europe schedules, the exchange said."
)


def _config(path: Path, wire: str, post: str) -> Path:
    return write_config(
        path, {"post": {"feeds": [f"{post}/feed.xml"]}, "wire": {"feeds": [f"{wire}/feed.xml"]}}
    )


def test_a_canonical_on_another_outlets_port_is_not_the_key(tmp_path: Path) -> None:
    post_pages = {
        "/feed.xml": feed("/2025/11/04/harbour"),
        "/2025/11/04/harbour": article("Harbour traffic up", POST_TEXT),
    }
    with serve_pages(post_pages) as post:
        wire_pages = {
            "/feed.xml": feed("/2025/11/05/freight", "/2025/11/06/own"),
            # a template mistake: its canonical names the other outlet's story (same host)
            "/2025/11/05/freight": article(
                "Freight rates fall", WIRE_TEXT, canonical=f"{post.base}/2025/11/04/harbour"
            ),
            # a canonical on the outlet's own origin is still followed
            "/2025/11/06/own": article(
                "Freight, again", WIRE_TEXT.replace("8%", "9%"), canonical="/2025/11/06/own-story"
            ),
        }
        with serve_pages(wire_pages) as wire:
            config = _config(tmp_path / "claimwatch.toml", wire.base, post.base)
            for _ in range(2):
                done = run_crawl(config, "--quiet")
                assert done.returncode == 0, done.stderr[-3000:]
    articles = _rows(
        tmp_path / "claimwatch.db",
        "SELECT a.url, a.outlet, COUNT(v.id) AS versions FROM articles a "
        "JOIN versions v ON v.article_id = a.id GROUP BY a.id ORDER BY a.url",
    )
    assert articles == sorted(
        [
            {"url": f"{post.base}/2025/11/04/harbour", "outlet": "post", "versions": 1},
            {"url": f"{wire.base}/2025/11/05/freight", "outlet": "wire", "versions": 1},
            {"url": f"{wire.base}/2025/11/06/own-story", "outlet": "wire", "versions": 1},
        ],
        key=lambda row: row["url"],
    )
    edits = _rows(
        tmp_path / "claimwatch.db",
        "SELECT kind FROM flags WHERE kind IN ('revised', 'added', 'removed')",
    )
    assert edits == []
