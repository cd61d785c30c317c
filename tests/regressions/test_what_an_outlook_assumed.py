""""Nvidia's Q3 FY26 outlook assumed H20 shipments to China" came out unclear: "outlook assumed" was not read as a
claim about what the outlook counts. The release says "The company has not assumed any H20 shipments to China in
the outlook.\""""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.inclusion import read_inclusion
from aicycle.store import Store


def test_assumed_is_counted_in() -> None:
    found = read_inclusion("Nvidia's Q3 FY26 outlook assumed H20 shipments to China")
    assert found is not None and found.counted


@pytest.mark.parametrize(("claim", "want"), [
    ("Nvidia's Q3 FY26 outlook assumed H20 shipments to China", "contradicted"),
    ("Nvidia's Q3 FY26 outlook excludes H20 shipments to China", "supported"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    assert check(store, claim, "2025-08-28")["verdict"] == want
