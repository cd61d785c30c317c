""""Cipher's AWS lease covers 500 MW" was borne out by the ledger's row for the lease, whatever its size: the row
says "300 MW delivered in two phases in 2026". A deal claim naming megawatts is now set against the megawatts the
ledger states for the deal, as one naming dollars already was against its value."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Cipher's AWS lease covers 500 MW", "contradicted"),
    ("Cipher's AWS lease covers 300 MW", "supported"),
])
def test_deal_megawatts(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2025-11-07")
    assert result["verdict"] == verdict
    assert "300 MW delivered in two phases" in result["reasoning"]


def test_one_of_several_deals_does_not_refute(store: Store) -> None:
    # TeraWulf and Fluidstack have two deals in the ledger (200 MW and 168 MW); the call says "we signed a
    # 450-megawatt lease with Fluidstack", a hyphenated figure that is now read
    result = check(store, "TeraWulf signs 450 MW lease with Fluidstack backed by Google", "2026-02-26")
    assert result["verdict"] == "supported"
    assert "450-megawatt lease" in result["reasoning"]
