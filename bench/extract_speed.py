"""Characters per second of the English tracker beside quantulum3, on the same text.

The dev articles of ../shared/gold/dev (English, then Chinese) are repeated to at least
2 MB; the Chinese rate is printed beside the English one measured in the same run. The
tracker and quantulum3 (the `bench` extra) run over the same text in the same process, one
article at a time, timed in CPU seconds of this process (one core, whatever else the machine
runs). Prints both rates and their ratio. quantulum3 runs on a slice (it is slow); its rate
is per character.

Usage: python bench/extract_speed.py [--mb 2] [--baseline-chars 200000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import tracker  # noqa: E402

GOLD = REPO.parent / "shared" / "gold" / "dev"


def _articles(language: str = "en") -> list[tuple[str, str | None]]:
    if not GOLD.is_dir():
        sys.exit(f"skipped: {GOLD} not present (the team's shared fixtures folder)")
    found = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("language", "en") == language:
            found.append((gold["text"], gold.get("published")))
    return found


def _corpus(articles: list[tuple[str, str | None]], size: int) -> list[tuple[str, str | None]]:
    corpus, total = [], 0
    while total < size:
        for text, published in articles:
            corpus.append((text, published))
            total += len(text)
    return corpus


def _rate(function: object, corpus: list[tuple[str, str | None]]) -> tuple[float, int, int]:
    chars = sum(len(text) for text, _ in corpus)
    found = 0
    start = time.process_time()  # CPU time of this process: one core, whatever else runs
    for text, published in corpus:
        found += function(text, published)  # type: ignore[operator]
    seconds = time.process_time() - start
    return chars / seconds, chars, found


def _tracker(text: str, published: str | None) -> int:
    return len(tracker.extract(text, published=published, language="en").claims)


def _tracker_zh(text: str, published: str | None) -> int:
    return len(tracker.extract(text, published=published, language="zh").claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="tracker text size in MB")
    parser.add_argument("--baseline-chars", type=int, default=200_000,
                        help="characters given to quantulum3")  # fmt: skip
    args = parser.parse_args()
    articles = _articles()
    corpus = _corpus(articles, int(args.mb * 1_000_000))
    ours, chars, claims = _rate(_tracker, corpus)
    print(f"tracker     {ours:>12,.0f} chars/s  ({chars:,} chars, {claims:,} claims)")
    zh_corpus = _corpus(_articles("zh"), int(args.mb * 1_000_000))
    zh_rate, zh_chars, zh_claims = _rate(_tracker_zh, zh_corpus)
    print(f"tracker zh  {zh_rate:>12,.0f} chars/s  ({zh_chars:,} chars, {zh_claims:,} claims)")
    print(f"zh / en     {zh_rate / ours:>12.2f}x")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum  # type: ignore[import-untyped]
    except ImportError:
        print("quantulum3  not installed (pip install -e '.[bench]'); no ratio")
        return
    sample = _corpus(articles, args.baseline_chars)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, qchars, quantities = _rate(lambda text, _: len(quantulum.parse(text)), sample)
    print(f"quantulum3  {theirs:>12,.0f} chars/s  ({qchars:,} chars, {quantities:,} quantities)")
    print(f"ratio       {ours / theirs:>12.1f}x")


if __name__ == "__main__":
    main()
