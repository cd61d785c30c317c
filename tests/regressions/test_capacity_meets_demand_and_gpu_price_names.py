"""Headlines the check could not read: "Azure demand no longer exceeds its capacity", "AWS capacity now meets
demand", "nearline capacity is largely spoken for", "H100 SXM marketplace prices rose", "an H100 rental index
tops $4 an hour"; and "Nvidia expects fiscal 2028 revenue to grow about 70%" was answered by the growth of
past quarters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from tests import rumor_store

DAY = dt.date(2026, 8, 1)


@pytest.mark.parametrize(("claim", "obj", "direction"), [
    ("Microsoft says Azure demand no longer exceeds its capacity", "demand_supply", "unconstrained"),
    ("Amazon says AWS capacity now meets demand", "demand_supply", "unconstrained"),
    ("Seagate says nearline capacity is largely spoken for through mid-2026", "capacity", "sold_out"),
])
def test_capacity_against_demand_is_read(claim: str, obj: str, direction: str) -> None:
    reading = read(parse_claim(claim), DAY)
    assert (reading.object, reading.direction) == (obj, direction)


@pytest.mark.parametrize("claim", ["H100 SXM marketplace prices rose between mid-October and mid-November 2025",
                                   "An H100 rental index tops $4 an hour in early October 2026"])
def test_gpu_price_names_are_read(claim: str) -> None:
    assert read(parse_claim(claim), DAY).object == "gpu_prices"


def test_a_future_year_is_not_answered_by_past_growth(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "Nvidia expects fiscal 2028 revenue to grow about 70%", "2026-06-01")
    assert result["verdict"] == "unclear"
