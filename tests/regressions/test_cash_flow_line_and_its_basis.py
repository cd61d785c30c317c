""""Microsoft paid ~$41bn in cash for PP&E in the June 2026 quarter" and "Amazon's gross purchases of property and
equipment were $53.1bn in Q2 2026" were not read as capex claims at all (unclear). The cash-flow line's own names
are capex, and "gross" is a basis: Amazon's $53.1bn is the net figure (less proceeds and incentives), its gross
purchases $54.2bn; Microsoft's $41bn includes finance leases, its cash for PP&E $35.8bn."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.basis import read_basis
from aicycle.store import Store


def test_bases_read() -> None:
    assert read_basis("Microsoft paid ~$41bn in cash for PP&E in the June 2026 quarter") == "cash"
    assert read_basis("Amazon's gross purchases of property and equipment were $53.1bn") == "gross"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Microsoft paid ~$41bn in cash for PP&E in the June 2026 quarter", "2026-09-15", "contradicted"),
    ("Microsoft paid ~$35.8bn in cash for PP&E in the June 2026 quarter", "2026-09-15", "supported"),
    ("Amazon's gross purchases of property and equipment were $53.1bn in Q2 2026", "2026-09-15", "contradicted"),
    ("Amazon's gross purchases of property and equipment were $54.2bn in Q2 2026", "2026-09-15", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
