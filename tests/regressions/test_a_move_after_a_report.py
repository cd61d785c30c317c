""""BREAKING: Meta cuts 2026 capex after 'Meta Compute' idle-capacity report", on 10 July, was refuted by the April
guide: a cut said to follow a report made in July is answered by what the company said since the report, and
nothing was until the 29 July results (which raised the low end)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("BREAKING: Meta cuts 2026 capex after 'Meta Compute' idle-capacity report", "2026-07-10", "unclear"),
    ("Meta to trim 2026 capex plan after Meta Compute report", "2026-07-02", "unclear"),
    ("Meta to trim 2026 capex plan after Meta Compute report", "2026-07-31", "contradicted"),
])
def test_after_a_report(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
