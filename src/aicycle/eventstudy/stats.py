"""Cross-sectional tests over the securities of one event (vectorized across events).

`groups` gives each security-event row its event; rows of one event must be contiguous (sorted).
All statistics are two-sided. References (full list in docs/event_study.md):

- cross_sectional_t: CAAR / (sd(CAR) / sqrt(N)), Brown and Warner (1985).
- patell: Patell (1976), Z = sum SCAR_i / sqrt(sum dof_i / (dof_i - 2)), SCAR_i = CAR_i / se(CAR_i).
- bmp: Boehmer, Musumeci and Poulsen (1991), t = mean(SCAR) / (sd(SCAR) / sqrt(N)), t(N-1).
- bmp_kp: Kolari and Pynnonen (2010): bmp * sqrt((1 - r) / (1 + (N - 1) r)), r = mean pairwise
  correlation of estimation-window residuals, for clustered event days (every security here shares one).
- portfolio: Brown and Warner (1980, 1985) "crude dependence adjustment": the equal-weight portfolio's
  abnormal return, its sd over the estimation window, t = CAAR / (sqrt(W) sd), t(L - 1).
- generalized_sign: Cowan (1992), positive CARs against the estimation-window share of positive ARs.
- corrado_rank: Corrado (1989) with Corrado and Zivney's (1992) standardized ranks and Cowan's (1992)
  multi-day form: T = sum over the window of mean U_t / (sqrt(W) S_U).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from aicycle.eventstudy.core import Array, Fit, t_pvalue, z_pvalue


def _starts(groups: np.ndarray) -> np.ndarray:
    if groups.size and np.any(np.diff(groups) < 0):
        raise ValueError("rows of one event must be contiguous (sort by group)")
    return np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if groups.size else groups


def _gsum(x: Array, starts: np.ndarray) -> Array:
    return np.add.reduceat(x, starts, axis=0)


def cross_section(f: Fit, groups: np.ndarray) -> dict[str, Array]:
    """Per event (group): N, CAAR and each test statistic with its p-value."""
    starts = _starts(groups)
    sizes = np.diff(np.r_[starts, len(f.car)])
    ok = np.isfinite(f.car) & np.isfinite(f.car_se) & (np.nan_to_num(f.car_se) > 0)
    okf = ok.astype(float)
    all_ok = bool(ok.all())
    used = f.used if all_ok else f.used & ok[:, None]       # estimation days of usable rows
    e0 = f.resid0 if all_ok else f.resid0 * okf[:, None]    # residuals, 0 where unused
    n = _gsum(okf, starts)
    car = np.where(ok, f.car, 0.0)
    scar = np.where(ok, f.car / np.where(ok, f.car_se, 1.0), 0.0)
    w = f.ar.shape[1]
    out: dict[str, Array] = {"n": n}
    with np.errstate(invalid="ignore", divide="ignore"):
        caar = _gsum(car, starts) / n
        out["caar"] = caar
        sd_car = np.sqrt(_gsum(np.where(ok, (car - np.repeat(caar, sizes)) ** 2, 0.0), starts) / (n - 1))
        out["cross_sectional_t"] = caar / (sd_car / np.sqrt(n))
        out["cross_sectional_t_p"] = t_pvalue(out["cross_sectional_t"], n - 1)

        dof = np.where(ok, f.dof, 5.0)
        patell_var = _gsum(np.where(ok, dof / (dof - 2.0), 0.0), starts)
        out["patell"] = _gsum(scar, starts) / np.sqrt(patell_var)
        out["patell_p"] = z_pvalue(out["patell"])

        mean_scar = _gsum(scar, starts) / n
        dev = np.where(ok, scar - np.repeat(mean_scar, sizes), 0.0)
        sd_scar = np.sqrt(_gsum(dev**2, starts) / (n - 1))
        bmp = mean_scar / (sd_scar / np.sqrt(n))
        out["bmp"], out["bmp_p"] = bmp, t_pvalue(bmp, n - 1)

        rbar = mean_residual_correlation(e0, starts, n)
        out["kp_rbar"] = rbar
        out["bmp_kp"] = bmp * np.sqrt((1.0 - rbar) / (1.0 + (n - 1.0) * rbar))
        out["bmp_kp_p"] = t_pvalue(out["bmp_kp"], n - 1)

        out.update(_portfolio(f, e0, used, ok, starts, n, w))
        out.update(_sign(f, e0, used, ok, starts, n))
        out.update(_rank(f, used, ok, starts, w))
    return out


def mean_residual_correlation(e0: Array, starts: np.ndarray, n: Array) -> Array:
    """Average pairwise correlation of estimation-window residuals within each event.

    Residuals of every model have mean 0 over the days they use; with missing days as 0 and each
    row scaled to unit length (z_i), the pairwise correlations sum to (|sum z_i|^2 - N) / 2, so
    r = (|sum z_i|^2 - N) / (N (N - 1)): O(N L), not O(N^2 L).
    """
    norm = np.sqrt(np.einsum("ij,ij->i", e0, e0))
    z = e0 * (1.0 / np.where(norm > 0, norm, 1.0))[:, None]
    s = _gsum(z, starts)
    return (np.einsum("ij,ij->i", s, s) - n) / (n * (n - 1.0))


def _portfolio(f: Fit, e0: Array, used: np.ndarray, ok: np.ndarray, starts: np.ndarray, n: Array,
               w: int) -> dict[str, Array]:
    cnt = np.add.reduceat(used, starts, axis=0, dtype=np.float64)
    aar_est = _gsum(e0, starts) / cnt                         # (G, L) portfolio AR, estimation window
    m = np.isfinite(aar_est).sum(axis=1)
    mean_est = np.nansum(aar_est, axis=1) / m
    sd = np.sqrt(np.nansum((aar_est - mean_est[:, None]) ** 2, axis=1) / (m - 1))
    aar = _gsum(np.where(ok[:, None], f.ar, 0.0), starts) / n[:, None]   # (G, W)
    t = aar.sum(axis=1) / (np.sqrt(w) * sd)
    t_day = aar / sd[:, None]
    return {"aar": aar, "portfolio_sd": sd, "portfolio": t, "portfolio_p": t_pvalue(t, m - 1),
            "portfolio_day_t": t_day, "portfolio_day_p": t_pvalue(t_day, (m - 1)[:, None])}


def _sign(f: Fit, e0: Array, used: np.ndarray, ok: np.ndarray, starts: np.ndarray, n: Array) -> dict[str, Array]:
    pos_est = _gsum(np.count_nonzero(e0 > 0, axis=1).astype(float), starts)
    tot_est = _gsum(np.count_nonzero(used, axis=1).astype(float), starts)
    p = pos_est / tot_est
    wins = _gsum((ok & (f.car > 0)).astype(float), starts)
    z = (wins - n * p) / np.sqrt(n * p * (1.0 - p))
    return {"generalized_sign": z, "generalized_sign_p": z_pvalue(z), "positive": wins}


def _rank(f: Fit, used: np.ndarray, ok: np.ndarray, starts: np.ndarray, w: int) -> dict[str, Array]:
    k, length = used.shape
    # Ranks only need the order; float32 sorts twice as fast and returns 1e-7 apart do not occur.
    combined = np.empty((k, length + w), dtype=np.float32)
    combined[:, :length] = f.resid0
    combined[:, length:] = f.ar
    if not used.all():
        combined[:, :length][~used] = np.nan
    combined[~ok, length:] = np.nan
    finite = np.isfinite(combined)
    order = np.argsort(combined, axis=1)                          # NaN sort last
    ranks = np.empty(combined.shape, dtype=np.float32)
    np.put_along_axis(ranks, order, np.arange(1, length + w + 1, dtype=np.float32)[None, :], axis=1)
    count = finite.sum(axis=1, keepdims=True)
    u = np.where(finite, ranks / (count + 1.0) - 0.5, 0.0)
    ubar = _gsum(u, starts) / np.add.reduceat(finite, starts, axis=0, dtype=np.float64)  # (G, L + W)
    s_u = np.sqrt(np.nanmean(ubar**2, axis=1))
    t = np.nansum(ubar[:, -w:], axis=1) / (np.sqrt(w) * s_u)
    return {"corrado_rank": t, "corrado_rank_p": z_pvalue(t), "corrado_day": ubar[:, -w:] / s_u[:, None]}


def group_dict(cs: dict[str, Array], g: int) -> dict[str, Any]:
    """The tests of one event as JSON-ready {"name": {"stat", "p"}}."""
    names = ("cross_sectional_t", "patell", "bmp", "bmp_kp", "portfolio", "generalized_sign", "corrado_rank")
    tests = {name: {"stat": _f(cs[name][g]), "p": _f(cs[f"{name}_p"][g])} for name in names}
    tests["bmp_kp"]["mean_residual_correlation"] = _f(cs["kp_rbar"][g])
    tests["generalized_sign"]["positive"] = int(cs["positive"][g])
    return tests


def _f(x: Any) -> float | None:
    x = float(x)
    return x if np.isfinite(x) else None
