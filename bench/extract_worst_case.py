"""Time of the English tracker on hostile input at growing sizes: linear or not.

Shapes: no sentence punctuation, only numbers, unbalanced quotes, one endless run of names
and speech verbs, binary-ish bytes decoded as text. For each shape the text grows from
0.5 MB to --max-mb; a rate (chars per CPU second) that stays flat as the size doubles means
time linear in the input size. Nothing here reads ../shared.

Usage: python bench/extract_worst_case.py [--max-mb 4]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tracker  # noqa: E402

SHAPES = {
    "no punctuation": "the company said revenue rose 12 percent to 4 billion dollars and ",
    "only numbers": "1 22 333 4,444 5.55 66% 7,777,777 ",
    "unbalanced quotes": '"He said 5% “and Acme Corp. told ”reporters 3 million" ',
    "names and verbs": "Jane Doe, an analyst at Birch Bank, said Acme Corp. estimates ",
}


def _binary(size: int) -> str:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(size)).decode("latin-1")


def _rate(text: str) -> float:
    start = time.process_time()
    tracker.extract(text, published="2025-01-01", language="en")
    return len(text) / max(time.process_time() - start, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=4.0)
    args = parser.parse_args()
    sizes = []
    size = 500_000
    while size <= args.max_mb * 1_000_000:
        sizes.append(size)
        size *= 2
    print("shape".ljust(20) + "".join(f"{s / 1e6:>10.1f} MB" for s in sizes) + "   (chars/s)")
    for name, unit in [*SHAPES.items(), ("binary-ish", "")]:
        rates = []
        for size in sizes:
            text = (
                _binary(size) if name == "binary-ish" else (unit * (size // len(unit) + 1))[:size]
            )
            rates.append(_rate(text))
        print(name.ljust(20) + "".join(f"{r:>13,.0f}" for r in rates))


if __name__ == "__main__":
    main()
