"""Headlines that say a company is short of capacity in other words ("still short of compute capacity",
"demand for AI compute still outpaces its capacity", "won't have enough capacity"), that it has capacity
left ("unsold HBM capacity"), or that it crossed into profit or loss ("swung to an operating profit",
"falls to an operating loss") came out `unclear` with "no direction recognized", or were judged on the
year-on-year change of profit instead of its sign."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from tests import rumor_store

DAY = dt.date(2026, 7, 30)


@pytest.mark.parametrize(("claim", "obj", "direction"), [
    ("Meta says it is still short of compute capacity", "capacity", "constrained"),
    ("Google says demand for AI compute still outpaces its capacity", "demand_supply", "constrained"),
    ("Amazon says it still won't have enough capacity to meet 2026 demand", "capacity", "constrained"),
    ("Micron still has unsold HBM capacity for 2026", "memory_supply", "unconstrained"),
    ("Google will rent third-party capacity to bridge its compute shortfall", "compute_contracts", "up"),
    ("SK hynix swings back to an operating profit", "profit", "up"),
    ("CoreWeave slips to an operating loss", "profit", "down"),
])
def test_the_reading_names_what_is_claimed(claim: str, obj: str, direction: str) -> None:
    reading = read(parse_claim(claim), DAY)
    assert (reading.object, reading.direction, reading.negated) == (obj, direction, False)


def test_a_fall_into_loss_is_judged_on_the_sign_not_the_change(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    # Samsung's operating profit fell 55% year on year in 2025Q2 but stayed a profit.
    result = check(store, "Samsung's chip division falls to an operating loss", "2025-08-01")
    assert result["verdict"] == "contradicted"
    assert "a profit" in " ".join(e["text"] for e in result["evidence"])
