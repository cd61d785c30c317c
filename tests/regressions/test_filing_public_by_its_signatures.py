"""Oracle's Q1 FY2025 RPO ($99.1 billion at 2024-08-31) comes from the 10-Q the project carries, cited by path
with no filing date: it was taken as public only at the estimate (period end + 45 days), so "Oracle RPO tops
$100bn" was left unclear through September 2024. The 10-Q's signatures are dated September 10, 2024; it is
public by the next day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicycle.curated.facts import filing_dates
from aicycle.rumor import check
from aicycle.store import Store


def test_signature_dates_of_the_carried_filings(data_dir: Path) -> None:
    dates = filing_dates(data_dir)
    assert dates["edgar/filings/orcl-10-q-oracle-fixture.html"] == dt.date(2024, 9, 11)
    # signed February 4, filed February 5: the day after the signatures is never before the filing
    assert dates["edgar/filings/googl-10-k-2025-02-05.html"] == dt.date(2025, 2, 5)


@pytest.mark.parametrize(("as_of", "verdict"), [("2024-09-05", "unclear"), ("2024-09-20", "contradicted")])
def test_oracle_rpo_public_with_its_10q(store: Store, as_of: str, verdict: str) -> None:
    assert check(store, "Oracle RPO tops $100bn", as_of)["verdict"] == verdict
