"""Claims misread for want of a word: an executive or a product naming the company ("Jensen: 'the clouds are
sold out'", "Trainium3 demand soft"); a reason clause taken for the subject ("as DRAM pricing rolls over", "as
build-out pauses"); "posts Q2 operating profit", "gives first 2027 capex guide", "underspent its plan",
"spare capacity", "strength"; "capex to rise vs plan, mostly HBM tools" read as HBM; a young GPU series
("MI300X rents above $3") with no year to trend over; "lifts its budget above $20B" after a cut to $18B; a
PJM auction named without the word "capacity"."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Jensen: 'the clouds are sold out'", "2025-11-20", "supported"),
    # "Trainium3 ... is nearly fully subscribed"
    ("Trainium3 demand soft, capacity going unsold - channel checks", "2026-05-01", "contradicted"),
    # FQ2 FY26 revenue $23.9B after $13.6B
    ("Micron revenue falls q/q in fiscal Q2 as DRAM pricing rolls over", "2026-03-21", "contradicted"),
    ("Meta Q2 capex drops below $25B as build-out pauses", "2026-07-31", "contradicted"),  # $31.1B
    ("CoreWeave posts Q2 operating profit", "2026-08-13", "contradicted"),  # -$49M
    ("Meta gives first 2027 capex guide on Q2 call", "2026-07-31", "contradicted"),
    # "ACTUAL 2025 facility investment 52.7 trillion won, 5 trillion above earlier plan"
    ("Samsung underspent its 2025 facility-investment plan", "2026-03-11", "contradicted"),
    ("Seagate has spare nearline capacity into 2026", "2025-09-12", "contradicted"),  # largely spoken for
    ("SK hynix CFO: 2025 capex to rise vs plan, mostly HBM tools", "2025-07-25", "supported"),
    ("MI300X rents above $3/GPU-hr", "2026-10-02", "contradicted"),  # the MI300X index: $2.39
    # "approximately $18 billion, which is below our previous guide of $20 billion"
    ("Intel lifts 2025 gross capex budget above $20B", "2025-06-16", "contradicted"),
    ("PJM 2027/28 auction clears at $333.44 cap, short of reliability target", "2025-12-18", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # "capex including finance lease principal" is capex: Meta's Q2 2026 figure on that definition, $31.1B
    ("$META Q2 capex $31.1B incl. finance lease principal", "2026-07-31", "supported"),
    # the move ("+14%"), not its reason ("despite MI308 ban"); the call's "increased 14% -over-year" lost a word
    ("AMD Q2 data center revenue $3.2B, +14% despite MI308 ban", "2025-09-15", "supported"),
    # the latest ERCOT figure in the store is a 75 MW review batch, not the queue's size
    ("ERCOT large-load queue tops 300 GW", "2026-07-01", "unclear"),
])
def test_read_as_meant(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # "On a sequential basis, data center revenue decreased 12%"; the call's "-over-year" sentences are not
    # sequential ones, so they no longer tie the vote
    ("AMD data center revenue fell sequentially in Q2 2025", "2025-09-15", "supported"),
])
def test_sequential_against_year_on_year(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # GIX-H200: $3.52 for March 2026, $3.22 for April (-8.5%): a slide within the month the headline names
    ("GPU pricing check: H200 list rates slid in April 2026", "2026-05-05", "supported"),
    # the 2026 guide's midpoint is +93% on 2025, after +76%: faster growth, not modest
    ("Alphabet still sees only modest capex growth in 2026 vs 2025", "2026-02-06", "contradicted"),
    ("IREN: demand is the binding constraint on growth", "2026-02-06", "contradicted"),
    # "we announced a $9.7 billion AI cloud contract with Microsoft"
    ("Microsoft-IREN deal is worth under $5B", "2025-11-07", "contradicted"),
    ("OpenAI signs $38B multi-year deal with AWS", "2025-11-05", "supported"),
])
def test_set19_readings(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
