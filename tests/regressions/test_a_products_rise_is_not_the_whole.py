""""Nvidia expects fiscal 2028 revenue to roughly double" was borne out by "our preliminary expectation is for CPU
revenue to more than double": one product's rise stood for the whole, and "We expect to grow revenue by
approximately 70%" was not read as a sized rise."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "want"), [
    ("Nvidia expects fiscal 2028 revenue to roughly double", "contradicted"),
    ("Nvidia expects fiscal 2028 revenue to grow about 70%", "supported"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    assert check(store, claim, "2026-08-28")["verdict"] == want
