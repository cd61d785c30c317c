""""Lam now pegs 2025 wafer-fab equipment spend at ~$105bn", checked on 2025-07-01, was borne out by "we continue to
forecast calendar year 2025 WFE spending in the $100 billion range": a view stated in round figures was matched to
5%, and another view of the same year did not refute the claim. Views are matched to 2%, and the company's one
view of the named year, when it is another, refutes it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Lam now pegs 2025 wafer-fab equipment spend at ~$105bn", "2025-07-01", "contradicted"),
    ("Lam now pegs 2025 wafer-fab equipment spend at ~$105bn", "2025-09-20", "supported"),  # "the $105 billion range"
    ("Lam sees 2025 WFE around $100bn", "2025-07-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
