"""Regression: in an 80-column terminal the table of `aicycle facts` wrapped long values over two
lines ("6,422,000,\n000"), so the number could not be read or copied."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.sec.edgar_facts import load_file
from aicycle.store import writing


def test_values_stay_on_one_line(home: Path, data_dir: Path) -> None:
    with writing() as store:
        load_file(store, data_dir / "edgar" / "companyfacts_trimmed" / "CIK0001769628_coreweave_trimmed.json",
                  "CRWV")
    result = CliRunner().invoke(app, ["facts", "CRWV", "capex"], terminal_width=80)
    assert result.exit_code == 0 and "6,422,000,000" in result.output
