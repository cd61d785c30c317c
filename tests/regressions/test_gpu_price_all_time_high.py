""""H100 rental prices hit an all-time high in August 2026" was borne out by August's rise on July: a record was read
as a month's move. The month's point is set against every earlier point of the same series (its high was $4.84 in
February 2024)."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_record_against_all_before(store: Store) -> None:
    result = check(store, "H100 rental prices hit an all-time high in August 2026", "2026-09-01")
    assert result["verdict"] == "contradicted"
    assert any("below its high" in e["text"] for e in result["evidence"])
