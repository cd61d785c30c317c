""""Oracle's FY26 Q4 RPO jump came mostly from multicloud database deals" came out unclear: Oracle's sentence on
the increase ("Most of the RPO increase in both Q3 and Q4 were large scale AI contracts where the customer prepaid
Oracle for the purchase of the GPUs ...") names none of the claim's words. A claim naming the main source of the
growth is refuted by the company naming another as its main source."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.growth_source import _judge, read_growth_source
from aicycle.store import Store

_SAID = ("Most of the RPO increase in both Q3 and Q4 were large scale AI contracts where the customer prepaid "
         "Oracle for the purchase of the GPUs, or the customer bought and supplied the GPUs to Oracle.")


def test_another_main_source_refutes() -> None:
    mostly = read_growth_source("Oracle's RPO jump came mostly from multicloud database deals", ("Oracle",))
    partly = read_growth_source("Oracle's RPO jump came partly from multicloud database deals", ("Oracle",))
    assert mostly is not None and _judge(mostly, _SAID) == "mismatch"
    assert partly is not None and _judge(partly, _SAID) is None  # a part may come from elsewhere


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Oracle's FY26 Q4 RPO jump came mostly from multicloud database deals", "contradicted"),
    ("Oracle's FY26 Q4 RPO jump came mostly from AI contracts with prepaid GPUs", "supported"),
])
def test_the_company_names_its_main_source(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, dt.date(2026, 6, 12))["verdict"] == verdict
