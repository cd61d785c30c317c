""""Strip out finance leases and Meta still spent more than $72bn on capex in 2025" was borne out by the
lease-inclusive $72.2bn: "strip out" was not read as leaving leases out, and with no annual purchases figure stored
the lease-inclusive one stood in. A claim without leases never reads the lease-inclusive figure; a year with four
stored quarters and no annual figure is their sum ($69.7bn). "CoreWeave backlog crossed $100B as of March 31, 2026"
was unclear: "as of March 31, 2026" is that quarter's end ($99.4bn)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.basis import read_basis
from aicycle.store import Store


def test_strip_out_is_without() -> None:
    assert read_basis("Strip out finance leases and Meta still spent more than $72bn on capex in 2025") == "cash"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Strip out finance leases and Meta still spent more than $72bn on capex in 2025", "2026-04-05", "contradicted"),
    ("Excluding finance leases, Meta spent about $69.7bn on capex in 2025", "2026-04-05", "supported"),
    ("CoreWeave backlog crossed $100B as of March 31, 2026", "2026-06-20", "contradicted"),
    ("CoreWeave backlog crossed $90B as of March 31, 2026", "2026-06-20", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
