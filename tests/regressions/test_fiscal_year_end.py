""""Nvidia's remaining performance obligations dipped q/q at fiscal 2026 year-end", checked on 2026-02-20, was
refuted by the October quarter's rise: "fiscal 2026 year-end" was not read as the fiscal year's fourth quarter,
which was not reported until 2026-02-25."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

_CLAIM = "Nvidia's remaining performance obligations dipped q/q at fiscal 2026 year-end"


def test_the_fourth_fiscal_quarter() -> None:
    period = read(parse_claim(_CLAIM), dt.date(2026, 2, 20)).period
    assert (period.year, period.quarter, period.fiscal) == (2026, 4, True)


@pytest.mark.parametrize(("as_of", "want"), [("2026-02-20", "unclear"), ("2026-03-01", "supported")])
def test_verdicts(store: Store, as_of: str, want: str) -> None:
    assert check(store, _CLAIM, as_of)["verdict"] == want  # $2.5bn at October to $2.3bn at January
