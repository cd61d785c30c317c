"""GPU prices: what loading the real series and reading the checkpoint cost, against named baselines.

    PYTHONPATH=src python benchmarks/bench_gpu_index.py [--repeat 5]

1. Loading all real GPU rows through `Store.upsert` (row-by-row executemany) against the baseline
   "bulk insert of the same rows from an Arrow table" (what the loaders' cost could be).
2. `gpu_rental.read` (fetch quotes, Tukey-filtered daily index, like-for-like trends, charts) against
   the baseline "plain DuckDB median per family/SKU/term/day with no filtering" (the cheapest possible
   index, no trends).
Prints best-of-N times and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

from aicycle.checkpoints import gpu_rental
from aicycle.gpu import captures as gpu_captures
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.gpu.skus import Normalizer
from aicycle.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def all_rows() -> list[dict[str, object]]:
    norm = Normalizer()
    base = DATA / gpu_series.SERIES
    rows = gpu_series.tugot17_rows(base / "tugot17_gpu_price_tracker", norm)
    rows += gpu_series.henry_rows(base / "henryzhangpku_gpu_price_index/backfill_ratecards.csv", norm)[0]
    rows += gpu_series.ewyluda_rows(base / "ewyluda_gpu_price_index/index-history.csv", norm)
    rows += gpu_series.toolshed_rows(base / "toolshedlabs_gpu_price_feed/v2_2026-10.jsonl", norm)
    return rows


def load_upsert(rows: list[dict[str, object]]) -> None:
    open_store(memory=True, seed=False).upsert("gpu_prices", rows)


def load_arrow(rows: list[dict[str, object]]) -> None:
    store = open_store(memory=True, seed=False)
    cols = list(rows[0])
    store.con.register("incoming", pa.Table.from_pylist(rows))
    store.con.execute(f"INSERT OR REPLACE INTO gpu_prices ({', '.join(cols)}) SELECT {', '.join(cols)} FROM incoming")


def plain_median(store: object, as_of: dt.date) -> None:
    store.con.execute(  # type: ignore[attr-defined]
        "SELECT family, sku, term, observed_on, median(price_usd_per_gpu_hour), count(*) FROM gpu_prices "
        "WHERE observed_on <= ? GROUP BY ALL", [as_of]).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = all_rows()
    up = best(lambda: load_upsert(rows), max(1, args.repeat // 2))
    arrow = best(lambda: load_arrow(rows), args.repeat)
    print(f"load {len(rows)} rows: Store.upsert {up:.3f} s, baseline arrow bulk insert {arrow:.3f} s, "
          f"ratio {up / arrow:.1f}x")
    store = open_store(memory=True, seed=False)
    for mod in (gpu_series, gpu_captures, gpu_curated):
        mod.load_raw(store, DATA)
    as_of = dt.date(2026, 11, 24)
    read = best(lambda: gpu_rental.read(store, as_of), args.repeat)
    plain = best(lambda: plain_median(store, as_of), args.repeat)
    print(f"gpu_rental.read on {store.count('gpu_prices')} rows: {read * 1000:.1f} ms, baseline plain DuckDB "
          f"median {plain * 1000:.1f} ms, ratio {read / plain:.1f}x")


if __name__ == "__main__":
    main()
