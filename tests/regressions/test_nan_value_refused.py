"""Regression: `load-facts` stored a value `nan` as Meta's capex; the report printed "QoQ +nan%" and
its JSON held `NaN`. The row is refused now, and every JSON output is strict."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicycle.cli import app, print_json

FACTS = "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_a_non_finite_value_is_refused(home: Path, tmp_path: Path, value: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(FACTS + f"2026-10-30,Meta,META,capex_cash_ppe,{value},USD,Q3 2026,mine,my source,,,\n")
    runner = CliRunner()
    result = runner.invoke(app, ["load-facts", str(path)])
    assert result.exit_code == 2
    assert f"{path}: row 2: value" in result.stderr and "is not a finite number" in result.stderr
    report = runner.invoke(app, ["report"])
    assert "nan" not in report.stdout.lower()


def test_json_output_never_holds_nan(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"qoq": math.nan, "rows": [math.inf, 1.0]})
    out = capsys.readouterr().out
    parsed = json.loads(out, parse_constant=lambda c: pytest.fail(f"non-strict JSON constant {c}"))
    assert parsed == {"qoq": None, "qoq_null_reason": "not a finite number (nan)", "rows": [None, 1.0]}
