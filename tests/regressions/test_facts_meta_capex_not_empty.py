"""`aicycle facts META capex`, the README's own example, printed an empty table: Meta's capex is
stored under its headline definition (capex_incl_finance_leases). `capex` now answers with each
company's headline definition and says which."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app


def test_facts_meta_capex_answers_with_the_headline_definition(home: Path) -> None:
    result = CliRunner().invoke(app, ["facts", "META", "capex"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "META capex (7 periods" in text and "no capex rows" not in text
    assert "Meta's headline definition: capital expenditures including principal payments on finance leases" in text
