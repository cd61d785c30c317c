""""Samsung's chip division profit sinks below 1tn won in Q2 2025" was contradicted on the group's 4.7tn won
operating profit, and "the chip division earns more than 50tn won" had no object. A chip division's claim is
now answered by the division's own operating profit (Device Solutions), never by the group's."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Samsung's chip division profit sinks below 1tn won in Q2 2025", "2025-08-02", "supported"),
    ("Samsung's chip division earns more than 50tn won in a quarter", "2026-02-05", "contradicted"),
    ("Samsung's chip division earns more than 50tn won in a quarter", "2026-05-03", "supported"),
    ("Samsung's chip unit returns to profit", "2024-05-05", "supported"),
])
def test_the_divisions_own_profit_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    profits = [str(e["text"]) for e in result["evidence"] if "operating income" in str(e["text"])]
    assert all("ds operating income" in text for text in profits)
