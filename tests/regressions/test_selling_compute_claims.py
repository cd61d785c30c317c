""""Meta has signed its first customer to buy its surplus AI compute" was borne out by "a lot of offers for compute
at a significant premium" ("significant" read as "sign...") and by Meta's own cloud deals, in which Meta buys;
"Meta moves to sell spare AI compute to outside customers" was refuted by "we haven't done that yet"; "Microsoft in
talks to rent Meta's spare AI capacity" was read as Microsoft's AI spending falling. A customer buying the subject's
surplus is the subject selling; a deal not done yet refutes a sale made, not a move to make one; renting
"Meta's spare capacity" is a compute deal; "weighs selling" is a plan, borne out by "potentially selling compute
directly", and "has signed ... to buy" a deal made, not a plan."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.observe import _SIGNED
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_significant_is_not_signed() -> None:
    assert _SIGNED.search("offers at a significant premium") is None
    assert _SIGNED.search("we signed a contract") is not None


def test_a_customer_for_its_surplus_is_a_sale() -> None:
    reading = read(parse_claim("Meta has signed its first customer to buy its surplus AI compute"), dt.date(2026, 8, 5))
    assert reading.selling and reading.object == "compute_contracts"
    rents = read(parse_claim("Microsoft in talks to rent Meta's spare AI capacity"), dt.date(2026, 8, 5))
    assert rents.object == "compute_contracts"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta has signed its first customer to buy its surplus AI compute", "2026-08-05", "unclear"),
    ("Meta moves to sell spare AI compute to outside customers", "2026-04-20", "unclear"),
    ("Microsoft in talks to rent Meta's spare AI capacity", "2026-08-05", "unclear"),
    ("Meta is selling its spare AI compute to outsiders", "2026-04-20", "contradicted"),
    # "potentially selling compute directly" (2026-07-29): weighed, not done
    ("Meta weighs selling its AI compute to outside customers", "2026-07-31", "supported"),
    ("Meta has signed its first deal to sell compute to an outside customer", "2026-07-31", "unclear"),
])
def test_selling_compute(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
