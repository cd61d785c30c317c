""""Oracle RPO climbs to $638bn, up $85bn from a year earlier" was borne out by Oracle's "ended the quarter at $638
billion, up 363% USD year-over-year and up $85 billion sequentially": the $85bn was added in a quarter, not a year.
An amount a claim says was added over a year or a quarter is held to the span the company's sentence gives it; and
"AWS added 3.8GW of power in the third quarter alone" is not borne out by "more than 3.8 gigawatts of power in the
past 12 months"."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Oracle RPO climbs to $638bn, up $85bn from a year earlier", "2026-06-12", "contradicted"),
    ("Oracle RPO climbs to $638bn, up $85bn sequentially", "2026-06-12", "supported"),
    ("AWS added 3.8GW of power in the third quarter alone", "2025-11-01", "contradicted"),
    ("AWS added 3.8GW of power in the past year", "2025-11-01", "supported"),
])
def test_the_span_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
