"""An in-memory store filled by the project's own loaders from the real files in data."""

from __future__ import annotations

from pathlib import Path

from aicycle.curated import contracts as curated_contracts
from aicycle.curated import facts as curated
from aicycle.curated import third_party
from aicycle.gpu import captures as gpu_captures
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.language import calls, stated
from aicycle.language import loader as documents
from aicycle.sec import edgar_facts
from aicycle.store import Store, open_store

# The snapshot's loaders for what the rumor check reads: facts, GPU prices, documents.
LOADERS = (edgar_facts.load_raw, curated.load_raw, third_party.load_raw, curated_contracts.load_raw,
           gpu_series.load_raw, gpu_captures.load_raw, gpu_curated.load_raw, documents.load_raw, calls.load_raw,
           stated.load_raw)


def load(store: Store, data_dir: Path) -> Store:
    with store.transaction():
        for loader in LOADERS:
            loader(store, data_dir)
    return store


def loaded_store(data_dir: Path) -> Store:
    return load(open_store(memory=True, seed=False), data_dir)
