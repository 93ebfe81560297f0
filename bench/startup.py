"""Startup time of the command line: ``claimwatch --help`` and ``--version`` beside ``sqlite-utils
--help`` (target: each at most 2x that baseline), measured in the same run on this machine.

Each command is run ``--runs`` times as a fresh process (the console scripts of the
interpreter's environment: ``.venv/bin/claimwatch`` under ``make bench``); the median wall
time is reported. Usage::

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
TARGET = 2.0


def median_seconds(argv: list[str], runs: int) -> float:
    """Median wall time of ``argv`` as a new process (after one untimed warm-up run)."""
    subprocess.run(argv, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    args = parser.parse_args()
    for script in ("claimwatch", "sqlite-utils"):
        if not (BIN / script).exists():
            print(f"no {BIN / script}: run this with the environment's python (make bench)")
            return 2
    baseline = median_seconds([str(BIN / "sqlite-utils"), "--help"], args.runs)
    print(f"baseline  sqlite-utils --help    {baseline * 1000:7.1f} ms (median of {args.runs})")
    worst = 0.0
    for option in ("--help", "--version"):
        seconds = median_seconds([str(BIN / "claimwatch"), option], args.runs)
        ratio = seconds / baseline
        worst = max(worst, ratio)
        print(f"claimwatch {option:<10}          {seconds * 1000:7.1f} ms  {ratio:4.2f}x baseline")
    verdict = "ok" if worst <= TARGET else "OVER TARGET"
    print(f"target: at most {TARGET:.0f}x the baseline: {verdict}")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
