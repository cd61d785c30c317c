"""A balance under an "above" line was taken as the answer when it was not the figure the claim is about:
"Nebius's annualised run-rate tops $1bn by end-2025" was contradicted on September's $551M before December's
figure was out; "tops $100bn at mid-2026" on March's backlog; "ARR hits $3bn" on a figure two quarters old;
"active power passes 1GW" on a figure given only as "more than 850 MW"; and one data center's "initial 100 MW"
was set against the company's total."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.periods import read_period
from aicycle.store import Store


def test_mid_year_is_the_june_quarter_but_through_mid_year_is_a_span() -> None:
    period = read_period("CoreWeave's backlog tops $100bn at mid-2026", dt.date(2026, 7, 15))
    assert (period.year, period.quarter) == (2026, 2)
    assert read_period("nearline capacity is booked through mid-2026", dt.date(2025, 9, 11)).quarter is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Nebius's annualised run-rate tops $1bn by end-2025", "2025-12-31", "unclear"),
    ("Nebius's annualised run-rate tops $1bn by end-2025", "2026-03-01", "supported"),
    ("CoreWeave's backlog tops $100bn at mid-2026", "2026-07-15", "unclear"),
    ("Nebius ARR reaches $3bn", "2026-07-15", "unclear"),
    ("Nebius ARR hits $3bn", "2026-05-21", "unclear"),
    ("CoreWeave active power reaches 1.5 GW", "2026-05-15", "unclear"),
    ("CoreWeave active power reaches 1.5 GW", "2026-08-15", "supported"),
])
def test_the_figure_the_claim_is_about_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
