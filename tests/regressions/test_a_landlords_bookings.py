""""Digital Realty books $177m of new leases in the June quarter of 2025" found nothing: "June" was taken for a
site every sentence had to name. "Digital Realty Q2 new bookings top $200m" was read as a backlog and then
supported by the year-to-date $575 million. Months are not sites, a landlord's bookings are the leases it
signed, and a quarter's claim is not answered by a year-to-date figure."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_month_is_not_a_site() -> None:
    reading = read(parse_claim("Digital Realty books $177m of new leases in the June quarter of 2025"),
                   dt.date(2025, 9, 15))
    assert reading.places == [] and reading.object == "leases"


def test_a_landlords_bookings_are_leases() -> None:
    assert read(parse_claim("Digital Realty Q2 new bookings top $200m"), dt.date(2025, 8, 25)).object == "leases"
    assert read(parse_claim("Cisco AI bookings top $2bn"), dt.date(2025, 8, 25)).object != "leases"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Digital Realty books $177m of new leases in the June quarter of 2025", "2025-09-15", "supported"),
    ("Digital Realty Q2 new bookings top $200m", "2025-08-25", "contradicted"),
])
def test_the_quarters_signed_leases(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert "177 million" in result["evidence"][0]["text"]
