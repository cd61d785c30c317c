"""Four claims read on the wrong terms: "AWS backlog breaks through $500B" (a threshold: $496B is under it, not
"about" it), "Samsung's chip (DS) profit sank to ~0.4tn won" (the chip division, not the group's 4.7tn),
"Broadcom's AI semiconductor revenue jumped 63% sequentially" (Broadcom said 63% year on year; a rate with no level
is read on the company's own sentence giving that rate), "Oracle's FY26 net cash outlay for capex came to ~$55.7B"
($55.7B is the gross purchases; the net outlay is less financing and prepayments)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import level
from aicycle.rumor.basis import read_basis
from aicycle.store import Store


def test_breaks_through_is_a_threshold() -> None:
    found = level("AWS backlog breaks through $500B in Q2 2026")
    assert found is not None and (found.op, found.value) == ("above", 500e9)


def test_net_outlay_for_capex_is_net() -> None:
    assert read_basis("Oracle's FY26 net cash outlay for capex came to ~$55.7B") == "net"
    assert read_basis("Oracle's FY26 capex came to ~$55.7B") is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("AWS backlog breaks through $500B in Q2 2026", "2026-07-31", "contradicted"),
    ("AWS backlog breaks through $450B in Q2 2026", "2026-07-31", "supported"),
    ("Samsung's chip (DS) profit sank to ~0.4tn won in Q2 2025", "2025-08-01", "supported"),
    ("Broadcom's AI semiconductor revenue jumped 63% sequentially in fiscal Q3 2025", "2025-10-20", "contradicted"),
    ("Broadcom's AI semiconductor revenue jumped 63% year on year in fiscal Q3 2025", "2025-10-20", "supported"),
    ("Oracle's FY26 net cash outlay for capex came to ~$55.7B", "2026-09-02", "contradicted"),
    ("Oracle's FY26 capex came to ~$55.7B", "2026-09-02", "supported"),
])
def test_read_on_its_own_terms(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
