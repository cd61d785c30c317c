"""Stock-move claims the check could not read: "ORCL closed ~36% higher on Sept 10, 2025" (a session named by its
date, and the size before the way it went), "DeepSeek Monday: NVDA lost ~17% on Jan 27, 2025" (a label before the
claim, "lost"), "NBIS closed more than 60% higher the day after the Microsoft deal" (a floor, not an estimate:
+46% does not bear it out). "Alphabet shares rose after it lifted 2026 capex" was answered by Meta's raise, an
event about a company the claim never names."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "up", "pct", "floor"), [
    ("ORCL closed ~36% higher on Sept 10, 2025", True, 36.0, False),
    ("DeepSeek Monday: NVDA lost ~17% on Jan 27, 2025", False, 17.0, False),
    ("NBIS closed more than 60% higher the day after the Microsoft deal", True, 60.0, True),
    ("Chip stocks sold off on July 30, 2026 after Meta's capex update", False, None, False),
    ("NVDA: shares -5% after its print", False, 5.0, False),  # a ticker before the colon is the subject, not a label
])
def test_the_move_is_read(claim: str, up: bool, pct: float | None, floor: bool) -> None:
    reaction = read_reaction(claim)
    assert reaction is not None and (reaction.up, reaction.pct, reaction.floor) == (up, pct, floor)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("ORCL closed ~36% higher on Sept 10, 2025", "2025-09-12", "supported"),
    ("ORCL closed ~36% lower on Sept 10, 2025", "2025-09-12", "contradicted"),
    ("DeepSeek Monday: NVDA lost ~17% on Jan 27, 2025", "2025-01-28", "supported"),
    ("NBIS closed more than 60% higher the day after the Microsoft deal", "2025-09-10", "contradicted"),
    ("NBIS closed more than 40% higher the day after the Microsoft deal", "2025-09-10", "supported"),
    ("Chip stocks sold off on July 30, 2026 after Meta's capex update", "2026-07-31", "contradicted"),
    ("Alphabet shares rose after it lifted 2026 capex to $195-205B", "2026-07-24", "contradicted"),
])
def test_the_named_session_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict


def test_a_day_after_the_as_of_date_is_not_read(store: Store) -> None:
    assert check(store, "ORCL closed ~36% higher on Sept 10, 2025", dt.date(2025, 9, 9))["verdict"] == "unclear"
