""""Microsoft posts record quarterly capex" was answered by the year-on-year change (+89%), and "Alphabet's Q1
2026 capex was its largest quarter yet" could not be read at all. A record is the quarter against every quarter
before it: the check now sets the named (or latest) quarter against the highest earlier one."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of"), [("Alphabet's Q1 2026 capex was its largest quarter yet", "2026-05-01"),
                                              ("Amazon posts record capex in Q4 2025", "2026-02-08")])
def test_a_record_quarter(store: Store, claim: str, as_of: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == "supported"
    assert "a record, above every earlier quarter" in result["evidence"][0]["text"]


def test_below_an_earlier_quarter_is_no_record(store: Store) -> None:
    result = check(store, "Meta's capex hits a record in Q1 2026", "2026-05-03")
    assert result["verdict"] == "contradicted"
    assert "not a record: $22.1B to 2025-12-31 was higher" in result["evidence"][0]["text"]
