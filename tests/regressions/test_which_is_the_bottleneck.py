""""IREN says contract signing, not GPU deployment, is the bottleneck" was borne out by IREN's words that capacity
is scarce: the claim names which of two things binds, and IREN said the opposite ("Signing deals is not the
bottleneck in this market, bringing GPUs online is"). "NVIDIA: supply, not demand, caps next year's ~70% growth"
had no reading. And "supply bottleneck to clear within fiscal 2027" was read as a constraint, not its end."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.bottleneck import read_bottleneck
from aicycle.store import Store


def test_two_things_named() -> None:
    which = read_bottleneck("IREN says contract signing, not GPU deployment, is the bottleneck")
    assert which is not None
    assert which.named == {"contr", "signi"} and which.other == {"gpu", "deplo"}


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("IREN says contract signing, not GPU deployment, is the bottleneck", "2026-08-31", "contradicted"),
    ("IREN says winning contracts, not getting GPUs live, is the bottleneck", "2026-08-28", "contradicted"),
    ("NVIDIA: supply, not demand, caps next year's ~70% growth", "2026-08-28", "supported"),
    ("Nvidia says demand, not supply, caps its FY28 outlook", "2026-08-30", "contradicted"),
    ("NVIDIA expects supply bottleneck to clear within fiscal 2027", "2026-08-29", "contradicted"),
])
def test_bottleneck(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
