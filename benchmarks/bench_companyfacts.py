"""Parse NVIDIA's 4 MB companyfacts and derive the quarterly capex, revenue, operating income and RPO
series: aicycle vs edgartools (EntityFacts from the same local file, no network), same run.

    PYTHONPATH=src python benchmarks/bench_companyfacts.py [--data data] [--runs 5]

aicycle's side: json parse + validation + every reported and derived vintage of every period
(full history). edgartools' side: json parse + EntityFactsParser + quarterly cash-flow and income
statements (20 periods) + the RPO time series. Prints median seconds, the ratio and peak memory.
Each side runs in a fresh interpreter, three rounds alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
FILE = "edgar/companyfacts/CIK0001045810.json"


def _offline() -> None:
    def refuse(self: socket.socket, address: object) -> None:
        raise OSError(f"benchmark is offline (tried {address})")
    socket.socket.connect = refuse  # type: ignore[method-assign]


def ours(path: Path) -> int:
    from aicycle.sec import companyfacts, quarters

    cf = companyfacts.load(path, expected_cik=1045810)
    vintages = quarters.company_vintages(cf, "NVDA")
    return len(vintages)


def edgartools(path: Path) -> int:
    from edgar.entity.parser import EntityFactsParser

    facts = EntityFactsParser.parse_company_facts(json.loads(path.read_bytes()))
    assert facts is not None
    cash = facts.cash_flow_statement(periods=20, annual=False).to_dataframe()
    income = facts.income_statement(periods=20, annual=False).to_dataframe()
    rpo = facts.time_series("RevenueRemainingPerformanceObligation", periods=20)
    return len(cash) + len(income) + len(rpo)


def once(fn: Callable[[Path], Any], path: Path) -> float:
    start = time.perf_counter()
    fn(path)
    return time.perf_counter() - start


def peak_mib(fn: Callable[[Path], Any], path: Path) -> float:
    tracemalloc.start()
    fn(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


SIDES: dict[str, Callable[[Path], Any]] = {"aicycle": ours, "edgartools": edgartools}


def measure(name: str, path: Path, runs: int) -> dict[str, Any]:
    """In this process: warm up, time `runs` calls, then one call under tracemalloc."""
    fn = SIDES[name]
    fn(path)  # warm-up: imports and first-call caches are not what we measure
    times = [once(fn, path) for _ in range(runs)]
    return {"times": times, "peak": peak_mib(fn, path)}


def compare(path: Path, runs: int, rounds: int = 3) -> dict[str, tuple[float, float]]:
    """Each side runs in its own fresh interpreter (a library's caches and heap must not slow the
    other's garbage collection), rounds alternate so machine load hits both alike."""
    times: dict[str, list[float]] = {name: [] for name in SIDES}
    peaks: dict[str, float] = {}
    for _ in range(rounds):
        for name in SIDES:
            out = subprocess.run([sys.executable, __file__, "--one", name, "--runs", str(runs),
                                  "--data", str(path.parents[2])], check=True, capture_output=True,
                                 text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
            result = json.loads(out.stdout)
            times[name] += result["times"]
            peaks[name] = result["peak"]
    return {name: (statistics.median(times[name]), peaks[name]) for name in SIDES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--one", choices=list(SIDES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    _offline()
    path = args.data / FILE
    if args.one:
        print(json.dumps(measure(args.one, path, args.runs)))
        return
    result = compare(path, args.runs)
    (ours_s, ours_mb), (edgar_s, edgar_mb) = result["aicycle"], result["edgartools"]
    print(f"file: {path.name} ({path.stat().st_size / 2**20:.1f} MiB), median of 3 x {args.runs} runs per side, "
          "each side in its own interpreter")
    print(f"aicycle     {ours_s * 1000:8.1f} ms   peak {ours_mb:6.1f} MiB")
    print(f"edgartools  {edgar_s * 1000:8.1f} ms   peak {edgar_mb:6.1f} MiB")
    print(f"speed: aicycle {edgar_s / ours_s:.1f}x faster; "
          f"peak memory aicycle / edgartools = {ours_mb / edgar_mb:.2f}")


if __name__ == "__main__":
    main()
