"""NPV, IRR and payback for one cash-flow series, with flows at the end of years 0, 1, 2, ...

IRR is our own root finding: scan NPV over a grid of rates for sign changes, then Brent's method in
each bracket. A series whose flows never change sign has no IRR (None). When flows change sign more
than once there can be several IRRs; we return the one closest to zero (numpy-financial's rule too)
and `irr_roots` gives them all (roots closer together than one grid cell can be missed).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

# Rates scanned for sign changes: from -100% itself, dense near it (where NPV moves fastest) and
# around 0, sparse above.
RATE_GRID = np.concatenate([
    -1 + np.array([0.0, 1e-12, 1e-9, 1e-6, 1e-5, 1e-4, 1e-3, 3e-3]),
    np.round(np.arange(-0.99, 1.0, 0.01), 2),     # rounded so 0 is exactly a grid point
    np.array([1.0, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0, 1e3, 1e4, 1e6]),
])


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value; flows[0] is at t=0 (undiscounted)."""
    if rate <= -1:
        raise ValueError("rate must be > -1")
    x = 1.0 / (1.0 + rate)
    total = 0.0
    for c in reversed(flows):       # Horner in the discount factor: stable and exact to rounding
        total = total * x + c
    return total


def scaled_npv(rate: float, flows: Sequence[float]) -> float:
    """NPV times a positive factor that keeps it finite near -100%: same sign, same roots.

    Below a rate of 0 it is NPV x (1+r)^(T-1) = sum c_t (1+r)^(T-1-t), a polynomial in 1+r that
    is well-behaved as r -> -1 (where plain NPV overflows); it equals NPV at r = 0 so it is continuous.
    """
    if rate >= 0:
        return npv(rate, flows)
    y = 1.0 + rate
    total = 0.0
    for c in flows:
        total = total * y + c
    return total


def _trim(flows: Sequence[float]) -> list[float]:
    values = [float(c) for c in flows]
    while values and values[-1] == 0.0:     # trailing zeros change neither NPV nor its roots
        values.pop()
    return values


def _scaled_grid(values: list[float]) -> np.ndarray:
    """`scaled_npv` at every grid rate at once (Horner over the whole grid)."""
    y = 1.0 + RATE_GRID
    below = np.zeros_like(y)
    above = np.zeros_like(y)
    with np.errstate(all="ignore"):   # each half may overflow (or divide by 0) only where unused
        x = 1.0 / y
        for c in values:
            below = below * y + c
        for c in reversed(values):
            above = above * x + c
    return np.where(RATE_GRID < 0, below, above)


def irr_roots(flows: Sequence[float]) -> list[float]:
    """Every rate > -100% where NPV = 0 that the grid scan brackets, in ascending order."""
    from scipy.optimize import brentq  # lazy: scipy is slow to import

    values = _trim(flows)
    if not any(c > 0 for c in values) or not any(c < 0 for c in values):
        return []
    grid = _scaled_grid(values).tolist()
    roots: list[float] = []
    for i in range(len(RATE_GRID) - 1):
        a, b = grid[i], grid[i + 1]
        if not (math.isfinite(a) and math.isfinite(b)):
            continue
        if a == 0.0 and i > 0:
            roots.append(float(RATE_GRID[i]))
        elif a * b < 0:
            roots.append(_solve(brentq, values, float(RATE_GRID[i]), float(RATE_GRID[i + 1])))
    return roots


def _solve(brentq: Any, values: list[float], lo: float, hi: float) -> float:
    """Brent's method in a bracket; below 0 in y = 1 + r, so rates near -100% keep full precision."""
    if hi <= 0:
        y = brentq(lambda y: scaled_npv(y - 1.0, values), 1.0 + lo, 1.0 + hi,
                   xtol=1e-300, rtol=1e-15, maxiter=300)
        return float(y - 1.0)
    return float(brentq(npv, lo, hi, args=(values,), xtol=1e-300, rtol=1e-15, maxiter=300))


def irr(flows: Sequence[float]) -> float | None:
    """Internal rate of return; None when NPV never crosses zero (e.g. flows of one sign)."""
    roots = irr_roots(flows)
    return min(roots, key=abs) if roots else None


def sign_changes(flows: Sequence[float]) -> int:
    signs = [c > 0 for c in flows if c != 0]
    return sum(1 for a, b in zip(signs, signs[1:], strict=False) if a != b)


def payback(flows: Sequence[float]) -> float | None:
    """Years from t=0 until cumulative (undiscounted) cash turns non-negative, linear within the year.

    Cash is taken to arrive evenly through the year in which the balance crosses zero, so a year-3
    flow that covers 40% of what is still owed gives 2.4 years. None when it never pays back.
    """
    cumulative = 0.0
    for t, c in enumerate(flows):
        before = cumulative
        cumulative += c
        if cumulative >= 0 and before < 0:
            return (t - 1) + (-before / c)
    return 0.0 if all(c >= 0 for c in flows) else None


def discounted(flows: Sequence[float], rate: float) -> list[float]:
    return [c / (1.0 + rate) ** t for t, c in enumerate(flows)]
