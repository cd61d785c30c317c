""""Alphabet trims FY26 capex range on supply constraints" was read as a claim that Alphabet is supply constrained
(supported by its call) although what it claims is a cut to the capex range, which Alphabet raised that day."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_the_reason_does_not_name_the_object() -> None:
    reading = read(parse_claim("Alphabet trims FY26 capex range on supply constraints"), dt.date(2026, 7, 23))
    assert (reading.object, reading.direction) == ("guidance", "down")


def test_a_raise_reported_as_a_trim(store: Store) -> None:
    result = check(store, "Alphabet trims FY26 capex range on supply constraints", "2026-07-23")
    assert result["verdict"] == "contradicted"
    # the constraint itself, claimed on its own, is still read as one
    assert check(store, "Alphabet says it is supply constrained", "2026-07-23")["verdict"] == "supported"
