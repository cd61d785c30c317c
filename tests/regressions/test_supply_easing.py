""""Nvidia sees supply easing well before end of FY28" had no reading ("no metric recognized"), though NVIDIA said on
its call that supply would remain a bottleneck at least through the end of fiscal 2028."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_supply_easing_is_the_constraint_ending() -> None:
    reading = read(parse_claim("Nvidia sees supply easing well before end of FY28"), dt.date(2026, 8, 27))
    assert (reading.object, reading.direction) == ("capacity", "unconstrained")


def test_against_the_call(store: Store) -> None:
    assert check(store, "Nvidia sees supply easing well before end of FY28", "2026-08-27")["verdict"] == "contradicted"
