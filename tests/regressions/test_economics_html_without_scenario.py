"""Regression: `aicycle economics --html PATH` without a scenario died with jinja2's UndefinedError
('dict object' has no attribute 'quote'): the neutral defaults have no source quote."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aicycle.cli import app


def test_the_defaults_page_is_written(tmp_path: Path) -> None:
    page = tmp_path / "econ.html"
    result = CliRunner().invoke(app, ["economics", "--draws", "200", "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "Neutral defaults" in html and "<blockquote>" not in html
