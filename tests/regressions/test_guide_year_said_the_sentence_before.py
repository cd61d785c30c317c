"""Microsoft's "For calendar year 2026, we expect ... We expect to invest roughly $190 billion in capital
expenditures" (call of 2026-04-29) was not a stored guide: the year was said a sentence before, and "capital
expenditures" after the figure was not read. "Redmond's 2026 capex outlook now stands at about $175bn" on
2026-05-05 came out unclear (and "Redmond" was not Microsoft). A guide takes the year its lead sentence names,
the town names the company, and a claim that the capex *plan* was trimmed to ~$175bn is refuted by "our calendar
year 2026 CapEx investment expectations remain unchanged" outside the lease accounting."""

from __future__ import annotations

import pytest

from aicycle.language.stated import find
from aicycle.rumor import check
from aicycle.store import Store

_CALL = ("For calendar year 2026, we expect the mix of short-lived assets to remain similar to Q3. We expect to "
         "invest roughly $190 billion in capital expenditures, which includes approximately $25 billion from the "
         "impact of higher component pricing.")


def test_the_year_of_the_sentence_before() -> None:
    found = [f for f in find(_CALL, "MSFT") if f.pattern.shape == "guidance"]
    assert [(f.values, f.year) for f in found] == [((190e9,), 2026)]
    assert not [f for f in find("We grew a lot. We expect to invest roughly $190 billion in capital expenditures.",
                                "MSFT") if f.pattern.shape == "guidance"]  # no year said: no guide


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Redmond's 2026 capex outlook now stands at about $175bn", "2026-05-05", "contradicted"),  # ~$190bn then
    ("Redmond's 2026 capex outlook now stands at about $175bn", "2026-07-31", "supported"),
    ("Microsoft trims its calendar-2026 capex plan to about $175bn", "2026-07-30", "contradicted"),
    ("Microsoft cuts its 2026 capex outlook to about $175bn", "2026-07-30", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
