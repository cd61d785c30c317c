""""Amazon lifts 2026 capex to $220bn on surging AI demand" and "GOOGL raised FY26 capex guide to $180-190bn on stronger
AI demand" were supported by the raise alone, though each company's sentence stating the revision names another
cause: "The higher cost of memory pushing this number up from our prior estimate", "up from our previous estimate ...
to now include investment related to the acquisition of Intersect". A claim's reason is set against that sentence."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.driver import claimed_driver
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "driver"), [
    ("Amazon lifts 2026 capex to $220bn on surging AI demand", "demand"),
    ("Amazon lifts 2026 capex to $220bn on higher memory costs", "costs"),
    ("Alphabet bumps 2026 capex range to fold in Intersect acquisition", None),  # no "on", "due to", ...
    ("Amazon lifts 2026 capex to $220bn", None),
])
def test_the_claims_reason(claim: str, driver: str | None) -> None:
    assert claimed_driver(claim) == driver


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Amazon lifts 2026 capex to $220bn on surging AI demand", "2026-07-31", "contradicted"),
    ("Amazon lifts 2026 capex to $220bn on higher memory costs", "2026-07-31", "supported"),
    ("GOOGL raised FY26 capex guide to $180-190bn on stronger AI demand", "2026-04-30", "contradicted"),
    ("Amazon lifts 2026 capex to $220bn", "2026-07-31", "supported"),  # the raise alone, read as usual
])
def test_reason_against_the_revision_sentence(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
