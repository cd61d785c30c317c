"""'Tucson approves Amazon's $3.6bn Project Blue data center' named no direction the check knew, so the council's
vote to stop negotiations did not refute it; "approves" and "green-lights" now read against the permitting
events that name the project, as "blocks" already did."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "want"), [
    ("Tucson approves Amazon's $3.6bn Project Blue data center", "contradicted"),
    ("Tucson green-lights Amazon's $3.6bn Project Blue data center", "contradicted"),
    ("Tucson blocks Amazon's $3.6bn Project Blue data center", "supported"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    # "the Tucson City Council voted unanimously 7-0 to stop negotiations for Project Blue" (2025-08-06)
    assert check(store, claim, "2025-08-10")["verdict"] == want
