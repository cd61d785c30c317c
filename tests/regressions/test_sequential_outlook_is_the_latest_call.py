""""Microsoft expects capex to fall sequentially this quarter", said after the January call ("we expect capital
expenditures to decrease on a sequential basis"), was refuted by October's outlook for the quarter before ("total
spend will increase sequentially") and by the January call's other capex words. A claim about the next quarter's
sequential move is read on the latest call's sequential outlook."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-02-05", "supported"), ("2025-11-05", "contradicted")])
def test_latest_sequential_outlook(store: Store, as_of: str, verdict: str) -> None:
    result = check(store, "Microsoft expects capex to fall sequentially this quarter", as_of)
    assert result["verdict"] == verdict
    assert "sequential" in result["reasoning"]
