"""Database at scale: write rate, query latency and size with a million claims.

Synthesizes articles with claims (default 1,000,000 claims over 100,000 articles) in a
temporary file database and writes them through the production write path: one
``db.store.store_article`` transaction per article, then ``db.tracking`` writes of each
version's sources and claims: the first half one transaction per version (as
``tracker/ingest`` does), the second half 100 versions per transaction. Then it times the
``claimwatch claims`` queries (``db.queries.claims`` with --limit 100), ``--search``, and
the ``sources`` and ``articles`` listings, and prints:

- insert rate in claims/s (target >= 20,000), against a baseline measured in the same
  run: the same claim rows bulk-inserted into a bare table with no index, FTS or trigger;
- p50 / p95 latency of each query shape (target p95 < 50 ms; --search < 100 ms), with the
  p95 of the query's own CPU time (the machine may be busy), against a baseline of reading
  the newest 100 claims by primary key;
- bytes per claim (whole file, article text included).

Size: ``--claims N`` (or env CLAIMWATCH_BENCH_CLAIMS); articles default to claims / 10.
A quick run: ``python bench/db_scale.py --claims 50000``. ``--keep FILE`` keeps the
database; ``--keep FILE --reuse`` times the queries again without writing.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from db import queries, store, tracking  # noqa: E402
from db.queries import ClaimQuery  # noqa: E402
from db.schema import connect  # noqa: E402

CLAIMS_PER_SECOND_TARGET = 20_000
QUERY_P95_TARGET_MS = 50
SEARCH_P95_TARGET_MS = 100

UNITS = [  # (unit, kind, weight, typical magnitude)
    ("%", "percent", 30, 1e1),
    ("count", "count", 25, 1e4),
    ("USD", "currency", 12, 1e8),
    ("CNY", "currency", 10, 1e9),
    ("EUR", "currency", 4, 1e8),
    ("pp", "percent", 4, 1e0),
    ("x", "multiple", 5, 1e0),
    ("rank", "rank", 4, 1e0),
    ("t", "quantity", 3, 1e5),
    ("km", "quantity", 2, 1e3),
    ("MW", "quantity", 1, 1e3),
]
ROLES = ["analyst", "spokesperson", "minister", "economist", "chief executive", "director"]


@dataclass(frozen=True)
class World:
    """The vocabularies articles are written from (fixed seed: every run writes the same data)."""

    words: list[str]
    entities: list[str]
    metrics: list[str]
    organizations: list[str]
    people: list[tuple[str, str, str]]  # name, role, organization
    outlets: list[str]


def _word(rng: random.Random, syllables: int) -> str:
    parts = [
        "ka",
        "lo",
        "mi",
        "ne",
        "ru",
        "ta",
        "vo",
        "zi",
        "pe",
        "sa",
        "do",
        "ri",
        "xu",
        "ba",
        "fe",
    ]
    return "".join(rng.choice(parts) for _ in range(syllables))


def make_world(rng: random.Random, sources: int) -> World:
    words = sorted({_word(rng, rng.randint(2, 4)) for _ in range(8000)})
    entities = sorted({_word(rng, 3).capitalize() for _ in range(800)})
    metrics = sorted({f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(300)})
    organizations = sorted(
        {
            f"{_word(rng, 3).capitalize()} {rng.choice(['Securities', 'Bank', 'Ministry', 'Institute', 'Group'])}"
            for _ in range(2000)
        }
    )
    people = [
        (
            f"{_word(rng, 2).capitalize()} {_word(rng, 2).capitalize()}",
            rng.choice(ROLES),
            rng.choice(organizations),
        )
        for _ in range(sources)
    ]
    outlets = [f"outlet-{n}" for n in range(12)]
    return World(words, entities, metrics, organizations, people, outlets)


def _zipf_choice(rng: random.Random, items: list[str]) -> str:
    """Skewed like real text: a few items are common, most are rare."""
    return items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]


def make_article(
    rng: random.Random, world: World, number: int, claims: int, day: date
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article (store.store_article fields) and its claims (tracking.insert_claim fields)."""
    sentences: list[str] = []
    found: list[dict[str, Any]] = []
    offset = 0
    for _ in range(claims):
        unit, kind, _, magnitude = rng.choices(UNITS, weights=[u[2] for u in UNITS])[0]
        value = round(rng.lognormvariate(0, 1.5) * magnitude, 1)
        surface = {"%": f"{value}%", "pp": f"{value} percentage points", "x": f"{value} times"}.get(
            unit, f"{value:,} {unit}"
        )
        entity, metric = rng.choice(world.entities), _zipf_choice(rng, world.metrics)
        person = rng.choice(world.people) if rng.random() < 0.7 else None
        filler = " ".join(_zipf_choice(rng, world.words) for _ in range(rng.randint(4, 10)))
        lead = f"{person[0]} said " if person else ""
        head = f"{lead}{entity} {metric} reached "
        sentence = f"{head}{surface} in {day.year}, {filler}."
        start = offset + len(head)
        found.append(
            {
                "start": start,
                "end": start + len(surface),
                "surface": surface,
                "sentence": sentence,
                "value": value,
                "unit": unit,
                "kind": kind,
                "approximate": rng.random() < 0.2,
                "subject": f"{entity} {metric}",
                "entity": entity.lower(),
                "metric": metric,
                "period": str(day.year),
                "key": f"{entity.lower()}|{metric}|{kind}|{day.year}",
                "person": person,
            }
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    outlet = world.outlets[number % len(world.outlets)]
    article = {
        "url": f"https://{outlet}.example/{day.isoformat()}/story-{number}",
        "outlet": outlet,
        "title": " ".join(rng.choice(world.words) for _ in range(6)),
        "authors": [rng.choice(world.people)[0]],
        "published": f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+00:00",
        "language": "en",
        "text": " ".join(sentences),
    }
    return article, found


BULK_VERSIONS = 100  # versions per transaction in the bulk half of tracking
BASELINE_ROWS = 200_000  # claim rows kept in memory for the bare-table baseline


def generate(
    world: World, seed: int, claims: int, articles: int
) -> Iterator[tuple[dict, list[dict]]]:
    """The same articles every time it is called (one seeded generator per article)."""
    first_day, span_days = date(2024, 1, 1), 730
    for n in range(articles):
        count = claims // articles + (1 if n < claims % articles else 0)
        day = first_day + timedelta(days=n * span_days // articles)
        yield make_article(random.Random(seed * 1_000_003 + n), world, n, count, day)


@dataclass
class Writes:
    store_seconds: float = 0.0
    per_version_seconds: float = 0.0
    per_version_claims: int = 0
    bulk_seconds: float = 0.0
    bulk_claims: int = 0


def _track(conn: sqlite3.Connection, version: int, found: list[dict], published: str) -> None:
    """What tracker/ingest writes for one version: sources, their links, claims, tracked_at."""
    for claim in found:
        person = claim.pop("person")
        source = None
        if person:
            name, role, organization = person
            source = tracking.source_id(
                conn, name=name, norm_name=name.lower(), kind="person", role=role,
                organization=organization, norm_organization=organization.lower(),
            )  # fmt: skip
            tracking.link_source(conn, version, source, role)
        tracking.insert_claim(conn, version, {**claim, "source_id": source})
    tracking.mark_tracked(conn, version, published)


def write(
    db: Any, world: World, seed: int, claims: int, articles: int
) -> tuple[Writes, list[tuple]]:
    """Store every article, then track the first half one transaction per version and the
    second half BULK_VERSIONS versions per transaction; only database calls are timed."""
    writes = Writes()
    run = store.start_run(db, "bench")
    versions = []
    for article, _ in generate(world, seed, claims, articles):
        started = time.perf_counter()
        store.store_article(db, article, run_id=run, fetched_at=article["published"])
        writes.store_seconds += time.perf_counter() - started
        versions.append(store.article_versions(db, article["url"])[-1]["id"])
    baseline: list[tuple] = []
    batch: list[tuple[int, list[dict], str]] = []

    def flush() -> None:
        started = time.perf_counter()
        with tracking.transaction(db) as conn:
            for version, found, published in batch:
                _track(conn, version, found, published)
        writes.bulk_seconds += time.perf_counter() - started
        writes.bulk_claims += sum(len(found) for _, found, _ in batch)
        batch.clear()

    for n, (article, found) in enumerate(generate(world, seed, claims, articles)):
        if len(baseline) < BASELINE_ROWS:
            baseline += [
                (
                    versions[n],
                    c["start"],
                    c["end"],
                    c["surface"],
                    c["sentence"],
                    c["value"],
                    c["unit"],
                    c["kind"],
                )
                for c in found
            ]
        if n < articles // 2:
            started = time.perf_counter()
            with tracking.transaction(db) as conn:
                _track(conn, versions[n], found, article["published"])
            writes.per_version_seconds += time.perf_counter() - started
            writes.per_version_claims += len(found)
        else:
            batch.append((versions[n], found, article["published"]))
            if len(batch) == BULK_VERSIONS:
                flush()
    if batch:
        flush()
    return writes, baseline


def baseline_insert(rows: list[tuple]) -> float:
    """Seconds to bulk-insert the same claim rows into a bare table (no index, FTS or trigger)."""
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bare.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(
            'CREATE TABLE claims (version_id, start, "end", surface, sentence, value, unit, kind)'
        )
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        conn.close()
    return seconds


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one call; CPU time shows the cost apart from a busy machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


Timings = dict[str, tuple[float, float, float]]  # name -> (p50 wall, p95 wall, p95 CPU) ms


def time_queries(
    db: Any, world: World, rng: random.Random, urls: list[str], repeats: int
) -> Timings:
    """p50/p95 milliseconds of each query shape, each run ``repeats`` times with varied values."""
    newest = date.fromisoformat(queries.articles(db, limit=1)[0]["published"][:10])
    base = ClaimQuery(limit=100)

    def person() -> str:
        return rng.choice(world.people)[0].split()[rng.randint(0, 1)].lower()

    def month() -> ClaimQuery:
        since = newest - timedelta(days=rng.randint(30, 700))
        return replace(base, since=since, until=since + timedelta(days=30))

    def value_range() -> ClaimQuery:
        low = 10 ** rng.uniform(0, 9)
        return replace(base, min_value=low, max_value=low * 2)

    shapes: dict[str, Callable[[], ClaimQuery]] = {
        "claims (newest first)": lambda: base,
        "--source NAME": lambda: replace(base, source=person()),
        "--organization ORG": lambda: replace(
            base, organization=rng.choice(world.organizations).split()[0]
        ),
        "--outlet": lambda: replace(base, outlet=rng.choice(world.outlets)),
        "--unit": lambda: replace(base, unit=rng.choice(UNITS)[0]),
        "--kind": lambda: replace(base, kind=rng.choice(UNITS)[1]),
        "--since 30 days": lambda: replace(base, since=newest - timedelta(days=30)),
        "--since/--until month": month,
        "--min/--max-value": value_range,
        "--article URL": lambda: replace(base, article=rng.choice(urls)),
        "--sort -value": lambda: replace(base, sort="-value"),
        "--outlet --unit --since": lambda: replace(
            base, outlet=rng.choice(world.outlets), unit="USD", since=newest - timedelta(days=90)
        ),
        "--search WORD": lambda: replace(base, search=rng.choice(world.entities)),
        "--search TWO WORDS": lambda: replace(base, search=rng.choice(world.metrics)),
        "--search WORD --unit": lambda: replace(base, search=rng.choice(world.entities), unit="%"),
        "--search COMMON (worst case)": lambda: replace(base, search="reached"),
        "baseline: newest 100 by id": lambda: replace(base, sort="-id", all_versions=True),
    }
    results = {}
    for name, make in shapes.items():
        walls, cpus = [], []
        for _ in range(repeats if "worst case" not in name else min(repeats, 5)):
            query = make()
            wall, cpu = _timed(lambda query=query: queries.claims(db, query))
            walls.append(wall)
            cpus.append(cpu)
        results[name] = (*_percentiles(walls), _percentiles(cpus)[1])
    return results


def time_listings(db: Any, world: World, rng: random.Random, repeats: int) -> Timings:
    """p50/p95 milliseconds of `claimwatch sources` and `claimwatch articles`."""
    shapes: dict[str, Callable[[], object]] = {
        "sources (most claims first)": lambda: queries.sources(db),
        "sources --name NAME": lambda: queries.sources(
            db, name=rng.choice(world.people)[0].split()[0]
        ),
        "sources --organization ORG": lambda: queries.sources(
            db, organization=rng.choice(world.organizations)
        ),
        "articles (newest first)": lambda: queries.articles(db),
        "articles --outlet": lambda: queries.articles(db, outlet=rng.choice(world.outlets)),
    }
    results = {}
    for name, run in shapes.items():
        walls, cpus = [], []
        for _ in range(repeats):
            wall, cpu = _timed(run)
            walls.append(wall)
            cpus.append(cpu)
        results[name] = (*_percentiles(walls), _percentiles(cpus)[1])
    return results


def report_writes(db: Any, world: World, claims: int, articles: int) -> None:
    writes, baseline = write(db, world, seed=20251201, claims=claims, articles=articles)
    bare = len(baseline) / baseline_insert(baseline)
    print(
        f"store: {articles / writes.store_seconds:,.0f} articles/s (article + version + text index, one transaction each)"
    )
    for label, count, seconds in (
        (
            "one transaction per version (as tracked)",
            writes.per_version_claims,
            writes.per_version_seconds,
        ),
        (f"{BULK_VERSIONS} versions per transaction", writes.bulk_claims, writes.bulk_seconds),
    ):
        rate = count / seconds if seconds else 0.0
        verdict = "ok" if rate >= CLAIMS_PER_SECOND_TARGET else "BELOW TARGET"
        print(
            f"insert: {rate:,.0f} claims/s, {label}, with sources, links and FTS "
            f"[target >= {CLAIMS_PER_SECOND_TARGET:,}: {verdict}]; ratio to bare table {rate / bare:.3f}"
        )
    print(
        f"baseline: {bare:,.0f} claims/s into a bare table (no index, FTS or trigger; {len(baseline):,} rows)"
    )


def report_queries(path: Path, world: World, claims: int, repeats: int) -> None:
    size = path.stat().st_size
    print(
        f"size: {size / 1e6:,.0f} MB, {size / claims:,.0f} bytes per claim (article text included)"
    )
    reader = connect(path, create=False, readonly=True)
    urls = [record["url"] for record in queries.articles(reader, limit=500)]
    rng = random.Random(7)
    load = os.getloadavg()[0]
    results = time_queries(reader, world, rng, urls, repeats)
    listings = time_listings(reader, world, rng, max(3, repeats // 8))
    reader.close()
    print(
        f"load average {load:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs while timing "
        "(p95 cpu: the query's own CPU time, apart from waiting for a busy machine)"
    )
    baseline_p50 = results["baseline: newest 100 by id"][0]
    print(
        f"{'query (--limit 100)':<30} {'p50 ms':>7} {'p95 ms':>7} {'p95 cpu':>7} {'x base':>7}  target"
    )
    for name, (p50, p95, cpu) in results.items():
        target = SEARCH_P95_TARGET_MS if "--search" in name else QUERY_P95_TARGET_MS
        if "worst case" in name or name.startswith("baseline"):
            mark = "(not a target)"
        else:
            mark = f"p95 < {target}: {'ok' if p95 < target else 'MISSED'}"
        print(f"{name:<30} {p50:7.1f} {p95:7.1f} {cpu:7.1f} {p50 / baseline_p50:7.1f}  {mark}")
    print(
        f"{'other listings (--limit 50)':<30} {'p50 ms':>7} {'p95 ms':>7} {'p95 cpu':>7}  (no target)"
    )
    for name, (p50, p95, cpu) in listings.items():
        print(f"{name:<30} {p50:7.1f} {p95:7.1f} {cpu:7.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_claims = int(os.environ.get("CLAIMWATCH_BENCH_CLAIMS", 1_000_000))
    parser.add_argument(
        "--claims",
        type=int,
        default=default_claims,
        help="claims to write (env CLAIMWATCH_BENCH_CLAIMS)",
    )
    parser.add_argument("--articles", type=int, help="default: claims / 10")
    parser.add_argument("--sources", type=int, help="named people (default: claims / 50)")
    parser.add_argument("--repeats", type=int, default=40, help="runs of each query shape")
    parser.add_argument(
        "--keep", type=Path, help="write the database here instead of a temp folder"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="only time queries on the --keep database of an earlier run with the same --claims",
    )
    args = parser.parse_args()
    if args.reuse and not (args.keep and args.keep.exists()):
        parser.error("--reuse needs --keep naming the database of an earlier run")
    articles = args.articles or max(1, args.claims // 10)
    world = make_world(random.Random(20251201), args.sources or max(10, args.claims // 50))
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "scale.db"
        print(
            f"db_scale: {args.claims:,} claims over {articles:,} articles, {len(world.people):,} people -> {path}"
        )
        if not args.reuse:
            db = connect(path)
            report_writes(db, world, args.claims, articles)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
        report_queries(path, world, args.claims, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
