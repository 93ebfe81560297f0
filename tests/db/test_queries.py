"""db.queries on a real SQLite file built by tests/db/factory.py."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from db import queries
from db.queries import ClaimQuery, QueryError, fts_query
from tests.db.factory import Factory, sample

CLAIM_FIELDS = {
    "surface", "sentence", "value", "unit", "kind", "approximate", "source", "start", "end",
    "id", "article_url", "published", "outlet", "source_role", "source_organization",
    "entity", "metric", "period", "key",
}  # fmt: skip


@pytest.fixture
def ids(db: sqlite_utils.Database) -> dict[str, int]:
    return sample(db)


def _ids(db: sqlite_utils.Database, **filters: object) -> list[int]:
    return [record["id"] for record in queries.claims(db, ClaimQuery(**filters))]  # type: ignore[arg-type]


def test_claim_records_have_the_architecture_fields(
    db: sqlite_utils.Database, ids: dict[str, int]
) -> None:
    records = queries.claims(db, ClaimQuery())
    assert CLAIM_FIELDS <= set(records[0])
    capex = next(r for r in records if r["id"] == ids["capex"])
    assert capex["source"] == "Xiong Wei"
    assert capex["source_organization"] == "UBS Securities"
    assert capex["source_role"] == "analyst"
    assert capex["approximate"] is True
    assert capex["article_url"] == "https://wire.example/2025/12/01/capex"
    assert capex["outlet"] == "wire"


def test_latest_version_only_unless_all_versions(
    db: sqlite_utils.Database, ids: dict[str, int]
) -> None:
    assert ids["jobs_old"] not in _ids(db)
    assert ids["jobs_new"] in _ids(db)
    assert ids["jobs_old"] in _ids(db, all_versions=True)


def test_default_order_is_newest_first(db: sqlite_utils.Database, ids: dict[str, int]) -> None:
    published = [r["published"] for r in queries.claims(db, ClaimQuery())]
    assert published == sorted(published, reverse=True)


def test_source_filter_is_partial_and_case_insensitive(
    db: sqlite_utils.Database, ids: dict[str, int]
) -> None:
    assert set(_ids(db, source="XIONG")) == {ids["capex"], ids["jobs_new"]}
    assert set(_ids(db, source="bureau of")) == {ids["sales_v1"], ids["sales_v2"]}
    assert _ids(db, source="%") == []  # LIKE wildcards are literal
    assert set(_ids(db, organization="ubs")) == {ids["capex"], ids["jobs_new"]}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"outlet": "daily"}, {"sales_v2", "graduates"}),
        ({"unit": "cny"}, {"capex"}),
        ({"kind": "percent"}, {"sales_v1", "sales_v2"}),
        ({"since": date(2025, 12, 8)}, {"sales_v2", "graduates", "jobs_new"}),
        ({"until": date(2025, 12, 1)}, {"capex", "sales_v1"}),
        ({"since": date(2025, 12, 2), "until": date(2025, 12, 8)}, {"sales_v2", "graduates"}),
        ({"article": "https://daily.example/2025/12/08/sales"}, {"sales_v2", "graduates"}),
        ({"min_value": 14, "max_value": 1000}, {"sales_v1", "jobs_new"}),
        ({"search": "sales"}, {"sales_v1", "sales_v2"}),
        ({"search": "SALES rose"}, {"sales_v1", "sales_v2"}),
        ({"search": '"million graduates"'}, {"graduates"}),
        ({"search": "gradu*"}, {"graduates"}),
    ],
)
def test_filters(
    db: sqlite_utils.Database, ids: dict[str, int], filters: dict[str, object], expected: set[str]
) -> None:
    assert set(_ids(db, **filters)) == {ids[name] for name in expected}


def test_search_ranks_best_match_first(db: sqlite_utils.Database) -> None:
    make = Factory(db)
    weak = make.article(
        "https://x.example/1", "Exports of steel, chips and cars rose 3% last month overall."
    )
    strong = make.article("https://x.example/2", "Steel steel steel output rose 5%.")
    make.claim(weak, "3%", 3, "%", kind="percent")
    best = make.claim(strong, "5%", 5, "%", kind="percent")
    assert _ids(db, search="steel")[0] == best


@pytest.mark.parametrize(
    "hostile", ['"', "NEAR(", "*", "a OR", "AND", ")(", "^", "col:x", "'; DROP TABLE claims;--"]
)
def test_hostile_search_never_breaks_the_query(
    db: sqlite_utils.Database, ids: dict[str, int], hostile: str
) -> None:
    try:
        queries.claims(db, ClaimQuery(search=hostile))
    except QueryError as error:
        assert "no words" in str(error)
    assert db["claims"].count == 6


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("retail sales") == '"retail" "sales"'
    assert fts_query('"retail sales" NEAR(') == '"retail sales" "NEAR("'
    assert fts_query("infla*") == '"infla"*'
    with pytest.raises(QueryError, match="no words"):
        fts_query('" * "')


def test_sort_and_limit(db: sqlite_utils.Database, ids: dict[str, int]) -> None:
    values = [r["value"] for r in queries.claims(db, ClaimQuery(sort="-value", limit=2))]
    assert values == [400e9, 2e6]
    assert [r["value"] for r in queries.claims(db, ClaimQuery(sort="value", limit=1))] == [13.9]
    with pytest.raises(QueryError, match="cannot sort by 'bogus'"):
        queries.claims(db, ClaimQuery(sort="bogus"))
    with pytest.raises(QueryError, match="needs --search"):
        queries.claims(db, ClaimQuery(sort="rank"))


def test_sources_counts_and_dates(db: sqlite_utils.Database, ids: dict[str, int]) -> None:
    records = {r["name"]: r for r in queries.sources(db)}
    xiong = records["Xiong Wei"]
    assert set(xiong) >= {
        "name",
        "kind",
        "role",
        "organization",
        "claims",
        "articles",
        "first_seen",
        "last_seen",
    }
    assert (xiong["claims"], xiong["articles"]) == (2, 2)
    assert xiong["first_seen"].startswith("2025-12-01")
    assert xiong["last_seen"] == "2025-12-09"
    assert [r["name"] for r in queries.sources(db, organization="ubs")] == ["Xiong Wei"]
    assert [r["name"] for r in queries.sources(db, kind="organization")] == [
        "National Bureau of Statistics"
    ]


def test_articles_and_runs(db: sqlite_utils.Database, ids: dict[str, int]) -> None:
    records = queries.articles(db)
    assert [r["title"] for r in records] == ["Jobs", "Sales revised", "Capex"]
    jobs = records[0]
    assert set(jobs) >= {
        "url", "outlet", "title", "authors", "published", "language", "via", "versions", "first_seen", "last_seen",
    }  # fmt: skip
    assert (jobs["versions"], jobs["claims"]) == (2, 1)
    assert records[2]["authors"] == ["Zheng Yilun"]
    assert [r["title"] for r in queries.articles(db, outlet="daily")] == ["Sales revised"]
    runs = queries.runs(db)
    assert [r["outlet"] for r in runs] == ["daily", "wire"]
    assert set(runs[0]) >= {
        "id", "outlet", "started_at", "finished_at", "status", "pages", "articles_new", "articles_changed",
        "articles_unchanged", "errors",
    }  # fmt: skip
    assert [r["outlet"] for r in queries.runs(db, status="failed")] == ["daily"]


@pytest.fixture
def larger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Forty articles over forty days, two outlets, three sources, claims in several units."""
    make = Factory(db)
    people = [make.source(f"Person {n}", organization=f"Org {n % 2}") for n in range(3)]
    units = [("%", "percent"), ("USD", "currency"), ("count", "count"), ("MW", "quantity")]
    for n in range(40):
        text = " ".join(f"Figure {n}-{k} was {n * 10 + k} units." for k in range(4))
        version = make.article(
            f"https://x.example/{n}",
            text,
            outlet=f"o{n % 2}",
            published=f"2025-11-{1 + n % 30:02d}",
        )
        for k in range(4):
            unit, kind = units[(n + k) % 4]
            make.claim(
                version,
                f"{n * 10 + k} units",
                n * 10 + k,
                unit,
                kind=kind,
                source_id=people[(n + k) % 3] if k else None,
            )
    return db


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"source": "person 1"},
        {"organization": "org 0"},
        {"unit": "mw"},
        {"unit": "USD", "min_value": 50, "max_value": 300},
        {"min_value": 100, "max_value": 150},
        {"outlet": "o1", "kind": "percent"},
        {"since": date(2025, 11, 10), "until": date(2025, 11, 20)},
        {"sort": "-value"},
        {"sort": "value", "unit": "count"},
        {"sort": "source", "source": "person"},
        {"sort": "id"},
        {"sort": "-outlet"},
        {"sort": "unit", "min_value": 100},
        {"sort": "kind", "source": "person 2"},
        {"search": "units", "unit": "%"},
    ],
)
def test_every_read_plan_gives_the_same_answer(
    larger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch, filters: dict[str, object]
) -> None:
    """Sparse filters drive through their index, broad ones scan in order: same records either way."""
    from db import claims_query

    answers = []
    for bound in (0, 10**9):  # 0: every filter counts as broad; 10**9: every filter as sparse
        monkeypatch.setattr(claims_query, "_sparse_limit", lambda db, limit, bound=bound: bound)
        answers.append([r["id"] for r in queries.claims(larger, ClaimQuery(limit=7, **filters))])  # type: ignore[arg-type]
        everything = [r["id"] for r in queries.claims(larger, ClaimQuery(limit=0, **filters))]  # type: ignore[arg-type]
        assert answers[-1] == everything[:7]
    assert answers[0] == answers[1]
    assert answers[0], "the filter should match something"


