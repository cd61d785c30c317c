""""Meta again holds off on a 2027 capex number, calling infrastructure planning 'highly dynamic'" could not be read
at all, though Meta said on both of its 2026 calls that it is "not providing a specific outlook for 2027 CapEx". A
claim that an outlook is withheld ("holds off on", "declines to guide") is a negated "given" reading, which those
words bear out; once a guide for the year is given, the guide refutes it. (A claim of a 2027 figure is left unclear
by "no outlook": it says nothing of what the figure will be.)"""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta again holds off on a 2027 capex number, calling infrastructure planning 'highly dynamic'", "2026-07-31",
     "supported"),
    ("Meta declines to guide 2027 capex", "2026-07-31", "supported"),
    ("Meta holds off on 2026 capex guidance", "2026-02-01", "contradicted"),  # guided on 2026-01-28
    ("Meta guides 2027 capex above $200bn", "2026-07-31", "unclear"),
])
def test_no_outlook_in_the_company_words(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if "2027" in claim and verdict == "supported":
        assert any("outlook for 2027" in e["text"] for e in result["evidence"])
