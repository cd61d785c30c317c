""""NVIDIA Jan-qtr revenue tops $70bn", "MSFT capex tops $37bn in Dec qtr", "AWS backlog up ~40% y/y": the
shorthand of wires and notes was not read, so the quarter (and the comparison) was lost. It is spelled out
before reading; the claim is shown as given. "At June-qtr results" names the occasion, and a company with no
filed figures has had it once its results call is out."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.shorthand import expand
from aicycle.store import Store


@pytest.mark.parametrize(("short", "long"), [
    ("MSFT capex tops $37bn in Dec qtr", "MSFT capex tops $37bn in December quarter"),
    ("NVIDIA Jan-qtr revenue", "NVIDIA January-quarter revenue"),
    ("up ~40% y/y, down 3% q/q", "up ~40% year over year, down 3% quarter over quarter"),
    ("2H25 WFE well below 1H", "second half of 2025 WFE well below first half"),
    ("CY26 capex incl. finance leases", "calendar 2026 capex including finance leases"),
    ("from Oct 19 to mid-Nov 2025", "from October 19 to mid-November 2025"),
    ("Meta may cut; Decade-long deal", "Meta may cut; Decade-long deal"),  # no shorthand: unchanged
])
def test_expand(short: str, long: str) -> None:
    assert expand(short) == long


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("NVIDIA Jan-qtr revenue tops $70bn", "2026-02-28", "contradicted"),
    ("NVIDIA April-qtr revenue beats $80bn", "2026-05-23", "supported"),
    ("MSFT capex tops $37bn in Dec qtr", "2026-01-20", "unclear"),  # before the call
    ("Lam to lift its CY25 WFE view to ~$105bn at June-qtr results", "2025-09-01", "supported"),
    ("Lam to lift its CY25 WFE view to ~$105bn at June-qtr results", "2025-07-01", "unclear"),
    ("AMD data center revenue fell q/q in the June qtr on MI308 curbs", "2025-08-25", "supported"),
])
def test_read_in_full(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert result["claim"] == claim  # shown as given
