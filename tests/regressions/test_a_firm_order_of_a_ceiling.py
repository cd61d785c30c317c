""""Meta makes a firm 6GW order for AMD Instinct GPUs" was borne out by the AMD deal "for up to 6 GW of Instinct
GPUs": megawatts, like a dollar value, that a deal could reach are not a firm order of them; "up to 6GW" is the
deal's own ceiling."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Meta makes a firm 6GW order for AMD Instinct GPUs", "contradicted"),
    ("Meta orders up to 6GW of AMD Instinct GPUs", "supported"),
    ("Meta signs 6GW AMD GPU deal", "supported"),
])
def test_firm_against_up_to(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2026-02-26")
    assert result["verdict"] == verdict
    assert any("up to 6 GW" in e["text"] for e in result["evidence"])
