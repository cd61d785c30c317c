"""Monte Carlo over input ranges, vectorized: draws are processed in cache-sized chunks of arrays.

Each ranged input is drawn independently: uniform on [low, high], or triangular when the range
gives a `mode`; whole-number inputs (life_years, build_years, gpus) are drawn as integers. The same
seed gives the same draws and the same summary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from aicycle.economics import model, vector
from aicycle.economics.inputs import SPEC_BY_NAME, Inputs, check_value
from aicycle.errors import InputError

CHUNK = 1 << 15
PERCENTILES = (5, 25, 50, 75, 95)
BINS = 40


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    mode: float | None = None

    def to_dict(self) -> dict[str, float]:
        out = {"low": self.low, "high": self.high}
        if self.mode is not None:
            out["mode"] = self.mode
        return out


def parse_range(name: str, raw: Any, where: str = "") -> Range:
    """A range from YAML: {low, high[, mode]} or [low, high]; checked against the input's bounds."""
    spec = SPEC_BY_NAME.get(name)
    if spec is None:
        raise InputError(f"{where}ranges: unknown input {name!r}")
    if isinstance(raw, list | tuple) and len(raw) == 2:
        raw = {"low": raw[0], "high": raw[1]}
    if not isinstance(raw, Mapping) or not {"low", "high"} <= set(raw) or set(raw) - {"low", "high", "mode"}:
        raise InputError(f"{where}ranges.{name}: give {{low, high}} or {{low, high, mode}}")
    for key in raw:
        check_value(spec, raw[key], f"{where}ranges.{name}.{key} ")
    low, high = float(raw["low"]), float(raw["high"])
    mode = float(raw["mode"]) if "mode" in raw else None
    if not low <= high or (mode is not None and not low <= mode <= high):
        raise InputError(f"{where}ranges.{name}: need low <= mode <= high, got {dict(raw)}")
    return Range(low, high, mode)


def _draw(rng: np.random.Generator, name: str, r: Range, n: int) -> np.ndarray:
    if SPEC_BY_NAME[name].integer:
        return rng.integers(int(r.low), int(r.high) + 1, size=n).astype(float)
    if r.low == r.high:
        return np.full(n, r.low)
    if r.mode is not None:
        return rng.triangular(r.low, r.mode, r.high, size=n)
    return rng.uniform(r.low, r.high, size=n)


def simulate(base: Inputs, ranges: Mapping[str, Range], draws: int, seed: int) -> dict[str, np.ndarray]:
    """IRR, payback and NPV for every draw (arrays of length `draws`)."""
    if draws < 1:
        raise InputError(f"draws: {draws} must be >= 1")
    rng = np.random.default_rng(seed)
    fixed = dataclasses.asdict(base)
    out = {k: np.empty(draws) for k in ("irr", "payback_years", "npv")}
    for start in range(0, draws, CHUNK):
        n = min(CHUNK, draws - start)
        params = dict(fixed)
        for name, r in ranges.items():
            params[name] = _draw(rng, name, r, n)
        cols = [np.broadcast_to(c, (n,)) for c in model.net_flows(params)]
        rate = params["discount_rate"]
        out["irr"][start:start + n] = vector.irr_many(cols)
        out["payback_years"][start:start + n] = vector.payback_many(cols)
        out["npv"][start:start + n] = vector.npv_many(rate, cols)
    return out


def _histogram(values: np.ndarray) -> dict[str, Any]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return {"edges": [], "counts": []}
    lo, hi = np.percentile(finite, [0.5, 99.5])   # clip the far tails so the bars stay readable
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(np.clip(finite, lo, hi), bins=BINS, range=(lo, hi))
    return {"edges": edges.tolist(), "counts": counts.tolist()}


def _summary(values: np.ndarray) -> dict[str, Any]:
    finite = values[np.isfinite(values)]
    pct = np.percentile(finite, PERCENTILES).tolist() if finite.size else [None] * len(PERCENTILES)
    return {
        "defined_share": finite.size / values.size,
        "mean": float(finite.mean()) if finite.size else None,
        "percentiles": {f"p{p}": v for p, v in zip(PERCENTILES, pct, strict=True)},
        "histogram": _histogram(values),
    }


def run(base: Inputs, ranges: Mapping[str, Range], draws: int, seed: int,
        payback_claim: tuple[float, float] | None = None) -> dict[str, Any]:
    """The Monte Carlo summary: percentiles and histograms of IRR and payback, P(NPV < 0)."""
    sims = simulate(base, ranges, draws, seed)
    result: dict[str, Any] = {
        "draws": draws,
        "seed": seed,
        "ranges": {name: r.to_dict() for name, r in ranges.items()},
        "irr": _summary(sims["irr"]),
        "payback_years": _summary(sims["payback_years"]),
        "npv": {k: v for k, v in _summary(sims["npv"]).items() if k != "histogram"},
        "probability_npv_negative": float(np.mean(sims["npv"] < 0)),
        "probability_no_payback": float(np.mean(np.isnan(sims["payback_years"]))),
    }
    if payback_claim is not None:
        lo, hi = payback_claim
        pb = sims["payback_years"]
        result["probability_payback_within_claim"] = float(np.mean((pb >= lo) & (pb <= hi)))
    return result
