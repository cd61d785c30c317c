"""Parse NVIDIA's 4 MB companyfacts and derive the quarterly capex, revenue, operating income and RPO
series: aicycle vs edgartools (EntityFacts from the same local file, no network), same run.

    PYTHONPATH=src python benchmarks/bench_companyfacts.py [--shared ../shared/data] [--runs 7]

aicycle's side: orjson parse + validation + every reported and derived vintage of every period
(full history). edgartools' side: json parse + EntityFactsParser + quarterly cash-flow and income
statements (20 periods) + the RPO time series. Prints median seconds, the ratio and peak memory.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
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
    from aicycle import quarters
    from aicycle.sources import companyfacts

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


def timed(fn: Callable[[Path], Any], path: Path, runs: int) -> tuple[float, float]:
    fn(path)  # warm-up: imports and first-call caches are not what we measure
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared" / "data")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    _offline()
    path = args.shared / FILE
    ours_s, ours_mb = timed(ours, path, args.runs)
    edgar_s, edgar_mb = timed(edgartools, path, args.runs)
    print(f"file: {path.name} ({path.stat().st_size / 2**20:.1f} MiB), median of {args.runs} runs")
    print(f"aicycle     {ours_s * 1000:8.1f} ms   peak {ours_mb:6.1f} MiB")
    print(f"edgartools  {edgar_s * 1000:8.1f} ms   peak {edgar_mb:6.1f} MiB")
    print(f"speed: aicycle {edgar_s / ours_s:.1f}x faster; "
          f"peak memory aicycle / edgartools = {ours_mb / edgar_mb:.2f}")


if __name__ == "__main__":
    main()
