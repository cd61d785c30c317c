"""The numpy t and normal tails the one-event report uses agree with scipy's ufuncs."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from aicycle.eventstudy import core
from aicycle.eventstudy._tdist import t_two_sided, z_two_sided


@settings(max_examples=300, deadline=None)
@given(st.floats(-60, 60, allow_nan=False), st.integers(1, 1000))
def test_t_tail_matches_scipy(stat: float, dof: int) -> None:
    ours = t_two_sided(np.array([stat]), np.array([float(dof)]))[0]
    theirs = 2.0 * special.stdtr(dof, -abs(stat))
    # relative agreement where p is small (what a test turns on); near p = 1 scipy's own result is only good
    # to about 1e-9 (t = 3.7e-9, one degree of freedom: scipy 1.0, exactly 1 - 2.33e-9), so absolute there
    tolerance = 1e-9 * max(theirs, 1e-12) + 1e-14 if theirs < 0.5 else 1e-8
    assert abs(ours - theirs) <= tolerance


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 60, allow_nan=False))
def test_t_tail_with_one_degree_of_freedom_is_the_cauchy_tail(stat: float) -> None:
    exact = 1.0 - 2.0 / np.pi * np.arctan(stat)  # Student's t with one degree of freedom is the Cauchy law
    ours = t_two_sided(np.array([stat]), np.array([1.0]))[0]
    assert abs(ours - exact) <= 1e-12 * max(exact, 1e-3)


@settings(max_examples=200, deadline=None)
@given(st.floats(-30, 30, allow_nan=False))
def test_normal_tail_matches_scipy(stat: float) -> None:
    assert np.isclose(z_two_sided(np.array([stat]))[0], 2.0 * special.ndtr(-abs(stat)), rtol=1e-12, atol=0)


def test_edges_and_missing_values() -> None:
    p = t_two_sided(np.array([0.0, np.inf, -np.inf, np.nan, 2.0]), np.array([5.0, 5.0, 5.0, 5.0, np.nan]))
    assert p[0] == 1.0 and p[1] == 0.0 and p[2] == 0.0
    assert np.isnan(p[3]) and np.isnan(p[4])


def test_small_and_batch_paths_agree() -> None:
    rng = np.random.default_rng(7)
    stat, dof = rng.standard_normal((3, 5000)) * 4, rng.integers(2, 250, (3, 5000)).astype(float)
    batch = core.t_pvalue(stat, dof)  # 15,000 values: scipy
    small = np.vstack([core.t_pvalue(stat[i], dof[i]) for i in range(3)])  # 5,000 each: numpy
    assert np.allclose(batch, small, rtol=1e-9, atol=1e-14)
