""""H100 SXM marketplace median climbs over Oct-Nov 2025", said on 17 November: the span of months was not read,
so the claim fell back to a year-long index comparison and was refuted. "Oct-Nov" is spelled out as a window from
October to November, and a window whose last month is under way is read so far, on a series that has a point in
that month by then (a monthly series whose point for the month is still to come leaves it unclear)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.shorthand import expand
from aicycle.store import Store


@pytest.mark.parametrize(("short", "long"), [
    ("climbs over Oct-Nov 2025", "climbs over from October to November 2025"),
    ("rose Sept\u2013Nov", "rose from September to November"),
    ("Jan-Mar quarter", "Jan-March quarter"),  # a quarter's name, not a window
])
def test_span_spelled_out(short: str, long: str) -> None:
    assert expand(short) == long


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("H100 SXM marketplace median climbs over Oct-Nov 2025", "2025-11-17", "supported"),
    # the monthly index's May point is published at the month's end
    ("A100 rental prices jump more than 50% between December 2025 and May 2026", "2026-05-15", "unclear"),
    ("A100 rental prices jump more than 50% between December 2025 and May 2026", "2026-06-01", "supported"),
])
def test_window_read_so_far(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
