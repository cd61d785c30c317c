""""Supermicro June-quarter revenue tops $6B" was borne out by a run-rate hope on the call ("better than $8
billion a quarter"): the sentence that states the result ("Q4 fiscal year 25 revenues were $5.8 billion ...
compared to our guidance of $5.6 to $6.4 billion") was set aside as forward-looking because it names the guide.
A result set against its guide is a statement of the result, and a reported quarter's level is read on the
sentences that state the quarter's result first. "NVDA FQ4 revenue comes in above the $65B guide" is the
reported figure against the line, not a plan."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Supermicro June-quarter revenue tops $6B", "2025-09-15", "contradicted"),
    ("NVDA FQ4 revenue comes in above the $65B guide", "2026-02-27", "supported"),
    ("NVDA FQ4 revenue comes in above the $65B guide", "2026-02-20", "unclear"),  # before the results
])
def test_result_read(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert result["reading"]["modality"] == "fact"


def test_the_result_sentence_is_quoted(store: Store) -> None:
    result = check(store, "Supermicro June-quarter revenue tops $6B", "2025-09-15")
    assert "revenues were $5.8 billion" in result["reasoning"]
    assert "better than $8 billion" not in result["reasoning"]
