"""Precision and recall of change flags on the gold versions and series (no HTTP, real pipeline).

Runs the pages through the crawler's extraction (``crawler.extract``) and store
(``db/store.py``), then ``tracker.tracking.ingest.track_pending``, in crawls as ``claimwatch crawl``
would do them, and scores the flags:

- versions: crawl the original pages (a backfill), then their ``.v2`` edits at the same URLs;
  ``revised`` / ``added`` / ``removed`` against ``<id>.changes.json``; a third crawl of the same
  pages must write no flag;
- series: crawl the early pages, then the later pages; ``changed`` against ``expected.json``,
  counting the listed traps that were flagged.

Two baselines over the same stored claims, in the same run: for versions, pairing claims by
position (no sentence alignment); for series, flagging any key whose value differs at all (no
precision rule). ``--oracle`` replaces the tracker's extraction by the gold claims (which have
no claim keys), to measure the version diff alone. Usage::

    python bench/change_detection.py [--gold ../shared/gold/dev] [--pages ../shared/gold/dev-pages]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.extract import extract_article  # noqa: E402
from db import store, tracking  # noqa: E402
from db.schema import connect  # noqa: E402
from tracker.model import Claim, Extraction, Source  # noqa: E402
from tracker.tracking import diff  # noqa: E402
from tracker.tracking.ingest import Extractor, claim_from_row, track_pending  # noqa: E402

BASE = "http://127.0.0.1:8000/"
TOLERANCE = 0.005  # relative, as the gold README scores values


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def gold_extractor(gold: Path) -> Extractor:
    """An extractor that knows the gold claims of every gold text (and nothing else)."""
    by_text = {}
    for path in gold.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data and "claims" in data:
            by_text[data["text"]] = data

    def extract(text: str, *, published: str | None = None, language: str = "auto") -> Extraction:
        data = by_text.get(text)
        if data is None:
            return Extraction(text=text, language="en")
        claims, seen = [], {}
        for item in data["claims"]:
            at = text.find(item["sentence"])
            offset = item["sentence"].find(item["surface"], seen.get((at, item["surface"]), 0))
            if at < 0 or offset < 0:
                continue
            seen[(at, item["surface"])] = offset + 1
            start = at + offset
            claims.append(
                Claim(start, start + len(item["surface"]), item["surface"], item["sentence"],
                      item["value"], item["unit"], item["kind"], source=item["source"])
            )  # fmt: skip
        sources = [
            Source(s["name"], s["kind"], s.get("role"), s.get("organization"))
            for s in data["sources"]
        ]
        return Extraction(text=text, language=data["language"], sources=sources, claims=claims)

    return extract


EXTRACT: Extractor | None = None  # None: the real tracker


def _crawl(db: Any, outlet: str, pages: Iterable[tuple[str, Path]]) -> int:
    """Store each (url, page file) as one crawl of ``outlet`` and track; returns flags written."""
    run = store.start_run(db, outlet)
    counts = store.RunCounts()
    for url, path in pages:
        article = extract_article(path.read_bytes(), url=url).to_dict()
        outcome = store.store_article(db, {**article, "outlet": outlet}, run_id=run)
        counts.pages += 1
        setattr(counts, f"articles_{outcome}", getattr(counts, f"articles_{outcome}") + 1)
    store.finish_run(db, run, status="ok", counts=counts)
    return track_pending(db, run_id=run, extract=EXTRACT).flags


def _match(expected: list[Any], predicted: list[Any], same: Callable[[Any, Any], bool]) -> int:
    """How many expected items find a distinct predicted one."""
    left, hits = list(predicted), 0
    for item in expected:
        for index, guess in enumerate(left):
            if same(item, guess):
                hits += 1
                del left[index]
                break
    return hits


class Score:
    def __init__(self) -> None:
        self.expected = self.predicted = self.matched = 0

    def add(
        self, expected: list[Any], predicted: list[Any], same: Callable[[Any, Any], bool]
    ) -> None:
        self.expected += len(expected)
        self.predicted += len(predicted)
        self.matched += _match(expected, predicted, same)

    def line(self, name: str) -> str:
        precision = self.matched / self.predicted if self.predicted else 1.0
        recall = self.matched / self.expected if self.expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{name:<22} precision {precision:6.1%} ({self.matched}/{self.predicted})  "
            f"recall {recall:6.1%} ({self.matched}/{self.expected})  F1 {f1:.3f}"
        )

    def f1(self) -> float:
        precision = self.matched / self.predicted if self.predicted else 1.0
        recall = self.matched / self.expected if self.expected else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _positional(old: list[Any], new: list[Any]) -> list[diff.Change]:
    """Baseline: the i-th claim of the old version is the i-th of the new one."""
    changes = [
        diff.Change("revised", i, i)
        for i in range(min(len(old), len(new)))
        if old[i].unit != new[i].unit or old[i].value != new[i].value
    ]
    changes += [diff.Change("added", None, j) for j in range(len(old), len(new))]
    changes += [diff.Change("removed", i, None) for i in range(len(new), len(old))]
    return changes


def versions(gold: Path, pages: Path, db: Any) -> tuple[dict[str, Score], dict[str, Score], int]:
    ids = sorted(
        p.name.removesuffix(".changes.json") for p in (gold / "versions").glob("*.changes.json")
    )
    _crawl(db, "versions", [(f"{BASE}{i}.html", pages / f"{i}.html") for i in ids])
    _crawl(db, "versions", [(f"{BASE}{i}.html", pages / "versions" / f"{i}.v2.html") for i in ids])
    third = _crawl(
        db, "versions", [(f"{BASE}{i}.html", pages / "versions" / f"{i}.v2.html") for i in ids]
    )
    flags = tracking.flag_records(db, outlet="versions")
    ours = {kind: Score() for kind in ("revised", "added", "removed")}
    base = {kind: Score() for kind in ("revised", "added", "removed")}
    pair = lambda e, p: _close(e[0], p[0]) and _close(e[1], p[1])  # noqa: E731
    for article in ids:
        url = f"{BASE}{article}.html"
        expected = json.loads((gold / "versions" / f"{article}.changes.json").read_text())
        wanted = {
            "revised": [(c["old_value"], c["new_value"]) for c in expected["changed"]],
            "added": [(None, c["value"]) for c in expected["added"]],
            "removed": [(c["value"], None) for c in expected["removed"]],
        }
        mine = [f for f in flags if f["article_url"] == url]
        for kind in ours:
            got = [(f["old_value"], f["new_value"]) for f in mine if f["kind"] == kind]
            ours[kind].add(wanted[kind], got, pair)
        baseline = positional_flags(db, url)
        for kind in base:
            base[kind].add(wanted[kind], baseline.get(kind, []), pair)
    return ours, base, third


def positional_flags(db: Any, url: str) -> dict[str, list[tuple[float | None, float | None]]]:
    """The baseline's (old, new) values per flag kind between an article's first two versions."""
    stored = store.article_versions(db, url)
    old, new = (
        [claim_from_row(row) for row in tracking.version_claims(db, v["id"])] for v in stored[:2]
    )
    flags: dict[str, list[tuple[float | None, float | None]]] = {}
    for change in _positional(old, new):
        flags.setdefault(change.kind, []).append(
            (
                old[change.old].value if change.old is not None else None,
                new[change.new].value if change.new is not None else None,
            )
        )
    return flags


def series(gold: Path, pages: Path, db: Any) -> tuple[Score, Score, int, int]:
    expected = json.loads((gold / "series" / "expected.json").read_text())
    files = sorted(p.stem for p in (gold / "series").glob("*-*.json"))
    early = [f for f in files if f.startswith("early-")]
    later = [f for f in files if f.startswith("later-")]
    _crawl(db, "series", [(f"{BASE}{i}.html", pages / "series" / f"{i}.html") for i in early])
    _crawl(db, "series", [(f"{BASE}{i}.html", pages / "series" / f"{i}.html") for i in later])
    changed = tracking.flag_records(db, kinds=["changed"], outlet="series")
    wanted = [
        (f"{BASE}{c['early']}.html", f"{BASE}{c['later']}.html", c["old_value"], c["new_value"])
        for c in expected["changed"]
    ]
    got = [
        (f["previous_article_url"], f["article_url"], f["old_value"], f["new_value"])
        for f in changed
    ]
    ours = Score()
    ours.add(wanted, got, lambda e, p: e[:2] == p[:2] and _close(e[2], p[2]) and _close(e[3], p[3]))
    traps = sum(
        1
        for trap in expected["traps"]
        for f in changed
        if (f["old_surface"], f["new_surface"]) == (trap["old_surface"], trap["new_surface"])
    )
    # Baseline: any other value for a key another article holds, compared exactly.
    base = Score()
    naive = []
    for name in later:
        url = f"{BASE}{name}.html"
        version = store.article_versions(db, url)[-1]
        article_id = tracking.load_version(db, version["id"])["article_id"]
        for row in tracking.version_claims(db, version["id"]):
            if not row["key"]:
                continue
            others = (
                other
                for version in tracking.key_versions(db, row["key"], exclude_article_id=article_id)
                for other in tracking.version_claims_with_key(db, version["version_id"], row["key"])
            )
            for other in others:
                if other["url"].startswith(BASE + "early") and other["value"] != row["value"]:
                    naive.append((other["url"], url, other["value"], row["value"]))
                    break
    base.add(
        wanted, naive, lambda e, p: e[:2] == p[:2] and _close(e[2], p[2]) and _close(e[3], p[3])
    )
    return ours, base, traps, len(expected["traps"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold" / "dev")
    parser.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "gold" / "dev-pages")
    parser.add_argument("--oracle", action="store_true", help="gold claims instead of the tracker")
    args = parser.parse_args()
    if args.oracle:
        global EXTRACT
        EXTRACT = gold_extractor(args.gold)
    has_versions = any((args.gold / "versions").glob("*.changes.json"))
    has_series = (args.gold / "series" / "expected.json").is_file()
    if not args.pages.is_dir() or not (has_versions or has_series):
        sys.exit(f"no gold versions or series under {args.gold}, or no pages under {args.pages}")
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "bench.db")
        if has_versions:
            _report_versions(*versions(args.gold, args.pages, db), args.gold / "versions")
        if has_series:
            _report_series(*series(args.gold, args.pages, db), args.gold / "series")
        db.close()


def print_edit_scores(ours: dict[str, Score], base: dict[str, Score]) -> None:
    """Per-kind lines, then all edits together beside the positional baseline and their ratio."""
    total, total_base = Score(), Score()
    for kind in ours:
        print("  " + ours[kind].line(kind))
        for score, into in ((ours[kind], total), (base[kind], total_base)):
            into.expected += score.expected
            into.predicted += score.predicted
            into.matched += score.matched
    print("  " + total.line("all edits"))
    print("  " + total_base.line("baseline (by position)"))
    ratio = total.f1() / total_base.f1() if total_base.f1() else float("inf")
    print(f"  F1 ratio ours/baseline: {ratio:.2f}")


def _report_versions(
    ours: dict[str, Score], base: dict[str, Score], third: int, folder: Path
) -> None:
    print(f"versions ({folder}):")
    print_edit_scores(ours, base)
    print(f"  flags written by a third crawl of the same pages: {third}")


def _report_series(changed: Score, naive: Score, traps: int, trap_count: int, folder: Path) -> None:
    print(f"series ({folder}):")
    print("  " + changed.line("changed"))
    print(f"  traps flagged: {traps} of {trap_count}")
    print(f"  false alarms: {changed.predicted - changed.matched}")
    print("  " + naive.line("baseline (exact values)"))
    ratio = changed.f1() / naive.f1() if naive.f1() else float("inf")
    print(f"  F1 ratio ours/baseline: {ratio:.2f}")


if __name__ == "__main__":
    main()
