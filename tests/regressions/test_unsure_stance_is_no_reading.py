"""After a retrain the stance model read the header "Next, capital expenditures." as maintain at 0.35; in
Microsoft's July 2026 call that one sentence set against "we expect FY '27 capital expenditures will grow"
made the call say both, and eight FY27 capex claims fell to unclear. A stance under even odds is now no
reading at all."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.observe import observe
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_header_sentence_says_nothing() -> None:
    reading = read(parse_claim("Microsoft sees FY27 capex growing again"), dt.date(2026, 8, 3))
    assert observe(reading, "Next, capital expenditures.")[0] is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft sees FY27 capex growing again", "2026-08-03", "supported"),
    ("Microsoft expects fiscal 2027 capex to decline", "2026-07-31", "contradicted"),
])
def test_the_fy27_guide_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
