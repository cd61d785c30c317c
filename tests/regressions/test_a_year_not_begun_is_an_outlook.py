""""Broadcom warns of slower AI revenue growth in fiscal 2026", said in September 2025 (Broadcom's fiscal 2025),
was read as a fact about fiscal 2026 and so could not be answered by the call's outlook ("we now expect the
outlook for fiscal 2026 AI revenue to improve significantly"). Nothing has happened in a year that has not begun:
the claim is about the outlook, whatever its verb."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_modality_of_a_later_year() -> None:
    claim = parse_claim("Broadcom warns of slower AI revenue growth in fiscal 2026")
    assert read(claim, dt.date(2025, 9, 28)).modality == "expectation"  # fiscal 2026 begins in November 2025
    assert read(claim, dt.date(2026, 1, 15)).modality == "fact"


def test_broadcoms_fiscal_2026_ai_outlook(store: Store) -> None:
    result = check(store, "Broadcom warns of slower AI revenue growth in fiscal 2026", "2025-09-28")
    assert result["verdict"] == "contradicted"
