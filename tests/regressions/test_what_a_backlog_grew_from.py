""""Oracle's RPO surge comes from AI deals where customers prepay for or supply the GPUs" (seven ways across the
claim sets) and "Frontier AI labs drove Microsoft's latest jump in commercial RPO" were read as the backlog's
level or share and left unclear. They are about what the growth came from, which the company says: Oracle's
release ("Most of the RPO increase in both Q3 and Q4 were large scale AI contracts where the customer prepaid
Oracle for the purchase of the GPUs, or the customer bought and supplied the GPUs to Oracle"), Microsoft's call
("All sequential commercial RPO growth was driven by commitments from customers outside of frontier model
companies")."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.growth_source import read_growth_source
from aicycle.store import Store


def test_source_words() -> None:
    source = read_growth_source("Oracle: most of the RPO jump is from prepaid/customer-supplied GPU deals",
                                ("ORCL", "Oracle"))
    assert source is not None and set(source.stems) == {"prepa", "suppl", "gpu"}


@pytest.mark.parametrize("claim", ["Oracle RPO tops $500bn", "Oracle's RPO growth slows in fiscal Q4"])
def test_other_backlog_claims_not_taken(claim: str) -> None:
    assert read_growth_source(claim, ("ORCL", "Oracle")) is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Oracle's RPO surge comes from AI deals where customers prepay for or supply the GPUs", "2026-06-12",
     "supported"),
    ("Oracle's RPO surge comes from AI deals where customers prepay for or supply the GPUs", "2026-06-01",
     "unclear"),  # before the release
    ("Frontier AI labs drove Microsoft's latest jump in commercial RPO", "2026-07-31", "contradicted"),
])
def test_read_on_the_company_word(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
