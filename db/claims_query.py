"""``claimwatch claims``: claims matching filters, with a join order chosen for speed.

SQLite has no statistics on a fresh database, so this module picks how to read:
full-text search drives a search; a sparse filter (few matching sources, a rare
unit, a narrow value range) drives through its index and the few matches are
sorted; otherwise claims are read in the sort order (newest articles first, or by
value) and filtered until ``limit`` are found. Either way the wide columns are
fetched only for the claims returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from db.query_parts import (
    LATEST_TRACKED,
    QueryError,
    claims_by_version_index,
    like,
    limit_clause,
    order_by,
    rows,
    split_search,
)

# sort name -> SQL expression; a leading "-" on the user's sort name means descending.
CLAIM_SORTS = {
    "published": "a.published",
    "value": "c.value",
    "id": "c.id",
    "source": "s.name",
    "outlet": "a.outlet",
    "unit": "c.unit",
    "kind": "c.kind",
    "rank": "claims_fts.rank",
}


TIEBREAKS = {"published": ["a.id"], "outlet": ["a.id"], "unit": ["c.value"]}


@dataclass(frozen=True)
class ClaimQuery:
    """Filters of ``claimwatch claims``; None means "any"."""

    source: str | None = None
    organization: str | None = None
    outlet: str | None = None
    unit: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    article: str | None = None
    key: str | None = None  # one claim key: that figure over time
    min_value: float | None = None
    max_value: float | None = None
    sort: str | None = None  # default: "rank" with search, else "-published"
    limit: int | None = 50  # None or 0: no limit
    all_versions: bool = False


CLAIM_COLUMNS = """
    c.id, a.url AS article_url, a.published, a.outlet,
    c.surface, c.sentence, c.value, c.unit, c.kind, c.approximate,
    s.name AS source, COALESCE(vs.role, s.role) AS source_role,
    s.organization AS source_organization,
    c.start, c."end", c.subject, c.entity, c.metric, c.period, c.key,
    v.number AS version
