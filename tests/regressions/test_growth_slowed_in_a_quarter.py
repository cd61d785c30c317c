""""NVIDIA's sequential revenue growth slowed in fiscal Q4 2026" and "Google Cloud's backlog growth slowed in Q4
2025" came out unclear although the store holds the quarters that decide them: only the latest quarter's
year-on-year revenue growth was read, never a named quarter, a sequential basis, capex or a backlog. The
quarter's growth is now set against the growth of the quarter before it, on the claim's basis (growth_pace)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.growth_pace import sequential_basis
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # revenue $46.7B -> $57.0B (+22%) -> $68.1B (+20%)
    ("NVIDIA's sequential revenue growth slowed in fiscal Q4 2026", "2026-02-27", "supported"),
    # capex $17.2B -> $22.4B (+30%) -> $24.0B (+7%)
    ("Alphabet's quarterly capex growth slows in Q3 2025, but spending still rises", "2025-10-31", "supported"),
    # backlog +46% in the September quarter, +54% in the December quarter: faster
    ("Google Cloud's backlog growth slowed in Q4 2025", "2026-02-06", "contradicted"),
    # the call's "$514 billion" is Google Cloud's backlog, not the total RPO the quarters hold ($519.5bn, public in
    # August): the store has no June-quarter figure of the series yet
    ("Google Cloud backlog growth slows sharply in Q2 2026 but the backlog still rises", "2026-07-25", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


def test_the_basis_is_the_claims() -> None:
    assert sequential_basis("quarterly capex growth slows", "capex")
    assert not sequential_basis("revenue growth slowed in Q2", "revenue")  # headlines mean year on year
    assert sequential_basis("backlog growth slowed in Q4", "backlog")  # the companies state it sequentially
    assert not sequential_basis("backlog growth slowed y/y in Q4", "backlog")
