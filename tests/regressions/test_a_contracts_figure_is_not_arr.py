""""IREN targets about $3.4bn annualized revenue run-rate by end-2026", as of May 2026, was supported by "$700
million of ARR associated with the $3.4 billion five-year contract": the contract's value, which follows the ARR
noun, was read as the ARR figure. The target had been raised to $3.7 billion, which the same call states."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.observe import named_figures
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

_SENTENCE = ("We now have $3.1 billion of ARR under contract, including approximately $700 million of ARR associated "
             "with the $3.4 billion five-year contract for Blackwell GPUs")


def test_the_contracts_value_is_not_arr() -> None:
    reading = read(parse_claim("IREN targets about $3.4bn ARR by end-2026"), dt.date(2026, 5, 15))
    assert (3.4e9, 3.4e9, "USD") not in named_figures(reading, _SENTENCE)


def test_irens_replaced_target(store: Store) -> None:
    claim = "IREN targets about $3.4bn annualized revenue run-rate by end-2026"
    assert check(store, claim, "2025-11-10")["verdict"] == "supported"
    result = check(store, claim, "2026-05-15")
    assert result["verdict"] == "contradicted"
    assert "$3.7 billion of ARR" in result["evidence"][0]["text"]
