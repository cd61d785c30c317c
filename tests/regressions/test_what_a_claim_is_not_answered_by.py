"""Evidence that does not answer the claim was taken as if it did: a supposition on a call ("Let us say we sign a
Stingray lease") and talks in progress as a signed lease; a quarter's capex ("Capital expenditures were $41
billion") against a level for a fiscal year that had just begun; the Q3 backlog against a year-end level;
"walks back its $500bn outlook" read as a claim that the outlook is $500bn; "growth below FY25's rate" as
growth; "clears below the price cap" as "at the cap"; "5 GW of AWS compute" as power."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Cipher signs hyperscaler lease at Stingray", "2026-03-31", "unclear"),
    ("Street chatter: MSFT FY27 capex north of $200bn", "2026-07-31", "unclear"),
    # the Q3 2025 backlog ($55.6bn) is not the year-end one, which was not public in mid-January
    ("CoreWeave year-end 2025 backlog tops $60bn", "2026-01-15", "unclear"),
    ("CoreWeave year-end 2025 backlog tops $60bn", "2026-04-01", "supported"),
    # "exceeding what was included in the $500 billion Blackwell and Rubin revenue opportunity"
    ("NVIDIA walks back its $500bn Blackwell/Rubin outlook", "2026-02-27", "contradicted"),
    # "we now expect the FY '26 growth rate to be higher than FY '25"
    ("MSFT guides FY26 capex growth below FY25's rate", "2025-10-31", "contradicted"),
    # the 2026/27 auction cleared RTO-wide at the cap
    ("PJM 2026/27 capacity auction clears below the price cap", "2025-07-24", "contradicted"),
    ("PJM 2026/27 capacity auction clears at the price cap", "2025-07-24", "supported"),
    # the ledger: Anthropic agreed to spend $100bn for up to 5 GW of compute from Amazon (2026-04-21)
    ("Anthropic to spend $100bn for up to 5 GW of AWS compute", "2026-04-23", "supported"),
    # "we do believe for a couple quarters it is gonna be very tight"
    ("NVDA mgmt: supply and demand now back in balance", "2026-02-27", "contradicted"),
    # a year-end ARR target is a goal, not a balance at the year's end
    ("IREN raises year-end 2026 ARR target to $3.7bn", "2026-05-08", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


@pytest.mark.parametrize(("claim", "as_of", "want", "quoted"), [
    # the whole's share said part first: "Approximately 45% of our commercial RPO balance is from OpenAI."
    ("~45% of MSFT commercial RPO is OpenAI, per CFO", "2026-01-30", "supported", "45%"),
    # "mostly for HBM tools" says where the money goes; "above plan" stays with the capex
    ("SK hynix lifts 2025 capex above plan, mostly for HBM tools", "2025-07-25", "supported", "capex"),
    # "AI semiconductor revenue of $5.2 billion, which is up 63% year on year"
    ("AVGO AI semis growth decelerates to <40% y/y in FQ3", "2025-10-20", "contradicted", "63%"),
    # a profit for the quarter, not a loss
    ("Samsung DS (chip) division posts 2Q25 operating loss", "2025-08-01", "contradicted", "profit"),
])
def test_read_as_written(store: Store, claim: str, as_of: str, want: str, quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert quoted in result["reasoning"]
