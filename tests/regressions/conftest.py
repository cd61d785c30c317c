"""One store filled from data/ for every rumor regression test: they only read it, and filling it once
instead of once per file keeps the suite's run short."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicycle.store import Store
from tests import rumor_store


@pytest.fixture(scope="session")
def store(data_dir: Path) -> Store:
    return rumor_store.loaded_store(data_dir)
