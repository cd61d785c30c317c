""""Nvidia agrees to soak up CoreWeave's unsold capacity through 2032" was read as Nvidia's capacity constraint
easing: to soak up or absorb another company's capacity is to buy it, a compute deal (the ledger's $6.3bn
commitment, "any of CoreWeave's unsold compute capacity through 2032")."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_soak_up_is_a_purchase(store: Store) -> None:
    result = check(store, "Nvidia agrees to soak up CoreWeave's unsold capacity through 2032", "2025-10-05")
    assert result["verdict"] == "supported"
    assert any("6.3B" in e["text"] for e in result["evidence"])
