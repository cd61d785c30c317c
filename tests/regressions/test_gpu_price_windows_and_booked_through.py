"""GPU price claims about a window or a day ("rose between mid-October and mid-November 2025", "tops $4 an
hour on October 5, 2026", "slid through 2024") were answered by another series' year-on-year change; a claim
about a GPU the store has no series for (RTX 4090) by NVIDIA's words on H100s. "Booked through 2029" was not
read against the booked-through year of GE Vernova's order book, which is a grid event, not a company figure."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.price_window import claim_window
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "window"), [
    ("H100 SXM rental prices rose between mid-October and mid-November 2025", "2025-11-17",
     ("2025-10-15", "2025-11-15")),
    ("H100 rental index tops $4 an hour on October 5, 2026", "2026-10-06", ("2026-10-05", "2026-10-05")),
    ("B200 rental prices climbed over the month to mid-November 2025", "2025-11-17", ("2025-10-16", "2025-11-15")),
    ("H100 rental list prices slid through 2024", "2025-01-02", ("2024-01-01", "2024-12-31")),
    ("H100 rental prices rose 20% year on year", "2025-11-17", None),
])
def test_the_window_a_headline_names(claim: str, as_of: str, window: tuple[str, str] | None) -> None:
    got = claim_window(claim, dt.date.fromisoformat(as_of))
    assert got == (tuple(dt.date.fromisoformat(d) for d in window) if window else None)


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # the marketplace median: $1.99 (2025-10-19) -> $2.69 (2025-11-16)
    ("H100 SXM rental prices rose between mid-October and mid-November 2025", "2025-11-17", "supported"),
    # the ewyluda H100 index: $4.32 on 2026-10-05; not yet observed on 2026-10-01
    ("H100 rental index tops $4 an hour on October 5, 2026", "2026-10-06", "supported"),
    ("H100 rental index tops $4 an hour on October 5, 2026", "2026-10-01", "unclear"),
    ("RTX 4090 rental prices jump 30% in a month", "2026-07-01", "unclear"),
    # "fully booked through 2028, with only limited availability remaining for 2029" (2025-12-09)
    ("GE Vernova's gas turbine slots are fully booked through 2029", "2025-12-11", "contradicted"),
    # "its gas turbine order book is full through 2029 and now extends into 2030 and 2031" (2026-06-27)
    ("GE Vernova's gas turbine slots are fully booked through 2029", "2026-06-29", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
