""""CoreWeave posts operating profit in Q2 2026" had no direction: "posts an operating profit" was read, the
headline style without the article was not (nor "reports operating loss")."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-06-20", "unclear"), ("2026-08-20", "contradicted")])
def test_posts_operating_profit(store: Store, as_of: str, verdict: str) -> None:
    assert check(store, "CoreWeave posts operating profit in Q2 2026", as_of)["verdict"] == verdict


def test_reports_operating_loss_has_a_direction(store: Store) -> None:
    result = check(store, "CoreWeave reports operating loss in Q2 2026", "2026-08-20")
    assert result["verdict"] == "supported"  # -$49 million
