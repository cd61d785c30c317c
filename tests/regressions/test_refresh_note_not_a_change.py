"""Regression: the first live refresh reported "511 changed" for values identical to the snapshot's,
because the rows' `note` ("CIK….json" → "live refresh") differed. A note is bookkeeping, not data."""

from __future__ import annotations

from aicycle.store import open_store


def test_the_same_values_with_another_note_are_no_change() -> None:
    store = open_store(memory=True)
    rows = store.query("SELECT * FROM facts WHERE source = 'sec_companyfacts' AND ticker = 'GOOGL'")
    assert len(rows) > 100
    relabelled = [{**r, "note": "live refresh", "fetched_at": None} for r in rows]
    assert store.upsert("facts", relabelled) == (0, 0)
    changed = [{**relabelled[0], "value": relabelled[0]["value"] + 1}]
    assert store.upsert("facts", changed) == (0, 1)
