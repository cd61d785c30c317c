""""Micron nine-month FY26 capex already above FY25's full-year total" had no direction ("FY25's full-year
total" was not read as the whole year), and "fiscal-2026 capex has already outstripped all of fiscal 2025"
was read as a year-on-year rise ("outstripped" was not a word for exceeding). Both are the year so far against
the whole earlier year: $19.6B for nine months against $15.9B bears the first out in June; $11.8B for two
quarters refutes the second in March."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.ytd import read_so_far
from aicycle.store import Store


def test_whole_year_named_before_its_words() -> None:
    so_far = read_so_far("Micron nine-month FY26 capex already above FY25's full-year total")
    assert so_far is not None and (so_far.year, so_far.earlier, so_far.quarters) == (2026, 2025, 3)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Micron nine-month FY26 capex already above FY25's full-year total", "2026-06-27", "supported"),
    ("Micron's fiscal-2026 capex has already outstripped all of fiscal 2025", "2026-03-20", "contradicted"),
])
def test_sum_against_the_year(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert "all of FY2025" in result["reasoning"]
