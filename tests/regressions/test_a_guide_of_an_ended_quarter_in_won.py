""""Samsung guides 1Q26 op profit ~57tn won" and "Samsung chip unit made KRW53.7tn op profit in 1Q26" had no reading:
a figure in won written "tn won" or "KRW53.7tn" was not taken as a level, and a claim that a company guides a
quarter's profit was never set against the figure it gives after the quarter ends (Samsung's preliminary
earnings guidance, stored tagged `preliminary`)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import level
from aicycle.store import Store


@pytest.mark.parametrize(("text", "value"), [("op profit ~57tn won", 57e12), ("made KRW53.7tn op profit", 53.7e12)])
def test_won_written_short_is_a_level(text: str, value: float) -> None:
    found = level(text)
    assert found is not None and (found.op, found.value, found.unit) == ("at", value, "KRW")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Samsung guides 1Q26 op profit ~57tn won", "2026-04-08", "supported"),
    ("Samsung guides 1Q26 op profit ~40tn won", "2026-04-08", "contradicted"),
    ("Samsung guides 1Q26 op profit ~57tn won", "2026-04-01", "unclear"),  # the preliminary figure is not out
    ("Samsung chip unit made KRW53.7tn op profit in 1Q26", "2026-04-30", "supported"),
])
def test_guide_of_an_ended_quarter(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
