"""The README's seed-article table is what `claimwatch extract` prints for the seed article.

Regenerate it after a tracker change with:  .venv/bin/python tests/test_readme.py --write
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SEED = REPO / "tests" / "fixtures" / "seed" / "seed-article.txt"
SEED_DATE = "2025-12-12"
START, END = "<!-- seed-table:start -->", "<!-- seed-table:end -->"


def _cell(value: object) -> str:
    return str(value if value is not None else "—").replace("|", "\\|").replace("\n", " ")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def seed_table() -> str:
    """Markdown tables of the seed article's claims and sources, from `claimwatch extract`."""
    from claimwatch.cli import cli

    result = CliRunner().invoke(
        cli, ["extract", str(SEED), "--format", "json", "--published", SEED_DATE]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    lines = [
        f"`claimwatch extract seed-article.txt --published {SEED_DATE}` finds "
        f"{len(found['claims'])} figures and {len(found['sources'])} sources:",
        "",
        "| figure | value | unit | kind | approx. | source |",
        "|---|---:|---|---|---|---|",
    ]
    for claim in found["claims"]:
        lines.append(
            f"| {_cell(claim['surface'])} | {_number(claim['value'])} | {_cell(claim['unit'])} "
            f"| {claim['kind']} | {'yes' if claim['approximate'] else ''} | {_cell(claim['source'])} |"
        )
    lines += ["", "| source | kind | role | organization |", "|---|---|---|---|"]
    for source in found["sources"]:
        lines.append(
            f"| {_cell(source['name'])} | {source['kind']} | {_cell(source.get('role'))} "
            f"| {_cell(source.get('organization'))} |"
        )
    return "\n".join(lines)


def _current_block(readme: str) -> str:
    match = re.search(re.escape(START) + r"\n(.*?)\n?" + re.escape(END), readme, re.S)
    assert match, "README lacks the seed-table markers"
    return match.group(1).strip()


def test_readme_seed_table_matches_extract_output() -> None:
    assert _current_block(README.read_text(encoding="utf-8")) == seed_table().strip(), (
        "README seed table is stale: run .venv/bin/python tests/test_readme.py --write"
    )


if __name__ == "__main__":
    sys.path[0] = str(REPO)  # not tests/, whose claimwatch/ folder would shadow the package
    if "--write" in sys.argv:
        text = README.read_text(encoding="utf-8")
        block = f"{START}\n{seed_table()}\n{END}"
        README.write_text(
            re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S),
            encoding="utf-8",
        )
        print("README seed table rewritten")