"""


MAX_SOURCE_IDS = 500  # more matching sources than this: filter by name while reading instead


def _sparse_limit(db: sqlite_utils.Database, limit: int | None) -> int:
    """Matches few enough to fetch by index and sort, rather than scan in sort order for.

    Sorting m index matches reads about m rows from three tables (claim, version, article);
    scanning newest first until ``limit`` matches turn up reads about limit * total / m
    entries of covering indexes, measured some 8 times cheaper each (bench/db_scale.py).
    They break even near sqrt(limit * total / 8).
    """
    total = db.execute("SELECT MAX(id) FROM claims").fetchone()[0] or 0
    return max(1_000, int((max(limit or total, 1) * total / 8) ** 0.5))


def _units(unit: str) -> list[str]:
    """As typed, upper and lower case: 'cny' finds CNY, 'COUNT' finds count; km stays km."""
    return sorted({unit, unit.upper(), unit.lower()})


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _bounded_count(db: sqlite_utils.Database, where: str, params: list[Any], bound: int) -> int:
    """How many claims match ``where``, counting no further than ``bound`` + 1."""
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM claims c WHERE {where} LIMIT ?)"  # noqa: S608
    return int(db.execute(sql, [*params, bound + 1]).fetchone()[0])


def _source_ids(db: sqlite_utils.Database, query: ClaimQuery) -> list[int]:
    where, params = [], []
    if query.source:
        where.append("(name LIKE ? ESCAPE '\\' OR norm_name LIKE ? ESCAPE '\\')")
        params += [like(query.source), like(query.source)]
    if query.organization:
        where.append("organization LIKE ? ESCAPE '\\'")
        params.append(like(query.organization))
    sql = f"SELECT id FROM sources WHERE {' AND '.join(where)} LIMIT ?"  # noqa: S608
    return [row[0] for row in db.execute(sql, [*params, MAX_SOURCE_IDS + 1])]


def _value_range(query: ClaimQuery) -> tuple[list[str], list[float]]:
    terms, values = [], []
    if query.min_value is not None:
        terms.append("c.value >= ?")
        values.append(query.min_value)
    if query.max_value is not None:
        terms.append("c.value <= ?")
        values.append(query.max_value)
    return terms, values


def _driver(
    db: sqlite_utils.Database, query: ClaimQuery, source_ids: list[int] | None
) -> str | None:
    """The claims index of the most selective sparse filter, or None when every filter is broad."""
    bound = _sparse_limit(db, query.limit)
    candidates: list[tuple[int, str]] = []
    if source_ids is not None and len(source_ids) <= MAX_SOURCE_IDS:
        where = f"c.source_id IN ({_marks(source_ids)})"
        candidates.append((_bounded_count(db, where, source_ids, bound), "claims_source"))
    terms, values = _value_range(query)
    if query.unit:
        units = _units(query.unit)
        where = " AND ".join([f"c.unit IN ({_marks(units)})", *terms])
        candidates.append(
            (_bounded_count(db, where, [*units, *values], bound), "claims_unit_value")
        )
    elif terms:
        candidates.append((_bounded_count(db, " AND ".join(terms), values, bound), "claims_value"))
    sparse = [candidate for candidate in candidates if candidate[0] <= bound]
    return min(sparse)[1] if sparse else None


def _tables(
    db: sqlite_utils.Database,
    query: ClaimQuery,
    sort: str,
    source_ids: list[int] | None,
    fts: str | None,
) -> str:
    """FROM clause whose first table drives the read (CROSS JOIN keeps SQLite to that order)."""
    by_claim = (
        "CROSS JOIN versions v ON v.id = c.version_id CROSS JOIN articles a ON a.id = v.article_id"
    )
    if query.key:
        # claims has no index on key (migration 12): claim_keys lists the versions stating it.
        keyed = (
            "claim_keys k CROSS JOIN versions v ON v.id = k.version_id "
            "CROSS JOIN articles a ON a.id = v.article_id "
            f"CROSS JOIN claims c INDEXED BY {claims_by_version_index(db)} ON c.version_id = v.id"
        )
        return keyed + (" CROSS JOIN claims_fts ON claims_fts.rowid = c.id" if fts else "")
    if fts is not None:
        return f"claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid {by_claim}"
    if query.article:
        return (
            "articles a CROSS JOIN versions v ON v.article_id = a.id "
            f"CROSS JOIN claims c INDEXED BY {claims_by_version_index(db)} ON c.version_id = v.id"
        )
    driver = _driver(db, query, source_ids)
    if driver == "claims_value" or (driver is None and sort.lstrip("-+") == "value"):
        # claims_value comes from migration 4, which a read-only connection may not have run
        return f"claims c {by_claim}"
    if driver:
        return f"claims c INDEXED BY {driver} {by_claim}"
    if sort.lstrip("-+") in ("published", "outlet"):
        return (
            f"articles a INDEXED BY articles_{sort.lstrip('-+')} "
            "CROSS JOIN versions v ON v.article_id = a.id "
            f"CROSS JOIN claims c INDEXED BY {claims_by_version_index(db)} ON c.version_id = v.id"
        )
    if sort.lstrip("-+") == "unit":
        return f"claims c INDEXED BY claims_unit_value {by_claim}"
    return f"claims c {by_claim}"


def _filters(
    query: ClaimQuery, source_ids: list[int] | None, fts: str | None, substrings: list[str]
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if fts is not None:
        where.append("claims_fts MATCH ?")
        params.append(fts)
    for substring in substrings:
        where.append("c.sentence LIKE ? ESCAPE '\\'")
        params.append(like(substring))
    if not query.all_versions:
        where.append(LATEST_TRACKED)
    if source_ids is not None and len(source_ids) <= MAX_SOURCE_IDS:
        where.append(f"c.source_id IN ({_marks(source_ids)})")
        params += source_ids
    else:
        if query.source:
            where.append("(s.name LIKE ? ESCAPE '\\' OR s.norm_name LIKE ? ESCAPE '\\')")
            params += [like(query.source), like(query.source)]
        if query.organization:
            where.append("s.organization LIKE ? ESCAPE '\\'")
            params.append(like(query.organization))
    if query.key:
        where.append("k.key = ? AND c.key = k.key")
        params.append(query.key)
    for column, value in (("a.outlet", query.outlet), ("a.url", query.article)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if query.unit:
        units = _units(query.unit)
        where.append(f"c.unit IN ({_marks(units)})")
        params += units
    if query.kind:
        where.append("c.kind = ?")
        params.append(query.kind.lower())
    if query.since:
        where.append("a.published >= ?")
        params.append(query.since.isoformat())
    if query.until:
        # published may carry a time of day, so "until 2025-12-01" means before the 2nd.
        where.append("a.published < ?")
        params.append((query.until + timedelta(days=1)).isoformat())
    terms, values = _value_range(query)
    return where + terms, params + values


def claims(db: sqlite_utils.Database, query: ClaimQuery) -> list[dict[str, Any]]:
    """Claims matching ``query``, as ``claims`` records, in the asked order."""
    fts, substrings = split_search(query.search) if query.search is not None else (None, [])
    sort = query.sort or ("rank" if fts is not None else "-published")
    if sort.lstrip("-+") == "rank" and fts is None:
        if query.search is None:
            raise QueryError("--sort rank needs --search")
        sort = "-published"  # text found as substrings has no rank: newest first
    order_by(sort, CLAIM_SORTS, "c.id")  # validates the name
    direction = "DESC" if sort.startswith("-") else "ASC"
    # Ties are broken in the order of the index that serves the sort, so reading it in
    # order needs no sorting beyond each article's few claims.
    keys = [CLAIM_SORTS[sort.lstrip("-+")], *TIEBREAKS.get(sort.lstrip("-+"), []), "c.id"]
    source_ids = _source_ids(db, query) if (query.source or query.organization) else None
    if source_ids == []:
        return []
    where, params = _filters(query, source_ids, fts, substrings)
    picked_keys = ", ".join(f"{key} AS k{n}" for n, key in enumerate(keys))
    inner_order = ", ".join(f"{key} {direction}" for key in keys)
    outer_order = ", ".join(f"picked.k{n} {direction}" for n in range(len(keys)))
    by_name = "s." in " ".join([*keys, *where])
    inner = f"""SELECT c.id AS claim_id, {picked_keys}
        FROM {_tables(db, query, sort, source_ids, fts)}
        {"LEFT JOIN sources s ON s.id = c.source_id" if by_name else ""}
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {inner_order}"""  # noqa: S608 - clauses are fixed strings, values are parameters
    inner += limit_clause(query.limit, params)
    # Only the claims returned get their wide columns (sentence, source, role) read.
    sql = f"""SELECT {CLAIM_COLUMNS}
        FROM ({inner}) picked
        JOIN claims c ON c.id = picked.claim_id
        JOIN versions v ON v.id = c.version_id
        JOIN articles a ON a.id = v.article_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN version_sources vs ON vs.version_id = c.version_id AND vs.source_id = c.source_id
        ORDER BY {outer_order}"""  # noqa: S608
    records = rows(db, sql, params)
    for record in records:
        record["approximate"] = bool(record["approximate"])
    return records
