"""GPU price claims in a note's shorthand were answered by the wrong window or series: "from Oct 19 to mid-Nov
2025" lost its day and fell back to the year; "spiking in Nov 2025", said in mid-November, waited for the month
to end; "A100 80GB PCIe rental median below $1.50" was read on the A100 rate-card median, not the PCIe part's;
"the H100 rental index" did not find the GPU Index (GIX), which publishes under that name."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.price_window import claim_window
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "window"), [
    ("H100 SXM marketplace median up >25% from October 19 to mid-November 2025", "2025-11-17",
     ("2025-10-19", "2025-11-15")),
    ("B200 rental rates spiking in November 2025", "2025-11-17", ("2025-11-01", "2025-11-17")),
    ("B200 rental rates spiking in November 2025", "2025-12-02", ("2025-11-01", "2025-11-30")),
])
def test_the_window_with_its_day_and_the_month_so_far(claim: str, as_of: str, window: tuple[str, str]) -> None:
    assert claim_window(claim, dt.date.fromisoformat(as_of)) == tuple(dt.date.fromisoformat(d) for d in window)


@pytest.mark.parametrize(("claim", "as_of", "want", "shown"), [
    # the Prime Intellect marketplace median: $1.99 (2025-10-19) -> $2.69 (2025-11-15)
    ("H100 SXM marketplace median up >25% from Oct 19 to mid-Nov 2025", "2025-11-17", "supported", "$1.99"),
    # B200 median $5.69 on 2025-11-01, $5.49 on 2025-11-16
    ("B200 rental rates spiking in Nov 2025", "2025-11-17", "contradicted", "$5.49"),
    # the PCIe part's marketplace median: $1.40 on 2025-11-16 (the all-A100 rate-card median: $1.81)
    ("A100 80GB PCIe rental median slips below $1.50/hour", "2025-11-17", "supported", "A100-80GB-PCIE"),
    # GIX-H100, published median: $3.79 for August 2026
    ("H100 rental index tops $3.70 an hour", "2026-09-03", "supported", "gix"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str, shown: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert shown in result["reasoning"]
