""""H100 rental prices slide in 2026", checked on 2026-01-15, was contradicted by 2025's year-on-year rise: a
price claim about the current year is now read on that year so far, and two weeks in there is no answer."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-01-15", "unclear"), ("2026-06-15", "contradicted")])
def test_the_year_so_far(store: Store, as_of: str, verdict: str) -> None:
    result = check(store, "H100 rental prices slide in 2026", as_of)
    assert result["verdict"] == verdict
    assert all(not str(e.get("period") or "").startswith("2024") for e in result["evidence"])
