""""Alphabet's 2027 capex will at least double 2026's" was supported by "we continue to expect our CapEx to
increase significantly in 2027": words that a figure will rise, with no size, do not say it will double."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Alphabet's 2027 capex will at least double 2026's", "unclear"),
    ("Alphabet guides 2027 capex to roughly double", "unclear"),
    ("Alphabet expects 2027 capex to rise significantly", "supported"),  # no size named: the words answer it
])
def test_a_size_needs_a_figure(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, dt.date(2026, 7, 24))["verdict"] == verdict
