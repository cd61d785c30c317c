""""Meta's 2026 capex guidance tops $140 billion at the high end" was judged on the range's midpoint ($135B,
contradicted) although its high end was $145B; "Alphabet's 2025 capex came in above $90 billion" as of
2025-11-01, before the year was reported, was supported by the $91-93B guide and then contradicted by the
third quarter's $24B: neither a guide nor one quarter says what a year came in at."""

from __future__ import annotations

from pathlib import Path

from aicycle.rumor import check
from tests import rumor_store


def test_the_high_end_of_a_guide(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    result = check(store, "Meta's 2026 capex guidance tops $140 billion at the high end", "2026-04-30")
    assert result["verdict"] == "supported"


def test_what_a_year_came_in_at_is_not_a_guide_or_a_quarter(data_dir: Path) -> None:
    store = rumor_store.loaded_store(data_dir)
    assert check(store, "Alphabet's 2025 capex came in above $90 billion", "2025-11-01")["verdict"] == "unclear"
