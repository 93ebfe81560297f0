"""claimwatch serve: a real Datasette process on 127.0.0.1, checked in headless chromium."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from claimwatch.commands.serve import datasette_metadata
from db.schema import connect
from tests.db.factory import Factory, sample

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"

# canned query -> (query string, a text one of its rows must show)
CANNED: dict[str, tuple[str, str]] = {
    "figures_by_source": ("source=xiong", "400 billion yuan"),
    "changed_figures_this_week": ("", "13.9%"),
    "metric_over_time": ("metric=retail+sales", "14.1%"),
    "search_claims": ("q=graduates", "2 million graduates"),
}
# more pages: (canned query, query string, text a row must show)
MORE_PAGES = [("search_claims", "q=零售", "3.0%"), ("figures_by_source", "source=", "650 workers")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    db_path = tmp_path_factory.mktemp("serve") / "newsroom.db"
    db = connect(db_path)
    sample(db)
    make = Factory(db)
    version = make.article(
        "https://zh.example/1", "国家统计局表示，11月社会消费品零售总额增长3.0%。", language="zh"
    )
    make.claim(version, "3.0%", 3.0, "%", kind="percent")
    huawei = make.article(
        "https://wire.example/2025/12/12/ai-talent",
        "Huawei earned $630 million from patent licensing in 2024, Fan Zhiyong said.",
        published="2025-12-12",
        title="AI talent",
    )
    make.claim(
        huawei, "$630 million", 630e6, "USD", kind="currency", entity="Huawei",
        metric="patent licensing income", period="2024",
        source_id=make.source("Fan Zhiyong", role="vice president", organization="Huawei"),
    )  # fmt: skip
    db.close()
    before = _digest(db_path)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimwatch", "--db", str(db_path), "serve", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"claimwatch serve did not start: {output}")
            time.sleep(0.2)
    try:
        yield base, db_path, before
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "args", "expected"), [(name, *CANNED[name]) for name in sorted(CANNED)] + MORE_PAGES
)
def test_canned_query_pages_show_rows(
    served: tuple[str, Path, str], browser_page: object, query: str, args: str, expected: str
) -> None:
    base, _, _ = served
    page = browser_page
    page.goto(f"{base}/claimwatch/{query}?{args}")  # type: ignore[attr-defined]
    rows = page.locator("table.rows-and-columns tbody tr")  # type: ignore[attr-defined]
    rows.first.wait_for(state="visible", timeout=10_000)
    assert rows.count() >= 1
    assert any(expected in row for row in rows.all_inner_texts())
    title = datasette_metadata()["databases"]["claimwatch"]["queries"][query]["title"]
    assert title in page.locator("h1").inner_text()  # type: ignore[attr-defined]


@pytest.mark.browser
def test_claims_table_has_descriptions_facets_and_search(
    served: tuple[str, Path, str], browser_page: object
) -> None:
    base, _, _ = served
    page = browser_page
    page.goto(f"{base}/claimwatch/claims?_search=sales")  # type: ignore[attr-defined]
    assert "One number an article asserts" in page.locator(".metadata-description").inner_text()  # type: ignore[attr-defined]
    assert page.locator("input#_search").input_value() == "sales"  # type: ignore[attr-defined]
    assert page.locator("table.rows-and-columns tbody tr").count() == 2  # type: ignore[attr-defined]
    facets = page.locator(".facet-info").all_inner_texts()  # type: ignore[attr-defined]
    assert any(text.startswith("unit") for text in facets)
    # The column descriptions are under the table, collapsed; the rows come first.
    details = page.locator("details.claimwatch-columns")  # type: ignore[attr-defined]
    assert details.get_attribute("open") is None
    assert "ISO 4217 code for money" in details.locator("dl").text_content()
    table_top = page.locator("table.rows-and-columns").bounding_box()["y"]  # type: ignore[attr-defined]
    assert details.bounding_box()["y"] > table_top
    assert page.locator(".content > dl.column-descriptions").is_hidden()  # type: ignore[attr-defined]


@pytest.mark.browser
def test_claims_page_shows_figures_as_people_write_them_above_the_fold(
    served: tuple[str, Path, str], browser_page: object
) -> None:
    base, _, _ = served
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.goto(f"{base}/claimwatch/claims")  # type: ignore[attr-defined]
    row = page.locator("table.rows-and-columns tbody tr", has_text="patent licensing")  # type: ignore[attr-defined]
    value = row.locator("td.col-value")
    assert value.inner_text().strip() == "$630 million"  # stored as 630000000.0 USD
    assert (
        row.locator("td.col-key").inner_text().strip() == "Huawei · patent licensing income · 2024"
    )
    box = value.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, f"value cell at y={box}"
    values = page.locator("td.col-value").all_inner_texts()  # type: ignore[attr-defined]
    assert "400 billion yuan" in values and "14.1%" in values
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "datasette-claims.png"))  # type: ignore[attr-defined]
    # Exports keep the stored numbers.
    with urllib.request.urlopen(
        f"{base}/claimwatch/claims.json?_shape=array&unit=USD", timeout=10
    ) as response:
        assert [row["value"] for row in json.loads(response.read())] == [630e6]


def test_serving_writes_nothing(served: tuple[str, Path, str]) -> None:
    base, db_path, before = served
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{base}/claimwatch.json?sql=delete+from+claims", timeout=5)
    assert _digest(db_path) == before


def test_missing_database_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 2
    assert "no such database" in result.stderr


def test_port_in_use_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    db_path = tmp_path / "x.db"
    connect(db_path).close()
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = runner.invoke(cli, ["--db", str(db_path), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"Error: cannot listen on 127.0.0.1:{port}" in result.stderr


@pytest.mark.parametrize("hostile", ['"', "NEAR(", "*", "a OR", ""])
def test_canned_search_takes_any_text(served: tuple[str, Path, str], hostile: str) -> None:
    base, _, _ = served
    query = urllib.parse.urlencode({"q": hostile, "_shape": "array"})
    with urllib.request.urlopen(
        f"{base}/claimwatch/search_claims.json?{query}", timeout=10
    ) as response:
        assert response.status == 200
        assert json.loads(response.read()) == []
