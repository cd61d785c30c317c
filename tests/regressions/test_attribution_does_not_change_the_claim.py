"""Adding ", sources say" to a claim answered right turned one in fifteen of them (261 of the claim sets' claims) to
another verdict, mostly unclear: the attribution made the claim's modality "report", which the quarter, trend and
statement readings do not take as a fact. Who tells a claim ("sources say", "Exclusive:", "reportedly", "said to") is
not what it claims: the claim underneath is read as stated, and the verdict still notes that a report was checked."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "modality"), [
    ("Meta's quarterly capex fell in Q2 2026, sources say", "fact"),
    ("Exclusive: Meta's quarterly capex fell in Q2 2026", "fact"),
    ("Meta is reportedly weighing selling its spare compute", "plan"),
    ("Meta said to cut 2026 capex", "plan"),
])
def test_the_claim_underneath(claim: str, modality: str) -> None:
    assert read(parse_claim(claim), dt.date(2026, 7, 31)).modality == modality


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta's quarterly capex fell in Q2 2026, sources say", "2026-07-31", "contradicted"),
    ("CoreWeave's capex fell from Q1 to Q2 2026, sources say", "2026-08-20", "supported"),
    ("Nvidia guides next quarter above $75bn, sources say", "2026-03-01", "supported"),
])
def test_verdicts_as_without_the_attribution(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
