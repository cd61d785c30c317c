"""Stock-move posts in chat-room words were not read: "$ORCL +36% in a single session (Sept 10 '25)" (a session named
by a date in brackets, with a two-digit year), "SK hynix dumped ~15% on the Meta Compute headlines" ("dumped"),
"$NBIS literally doubled on the Microsoft deal day" (an adverb, and "doubled" as a size) and "$TSM" (the ADR's
ticker, which the company list does not hold)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


def test_doubled_is_about_a_hundred_percent() -> None:
    reaction = read_reaction("$NBIS literally doubled on the Microsoft deal day")
    assert reaction is not None and reaction.up and reaction.pct == 100.0


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("$ORCL +36% in a single session (Sept 10 '25)", "2025-09-11", "supported"),  # +35.95% on 2025-09-10
    ("Oracle shares jumped 36% on Sept 10", "2025-09-11", "supported"),  # no year: the latest Sept 10
    ("SK hynix dumped ~15% on the Meta Compute headlines", "2026-07-03", "supported"),  # -14.57% on 2026-07-02
    ("$TSM dumped ~7% on the Meta Compute report", "2026-07-02", "supported"),  # -6.98% on 2026-07-01
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_a_day_with_no_year_is_the_latest_by_the_as_of_date() -> None:
    from aicycle.rumor.news import _named_day

    assert _named_day("Sept 10", dt.date(2026, 3, 1)) == dt.date(2025, 9, 10)
    assert _named_day("Sept 10 '25", dt.date(2026, 3, 1)) == dt.date(2025, 9, 10)
