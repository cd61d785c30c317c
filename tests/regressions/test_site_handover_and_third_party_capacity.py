"""A handover named in a headline's words ("has handed Horizon 1 over", "rent starts early at Black Pearl")
was not read as a delivery; the call's "Horizon One is scheduled for Microsoft handoff in Q3" gave the site no
date (a quarter with no year, "One" for 1); "Google to rent third-party capacity in Q3" was read as a reported
fact about a quarter under way."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.schedule import _read_sentence
from aicycle.store import Store


def test_a_quarter_with_no_year_and_a_site_number_in_words() -> None:
    said = _read_sentence("Horizon One is scheduled for Microsoft handoff in Q3, and Horizons Two to Four remain "
                          "on track for delivery by the end of this year.", "Horizon 1", dt.date(2026, 5, 7))
    assert said is not None and said.status == "due"
    assert said.window is not None and (said.window.start, said.window.end) == (dt.date(2026, 7, 1),
                                                                                dt.date(2026, 9, 30))


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # "scheduled for Microsoft handoff in Q3" (2026-05-07): not yet delivered, which does not refute a delivery
    # that may come before the as-of date (the claim sets' writers differ on this one)
    ("IREN has handed Horizon 1 over to Microsoft", "2026-05-09", "unclear"),
    # "Horizon 1 was delivered to Microsoft this month" (2026-08-27)
    ("IREN has handed Horizon 1 over to Microsoft", "2026-08-29", "supported"),
    # "we delivered that capacity and rent has commenced at the site", two months ahead of schedule
    ("Rent starts early at Cipher's Black Pearl site", "2026-08-06", "supported"),
    # "we plan to expand the use of third-party capacity in Q3 as a bridging strategy" (2026-07-22)
    ("Google to rent third-party capacity in Q3 as a bridge while it builds its own", "2026-07-24", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
