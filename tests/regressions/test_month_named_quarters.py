""""NVIDIA's remaining performance obligations slip in the January quarter" was compared with a year earlier
(+35%) and contradicted: only March, June, September and December quarters were read as "in the quarter", the
change over the quarter. NVIDIA's RPO fell from $2.5B to $2.3B over its January quarter."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_any_month_names_a_quarter() -> None:
    for month in ("January", "April", "July", "October"):
        reading = read(parse_claim(f"NVIDIA's RPO slips in the {month} quarter"), dt.date(2026, 2, 26))
        assert reading.quarters_in_a_row == 1


def test_nvidias_rpo_fell_over_the_january_quarter(store: Store) -> None:
    result = check(store, "NVIDIA's remaining performance obligations slip in the January quarter", "2026-02-26")
    assert result["verdict"] == "supported"
    assert "$2.5B → $2.3B" in result["evidence"][0]["text"]
