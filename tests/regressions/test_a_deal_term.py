""""Microsoft's $9.7bn IREN cloud deal runs ten years" was borne out by IREN's words that it signed the deal, and
"Microsoft's IREN contract runs ten years" had no reading. A deal claim naming its term is read on the ledger's
record of the deal, which states the term (5 years)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.records import claimed_term
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "years"), [
    ("Microsoft's IREN contract runs ten years", 10),
    ("Cipher signs 15-year lease with AWS", 15),
    ("TeraWulf signs ~$19B, 20-yr Anthropic lease for ~401 MW", 20),
    ("OpenAI signs a decade-long deal", 10),
    ("H100 prices hit a 2-year low", None),  # a span of history, not a term
    ("OpenAI signs $38B multi-year deal with AWS", None),
])
def test_term_read(claim: str, years: float | None) -> None:
    assert claimed_term(claim) == years


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft's $9.7bn IREN cloud deal runs ten years", "2025-11-06", "contradicted"),
    ("Microsoft's IREN contract runs ten years", "2025-11-09", "contradicted"),
    ("Microsoft's IREN contract runs five years", "2025-11-09", "supported"),
    ("Cipher signs 15-year lease with AWS", "2025-11-05", "supported"),
])
def test_term_against_the_ledger(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
