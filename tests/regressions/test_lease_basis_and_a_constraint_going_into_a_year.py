"""Claims read on the wrong object or the wrong sentence: "Meta guides 2026 capex to $115-135B, including
finance-lease principal" (hyphenated, read as a claim about data-center leases), "Meta's $31.1B Q2 capex was PP&E
purchases alone, finance leases not included" ($31.1B is the lease-inclusive figure to the decimal; the cash one,
$30.1B, passed as "about" it), "no longer capacity constrained going into 2026" (read as lasting through 2026, and
a sentence "not just be constrained to what others ... are building" read as capacity easing)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.basis import read_basis
from aicycle.rumor.observe import _tightness
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "basis"), [
    ("Meta guides 2026 capex to $115-135B, including finance-lease principal", "leases"),
    ("Meta's $31.1B Q2 capex was PP&E purchases alone, finance leases not included", "cash"),
    ("Meta's Q2 capex without finance leases was $30.1B", "cash"),
])
def test_the_lease_basis_is_read(claim: str, basis: str) -> None:
    assert read_basis(claim) == basis
    # spending or its guide ("guides ... to $115-135B" is the guide), never data-center leases
    assert read(parse_claim(claim), dt.date(2026, 8, 1)).object in ("capex", "guidance")


def test_held_to_is_not_short_of_capacity() -> None:
    assert _tightness("we build it and not just be constrained to what others in the ecosystem are building")[0] is None
    assert _tightness("we do continue to be capacity constrained")[0] == "tight"


def test_going_into_a_year_is_not_through_it() -> None:
    day = dt.date(2026, 1, 30)
    assert not read(parse_claim("Meta is no longer capacity constrained going into 2026"), day).through
    assert read(parse_claim("Meta stays capacity constrained into 2027"), day).through


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta guides 2026 capex to $115-135B, including finance-lease principal", "2026-02-02", "supported"),
    ("Meta guides 2026 capex to $115-135B, including finance-lease principal", "2026-05-04", "contradicted"),
    ("Meta's $31.1B Q2 capex was PP&E purchases alone, finance leases not included", "2026-07-31", "contradicted"),
    ("Meta's $30.1B Q2 capex was PP&E purchases alone, finance leases not included", "2026-07-31", "supported"),
    ("Meta CFO says the compute crunch is over: no longer capacity constrained going into 2026", "2026-01-30",
     "contradicted"),
])
def test_read_on_the_right_figure(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
