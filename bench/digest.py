"""Time a week's digest over a large synthetic database (target: < 2 s at 1,000,000 claims).

The database comes from ``bench/db_scale.py``'s synthesizer (its articles, sources and
claims, written through the production path) when that script is there, else from a
smaller-scale synthesizer of our own (``--synth own``); either way ``--claims`` claims over
``--articles`` articles. Flags are then derived as the tracker would raise them across
articles: a claim whose key was reported before is ``changed`` (else ``new``), one claim
in twenty. ``--db FILE`` keeps the database for the next run.

For week 2025-W50 it times ``build_digest`` and each renderer, beside a baseline measured
in the same run: one plain query fetching all the week's claims with their articles (the
least any digest over that week must read). Usage::

    python bench/digest.py [--claims 1000000] [--articles 100000] [--db /tmp/bench-digest.db]
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from claimwatch.digest import build_digest, iso_week, render  # noqa: E402
from db.schema import connect  # noqa: E402

OUTLETS = [f"outlet-{n}" for n in range(10)]
ENTITIES = [f"entity {n}" for n in range(200)]
METRICS = [f"metric {n}" for n in range(50)]
UNITS = ["%", "USD", "CNY", "count", "t"]
# Ends on Sunday 2025-12-14: the benchmark's week is 2025-W50.
END = datetime(2025, 12, 15, tzinfo=UTC)
BATCH = 20_000


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def synthesize(path: Path, *, claims: int, articles: int, weeks: int, seed: int = 7) -> None:
    """Write the synthetic newsroom with sqlite-utils (FTS triggers and all)."""
    rng = random.Random(seed)
    db = connect(path)
    db.execute("PRAGMA synchronous = OFF")  # a throwaway file: no need to survive a power cut
    start = END - timedelta(weeks=weeks)
    span = (END - start).total_seconds()
    db["outlets"].insert_all({"name": name, "first_crawled_at": _stamp(start)} for name in OUTLETS)
    runs = [
        {
            "outlet": outlet,
            "started_at": _stamp(start + timedelta(hours=4 * n)),
            "finished_at": _stamp(start + timedelta(hours=4 * n, minutes=5)),
            "status": "ok" if rng.random() > 0.02 else "failed",
            "pages": rng.randint(10, 80),
            "errors": 0 if rng.random() > 0.05 else rng.randint(1, 4),
            "error_log": "[]",
        }
        for outlet in OUTLETS
        for n in range(weeks * 42)
    ]
    db["runs"].insert_all(runs, batch_size=BATCH)
    sources = [
        {
            "name": f"Source {n}",
            "norm_name": f"source {n}",
            "kind": "person",
            "role": "analyst",
            "organization": f"Org {n % 300}",
            "norm_organization": f"org {n % 300}",
        }
        for n in range(5000)
    ]
    db["sources"].insert_all(sources, batch_size=BATCH)
    fetched = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(articles))
    db["articles"].insert_all(
        (
            {
                "id": n + 1,
                "url": f"https://{OUTLETS[n % 10]}.example/{n}",
                "outlet": OUTLETS[n % 10],
                "title": f"Story {n}",
                "published": _stamp(moment)[:10],
                "first_seen": _stamp(moment),
                "last_seen": _stamp(moment),
            }
            for n, moment in enumerate(fetched)
        ),
        batch_size=BATCH,
    )
    # One version per article, and a second (an edit, a day later) for one article in ten.
    versions = [(n + 1, 1, moment) for n, moment in enumerate(fetched)]
    versions += [
        (n + 1, 2, moment + timedelta(days=1))
        for n, moment in enumerate(fetched)
        if n % 10 == 0 and moment + timedelta(days=1) < END
    ]
    db["versions"].insert_all(
        (
            {
                "id": vid,
                "article_id": article,
                "number": number,
                "content_hash": f"{article}-{number}",
                "text": f"Story {article} version {number}. " * 8,
                "fetched_at": _stamp(moment),
                "tracked_at": _stamp(moment),
            }
            for vid, (article, number, moment) in enumerate(versions, 1)
        ),
        batch_size=BATCH,
    )
    db["version_sources"].insert_all(
        (
            {"version_id": vid, "source_id": rng.randrange(1, 5001)}
            for vid in range(1, len(versions) + 1)
        ),
        batch_size=BATCH,
        ignore=True,
    )

    def claim_rows() -> Iterator[dict[str, Any]]:
        for n in range(claims):
            vid = n % len(versions) + 1
            entity, metric, unit = rng.choice(ENTITIES), rng.choice(METRICS), rng.choice(UNITS)
            value = round(rng.uniform(1, 1000), 1)
            yield {
                "id": n + 1,
                "version_id": vid,
                "start": 0,
                "end": 5,
                "surface": f"{value}",
                "sentence": f"The {metric} of {entity} was {value} {unit}, Source said.",
                "value": value,
                "unit": unit,
                "kind": "count",
                "source_id": rng.randrange(1, 5001),
                "entity": entity,
                "metric": metric,
                "period": "2025",
                "key": f"{entity}|{metric}|{unit}|2025",
            }

    db["claims"].insert_all(claim_rows(), batch_size=BATCH)

    def flag_rows() -> Iterator[dict[str, Any]]:
        for claim_id in range(1, claims + 1, 20):
            vid = (claim_id - 1) % len(versions) + 1
            article, number, moment = versions[vid - 1]
            kind = rng.choice(["new", "new", "changed", "revised", "added", "removed"])
            yield {
                "kind": kind,
                "article_id": article,
                "claim_id": claim_id,
                "previous_claim_id": max(1, claim_id - 7919),
                "previous_article_id": max(1, article - 97),
                "old_value": 10.0,
                "new_value": 12.5,
                "unit": "%",
                "source": "Source 1",
                "old_sentence": "It was 10%.",
                "new_sentence": "It is 12.5%.",
                "key": f"{ENTITIES[claim_id % 200]}|{METRICS[claim_id % 50]}|%|2025",
                "created_at": _stamp(moment + timedelta(minutes=2)),
            }

    db["flags"].insert_all(flag_rows(), batch_size=BATCH)
    db.execute("ANALYZE")
    db.close()


# Bench-only data synthesis (not a claimwatch query): each claim paired with the previous
# report of its key, as the tracker's cross-article `changed` / `new` flags would be.
DERIVE_FLAGS = """
    INSERT INTO flags (kind, article_id, claim_id, previous_claim_id, previous_article_id,
                       old_value, new_value, unit, source, old_sentence, new_sentence, key,
                       created_at)
    SELECT CASE WHEN previous_id IS NULL THEN 'new' ELSE 'changed' END, article_id, id,
           previous_id, previous_article_id, previous_value, value, unit, source_name,
           previous_sentence, sentence, key, fetched_at
    FROM (
        SELECT c.id, c.value, c.unit, c.sentence, c.key, v.article_id, v.fetched_at,
               s.name AS source_name,
               LAG(c.id) OVER key_order AS previous_id,
               LAG(v.article_id) OVER key_order AS previous_article_id,
               LAG(c.value) OVER key_order AS previous_value,
               LAG(c.sentence) OVER key_order AS previous_sentence
        FROM claims c
        JOIN versions v ON v.id = c.version_id
        LEFT JOIN sources s ON s.id = c.source_id
        WHERE c.key IS NOT NULL
        WINDOW key_order AS (PARTITION BY c.key ORDER BY v.fetched_at, c.id)
    )
    WHERE id % 20 = 0
