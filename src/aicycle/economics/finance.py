"""NPV, IRR and payback for one cash-flow series, with flows at the end of years 0, 1, 2, ...

IRR is our own root finding: scan NPV over a grid of rates for sign changes, then Brent's method in
each bracket. A series whose flows never change sign has no IRR (None). When flows change sign more
than once there can be several IRRs; we return the one closest to zero (numpy-financial's rule too)
and `irr_roots` gives them all (roots closer together than one grid cell can be missed).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# Rates scanned for sign changes: dense near -100% (where NPV moves fastest) and around 0, sparse above.
RATE_GRID = np.concatenate([
    -1 + np.array([1e-6, 1e-5, 1e-4, 1e-3, 3e-3]),
    np.arange(-0.99, 1.0, 0.01),
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


def _npv_grid(flows: np.ndarray) -> np.ndarray:
    x = 1.0 / (1.0 + RATE_GRID)
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.zeros_like(x)
        for c in flows[::-1]:
            total = total * x + c
    return total


def irr_roots(flows: Sequence[float]) -> list[float]:
    """Every rate > -100% where NPV = 0 that the grid scan brackets, in ascending order."""
    from scipy.optimize import brentq  # lazy: scipy is slow to import

    values = np.asarray(flows, dtype=float)
    if not np.any(values > 0) or not np.any(values < 0):
        return []
    grid = _npv_grid(values)
    roots: list[float] = []
    for i in range(len(RATE_GRID) - 1):
        a, b = grid[i], grid[i + 1]
        if not (math.isfinite(a) and math.isfinite(b)):
            continue
        if a == 0.0:
            roots.append(float(RATE_GRID[i]))
        elif a * b < 0:
            roots.append(float(brentq(npv, RATE_GRID[i], RATE_GRID[i + 1], args=(list(values),),
                                      xtol=1e-14, rtol=1e-14, maxiter=200)))
    return roots


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
