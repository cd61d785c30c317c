"""`aicycle economics --seed -1` failed with "unexpected ValueError: expected non-negative integer" (the random
generator's): a seed below zero is now refused by the option itself, with a one-line error and exit status 2."""

from __future__ import annotations

from typer.testing import CliRunner

from aicycle.cli import app


def test_a_negative_seed_is_refused() -> None:
    result = CliRunner().invoke(app, ["economics", "--draws", "200", "--seed", "-1"])
    assert result.exit_code == 2
    assert "--seed" in result.output and "unexpected" not in result.output
