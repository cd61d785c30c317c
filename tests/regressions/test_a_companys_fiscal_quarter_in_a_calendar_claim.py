""""Microsoft guides June-quarter capex above $40bn" found nothing: the outlook ("Next, capital expenditures.
... We expect CapEx spend to increase to over $40 billion") sits under Microsoft's "Q4", its fiscal Q4, which
was compared with the claim's calendar Q2 as a number. A company's named quarter is now its fiscal quarter,
mapped to the calendar when the claim counts by the calendar. "Flags" and "signals" read as an expectation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aicycle.rumor import check, scope
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("ticker", "said", "calendar"), [
    ("MSFT", "Q4", 2), ("MSFT", "Q1", 3), ("NVDA", "Q1", 2), ("META", "Q4", 4), ("MSFT", "June quarter", 2)])
def test_calendar_quarter(ticker: str, said: str, calendar: int) -> None:
    name = {"MSFT": "Microsoft", "NVDA": "NVIDIA", "META": "Meta"}[ticker]
    reading = read(parse_claim(f"{name} capex tops $1bn in the December quarter"), dt.date(2026, 5, 1))
    m = re.search(scope.vocab.QUARTER, said, re.I)
    assert m is not None and scope._calendar_quarter(m, reading) == calendar


@pytest.mark.parametrize(("claim", "as_of", "quoted"), [
    ("Microsoft guides June-quarter capex above $40bn", "2026-05-02", "over $40 billion"),
    ("Microsoft flags sequential capex decline for the March quarter", "2026-01-30", "decrease on a sequential"),
])
def test_the_outlook_for_the_quarter_under_way(store: Store, claim: str, as_of: str, quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == "supported"
    assert quoted in result["evidence"][0]["text"]
