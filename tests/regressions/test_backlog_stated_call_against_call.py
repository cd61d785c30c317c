"""Dell's AI server backlog is stated only in its calls ($14.4 billion, then $11.7 billion), so "Dell's AI server
backlog is shrinking" was contradicted by "our five-quarter pipeline continued to grow". A level the store has no
filed series of is now set call against call, from the figure each call gives it; a move ("grew approximately
$1 billion") and a forecast are not such a figure, and a named quarter needs that quarter's call."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Dell's AI server backlog is shrinking", "2025-10-20", "supported"),
    ("Dell's AI server backlog shrank in fiscal Q2 2026", "2025-10-16", "supported"),
    ("Dell's AI server backlog shrank in fiscal Q2 2026", "2025-07-20", "unclear"),  # that call not public yet
    ("GE Vernova's total backlog shrinks in Q2 2025", "2025-09-14", "contradicted"),
])
def test_a_stated_level_call_against_call(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_the_evidence_names_both_figures(store: Store) -> None:
    evidence = check(store, "GE Vernova's total backlog shrinks in Q2 2025", "2025-09-14")["evidence"]
    assert any("$129.0B against $123.0B" in e["text"] and e["kind"] == "derived" for e in evidence)
