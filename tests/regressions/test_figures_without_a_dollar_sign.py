""""Arista targets $1.5bn of AI revenue in 2025" stayed unclear after the call that says "We remain optimistic
about achieving our AI revenue goals of 1.5 billion in AI centers": the transcript drops the dollar sign, so the
sentence had no money figure, and "goals" was not read as a forward-looking word."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.observe import figures
from aicycle.store import Store


@pytest.mark.parametrize(("text", "found"), [
    ("our AI revenue goals of 1.5 billion in AI centers", [(1.5e9, 1.5e9, "USD")]),
    ("capex of 20 billion dollars", [(2e10, 2e10, "USD")]),
    ("approximately 1.285 billion diluted shares", []),
    ("a model with 70 billion parameters", []),
])
def test_bare_figures(text: str, found: list[tuple[float, float, str]]) -> None:
    assert figures(text) == found


@pytest.mark.parametrize(("claim", "as_of"), [("Arista targets $1.5bn of AI revenue in 2025", "2025-03-15"),
                                              ("Arista sees 2025 AI networking revenue above $1.5bn", "2025-08-25")])
def test_aristas_ai_revenue_goal(store: Store, claim: str, as_of: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == "supported"
    assert any("1.5 billion" in e["text"] for e in result["evidence"])
