"""Monte Carlo of the data-center model: 1,000,000 draws vectorized vs a naive per-draw loop.

    PYTHONPATH=src python benchmarks/bench_economics.py [--draws 1000000] [--sample 2000] [--repeat 5]

Target (issue 7): 1,000,000 draws in at most 0.5 s. The vectorized run is the whole Monte Carlo
(`montecarlo.run`: draws, cash flows, IRR, payback, NPV, percentiles and histograms) on the shipped
`article-payback` scenario (six ranged inputs, life_years among them). The baselines run the same
draws one at a time in the same process: numpy-financial's `irr` per draw (the naive loop) and our
scalar `finance.irr` per draw, each timed on a sample and extrapolated to the full count. The script
also checks that the vectorized IRRs of the sample equal numpy-financial's to 1e-6.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import statistics
import time

import numpy as np
import numpy_financial as npf

from aicycle.economics import finance, model, montecarlo, scenarios, vector


def _sample_rows(name: str, n: int, seed: int) -> list[list[float]]:
    """n draws of the scenario's ranged inputs as plain per-draw cash-flow lists."""
    s = scenarios.load(scenarios.resolve(name))
    rng = np.random.default_rng(seed)
    params = dataclasses.asdict(s["inputs"])
    for key, r in s["ranges"].items():
        params[key] = montecarlo._draw(rng, key, r, n)
    cols = [np.broadcast_to(c, (n,)) for c in model.net_flows(params)]
    return np.stack(cols, axis=1).tolist()


def _naive(rows: list[list[float]], irr: object) -> float:
    start = time.perf_counter()
    for row in rows:
        irr(row)                       # type: ignore[operator]
        finance.payback(row)
        npf.npv(0.1, row)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="article-payback")
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    s = scenarios.load(scenarios.resolve(args.scenario))
    montecarlo.run(s["inputs"], s["ranges"], 10_000, 0)          # warm up imports and caches
    times, cpu = [], []
    for i in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        montecarlo.run(s["inputs"], s["ranges"], args.draws, 7 + i)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    best, median = min(times), statistics.median(times)

    rows = _sample_rows(args.scenario, args.sample, 1)
    per_npf = _naive(rows, npf.irr) / args.sample
    per_ours = _naive(rows, finance.irr) / args.sample
    cols = [np.asarray(c) for c in zip(*rows, strict=True)]
    vec = vector.irr_many(cols)
    ref = np.array([npf.irr(r) for r in rows])
    both = np.isfinite(vec) & np.isfinite(ref)
    max_diff = float(np.max(np.abs(vec[both] - ref[both]))) if both.any() else 0.0
    same_nan = bool(np.array_equal(np.isnan(vec), np.isnan(ref)))

    naive_npf, naive_ours = per_npf * args.draws, per_ours * args.draws
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, "
          f"numpy {np.__version__}")
    print(f"scenario {args.scenario}, {len(s['ranges'])} ranged inputs, {args.draws:,} draws, repeat {args.repeat}")
    print(f"vectorized Monte Carlo ({montecarlo.THREADS} threads): best {best:.3f} s, median {median:.3f} s "
          f"wall ({'meets' if best <= 0.5 else 'misses'} the 0.5 s target); CPU time summed over threads "
          f"best {min(cpu):.3f} s")
    print(f"naive loop, numpy-financial irr per draw: {per_npf * 1e6:.0f} us/draw -> {naive_npf:.1f} s "
          f"extrapolated; ratio {naive_npf / best:,.0f}x")
    print(f"naive loop, our scalar irr per draw:      {per_ours * 1e6:.0f} us/draw -> {naive_ours:.1f} s "
          f"extrapolated; ratio {naive_ours / best:,.0f}x")
    print(f"vectorized IRR vs numpy-financial on {args.sample} draws: max |diff| {max_diff:.2e}, "
          f"same undefined draws: {same_nan}")


if __name__ == "__main__":
    main()
