"""crawler.authors: splitting, cleaning, outlets and agencies, Chinese bylines."""

from __future__ import annotations

import json

import lxml.html

from crawler.authors import clean_names, find_authors
from crawler.metadata import json_ld_article, meta_tags


def authors_of(
    head: str = "", body: str = "", url: str = "https://news.example.org/a/1"
) -> tuple[list[str], str | None]:
    tree = lxml.html.document_fromstring(
        f"<html><head>{head}</head><body>{body}<p>x</p></body></html>"
    )
    return find_authors(tree, json_ld_article(tree), meta_tags(tree), url)


def ld(author: object, publisher: str = "Example News") -> str:
    data = {
        "@type": "NewsArticle",
        "author": author,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_lists_are_split_and_by_roles_mail_and_affiliations_stripped() -> None:
    assert clean_names("Samya Kullab and Vasilisa Stepanenko") == [
        "Samya Kullab",
        "Vasilisa Stepanenko",
    ]
    assert clean_names("By Ann Lee, Bo Chen and Cy Diaz") == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert clean_names("Von Elena Oberholzer (obe)") == ["Elena Oberholzer"]
    assert clean_names("Jane Doe, Senior Reporter, jane@example.org") == ["Jane Doe"]
    assert clean_names("Povilas Aleksandravičius, Mykolo Romerio universiteto profesorius") == [
        "Povilas Aleksandravičius"
    ]
    assert clean_names("von unserer Redaktion") == []
    assert clean_names("Nikkei Inc.") == []


def test_json_ld_names_are_cleaned_and_split_too() -> None:
    people = [{"@type": "Person", "name": "Samya Kullab and Vasilisa Stepanenko"}]
    assert authors_of(ld(people)) == (["Samya Kullab", "Vasilisa Stepanenko"], None)


def test_the_outlet_beside_people_is_no_author_and_an_organization_never() -> None:
    both = ld([{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Example News"}])
    assert authors_of(both) == (["Ann Lee"], None)
    org = (
        ld({"@type": "Organization", "name": "Example News"})
        + "<meta name='author' content='Example News'>"
    )
    assert authors_of(org) == ([], None)
    # an outlet named by its initials ("Deutsche Welle" on dw.com) is the outlet: a person wins
    byline = "<ul><li><strong>Autor</strong> Roman Goncharenko</li></ul>"
    meta = "<meta name='author' content='Deutsche Welle'>"
    assert authors_of(meta, byline, url="https://www.dw.com/de/a-1")[0] == ["Roman Goncharenko"]


def test_an_agency_is_the_wire_not_an_author() -> None:
    assert authors_of(ld([{"@type": "Person", "name": "Ann Lee"}, "Reuters"])) == (
        ["Ann Lee"],
        "Reuters",
    )
    assert authors_of("<meta name='author' content='Associated Press in Valencia'>") == (
        [],
        "Associated Press",
    )
    assert authors_of(body="<span class='byline'>By Ann Lee | AFP</span>") == (["Ann Lee"], "AFP")


def test_byline_links_and_labelled_lines_when_structured_data_names_no_one() -> None:
    link = "<p>von <a href='/autoren/name/max-kolter'>Dr. Max Kolter</a></p>"
    assert authors_of("<meta name='author' content='Example News'>", link)[0] == ["Dr. Max Kolter"]
    labelled = "<ul><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>"
    assert authors_of(body=labelled)[0] == ["Roman Goncharenko"]


def test_chinese_bylines() -> None:
    assert authors_of(body="<p>本报北京5月1日电（记者 王小明 李华）今年一季度……</p>")[0] == [
        "王小明",
        "李华",
    ]
    assert authors_of(body="<p>記者陳大同／台北報導</p>")[0] == ["陳大同"]
    assert authors_of(body="<p>文／林晓雯</p>")[0] == ["林晓雯"]
    assert authors_of(body="<div>作者：张伟</div>")[0] == ["张伟"]
    assert authors_of(body="<p>（新华社记者 王小明）</p><meta name='author' content='新华社'>")[
        0
    ] == ["王小明"]
