"""NPV, IRR and payback: our own root finding against numpy-financial, scalar against vectorized."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aicycle.economics import finance, vector

# Any cash flow from a cent to ten million, either sign (no subnormal dust: roots within 1e-300 of
# -100% cannot be told apart in floating point).
money = st.one_of(st.just(0.0), st.floats(1e-2, 1e7), st.floats(-1e7, -1e-2))
# Flows of a project: magnitudes within four orders of each other (numpy-financial's eigenvalue root
# finder loses precision when the last flow is many orders smaller than the rest, so the comparison
# uses flows it can solve exactly).
magnitude = st.floats(min_value=1.0, max_value=1e4)
income = st.one_of(st.just(0.0), magnitude)


@st.composite
def one_sign_change(draw: st.DrawFn) -> list[float]:
    """An investment (one or more outlays) followed by income: exactly one IRR exists."""
    scale = draw(st.sampled_from([1.0, 1e3, 1e6]))
    outlays = [-draw(magnitude) * scale for _ in range(draw(st.integers(1, 3)))]
    incomes = draw(st.lists(income, min_size=1, max_size=25))
    assume(incomes[-1] > 0)
    return outlays + [c * scale for c in incomes]


@settings(deadline=None)
@given(rate=st.floats(min_value=-0.9, max_value=3.0), flows=st.lists(money, min_size=1, max_size=30))
def test_npv_agrees_with_numpy_financial(rate: float, flows: list[float]) -> None:
    scale = sum(abs(c) / (1 + rate) ** t for t, c in enumerate(flows))
    assert abs(finance.npv(rate, flows) - npf.npv(rate, flows)) <= 1e-6 * max(scale, 1.0)


@settings(max_examples=300, deadline=None)
@given(flows=one_sign_change())
def test_irr_agrees_with_numpy_financial(flows: list[float]) -> None:
    expected = npf.irr(flows)
    ours = finance.irr(flows)
    assert ours is not None and math.isfinite(expected)
    assert abs(ours - expected) <= 1e-6


@settings(max_examples=300, deadline=None)
@given(flows=st.lists(money, min_size=2, max_size=15))
def test_every_irr_found_is_a_root(flows: list[float]) -> None:
    ours = finance.irr(flows)
    if finance.sign_changes(flows) == 0:
        assert ours is None
        return
    for root in finance.irr_roots(flows):
        assert root >= -1
        if root == -1:             # a root closer to -100% than a float can say: nothing to bracket
            continue
        # NPV changes sign (or is zero) within 1e-9 of the root: scaled NPV keeps it finite near -100%.
        step = 1e-9 * max(1.0, abs(root))
        below = finance.scaled_npv(max(root - step, -1.0), flows)
        above = finance.scaled_npv(root + step, flows)
        assert below * above <= 0


def test_no_sign_change_has_no_irr() -> None:
    assert finance.irr([100.0, 20.0, 30.0]) is None
    assert finance.irr([-100.0, -20.0, 0.0]) is None
    assert finance.irr([0.0, 0.0]) is None


def test_irr_close_to_minus_100_percent() -> None:
    assert finance.irr([-1.0, 1e-9]) == pytest.approx(-1 + 1e-9, abs=1e-15)
    assert finance.irr([-1e6, 0.0, 0.0, 1.0]) == pytest.approx(1e-2 - 1, abs=1e-12)


def test_several_irrs_reports_the_one_closest_to_zero() -> None:
    # (1+r)^-2 polynomial with roots at r = 10% and r = 20%: -100(1.1)(1.2) pattern.
    flows = [-100.0, 230.0, -132.0]
    roots = finance.irr_roots(flows)
    assert roots == pytest.approx([0.1, 0.2], abs=1e-12)
    assert finance.irr(flows) == pytest.approx(0.1, abs=1e-12)
    assert finance.irr(flows) == pytest.approx(npf.irr(flows), abs=1e-9)


def test_payback_interpolates_within_the_year() -> None:
    assert finance.payback([-100.0, 30.0, 30.0, 100.0]) == pytest.approx(2.4)
    assert finance.payback([-100.0, 50.0, 50.0]) == pytest.approx(2.0)
    assert finance.payback([-100.0, 10.0, 10.0]) is None
    assert finance.payback([0.0, -100.0, 150.0]) == pytest.approx(1 + 100 / 150)
    assert finance.payback([10.0, 5.0]) == 0.0


def _columns(matrix: np.ndarray) -> list[np.ndarray]:
    return [np.ascontiguousarray(matrix[:, t]) for t in range(matrix.shape[1])]


def test_vectorized_irr_matches_scalar_draw_by_draw() -> None:
    rng = np.random.default_rng(3)
    conventional = np.column_stack([-rng.uniform(1, 100, 2000), rng.uniform(0, 40, (2000, 6))])
    mixed = rng.normal(0, 50, (300, 5))                       # several sign changes, often no IRR
    for matrix in (conventional, mixed):
        got = vector.irr_many(_columns(matrix))
        for row, value in zip(matrix, got, strict=True):
            want = finance.irr(row.tolist())
            if want is None:
                assert math.isnan(value)
            else:
                assert value == pytest.approx(want, abs=1e-9)


def test_vectorized_payback_and_npv_match_scalar() -> None:
    rng = np.random.default_rng(4)
    matrix = np.column_stack([-rng.uniform(1, 100, 500), rng.normal(20, 30, (500, 7))])
    paybacks = vector.payback_many(_columns(matrix))
    npvs = vector.npv_many(0.08, _columns(matrix))
    for row, pb, value in zip(matrix, paybacks, npvs, strict=True):
        want = finance.payback(row.tolist())
        assert (math.isnan(pb) and want is None) or pb == pytest.approx(want)
        assert value == pytest.approx(finance.npv(0.08, row.tolist()))
