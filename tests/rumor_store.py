"""An in-memory store filled by the project's own loaders from the real files in shared/data."""

from __future__ import annotations

from pathlib import Path

from aicycle.language import loader as documents
from aicycle.sources import curated, edgar_facts, gpu_captures, gpu_curated, gpu_series
from aicycle.store import Store, open_store

# The snapshot's loaders for what the rumor check reads: facts, GPU prices, documents.
LOADERS = (edgar_facts.load_shared, curated.load_shared, gpu_series.load_shared, gpu_captures.load_shared,
           gpu_curated.load_shared, documents.load_shared)


def load(store: Store, shared: Path) -> Store:
    with store.transaction():
        for loader in LOADERS:
            loader(store, shared)
    return store


def loaded_store(shared: Path) -> Store:
    return load(open_store(memory=True, seed=False), shared)
