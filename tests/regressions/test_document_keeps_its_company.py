"""Regression: ingesting a text already stored under another company moved it there (AMD's transcript
became NVIDIA's, its title and source overwritten) and the output said only "1 changed"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.store import open_store


def test_the_same_text_under_another_company_is_refused(home: Path, tmp_path: Path) -> None:
    amd = tmp_path / "amd_call.txt"
    amd.write_text("We will expand capital expenditures meaningfully next year to meet AI demand.\n")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(amd), "--company", "AMD", "--date", "2026-01-01"]).exit_code == 0
    nvda = tmp_path / "nvda_call.txt"
    nvda.write_bytes(amd.read_bytes())
    moved = runner.invoke(app, ["ingest", str(nvda), "--company", "NVDA", "--date", "2026-02-01"])
    assert moved.exit_code == 2
    said = " ".join(moved.stderr.split())
    assert "already stored as AMD's transcript of 2026-01-01" in said and "nothing was stored" in said
    with open_store() as store:
        rows = store.query("SELECT ticker, date::VARCHAR AS date, title FROM documents WHERE source LIKE 'file:%'")
    assert rows == [{"ticker": "AMD", "date": "2026-01-01", "title": "amd_call.txt"}]


def test_a_renamed_file_says_what_changed(home: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Capex will grow next year.\n")
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(first), "--company", "AMD", "--date", "2026-01-01"])
    second = tmp_path / "b.txt"
    second.write_bytes(first.read_bytes())
    result = runner.invoke(app, ["ingest", str(second), "--company", "AMD", "--date", "2026-01-01"])
    assert result.exit_code == 0 and "0 new, 1 changed" in result.stdout
    assert "title 'a.txt' -> 'b.txt'" in " ".join(result.stdout.split())
