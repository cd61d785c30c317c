"""Two claims contradicted for lack of the right evidence: "ERCOT's large-load queue tops 200 GW" by one utility's
59 GW of data-center requests inside ERCOT (a part under the line says nothing of the whole), and "Meta's 2025
capex comes in above $70bn", in June 2025, by the $39.23 billion of the 10-K filed that January (2024's spending)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.rumor.scope import year_ok
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of"), [
    ("ERCOT large-load interconnection queue tops 200 GW", "2024-11-01"),
    ("ERCOT's large-load interconnection queue exceeds 200 GW", "2025-06-01"),
    ("Meta's 2025 capex comes in above $70bn", "2025-06-01"),
])
def test_no_deciding_evidence_is_unclear(store: Store, claim: str, as_of: str) -> None:
    assert check(store, claim, as_of)["verdict"] == "unclear"


def test_spending_told_in_january_is_the_year_before() -> None:
    reading = read(parse_claim("Meta's 2025 capex comes in above $70bn"), dt.date(2025, 6, 1))
    spent = "These increases were offset by $39.23 billion of capital expenditures."
    assert not year_ok(reading, spent, dt.date(2025, 1, 30))
    assert year_ok(reading, spent, dt.date(2025, 4, 30))  # a quarter of 2025, told in April


def test_the_grid_itself_still_decides(store: Store) -> None:
    assert check(store, "ERCOT's large-load interconnection queue tops 200 GW", "2025-12-11")["verdict"] == "supported"
