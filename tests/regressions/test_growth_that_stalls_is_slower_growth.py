""""CoreWeave backlog growth stalls: ~+5% q/q in Q2 2026" was read as backlog falling, and contradicted by a backlog
that rose 5%. Growth that stalls is growth that slowed: +5% against +49% the quarter before bears it out."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_direction() -> None:
    reading = read(parse_claim("CoreWeave backlog growth stalls in Q2 2026"), dt.date(2026, 9, 20))
    assert reading.direction == "slower_growth"


def test_verdict(store: Store) -> None:
    assert check(store, "CoreWeave backlog growth stalls: ~+5% q/q in Q2 2026", "2026-09-20")["verdict"] == "supported"
