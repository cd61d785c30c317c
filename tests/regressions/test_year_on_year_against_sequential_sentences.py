""""AMD data center revenue declines year on year in Q2" was answered by sentences comparing the quarter with
the one before ("On a sequential basis, data center revenue decreased 12%"). A quarter's year-on-year move is not
answered by a sentence comparing it only with the previous quarter, nor a sequential move by a year-on-year one."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.rumor.said import _other_comparison

_SEQUENTIAL = "On a sequential basis, data center revenue decreased 12% due to the impact of the export controls."
_YEARLY = "Data center segment revenue increased 14% year-over-year to $3.2 billion."


def test_each_comparison_answers_its_own_claim() -> None:
    yearly = read(parse_claim("AMD data center revenue declines year on year in Q2 2025"), dt.date(2025, 8, 25))
    assert _other_comparison(yearly, _SEQUENTIAL) and not _other_comparison(yearly, _YEARLY)
    sequential = read(parse_claim("AMD data center revenue fell sequentially in Q2 2025"), dt.date(2025, 9, 15))
    assert _other_comparison(sequential, _YEARLY) and not _other_comparison(sequential, _SEQUENTIAL)
