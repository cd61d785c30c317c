""""Oracle says cloud backlog more than quadrupled", as of June 2026, was contradicted by RPO against the
previous stored report (+22%, $523B at November 2025): a growth multiple in a headline means year on year, and
with no year-earlier figure stored the previous report was used instead. Oracle's release says RPO was "up 363%
USD year-over-year"; a previous-report comparison no longer answers a claim that names how much it grew."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_oracle_rpo_more_than_quadrupled(store: Store) -> None:
    result = check(store, "Oracle says cloud backlog more than quadrupled", "2026-06-11")
    assert result["verdict"] == "supported"
    assert not any("the previous report" in (e["method"] or "") for e in result["evidence"])
    assert any("up 363% USD year-over-year" in e["text"] for e in result["evidence"])
