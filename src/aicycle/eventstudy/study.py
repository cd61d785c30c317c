"""One event study, as a JSON-ready dict: per-security ARs and tests, the portfolio, per-ticker errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from aicycle.errors import AicycleError
from aicycle.eventstudy import core, stats
from aicycle.eventstudy.data import Context, SecurityReturns, security_returns, split
from aicycle.eventstudy.spec import Spec
from aicycle.market.events import Event
from aicycle.store import Store

REFERENCES = "docs/event_study.md"


def run(store: Store, event: Event, tickers: Sequence[str], spec: Spec) -> dict[str, Any]:
    """Study `event` for `tickers`; tickers that cannot be studied are listed under "errors"."""
    spec.validate()
    ctx = Context(store, spec)
    secs: list[SecurityReturns] = []
    errors: list[dict[str, str]] = []
    for ticker in tickers:
        try:
            secs.append(security_returns(ctx, ticker, event))
        except AicycleError as exc:
            errors.append({"ticker": ticker, "error": str(exc)})
    result: dict[str, Any] = {
        "event": event.to_dict(), "model": spec.model,
        "market": None if spec.model == "constant_mean" else spec.market,
        "estimation_window": list(spec.estimation_window), "event_window": list(spec.window),
        "returns": "simple daily returns of adjusted closes",
        "securities": [], "portfolio": None, "errors": errors, "notes": [], "references": REFERENCES,
    }
    if not secs:
        return result
    parts = [split(s, spec) for s in secs]
    f = _fit(parts, range(len(parts)), spec)
    keep, good = [], []
    for i, (sec, part) in enumerate(zip(secs, parts, strict=True)):
        if not (np.isfinite(f.car_se[i]) and f.car_se[i] > 0 and np.isfinite(f.car[i])):
            errors.append({"ticker": sec.ticker, "error": _why_not(sec, f, i, spec)})
            continue
        keep.append(_security(sec, part, f, i, spec))
        good.append(i)
    if keep:  # the cross-section only over securities that could be estimated (rows are independent)
        f_good = f if len(good) == len(secs) else _fit(parts, good, spec)
        result["portfolio"] = _portfolio(stats.cross_section(f_good, np.zeros(len(good), dtype=np.int64)), spec)
    result["securities"] = keep
    result["notes"] = sorted({n for s in secs for n in s.notes})
    return result


def _fit(parts: list[dict[str, Any]], rows: Sequence[int], spec: Spec) -> core.Fit:
    stack = {k: np.vstack([parts[i][k] for i in rows]) for k in ("r_est", "m_est", "r_evt", "m_evt")}
    return core.fit(stack["r_est"], stack["m_est"], stack["r_evt"], stack["m_evt"], model=spec.model)


def _why_not(sec: SecurityReturns, f: core.Fit, i: int, spec: Spec) -> str:
    if f.car_se[i] == 0:
        return f"{sec.ticker}: is the market ({spec.market}) itself: no abnormal return to measure"
    if f.n[i] < spec.estimation // 2:
        return (f"{sec.ticker}: estimation window too short: {int(f.n[i])} usable returns of "
                f"{spec.estimation} before day 0 {sec.day0}")
    return f"{sec.ticker}: no return on an event-window day around {sec.day0} (missing price)"


def _security(sec: SecurityReturns, part: dict[str, Any], f: core.Fit, i: int, spec: Spec) -> dict[str, Any]:
    a, b = spec.window
    t_ar = f.t_ar[i]
    p_ar = core.t_pvalue(t_ar, f.dof[i])
    evt_idx = [int(j) for j in np.flatnonzero((sec.days >= a) & (sec.days <= b))]
    ars = []
    for k, j in enumerate(evt_idx):
        ars.append({"day": int(sec.days[j]), "date": _iso(sec.dates[j]), "ar": _f(f.ar[i, k]),
                    "t": _f(t_ar[k]), "p": _f(p_ar[k]), "return": _f(sec.r[j]),
                    "market_return": _f(sec.m[j]), "flag": sec.flags[j]})
    t_car = f.t_car[i]
    flagged = [f"day {r['day']} ({r['date']}) return flagged {r['flag']}: kept, it is in the event window"
               for r in ars if r["flag"]]
    return {
        "ticker": sec.ticker, "exchange": sec.exchange, "day0": sec.day0.isoformat(),
        "series": sec.series, "market_series": sec.market_series, "url": sec.url,
        "alpha": _f(f.alpha[i]), "beta": _f(f.beta[i]),
        "sigma": _f(f.sigma[i]), "n_estimation": int(f.n[i]), "excluded_flagged": sec.excluded,
        "abnormal_returns": ars, "car": _f(f.car[i]), "car_se": _f(f.car_se[i]),
        "tests": {"t_car": {"stat": _f(t_car), "p": _f(core.t_pvalue(t_car, f.dof[i]))},
                  "t_ar_day0": _day0_test(ars)},
        "path": (path := _path(sec, part, f, i, spec)),
        "car_after": path[-1] if path and path[-1]["day"] > spec.window[1] else None,
        "notes": sec.notes + flagged,
    }


def _day0_test(ars: list[dict[str, Any]]) -> dict[str, Any] | None:
    row = next((r for r in ars if r["day"] == 0), None)
    return {"stat": row["t"], "p": row["p"]} if row else None


def _path(sec: SecurityReturns, part: dict[str, Any], f: core.Fit, i: int, spec: Spec) -> list[dict[str, Any]]:
    """Cumulative abnormal and raw returns from the window's first day to `after` days past day 0."""
    a = spec.window[0]
    r, m = part["r_path"], part["m_path"]
    if spec.model == "constant_mean":
        ar = r - f.alpha[i]
    else:
        ar = r - f.alpha[i] - f.beta[i] * m
    car = np.cumsum(np.where(np.isfinite(ar), ar, 0.0))
    cum = np.cumprod(1.0 + np.where(np.isfinite(r), r, 0.0)) - 1.0
    start = int(np.flatnonzero(sec.days >= a)[0])
    return [{"day": a + k, "date": _iso(sec.dates[start + k]), "car": _f(car[k]), "cum_return": _f(cum[k])}
            for k in range(len(r)) if np.isfinite(r[k])]


def _portfolio(cs: dict[str, Any], spec: Spec) -> dict[str, Any]:
    a, b = spec.window
    daily = [{"day": a + k, "aar": _f(cs["aar"][0, k]), "t": _f(cs["portfolio_day_t"][0, k]),
              "p": _f(cs["portfolio_day_p"][0, k]), "corrado": _f(cs["corrado_day"][0, k])}
             for k in range(spec.width)]
    return {"n": int(cs["n"][0]), "car": _f(cs["caar"][0]), "weighting": "equal",
            "tests": stats.group_dict(cs, 0), "daily": daily}


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def _f(x: Any) -> float | None:
    x = float(x)
    return x if np.isfinite(x) else None

