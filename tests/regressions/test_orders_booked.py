""""Broadcom secures more than $10 billion of AI rack orders from a new customer" could not be checked: orders
were no object the reading knew. Broadcom's call says it "secured over $10 billion of orders of AI racks based
on our XPUs"; orders booked are read against the company's own figures for them."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["Broadcom secures more than $10 billion of AI rack orders from a new customer",
                                   "Broadcom books over $10bn of AI orders from a new XPU customer"])
def test_broadcoms_xpu_orders(store: Store, claim: str) -> None:
    assert check(store, claim, "2025-07-15")["verdict"] == "unclear"  # before the fiscal Q3 call
    result = check(store, claim, "2025-10-20")
    assert result["reading"]["object"] == "orders"
    assert result["verdict"] == "supported"
    assert any("$10 billion of orders" in e["text"] for e in result["evidence"])


def test_a_floor_under_the_claims_line_decides_nothing(store: Store) -> None:
    # "over $10 billion" may be more than $20 billion: not a contradiction
    assert check(store, "Broadcom books over $20bn of AI orders from a new XPU customer", "2025-10-20")["verdict"] \
        == "unclear"
