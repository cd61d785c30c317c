"""Monte Carlo over input ranges, vectorized: draws are processed in cache-sized chunks of arrays.

Each ranged input is drawn independently: uniform on [low, high], or triangular when the range
gives a `mode`; whole-number inputs (life_years, build_years, gpus) are drawn as integers. The same
seed gives the same draws and the same summary.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from aicycle.economics import model, vector
from aicycle.economics.inputs import SPEC_BY_NAME, Inputs, check_value
from aicycle.errors import InputError

CHUNK = 1 << 15
THREADS = min(os.cpu_count() or 1, 4)
PERCENTILES = (5, 25, 50, 75, 95)
BINS = 40
# Peak memory per draw: three result arrays, the finite copies and masks of the summaries.
BYTES_PER_DRAW = 64
MEMORY_SHARE = 0.5  # use at most this share of the memory available when the run starts


def available_memory() -> int | None:
    """Bytes of memory available now (Linux MemAvailable, else free pages), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def max_draws(memory: int | None = None) -> int | None:
    memory = available_memory() if memory is None else memory
    return None if memory is None else int(memory * MEMORY_SHARE) // BYTES_PER_DRAW


def check_draws(draws: int, memory: int | None = None) -> None:
    """Refuse, before allocating anything, a draw count the memory available cannot hold."""
    if draws < 0:
        raise InputError(f"--draws: {draws} must be >= 0")
    limit = max_draws(memory)
    if limit is not None and draws > limit:
        need = draws * BYTES_PER_DRAW / 2**30
        raise InputError(f"--draws: {draws:,} draws need about {need:,.1f} GiB of memory; "
                         f"with the memory available now, at most {limit:,} (e.g. --draws {min(limit, 1_000_000)})")


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


def _chunk(base: dict[str, Any], ranges: Mapping[str, Range], n: int,
           seed: np.random.SeedSequence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    params = dict(base)
    for name, r in ranges.items():
        params[name] = _draw(rng, name, r, n)
    cols = [np.broadcast_to(c, (n,)) for c in model.net_flows(params)]
    return vector.irr_many(cols), vector.payback_many(cols), vector.npv_many(params["discount_rate"], cols)


def simulate(base: Inputs, ranges: Mapping[str, Range], draws: int, seed: int) -> dict[str, np.ndarray]:
    """IRR, payback and NPV for every draw (arrays of length `draws`).

    Chunks run on a few threads (numpy releases the GIL in its loops); each chunk has its own random
    stream spawned from the seed, so the result does not depend on which thread ran what.
    """
    if draws < 1:
        raise InputError(f"draws: {draws} must be >= 1")
    check_draws(draws)
    fixed = dataclasses.asdict(base)
    starts = list(range(0, draws, CHUNK))
    seeds = np.random.SeedSequence(seed).spawn(len(starts))
    out = {k: np.empty(draws) for k in ("irr", "payback_years", "npv")}

    def work(i: int) -> None:
        start = starts[i]
        n = min(CHUNK, draws - start)
        irr, payback, npv = _chunk(fixed, ranges, n, seeds[i])
        out["irr"][start:start + n] = irr
        out["payback_years"][start:start + n] = payback
        out["npv"][start:start + n] = npv

    workers = min(THREADS, len(starts))
    if workers <= 1:
        for i in range(len(starts)):
            work(i)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(work, range(len(starts))))
    return out


def _summary(values: np.ndarray, histogram: bool = True) -> dict[str, Any]:
    finite = values[np.isfinite(values)]
    out: dict[str, Any] = {"defined_share": finite.size / values.size,
                           "mean": float(finite.mean()) if finite.size else None}
    if not finite.size:
        out["percentiles"] = {f"p{p}": None for p in PERCENTILES}
        if histogram:
            out["histogram"] = {"edges": [], "counts": []}
        return out
    # One partition for every percentile, the histogram's clip points (0.5 and 99.5) included.
    qs = np.percentile(finite, [*PERCENTILES, 0.5, 99.5])
    out["percentiles"] = {f"p{p}": float(v) for p, v in zip(PERCENTILES, qs, strict=False)}
    if histogram:
        lo, hi = float(qs[-2]), float(qs[-1])     # the far tails are clipped so the bars stay readable
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        counts, edges = np.histogram(np.clip(finite, lo, hi), bins=BINS, range=(lo, hi))
        out["histogram"] = {"edges": edges.tolist(), "counts": counts.tolist()}
    return out


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
        "npv": _summary(sims["npv"], histogram=False),
        "probability_npv_negative": float(np.mean(sims["npv"] < 0)),
        "probability_no_payback": float(np.mean(np.isnan(sims["payback_years"]))),
    }
    if payback_claim is not None:
        lo, hi = payback_claim
        pb = sims["payback_years"]
        result["probability_payback_within_claim"] = float(np.mean((pb >= lo) & (pb <= hi)))
    return result
