"""A level claim on a named price source ("Vast.ai offers are below $2", "marketplace median tops $2.50",
"the rate-card index tops $6") was judged on another source's year-on-year trend; and "backlog plus slot
reservations tops 60 GW" was supported by "we expect to end the year with over 60 gigawatts", a forecast."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict", "source"), [
    ("Vast.ai H100 SXM offers are below $2 per GPU-hour", "2026-07-16", "supported", "vast.ai"),
    ("H100 SXM marketplace median rental tops $2.50/hr", "2025-10-20", "contradicted", "marketplace"),
    ("Median H100 rental price on GPU marketplaces climbs above $2.50 an hour", "2025-11-16", "supported",
     "marketplace"),
    ("B200 rate-card rental index tops $6 per GPU-hour", "2026-05-05", "supported", "B200"),
])
def test_a_level_is_read_on_the_source_the_claim_names(store: Store, claim: str, as_of: str, verdict: str,
                                                      source: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert source.lower() in (result["evidence"][0]["text"] + result["evidence"][0]["source"]).lower()


def test_a_forecast_level_does_not_bear_out_a_level_reached(store: Store) -> None:
    result = check(store, "GE Vernova gas turbine backlog plus slot reservations tops 60 GW", "2025-09-15")
    assert result["verdict"] == "contradicted"  # 55 GW reported; "we'll get to at least 60" is a forecast


def test_a_raised_target_is_still_answered_by_the_forecast(store: Store) -> None:
    result = check(store, "TeraWulf lifts its annual HPC signing target to 250-500MW", "2025-11-12")
    assert result["verdict"] == "supported"
