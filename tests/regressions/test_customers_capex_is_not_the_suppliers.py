""""NVIDIA's fiscal-2026 capex tops $6bn" was supported before the year was reported by NVIDIA quoting the
analysts' expectation for "the top CSPs and hyperscalers ... roughly at $600 billion": its customers' capex, not
its own. A claim about the clouds' capex that NVIDIA quotes is still answered by that sentence."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_suppliers_own_capex(store: Store) -> None:
    result = check(store, "NVIDIA's fiscal-2026 capex tops $6bn", "2026-01-26")
    assert result["verdict"] == "unclear"
    assert not any("hyperscalers" in e["text"] for e in result["evidence"])


def test_the_clouds_capex_as_nvidia_quotes_it(store: Store) -> None:
    result = check(store, "Top five hyperscalers' 2026 capex seen near $800 billion, Nvidia says", "2026-08-28")
    assert result["verdict"] == "supported"
