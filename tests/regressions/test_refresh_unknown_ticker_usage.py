"""Regression: `refresh --ticker ZZZZ` tried every source, reported each as failed and exited 1; an
unknown ticker is a usage error: one line, exit 2, nothing fetched."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app


def test_an_unknown_ticker_is_a_usage_error(home: Path) -> None:
    result = CliRunner().invoke(app, ["refresh", "--ticker", "ZZZZ"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --ticker: unknown ticker(s) 'ZZZZ'")
    assert "failed" not in result.stdout
