""""SK hynix Q4 OP 19.2tn won, +137% y/y" named no metric: "OP", in capitals, is operating profit in Korean and
sell-side shorthand. "Revenue growth view" is an outlook, as "outlook" is."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_op_in_capitals_is_operating_profit(store: Store) -> None:
    assert check(store, "SK hynix Q4 OP 19.2tn won, +137% y/y", "2026-02-01")["verdict"] == "supported"
    assert read(parse_claim("Meta's op-ed on AI spending"), dt.date(2026, 2, 1)).object != "profit"


def test_a_growth_view_is_an_outlook() -> None:
    reading = read(parse_claim("Arista lifts FY25 revenue growth view to ~25%"), dt.date(2025, 9, 20))
    assert reading.modality == "expectation"
