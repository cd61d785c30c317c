"""Claims the check could not read or read on the wrong evidence: a power purchase agreement ("Meta signs
Clinton nuclear PPA with Constellation") named no metric or direction and, read as power, met the parties'
words about other business; "issues a 2027 capex outlook" was no direction; "plans about $190bn of capex"
was a reported fact, so the later guide (~$175bn) did not answer it; "Broadcom AI growth slows below 50%"
named no metric."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # power events: "Meta signed a 20-year power purchase agreement for ... Constellation Energy's Clinton" (2025-06-03)
    ("Meta signs Clinton nuclear PPA with Constellation", "2025-08-25", "supported"),
    ("Constellation inks a 20-year Clinton nuclear PPA with Meta", "2025-06-06", "supported"),
    ("Constellation inks a 20-year Clinton nuclear PPA with Meta", "2025-05-01", "unclear"),
    ("Meta signs a nuclear PPA with Vistra", "2025-08-25", "unclear"),  # none recorded: open, not refuted
    # "we aren't providing a specific outlook for 2027 CapEx at this time" (2026-07-29)
    ("Meta issues a 2027 capex outlook", "2026-07-31", "contradicted"),
    # April: "roughly $190 billion"; July: "adjust our expectation to approximately $175 billion"
    ("Microsoft plans about $190bn of capex in calendar 2026", "2026-05-05", "supported"),
    ("Microsoft plans about $190bn of capex in calendar 2026", "2026-08-05", "contradicted"),
    # AI semiconductor revenue +46% in the April quarter, after +77% in the quarter before
    ("Broadcom AI growth slows below 50% in April quarter", "2025-07-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


def test_ai_growth_alone_names_no_metric(store: Store) -> None:
    """Without a rate, "AI growth" could be any AI business's: the check says it cannot read it."""
    assert check(store, "Microsoft AI growth slows", "2026-02-01")["verdict"] == "unclear"
