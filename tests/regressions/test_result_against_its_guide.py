"""A reported quarter against its own guide with no figure named ("KLA June-qtr revenue beat guidance midpoint",
"SMCI smashed the top end of its June-qtr revenue guide") had no direction the check could read, so it
answered nothing; the results call states the figure beside the guide."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.vs_guide import VsGuide, _judge, read_vs_guide
from aicycle.store import Store

SMCI = ("Q4 fiscal year 25 revenues were $5.8 billion, up 8% year over year, and up 25% quarter over quarter, "
        "compared to our guidance of $5.6 to $6.4 billion.")


@pytest.mark.parametrize(("claim", "read"), [
    ("KLA June-qtr revenue beat guidance midpoint", VsGuide(True, "mid")),
    ("SMCI smashed the top end of its June-qtr revenue guide", VsGuide(True, "high")),
    ("Dell misses its revenue outlook", VsGuide(False, "mid")),
    ("Arista Q2 revenue falls short of guidance", VsGuide(False, "mid")),
    ("Revenue beats its $65 billion outlook", None),  # a figure named: read as a level
])
def test_read(claim: str, read: VsGuide | None) -> None:
    assert read_vs_guide(claim) == read


def test_a_range_said_with_one_scale() -> None:
    assert _judge(VsGuide(True, "mid"), SMCI) == "mismatch"  # $5.8bn under the $6.0bn midpoint
    assert _judge(VsGuide(True, "low"), SMCI) == "match"
    assert _judge(VsGuide(False, "high"), SMCI) == "match"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("KLA June-qtr revenue beat guidance midpoint", "2025-09-01", "supported"),
    ("KLA June-qtr revenue beat guidance midpoint", "2025-07-01", "unclear"),
    ("SMCI smashed the top end of its June-qtr revenue guide", "2025-09-01", "contradicted"),
    # "Total revenues in Q2 were $2.2 billion, up 30.4% year over year, above our guidance of $2.1 billion."
    ("Arista Q2 revenue falls short of guidance", "2025-08-25", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # revenue $81.6B for the quarter, against a $78B guide named with its quarter and measure between
    ("NVIDIA misses its $78B FQ1 FY27 revenue guide", "2026-05-22", "contradicted"),
])
def test_a_named_guide_with_words_between(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
