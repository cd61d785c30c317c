"""The report tests' store: the real files in data/ loaded with the data layer's own loaders.

`load_all` fills a store the way `scripts/build_snapshot.py` does for the tables the report reads
(companyfacts, curated facts and quotes, memory makers, grid events, events, and the daily prices its
latest-event link studies).
Loading the full companyfacts takes a while, so `built()` fills one store file per test process and
`store_copy()` hands out copies.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from aicycle.curated import contracts as curated_contracts
from aicycle.curated import facts as curated
from aicycle.curated import memory_makers, power_events, third_party
from aicycle.language import calls, stated
from aicycle.market import events, prices
from aicycle.sec import edgar_facts
from aicycle.store import Store, open_store


def load_all(store: Store, data_dir: Path) -> dict[str, int]:
    with store.transaction():
        edgar_facts.load_raw(store, data_dir)
        curated.load_raw(store, data_dir)
        memory_makers.load_raw(store, data_dir)
        power_events.load_raw(store, data_dir)
        third_party.load_raw(store, data_dir)
        curated_contracts.load_raw(store, data_dir)
        calls.load_raw(store, data_dir)
        stated.load_raw(store, data_dir)
        events.load_raw(store, data_dir)
        prices.load_raw(store, data_dir)
    return {"facts": store.count("facts"), "events": store.count("events")}


@cache
def built(data_dir: Path) -> Path:
    """A store file filled once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="aicycle-report-facts-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "aicycle.duckdb"
    with open_store(path, write=True, seed=False) as store:
        load_all(store, data_dir)
    return path


def store_copy(data_dir: Path, dest: Path) -> Path:
    """Copy the filled store to `dest/aicycle.duckdb` (dest is an AICYCLE_HOME) and return dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built(data_dir), dest / "aicycle.duckdb")
    return dest
