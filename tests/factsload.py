"""The report tests' store: the real shared files loaded with the data layer's own loaders.

`load_all` fills a store the way `scripts/build_snapshot.py` does for the tables the report reads
(companyfacts, curated facts and quotes, events, and the daily prices its latest-event link studies).
Loading the full companyfacts takes a while, so `built()` fills one store file per test process and
`store_copy()` hands out copies.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from aicycle import events
from aicycle.sources import curated, edgar_facts, prices
from aicycle.store import Store, open_store


def load_all(store: Store, shared: Path) -> dict[str, int]:
    with store.transaction():
        edgar_facts.load_shared(store, shared)
        curated.load_shared(store, shared)
        events.load_shared(store, shared)
        prices.load_shared(store, shared)
    return {"facts": store.count("facts"), "events": store.count("events")}


@cache
def built(shared: Path) -> Path:
    """A store file filled once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="aicycle-report-facts-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "aicycle.duckdb"
    with open_store(path, write=True, seed=False) as store:
        load_all(store, shared)
    return path


def store_copy(shared: Path, dest: Path) -> Path:
    """Copy the filled store to `dest/aicycle.duckdb` (dest is an AICYCLE_HOME) and return dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built(shared), dest / "aicycle.duckdb")
    return dest
