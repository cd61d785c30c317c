""""SK hynix held ~62% of HBM shipments in Q2 2025, per Counterpoint" could not be read: a market share stated as
a percentage "of HBM shipments", with no word "share" and "held" before the figure. The reading also showed its
object as "HBM HBM market share"."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("SK hynix held ~62% of HBM shipments in Q2 2025, per Counterpoint", "supported"),
    ("SK hynix held ~70% of HBM shipments in Q2 2025, per Counterpoint", "contradicted"),
])
def test_a_share_of_hbm_shipments(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, dt.date(2025, 9, 25))
    assert result["verdict"] == verdict
    assert "HBM HBM" not in result["reading_text"]
