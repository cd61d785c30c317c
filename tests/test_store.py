"""The store: idempotent writes, transactions that roll back, a lock between writers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle import store as store_mod
from aicycle.store import fact_key, open_store, writing


def _row(value: float, accession: str = "0000000000-26-000001") -> dict[str, object]:
    key = fact_key("TEST", "capex", "2026-01-01", "2026-03-31", accession, "reported")
    return {
        "fact_key": key, "ticker": "TEST", "metric": "capex", "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 3, 31), "value": value, "unit": "USD", "kind": "reported",
        "source": "test", "accession": accession, "filed": dt.date(2026, 4, 30),
        "fetched_at": dt.datetime.now(),
    }


def test_upsert_twice_changes_nothing_second_time() -> None:
    s = open_store(memory=True, seed=False)
    assert s.upsert("facts", [_row(1.0)]) == (1, 0)
    assert s.upsert("facts", [_row(1.0)]) == (0, 0)
    assert s.upsert("facts", [_row(2.0)]) == (0, 1)
    assert s.count("facts") == 1


def test_failed_transaction_keeps_what_was_stored(home: Path) -> None:
    with writing() as s:
        s.upsert("facts", [_row(1.0)])
    with pytest.raises(RuntimeError):
        with writing() as s:
            s.upsert("facts", [_row(5.0, "0000000000-26-000002")])
            raise RuntimeError("source failed halfway")
    with open_store() as s:
        rows = s.query("SELECT value FROM facts WHERE ticker = 'TEST'")
    assert rows == [{"value": 1.0}]


def test_lock_excludes_a_second_writer(home: Path) -> None:
    with open_store():
        pass
    with store_mod.store_lock():
        with pytest.raises(store_mod.StoreBusyError):
            with store_mod.store_lock(timeout=0.2):
                pass
