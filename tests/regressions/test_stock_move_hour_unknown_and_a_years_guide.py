""""AMD stock surged ~24% on the OpenAI deal" was refuted by +28% over two sessions: the ledger gives the deal's
day, not its hour, and the deal came before the open, so its own session (+23.7%) is the reaction; with the hour
unknown, that session's move is used when it bears the claim out and the two-session one does not. "GOOGL closes
~8% lower as 2026 capex guide spooks investors", checked before Alphabet gave any 2026 guide, was answered by its
October results: the news a claim names by a year's guide is the day of the first guide for that year."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("AMD stock surged ~24% on the OpenAI deal", "2025-10-07", "supported"),  # 164.67 to 203.71 on 2025-10-06
    ("Nebius stock soared ~60% on its Microsoft deal", "2025-09-10", "contradicted"),  # neither window near 60%
    ("GOOGL closes ~8% lower as 2026 capex guide spooks investors", "2026-02-03", "unclear"),
    ("GOOGL closes ~8% lower as 2026 capex guide spooks investors", "2026-02-06", "contradicted"),  # -0.5%
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
