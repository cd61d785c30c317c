"""Regression: `economics --draws 100000000000` ran for 25 s and died with a MemoryError traceback.
The draw count is checked against the memory available before anything is allocated."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.economics import montecarlo
from aicycle.errors import InputError


def test_too_many_draws_is_refused_at_once() -> None:
    started = time.monotonic()
    result = CliRunner().invoke(app, ["economics", "--draws", "100000000000"])
    assert time.monotonic() - started < 5
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--draws: 100,000,000,000 draws need about" in result.stderr and "at most" in result.stderr


def test_the_cap_follows_the_memory_available() -> None:
    montecarlo.check_draws(1_000_000, memory=2**30)
    with pytest.raises(InputError, match="at most 8,388,608"):
        montecarlo.check_draws(10_000_000, memory=2**30)
