"""Regression: a row dated 2099-01-01 through `gpu import` or `load-facts` was stored; the report's
default date jumped to 2099 and its verdict silently became "insufficient data". Both now refuse
the row (exit 2, file, row and field named) and the store is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app

FACTS = "date,company,ticker,metric,value,unit,period,source_type,source,source_url,seen_via,notes\n"


def test_future_rows_are_refused_and_the_report_keeps_its_date(home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    before = json.loads(runner.invoke(app, ["report", "--json"]).stdout)["as_of"]
    gpu = tmp_path / "gpu.csv"
    gpu.write_text("date,sku,price,term,source,url\n2099-01-01,H100,2.5,on_demand,mine,\n")
    bad = runner.invoke(app, ["gpu", "import", str(gpu)])
    assert bad.exit_code == 2 and f"{gpu}:2: date '2099-01-01' is in the future" in " ".join(bad.stderr.split())
    facts = tmp_path / "f.csv"
    facts.write_text(FACTS + "2099-01-01,Meta,META,capex_cash_ppe,5e9,USD,Q3 2026,mine,my source,,,\n")
    bad = runner.invoke(app, ["load-facts", str(facts)])
    assert bad.exit_code == 2
    assert f"{facts}: row 2: filed 2099-01-01 is in the future" in " ".join(bad.stderr.split())
    assert json.loads(runner.invoke(app, ["report", "--json"]).stdout)["as_of"] == before
