"""Edit flags on articles the diff was never tuned on: synthetic second versions of gold articles.

For every gold article without a hand-made ``versions/`` edit (English and Chinese), a seeded
random editor makes a second version the way an editor would: up to three figures get another
digit (one of their sentences reworded a little), one sentence with figures is cut, one sentence
with figures from another article is added, and two paragraphs trade places. The expected ``revised`` / ``added`` / ``removed`` flags follow from the gold claims; the
pipeline is the real one (``db/store.py`` then ``tracker.tracking.ingest.track_pending``). A by-position
baseline over the same stored claims is printed beside it. Usage::

    python bench/change_detection_unseen.py [--gold ../shared/gold/dev] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from change_detection import (  # noqa: E402
    REPO,
    Score,
    _close,
    _match,
    positional_flags,
    print_edit_scores,
)

from db import store, tracking  # noqa: E402
from db.schema import connect  # noqa: E402
from tracker.tracking.ingest import track_pending  # noqa: E402

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _located(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold claims with their offsets in the article text (claims not found are left out)."""
    found, seen = [], {}
    for claim in article["claims"]:
        at = article["text"].find(claim["sentence"])
        offset = claim["sentence"].find(claim["surface"], seen.get((at, claim["surface"]), 0))
        if at < 0 or offset < 0:
            continue
        seen[(at, claim["surface"])] = offset + 1
        found.append({**claim, "start": at + offset, "sentence_start": at})
    return found


def _bump(surface: str) -> tuple[str, float] | None:
    """The surface with one digit changed, and the factor its value changes by."""
    match = NUMBER.search(surface)
    if not match:
        return None
    token = match.group(0)
    digits = [i for i, ch in enumerate(token) if ch.isdigit()]
    last = digits[-1]
    digit = int(token[last])
    changed = token[:last] + str(digit + 1 if digit < 9 else digit - 1) + token[last + 1 :]
    old, new = float(token.replace(",", "")), float(changed.replace(",", ""))
    if old == 0:
        return None
    return surface[: match.start()] + changed + surface[match.end() :], new / old


def edit(
    article: dict[str, Any], donor: dict[str, Any], rng: random.Random
) -> tuple[str, dict[str, list[tuple[float | None, float | None]]]]:
    """A second version of ``article`` and the changes it makes, as (old, new) values per kind."""
    text = article["text"]
    claims = _located(article)
    sentences = sorted({c["sentence_start"]: c["sentence"] for c in claims}.items())
    if len(sentences) < 3:
        return text, {"revised": [], "added": [], "removed": []}
    cut_start, cut_sentence = rng.choice(sentences[1:])
    removed = [c for c in claims if c["sentence_start"] == cut_start]
    kept = [
        c
        for c in claims
        if c["sentence_start"] != cut_start and c["sentence"].count(c["surface"]) == 1
    ]
    revised = []
    for claim in rng.sample(kept, min(3, len(kept))):
        bumped = _bump(claim["surface"])
        if bumped:
            revised.append((claim, *bumped))
    donor_claims = _located(donor)
    donor_sentence = rng.choice(sorted({c["sentence"] for c in donor_claims}))
    added = [c for c in donor_claims if c["sentence"] == donor_sentence]
    # Apply edits from the end of the text so earlier offsets stay valid.
    edits = [(c["start"], c["start"] + len(c["surface"]), surface) for c, surface, _ in revised]
    edits.append((cut_start, cut_start + len(cut_sentence), ""))
    if revised:  # the first revised figure's sentence is also reworded a little
        claim = revised[0][0]
        end = claim["sentence_start"] + len(claim["sentence"]) - 1
        if text[end] in ".。" and end >= claim["start"] + len(claim["surface"]):
            edits.append((end, end, " this week" if text[end] == "." else "（本周）"))
    paragraph_end = text.find("\n\n", cut_start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    edits.append((paragraph_end, paragraph_end, "\n\n" + donor_sentence))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:  # and two paragraphs after the first trade places
        i, j = rng.sample(range(1, len(paragraphs)), 2)
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        text = "\n\n".join(paragraphs)
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]{2,}", " ", re.sub(r" +\n", "\n", text))).strip()
    return text, {
        "revised": [(c["value"], c["value"] * factor) for c, _, factor in revised],
        "added": [(None, c["value"]) for c in added],
        "removed": [(c["value"], None) for c in removed],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold" / "dev")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="print each article's misses")
    args = parser.parse_args()
    tuned = {
        p.name.removesuffix(".changes.json")
        for p in (args.gold / "versions").glob("*.changes.json")
    }
    articles = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(args.gold.glob("*.json"))
        if path.stem not in tuned
    ]
    if not articles:
        sys.exit(f"no gold articles under {args.gold}")
    ours = {kind: Score() for kind in ("revised", "added", "removed")}
    base = {kind: Score() for kind in ours}
    same = lambda e, p: _close(e[0], p[0]) and _close(e[1], p[1])  # noqa: E731
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "unseen.db")
        edited = {}
        run = store.start_run(db, "unseen")
        for article in articles:
            store.store_article(
                db,
                {**article, "url": f"https://unseen.test/{article['id']}", "outlet": "unseen"},
                run_id=run,
            )
        store.finish_run(db, run, status="ok", counts=store.RunCounts())
        track_pending(db)
        run = store.start_run(db, "unseen")
        for index, article in enumerate(articles):
            same_language = [
                a for a in articles if a["language"] == article["language"] and a is not article
            ]
            donor = same_language[index % len(same_language)]
            text, expected = edit(article, donor, random.Random(f"{args.seed}/{article['id']}"))
            edited[article["id"]] = expected
            store.store_article(
                db,
                {
                    **article,
                    "text": text,
                    "url": f"https://unseen.test/{article['id']}",
                    "outlet": "unseen",
                },
                run_id=run,
            )
        store.finish_run(db, run, status="ok", counts=store.RunCounts())
        track_pending(db)
        flags = tracking.flag_records(db)
        for article in articles:
            url = f"https://unseen.test/{article['id']}"
            expected = edited[article["id"]]
            for kind in ours:
                got = [
                    (f["old_value"], f["new_value"])
                    for f in flags
                    if f["article_url"] == url and f["kind"] == kind
                ]
                ours[kind].add(expected[kind], got, same)
                if args.verbose and _match(expected[kind], got, same) < max(
                    len(got), len(expected[kind])
                ):
                    print(f"  {article['id']} {kind}: expected {expected[kind]}, flagged {got}")
            baseline = positional_flags(db, url)
            for kind in base:
                base[kind].add(expected[kind], baseline.get(kind, []), same)
        db.close()
    print(f"unseen edits of {len(articles)} gold articles (seed {args.seed}):")
    print_edit_scores(ours, base)


if __name__ == "__main__":
    main()
