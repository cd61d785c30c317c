"""One store per test session built from the real files in data, for tests that only read.

Writing ~2,000 facts takes DuckDB several seconds, so read-only tests share it. It holds what the
snapshot holds: every companyfacts file (NVDA, GOOGL, CRWV, MSFT, MU, NBIS) and both curated CSVs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from aicycle.curated import facts as curated
from aicycle.sec import edgar_facts
from aicycle.store import Store, open_store


@cache
def raw_store(data_dir: Path) -> Store:
    store = open_store(memory=True, seed=False)
    edgar_facts.load_raw(store, data_dir)
    curated.load_raw(store, data_dir)
    return store
