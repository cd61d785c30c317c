""""Oracle RPO up 363% q/q to $638bn", "Broadcom FQ3 AI semi revenue $5.2bn, +63% q/q" and "Nvidia's $65bn Q4 guide
implies ~14% y/y growth" were supported on their level alone: the rise the claim puts on it, and its basis (year on
year or quarter on quarter), were not read. The rise is computed from the stored figures where they reach back, else
read from the company's sentence that states the level and its rises."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.growth_basis import GrowthBasis, read_growth_basis
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "want"), [
    ("Oracle RPO up 363% q/q to $638bn", GrowthBasis(363.0, "quarter")),
    ("AWS's $496bn backlog grew ~50% y/y", GrowthBasis(50.0, "year")),
    ("Broadcom FQ3 AI semi revenue $5.2bn, +63% q/q", GrowthBasis(63.0, "quarter")),
    ("Oracle RPO jumps to $638bn", None),
])
def test_rate_and_basis_read(claim: str, want: GrowthBasis | None) -> None:
    assert read_growth_basis(parse_claim(claim).text) == want


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    # the company's sentences: "up 363% USD year-over-year", "up 63% year on year", "growing triple digits"
    ("Oracle RPO up 363% q/q to $638bn", "2026-06-11", "contradicted"),
    ("Oracle RPO up 363% y/y to $638bn", "2026-06-11", "supported"),
    ("Broadcom FQ3 AI semi revenue $5.2bn, +63% q/q", "2025-10-20", "contradicted"),
    ("Broadcom FQ3 AI semi revenue $5.2bn, +63% y/y", "2025-10-20", "supported"),
    ("AWS's $496bn backlog grew ~50% y/y", "2026-08-01", "contradicted"),
    # the stored quarters: $65bn against $57.0bn (+14%) a quarter earlier and $39.3bn (+65%) a year earlier
    ("Nvidia's $65bn Q4 guide implies ~14% y/y growth", "2025-11-20", "contradicted"),
    ("Nvidia's $65bn Q4 guide implies ~14% q/q growth", "2025-11-20", "supported"),
])
def test_rise_on_its_basis(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    # the stored quarters: 590 MW at Q3 2025 against 470 MW at Q2: 120 MW added
    ("CoreWeave added ~220 MW of active power in Q3, reaching 590 MW", "2025-11-11", "contradicted"),
    ("CoreWeave added ~120 MW of active power in Q3, reaching 590 MW", "2025-11-11", "supported"),
    # NVIDIA: "now sit roughly at $600 billion, more than $200 billion higher relative to the start of the year"
    ("Per Nvidia, Street sees top-hyperscaler 2026 capex ~ $600bn, up ~$120bn since January", "2025-11-20",
     "contradicted"),
    ("Per Nvidia, Street sees top-hyperscaler 2026 capex ~ $600bn, up ~$200bn since January", "2025-11-20",
     "supported"),
])
def test_an_amount_added_beside_the_level(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert read_growth_basis(parse_claim(claim).text) is not None
    assert check(store, claim, as_of)["verdict"] == verdict
