""""Big Red's shares rocket more than 30% in one session on cloud-contract news", "CoreWeave stock jumps double
digits on the Meta deal", "Nebius shares close about 60% higher on the Microsoft deal", "Meta slides more than 11%
as it flags much bigger 2026 spending" and "Micron jumps ~10% after its HBM sell-out call" were all unclear: the
verbs, "double digits", "in one session" and "close" were not read, a contract with no party named found no deal,
and a call or spending named as the news was not read as the results. "Alphabet slides after lifting its 2026 capex
guidance" was judged on the day of the year's first guide, not the day it was lifted."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


def test_double_digits_is_a_floor_of_ten() -> None:
    reaction = read_reaction("CoreWeave stock jumps double digits on the Meta deal")
    assert reaction is not None and reaction.pct == 10 and reaction.floor and reaction.up


@pytest.mark.parametrize(("claim", "as_of", "verdict", "moved"), [
    ("Big Red's shares rocket more than 30% in one session on cloud-contract news", "2025-09-11", "supported",
     "+35.95%"),
    ("CoreWeave stock jumps double digits on the Meta deal", "2025-10-01", "supported", "+11.86%"),
    ("Nebius shares close about 60% higher on the Microsoft deal", "2025-09-10", "contradicted", "+46.20%"),
    ("Meta slides more than 11% as it flags much bigger 2026 spending", "2025-10-31", "supported", "-11.33%"),
    ("Micron jumps ~10% after its HBM sell-out call", "2025-12-19", "supported", "+10.21%"),
    ("Alphabet slides after lifting its 2026 capex guidance", "2026-05-01", "contradicted", "+9.96%"),
])
def test_the_move_on_the_news_decides(store: Store, claim: str, as_of: str, verdict: str, moved: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert any(moved in e["text"] for e in result["evidence"])
