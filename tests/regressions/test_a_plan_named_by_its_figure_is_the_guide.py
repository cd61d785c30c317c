""""Seattle sticks with its ~$200bn 2026 capex plan", a week after Amazon raised the plan to about $220bn, came out
unclear: the claim was read as a level of 2026 capex spent. A plan named by its figure is the guide."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

CLAIM = "Seattle sticks with its ~$200bn 2026 capex plan"


def test_read_as_the_guide() -> None:
    assert read(parse_claim(CLAIM), dt.date(2026, 8, 4)).object == "guidance"


def test_contradicted_after_the_raise(store: Store) -> None:
    result = check(store, CLAIM, "2026-08-04")
    assert result["verdict"] == "contradicted"
    assert any("$220.0B" in str(e.get("text")) for e in result["evidence"])
