""""Micron quarterly revenue more than quadruples year on year" was left unclear: the year's revenue (+49%)
outvoted the quarter's (+346%) though the claim says quarterly. A reported figure's growth rate now also answers
a claimed rate ("revenue up more than 300% year on year"), and a guided rate is left to the guide."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Micron quarterly revenue more than quadruples year on year", "supported"),
    ("Micron revenue grows more than 300% year on year", "supported"),
    ("Micron revenue grows more than 400% year on year", "contradicted"),
])
def test_the_quarters_reported_growth(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2026-06-29")
    assert result["verdict"] == verdict
    assert "$41.5B" in result["evidence"][0]["text"]


def test_a_guided_rate_is_not_the_reported_one(store: Store) -> None:
    result = check(store, "Nvidia guides fiscal 2028 revenue growth of about 70%", "2026-08-20")
    assert result["verdict"] == "unclear"
