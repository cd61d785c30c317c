"""A project said to slip ("Barber Lake delivery has slipped into 2027", "CB-4 and CB-5 slip into 2027",
"Phase 1 is behind schedule") came out `unclear`: no object was read, the year the date slipped to was
taken for the period the claim is about, and a figure naming the build ("the 168 MW build") was compared
as a level. "No longer a constraint" never matched (a missing alternation bar), "supply crunch is over"
was read as a crunch, and "can't get enough NVIDIA GPUs" was answered by the call's other sentences on
capacity instead of the one about buying NVIDIA."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "obj", "direction"), [
    ("Cipher's Barber Lake delivery has slipped into 2027", "projects", "pause"),
    ("TeraWulf says CB-4 and CB-5 at Lake Mariner slip into 2027", "projects", "pause"),
    ("Cipher's 168 MW Barber Lake build for Fluidstack slips into 2027", "projects", "pause"),
    ("Cipher's data center builds are running behind schedule", "projects", "pause"),
    ("Power shortages are delaying AI data centers", "power", "constrained"),
    ("Alphabet says its compute supply crunch is over", "capacity", "unconstrained"),
    ("Microsoft is no longer a capacity-constrained company", "capacity", "unconstrained"),
    ("Amazon says it can't get enough NVIDIA GPUs", "capacity", "constrained"),
])
def test_the_reading(claim: str, obj: str, direction: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 8, 10))
    assert (reading.object, reading.direction) == (obj, direction)


def test_the_year_a_date_slipped_to_is_not_the_claims_period() -> None:
    reading = read(parse_claim("IREN's Sweetwater 1 energization slips to 2027"), dt.date(2026, 2, 10))
    assert reading.period.year is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # "we are on track to deliver the full 168 megawatts of critical IT capacity by September 30, 2026"
    ("Cipher's 168 MW Barber Lake build for Fluidstack slips into 2027", "2025-11-04", "contradicted"),
    # "Phase 1, comprising approximately 168 critical IT megawatts remains on track"
    ("Cipher says Barber Lake Phase 1 is behind schedule", "2026-08-05", "contradicted"),
    # "So we're still in a supply-constrained environment."
    ("Alphabet says its compute supply crunch is over", "2026-07-23", "contradicted"),
    # "We are not constrained in any way in buying NVIDIA"
    ("Amazon says it can't get enough NVIDIA GPUs", "2025-10-30", "contradicted"),
    # "the broader AI build-out is accelerating, but it is increasingly constrained by power"
    ("TeraWulf: AI build-out no longer limited by power", "2026-05-09", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
