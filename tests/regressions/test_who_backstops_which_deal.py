""""Google is backstopping Cipher's new AWS lease" was supported by the AWS lease itself: the ledger records
Google's backstop on Cipher's leases with Fluidstack ("Fluidstack (Google backstop $1.4B)"), not on the AWS one. A
claim that a company backstops a deal is read on whether the ledger records that backstop on the deal it names."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.backstop import backstopper
from aicycle.store import Store


def test_the_backstopper_is_read() -> None:
    assert backstopper("Google is backstopping Cipher's new AWS lease") == "Google"
    assert backstopper("Cipher's Fluidstack lease, backstopped by Google") == "Google"
    assert backstopper("Cipher signs AWS lease") is None


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Google is backstopping Cipher's new AWS lease", "contradicted"),
    ("Google is backstopping Cipher's Fluidstack lease", "supported"),
])
def test_the_ledger_says_which_deal(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, dt.date(2025, 11, 5))["verdict"] == verdict
