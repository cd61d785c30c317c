"""NPV, IRR and payback for many cash-flow series at once (the Monte Carlo's inner loop).

Flows come as a list of columns: `cols[t]` is an array with every draw's flow at the end of year t.
Columns keep each array contiguous and small enough to stay in cache when the caller works in chunks.

IRR: draws whose flows change sign exactly once have one IRR; we find it with a safeguarded Newton
iteration on the NPV polynomial P(x) = sum c_t x^t in the discount factor x = 1/(1+r), over the whole
array, from a guess that is close for investment-then-income flows. Draws with no sign change get
NaN; draws with several sign changes, or that the iteration leaves unconverged, fall back to the
scalar `finance.irr` so both paths give the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aicycle.economics import finance

NEWTON_STEPS = 60
TOLERANCE = 1e-12


def npv_many(rate: float | np.ndarray, cols: Sequence[np.ndarray]) -> np.ndarray:
    x = 1.0 / (1.0 + np.asarray(rate, dtype=float))
    total = np.zeros_like(cols[0] * x, dtype=float)
    for c in reversed(cols):
        total *= x
        total += c
    return total


def sign_change_count(cols: Sequence[np.ndarray]) -> np.ndarray:
    last = np.zeros(cols[0].shape, dtype=np.int8)
    count = np.zeros(cols[0].shape, dtype=np.int16)
    for c in cols:
        s = np.sign(c).astype(np.int8)
        count += (s != 0) & (last != 0) & (s != last)
        last = np.where(s != 0, s, last)
    return count


def _guess(cols: Sequence[np.ndarray]) -> np.ndarray:
    """x0 from the single-exchange approximation: (income/outlay)^(1/D) with D the gap in mean timing."""
    pos = np.zeros(cols[0].shape)
    neg = np.zeros(cols[0].shape)
    pos_t = np.zeros(cols[0].shape)
    neg_t = np.zeros(cols[0].shape)
    for t, c in enumerate(cols):
        p = np.maximum(c, 0.0)
        pos += p
        neg += p - c
        if t:
            pos_t += t * p
            neg_t += t * (p - c)
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = pos_t / pos - neg_t / neg
        ratio = pos / neg
        rate = np.where(gap > 0, ratio ** (1.0 / gap) - 1.0, 0.1)
    rate = np.where(np.isfinite(rate), np.clip(rate, -0.95, 10.0), 0.1)
    return 1.0 / (1.0 + rate)


def irr_many(cols: Sequence[np.ndarray]) -> np.ndarray:
    """IRR of every draw (NaN where there is none); agrees with `finance.irr` draw by draw."""
    changes = sign_change_count(cols)
    flip = np.where(cols[0] > 0, -1.0, 1.0)        # make c0 negative so P < 0 below the root
    x = _guess(cols)
    lo = np.zeros_like(x)                           # P(lo) < 0 for one-sign-change flows with c0 < 0
    hi = np.full_like(x, np.inf)                    # P(hi) > 0
    active = changes == 1
    with np.errstate(all="ignore"):
        for _ in range(NEWTON_STEPS):
            p = np.zeros_like(x)
            dp = np.zeros_like(x)
            for c in reversed(cols):
                dp *= x
                dp += p
                p *= x
                p += c
            p *= flip
            dp *= flip
            lo = np.where(p < 0, x, lo)
            hi = np.where(p > 0, x, hi)
            step = p / dp
            done = (p == 0) | (np.abs(step) <= TOLERANCE * x)
            nxt = x - step
            bad = ~done & ~((nxt > lo) & (nxt < hi) & np.isfinite(nxt))
            bisect = np.where(np.isfinite(hi), 0.5 * (lo + hi), 2.0 * x)
            x = np.where(done, x, np.where(bad, bisect, nxt))
            if np.all(done | ~active):
                break
        rate = 1.0 / x - 1.0
    rate = np.where(active & (cols[0] != 0), rate, np.nan)
    # The rest goes through the scalar root finder: several sign changes, leading zeros, or no
    # convergence (possible near r = -100%, where the polynomial is extremely flat).
    rest = np.flatnonzero(((changes > 1) | ((changes == 1) & (cols[0] == 0))) | (active & ~done))
    if rest.size:
        matrix = np.stack([np.broadcast_to(c, x.shape)[rest] for c in cols], axis=1)
        for i, row in zip(rest, matrix, strict=True):
            found = finance.irr(row)
            rate[i] = np.nan if found is None else found
    return rate


def payback_many(cols: Sequence[np.ndarray]) -> np.ndarray:
    """Payback years per draw (NaN if never), same rule as `finance.payback`."""
    shape = np.broadcast(*cols).shape
    cumulative = np.zeros(shape)
    result = np.full(shape, np.nan)
    any_negative = np.zeros(shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for t, c in enumerate(cols):
            before = cumulative
            cumulative = before + c
            any_negative |= c < 0
            crossed = (cumulative >= 0) & (before < 0) & np.isnan(result)
            result = np.where(crossed, (t - 1) - before / c, result)
    return np.where(~any_negative, 0.0, result)
