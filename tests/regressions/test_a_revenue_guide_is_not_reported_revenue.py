""""CoreWeave slashes its 2025 revenue guidance with Q3 results" was contradicted by the quarter's revenue, up 134%
year on year, and by the release's forward-looking-statements paragraph ("These statements include, but are not
limited to, statements related to ... our future growth"): a guide is what the company expects, which reported
revenue neither makes nor unmakes, and the safe-harbour list says nothing. And "Arista lifts FY25 revenue growth
view to ~25%" was unclear beside "We therefore raised our 2025 annual growth to 25%": a rate set "to 25%" is a
growth rate, and a supplier's "growth target", unqualified, is its revenue's."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_a_revenue_guide_is_not_answered_by_reported_revenue(store: Store) -> None:
    for claim, as_of in [("CoreWeave slashes its 2025 revenue guidance with Q3 results", "2025-11-15"),
                         ("CoreWeave trims its 2025 revenue outlook on data-center partner delays", "2025-11-12")]:
        result = check(store, claim, as_of)
        assert result["verdict"] == "unclear"
        assert not any("not limited to" in str(e.get("text")) for e in result["evidence"])


def test_a_growth_rate_set_to_a_figure(store: Store) -> None:
    claim = "Arista lifts FY25 revenue growth view to ~25% ($8.75bn)"
    assert check(store, claim, "2025-09-20")["verdict"] == "supported"
    assert check(store, "Arista lifts its 2025 revenue growth target to about 30%", "2025-09-15")["verdict"] \
        == "contradicted"


def test_a_suppliers_growth_target_is_its_revenues(store: Store) -> None:
    assert check(store, "Arista raises 2025 growth target to ~25% ($8.75bn)", "2025-09-15")["verdict"] == "supported"
