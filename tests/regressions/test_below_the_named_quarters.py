""""Microsoft's March-quarter capex, including finance leases, falls below December's" was read year on year
(+85%) and contradicted; "below December's" names the quarter before, so the two quarters in a row decide it."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_below_a_quarter_named_by_its_month_is_quarter_on_quarter() -> None:
    claim = parse_claim("Microsoft's March-quarter capex falls below December's")
    assert read(claim, dt.date(2026, 4, 30)).quarters_in_a_row == 1


def test_the_quarter_before_decides(store: Store) -> None:
    result = check(store, "Microsoft's March-quarter capex, including finance leases, falls below December's",
                   "2026-04-30")
    assert result["verdict"] == "supported"
    assert "$37.5B → $31.9B" in result["evidence"][0]["text"]
