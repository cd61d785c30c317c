""""IREN exited 2026 at $3.7B ARR", checked in September 2026, was supported by IREN's target ("on track to hit $3.7
billion exiting calendar 2026"): where a year ended is not answered by a target for it. The reading also showed its
level as "at at $3.7B"; the figure is shown once, after the comparison."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_target_is_not_where_the_year_ended(store: Store) -> None:
    for claim in ("IREN exited 2026 at $3.7B ARR", "IREN exits 2026 at $3.7bn+ ARR"):
        assert check(store, claim, dt.date(2026, 9, 1))["verdict"] == "unclear"


def test_the_level_is_shown_once() -> None:
    shown = read(parse_claim("AWS backlog breaks through $500B in Q2 2026"), dt.date(2026, 7, 31)).describe()
    assert "level above $500B" in shown
