"""Revenue claims were read without telling what was booked from what was guided. "Supermicro targets at least
$33bn fiscal 2026 revenue" was contradicted by the $16.2 billion booked through three quarters of fiscal 2025;
"Nvidia guides next-quarter revenue above $90bn" was judged on the quarter just reported and, before that, on
a sentence about the clouds' capex; "Broadcom AI semiconductor revenue tops $5bn" was supported by the
outlook for the next quarter and by sentences about total revenue; "AMD data center AI revenue grew" by
"Second quarter revenue increased 32%", read as continuing a sentence about the data-center business. And
Broadcom's calls were dated four weeks late: its fiscal quarters end in the first days of February, May,
August and November."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.language.loader import estimated_public_date, quarter_end
from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_targets_and_visibility_are_plans_and_ai_revenue_is_a_part() -> None:
    day = dt.date(2025, 9, 1)
    assert read(parse_claim("Supermicro targets at least $33bn fiscal 2026 revenue"), day).modality == "plan"
    visibility = read(parse_claim("Nvidia has visibility to $500 billion of Blackwell revenue"), day)
    assert visibility.modality == "expectation"
    assert read(parse_claim("Broadcom AI semiconductor revenue tops $5bn"), day).segment == "AI"
    assert read(parse_claim("Meta lifts AI capex"), day).segment is None


def test_broadcom_quarters_end_early_in_the_month() -> None:
    assert quarter_end(2025, 3, 10) == dt.date(2025, 7, 31)  # fiscal Q3 2025 ended 3 August
    assert estimated_public_date(2025, 3, 10) <= dt.date(2025, 9, 15)  # the call was on 4 September


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Supermicro targets at least $33bn fiscal 2026 revenue", "2025-09-08", "supported"),
    ("Nvidia guides next-quarter revenue above $90bn", "2026-03-01", "contradicted"),  # $78bn guided
    ("Nvidia guides next-quarter revenue above $90bn", "2026-05-25", "supported"),  # $91bn guided
    ("Broadcom AI semiconductor revenue tops $5bn", "2025-09-25", "supported"),  # $5.2bn reported
    ("Broadcom guides fiscal Q3 AI chip revenue to $5.1bn", "2025-07-25", "supported"),
])
def test_revenue_read_as_booked_or_as_guided(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_a_target_is_not_contradicted_by_revenue_booked(store: Store) -> None:
    result = check(store, "Supermicro targets at least $33bn fiscal 2026 revenue", "2025-06-20")
    assert not any("16.2 billion" in e["text"] for e in result["evidence"])


def test_a_sentence_starting_second_quarter_has_its_own_subject(store: Store) -> None:
    result = check(store, "AMD data center AI revenue grew year on year in Q2 2025", "2025-08-25")
    assert not any("Second quarter revenue increased 32%" in e["text"] for e in result["evidence"])
