""""Meta gives a 2027 capex forecast" had no direction (and "puts a number on 2027 capex" none that the call's
"we aren't providing a specific outlook for 2027 CapEx" could answer); "Azure capacity constraints" were not
answered by Microsoft's own constraint statements, which name no business; "spoken for through the middle of
next calendar year" was not read as the next year; the safe-harbor paragraph ("may be materially affected by
... supply constraints") was read as a company saying it is constrained."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize("claim", [
    "Meta gives a 2027 capex forecast", "Meta puts a number on 2027 capex",
    "Microsoft gives its first fiscal 2027 capex outlook",
])
def test_an_outlook_given_is_its_own_direction(claim: str) -> None:
    assert read(parse_claim(claim), dt.date(2026, 7, 31)).direction == "given"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Meta gives a 2027 capex forecast", "2026-07-31", "contradicted"),
    ("Alphabet gives a 2026 capex forecast", "2026-02-05", "supported"),
    # "we expect to remain constrained at least through 2026" (2026-04-29)
    ("Microsoft expects Azure capacity constraints to last through 2026", "2026-05-01", "supported"),
    # "our Nearline exabyte production capacity is largely spoken for through the middle of next calendar year"
    ("Seagate says nearline capacity is largely spoken for through mid-2026", "2025-09-15", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


def test_the_safe_harbor_paragraph_is_not_evidence(store: Store) -> None:
    result = check(store, "Amazon says memory shortages are leaving AWS capacity constrained", "2026-05-01")
    assert not any("inherently unpredictable" in e["text"] for e in result["evidence"])
