"""Claims in a note's shorthand, and quarters named only as a comparison base, were misread: "2Q26" and "FQ3"
named no period, "Aug '25" no month, "from Oct to mid-Nov" no window and "B200s" no GPU; Lam's "capital
expenditures were $172 million, which was down from the March quarter level" was taken for a sentence about the
March quarter; Broadcom's "backlog ... hit a record $110 billion", said of "this quarter" on its results call,
did not answer a claim about its fiscal Q3."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.shorthand import expand
from aicycle.store import Store


@pytest.mark.parametrize(("said", "read"), [
    ("CIFR 2Q26 revenue up q/q", "CIFR Q2 2026 revenue up quarter over quarter"),
    ("AI semis growth <40% y/y in FQ3", "AI semis growth <40% year over year in fiscal Q3"),
    ("B200s under $5/hr as of Aug '25", "B200s under $5/hr as of August 2025"),
    ("prices firm from Oct to mid-Nov 2025", "prices firm from October to mid-November 2025"),
    ("may to june", "may to june"),  # "may" is a verb far more often than a month
])
def test_shorthand_spelled_out(said: str, read: str) -> None:
    assert expand(said) == read


@pytest.mark.parametrize(("claim", "as_of", "want", "quoted"), [
    # "Revenue for the second quarter was $25 million, down from $35 million in Q1"
    ("CIFR 2Q26 revenue up q/q on HPC ramp", "2026-08-06", "contradicted", "$25 million"),
    # data center +14% y/y in Q2 against +57% in Q1
    ("AMD 2Q25 data center revenue growth re-accelerates y/y", "2025-09-13", "contradicted", "data center"),
    ("LRCX June-qtr capex up q/q", "2025-09-14", "contradicted", "$172 million"),
    ("Broadcom backlog hits record $110bn in fiscal Q3", "2025-10-20", "supported", "$110 billion"),
    # GIX-B200 for August 2025: $5.06
    ("B200s renting for under $5/hr as of Aug '25", "2025-09-01", "contradicted", "$5.06"),
    # the H100 SXM marketplace median from its first October point ($1.99) to mid-November ($2.69)
    ("H100 SXM marketplace prices firm from Oct to mid-Nov 2025", "2025-11-17", "supported", "$1.99"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str, quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert quoted in result["reasoning"]


def test_spent_through_a_named_month(store: Store) -> None:
    """"Through September 2025" counts the year's first three quarters (cash capex $92.3B by the filings)."""
    assert check(store, "Amazon has already spent nearly $90bn on capex through September 2025",
                 "2025-11-01")["verdict"] == "supported"
