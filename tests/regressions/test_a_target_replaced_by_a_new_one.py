""""IREN targets $3.4bn of ARR by the end of 2026" was supported in May 2026 by February's call, although the May
call targets $3.7 billion: a sentence giving the claim's measure another figure was set aside as possibly
about something else. When that sentence states the target ("we are targeting ... $3.7 billion of ARR by year
end"), it is the plan now, and the claim's figure is not it. A claim that the target is raised to a figure is
still left to the revisions, as a guide's is."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("IREN targets $3.4bn of ARR by the end of 2026", "2026-02-06", "supported"),
    ("IREN targets $3.4bn of ARR by the end of 2026", "2026-05-09", "contradicted"),
    ("IREN targets $3.7bn of ARR by end-2026", "2026-02-10", "contradicted"),
    ("IREN targets $3.7bn of ARR by end-2026", "2026-05-11", "supported"),
    ("IREN raises its end-2026 ARR target to $3.7 billion", "2026-02-05", "unclear"),
    # a capex guide the store has only from a call: "our 2025 gross capital investments will be approximately
    # $20 billion" is the plan for the year it names
    ("Intel's 2025 gross capex target is now about $18 billion", "2025-03-05", "contradicted"),
    ("Intel's 2025 gross capex target is about $20 billion", "2025-03-05", "supported"),
])
def test_the_latest_target_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
