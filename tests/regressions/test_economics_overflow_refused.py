"""Regression: `aicycle economics --set capex_per_gpu=1e308` passed validation and overflowed: capex
Infinity, NPV NaN, "P(NPV<0) 0.0%", and JSON with NaN/Infinity. Inputs are bounded to physical ranges
(said in the error), and no output of a bounded run is ever non-finite."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aicycle.cli import app
from aicycle.economics import scenarios
from aicycle.economics.inputs import SPECS


def test_an_absurd_capex_is_refused_with_the_allowed_range() -> None:
    result = CliRunner().invoke(app, ["economics", "--set", "capex_per_gpu=1e308", "--json"])
    assert result.exit_code == 2
    assert "capex_per_gpu: 1e+308 must be <= 1,000,000 (USD/GPU; allowed: 0 .. 1,000,000)" in result.stderr


def _finite(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


def _edge(spec: object) -> st.SearchStrategy[float]:
    low = spec.low if spec.low is not None else 0.0  # type: ignore[attr-defined]
    high = spec.high  # type: ignore[attr-defined]
    if spec.low_open:  # type: ignore[attr-defined]
        low = low + 1e-6
    if spec.high_open:  # type: ignore[attr-defined]
        high = high - 1e-6
    values = st.sampled_from([low, high, (low + high) / 2])
    return values.map(round) if spec.integer else values  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({s.name: _edge(s) for s in SPECS}))
def test_every_output_is_finite_at_the_edges_of_the_inputs(inputs: dict[str, float]) -> None:
    result = scenarios.run(None, inputs, draws=200, seed=1)
    assert _finite(result)
    json.dumps(result, allow_nan=False, default=str)
