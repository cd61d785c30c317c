""""Samsung Q1'26 operating profit > ₩50tn" read "> ₩50tn" as "at ₩50tn" and was contradicted by 57.2tn; and
"Nvidia guides next quarter to $108bn", a week before the call that gave that guide, was contradicted by the May
call's $91bn outlook for a quarter that had ended by then. ">" and "<" are comparisons; a quarter's outlook lapses
once its quarter is over, leaving the claim to the call still to come."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import level
from aicycle.store import Store


@pytest.mark.parametrize(("text", "op"), [("operating profit > ₩50tn", "above"), ("capex >$50bn", "above"),
                                          ("H100 < $2/hr", "below")])
def test_signs_are_comparisons(text: str, op: str) -> None:
    found = level(text)
    assert found is not None and found.op == op


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Samsung Q1'26 operating profit > ₩50tn", "2026-04-08", "supported"),  # preliminary 57.2tn
    ("Nvidia guides next quarter to $108bn", "2026-08-20", "unclear"),  # the guide came on 2026-08-26
    ("Nvidia guides next quarter to $108bn", "2026-08-28", "supported"),
    ("Nvidia guides next quarter above $75bn", "2026-03-01", "supported"),  # $78B, five days old
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
