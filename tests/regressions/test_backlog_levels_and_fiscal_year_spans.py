"""Claims read wrongly until round 6: a backlog level judged by an orders figure in the same call ("$17.7
billion in AI orders") or by the amount it grew by ("increased by more than $50 billion ... reaching $514
billion"); a forecast floor below the line ("to exceed $1 trillion") taken as a figure under it; a shortfall
said with a negator ("we will still not have enough capacity"); and "through the end of our fiscal year"
said by a June-year company not counted for the year that fiscal year ends in."""

from __future__ import annotations

import pytest

from aicycle.rumor import check


@pytest.mark.parametrize(("claim", "day", "verdict"), [
    # Dell's Q2 FY26 call: "resulting in an ending backlog of $11.7 billion" (down from $14.4 billion)
    ("Dell's AI server backlog falls below $12 billion", "2025-10-20", "supported"),
    ("Dell's AI server backlog tops $14bn", "2025-10-20", "contradicted"),
    # Alphabet, 2026-07-22: "backlog increased by more than $50 billion sequentially, reaching $514 billion"
    ("Google Cloud backlog tops $500bn", "2026-07-24", "supported"),
    # NVIDIA, 2026-08-26: "CapEx by the top 5 hyperscalers is expected to reach nearly $800 billion in 2026
    # and $1.3 trillion in 2027"; on 2026-05-20 only "to exceed $1 trillion by 2027", a floor
    ("Nvidia: top-5 hyperscaler capex expected to reach $1.3 trillion in 2027", "2026-08-28", "supported"),
    ("Top-5 hyperscaler capex seen topping $1.2tn in 2027", "2026-05-25", "unclear"),
    # Amazon, 2026-07-30: "we will still not have enough capacity to meet all the demand we have in 2026, and I
    # believe this dynamic will also be true in 2027, too"
    ("Amazon expects AWS demand to outstrip capacity into 2027", "2026-07-31", "supported"),
    # Microsoft, 2025-10-28: "we now expect to be capacity constrained through at least the end of our fiscal
    # year" (June 2026): that answers mid-2026, not the end of calendar 2026
    ("Microsoft warns its AI capacity crunch will last at least until mid-2026", "2025-10-31", "supported"),
    ("Microsoft expects to stay capacity constrained through calendar 2026", "2026-02-15", "unclear"),
])
def test_verdicts(store, claim: str, day: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(store, claim, day)["verdict"] == verdict
