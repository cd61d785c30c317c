""""Amazon holds 2026 capex plan at roughly $200bn" was read as 2026 capex spent (a year not over) and left
unclear after Amazon had raised its outlook to about $220bn. A capex plan stated at a figure is the guide;
"cuts its capex plans" stays a claim about spending."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

_DAY = dt.date(2026, 8, 3)


@pytest.mark.parametrize(("claim", "obj"), [
    ("Amazon holds 2026 capex plan at roughly $200bn", "guidance"),
    ("Amazon's 2026 spending plan is about $200bn", "guidance"),
    ("Microsoft pulls back on its 2026 capital spending plans", "capex"),
])
def test_object(claim: str, obj: str) -> None:
    assert read(parse_claim(claim), _DAY).object == obj


@pytest.mark.parametrize("claim", ["Amazon holds 2026 capex plan at roughly $200bn",
                                   "Amazon's 2026 spending plan is about $200bn"])
def test_the_raised_guide_contradicts_it(store: Store, claim: str) -> None:
    result = check(store, claim, "2026-08-03")
    assert result["verdict"] == "contradicted"
    assert "~$220.0B" in result["evidence"][0]["text"]
