"""A rebound "about 40% from the cycle low" was not read at all (no direction), and "pares back capex" had no
direction either. A rise from the low is now measured from the series' lowest point of the eighteen months
before, and "about 40%" holds for a rise near 40% on either side, not only above it."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.amounts import growth
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.price_window import LOW, claim_window
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_from_the_low_is_a_window_from_the_series_low() -> None:
    as_of = dt.date(2026, 4, 5)
    assert claim_window("H100 rental prices rebound about 40% from the cycle low", as_of) == (LOW, as_of)
    by_march = claim_window("H100 rates rebound nearly 40% from the October 2025 low by March 2026", as_of)
    assert by_march == (LOW, dt.date(2026, 3, 31))


def test_about_a_figure_holds_either_side_of_it() -> None:
    assert growth("prices rebound about 40% from the low") == 0.4 * 0.75
    assert growth("revenue jumps 40%") == 0.4 * 0.95


def test_pares_back_is_a_cut() -> None:
    assert read(parse_claim("Nebius pares back capex in Q2 2026"), dt.date(2026, 8, 14)).direction == "down"


def test_a_rebound_is_judged_against_the_low(store: Store) -> None:
    result = check(store, "H100 one-year rental prices rebound about 40% from the cycle low", "2026-04-05")
    assert result["verdict"] == "supported"
    assert any("its low of" in e["text"] for e in result["evidence"])


def test_capex_that_more_than_doubled_was_not_pared_back(store: Store) -> None:
    assert check(store, "Nebius pares back capex in Q2 2026", "2026-08-14")["verdict"] == "contradicted"


def test_no_rise_yet_from_the_low_is_not_evidence_against(store: Store) -> None:
    result = check(store, "H100 one-year rental prices rebound about 40% from the cycle low", "2025-12-01")
    assert result["verdict"] == "unclear"
