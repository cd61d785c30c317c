""""SK hynix Q4 2025 operating profit rose 66% y/y to 19.2tn won" was borne out by the 19.2tn won alone: "rose"
was not read as a rise of a size at all, and a figure that ended where the claim says was enough. Operating
profit more than doubled (8.1tn won a year earlier, +138%). A rise of a named size ("rose 66%") allows about a
quarter more than it names, as a fall of a named size does; a floor ("up more than 40%") has no ceiling; and a
claim naming both the rise and the level is judged on both."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import growth, growth_ceiling
from aicycle.store import Store


def test_a_named_rise_has_a_ceiling_and_a_floor_has_none() -> None:
    assert growth("operating profit rose 66% y/y") == pytest.approx(0.627)
    assert growth_ceiling("operating profit rose 66% y/y") == pytest.approx(0.825)
    assert growth_ceiling("revenue up more than 40%") is None
    assert growth_ceiling("backlog more than doubled") is None


@pytest.mark.parametrize(("claim", "verdict"), [
    ("SK hynix Q4 2025 operating profit rose 66% y/y to 19.2tn won", "contradicted"),
    ("SK hynix Q4 2025 operating profit rose 66% y/y", "contradicted"),
    ("SK hynix Q4 2025 operating profit rose 137% y/y to 19.2tn won", "supported"),
    ("SK hynix Q4 2025 operating profit rose more than 100% y/y", "supported"),
])
def test_the_size_of_the_rise_decides(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2026-01-29")
    assert result["verdict"] == verdict, result["evidence"]
    assert any("+138% YoY" in e["text"] for e in result["evidence"])
