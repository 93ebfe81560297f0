"""``changed`` end to end on unseen pairs: crawl the early pages, publish the later ones, crawl.

``tests/fixtures/pairs/`` holds early/later article pairs written apart from the dev series
(other topics, outlets and wording; its ``expected.json`` has the dev series' format). A local
site on 127.0.0.1 lists the early pages in its sitemap; ``python -m claimwatch crawl`` takes them,
then the later pages are published (added to the sitemap) and a second crawl takes them. The
``changed`` flags are scored as the gold README scores the dev series: a flag matches an expected
change when it links the right early/later pair and both values agree within 0.5%; every other
``changed`` flag is a false alarm. ``bench/change_detection_pairs.py`` prints the same figures
beside a positional baseline, with the claim keys of every missed change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.schema import connect
from tests.claimwatch.page_server import write_config
from tests.claimwatch.test_flags_end_to_end import Site, _close, _crawl, _flags
from tests.servers import running

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "pairs"
RECALL_TARGET = 0.8  # issue 15 item 5
CHANGED_FLOOR = 6  # of 17, measured 2026-12-08 with the tracker's keys; only ever rises


def _score(base: str, flags: list[dict]) -> tuple[int, int, list[dict]]:
    """(expected changes matched, expected changes, false-alarm flags)."""
    expected = json.loads((PAIRS / "expected.json").read_text(encoding="utf-8"))["changed"]
    left = [f for f in flags if f["kind"] == "changed"]
    matched = 0
    for change in expected:
        hit = next(
            (
                f
                for f in left
                if f["previous_article_url"] == f"{base}{change['early']}.html"
                and f["article_url"] == f"{base}{change['later']}.html"
                and _close(f["old_value"], change["old_value"])
                and _close(f["new_value"], change["new_value"])
            ),
            None,
        )
        if hit is not None:
            matched += 1
            left.remove(hit)
    return matched, len(expected), left


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int, list[dict], int]:
    """Both crawls once for the module: (matched, expected, false alarms, trap count)."""
    folder = tmp_path_factory.mktemp("pairs")
    served = Site()
    with running(served.server):
        config = write_config(
            folder / "claimwatch.toml",
            {"dev": {"sitemaps": [f"{served.base}sitemap.xml"]}},
            obey_robots=False,
            concurrency_per_site=8,
        )
        served.pages = {p.name: p.read_bytes() for p in sorted(PAIRS.glob("early-*.html"))}
        _crawl(config)
        served.pages |= {p.name: p.read_bytes() for p in sorted(PAIRS.glob("later-*.html"))}
        served.touch()
        _crawl(config)
        db = connect(folder / "claimwatch.db")
        articles = db["articles"].count
        db.close()
        assert articles == len(list(PAIRS.glob("*.html")))
        flags = _flags(config)
    traps = len(json.loads((PAIRS / "expected.json").read_text(encoding="utf-8"))["traps"])
    return (*_score(served.base, flags), traps)


def test_pairs_are_well_formed() -> None:
    data = json.loads((PAIRS / "expected.json").read_text(encoding="utf-8"))
    names = {p.stem for p in PAIRS.glob("*.html")}
    assert len(data["changed"]) >= 8 and len(data["traps"]) >= 10
    for item in data["changed"] + data["traps"]:
        assert {item["early"], item["later"]} <= names, item
        early = (PAIRS / f"{item['early']}.html").read_text(encoding="utf-8")
        later = (PAIRS / f"{item['later']}.html").read_text(encoding="utf-8")
        assert item["old_surface"].replace("$", "") in early.replace("$", ""), item
        assert item["new_surface"].replace("$", "") in later.replace("$", ""), item


def test_at_most_one_false_alarm_in_ten_traps(scored: tuple[int, int, list[dict], int]) -> None:
    matched, expected, false_alarms, traps = scored
    assert len(false_alarms) * 10 <= traps, [
        (f["old_surface"], f["new_surface"], f["article_url"]) for f in false_alarms
    ]


def test_changed_recall_floor(scored: tuple[int, int, list[dict], int]) -> None:
    matched, expected, _, _ = scored
    assert matched >= CHANGED_FLOOR, f"{matched}/{expected} changed flags"


@pytest.mark.xfail(
    strict=True,
    reason="issue 15 item 5: the tracker's English keys split most restated figures "
    "(bench/change_detection_pairs.py lists the keys of each miss)",
)
def test_changed_recall_reaches_the_target(scored: tuple[int, int, list[dict], int]) -> None:
    matched, expected, _, _ = scored
    assert matched >= RECALL_TARGET * expected, f"{matched}/{expected} changed flags"
