"""One in-memory store filled by the real GPU loaders, built once per test session. Tests must only
read it."""

from __future__ import annotations

from functools import cache

from aicycle.gpu import captures as gpu_captures
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.store import Store, open_store
from tests.conftest import _data_dir


@cache
def loaded_store() -> Store:
    store = open_store(memory=True, seed=False)
    for mod in (gpu_series, gpu_captures, gpu_curated):
        mod.load_raw(store, _data_dir())
    return store
