""""Two-thirds of Microsoft's December-quarter capex went on GPUs and CPUs" was contradicted on 15 January 2026
by October's "this quarter, roughly half of our spend was on short-lived assets": a share stated for another
quarter. With a quarter named, only that quarter's results call answers a share claim."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-01-15", "unclear"), ("2026-02-01", "supported")])
def test_the_named_quarters_call_decides(store: Store, as_of: str, verdict: str) -> None:
    claim = "Two-thirds of Microsoft's December-quarter capex went on GPUs and CPUs"
    assert check(store, claim, as_of)["verdict"] == verdict
