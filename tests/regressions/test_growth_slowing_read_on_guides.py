""""Alphabet's capex growth slows in 2026" was left to sentences: a plan figure read as "maintain" counted as
growth slowing, and a sentence on depreciation growth decided it. A named year's pace is now the year's
figure (its guide until the year is reported) over the year before, against that year's own rise; a plan
figure with no direction says nothing of pace; and "would that slow down your CapEx growth" is a question."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.language.lexicon import ASKED
from aicycle.rumor import check
from aicycle.rumor.observe import observe
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Alphabet's capex growth slows in 2026", "2026-02-08", "contradicted"),
    ("Alphabet's capex growth slows in 2026", "2026-01-15", "unclear"),
    # a quarter's pace is not the year's: the quarters decide it (growth_pace: +30% then +7%)
    ("Alphabet's quarterly capex growth slows in Q3 2025, but spending still rises", "2025-10-31", "supported"),
])
def test_the_years_pace_against_the_year_before(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict == "contradicted":
        assert any("growth faster" in str(e["text"]) for e in result["evidence"])


def test_a_plan_figure_is_no_pace() -> None:
    reading = read(parse_claim("Meta's capex growth slows in 2026"), dt.date(2026, 2, 1))
    text = "Meta anticipates 2026 capital expenditures to be in the range of $115-135 billion."
    assert observe(reading, text)[0] is None


def test_an_inverted_question_is_asked() -> None:
    assert ASKED.search("And basically, would that slow down your CapEx growth past 2026.")
    assert not ASKED.search("We will continue to invest in capacity.")
