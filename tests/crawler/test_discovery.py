"""crawler.discovery: news sitemaps keep their Google News fields; feeds; sections with pagination."""

from __future__ import annotations

from crawler.discovery import parse_feed, parse_sitemap, section_links

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.org/2025/12/12/story</loc>
<news:news><news:publication><news:name>Example</news:name><news:language>zh</news:language></news:publication>
<news:publication_date>2025-12-12T08:15:00+08:00</news:publication_date>
<news:title>A news title</news:title></news:news></url>
<url><loc>https://example.org/2025/12/11/other</loc><lastmod>2025-12-11</lastmod></url>
</urlset>"""


def test_google_news_fields_are_kept() -> None:
    children, links = parse_sitemap(NEWS_SITEMAP)
    assert children == []
    first, second = links
    assert first.url == "https://example.org/2025/12/12/story"
    assert first.lastmod == "2025-12-12T08:15:00+08:00"
    assert (first.title, first.language) == ("A news title", "zh")
    assert second.lastmod == "2025-12-11"


def test_sitemap_index_lists_children_and_garbage_is_empty() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://example.org/s1.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index) == (["https://example.org/s1.xml"], [])
    assert parse_sitemap(b"<html>not a sitemap") == ([], [])


def test_rss_and_atom_feeds() -> None:
    rss = b"""<rss version="2.0"><channel><title>x</title><item><title>A</title>
    <link>https://example.org/a?utm_source=rss</link><pubDate>Tue, 04 Nov 2025 09:00:00 GMT</pubDate></item>
    </channel></rss>"""
    (link,) = parse_feed(rss, "https://example.org/feed")
    assert link.url == "https://example.org/a"
    assert link.lastmod.startswith("2025-11-04T09:00:00")
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
    <entry><title>B</title><link href="/b"/><updated>2025-11-05T10:00:00Z</updated></entry></feed>"""
    (link,) = parse_feed(atom, "https://example.org/atom.xml")
    assert link.url == "https://example.org/b"


def test_section_links_follow_pattern_pagination_and_stay_on_site() -> None:
    html = """<html><body>
    <a href="/2025/11/04/alpha?utm_source=s">Alpha</a>
    <a href="/2025/11/04/alpha#c">Alpha again</a>
    <a href="/about/">About</a>
    <a href="https://other.example.net/2025/11/04/x">Elsewhere</a>
    <a rel="next" href="/world/?page=2">Next</a>
    <a href="/world/?page=3">3</a>
    </body></html>"""
    articles, pages = section_links(
        html, "https://example.org/world/", pattern=r"/\d{4}/\d{2}/", hosts={"example.org"}
    )
    assert [link.url for link in articles] == ["https://example.org/2025/11/04/alpha"]
    assert pages == ["https://example.org/world/?page=2", "https://example.org/world/?page=3"]


def test_gzipped_sitemap_is_unpacked_within_the_size_limit() -> None:
    import gzip

    import pytest

    from crawler.discovery import sitemap_body

    packed = gzip.compress(NEWS_SITEMAP)
    assert sitemap_body(packed, "https://example.org/s.xml.gz", 1_000_000) == NEWS_SITEMAP
    with pytest.raises(ValueError):
        sitemap_body(gzip.compress(b"x" * 100_000), "https://example.org/s.xml.gz", 1000)
