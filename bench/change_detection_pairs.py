"""``changed`` flags on unseen early/later article pairs, beside a positional baseline.

The pairs under ``tests/fixtures/pairs/`` (written apart from the dev series: other topics,
outlets and wording) are crawled as a user would get them: the early pages in one crawl, the later
pages in a second one, through the crawler's extraction, ``db/store.py`` and
``tracker.tracking.ingest.track_pending``. The ``changed`` flags are scored against the folder's
``expected.json`` (recall over the expected changes; every other flag between a listed pair is a
false alarm, and the listed traps that were flagged are counted apart). Two baselines over the
same stored claims, from the same run: by position (the i-th figure of the early article against
the i-th of the later one, flagged when the unit matches and the value differs) and by exact
value (a later claim whose key an early claim holds with any other value). Each missed change is
printed with the claim keys both articles got. Usage::

    python bench/change_detection_pairs.py [--pairs tests/fixtures/pairs]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from change_detection import REPO, Score, _close, _crawl  # noqa: E402

from db import store, tracking  # noqa: E402
from db.schema import connect  # noqa: E402

BASE = "http://127.0.0.1:8000/"
Flag = tuple[str, str, float, float]


def _same(expected: Flag, got: Flag) -> bool:
    return expected[:2] == got[:2] and _close(expected[2], got[2]) and _close(expected[3], got[3])


def _claims(db: Any, url: str) -> list[dict[str, Any]]:
    """The claims of an article's latest version, in text order."""
    return tracking.version_claims(db, store.article_versions(db, url)[-1]["id"])


def positional(db: Any, pairs: list[tuple[str, str]]) -> list[Flag]:
    """Baseline: the i-th figure of the early article is the i-th of the later one."""
    flags = []
    for early, later in pairs:
        old, new = _claims(db, early), _claims(db, later)
        flags += [
            (early, later, a["value"], b["value"])
            for a, b in zip(old, new, strict=False)
            if a["unit"] == b["unit"] and a["value"] != b["value"]
        ]
    return flags


def exact_values(db: Any, pairs: list[tuple[str, str]]) -> list[Flag]:
    """Baseline: a later claim whose key the early article holds with any other value."""
    flags = []
    for early, later in pairs:
        old = {}
        for row in _claims(db, early):
            old.setdefault(row["key"], row["value"])
        flags += [
            (early, later, old[row["key"]], row["value"])
            for row in _claims(db, later)
            if row["key"] and row["key"] in old and old[row["key"]] != row["value"]
        ]
    return flags


def run(folder: Path, db: Any) -> dict[str, Any]:
    """Crawl the early pages, then the later ones; the flags and baselines, scored."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    early = sorted(p.stem for p in folder.glob("early-*.html"))
    later = sorted(p.stem for p in folder.glob("later-*.html"))
    _crawl(db, "pairs", [(f"{BASE}{name}.html", folder / f"{name}.html") for name in early])
    _crawl(db, "pairs", [(f"{BASE}{name}.html", folder / f"{name}.html") for name in later])
    pairs = [
        (f"{BASE}{name}.html", f"{BASE}later-{name.removeprefix('early-')}.html") for name in early
    ]
    wanted = [
        (f"{BASE}{c['early']}.html", f"{BASE}{c['later']}.html", c["old_value"], c["new_value"])
        for c in expected["changed"]
    ]
    flags = tracking.flag_records(db, kinds=["changed"], outlet="pairs")
    got = [
        (f["previous_article_url"], f["article_url"], f["old_value"], f["new_value"]) for f in flags
    ]
    scores = {"changed": Score(), "positional": Score(), "exact": Score()}
    scores["changed"].add(wanted, got, _same)
    scores["positional"].add(wanted, positional(db, pairs), _same)
    scores["exact"].add(wanted, exact_values(db, pairs), _same)
    left, missed = list(got), []
    for change, item in zip(expected["changed"], wanted, strict=True):
        hit = next((g for g in left if _same(item, g)), None)
        if hit is None:
            missed.append(change)
        else:
            left.remove(hit)
    surfaces = {(f["old_surface"], f["new_surface"]) for f in flags}
    traps = sum(1 for t in expected["traps"] if (t["old_surface"], t["new_surface"]) in surfaces)
    return {
        "scores": scores,
        "missed": missed,
        "false_alarms": [f for f in flags if _flag_key(f) in left],
        "traps_flagged": traps,
        "traps": len(expected["traps"]),
        "keys": {url: _claims(db, url) for pair in pairs for url in pair},
    }


def _flag_key(flag: dict[str, Any]) -> Flag:
    return (flag["previous_article_url"], flag["article_url"], flag["old_value"], flag["new_value"])


def _key_of(claims: list[dict[str, Any]], surface: str) -> str:
    keys = [str(row["key"]) for row in claims if row["surface"] == surface]
    return " | ".join(keys) if keys else "(no claim with this surface)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=REPO / "tests" / "fixtures" / "pairs")
    args = parser.parse_args()
    if not (args.pairs / "expected.json").is_file():
        sys.exit(f"no expected.json under {args.pairs}")
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "bench.db")
        result = run(args.pairs, db)
        db.close()
    scores = result["scores"]
    print(f"pairs ({args.pairs}):")
    print("  " + scores["changed"].line("changed"))
    print(f"  false alarms: {len(result['false_alarms'])} (traps flagged: "
          f"{result['traps_flagged']} of {result['traps']})")  # fmt: skip
    print("  " + scores["positional"].line("baseline (by position)"))
    print("  " + scores["exact"].line("baseline (exact values)"))
    base = scores["positional"].f1()
    ratio = scores["changed"].f1() / base if base else float("inf")
    print(f"  F1 ratio ours/positional baseline: {ratio:.2f}")
    for change in result["missed"]:
        early = result["keys"][f"{BASE}{change['early']}.html"]
        later = result["keys"][f"{BASE}{change['later']}.html"]
        print(f"  missed {change['early']}->{change['later']} {change['entity']} · "
              f"{change['metric']} · {change['period']}: {change['old_surface']} -> "
              f"{change['new_surface']}")  # fmt: skip
        print(f"    early key: {_key_of(early, change['old_surface'])}")
        print(f"    later key: {_key_of(later, change['new_surface'])}")
    for flag in result["false_alarms"]:
        print(f"  false alarm {flag['previous_article_url'].removeprefix(BASE)}->"
              f"{flag['article_url'].removeprefix(BASE)}: {flag['old_surface']} -> "
              f"{flag['new_surface']}")  # fmt: skip


if __name__ == "__main__":
    main()
