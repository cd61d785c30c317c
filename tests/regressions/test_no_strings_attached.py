""""Ireland reopens grid to data centres with no strings attached" came out unclear: the claim names one party and no
figure, so no event was read on its terms. A claim that something came unconditionally is read on the latest event
it names, and refuted when that event sets conditions (CRU: "Provision of new renewable generation of at least 80%
of the data centre's annual demand")."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize("as_of", ["2025-12-13", "2025-12-15"])
def test_conditions_refute_it(store: Store, as_of: str) -> None:
    result = check(store, "Ireland reopens grid to data centres with no strings attached", as_of)
    assert result["verdict"] == "contradicted"
    assert any("sets conditions" in e["text"] for e in result["evidence"])
