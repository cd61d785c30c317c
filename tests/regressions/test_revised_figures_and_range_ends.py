"""A plan figure recalled or since revised bore the claim out: "Amazon's 2026 spending plan is about $200bn"
was supported on "Earlier this year, we said we plan to invest approximately $200 billion" in the call that
raised it to $220 billion; "Meta lifts the top end of its 2026 capex range above $145 billion" was supported by
a range whose top stayed at $145 billion."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.observe import observe
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_recalled_or_revised_figure_is_not_the_plan() -> None:
    reading = read(parse_claim("Amazon's 2026 spending plan is about $200bn"), dt.date(2026, 7, 31))
    recalled = "Earlier this year, we said we plan to invest approximately $200 billion in cash CapEx in 2026."
    revised = ("We now believe we will spend approximately $220 billion in cash CapEx in 2026, up from our prior "
               "estimate of about $200 billion.")
    assert observe(reading, recalled)[0] is None
    assert observe(reading, revised)[0] == "mismatch"


def test_a_top_end_unmoved_was_not_lifted(store: Store) -> None:
    result = check(store, "Meta lifts the top end of its 2026 capex range above $145 billion", "2026-07-30")
    assert result["verdict"] == "contradicted"
