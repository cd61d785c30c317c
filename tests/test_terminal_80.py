"""Every command's terminal output at 80 columns: no line overflows, no table column is cut to nothing
(a header or cell reduced to "" or to a word and "…"), on the bundled snapshot."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from aicycle import cli
from aicycle.cli import app

WIDTH = 80
SENTENCES = "We will cut capex next year.\nOur data-center investments keep growing strongly.\nRevenue grew.\n"
COMMANDS: list[list[str]] = [
    ["report"],
    ["report", "--as-of", "2025-06-30"],
    ["check", "Meta is cutting AI capex"],
    ["check", "GPU rental prices are collapsing", "--as-of", "2026-08-01"],
    ["event", "meta_compute_report"],
    ["event", "--list"],
    ["event", "compare", "meta_compute_report", "meta_q2_2026_results"],
    ["gpu", "prices"],
    ["gpu", "prices", "--sku", "B200", "--as-of", "2026-06-30"],
    ["facts", "MSFT", "capex"],
    ["facts", "CRWV", "backlog"],
    ["store", "info"],
    ["config", "show"],
    ["economics", "--draws", "2000"],
    ["economics", "article-lease-idle", "--draws", "2000", "--set", "utilization=0.3"],
    ["economics", "--list"],
    ["economics", "--inputs"],
    ["language", "tone", "DELL"],
    ["language", "saydo", "AMD"],
    ["language", "evaluate"],
    ["language", "classify", "-", "--format", "table"],
]
CUT = re.compile(r"[^\s…]…$")  # Rich's ellipsis at the end of a cell cut short


@pytest.fixture(scope="module")
def snapshot_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        home = tmp_path_factory.mktemp("home80")
        mp.setenv("AICYCLE_HOME", str(home))
        mp.setattr(cli.console, "width", WIDTH)
        yield home


def problems(text: str) -> list[str]:
    """Lines wider than 80 cells; box-table cells cut to "…"; header columns left empty."""
    found = [f"overflow ({cell_len(line)}): {line!r}" for line in text.splitlines() if cell_len(line) > WIDTH]
    header: list[str] = []
    for line in text.splitlines():
        if "┃" in line:  # a header line of a boxed table: collect each column's words
            cells = line.split("┃")[1:-1]
            header = [h + c.strip() for h, c in zip(header, cells, strict=False)] if header else [
                c.strip() for c in cells]
            continue
        if header:
            found += [f"header column {i} empty: {line!r}" for i, h in enumerate(header) if not h]
            header = []
        if "│" in line:
            found += [f"cell cut: {c.strip()!r}" for c in line.split("│") if CUT.search(c.strip())]
    return found


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_command_fits_80_columns(args: list[str], snapshot_home: Path) -> None:
    result = CliRunner().invoke(app, args, input=SENTENCES if "classify" in args else None)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip(), "no output"
    assert problems(result.stdout) == []


def test_refresh_and_gpu_collect_summaries_fit_80_columns() -> None:
    """The two network commands, rendered from summaries shaped like a real run's."""
    from aicycle import refresh
    from aicycle.render.gpu_prices import print_collect

    console = Console(record=True, width=WIDTH, file=io.StringIO())
    long_url = "https://data.sec.gov/api/xbrl/companyfacts/CIK0001326801.json"
    summary = {"sources": {
        "sec": {"ok": ["META", "MSFT"], "failed": {"ORCL": f"HTTP 503 from {long_url} after 4 tries"},
                "changes": {"META": {"inserted": 12, "changed": 1}}},
        "gpu": {"ok": ["vastai"], "failed": {}, "skipped": {"lambda": "no AICYCLE_LAMBDA_API_KEY set"},
                "changes": {"gpu_prices": {"inserted": 40, "changed": 0}}}}, "failed_all": False}
    refresh.print_summary(summary, console)
    console.print(refresh.status_line("sec", summary["sources"]["sec"], 3.2))
    print_collect(console, {"providers": [{"provider": "vastai", "status": "ok", "detail": "212 offers"},
                                          {"provider": "lambda", "status": "skipped (no key)",
                                           "detail": "set AICYCLE_LAMBDA_API_KEY to collect"}],
                            "snapshot_id": "2026-10-05T12:00:00", "rows_inserted": 212})
    assert problems(console.export_text()) == []


def test_the_checker_catches_what_issue_18_saw() -> None:
    """The old `gpu prices` table at 80 columns: columns collapsed to nothing and cut dates."""
    old = ("┏━━┳━━┳━━━━━━━━━━━━━━━━━━━━┓\n┃  ┃  ┃ day                ┃\n┡━━╇━━╇━━━━━━━━━━━━━━━━━━━━┩\n"
           "│  │  │ 2026-10-01 (stale) │\n│ META │ 2026-… │ x │\n")
    found = problems(old)
    assert any("empty" in p for p in found) and any("cut" in p for p in found)
