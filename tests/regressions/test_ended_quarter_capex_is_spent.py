""""Nebius Q2 2026 capex more than doubles q/q to ~$5.7bn", checked in September 2026, came out unclear: a capex
claim with a direction in the current year was read as a revision of the year's plan, and Nebius gives no guided
range. A quarter that has ended is money spent; its stored figure (the 6-K's $5,657m) answers the level."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.store import Store


def test_an_ended_quarter_is_judged_on_its_figure(store: Store) -> None:
    right = check(store, "Nebius Q2 2026 capex more than doubles q/q to ~$5.7bn", dt.date(2026, 9, 20))
    wrong = check(store, "Nebius Q2 2026 capex more than doubles q/q to ~$4.7bn", dt.date(2026, 9, 20))
    assert (right["verdict"], wrong["verdict"]) == ("supported", "contradicted")


def test_a_quarter_under_way_is_not_judged_on_an_older_one(store: Store) -> None:
    # before the quarter's 6-K, nothing public is the Q2 figure
    early = check(store, "Nebius Q2 2026 capex more than doubles q/q to ~$5.7bn", dt.date(2026, 6, 20))
    assert early["verdict"] == "unclear"
