"""crawler.urls: tracking parameters and fragments never reach a request or an article key."""

from __future__ import annotations

from crawler.urls import clean_url, same_site, site_label


def test_tracking_parameters_and_fragment_removed() -> None:
    url = (
        "HTTPS://News.Example.org:443/a/b?utm_source=x&id=3&fbclid=y&gclid=z&utm_medium=m#comments"
    )
    assert clean_url(url) == "https://news.example.org/a/b?id=3"


def test_relative_links_resolve_and_other_parameters_stay() -> None:
    assert (
        clean_url("../c?page=2&ref_src=tw", "http://example.org/a/b/")
        == "http://example.org/a/c?page=2"
    )
    assert clean_url("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080/x"


def test_same_site_includes_subdomains_only() -> None:
    hosts = {"example.org"}
    assert same_site("https://www.example.org/x", hosts)
    assert not same_site("https://example.org.evil.net/x", hosts)
    assert not same_site("https://notexample.org/x", hosts)


def test_origin_is_scheme_host_and_port() -> None:
    from crawler.urls import origin

    assert origin("https://www.Example.org/a") == ("https", "example.org", 443)
    assert origin("https://example.org:443/b") == origin("https://example.org/a")
    assert origin("http://example.org/a") != origin("https://example.org/a")
    assert origin("http://127.0.0.1:8001/a") != origin("http://127.0.0.1:8002/a")


def test_site_label_is_the_name_part_of_the_host() -> None:
    assert site_label("https://www.bbc.co.uk/news/x") == "bbc"
    assert site_label("https://news.example.org/a") == "example"
    assert site_label("https://www3.nhk.or.jp/x") == "nhk"
