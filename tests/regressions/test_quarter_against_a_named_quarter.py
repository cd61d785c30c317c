"""A quarter set against another in comparator words ("Microsoft's March-quarter capex came in below its
December-quarter level") had no direction ("no direction recognized"), and a guide named as a thing beside a
quarter's move ("dips from the December quarter even as it raises its full-year guide") made the claim a plan,
which the quarters' reported figures were not asked to answer."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "direction", "modality"), [
    ("Microsoft's March-quarter capex came in below its December-quarter level", "down", "fact"),
    ("Alphabet's Q2 capex came in above the prior quarter's", "up", "fact"),
    ("Meta's March-quarter capex dips from the December quarter even as it raises its full-year guide", "down",
     "fact"),
])
def test_read_as_a_move_from_the_quarter_before(claim: str, direction: str, modality: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 5, 1))
    assert (reading.direction, reading.quarters_in_a_row, reading.modality) == (direction, 1, modality)


def test_a_guide_as_a_verb_is_still_a_plan() -> None:
    assert read(parse_claim("Meta guides 2026 capex to $115-135bn"), dt.date(2026, 1, 30)).modality == "plan"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # MSFT: "Capital expenditures were $37.5 billion in this quarter" (January call), "$31.9 billion" (April call)
    ("Microsoft's March-quarter capex came in below its December-quarter level", "2026-04-30", "supported"),
    # META: $22.1B in Q4 2025, $19.8B in Q1 2026
    ("Meta's March-quarter capex dips from the December quarter even as it raises its full-year guide",
     "2026-05-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
