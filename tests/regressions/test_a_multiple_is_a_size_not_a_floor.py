""""Micron's May-quarter revenue roughly tripled from a year earlier" was borne out by a 4.5-fold rise (+346%): a
multiple was read as the least rise only. Unless it is a floor ("more than tripled"), a multiple allows a rise up
to a fifth beyond it; "PJM capacity prices jump nine-fold in the 2026/27 auction" is likewise read against the
auction before it ($269.92 to $329.17: 1.2 times)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import growth_ceiling
from aicycle.store import Store


def test_ceiling() -> None:
    assert growth_ceiling("revenue roughly tripled") == pytest.approx(2.6)
    assert growth_ceiling("revenue more than tripled") is None
    # a named percentage is a size too (tests/regressions/test_a_rise_of_a_named_size.py); a floor of one is not
    assert growth_ceiling("revenue jumped 40%") == pytest.approx(0.5)
    assert growth_ceiling("revenue jumped more than 40%") is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Micron's May-quarter revenue roughly tripled from a year earlier", "2026-06-26", "contradicted"),
    ("Micron's May-quarter revenue more than quadrupled from a year earlier", "2026-06-26", "supported"),
    ("PJM capacity prices jump nine-fold in the 2026/27 auction", "2025-07-23", "contradicted"),
    ("PJM capacity prices jump nine-fold in the 2025/26 auction", "2024-08-05", "supported"),  # $28.92 to $269.92
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
