""""Supermicro targets at least $33bn fiscal 2026 revenue", as of June 2025, was contradicted by the May call's
outlook for the next quarter ("net sales in the range of 5.6 to 6.4 billion"): the rumor check knew the fiscal
calendars of the universe's companies only, so for Supermicro (year ending June) a sentence naming no year was
taken to speak of any fiscal year up to 2026. The supply chain's calendars, which the transcript loader already
carries, now date its fiscal years too."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.rumor.periods import fiscal_year_end_month
from aicycle.store import Store


def test_supply_chain_calendars() -> None:
    assert fiscal_year_end_month(["SMCI"]) == 6
    assert fiscal_year_end_month(["AVGO"]) == 10
    assert fiscal_year_end_month(["SMCI", "DELL"]) is None  # no single company


def test_supermicros_fiscal_2026_target(store: Store) -> None:
    claim = "Supermicro targets at least $33bn fiscal 2026 revenue"
    assert check(store, claim, "2025-06-20")["verdict"] == "unclear"  # before the fiscal Q4 2025 call
    result = check(store, claim, "2025-09-20")
    assert result["verdict"] == "supported"
    assert any("at least $33 billion" in e["text"] for e in result["evidence"])
