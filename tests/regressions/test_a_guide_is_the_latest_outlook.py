""""Applied Materials guides lower on China uncertainty" was contradicted by the earlier calls' growth talk: the
call that guided lower ("we expect revenues and earnings to be sequentially lower in our fourth quarter,
primarily due to uncertainties in our China business") also spoke of its record quarter, so it gave no answer.
A revenue guide with no period named is the latest call's outlook, read on its forward sentences, the
next-quarter (sequential) ones first."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Applied Materials guides lower on China uncertainty", "2025-09-20", "supported"),
    ("Applied Materials guides to lower revenue next quarter on China uncertainty", "2025-10-12", "supported"),
    ("Applied Materials guides higher on AI demand", "2025-09-20", "contradicted"),
])
def test_the_latest_calls_outlook(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert "sequentially lower in our fourth quarter" in result["evidence"][0]["text"]
