"""An in-memory store filled by the project's own loaders from the real files in data."""

from __future__ import annotations

from pathlib import Path

from aicycle.curated import contracts as curated_contracts
from aicycle.curated import facts as curated
from aicycle.curated import memory_makers, power_events, third_party
from aicycle.gpu import captures as gpu_captures
from aicycle.gpu import index as gpu_index
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.language import calls, stated
from aicycle.language import loader as documents
from aicycle.market import events, prices
from aicycle.sec import edgar_facts
from aicycle.store import Store, open_store

# The snapshot's loaders (scripts/build_snapshot.py), in its order, for every table the rumor check reads:
# facts (filings, curated, memory makers, third-party, stated), grid events, compute contracts, GPU prices
# and their index, documents and the 2025-2026 calls, stock prices and the dated market events.
LOADERS = (edgar_facts.load_raw, curated.load_raw, memory_makers.load_raw, power_events.load_raw,
           third_party.load_raw, curated_contracts.load_raw,
           gpu_series.load_raw, gpu_captures.load_raw, gpu_curated.load_raw,
           lambda store, data_dir: gpu_index.store_index(store),
           documents.load_raw, calls.load_raw, stated.load_raw, prices.load_raw, events.load_raw)


def load(store: Store, data_dir: Path) -> Store:
    with store.transaction():
        for loader in LOADERS:
            loader(store, data_dir)
    return store


def loaded_store(data_dir: Path) -> Store:
    return load(open_store(memory=True, seed=False), data_dir)
