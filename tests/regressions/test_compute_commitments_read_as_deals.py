"""Compute deals in other words were read as something else: "commits $12 billion to Nebius for dedicated AI
capacity" as AI spending (and contradicted by Meta's quarterly capex not being $12 billion), "buy $300 billion
of computing power" as power, "agrees to buy CoreWeave's unsold compute capacity" with no direction, and a
call's "we plan to expand the use of third-party capacity" as no deal words."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize("claim", [
    "Meta commits $12 billion to Nebius for dedicated AI capacity",
    "OpenAI to buy $300 billion of computing power from Oracle",
    "Nvidia agrees to buy CoreWeave's unsold compute capacity through 2032",
    "Anthropic commits $100 billion to Amazon compute",
])
def test_read_as_a_deal_made(claim: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 4, 22))
    assert (reading.object, reading.direction) == ("compute_contracts", "up")


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Meta commits $12 billion to Nebius for dedicated AI capacity", "2026-03-18", "supported"),
    ("Meta commits $12 billion to Nebius for dedicated AI capacity", "2026-03-01", "unclear"),
    ("OpenAI to buy $300 billion of computing power from Oracle", "2025-09-12", "supported"),
    # "we plan to expand the use of third-party capacity in Q3 as a bridging strategy"
    ("Google will rent third-party capacity to bridge its compute shortfall", "2026-07-24", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
