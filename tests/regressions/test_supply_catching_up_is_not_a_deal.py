""""Nvidia says supply has caught up with demand for its GPUs" was read as a compute contract ("supply ... with
... GPUs", the shape of "to supply Anthropic with TPUs") and left unclear. It is the company's word on demand
against supply, and NVIDIA's own call ("This is a supply-constrained outlook") refutes it."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_caught_up_is_demand_against_supply(store: Store) -> None:
    result = check(store, "Nvidia says supply has caught up with demand for its GPUs", "2026-08-28")
    assert result["verdict"] == "contradicted"
    assert result["reading"]["object"] == "demand_supply"
