""""MSFT June-qtr capex $41bn, short of its 'over $40bn' guide" was supported by the $41bn alone: a claim naming both
the result and the guide was not read as a comparison (only claims naming no figure were). The stored result is now
set against the guide the claim names."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.vs_guide import NamedGuide, read_named_guide
from aicycle.store import Store


def test_both_figures_read() -> None:
    assert read_named_guide("MSFT June-qtr capex $41bn, short of its 'over $40bn' guide") == NamedGuide(False, 40e9,
                                                                                                       41e9)
    assert read_named_guide("KLA June-qtr revenue beat guidance midpoint") is None


@pytest.mark.parametrize(("claim", "verdict"), [
    ("MSFT June-qtr capex $41bn, short of its 'over $40bn' guide", "contradicted"),
    ("MSFT June-qtr capex $41bn, above its 'over $40bn' guide", "supported"),
])
def test_stored_result_against_the_named_guide(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, "2026-07-30")["verdict"] == verdict
