""""Jassy: power, not chips, is the industry bottleneck right now" came out unclear: Amazon's call says "maybe the
bottleneck is power", naming the bottleneck after the noun, and only "power is the bottleneck" was read. Both
orders name it; "the bottleneck is not X" frees X."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.bottleneck import Bottleneck, _judge
from aicycle.store import Store


def test_the_order_of_the_words() -> None:
    claim = Bottleneck(frozenset({"power"}), frozenset({"chip"}))
    assert _judge(claim, "Overall in the industry, maybe the bottleneck is power.") == "match"
    assert _judge(claim, "The bottleneck is not power.") == "mismatch"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Jassy: power, not chips, is the industry bottleneck right now", "2025-11-01", "supported"),
    ("Jassy: chips, not power, is the industry bottleneck right now", "2025-11-01", "contradicted"),
    ("IREN says winning contracts, not getting GPUs live, is the bottleneck", "2026-08-28", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
