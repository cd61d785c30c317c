"""Student-t and normal tail probabilities in numpy alone, for small arrays.

Importing `scipy.special` costs about 0.3 s (it pulls in its array-API layer and parts of numpy it
never uses), more than the rest of a one-event study. The report studies one event with a dozen
securities, so for arrays that small a continued fraction is faster than the import; large
batches still go to scipy's ufuncs, which are faster per element.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
_TINY = 1e-300
_EPS = 1e-15
_MAX_TERMS = 400
_lgamma = np.vectorize(math.lgamma, otypes=[float])
_erfc = np.vectorize(math.erfc, otypes=[float])


def _continued_fraction(a: Array, b: Array, x: Array) -> Array:
    """The incomplete beta's continued fraction (modified Lentz), element by element."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = _nonzero(1.0 - qab * x / qap) ** -1.0
    h = d.copy()
    for m in range(1, _MAX_TERMS + 1):
        m2 = 2.0 * m
        step = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = _nonzero(1.0 + step * d) ** -1.0
        c = _nonzero(1.0 + step / c)
        h *= d * c
        step = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = _nonzero(1.0 + step * d) ** -1.0
        c = _nonzero(1.0 + step / c)
        delta = d * c
        h *= delta
        if np.all(np.abs(delta - 1.0) < _EPS):
            break
    return h


def _nonzero(v: Array) -> Array:
    return np.where(np.abs(v) < _TINY, _TINY, v)


def betainc(a: Array, b: Array, x: Array, y: Array) -> Array:
    """Regularized incomplete beta I_x(a, b) for 0 < x < 1, a, b > 0; `y` is 1 - x, passed in
    because the caller can form it without the cancellation of 1.0 - x near x = 1."""
    with np.errstate(divide="ignore", invalid="ignore"):
        front = np.exp(_lgamma(a + b) - _lgamma(a) - _lgamma(b) + a * np.log(x) + b * np.log(y))
        direct = x < (a + 1.0) / (a + b + 2.0)
        # The fraction converges fast only below the mode; above it, use I_x(a,b) = 1 - I_{1-x}(b,a).
        aa, bb, xx = np.where(direct, a, b), np.where(direct, b, a), np.where(direct, x, y)
        part = front * _continued_fraction(aa, bb, xx) / aa
        return np.where(direct, part, 1.0 - part)


def t_two_sided(stat: Array, dof: Array) -> Array:
    """P(|T| >= |stat|) for Student's t with `dof` degrees of freedom; NaN where either is."""
    t, nu = np.broadcast_arrays(np.asarray(stat, float), np.asarray(dof, float))
    out = np.full(t.shape, np.nan)
    ok = np.isfinite(nu) & (nu > 0) & ~np.isnan(t)
    out[ok & np.isinf(t)] = 0.0
    out[ok & (t == 0.0)] = 1.0
    mid = ok & np.isfinite(t) & (t != 0.0)
    if mid.any():
        tm, nm = t[mid], nu[mid]
        t2 = tm * tm
        out[mid] = betainc(nm / 2.0, np.full_like(nm, 0.5), nm / (nm + t2), t2 / (nm + t2))
    return out


def z_two_sided(stat: Array) -> Array:
    """P(|Z| >= |stat|) for a standard normal Z."""
    z = np.asarray(stat, float)
    return _erfc(np.abs(z) / math.sqrt(2.0)) if z.size else z.copy()
