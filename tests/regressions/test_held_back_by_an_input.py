""""Amazon says memory shortages are leaving AWS capacity constrained" (five ways across the claim sets) was borne
out by Amazon's words on its capacity in general ("Trainium2 ... is largely sold out") and on the industry's
memory shortage ("there is just not enough capacity for the amount of demand"). Asked about memory, Jassy said
"we have done a good job in making sure that we are not capacity constrained there": a claim that an input holds
a buyer back is read on the buyer's word about that input, in a sentence naming it or in the answer that opened
on it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.input_constraint import read_input_constraint
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "held"), [
    ("Amazon says memory shortages are leaving AWS capacity constrained", True),
    ("Amazon says it cannot get enough memory chips for its AWS build-out", True),
    ("Amazon says it is not constrained by memory supply", False),
])
def test_claim_read(claim: str, held: bool) -> None:
    found = read_input_constraint(claim)
    assert found is not None and found.held is held


@pytest.mark.parametrize("claim", ["NVIDIA warns that memory scarcity is driving up its costs",
                                   "Microsoft says it is capacity constrained through June"])
def test_other_claims_not_taken(claim: str) -> None:
    assert read_input_constraint(claim) is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Amazon says memory shortages are leaving AWS capacity constrained", "2026-05-01", "contradicted"),
    ("Amazon says it cannot get enough memory chips for its AWS build-out", "2026-05-01", "contradicted"),
    ("Amazon says memory shortages are leaving AWS capacity constrained", "2026-04-01", "unclear"),
])
def test_read_on_the_answer(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict == "contradicted":
        assert "not capacity constrained there" in result["reasoning"]
