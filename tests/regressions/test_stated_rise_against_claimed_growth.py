""""AMD data-center revenue surges more than 50% in June quarter" was borne out by the call's "data center
segment revenue increased 14%": words that it rose were taken as support whatever the rise. The rise the
company's latest sentence states ("increased 14%", "more than doubled") is now set against the least rise the
claim names, as a filed figure's change already was."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("AMD data-center revenue surges more than 50% in June quarter", "2025-08-25", "contradicted"),
    ("Nvidia data center revenue up more than 90% year on year", "2026-05-24", "supported"),  # "up 92%"
    ("Alphabet's revenue backlog more than doubled during 2025", "2026-02-06", "supported"),
])
def test_stated_rise(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
