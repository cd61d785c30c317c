"""`aicycle --help` broke a command's description where its docstring was wrapped in the source
("..., with sources;" then "overlapping rows are marked" on a short line of its own)."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from aicycle.cli import app

runner = CliRunner()


def _groups() -> list[list[str]]:
    root = typer.main.get_command(app)
    return [[]] + [[name] for name, cmd in getattr(root, "commands", {}).items() if hasattr(cmd, "commands")]


def _panel_text(output: str) -> str:
    """The Commands panel's description column, joined into one line of words."""
    rows = [line.rstrip("│ ") for line in output.split("Commands")[-1].splitlines() if line.startswith("│")]
    first = re.match(r"│ \S+\s+", rows[0])
    assert first, rows[0]
    return " ".join(" ".join(row[first.end():] for row in rows).split())


@pytest.mark.parametrize("group", _groups(), ids=lambda g: " ".join(g) or "aicycle")
def test_every_listed_description_is_its_first_paragraph_in_full(group: list[str]) -> None:
    result = runner.invoke(app, [*group, "--help"], env={"COLUMNS": "80", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    shown = _panel_text(result.output)
    root = typer.main.get_command(app)
    node = root
    for name in group:
        node = node.commands[name]  # type: ignore[attr-defined]
    ctx = typer.Context(node)
    for name in node.list_commands(ctx):  # type: ignore[attr-defined]
        help_line = node.get_command(ctx, name).short_help  # type: ignore[attr-defined]
        assert "\n" not in help_line
        lead = " ".join(help_line.split()[:12])
        assert re.sub(r"\s+", " ", lead) in shown, f"`{' '.join([*group, name])}` listed as broken lines"
