""""Meta lifts 2026 capex ceiling above $145bn", as of August 2026, was read as a claim about capex spent and
supported by the July call's "$130 billion to $145 billion" (its $145 billion end counted as the line). A ceiling
or a floor is an end of a guided range: the claim is about the guide, whose top stayed at $145 billion."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_ceiling_not_lifted(store: Store) -> None:
    result = check(store, "Meta lifts 2026 capex ceiling above $145bn", "2026-08-02")
    assert result["reading"]["object"] == "guidance"
    assert result["verdict"] == "contradicted"
