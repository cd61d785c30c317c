"""Compute contracts for the watcher: the one place that knows where contracts are stored.

`contracts(store, since, as_of)` returns the contracts announced in [since, as_of] as plain dicts
with the columns of data/facts/compute_contracts.csv (announced_date, buyer, seller, value_usd,
value_text, term_years, capacity_text, kind, source_url, source_type, quote). It reads a
`compute_contracts` table when the store has one; a store without it has no contracts to announce.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle.store import Store

TABLE = "compute_contracts"


def contracts(store: Store, since: dt.date, as_of: dt.date) -> list[dict[str, Any]]:
    found = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                              [TABLE]).fetchone()
    if not found or not found[0]:
        return []
    return store.query(f"SELECT * FROM {TABLE} WHERE announced_date BETWEEN ? AND ? "
                       "ORDER BY announced_date, buyer, seller", [since, as_of])


def identity(row: dict[str, Any]) -> str:
    return "|".join(str(row.get(k)) for k in ("announced_date", "buyer", "seller", "kind", "value_usd", "source_url"))
