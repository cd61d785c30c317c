""""SK hynix operating profit rose every quarter of 2025" came out supported on the fourth quarter's rise over a year
earlier, though the first quarter (7.4tn won) fell from the quarter before it (8.1tn). "Every quarter of 2025" is
four moves, each quarter against the one before, to the year's last quarter; before that quarter is reported
nothing decides it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_read_as_four_quarters_to_the_last() -> None:
    reading = read(parse_claim("SK hynix operating profit rose every quarter of 2025"), dt.date(2026, 1, 29))
    assert (reading.quarters_in_a_row, reading.period.year, reading.period.quarter) == (4, 2025, 4)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("SK hynix operating profit rose every quarter of 2025", "2026-01-29", "contradicted"),
    ("SK hynix operating profit rose every quarter of 2025", "2025-11-29", "unclear"),  # Q4 not reported
    ("Micron revenue rose every quarter of fiscal 2025", "2025-10-30", "contradicted"),  # $8.7B then $8.1B
    ("Meta capex rose each quarter in 2025", "2026-02-15", "contradicted"),  # Q1 $12.9B under Q4 2024's $14.4B
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
