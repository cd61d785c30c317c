"""The vectorized core: normal-return models, abnormal returns and per-security t statistics.

Every array has one row per security-event (K rows). Estimation-window returns are (K, L) with NaN
where a return is missing or flagged; event-window returns are (K, W). Nothing loops over rows, so
500 securities x 1,000 events is one pass of numpy (benchmarks/bench_eventstudy.py).

Models (MacKinlay 1997, "Event Studies in Economics and Finance", J. Econ. Lit. 35(1)):
- market: R = alpha + beta * M + e, OLS over the estimation window (k = 2 parameters);
- market_adjusted: alpha = 0, beta = 1 (no estimation; k = 1 for the variance's mean);
- constant_mean: R = mu + e (k = 1).
Variances include the estimation error of alpha and beta (MacKinlay 1997 eq. 7; Campbell, Lo and
MacKinlay 1997 sec. 4.4): Var(AR_t) = s2 (1 + 1/n + (M_t - mean M)^2 / Sxx) and
Var(CAR) = s2 (W + W^2/n + (sum_t (M_t - mean M))^2 / Sxx).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aicycle.eventstudy import _tdist

MODELS = ("market", "market_adjusted", "constant_mean")

Array = NDArray[np.float64]
# Below this many statistics numpy's continued fraction beats importing scipy.special (~0.3 s).
_SMALL = 10_000


@dataclass
class Fit:
    """Estimates and abnormal returns for K security-events."""

    model: str
    n: NDArray[np.int64]      # usable estimation returns per row
    dof: Array                # residual degrees of freedom
    alpha: Array
    beta: Array
    sigma: Array              # residual standard deviation
    used: NDArray[np.bool_]   # (K, L) estimation returns that entered the fit
    resid0: Array             # (K, L) estimation-window residuals, 0 where unused (mean 0 per row)
    ar: Array                 # (K, W) abnormal returns
    ar_se: Array              # (K, W) standard error of each AR
    car: Array                # (K,)
    car_se: Array             # (K,)

    @property
    def resid(self) -> Array:
        return np.where(self.used, self.resid0, np.nan)

    @property
    def t_ar(self) -> Array:
        with np.errstate(invalid="ignore", divide="ignore"):   # a zero-variance row gives NaN, not a warning
            return self.ar / self.ar_se

    @property
    def t_car(self) -> Array:
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.car / self.car_se


def fit(r_est: Array, m_est: Array, r_evt: Array, m_evt: Array, model: str = "market") -> Fit:
    """Estimate the model on the estimation window and compute ARs and CARs over the event window."""
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}")
    use_market = model != "constant_mean"
    mask = np.isfinite(r_est)
    if use_market:
        mask &= np.isfinite(m_est)
    n = mask.sum(axis=1)
    nf = np.maximum(n, 1).astype(float)
    complete = bool(mask.all())   # the usual case: skip the masking copies
    r0 = r_est if complete else np.where(mask, r_est, 0.0)
    my = r0.sum(axis=1) / nf
    w = r_evt.shape[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        if model == "market":
            m0 = m_est if complete else np.where(mask, m_est, 0.0)
            mx = m0.sum(axis=1) / nf
            sxx = np.einsum("ij,ij->i", m0, m0) - nf * mx * mx
            beta = (np.einsum("ij,ij->i", m0, r0) - nf * mx * my) / sxx
            alpha = my - beta * mx
            resid0 = r0 - beta[:, None] * m0
            resid0 -= alpha[:, None]
            k = 2
        elif model == "market_adjusted":
            beta = np.ones_like(my)
            m0 = m_est if complete else np.where(mask, m_est, 0.0)
            alpha = np.zeros_like(my)
            resid0 = r0 - m0
            # Brown and Warner (1985): variance of the estimation-window ARs around their mean.
            resid0 -= (resid0.sum(axis=1) / nf)[:, None]
            k = 1
        else:
            beta = np.zeros_like(my)
            alpha = my
            resid0 = r0 - my[:, None]
            k = 1
        if not complete:
            resid0 *= mask
        dof = (n - k).astype(float)
        s2 = np.einsum("ij,ij->i", resid0, resid0) / dof
        ar = r_evt - alpha[:, None] - (beta[:, None] * m_evt if use_market else 0.0)
        if model == "market":
            dev = m_evt - mx[:, None]
            ar_var = s2[:, None] * (1.0 + 1.0 / nf[:, None] + dev**2 / sxx[:, None])
            car_var = s2 * (w + w * w / nf + dev.sum(axis=1) ** 2 / sxx)
        elif model == "constant_mean":
            ar_var = np.repeat((s2 * (1.0 + 1.0 / nf))[:, None], w, axis=1)
            car_var = s2 * (w + w * w / nf)
        else:
            ar_var = np.repeat(s2[:, None], w, axis=1)
            car_var = s2 * w
    bad = n <= k + 1
    for arr in (alpha, beta, s2, car_var, ar_var):
        arr[bad] = np.nan
    return Fit(model=model, n=n, dof=dof, alpha=alpha, beta=beta, sigma=np.sqrt(s2), used=mask,
               resid0=resid0, ar=ar, ar_se=np.sqrt(ar_var), car=ar.sum(axis=1), car_se=np.sqrt(car_var))


def t_pvalue(stat: Array, dof: Array | float) -> Array:
    """Two-sided p-value of a Student t statistic."""
    if np.size(stat) <= _SMALL:
        return _tdist.t_two_sided(stat, np.asarray(dof, float))
    from scipy import special  # a batch: the ufunc is faster per element than the fraction

    return 2.0 * special.stdtr(dof, -np.abs(stat))


def z_pvalue(stat: Array) -> Array:
    """Two-sided p-value of a standard-normal statistic."""
    if np.size(stat) <= _SMALL:
        return _tdist.z_two_sided(stat)
    from scipy import special

    return 2.0 * special.ndtr(-np.abs(stat))
