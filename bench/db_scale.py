"""Database at scale: write rate, query latency and size with a million claims.

Synthesizes articles with claims (default 1,000,000 claims over 100,000 articles, from
bench/synth.py) in a temporary file database and writes them through the production write
path: one ``db.store.store_article`` transaction per article, as the crawler stores them,
then ``tracker.tracking.ingest.track_pending`` (what ``claimwatch track`` runs: sources, links,
claims, claim keys, ``changed`` and ``new`` flags against every earlier article) after each
chunk, its extractor replaced by the synthesized claims. The articles are tracked in three
phases (PHASES): most in passes of 10,000 articles, then passes of 1,000, then one
transaction per version. Then it times the ``claimwatch claims`` queries
(``db.queries.claims`` with --limit 100), ``--search``, and the ``sources`` and ``articles``
listings, and prints:

- for each phase, the insert rate in claims/s (target >= 20,000): the time of
  track_pending spent storing (sources, links, claims with their indexes and full-text
  index, claim keys, flag rows, commits); and the tracking rate of all of track_pending,
  change detection included (the flag lookups and diffs of ``ingest._flags_and_mark``).
  Both against a baseline measured in the same run: the same claim rows bulk-inserted
  into a bare table with no index, FTS or trigger;
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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from synth import UNITS, World, generate, make_world  # noqa: E402

from db import queries, store, tracking  # noqa: E402
from db.queries import ClaimQuery  # noqa: E402
from db.schema import connect  # noqa: E402
from tracker.model import Claim, Extraction, Source  # noqa: E402
from tracker.tracking import ingest  # noqa: E402

CLAIMS_PER_SECOND_TARGET = 20_000
QUERY_P95_TARGET_MS = 50
SEARCH_P95_TARGET_MS = 100

# How the articles are tracked, in order: (share of the articles, articles stored per
# tracking pass, versions per transaction or None for track_pending's own batching, label).
PHASES = (
    (0.8, 10_000, None, "bulk: tracking passes of 10,000 articles (a backlog, a first crawl)"),
    (0.1, 1_000, None, "crawl-sized: tracking passes of 1,000 articles"),
    (0.1, 1_000, 1, "one transaction per version"),
)
BASELINE_ROWS = 200_000  # claim rows kept in memory for the bare-table baseline
BASELINE_RUNS = 5  # the bare-table insert takes a fraction of a second: its median run counts


@dataclass
class Phase:
    """Time and claims of one way of tracking: all of track_pending (minus the stand-in
    extractor), and the part of it spent deciding flags (change detection lookups)."""

    label: str
    claims: int = 0
    seconds: float = 0.0
    detect_seconds: float = 0.0


@dataclass
class Writes:
    phases: list[Phase]
    store_seconds: float = 0.0
    flags: int = 0


class SynthExtractor:
    """Stands in for ``tracker.extract``: returns the synthesized claims of a stored text,
    timing itself so the bench can count the database work alone."""

    def __init__(self) -> None:
        self.found: dict[str, list[dict[str, Any]]] = {}
        self.seconds = 0.0

    def __call__(self, text: str, **_options: Any) -> Extraction:
        started = time.perf_counter()
        claims, sources = [], {}
        for found in self.found.pop(text):
            person = found["person"]
            if person:
                sources[person[0]] = Source(person[0], "person", person[1], person[2])
            fields = {k: v for k, v in found.items() if k != "person"}
            claims.append(Claim(**fields, source=person[0] if person else None))
        extraction = Extraction(text, "en", list(sources.values()), claims)
        self.seconds += time.perf_counter() - started
        return extraction


class DetectTimer:
    """Times change detection inside track_pending: ``ingest._flags_and_mark`` (the flag
    lookups and diff of each version) minus the ``tracking.mark_tracked`` write it makes."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._flags_and_mark = ingest._flags_and_mark
        self._mark_tracked = tracking.mark_tracked

    def __enter__(self) -> DetectTimer:
        def flags_and_mark(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return self._flags_and_mark(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        def mark_tracked(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return self._mark_tracked(*args, **kwargs)
            finally:
                self.seconds -= time.perf_counter() - started

        ingest._flags_and_mark = flags_and_mark
        tracking.mark_tracked = mark_tracked
        return self

    def __exit__(self, *_exc: object) -> None:
        ingest._flags_and_mark = self._flags_and_mark
        tracking.mark_tracked = self._mark_tracked


def _phase_plan(articles: int) -> list[tuple[int, int, int | None, str]]:
    """(first article index after the phase, chunk, versions per transaction, label)."""
    plan, end, shares = [], 0, 0.0
    for share, chunk, per_transaction, label in PHASES:
        shares += share
        end = articles if shares >= 0.999 else int(articles * shares)
        plan.append((end, chunk, per_transaction, label))
    return plan


def write(
    db: Any, world: World, seed: int, claims: int, articles: int
) -> tuple[Writes, list[tuple]]:
    """Store articles (one transaction each, as the crawler does) and track them with
    ``tracker.tracking.ingest.track_pending`` (what ``claimwatch track`` runs) after every chunk of
    the PHASES, its extractor replaced by the synthesized claims. Only database work is
    timed: storing, and tracking minus the stand-in extractor's time."""
    plan = _phase_plan(articles)
    writes = Writes([Phase(label) for *_, label in plan])
    run = store.start_run(db, "bench")
    extractor = SynthExtractor()
    baseline: list[tuple] = []

    def track(phase: Phase, per_transaction: int | None) -> None:
        spent = extractor.seconds
        started = time.perf_counter()
        options = {"batch_versions": per_transaction} if per_transaction else {}
        with DetectTimer() as detect:
            result = ingest.track_pending(db, extract=extractor, **options)
        seconds = time.perf_counter() - started - (extractor.seconds - spent)
        if result.errors:
            raise RuntimeError(f"tracking failed: {result.errors[:3]}")
        writes.flags += result.flags
        phase.claims += result.claims
        phase.seconds += seconds
        phase.detect_seconds += detect.seconds

    at_phase = 0
    for n, (article, found) in enumerate(generate(world, seed, claims, articles)):
        started = time.perf_counter()
        store.store_article(db, article, run_id=run, fetched_at=article["published"])
        writes.store_seconds += time.perf_counter() - started
        extractor.found[article["text"]] = found
        if len(baseline) < BASELINE_ROWS:
            baseline += [
                (n, c["start"], c["end"], c["surface"], c["sentence"], c["value"], c["unit"], c["kind"])
                for c in found
            ]  # fmt: skip
        end, chunk, per_transaction, _ = plan[at_phase]
        if len(extractor.found) == chunk or n + 1 == end:
            track(writes.phases[at_phase], per_transaction)
        if n + 1 == end:
            at_phase += 1
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
    bare = len(baseline) / statistics.median(
        baseline_insert(baseline) for _ in range(BASELINE_RUNS)
    )
    print(
        f"store: {articles / writes.store_seconds:,.0f} articles/s "
        "(article + version + text index, one transaction each)"
    )
    for phase in writes.phases:
        if not phase.claims:
            continue
        stored = phase.seconds - phase.detect_seconds
        rate = phase.claims / stored
        verdict = "ok" if rate >= CLAIMS_PER_SECOND_TARGET else "BELOW TARGET"
        print(f"{phase.label} ({phase.claims:,} claims):")
        print(
            f"  insert: {rate:,.0f} claims/s storing them: sources, links, claims with their "
            f"indexes and full-text index, claim keys, flag rows, commits [target >= "
            f"{CLAIMS_PER_SECOND_TARGET:,}: {verdict}]; ratio to bare table {rate / bare:.3f}"
        )
        print(
            f"  tracking: {phase.claims / phase.seconds:,.0f} claims/s for all of track_pending: "
            f"storing, plus change detection (flag lookups and diffs: "
            f"{phase.detect_seconds / phase.seconds:.0%} of the time)"
        )
    print(
        f"baseline: {bare:,.0f} claims/s into a bare table (no index, FTS or trigger; "
        f"{len(baseline):,} rows, median of {BASELINE_RUNS} runs); {writes.flags:,} flags written"
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
