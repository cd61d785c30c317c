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
FULL_STEPS = 4
TOLERANCE = 1e-12


def npv_many(rate: float | np.ndarray, cols: Sequence[np.ndarray]) -> np.ndarray:
    x = 1.0 / (1.0 + np.asarray(rate, dtype=float))
    total = np.zeros_like(cols[0] * x, dtype=float)
    for c in reversed(cols):
        total *= x
        total += c
    return total


def sign_change_count(cols: Sequence[np.ndarray]) -> np.ndarray:
    """0, 1 or 2 (meaning two or more) sign changes per draw, zeros ignored, in cheap boolean passes."""
    seen_pos, seen_neg = cols[0] > 0, cols[0] < 0
    neg_after_pos = np.zeros(seen_pos.shape, dtype=bool)
    pos_after_neg = np.zeros(seen_pos.shape, dtype=bool)
    for c in cols[1:]:
        pos, neg = c > 0, c < 0
        neg_after_pos |= seen_pos & neg
        pos_after_neg |= seen_neg & pos
        seen_pos |= pos
        seen_neg |= neg
    # One change means every sign flip goes the same way; two or more changes flip both ways.
    return neg_after_pos.astype(np.int8) + pos_after_neg


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


def _newton(cols: Sequence[np.ndarray], x: np.ndarray, flip: np.ndarray,
            steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Safeguarded Newton on P(x) (c0 < 0 after the flip): returns x and which draws converged."""
    lo = np.zeros_like(x)                       # P(lo) < 0 below the root ...
    hi = np.full_like(x, np.inf)                # ... and P(hi) > 0 above it (one sign change)
    done = np.zeros(x.shape, dtype=bool)
    for _ in range(steps):
        p = np.zeros_like(x)
        dp = np.zeros_like(x)
        for c in reversed(cols):
            dp *= x
            dp += p
            p *= x
            p += c
        p *= flip
        dp *= flip
        np.copyto(lo, x, where=p < 0)
        np.copyto(hi, x, where=p > 0)
        step = p / dp
        done = (p == 0) | (np.abs(step) <= TOLERANCE * x)
        nxt = x - step
        bad = ~(done | ((nxt > lo) & (nxt < hi)))      # NaN/inf steps fail the comparisons too
        bisect = np.where(np.isfinite(hi), 0.5 * (lo + hi), 2.0 * x)
        np.copyto(nxt, bisect, where=bad)
        np.copyto(nxt, x, where=done)
        x = nxt
        if done.all():
            break
    return x, done


def irr_many(cols: Sequence[np.ndarray]) -> np.ndarray:
    """IRR of every draw (NaN where there is none); agrees with `finance.irr` draw by draw."""
    changes = sign_change_count(cols)
    single = (changes == 1) & (cols[0] != 0)
    flip = np.where(cols[0] > 0, -1.0, 1.0)        # make c0 negative so P < 0 below the root
    rate = np.full(changes.shape, np.nan)
    with np.errstate(all="ignore"):
        # A few steps on every draw, then only on the draws still moving (most converge in 3-4).
        x, done = _newton(cols, _guess(cols), flip, FULL_STEPS)
        todo = np.flatnonzero(single & ~done)
        if todo.size:
            sub = [np.broadcast_to(c, x.shape)[todo] for c in cols]
            x_sub, done_sub = _newton(sub, x[todo], flip[todo], NEWTON_STEPS)
            x[todo], done[todo] = x_sub, done_sub
        ok = single & done
        rate[ok] = 1.0 / x[ok] - 1.0
    # The rest goes through the scalar root finder: several sign changes, a zero first flow, or no
    # convergence (possible near r = -100%, where the polynomial is extremely flat).
    rest = np.flatnonzero((changes > 1) | ((changes == 1) & ~ok))
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
    pending = np.ones(shape, dtype=bool)
    any_negative = np.zeros(shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for t, c in enumerate(cols):
            before = cumulative
            cumulative = before + c
            any_negative |= c < 0
            crossed = pending & (cumulative >= 0) & (before < 0)
            if crossed.any():
                np.copyto(result, (t - 1) - before / c, where=crossed)
                pending &= ~crossed
    result[~any_negative] = 0.0
    return result
