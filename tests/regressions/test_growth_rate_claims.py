""""Azure growth slows to 39% in June quarter" found nothing: "to 39%" was read as "through '39", so every
sentence failed the year test. "AWS growth slows to 24% in fourth quarter" was supported by "growth continued
to accelerate to 24%": the rate matched, the way it moved did not."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["Azure growth slows to 39% in June quarter",
                                   "Nvidia data center revenue grows to 30 billion dollars"])
def test_a_figure_after_to_is_not_a_year(claim: str) -> None:
    assert not read(parse_claim(claim), dt.date(2026, 8, 2)).through


def test_through_a_year_is_still_read() -> None:
    assert read(parse_claim("Microsoft stays capacity constrained through 2026"), dt.date(2026, 8, 2)).through


@pytest.mark.parametrize(("claim", "as_of", "verdict", "quoted"), [
    ("Azure growth slows to 39% in June quarter", "2026-08-02", "contradicted", "revenue grew 43%"),
    ("AWS growth slows to 24% in fourth quarter", "2026-02-08", "contradicted", "accelerate to 24%"),
    ("AWS growth accelerates to 24% in fourth quarter", "2026-02-08", "supported", "accelerate to 24%"),
])
def test_the_stated_rate_and_its_way(store: Store, claim: str, as_of: str, verdict: str, quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert quoted in result["evidence"][0]["text"]