def test_search_finds_words_inside_chinese_sentences(
    db: sqlite_utils.Database, ids: dict[str, int]
) -> None:
    make = Factory(db)
    version = make.article(
        "https://zh.example/1", "国家统计局表示，11月社会消费品零售总额增长3.0%。", language="zh"
    )
    retail = make.claim(version, "3.0%", 3.0, "%", kind="percent")
    assert _ids(db, search="零售") == [retail]  # unspaced text: a substring, not a whole token
    assert _ids(db, search="零售 总额") == [retail]
    assert _ids(db, search="批发") == []
    assert _ids(db, search="零售", sort="rank") == [retail]  # no rank for substrings: newest first
    assert _ids(db, search="sales 零售") == []  # every part must match


@pytest.mark.parametrize("name", [None, "xiong"])
def test_source_counts_leave_out_superseded_versions(
    db: sqlite_utils.Database, ids: dict[str, int], name: str | None
) -> None:
    make = Factory(db)
    xiong = make.source("Xiong Wei", role="analyst", organization="UBS Securities")
    first = make.article("https://wire.example/edited", "Output rose 3% and 4%, Xiong Wei said.")
    make.claim(first, "3%", 3, "%", kind="percent", source_id=xiong)
    make.claim(first, "4%", 4, "%", kind="percent", source_id=xiong)
    article_id = db.execute("SELECT article_id FROM versions WHERE id = ?", [first]).fetchone()[0]
    second = make.version(article_id, "Output rose 5%, Xiong Wei said.")
    make.claim(second, "5%", 5, "%", kind="percent", source_id=xiong)
    record = next(r for r in queries.sources(db, name=name) if r["name"] == "Xiong Wei")
    assert record["claims"] == 3  # capex, jobs_new and the edited article's 5%
    assert record["claims"] == len(_ids(db, source="Xiong Wei"))
    assert record["articles"] == 3


def test_sources_agree_whatever_the_order(larger: sqlite_utils.Database) -> None:
    """Sorting by claims dates only the page it returns; other orders date every source first."""
    by_claims = {r["name"]: r for r in queries.sources(larger, sort="-claims")}
    for sort in ("-last_seen", "first_seen", "-articles", "name"):
        assert {r["name"]: r for r in queries.sources(larger, sort=sort)} == by_claims
    assert [r["name"] for r in queries.sources(larger, sort="name", limit=2)] == [
        "Person 0",
        "Person 1",
    ]