"""


def synthesize_db_scale(path: Path, *, claims: int, articles: int) -> bool:
    """bench/db_scale.py's database plus derived flags; False when that script is absent."""
    try:
        db_scale = importlib.import_module("db_scale")
        make_world, write = db_scale.make_world, db_scale.write
    except (ImportError, AttributeError):
        return False
    seed = 20251201
    world = make_world(random.Random(seed), max(10, claims // 50))
    db = connect(path)
    write(db, world, seed=seed, claims=claims, articles=articles)
    db.execute(DERIVE_FLAGS)
    db.execute("ANALYZE")
    db.close()
    return True


def _best(func: Any, repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    parser.add_argument(
        "--synth",
        choices=("db_scale", "own"),
        default="db_scale",
        help="synthesizer: bench/db_scale.py's (falls back to own when absent) or our own",
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()

    folder = None if args.db else tempfile.TemporaryDirectory(prefix="claimwatch-bench-")
    path = args.db or Path(folder.name) / "digest.db"  # type: ignore[union-attr]
    if not path.exists():
        began = time.perf_counter()
        synth = (
            "db_scale"
            if args.synth == "db_scale"
            and synthesize_db_scale(path, claims=args.claims, articles=args.articles)
            else "own"
        )
        if synth == "own":
            synthesize(path, claims=args.claims, articles=args.articles, weeks=args.weeks)
        print(
            f"synthesized ({synth}) {args.claims:,} claims over {args.articles:,} articles "
            f"in {time.perf_counter() - began:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
        )
    db = connect(path, create=False)
    week = iso_week(2025, 50)
    since, until = week.bounds()
    total = db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]

    baseline, rows = _best(
        lambda: db.execute(
            "SELECT c.*, a.url FROM versions v JOIN claims c ON c.version_id = v.id "
            "JOIN articles a ON a.id = v.article_id WHERE v.fetched_at >= ? AND v.fetched_at < ?",
            [since, until],
        ).fetchall(),
        args.repeat,
    )
    began = time.perf_counter()
    build_digest(db, week)
    first = time.perf_counter() - began
    built, digest = _best(lambda: build_digest(db, week), args.repeat)
    print(
        f"database: {total:,} claims; week {week.label}: {len(rows):,} claims, "
        f"{digest.counts['flags']:,} flags, {digest.counts['runs']:,} runs"
    )
    print(f"baseline (fetch the week's claims with their articles): {baseline * 1000:8.1f} ms")
    print(
        f"build_digest (all sections):                           {built * 1000:8.1f} ms "
        f"({built / baseline:.1f}x baseline; first run {first * 1000:.1f} ms)"
    )
    for output_format in ("md", "html", "json", "csv", "atom"):
        rendered, text = _best(lambda f=output_format: render(digest, f), args.repeat)
        total_time = built + rendered
        verdict = "ok" if total_time < 2 else "OVER the 2 s target"
        print(
            f"  + render {output_format:<4} {rendered * 1000:8.1f} ms -> digest {total_time:6.2f} s "
            f"({total_time / baseline:.1f}x baseline, {len(text) / 1000:.0f} kB) {verdict}"
        )
    db.close()
    if folder:
        folder.cleanup()


if __name__ == "__main__":
    main()
