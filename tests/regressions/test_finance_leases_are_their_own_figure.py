""""Microsoft finance leases shrink to $4.7bn in March quarter" could not be read (no metric), and
"Microsoft's data-center finance leases rose in the March 2026 quarter" was read as data-center projects and
found nothing. The results call states the quarter's finance leases ("This quarter, total finance leases were
$4.7 billion"); that figure, and the one the call before stated, now answer them."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.finance_leases import is_finance_lease_claim
from aicycle.store import Store


def test_what_is_a_finance_lease_claim() -> None:
    assert is_finance_lease_claim("Microsoft's new finance-lease additions shrink to $4.7bn in fiscal Q3")
    # a shift in how leases are booked is a statement, not the quarter's figure
    assert not is_finance_lease_claim("Microsoft says more future leases will be operating rather than finance leases")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft finance leases shrink to $4.7bn in March quarter", "2026-05-03", "supported"),
    ("Microsoft's new finance-lease additions shrink to $4.7bn in fiscal Q3", "2026-04-30", "supported"),
    ("Microsoft's data-center finance leases rose in the March 2026 quarter", "2026-05-02", "contradicted"),
    ("Microsoft's new data-center finance leases shrank in the December quarter", "2026-01-29", "supported"),
    ("Microsoft finance leases shrink to $3bn in March quarter", "2026-05-03", "contradicted"),
    # the March quarter's call was on 2026-04-29
    ("Microsoft finance leases shrink to $4.7bn in March quarter", "2026-04-20", "unclear"),
])
def test_the_quarters_stated_figure(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict != "unclear":
        assert "total finance leases were" in result["evidence"][0]["text"]


def test_capex_including_finance_leases_is_capex() -> None:
    assert not is_finance_lease_claim("Microsoft's September-quarter capex, finance leases included, stays under $30bn")
    assert not is_finance_lease_claim("Microsoft's March-quarter capex, including finance leases, falls "
                                      "below December's")


def test_finance_leases_beside_capex_are_still_finance_leases() -> None:
    assert is_finance_lease_claim("Microsoft's new data-center finance leases shrank in the December quarter "
                                  "even as total capex rose")
