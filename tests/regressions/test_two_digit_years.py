""""GE Vernova says 2026 and 2027 gas turbine output is largely sold out" stayed unclear after the call that
says "26 and 27 are largely sold out": the sentence's years, said with two digits, were not read, so a sentence
naming no year could not answer a claim about a later one."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.scope import _SHORT_YEARS
from aicycle.store import Store


@pytest.mark.parametrize(("text", "years"), [("26 and 27 are largely sold out", {"26", "27"}),
                                             ("slots for '27", {"27"}),
                                             ("grew between 26 and 27 percent", set()),
                                             ("from 26 to 28 gigawatts", set())])
def test_short_years(text: str, years: set[str]) -> None:
    assert {y for m in _SHORT_YEARS.finditer(text) for y in m.groups() if y} == years


def test_turbine_slots_sold_out(store: Store) -> None:
    result = check(store, "GE Vernova says 2026 and 2027 gas turbine output is largely sold out", "2025-06-15")
    assert result["verdict"] == "supported"
    assert any("26 and 27 are largely sold out" in e["text"] for e in result["evidence"])
