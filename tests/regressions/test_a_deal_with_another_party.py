""""OpenAI signs $38B multi-year compute deal with Google Cloud" came out unclear: no deal between OpenAI and Google
fits, but OpenAI's $38B deal of that week is with Amazon Web Services. A deal of the claim's very value, news of the
last month, made by one party the claim names with a company it does not name, refutes it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "verdict"), [
    ("OpenAI signs $38B multi-year compute deal with Google Cloud", "contradicted"),
    ("OpenAI signs $38B multi-year compute deal with Amazon", "supported"),
    ("OpenAI signs $12B compute deal with Google Cloud", "unclear"),  # no deal of that value
])
def test_the_deal_of_that_value_names_its_party(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, dt.date(2025, 11, 5))["verdict"] == verdict
