"""Claims answered right turned when one word was swapped for its synonym: "isn't planning a capital spending cut"
lost its negation (the negator sat five words before the cut, not four), "slow capital spending growth" read as a
cut, "demand tops supply" and "over quadrupled" had no direction, "$64-72 billion" read as a $72bn level, and
"over 50% above its 2024 spending" as no move. Each pair below must read alike."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("one", "other"), [
    ("Microsoft isn't planning a capex cut in fiscal 2027",
     "Microsoft isn't planning a capital spending cut in fiscal 2027"),
    ("Amazon to slow capex growth in 2026", "Amazon to slow capital spending growth in 2026"),
    ("Microsoft: demand for Azure still exceeds supply", "Microsoft: demand for Azure still tops supply"),
    ("Oracle says cloud backlog more than quadrupled", "Oracle says cloud backlog over quadrupled"),
    ("Meta trims FY25 capex outlook to $64-72bn", "Meta trims FY25 capex outlook to $64-72 billion"),
    ("Amazon's 2025 capex forecast is more than 50% above its 2024 spending",
     "Amazon's 2025 capex forecast is over 50% above its 2024 spending"),
])
def test_synonyms_read_alike(one: str, other: str) -> None:
    day = dt.date(2026, 6, 11)
    a, b = read(parse_claim(one), day), read(parse_claim(other), day)
    assert (a.object, a.direction, a.negated, a.level) == (b.object, b.direction, b.negated, b.level)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft isn't planning a capital spending cut in fiscal 2027", "2026-07-31", "supported"),
    ("Microsoft says Azure demand no longer tops supply", "2026-01-30", "contradicted"),
    ("Meta cut its 2025 capex outlook to $70-72 billion in October", "2025-10-31", "contradicted"),
])
def test_the_verdicts_hold(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_a_chip_maker_forecasts_as_it_guides(store: Store) -> None:
    # "forecasts" names a chip maker's revenue outlook as "guides" does
    assert check(store, "Nvidia forecasts next quarter above $75bn", "2026-03-01")["verdict"] == "supported"
